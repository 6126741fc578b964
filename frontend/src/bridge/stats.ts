// Release statistics types as backend/printable and app.StatsAPI send them
// (generated: wailsjs/go/models.ts printable.Stats*), and the dashboard's
// area of the Bridge. The numbers are the statistics workbook's: the backend
// computes them once (printable.BuildStats) for both.
import type { printable } from '../../wailsjs/go/models'
import type { Exported, RegisterFilter } from './documents'

/** The statistics of one selection: by window, month, system, class, department, and the total. */
export type Stats = printable.Stats
/** One bucket: counts, rates, lead time, hours pending by step group, and its dossiers' ids. */
export type StatsRow = printable.StatsRow
/** One dossier of the selection, as a bucket's list shows it. */
export type StatsDossier = printable.StatsDossier
/** An approval step group (the template's name for who decides). */
export type StepGroup = printable.StepGroup

/** The dashboard area of the Bridge (app.StatsAPI). */
export interface StatsArea {
  /** The statistics of the dossiers f selects (year, quarter; lang names the groups and classes). */
  dashboard(f: RegisterFilter): Promise<Stats>
  /** Saves a chart's PNG data URL where the user picks (path "" when cancelled). */
  saveChartPNG(name: string, dataURL: string): Promise<Exported>
}
