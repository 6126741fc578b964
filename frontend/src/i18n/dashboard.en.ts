import type zh from './dashboard.zh-CN'
import type { dashboardAppErrors as zhErrors } from './dashboard.zh-CN'

// English texts of the dashboard (see dashboard.zh-CN.ts).
const dashboard: typeof zh = {
  nav: 'Dashboard',
  title: 'Release dashboard',
  intro: 'The numbers are those of the release statistics workbook exported with the same filters.',
  year: 'Year',
  quarter: 'Quarter',
  wholeYear: 'Whole year',
  quarterN: 'Q{n}',
  dimension: 'Group by',
  dims: {
    system: 'System',
    class: 'System class',
    department: 'Department',
  },
  exportWorkbook: 'Export release statistics workbook',
  exportPNG: 'Export image',
  empty: 'No dossier in the selection.',
  totals: {
    dossiers: 'Dossiers',
    released: 'Released',
    changeFailure: 'Change failure rate',
    emergency: 'Emergency share',
    postponement: 'Postponement rate',
    lead: 'Mean lead time',
    leadDays: '{n} days',
    none: '—',
  },
  charts: {
    month: 'Releases per month',
    window: 'Releases per window',
    rates: 'Change failure rate, emergency share and postponement rate',
    lead: 'Mean lead time (submission to release, days)',
    steps: 'Mean wait per approval step (hours)',
    stepsOf: '{label}: mean wait per approval step (hours)',
  },
  series: {
    dossiers: 'Dossiers',
    released: 'Released',
    changeFailure: 'Change failure rate',
    emergency: 'Emergency share',
    postponement: 'Postponement rate',
    lead: 'Lead time (days)',
    hours: 'Mean wait (hours)',
  },
  pickHint: 'Click a bar to list its dossiers.',
  picked: '{label}: {n} dossiers',
  clear: 'Close the list',
  noWait: 'No approval waited.',
  emergencyTag: 'Emergency',
  releasedTag: 'Released',
  file: 'Dashboard',
}
export default dashboard

/** Error messages of the dashboard's calls (merged into errors.app). */
export const dashboardAppErrors: typeof zhErrors = {
  bad_image: 'The chart image cannot be saved: what arrived is not a PNG image.',
}
