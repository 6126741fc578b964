import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { NSelect } from 'naive-ui'
import type { RegisterFilter, Stats } from '@/bridge'
import DashboardView from '@/views/DashboardView.vue'
import { backend, byTestId, click, mountUI, ready, SAMPLE } from '@/test/mount'
import { fixture } from '@/test/stub'

// The dashboard (统计看板) on the sample's 2026 as the backend computed it
// (StatsAPI.Dashboard, recorded in "dashboard" by
// app/fixtures_dashboard_test.go; the numbers equal the 发布统计 workbook's,
// TestDashboardNumbersEqualTheStatsWorkbook). jsdom has no canvas: the chart
// is replaced by a stand-in that shows the option it was given (one button
// per bar, labelled with its category and values) and emits ECharts' click
// event, with the bar's index, when a bar is clicked.
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='

vi.mock('vue-echarts', async () => {
  const { defineComponent, h } = await import('vue')
  type Axis = { type?: string; data?: string[] }
  type Option = { xAxis?: Axis; yAxis?: Axis; series?: { data: (number | null)[] }[] }
  return {
    default: defineComponent({
      name: 'VChart',
      props: { option: { type: Object, required: true } },
      emits: ['click'],
      setup(props, { emit, expose }) {
        expose({ getDataURL: () => PNG })
        return () => {
          const o = props.option as Option
          const cats = (o.xAxis?.type === 'category' ? o.xAxis.data : o.yAxis?.data) ?? []
          return h('div', { class: 'stub-chart' }, cats.map((c, i) =>
            h('button', { 'data-bar': String(i), onClick: () => emit('click', { dataIndex: i, name: c }) }, `${c}=${(o.series ?? []).map((s) => s.data[i]).join('/')}`)))
        }
      },
    }),
  }
})

const recorded = (quarter: number) => {
  const r = fixture('dashboard').find((x) => x.call === 'StatsAPI.Dashboard' && ((x.args[0] as RegisterFilter).quarter ?? 0) === quarter)
  expect(r, `dashboard of quarter ${quarter}`).toBeTruthy()
  return r!.result as Stats
}
const bars = (chart: string) => [...document.querySelectorAll(`[data-testid="${chart}"] [data-bar]`)].map((b) => b.textContent)
const bar = (chart: string, i: number) => document.querySelector(`[data-testid="${chart}"] [data-bar="${i}"]`) as HTMLElement

async function open() {
  const b = backend(...SAMPLE, 'dashboard')
  await ready()
  const { wrapper } = await mountUI(DashboardView, { path: '/dashboard' })
  await flushPromises()
  return { b, wrapper }
}

