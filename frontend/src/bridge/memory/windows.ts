// The calendar area of memoryBridge (app.WindowAPI with backend/window's
// rules and codes), and withWindows, which gives the dossier area the
// backend's window behaviour: planned upgrades must target an open window
// of their system's class, follow it when it moves, and carry warnings.
import { AppError } from '../errors'
import type { Bridge, DossierFields, DossierSummary, DossierView } from '../types'
import { isOpenState, type HolidayYear, type PlanWindow, type VersionInfo, type WindowPlan, type WindowsArea, type WindowWarning } from '../windows'
import { parseTime, rfc3339 } from './clock'
import { clone, randomHex, type MemoryDB } from './db'
import { validateFields } from './validate'
import builtinHolidays from './holidays.json'
import { buildPlan, Calendar, compareReadings, conflicts, diffPlans, windowStart, type WindowSettings } from './windowPlan'

type Dossiers = Bridge['dossiers']

const MIN_YEAR = 2000
const MAX_YEAR = 2100
const BUILTIN = builtinHolidays as Record<string, { date: string; name: string; work: boolean }[]>

/** needsWindow mirrors dossier.needsWindow: planned releases except new systems. */
export const needsWindow = (type: string, mode: string) => mode === 'planned' && type !== 'new_system'

export interface MemoryWindows extends WindowsArea {
  /** The plan in force for year (the latest version, else the generated plan). */
  inForce(year: number): WindowPlan
  /** The window id from the plan in force; window.not_found otherwise. */
  window(id: string): PlanWindow
  /** validFor mirrors window.Service.ValidFor. */
  validFor(id: string, cls: string): PlanWindow
  /** nextOpen mirrors window.Service.NextOpenWindow. */
  nextOpen(cls: string, after: number): PlanWindow
  /** Holiday data a spec wants for a year (as an import would give). */
  setHolidays(y: HolidayYear): void
  /** Dossier id → window id, as the dossier events would record it. */
  assigned: Map<string, string>
}

