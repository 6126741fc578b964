// The yearly window plan as backend/window computes it (generate.go,
// readings.go, publish.go Diff, conflicts.go), for the in-memory bridge.
import { AppError } from '../errors'
import { WINDOW_CLASSES, isOpenState, type Adjustment, type Freeze, type HolidayDay, type HolidayYear, type PlanChange, type PlanEdit, type PlanWindow, type ReadingDiff, type WindowPlan, type WindowWarning } from '../windows'

export interface WindowRule {
  class: string
  weekday: string
  weeks: number[]
  week_reading: string
  start: string
  end: string
  zone: string
  holiday_policy: string
  capacity: number
}

export interface WindowSettings {
  rules: WindowRule[]
  freeze: { working_days_before: number; min_holiday_days: number }
  freeze_ranges: { id: string; name: { zh: string; en: string }; start: string; end: string }[]
}

const DAY = 86400000
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday']

/** toDay reads "YYYY-MM-DD" as a UTC midnight timestamp, or NaN. */
export function toDay(s: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
  if (!m) return NaN
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  return fmtDay(t) === s ? t : NaN
}
export const fmtDay = (t: number) => new Date(t).toISOString().slice(0, 10)
const weekday = (t: number) => new Date(t).getUTCDay()
const yearOf = (t: number) => new Date(t).getUTCFullYear()
const minutes = (c: string) => {
  const m = /^(\d{2}):(\d{2})$/.exec(c)
  return m && Number(m[1]) < 24 && Number(m[2]) < 60 ? Number(m[1]) * 60 + Number(m[2]) : NaN
}

/** Calendar answers working-day questions over the years it holds (holiday.Calendar). */
export class Calendar {
  private days = new Map<string, HolidayDay>()
  private years = new Map<number, HolidayYear>()
  constructor(years: HolidayYear[]) {
    for (const y of years) {
      this.years.set(y.year, y)
      for (const d of y.days) this.days.set(d.date, d)
    }
  }
  hasData(year: number) {
    const y = this.years.get(year)
    return Boolean(y && y.source !== 'none' && y.days.length > 0)
  }
  source(year: number) {
    return this.hasData(year) ? this.years.get(year)!.source : 'none'
  }
  holiday(t: number) {
    const d = this.days.get(fmtDay(t))
    return d && !d.work ? d : undefined
  }
  isWorkingDay(t: number) {
    const d = this.days.get(fmtDay(t))
    if (d) return d.work
    const wd = weekday(t)
    return wd !== 0 && wd !== 6
  }
  /** breaks are the runs of days off holding a holiday that overlap [from, to]. */
  breaks(from: number, to: number) {
    const out: { name: string; start: string; end: string; days: number }[] = []
    for (let d = from; d <= to; d += DAY) {
      if (!this.holiday(d)) continue
      let start = d
      for (let p = d - DAY; !this.isWorkingDay(p) && from - p < 60 * DAY; p -= DAY) start = p
      let end = d
      const names: string[] = []
      for (let e = start; !this.isWorkingDay(e) && e - start < 60 * DAY; e += DAY) {
        end = e
        const h = this.holiday(e)
        if (h && !names.includes(h.name)) names.push(h.name)
      }
      out.push({ name: names.join('\u3001'), start: fmtDay(start), end: fmtDay(end), days: Math.round((end - start) / DAY) + 1 })
      d = end
    }
    return out
  }
}

/** dateFor returns the weekday wd of week n of month m (0-11) under reading, or NaN. */
function dateFor(year: number, m: number, wd: number, n: number, reading: string): number {
  const first = Date.UTC(year, m, 1)
  let d: number
  if (reading === 'calendar_week') {
    const monday = first - ((weekday(first) + 6) % 7) * DAY
    d = monday + (7 * (n - 1) + ((wd + 6) % 7)) * DAY
  } else {
    d = first + (((wd - weekday(first) + 7) % 7) + 7 * (n - 1)) * DAY
  }
  return new Date(d).getUTCMonth() === m && yearOf(d) === year ? d : NaN
}

