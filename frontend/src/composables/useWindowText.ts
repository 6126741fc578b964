import { useI18n } from 'vue-i18n'
import { AppError, toAppError, type Adjustment, type PlanEdit, type ReleaseWindow, type Text, type WindowWarning } from '@/bridge'
import { WEEKDAY_KEYS, weekdayIndex } from '@/lib/calendar'
import { useAppError } from './useAppError'
import { useNames } from './useNames'
import { useText } from './useText'
import { useTime } from './useTime'

/** needsWindow mirrors the backend: planned releases target a window, except new systems. */
export const needsWindow = (type: string, mode: string) => mode === 'planned' && type !== 'new_system'

/** isWindowError tells errors about a dossier's window (shown next to the window picker). */
export function isWindowError(e: unknown): boolean {
  if (!e) return false
  const code = toAppError(e).code
  return code === 'dossier.window_required' || code.startsWith('window.')
}

const EDIT_OP_KEYS: Record<string, string> = {
  move: 'calendar.edit.move',
  cancel: 'calendar.edit.cancelWindow',
  add: 'calendar.pmo.addWindow',
  freeze: 'calendar.pmo.addFreeze',
}

/**
 * useWindowText renders the calendar's coded data in the current language:
 * window states and classes, adjustment reasons (window.reason.*), warnings
 * (window.*, dossier.window_changed) and window errors, each with its
 * parameters made readable first.
 */
export function useWindowText() {
  const { t, te } = useI18n()
  const { formatTime } = useTime()
  const names = useNames()
  const { tx } = useText()
  const { errorText } = useAppError()

  const className = (cls: string) => names.systemClass(cls)
  const stateName = (state: string) => (te(`calendar.states.${state}`) ? t(`calendar.states.${state}`) : state)
  const weekdayName = (date: string) => (date ? t(`calendar.weekdays.${WEEKDAY_KEYS[weekdayIndex(date)]}`) : '')
  const policyName = (p: string) => (te(`calendar.policies.${p}`) ? t(`calendar.policies.${p}`) : p)

  /** windowLine is "2027-03-11 Thursday 19:00–23:00 · Java". */
  const windowLine = (w: Pick<ReleaseWindow, 'date' | 'start' | 'end' | 'class'>) =>
    t('calendar.dossier.line', { date: w.date, weekday: weekdayName(w.date), start: w.start, end: w.end, class: className(w.class) })

  /**
   * readable turns ids and codes in params into words; windowNames are the
   * backend's names of the windows params give by id (Warning.names).
   */
  function readable(code: string, raw: Record<string, string> = {}, windowNames: Record<string, Text> = {}): Record<string, string> {
    const p = { ...raw }
    for (const [k, n] of Object.entries(windowNames)) if (tx(n)) p[k] = tx(n)
    if (p.state) p.state = stateName(p.state)
    if (p.class) p.class = className(p.class)
    if (p.want) p.want = className(p.want)
    if (p.policy) p.policy = policyName(p.policy)
    if (p.op) p.op = EDIT_OP_KEYS[p.op] ? t(EDIT_OP_KEYS[p.op]) : p.op
    if (p.after && /T\d\d:/.test(p.after)) p.after = formatTime(p.after)
    if (code === 'window.edit_skipped') {
      if (p.index && /^\d+$/.test(p.index)) p.index = String(Number(p.index) + 1)
      if (p.code) p.code = errorText(new AppError(p.code))
    }
    return p
  }

  /** codeText translates a warning or reason code with its params (and the names of the windows they give by id). */
  function codeText(code: string, params: Record<string, string> = {}, windowNames: Record<string, Text> = {}): string {
    const p = readable(code, params, windowNames)
    if (te(`calendar.codes.${code}`)) return t(`calendar.codes.${code}`, p)
    if (te(`errors.${code}`)) return t(`errors.${code}`, p)
    return code
  }

  /** adjustmentText explains one way a window differs from its rule. */
  function adjustmentText(a: Adjustment): string {
    const text = codeText(a.code, a.params ?? {})
    if (a.code === 'window.reason.frozen_range' && a.params?.reason) return text + t('calendar.reasonSuffix', { reason: a.params.reason })
    return text
  }

  const warningText = (w: WindowWarning) => codeText(w.code, w.params ?? {}, w.names ?? {})

  /** errorMessage is errorText with the window codes' params made readable. */
  function errorMessage(err: unknown): string {
    const e = toAppError(err)
    if (!/^(window|holiday|ics|dossier\.window)/.test(e.code)) return errorText(e)
    return errorText(new AppError(e.code, readable(e.code, e.params), e.detail))
  }

  /** editText describes one PMO edit of a draft. */
  function editText(e: PlanEdit): string {
    const key = `calendar.pmo.ops.${e.op}`
    if (!te(key)) return e.op
    const when = [e.date ?? '', e.start || e.end ? `${e.start || '…'}–${e.end || '…'}` : ''].filter(Boolean).join(' ')
    return t(key, { window: e.window ?? '', when, class: className(e.class ?? ''), name: e.name ?? '', date: e.date ?? '', end_date: e.end_date ?? '' })
  }

  return { className, stateName, weekdayName, policyName, windowLine, codeText, adjustmentText, warningText, errorMessage, editText }
}
