// Release-window types as backend/window, backend/holiday and
// app.WindowAPI send them (generated: wailsjs/go/models.ts window.*,
// holiday.*, app.YearView), and the calendar area of the Bridge. Dates are
// "YYYY-MM-DD", clock times "HH:MM" in the window's zone.
import type { app, holiday, template, window as win } from '../../wailsjs/go/models'

/** The states a window can be in (window.State* in Go). */
export type WindowState = 'open' | 'moved' | 'cancelled' | 'frozen'
export const WINDOW_STATES: readonly WindowState[] = ['open', 'moved', 'cancelled', 'frozen']

export type Adjustment = win.Adjustment
/** A window of a plan: when and how it came about. */
export type PlanWindow = win.Window
export type Freeze = win.Freeze
/** A coded observation: plan warnings, dossier warnings, conflicts. */
export type WindowWarning = win.Warning
export type PlanEdit = win.Edit
export type WindowSlot = win.Slot
export type PlanChange = win.Change
export type WindowPlan = win.Plan
export type VersionInfo = win.VersionInfo
export type HolidayDay = holiday.Day
export type HolidayYear = holiday.Year
export type YearView = app.YearView
/** A month in which "the 2nd and 4th week" gives different dates under the two readings. */
export type ReadingDiff = win.ReadingDiff
/** A system class's window rule, as the template holds it. */
export type WindowRule = template.WindowRule

/**
 * The calendar area of the Bridge (app.WindowAPI). Editing, publishing and
 * holiday imports need the template's window-manager role (YearView.manager):
 * window.not_permitted.
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
  /** compareReadings for a rule being edited in the template editor, before it is saved. */
  compareRuleReadings(rule: WindowRule, year: number): Promise<ReadingDiff[]>
  /** The first open window of a class on a day after today (a new planned release's default), or null. */
  nextOpen(cls: string): Promise<PlanWindow | null>
  /** The windows of class a planned release may target in the plans in force of years, in time order. */
  targets(cls: string, years: number[]): Promise<PlanWindow[]>
  /** Writes the plan in force as .ics where the user picks; the path, or "" when cancelled. */
  exportICSToDialog(year: number): Promise<string>
  /** Imports a JSON or .ics holiday file the user picks; null when cancelled. */
  importHolidaysFromDialog(year: number): Promise<HolidayYear | null>
  /** Drops the imported schedule of a year (the built-in one applies again). */
  resetHolidays(year: number): Promise<void>
}