export function nominalDates(rule: WindowRule, year: number): { date: number; week: number }[] {
  const wd = WEEKDAYS.indexOf(rule.weekday)
  const weeks = [...rule.weeks].sort((a, b) => a - b)
  const out: { date: number; week: number }[] = []
  for (let m = 0; m < 12; m++) {
    for (const n of weeks) {
      const d = dateFor(year, m, wd, n, rule.week_reading)
      if (!Number.isNaN(d)) out.push({ date: d, week: n })
    }
  }
  return out
}

export function compareReadings(rule: WindowRule, year: number): ReadingDiff[] {
  if (year < 1900 || year > 2200) throw new AppError('window.bad_year', { year: String(year) })
  const wd = WEEKDAYS.indexOf(rule.weekday)
  const weeks = [...rule.weeks].sort((a, b) => a - b)
  const out: ReadingDiff[] = []
  for (let m = 0; m < 12; m++) {
    const d: ReadingDiff = { month: m + 1, nth_weekday: [], calendar_week: [] }
    for (const n of weeks) {
      const a = dateFor(year, m, wd, n, 'nth_weekday')
      if (!Number.isNaN(a)) d.nth_weekday.push(fmtDay(a))
      const b = dateFor(year, m, wd, n, 'calendar_week')
      if (!Number.isNaN(b)) d.calendar_week.push(fmtDay(b))
      else (d.missing_weeks ??= []).push(n)
    }
    if (d.nth_weekday.join() !== d.calendar_week.join()) out.push(d)
  }
  return out
}

interface Slot {
  w: PlanWindow
  cancelled: boolean
  ruleStart: string
  ruleEnd: string
}

export interface PlanInput {
  year: number
  template: string
  settings: WindowSettings
  calendar: Calendar
  edits: PlanEdit[]
}

