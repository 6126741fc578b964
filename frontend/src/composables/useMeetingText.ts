import { useI18n } from 'vue-i18n'
import type { BoardCheck, Review, Text, WindowWarning } from '@/bridge'
import { useNames } from './useNames'
import { useTime } from './useTime'
import { useWindowText } from './useWindowText'

/**
 * useMeetingText renders what the review meeting's board computes (levels,
 * checks, decisions) in the current language. The board's findings are
 * the backend's (meeting.Board); this only words them.
 */
export function useMeetingText() {
  const { t, te } = useI18n()
  const names = useNames()
  const { formatTime } = useTime()
  const { warningText } = useWindowText()

  const levelName = (l: string) => (te(`meeting.levels.${l}`) ? t(`meeting.levels.${l}`) : l)
  const decisionName = (d: string) => (te(`meeting.decisions.${d}`) ? t(`meeting.decisions.${d}`) : d)

  /** checkText is a check's message: what is wrong at its level, or what is fine. */
  function checkText(c: BoardCheck): string {
    const key = c.level === 'ok' ? `meeting.checkOk.${c.code}` : `meeting.check.${c.code}`
    return te(key) ? t(key, { count: c.count }) : c.code
  }

  /** checkDetails are the lines under a check: names missing, who approvals wait for, the calendar's warnings. */
  function checkDetails(c: BoardCheck): string[] {
    const out = (c.names ?? []).map((n) => names.tx(n)).filter(Boolean)
    for (const task of c.tasks ?? []) {
      out.push(t('meeting.waitsFor', { role: names.role(task.role), since: formatTime(task.since) }))
    }
    if (c.people?.length) out.push(t('meeting.waitsForPeople', { names: c.people.join(t('common.listSep')) }))
    for (const w of c.warnings ?? []) out.push(warningText(w as unknown as WindowWarning))
    return out
  }

  /**
   * decisionLines are a decision's conditions, its postponement target (by
   * its name in windows, the board row's names, else its id) and its remark.
   */
  function decisionLines(r: Review, windows?: Record<string, Text>): string[] {
    const out: string[] = []
    if (r.conditions?.length) out.push(t('meeting.decide.conditionsOf', { list: r.conditions.join(t('common.listSep')) }))
    if (r.decision === 'postpone' && r.window) {
      const name = windows?.[r.window]
      out.push(t('meeting.decide.movedTo', { window: name ? names.tx(name) : r.window }))
    }
    if (r.remark) out.push(t('meeting.decide.remarkOf', { text: r.remark }))
    return out
  }

  return { levelName, decisionName, checkText, checkDetails, decisionLines }
}