export function windowsArea(db: MemoryDB): MemoryWindows {
  const imported = new Map<number, HolidayYear>()
  const drafts = new Map<number, { edits: WindowPlan['edits']; extras: number }>()
  const versions = new Map<number, WindowPlan[]>()
  const assigned = new Map<string, string>()

  const checkYear = (y: number) => {
    if (!Number.isInteger(y) || y < MIN_YEAR || y > MAX_YEAR) throw new AppError('window.bad_year', { year: String(y) })
  }
  const holidays = (y: number): HolidayYear => {
    const imp = imported.get(y)
    if (imp) return clone(imp)
    const days = BUILTIN[String(y)] ?? []
    return { year: y, source: days.length ? 'builtin' : 'none', days: clone(days) }
  }
  const settings = () => (db.template as unknown as { windows: WindowSettings }).windows
  const input = (y: number, edits: WindowPlan['edits']) => ({
    year: y, template: `${db.template.id}@${db.template.version}`, settings: settings(),
    calendar: new Calendar([holidays(y - 1), holidays(y), holidays(y + 1)]), edits,
  })
  const published = (y: number) => versions.get(y) ?? []
  const draftOf = (y: number) => {
    const d = drafts.get(y)
    if (d) return d
    const vs = published(y)
    const edits = clone(vs[vs.length - 1]?.edits ?? [])
    return { edits, extras: edits.filter((e) => e.op === 'add').length }
  }
  const generate = (y: number) => buildPlan(input(y, [])).plan
  const inForce = (y: number) => {
    checkYear(y)
    const vs = published(y)
    return clone(vs.length ? vs[vs.length - 1] : generate(y))
  }
  const draft = (y: number) => buildPlan(input(y, draftOf(y).edits)).plan
  const pmo = () => {
    if (!db.current) throw new AppError('profile.locked')
    const role = db.template.settings.template_editor_role
    if (!db.current.roles.includes(role)) throw new AppError('window.not_permitted', { role })
    return db.current
  }
  const edit = (y: number, e: Omit<WindowPlan['edits'][number], 'by' | 'at'>): WindowPlan => {
    checkYear(y)
    const me = pmo()
    const d = clone(draftOf(y))
    const full = { ...e, reason: e.reason.trim(), by: me.id, at: rfc3339(db.now()) }
    if (full.op === 'add') {
      d.extras++
      full.window = `${full.date}-${full.class}-x${d.extras}`
    }
    d.edits.push(full)
    const { plan, failed } = buildPlan(input(y, d.edits))
    const err = failed.get(d.edits.length - 1)
    if (err) throw err
    drafts.set(y, d)
    return plan
  }
  const windowOf = (id: string) => {
    const y = Number(id.slice(0, 4))
    if (!/^\d{4}-/.test(id) || y < MIN_YEAR || y > MAX_YEAR) throw new AppError('window.not_found', { window: id })
    const w = inForce(y).windows.find((x) => x.id === id)
    if (!w) throw new AppError('window.not_found', { window: id })
    return w
  }

  const area: MemoryWindows = {
    assigned,
    inForce,
    window: windowOf,
    validFor(id, cls) {
      const w = windowOf(id)
      if (w.class !== cls) throw new AppError('window.wrong_class', { window: id, class: cls, want: w.class })
      if (w.state === 'cancelled') throw new AppError('window.cancelled', { window: id })
      if (w.state === 'frozen') throw new AppError('window.frozen', { window: id })
      return w
    },
    nextOpen(cls, after) {
      const y = new Date(after + 8 * 3600000).getUTCFullYear()
      for (const year of [y, y + 1]) {
        if (year < MIN_YEAR || year > MAX_YEAR) continue
        const best = inForce(year).windows.filter((w) => w.class === cls && isOpenState(w.state) && windowStart(w) > after)
          .sort((a, b) => windowStart(a) - windowStart(b))[0]
        if (best) return best
      }
      throw new AppError('window.none_open', { class: cls, after: rfc3339(new Date(after)) })
    },
    setHolidays(y) {
      imported.set(y.year, clone(y))
    },
    async year(y) {
      checkYear(y)
      const info: VersionInfo[] = published(y).map((p) => ({
        version: p.version, event: p.event ?? '', published_at: p.published_at ?? '', published_by: p.published_by ?? '', note: p.note ?? '', changes: p.changes?.length ?? 0,
      }))
      return { in_force: inForce(y), draft: draft(y), versions: info, holidays: holidays(y) }
    },
    async move(y, id, date, start, end, reason) {
      return edit(y, { op: 'move', window: id, date, start, end, reason })
    },
    async cancel(y, id, reason) {
      return edit(y, { op: 'cancel', window: id, reason })
    },
    async add(y, cls, date, start, end, reason) {
      return edit(y, { op: 'add', class: cls, date, start, end, reason })
    },
    async addFreeze(y, name, start, end, reason) {
      return edit(y, { op: 'freeze', name, date: start, end_date: end, reason })
    },
    async undo(y, index) {
      checkYear(y)
      pmo()
      const d = clone(draftOf(y))
      if (index < 0 || index >= d.edits.length) throw new AppError('window.no_edit', { index: String(index) })
      d.edits.splice(index, 1)
      drafts.set(y, d)
      return draft(y)
    },
    async discardDraft(y) {
      checkYear(y)
      pmo()
      drafts.delete(y)
      return draft(y)
    },
    async publish(y, note) {
      checkYear(y)
      const me = pmo()
      const d = draftOf(y)
      const { plan, failed } = buildPlan(input(y, d.edits))
      for (const [i, err] of [...failed.entries()].sort((a, b) => a[0] - b[0])) {
        throw new AppError('window.edit_skipped', { index: String(i), code: err.code })
      }
      const vs = published(y)
      const prev = vs[vs.length - 1]
      plan.version = vs.length + 1
      plan.note = note
      if (prev) {
        plan.changes = diffPlans(prev, plan)
        if (plan.changes.length === 0 && JSON.stringify(prev.freezes) === JSON.stringify(plan.freezes)) {
          throw new AppError('window.nothing_changed', { year: String(y), version: String(prev.version) })
        }
      }
      Object.assign(plan, { published_at: rfc3339(db.now()), published_by: me.public_key, event: randomHex(64) })
      versions.set(y, [...vs, clone(plan)])
      drafts.set(y, clone(d))
      return plan
    },
    async version(y, n) {
      checkYear(y)
      const vs = published(y)
      if (n < 1 || n > vs.length) throw new AppError('window.no_version', { year: String(y), version: String(n) })
      return clone(vs[n - 1])
    },
    async compareReadings(cls, y) {
      const rule = settings().rules.find((r) => r.class === cls)
      if (!rule) throw new AppError('window.unknown_class', { class: cls })
      return compareReadings(rule, y)
    },
    async exportICSToDialog(y) {
      const p = inForce(y)
      const path = `/home/user/golive-release-windows-${y}.ics`
      const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//GoLive//memory//EN',
        ...p.windows.filter((w) => isOpenState(w.state)).flatMap((w) => ['BEGIN:VEVENT', `UID:${w.id}@golive`, `DTSTART;TZID=${w.zone}:${w.date.replaceAll('-', '')}T${w.start.replace(':', '')}00`, `DTEND;TZID=${w.zone}:${w.date.replaceAll('-', '')}T${w.end.replace(':', '')}00`, `SUMMARY:${w.class}`, 'END:VEVENT']),
        'END:VCALENDAR']
      db.written.set(path, new TextEncoder().encode(lines.join('\r\n') + '\r\n'))
      return path
    },
    async importHolidaysFromDialog(y) {
      checkYear(y)
      const me = pmo()
      const f = db.pick('holidays')
      if (!f) return null
      let parsed: HolidayYear
      try {
        parsed = JSON.parse(new TextDecoder().decode(f.data)) as HolidayYear
      } catch {
        throw new AppError('holiday.bad_json', { file: f.name })
      }
      if (parsed.year !== y) throw new AppError('holiday.wrong_year', { date: String(parsed.year), year: String(y) })
      if (!parsed.days?.length) throw new AppError('holiday.empty', { year: String(y) })
      const saved: HolidayYear = { year: y, source: 'imported', days: parsed.days, file: f.name, imported_at: rfc3339(db.now()), imported_by: me.id }
      imported.set(y, saved)
      return clone(saved)
    },
    async resetHolidays(y) {
      pmo()
      imported.delete(y)
    },
  }
  return area
}