/** buildPlan mirrors window.build: the plan and the error of each edit that no longer applies. */
export function buildPlan(input: PlanInput): { plan: WindowPlan; failed: Map<number, AppError> } {
  const { year, settings, calendar: cal } = input
  const slots: Slot[] = []
  const freezes: Freeze[] = []
  const warnings: WindowWarning[] = []
  const warn = (code: string, params: Record<string, string>) => warnings.push({ code, params })
  const hasData = cal.hasData(year)
  if (!hasData) warn('window.no_holiday_data', { year: String(year) })
  const rule = (cls: string) => settings.rules.find((r) => r.class === cls)

  for (const cls of WINDOW_CLASSES) {
    const r = rule(cls)
    if (!r) {
      warn('window.no_rule', { class: cls })
      continue
    }
    for (const n of nominalDates(r, year)) {
      const d = fmtDay(n.date)
      const s: Slot = {
        w: { id: `${d}-${cls}`, class: cls, date: d, start: r.start, end: r.end, zone: r.zone, state: 'open', nominal: d, week: n.week, capacity: r.capacity, adjustments: [] },
        cancelled: false, ruleStart: r.start, ruleEnd: r.end,
      }
      if (hasData) holidayPolicy(s, r.holiday_policy)
      slots.push(s)
    }
  }

  function holidayPolicy(s: Slot, policy: string) {
    const d = toDay(s.w.date)
    const h = cal.holiday(d)
    if (!h) return
    if (policy === 'cancel') {
      s.cancelled = true
      s.w.adjustments.push({ kind: 'cancelled', code: 'window.reason.holiday_cancelled', params: { holiday: h.name, date: s.w.date } })
      return
    }
    const step = policy === 'next_working_day' ? DAY : -DAY
    const monday = d - ((weekday(d) + 6) % 7) * DAY
    const sunday = monday + 6 * DAY
    for (let t = d + step; t >= monday && t <= sunday && yearOf(t) === year; t += step) {
      if (cal.isWorkingDay(t)) {
        s.w.date = fmtDay(t)
        s.w.adjustments.push({ kind: 'moved', code: 'window.reason.holiday_moved', params: { holiday: h.name, from: fmtDay(d), to: s.w.date, policy } })
        return
      }
    }
    s.cancelled = true
    s.w.adjustments.push({ kind: 'cancelled', code: 'window.reason.holiday_no_working_day', params: { holiday: h.name, date: fmtDay(d), policy } })
  }

  const find = (id: string) => slots.find((s) => s.w.id === id)
  const taken = (cls: string, date: string, except: string) => slots.find((s) => s.w.class === cls && s.w.date === date && !s.cancelled && s.w.id !== except)
  const checkDate = (date: string) => {
    const d = toDay(date)
    if (Number.isNaN(d)) throw new AppError('window.bad_date', { date })
    if (yearOf(d) !== year) throw new AppError('window.wrong_year', { date, year: String(year) })
    if (!cal.isWorkingDay(d)) throw new AppError('window.not_working_day', { date })
  }
  const checkTimes = (start: string, end: string) => {
    const s = minutes(start)
    if (Number.isNaN(s)) throw new AppError('window.bad_time', { value: start })
    const e = minutes(end)
    if (Number.isNaN(e)) throw new AppError('window.bad_time', { value: end })
    if (e <= s) throw new AppError('window.end_before_start', { start, end })
  }
  let manual = 0
  function apply(e: PlanEdit) {
    if (!e.reason?.trim()) throw new AppError('window.reason_required')
    switch (e.op) {
      case 'move': {
        const s = find(e.window ?? '')
        if (!s) throw new AppError('window.not_found', { window: e.window ?? '' })
        const start = e.start || s.w.start
        const end = e.end || s.w.end
        const date = e.date || s.w.date
        checkDate(date)
        checkTimes(start, end)
        if (date === s.w.date && start === s.w.start && end === s.w.end && !s.cancelled) throw new AppError('window.no_change', { window: s.w.id })
        const o = taken(s.w.class, date, s.w.id)
        if (o) throw new AppError('window.duplicate', { window: o.w.id, date })
        s.w.adjustments.push({ kind: 'moved', code: 'window.reason.manual_moved', manual: true, params: { from: s.w.date, to: date, start, end, reason: e.reason } })
        Object.assign(s.w, { date, start, end })
        s.cancelled = false
        return
      }
      case 'cancel': {
        const s = find(e.window ?? '')
        if (!s) throw new AppError('window.not_found', { window: e.window ?? '' })
        if (s.cancelled) throw new AppError('window.already_cancelled', { window: s.w.id })
        s.cancelled = true
        s.w.adjustments.push({ kind: 'cancelled', code: 'window.reason.manual_cancelled', manual: true, params: { reason: e.reason } })
        return
      }
      case 'add': {
        const r = rule(e.class ?? '')
        if (!r) throw new AppError('window.unknown_class', { class: e.class ?? '' })
        if (!e.window || find(e.window)) throw new AppError('window.duplicate_id', { window: e.window ?? '' })
        const start = e.start || r.start
        const end = e.end || r.end
        checkDate(e.date ?? '')
        checkTimes(start, end)
        const o = taken(r.class, e.date ?? '', '')
        if (o) throw new AppError('window.duplicate', { window: o.w.id, date: e.date ?? '' })
        slots.push({
          w: { id: e.window, class: r.class, date: e.date ?? '', start, end, zone: r.zone, state: 'open', extra: true, capacity: r.capacity,
            adjustments: [{ kind: 'added', code: 'window.reason.manual_added', manual: true, params: { reason: e.reason } }] },
          cancelled: false, ruleStart: start, ruleEnd: end,
        })
        return
      }
      case 'freeze': {
        if (!e.name?.trim()) throw new AppError('window.name_required')
        const s = toDay(e.date ?? '')
        const en = toDay(e.end_date ?? '')
        if (Number.isNaN(s)) throw new AppError('window.bad_date', { date: e.date ?? '' })
        if (Number.isNaN(en)) throw new AppError('window.bad_date', { date: e.end_date ?? '' })
        if (en < s) throw new AppError('window.bad_range', { start: e.date ?? '', end: e.end_date ?? '' })
        if (yearOf(en) < year || yearOf(s) > year) throw new AppError('window.wrong_year', { date: e.date ?? '', year: String(year) })
        manual++
        freezes.push({ id: `manual-${manual}`, kind: 'manual', name: e.name.trim(), start: e.date ?? '', end: e.end_date ?? '', reason: e.reason })
        return
      }
      default:
        throw new AppError('window.bad_op', { op: e.op })
    }
  }
  const failed = new Map<number, AppError>()
  input.edits.forEach((e, i) => {
    try {
      apply(e)
    } catch (err) {
      const ae = err as AppError
      failed.set(i, ae)
      warn('window.edit_skipped', { op: e.op, window: e.window ?? '', index: String(i), code: ae.code })
    }
  })

  // The freeze rule: N working days before a run of at least M days off.
  const fr = settings.freeze
  if (fr.working_days_before > 0 && hasData) {
    const jan1 = Date.UTC(year, 0, 1)
    const dec31 = Date.UTC(year, 11, 31)
    for (const br of cal.breaks(jan1, Date.UTC(year + 1, 0, 31))) {
      if (br.days < fr.min_holiday_days) continue
      let first = toDay(br.start)
      for (let n = 0; n < fr.working_days_before;) {
        first -= DAY
        if (cal.isWorkingDay(first)) n++
      }
      if (fmtDay(first) > fmtDay(dec31) || br.end < fmtDay(jan1)) continue
      freezes.push({ id: `holiday-${br.start}`, kind: 'holiday', name: br.name, start: fmtDay(first), end: br.end, holiday_start: br.start, holiday_end: br.end, holiday_days: br.days })
    }
  }
  for (const r of settings.freeze_ranges ?? []) {
    if (r.end < `${year}-01-01` || r.start > `${year}-12-31`) continue
    freezes.push({ id: r.id, kind: 'range', name: r.name.zh || r.name.en, start: r.start, end: r.end })
  }
  freezes.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))

  const freezeOn = (date: string) => freezes.filter((f) => f.start <= date && date <= f.end)
  const windows = slots.map((s) => {
    const w = s.w
    if (s.cancelled) {
      w.state = 'cancelled'
      return w
    }
    const fs = freezeOn(w.date)
    for (const f of fs) w.adjustments.push(frozenBy(f, fr.working_days_before))
    if (fs.length) w.state = 'frozen'
    else if (!w.extra && (w.date !== w.nominal || w.start !== s.ruleStart || w.end !== s.ruleEnd)) w.state = 'moved'
    else if (w.extra && w.adjustments.some((a) => a.kind === 'moved')) w.state = 'moved'
    else w.state = 'open'
    return w
  })
  sortWindows(windows)
  return {
    plan: { year, version: 0, template: input.template, holiday_source: cal.source(year), windows, freezes, edits: [...input.edits], warnings },
    failed,
  }
}

