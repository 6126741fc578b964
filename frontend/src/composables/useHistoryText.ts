import { useI18n } from 'vue-i18n'
import { AppError, type FlowState, type HistoryEntry } from '@/bridge'
import { shortSha } from '@/lib/format'
import { useAppError } from './useAppError'
import { useNames } from './useNames'
import { useTime } from './useTime'
import { useDossiersStore } from '@/stores/dossiers'

/**
 * useHistoryText renders a history entry as a sentence in the current
 * language (message), the free text it carries, if any (detail), and why
 * an ignored entry did not take effect (ignoredReason). The workflow state,
 * when given, supplies what an event body does not carry (a version's
 * number, a postponement's old date).
 */
export function useHistoryText(flow?: () => FlowState | null | undefined) {
  const { t, te } = useI18n()
  const { formatTime } = useTime()
  const names = useNames()
  const { errorText } = useAppError()

  const slot = (p: Record<string, string>) => names.slot(p.step ?? '', p.row)
  const dossiers = useDossiersStore()
  /** itemName names a checklist item: the template's, or a review condition of the open dossier by its text. */
  const itemName = (id: string) => dossiers.current?.state.conditions?.find((c) => c.id === id)?.text || names.item(id)

  function message(h: HistoryEntry): string {
    const p = h.params ?? {}
    switch (h.kind) {
      case 'dossier.created':
        if (p.out_of_scope) return t('scope.history.created', { title: p.title ?? '', system: p.system ?? '' })
        return t('history.kinds.created', { title: p.title ?? '', system: p.system ?? '' })
      case 'dossier.updated':
        return t('history.kinds.updated', { fields: names.fields(p.fields ?? '') })
      case 'checklist.set':
        return t('history.kinds.checklist', { item: itemName(p.item ?? ''), status: names.status(p.status ?? '') })
      case 'stage.advanced':
        return t('history.kinds.stage', { from: names.stage(p.from ?? ''), to: names.stage(p.to ?? '') })
      case 'note.added':
        return t('history.kinds.note')
      case 'trial_issue.opened':
        return t('evidence.history.opened', { title: p.title ?? '' })
      case 'trial_issue.closed':
        return t('evidence.history.closed', { title: p.title ?? '' })
      case 'deliverable.attached': {
        const v = flow?.()?.deliverables?.[p.deliverable ?? '']?.find((x) => x.event === h.event)
        const key = p.hash_only === 'true' ? 'history.kinds.recorded' : 'history.kinds.attached'
        return t(key, { deliverable: names.deliverable(p.deliverable ?? ''), name: p.name ?? '', no: v ? String(v.no) : '?' })
      }
      case 'flow.submitted':
        return t('history.kinds.submitted')
      case 'flow.decided':
        if (p.decision === 'return') {
          return p.return_to
            ? t('history.kinds.returnedTo', { slot: slot(p), target: names.step(p.return_to) })
            : t('history.kinds.returned', { slot: slot(p) })
        }
        return t('history.kinds.approved', { slot: slot(p) })
      case 'flow.withdrawn':
        return t('history.kinds.withdrawn')
      case 'flow.transferred':
        return t('history.kinds.transferred', { slot: slot(p), name: p.to_name ?? '' })
      case 'flow.commented':
        return t('history.kinds.commented', { slot: slot(p) })
      case 'flow.urged':
        return t('history.kinds.urged', { slot: slot(p) })
      case 'flow.filed':
        return t('history.kinds.filed')
      case 'exec.runbook':
        return t('history.kinds.runbook')
      case 'exec.package_checked':
        return t('history.kinds.packageChecked', { name: p.name ?? '', sha: shortSha(p.sha256 ?? '') })
      case 'exec.override':
        return t('history.kinds.override')
      case 'exec.released':
        return t('history.kinds.released')
      case 'exec.supervised':
        return t('history.kinds.supervised')
      case 'exec.same_day_test':
        return t('history.kinds.sameDayTest', { by: p.confirmed_by ?? '', at: formatTime(p.tested_at) || (p.tested_at ?? '').replace('T', ' ') })
      case 'flow.confirmed':
        return p.success === 'true' ? t('history.kinds.confirmedSuccess') : t('history.kinds.confirmedFailure')
      case 'flow.postponed': {
        const pp = flow?.()?.postponements?.find((x) => x.event === h.event)
        const to = formatTime(pp?.to) || (p.planned_at ?? '').replace('T', ' ')
        return pp ? t('history.kinds.postponed', { from: formatTime(pp.from), to }) : t('history.kinds.postponedTo', { to })
      }
      case 'dossier.archived':
        return t('history.kinds.archived')
      case 'flow.post_review':
        return t('scope.history.postReview')
      case 'review.decided': {
        const title = p.title ?? ''
        if (p.decision === 'conditional' && p.conditions) return t('meeting.history.decidedConditions', { title, n: p.conditions })
        if (p.decision === 'postpone' && p.window) return t('meeting.history.decidedPostpone', { title, window: p.window })
        const decision = te(`meeting.decisions.${p.decision}`) ? t(`meeting.decisions.${p.decision}`) : (p.decision ?? '')
        return t('meeting.history.decided', { title, decision })
      }
      case 'review.minutes':
        return t('meeting.history.minutes', { title: p.title ?? '', file: p.file ?? '' })
      default:
        return t('history.kinds.other', { kind: h.kind })
    }
  }

  function detail(h: HistoryEntry): string {
    const p = h.params ?? {}
    if (h.kind === 'note.added') return p.text ?? ''
    if (h.kind === 'dossier.created' && p.late_record) return t('dates.lateRecordLabel', { reason: p.late_record })
    if (h.kind === 'checklist.set' && (p.file || p.deliverable)) {
      const lines = [p.note ? t('history.noteLabel', { note: p.note }) : '']
      if (p.file) lines.push(t('evidence.history.file', { name: p.file }))
      if (p.deliverable) lines.push(t('evidence.history.deliverable', { name: names.deliverable(p.deliverable) }))
      return lines.filter(Boolean).join('\n')
    }
    if ((h.kind === 'checklist.set' || h.kind === 'stage.advanced') && p.note) return t('history.noteLabel', { note: p.note })
    if (h.kind === 'flow.commented') return p.text ?? ''
    if (h.kind === 'flow.post_review') {
      return (['findings', 'actions', 'participants'] as const)
        .filter((f) => p[f])
        .map((f) => t('common.labelled', { label: names.field(f), text: p[f] }))
        .join('\n')
    }
    if (h.kind === 'review.decided') return p.remark ?? ''
    if (h.kind === 'trial_issue.closed') return p.resolution ?? ''
    if (h.kind === 'flow.confirmed' && p.rollback) return t('history.rollbackLabel', { text: p.rollback })
    if (h.kind === 'flow.postponed') return [p.reason, p.plan].filter(Boolean).join('\n')
    if (h.kind === 'exec.same_day_test' || h.kind === 'deliverable.attached') return p.note ?? ''
    return p.comment ?? ''
  }

  /** ignoredReason explains, in the user's language, why an ignored entry did not apply. */
  function ignoredReason(h: HistoryEntry): string {
    if (!h.ignored_code) return t('history.ignored')
    const key = `errors.${h.ignored_code}`
    return te(key) ? t('history.ignoredBecause', { reason: errorText(new AppError(h.ignored_code, h.params ?? {})) }) : t('history.ignored')
  }

  return { message, detail, ignoredReason }
}