/**
 * withWindows wraps the dossier area: create and update check the window
 * (dossier.window_required, window.*) and take the planned time from it;
 * get, list follow the window as the plan in force has it; postpone moves to
 * a window; proposePostponement names the next open one. A sample dossier
 * without a recorded window counts as assigned to the window of its class
 * starting at its planned time, if there is one.
 */
export function withWindows(d: Dossiers, w: MemoryWindows, db: MemoryDB): Dossiers {
  const classOf = (code: string) => db.systems.get(code)?.class ?? 'other'
  const windowOfDossier = (id: string, type: string, mode: string, code: string, plannedAt: string): string => {
    const got = w.assigned.get(id)
    if (got !== undefined) return got
    if (!needsWindow(type, mode) || plannedAt.startsWith('0001')) return ''
    const at = Date.parse(plannedAt)
    try {
      const y = new Date(at + 8 * 3600000).getUTCFullYear()
      return w.inForce(y).windows.find((x) => x.class === classOf(code) && windowStart(x) === at)?.id ?? ''
    } catch {
      return ''
    }
  }
  /** check validates f.window for the dossier's class and sets the planned time, as dossier.checkWindow. */
  const check = (code: string, type: string, mode: string, f: DossierFields, creating: boolean, changed: boolean) => {
    if (!f.window) {
      if (needsWindow(type, mode) && (creating || f.window !== undefined || changed)) throw new AppError('dossier.window_required')
      return
    }
    const win = w.validFor(f.window, classOf(code))
    f.planned_at = `${win.date}T${win.start}`
  }
  const summaryWindow = (s: DossierSummary): DossierSummary => {
    const id = windowOfDossier(s.id, s.type, s.mode, s.system_code, s.planned_at)
    if (!id) return { ...s, window: '', window_state: '' }
    try {
      const win = w.window(id)
      return { ...s, window: id, window_state: win.state, planned_at: rfc3339(new Date(windowStart(win))) }
    } catch {
      return { ...s, window: id, window_state: '' }
    }
  }
  const all = async () => (await d.list({ stage: '', system_code: '', type: '', mode: '', month: '', text: '' })).map(summaryWindow)
  const withWindow = async (v: DossierView): Promise<DossierView> => {
    const st = v.state
    const id = windowOfDossier(st.id, st.type, st.mode, st.system_code, st.planned_at)
    const out: DossierView = { ...v, state: { ...st, window: id }, window: null, warnings: [] }
    const warnings: WindowWarning[] = []
    if (id) {
      try {
        const win = w.window(id)
        out.window = win
        const start = rfc3339(new Date(windowStart(win)))
        if (start !== st.planned_at || !isOpenState(win.state)) warnings.push({ code: 'dossier.window_changed', params: { window: win.id, state: win.state, date: win.date } })
        out.state.planned_at = start
      } catch {
        warnings.push({ code: 'window.unknown_window', params: { window: id, dossier: st.id } })
      }
      const list = await all()
      const as = list.filter((s) => s.window).map((s) => ({ dossier: s.id, system: s.system_code, window: s.window ?? '', state: s.phase ?? '' }))
      const years = [...new Set(as.map((a) => Number(a.window.slice(0, 4))))]
      const windows = years.flatMap((y) => {
        try {
          return w.inForce(y).windows
        } catch {
          return []
        }
      })
      const calls = new Map([...db.systems.values()].map((s) => [s.code, s.calls ?? []]))
      warnings.push(...conflicts(windows, as, calls).filter((x) => x.params?.window === id || x.params?.other_window === id))
    }
    out.warnings = warnings
    return out
  }

  const get = async (id: string) => withWindow(await d.get(id))
  const isView = (v: unknown): v is DossierView => Boolean(v && typeof v === 'object' && 'state' in v && 'history' in v)
  // Every action answers the dossier as Get does: with its window and warnings.
  const wrapped = Object.fromEntries(Object.entries(d).map(([k, fn]) => [k, typeof fn !== 'function' ? fn : async (...args: unknown[]) => {
    const r: unknown = await (fn as (...a: unknown[]) => unknown).apply(d, args)
    return isView(r) ? withWindow(r) : r
  }])) as unknown as Dossiers

  return {
    ...wrapped,
    async list(f) {
      return (await d.list(f)).map(summaryWindow)
    },
    get,
    async create(req) {
      const { window: win, ...rest } = req
      const code = (req.system_code ?? '').trim()
      if (db.current && db.systems.has(code)) {
        const { system_code: _code, ...fields } = rest
        validateFields(db.template, fields, true) // the field codes come first, as in dossier.Create
        const f: DossierFields = { ...rest, window: win }
        check(code, req.type ?? '', req.mode ?? '', f, true, false)
        if (f.planned_at) rest.planned_at = f.planned_at
      }
      const v = await d.create(rest)
      if (win) w.assigned.set(v.state.id, win)
      return withWindow(v)
    },
    async update(id, patch) {
      const st = (await get(id)).state
      const { window: win, ...rest } = patch
      const changed = (patch.type !== undefined && patch.type !== st.type) || (patch.mode !== undefined && patch.mode !== st.mode)
      const f: DossierFields = { ...rest, window: win }
      check(st.system_code, patch.type ?? st.type, patch.mode ?? st.mode, f, false, changed)
      if (f.planned_at) rest.planned_at = f.planned_at
      const newWindow = win !== undefined && win !== (st.window ?? '')
      const others = Object.keys(rest).filter((k) => k !== 'planned_at')
      if (newWindow && others.length === 0 && (!rest.planned_at || parseTime(rest.planned_at).getTime() === Date.parse(st.planned_at))) {
        // Only the window changed: the fake records it without an event.
        w.assigned.set(id, win ?? '')
        return get(id)
      }
      const v = await d.update(id, rest)
      if (win !== undefined) w.assigned.set(id, win)
      return withWindow(v)
    },
    async postpone(id, unchanged, reason, plan, plannedAt, windowId) {
      let at = plannedAt
      const st = (await get(id)).state
      if (windowId) {
        const win = w.validFor(windowId, classOf(st.system_code))
        at = `${win.date}T${win.start}`
      } else if (needsWindow(st.type, st.mode)) {
        throw new AppError('dossier.window_required')
      }
      const v = await d.postpone(id, unchanged, reason, plan, at, windowId)
      if (windowId) w.assigned.set(id, windowId)
      return withWindow(v)
    },
    async proposePostponement(id) {
      const st = (await get(id)).state
      const after = Math.max(Date.parse(st.planned_at), db.now().getTime())
      return w.nextOpen(classOf(st.system_code), after + 60000)
    },
  }
}