function frozenBy(f: Freeze, before: number): Adjustment {
  if (f.kind === 'holiday') {
    return {
      kind: 'frozen', code: 'window.reason.frozen_holiday',
      params: { holiday: f.name, start: f.start, end: f.end, holiday_start: f.holiday_start ?? '', holiday_end: f.holiday_end ?? '', days: String(f.holiday_days ?? 0), before: String(before) },
    }
  }
  return { kind: 'frozen', code: 'window.reason.frozen_range', params: { name: f.name, start: f.start, end: f.end, reason: f.reason ?? '' }, ...(f.kind === 'manual' ? { manual: true } : {}) }
}

export function sortWindows(ws: PlanWindow[]) {
  const order = WINDOW_CLASSES as readonly string[]
  ws.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : order.indexOf(a.class) - order.indexOf(b.class) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)))
}

/** windowStart is the instant a window starts (its zone is Asia/Shanghai, +08:00). */
export const windowStart = (w: { date: string; start: string }) => toDay(w.date) + minutes(w.start) * 60000 - 8 * 3600000
const windowEnd = (w: { date: string; end: string }) => toDay(w.date) + minutes(w.end) * 60000 - 8 * 3600000

/** diffPlans mirrors window.Diff. */
export function diffPlans(prev: WindowPlan, cur: WindowPlan): PlanChange[] {
  const old = new Map(prev.windows.map((w) => [w.id, w]))
  const slot = (w: PlanWindow) => ({ date: w.date, start: w.start, end: w.end, state: w.state })
  const out: PlanChange[] = []
  const seen = new Set<string>()
  for (const w of cur.windows) {
    seen.add(w.id)
    const o = old.get(w.id)
    if (!o) out.push({ window: w.id, class: w.class, kind: 'added', after: slot(w) })
    else if (o.date !== w.date || o.start !== w.start || o.end !== w.end) out.push({ window: w.id, class: w.class, kind: 'moved', before: slot(o), after: slot(w) })
    else if (o.state !== w.state) out.push({ window: w.id, class: w.class, kind: 'state', before: slot(o), after: slot(w) })
  }
  for (const w of prev.windows) if (!seen.has(w.id)) out.push({ window: w.id, class: w.class, kind: 'removed', before: slot(w) })
  return out
}

