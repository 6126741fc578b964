// The dashboard's chart options: how the backend's statistics rows
// (printable.StatsRow, computed once in Go for the dashboard and the
// workbook) are drawn. Nothing is counted here; each bar is one row, in
// the backend's order, so a bar's index is its row's.
import type { EChartsCoreOption } from 'echarts/core'
import type { StatsRow, StepGroup } from '@/bridge'

/** The brand's palette, then neutral tones. */
const COLORS = ['#1f5fa8', '#5ab1ef', '#f5994e', '#d87a80', '#2ec7c9', '#b6a2de']

/** Names of the series, in the UI language. */
export interface SeriesNames {
  dossiers: string
  released: string
  changeFailure: string
  emergency: string
  postponement: string
  lead: string
  hours: string
}

/** categories: a long list slants its labels and hides those that would overlap. */
function categories(labels: string[]) {
  return {
    type: 'category' as const,
    data: labels,
    axisLabel: { rotate: labels.length > 6 ? 35 : 0, hideOverlap: true, fontSize: 11 },
    axisTick: { alignWithLabel: true },
  }
}

function frame(labels: string[], series: unknown[], yName = '', percent = false): EChartsCoreOption {
  return {
    color: COLORS,
    animation: false,
    grid: { left: 8, right: 16, top: series.length > 1 ? 36 : 20, bottom: 8, containLabel: true },
    legend: series.length > 1 ? { top: 0, itemWidth: 14, itemHeight: 10, textStyle: { fontSize: 12 } } : undefined,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => (typeof v === 'number' ? (percent ? `${v.toFixed(1)}%` : `${+v.toFixed(1)}`) : '—') },
    xAxis: categories(labels),
    yAxis: { type: 'value', name: yName, minInterval: percent ? 0 : 1, axisLabel: percent ? { formatter: '{value}%' } : {} },
    series,
  }
}

/** countsOption: dossiers and released per bucket (month, window, …). */
export function countsOption(rows: StatsRow[], label: (r: StatsRow) => string, n: SeriesNames): EChartsCoreOption {
  return frame(rows.map(label), [
    { type: 'bar', name: n.dossiers, data: rows.map((r) => r.dossiers), barMaxWidth: 28 },
    { type: 'bar', name: n.released, data: rows.map((r) => r.released), barMaxWidth: 28 },
  ])
}

const pct = (v: number) => Math.round(v * 1000) / 10

/** ratesOption: change failure rate, emergency share and postponement rate per bucket, in percent. */
export function ratesOption(rows: StatsRow[], label: (r: StatsRow) => string, n: SeriesNames): EChartsCoreOption {
  return frame(rows.map(label), [
    { type: 'bar', name: n.changeFailure, data: rows.map((r) => pct(r.change_failure_rate)), barMaxWidth: 18 },
    { type: 'bar', name: n.emergency, data: rows.map((r) => pct(r.emergency_share)), barMaxWidth: 18 },
    { type: 'bar', name: n.postponement, data: rows.map((r) => pct(r.postponement_rate)), barMaxWidth: 18 },
  ], '', true)
}

/** leadOption: the mean lead time per bucket, in days; none where nothing was released. */
export function leadOption(rows: StatsRow[], label: (r: StatsRow) => string, n: SeriesNames): EChartsCoreOption {
  return frame(rows.map(label), [
    { type: 'bar', name: n.lead, data: rows.map((r) => (r.lead_samples > 0 ? Math.round(r.lead_time_days * 10) / 10 : null)), barMaxWidth: 28 },
  ])
}

/** stepGroupsOf lists the step groups row waited in, in the template's order. */
export function stepGroupsOf(groups: StepGroup[], row: StatsRow | undefined): StepGroup[] {
  return row ? groups.filter((g) => row.step_hours?.[g.key] !== undefined) : []
}

/** stepsOption: the mean hours a decision waited, per approval step group of row (who holds things up). */
export function stepsOption(groups: StepGroup[], row: StatsRow | undefined, n: SeriesNames): EChartsCoreOption {
  const shown = stepGroupsOf(groups, row)
  return {
    color: [COLORS[2]],
    animation: false,
    grid: { left: 8, right: 24, top: 12, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v.toFixed(1)}` : '—') },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', inverse: true, data: shown.map((g) => g.label), axisLabel: { fontSize: 11, width: 150, overflow: 'truncate' } },
    series: [{ type: 'bar', name: n.hours, data: shown.map((g) => Math.round((row!.step_hours[g.key] ?? 0) * 10) / 10), barMaxWidth: 16 }],
  }
}