describe('the dashboard', () => {
  beforeEach(() => {
    document.body.innerHTML = ''
  })

  it('draws the year the clock is in, bucket by bucket, as the backend counted it', async () => {
    const { b } = await open()
    const args = b.callsOf('StatsAPI.Dashboard')
    expect(args).toHaveLength(1)
    expect(args[0][0]).toMatchObject({ year: 2026, quarter: 0, lang: 'zh' })
    const st = recorded(0)
    expect(st.total.dossiers).toBeGreaterThan(0)
    expect(byTestId('total-dossiers')?.textContent).toContain(String(st.total.dossiers))
    expect(byTestId('total-released')?.textContent).toContain(String(st.total.released))
    expect(byTestId('total-cfr')?.textContent).toContain(`${(st.total.change_failure_rate * 100).toFixed(1)}%`)
    // Releases per month: one bar per month, planned and released.
    expect(bars('chart-month')).toEqual(st.by_month.map((r) => `${r.key}=${r.dossiers}/${r.released}`))
    expect(bars('chart-window')).toHaveLength(st.by_window.length)
    // By system (the default dimension): the rates in percent, the lead time in days.
    expect(bars('chart-rates')).toEqual(st.by_system.map((r) =>
      `${r.label}=${[r.change_failure_rate, r.emergency_share, r.postponement_rate].map((v) => Math.round(v * 1000) / 10).join('/')}`))
    expect(bars('chart-lead')[0]).toBe(`${st.by_system[0].label}=${st.by_system[0].lead_samples ? Math.round(st.by_system[0].lead_time_days * 10) / 10 : ''}`)
    // Who holds things up: every step group that waited, by the template's name.
    const waited = st.groups.filter((g) => st.total.step_hours[g.key] !== undefined)
    expect(waited.length).toBeGreaterThan(1)
    expect(bars('chart-steps').map((x) => x!.split('=')[0])).toEqual(waited.map((g) => g.label))
    expect(b.misses).toEqual([])
  })

  it('lists the dossiers of a clicked bar, each opening its dossier', async () => {
    await open()
    const st = recorded(0)
    const i = st.by_month.reduce((best, r, j) => (r.dossiers > st.by_month[best].dossiers ? j : best), 0)
    const month = st.by_month[i]
    expect(byTestId('bucket-dossiers')).toBeNull()
    bar('chart-month', i).click()
    await flushPromises()
    const items = [...document.querySelectorAll('[data-testid^="bucket-dossier-"]')]
    expect(items.map((el) => (el as HTMLElement).dataset.testid)).toEqual(month.dossier_ids.map((id) => `bucket-dossier-${id}`))
    expect(items).toHaveLength(month.dossiers)
    const first = st.dossiers.find((d) => d.id === month.dossier_ids[0])!
    expect(items[0].textContent).toContain(first.title)
    expect(items[0].querySelector('a')?.getAttribute('href')).toContain(`/dossiers/${first.id}`)
    expect(document.body.textContent).toContain(`${month.key}：${month.dossiers} 个发布档案`)
  })

  it('asks the backend again with the quarter chosen, and switches the grouping', async () => {
    const { b, wrapper } = await open()
    const sel = wrapper.findAllComponents(NSelect).find((c) => c.attributes('data-testid') === 'dashboard-quarter')!
    expect(sel).toBeTruthy()
    sel.vm.$emit('update:value', 4)
    await flushPromises()
    const args = b.callsOf('StatsAPI.Dashboard')
    expect(args).toHaveLength(2)
    expect(args[1][0]).toMatchObject({ year: 2026, quarter: 4, lang: 'zh' })
    const q4 = recorded(4)
    expect(bars('chart-month')).toEqual(q4.by_month.map((r) => `${r.key}=${r.dossiers}/${r.released}`))
    expect(q4.by_month.every((r) => ['2026-10', '2026-11', '2026-12'].includes(r.key))).toBe(true)
    // By department: the departments' bars; a department's bar shows its own approval waits.
    const input = byTestId('dashboard-dim-department')?.querySelector('input') as HTMLInputElement
    input.click()
    await flushPromises()
    expect(bars('chart-rates').map((x) => x!.split('=')[0])).toEqual(q4.by_department.map((r) => r.label))
    bar('chart-lead', 0).click()
    await flushPromises()
    const dept = q4.by_department[0]
    const waited = q4.groups.filter((g) => dept.step_hours[g.key] !== undefined)
    expect(bars('chart-steps').map((x) => x!.split('=')[0])).toEqual(waited.map((g) => g.label))
    expect(byTestId('chart-steps')?.textContent).toContain(dept.label)
    expect(b.misses).toEqual([])
  })

  it('saves a chart as PNG through the save dialog, and the workbook of the same filter', async () => {
    const { b } = await open()
    b.reply('StatsAPI.SaveChartPNG', { path: '/tmp/chart.png', pages: 0, bytes: 70 })
    b.reply('DocumentsAPI.ExportStats', { path: '/tmp/stats.xlsx', pages: 0, bytes: 9000 })
    await click('chart-month-png')
    const saved = b.callsOf('StatsAPI.SaveChartPNG')
    expect(saved).toHaveLength(1)
    expect(saved[0][0]).toMatch(/^统计看板-每月发布-2026\.png$/)
    expect(saved[0][1]).toBe(PNG)
    await click('dashboard-export-workbook')
    expect(b.callsOf('DocumentsAPI.ExportStats')).toEqual([[{ year: 2026, quarter: 0, window: '', system: '', lang: 'zh' }]])
  })
})
