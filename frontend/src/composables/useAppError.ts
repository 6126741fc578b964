import { useI18n } from 'vue-i18n'
import { toAppError, type AppError } from '@/bridge'
import { useNames } from './useNames'

/**
 * useAppError translates coded errors: errors.<code> with the error's
 * params interpolated. Params that hold ids (item, from/to stages, content
 * problems, who uses a system) are first turned into names. An unknown code
 * gets a generic message that shows the code.
 */
export function useAppError() {
  const { t, te } = useI18n()
  const names = useNames()

  function params(e: AppError): Record<string, string> {
    const p = { ...e.params }
    if (p.item) p.item = names.item(p.item)
    if (e.code === 'dossier.bad_stage') {
      p.from = names.stage(p.from ?? '')
      p.to = names.stage(p.to ?? '')
    }
    if (p.problem && te(`errors.problems.${p.problem}`)) p.problem = t(`errors.problems.${p.problem}`)
    if (e.code === 'system.in_use') p.by = p.by === 'dossier' ? t('errors.inUseByDossier') : t('errors.inUseBySystem', { code: p.by ?? '' })
    if (p.role) p.role = p.role.split(',').map(names.role).join(t('common.listSep'))
    if (p.fields) p.fields = names.fields(p.fields)
    if (p.documents) p.documents = p.documents.split(',').map(names.document).join(t('common.listSep'))
    return p
  }

  /** errorText returns the message to show for any rejection value. */
  function errorText(err: unknown): string {
    const e = toAppError(err)
    const key = `errors.${e.code}`
    // te() is true only for messages, not for groups such as "errors.dossier".
    if (e.code && te(key)) return t(key, params(e))
    return t('errors.unknown', { code: e.code })
  }

  return { errorText }
}
