// Release-window types as backend/window, backend/holiday and
// app.WindowAPI send them (see wailsjs/go/models.ts: window.*, holiday.*,
// app.YearView), and the calendar area of the Bridge. Plain data, like
// types.ts; dates are "YYYY-MM-DD", clock times "HH:MM" in the window's zone.
import type { ReleaseWindow } from './types'

export type WindowState = 'open' | 'moved' | 'cancelled' | 'frozen'
export const WINDOW_STATES: readonly WindowState[] = ['open', 'moved', 'cancelled', 'frozen']

/** The system classes a rule exists for, in backend order (system.Classes). */
export const WINDOW_CLASSES = ['java', 'dotnet', 'packaged', 'web', 'other'] as const

/** Whether planned releases may use a window in this state (window.Window.Open). */
export const isOpenState = (s: string) => s === 'open' || s === 'moved'

/** One way a window differs from its rule; code is a window.reason.* code translated with params. */
export interface Adjustment {
  /** moved | cancelled | frozen | added */
  kind: string
  code: string
  params?: Record<string, string>
  /** Made by the PMO by hand. */
  manual?: boolean
}

/** A window of a plan: ReleaseWindow plus how it came about. */
export interface PlanWindow extends ReleaseWindow {
  /** The date the rule gives; absent for an extra window. */
  nominal?: string
  week?: number
  /** Added by hand. */
  extra?: boolean
  adjustments: Adjustment[]
}

/** A freeze period, both dates included. */
export interface Freeze {
  id: string
  /** holiday (from the freeze rule) | range (template) | manual */
  kind: string
  name: string
  start: string
  end: string
  holiday_start?: string
  holiday_end?: string
  holiday_days?: number
  reason?: string
}

/** A coded observation: plan warnings, dossier warnings, conflicts. */
export interface WindowWarning {
  code: string
  params?: Record<string, string>
}

export type EditOp = 'move' | 'cancel' | 'add' | 'freeze'

/** One adjustment the PMO made by hand. */
export interface PlanEdit {
  op: EditOp | string
  window?: string
  class?: string
  date?: string
  end_date?: string
  start?: string
  end?: string
  name?: string
  reason: string
  /** Profile id. */
  by: string
  at: string
}

/** Where and in what state a window was in one version. */
export interface WindowSlot {
  date: string
  start: string
  end: string
  state: string
}

/** One difference of a published version from the previous one. */
export interface PlanChange {
  window: string
  class: string
  /** added | removed | moved | state */
  kind: string
  before?: WindowSlot
  after?: WindowSlot
}

/** The window plan of one year: generated, adjusted, published as signed versions. */
export interface WindowPlan {
  year: number
  /** 0 for a plan never published. */
  version: number
  template: string
  /** builtin | imported | none */
  holiday_source: string
  windows: PlanWindow[]
  freezes: Freeze[]
  edits: PlanEdit[]
  warnings: WindowWarning[]
  changes?: PlanChange[]
  note?: string
  published_at?: string
  published_by?: string
  event?: string
}

export interface VersionInfo {
  version: number
  event: string
  published_at: string
  /** Public key, hex. */
  published_by: string
  note: string
  /** Number of window changes against the previous version. */
  changes: number
}

/** A special day: a day off, or a make-up working day when work is true. */
export interface HolidayDay {
  date: string
  name: string
  work: boolean
}

export type HolidaySource = 'builtin' | 'imported' | 'none'

export interface HolidayYear {
  year: number
  source: HolidaySource | string
  days: HolidayDay[]
  file?: string
  imported_at?: string
  imported_by?: string
}

/** Everything the calendar shows for a year (app.YearView). */
export interface YearView {
  /** The latest published version, or the generated plan (version 0). */
  in_force: WindowPlan
  /** The PMO's working plan: in force plus the pending edits. */
  draft: WindowPlan
  versions: VersionInfo[]
  holidays: HolidayYear
}

/** A month in which "the 2nd and 4th week" gives different dates under the two readings. */
export interface ReadingDiff {
  month: number
  nth_weekday: string[]
  calendar_week: string[]
  missing_weeks?: number[]
}

/**
 * The calendar area of the Bridge (app.WindowAPI). Editing, publishing and
 * holiday imports need the template editor role (pmo): window.not_permitted.
 */
export interface WindowsArea {
  year(year: number): Promise<YearView>
  /** Moves a draft window to date ("" keeps it) and times ("" keep them). */
  move(year: number, id: string, date: string, start: string, end: string, reason: string): Promise<WindowPlan>
  cancel(year: number, id: string, reason: string): Promise<WindowPlan>
  /** Adds an extra window; empty times take the rule's. */
  add(year: number, cls: string, date: string, start: string, end: string, reason: string): Promise<WindowPlan>
  addFreeze(year: number, name: string, start: string, end: string, reason: string): Promise<WindowPlan>
  /** Removes the pending edit at index. */
  undo(year: number, index: number): Promise<WindowPlan>
  discardDraft(year: number): Promise<WindowPlan>
  /** Publishes the draft as the next signed version. */
  publish(year: number, note: string): Promise<WindowPlan>
  version(year: number, n: number): Promise<WindowPlan>
  compareReadings(cls: string, year: number): Promise<ReadingDiff[]>
  /** Writes the plan in force as .ics where the user picks; the path, or "" when cancelled. */
  exportICSToDialog(year: number): Promise<string>
  /** Imports a JSON or .ics holiday file the user picks; null when cancelled. */
  importHolidaysFromDialog(year: number): Promise<HolidayYear | null>
  /** Drops the imported schedule of a year (the built-in one applies again). */
  resetHolidays(year: number): Promise<void>
}