export interface Assignment {
  dossier: string
  system: string
  window: string
  state: string
}

/** conflicts mirrors window.Conflicts. */
export function conflicts(windows: PlanWindow[], assignments: Assignment[], calls: Map<string, string[]>): WindowWarning[] {
  const byID = new Map(windows.map((w) => [w.id, w]))
  const out: WindowWarning[] = []
  const active: Assignment[] = []
  for (const a of assignments) {
    if (['failed', 'confirmed', 'archived'].includes(a.state)) continue
    const w = byID.get(a.window)
    if (!w) {
      out.push({ code: 'window.unknown_window', params: { window: a.window, dossier: a.dossier } })
      continue
    }
    if (!isOpenState(w.state)) out.push({ code: 'window.not_open_assigned', params: { window: a.window, state: w.state, dossier: a.dossier } })
    active.push(a)
  }
  active.sort((a, b) => (a.window !== b.window ? (a.window < b.window ? -1 : 1) : a.dossier < b.dossier ? -1 : 1))
  const per = new Map<string, Assignment[]>()
  for (const a of active) per.set(a.window, [...(per.get(a.window) ?? []), a])
  for (const [id, as] of per) {
    const bySystem = new Map<string, string[]>()
    for (const a of as) bySystem.set(a.system, [...(bySystem.get(a.system) ?? []), a.dossier])
    for (const [sys, ds] of bySystem) if (ds.length > 1) out.push({ code: 'window.same_system', params: { system: sys, window: id, dossiers: ds.join(', ') } })
    const c = byID.get(id)?.capacity ?? 0
    if (c > 0 && as.length > c) out.push({ code: 'window.over_capacity', params: { window: id, capacity: String(c), count: String(as.length), dossiers: as.map((a) => a.dossier).join(', ') } })
  }
  const overlap = (a: PlanWindow, b: PlanWindow) => a.id === b.id || (windowStart(a) < windowEnd(b) && windowStart(b) < windowEnd(a))
  const seen = new Set<string>()
  for (let i = 0; i < active.length; i++) {
    for (let j = i + 1; j < active.length; j++) {
      const [a, b] = [active[i], active[j]]
      if (a.system === b.system || !overlap(byID.get(a.window)!, byID.get(b.window)!)) continue
      for (const [caller, callee] of [[a, b], [b, a]]) {
        if (!(calls.get(caller.system) ?? []).includes(callee.system)) continue
        const key = `${caller.system}>${callee.system}@${caller.window}|${callee.window}`
        if (seen.has(key)) continue
        seen.add(key)
        out.push({ code: 'window.calling_systems', params: { caller: caller.system, callee: callee.system, window: caller.window, other_window: callee.window, dossiers: `${caller.dossier}, ${callee.dossier}` } })
      }
    }
  }
  return out
}
