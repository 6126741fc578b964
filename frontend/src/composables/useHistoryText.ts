import { useI18n } from 'vue-i18n'
import type { HistoryEntry } from '@/bridge'
import { useNames } from './useNames'

/**
 * useHistoryText renders a history entry as a sentence in the current
 * language (message) and the free text it carries, if any (detail).
 */
export function useHistoryText() {
  const { t } = useI18n()
  const names = useNames()

  function message(h: HistoryEntry): string {
    const p = h.params ?? {}
    switch (h.kind) {
      case 'dossier.created':
        return t('history.kinds.created', { title: p.title ?? '', system: p.system ?? '' })
      case 'dossier.updated':
        return t('history.kinds.updated', { fields: names.fields(p.fields ?? '') })
      case 'checklist.set':
        return t('history.kinds.checklist', { item: names.item(p.item ?? ''), status: names.status(p.status ?? '') })
      case 'stage.advanced':
        return t('history.kinds.stage', { from: names.stage(p.from ?? ''), to: names.stage(p.to ?? '') })
      case 'note.added':
        return t('history.kinds.note')
      default:
        return t('history.kinds.other', { kind: h.kind })
    }
  }

  function detail(h: HistoryEntry): string {
    const p = h.params ?? {}
    if (h.kind === 'note.added') return p.text ?? ''
    if ((h.kind === 'checklist.set' || h.kind === 'stage.advanced') && p.note) return t('history.noteLabel', { note: p.note })
    return ''
  }

  return { message, detail }
}
