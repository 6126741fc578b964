// The calendar area over the Wails bindings (app.WindowAPI). Imported by
// wails.ts only, so the bindings stay out of the browser bundle.
import * as WindowAPI from '../../wailsjs/go/app/WindowAPI'
import { toAppError } from './errors'
import type { HolidayYear, ReadingDiff, WindowPlan, WindowsArea, YearView } from './windows'

async function call<T>(p: () => Promise<unknown>): Promise<T> {
  try {
    return (await p()) as T
  } catch (e) {
    throw toAppError(e)
  }
}

const plan = (p: () => Promise<unknown>) => call<WindowPlan>(p)

export const wailsWindows: WindowsArea = {
  year: (y) => call<YearView>(() => WindowAPI.Year(y)),
  move: (y, id, date, start, end, reason) => plan(() => WindowAPI.Move(y, id, date, start, end, reason)),
  cancel: (y, id, reason) => plan(() => WindowAPI.Cancel(y, id, reason)),
  add: (y, cls, date, start, end, reason) => plan(() => WindowAPI.Add(y, cls, date, start, end, reason)),
  addFreeze: (y, name, start, end, reason) => plan(() => WindowAPI.AddFreeze(y, name, start, end, reason)),
  undo: (y, i) => plan(() => WindowAPI.Undo(y, i)),
  discardDraft: (y) => plan(() => WindowAPI.DiscardDraft(y)),
  publish: (y, note) => plan(() => WindowAPI.Publish(y, note)),
  version: (y, n) => plan(() => WindowAPI.Version(y, n)),
  compareReadings: async (cls, y) => (await call<ReadingDiff[] | null>(() => WindowAPI.CompareReadings(cls, y))) ?? [],
  exportICSToDialog: async (y) => (await call<string>(() => WindowAPI.ExportICSToDialog(y))) ?? '',
  // A cancelled dialog answers an empty Year.
  importHolidaysFromDialog: async (y) => {
    const got = await call<HolidayYear | null>(() => WindowAPI.ImportHolidaysFromDialog(y))
    return got?.year ? got : null
  },
  resetHolidays: (y) => call<void>(() => WindowAPI.ResetHolidays(y)),
}
