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
    if (p.deliverable) p.deliverable = names.deliverable(p.deliverable)
    if (p.step && e.code.startsWith('workflow.')) {
      p.row = p.row ? names.slot(p.step, p.row) : ''
      p.step = names.step(p.step)
    }
    if (e.code === 'workflow.incomplete' || e.code === 'dossier.checklist_incomplete') {
      const items = (e.params.items ?? '').split(',').filter(Boolean).map((id) => t('common.quoted', { text: names.stepItem(id) }))
      const delivs = (e.params.deliverables ?? '').split(',').filter(Boolean).map((id) => t('common.quoted', { text: names.deliverable(id) }))
      const more = [...items, ...delivs].join(t('common.listSep'))
      if (e.code === 'workflow.incomplete') p.missing = more
      else {
        p.checklist = (e.params.checklist ?? '').split(',').filter(Boolean).map(names.checklistRef).join(t('common.listSep'))
        p.also = more ? t('errors.alsoMissing', { missing: more }) : ''
      }
    }
    if (p.phase) p.phase = names.phase(p.phase)
    if (p.action && te(`errors.actions.${p.action}`)) p.action = t(`errors.actions.${p.action}`)
    if (e.code === 'workflow.runbook_incomplete') {
      const rows = (e.params.row ?? '').split(',').filter(Boolean)
      const parts = [e.params.rows === '0' ? t('errors.runbookNone') : t(rows.length > 1 ? 'errors.runbookRows' : 'errors.runbookRow', { row: rows.join(t('common.listSep')) })]
      if (e.params.package && te(`errors.runbookPackage.${e.params.package}`)) parts.push(t(`errors.runbookPackage.${e.params.package}`))
      p.row = parts.join(t('common.listSep'))
    }
    for (const k of ['approved', 'deployed', 'sha256'] as const) if (p[k] && p[k].length > 16) p[k] = p[k].slice(0, 12) + '…'
    return p
  }

  /** problemText translates one problem the template validator reported. */
  function problemText(code: string, raw: Record<string, string> = {}): string {
    // Ids stay as written: the template being edited is what defines them.
    const key = `errors.${code}`
    if (!te(key)) return t('errors.unknown', { code })
    const p = { ...raw }
    if (p.problem && te(`errors.problems.${p.problem}`)) p.problem = t(`errors.problems.${p.problem}`)
    return t(key, p)
  }

  /** errorText returns the message to show for any rejection value. */
  function errorText(err: unknown): string {
    const e = toAppError(err)
    const key = `errors.${e.code}`
    // te() is true only for messages, not for groups such as "errors.dossier".
    if (e.code && te(key)) return t(key, params(e))
    return t('errors.unknown', { code: e.code })
  }

  return { errorText, problemText }
}
