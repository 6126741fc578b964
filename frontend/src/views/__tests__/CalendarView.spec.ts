import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { useCalendarStore } from '@/stores/calendar'
import { backend, mountUI, ready, SAMPLE } from '@/test/mount'
import type { StubBackend } from '@/test/stub'
import CalendarView from '@/views/CalendarView.vue'

/** The filter the calendar sends for year y: its dossiers only, not the whole list. */
const yearFilter = (y: number) => ({ stage: '', system_code: '', type: '', mode: '', month: String(y), text: '' })
const day = (date: string) => document.body.querySelector<HTMLElement>(`[data-testid="day-${date}"]`)

/** settle waits for the bridge calls a view starts on mount and on route changes. */
async function settle() {
  for (let i = 0; i < 4; i++) await flushPromises()
}

describe('CalendarView', () => {
  let b: StubBackend
  beforeEach(() => {
    document.body.innerHTML = ''
  })

  it('marks open, moved, cancelled and frozen windows, holidays, make-up days and freezes of a published plan', async () => {
    // 2027 as the backend reads it after the window manager moved a Java window, froze a week and published version 1.
    b = backend(...SAMPLE, 'calendar-published').as('window_manager')
    await ready()
    useCalendarStore().year = 2027
    useCalendarStore().cls = 'java'

    const { wrapper } = await mountUI(CalendarView)
    await settle()

    expect(b.callsOf('WindowAPI.Year')).toContainEqual([2027])
    // The dossiers of the year shown, never the whole list.
    expect(b.callsOf('DossierAPI.List')).toEqual([[yearFilter(2027)]])
    expect(wrapper.find('[data-testid="year-view"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="plan-version"]').text()).toContain('生效：第 1 版')
    expect(day('2027-01-14')?.dataset.state).toBe('open')
    expect(day('2027-03-10')?.dataset.state).toBe('moved')
    expect(day('2027-03-11')?.dataset.state).toBe('')
    expect(day('2027-02-11')?.dataset.state).toBe('cancelled') // Spring Festival: no earlier working day that week
    expect(day('2027-06-24')?.dataset.state).toBe('frozen')
    // Holidays, make-up working days and the Spring Festival freeze.
    expect(day('2027-02-08')?.dataset.holiday).toBe('off')
    expect(day('2027-01-31')?.dataset.holiday).toBe('work')
    expect(day('2027-02-05')?.dataset.freeze).toBe('true')
    expect(day('2027-03-03')?.dataset.freeze).toBeUndefined()
    // The legend names all four states, and no banner claims missing holiday data.
    const legend = wrapper.find('[data-testid="calendar-legend"]').text()
    for (const s of ['开放', '已调整', '已取消', '封网', '节假日', '调休上班', '封网期']) expect(legend).toContain(s)
    expect(wrapper.find('[data-testid="no-holiday-banner"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="holiday-source"]').text()).toContain('内置官方安排')
    expect(b.misses).toEqual([])
  })

  it('says plainly when the year has no holiday data', async () => {
    b = backend(...SAMPLE).as('project_manager')
    await ready()
    useCalendarStore().year = 2028
    const { wrapper } = await mountUI(CalendarView)
    await settle()
    const banner = wrapper.find('[data-testid="no-holiday-banner"]')
    expect(banner.exists()).toBe(true)
    expect(banner.text()).toContain('2028 年没有节假日数据')
    expect(banner.text()).toContain('法定节假日和调休上班日都没有计入')
    // The plan is still shown, on weekdays alone, and is not published.
    expect(day('2028-01-13')?.dataset.state).toBe('open')
    expect(wrapper.find('[data-testid="plan-version"]').attributes('data-version')).toBe('0')
    expect(b.callsOf('DossierAPI.List')).toEqual([[yearFilter(2028)]])
    expect(b.misses).toEqual([])
  })

  it('opens a window agenda that explains its adjustments, in English too', async () => {
    b = backend(...SAMPLE).as('project_manager')
    await ready()
    const { router } = await mountUI(CalendarView, { locale: 'en' })
    await settle()
    await router.replace({ name: 'calendar', query: { window: '2026-02-12-java' } })
    await settle()
    const agenda = document.body.querySelector('[data-testid="window-agenda"]')
    expect(agenda?.getAttribute('data-window')).toBe('2026-02-12-java')
    const adj = document.body.querySelector('[data-testid="agenda-adjustments"] li')
    expect(adj?.getAttribute('data-code')).toBe('window.reason.frozen_holiday')
    expect(adj?.textContent).toContain('Frozen 2026-02-12 to 2026-02-23: 3 working days before 春节 (2026-02-15 to 2026-02-23, 9 days off)')
    expect(agenda?.textContent).toContain('no capacity limit')
    expect(b.misses).toEqual([])
  })

  it('explains a manual move in the agenda with the window manager’s reason', async () => {
    b = backend(...SAMPLE, 'calendar-published').as('window_manager')
    await ready()
    const { router } = await mountUI(CalendarView)
    await settle()
    await router.replace({ name: 'calendar', query: { window: '2027-03-11-java' } })
    await settle()
    const text = document.body.querySelector('[data-testid="agenda-adjustments"]')?.textContent ?? ''
    expect(text).toContain('发布窗口管理岗手工改期：2027-03-11 改为 2027-03-10 20:00–23:00（原因：与年度审计冲突）')
    expect(document.body.querySelector('[data-testid="agenda-date"]')?.textContent).toContain('2027-03-10 周三')
    // The window manager (the backend says who plans windows) can adjust it further in the draft.
    expect(document.body.querySelector('[data-testid="window-edit"]')).not.toBeNull()
    expect(b.misses).toEqual([])
  })

  it('keeps the plan from the PMO, who edits the template but does not manage windows, and names who does', async () => {
    b = backend(...SAMPLE, 'calendar-published').as('pmo')
    await ready()
    useCalendarStore().year = 2027
    const { router } = await mountUI(CalendarView)
    await settle()
    // The plan panel opens by itself only for whoever may plan; anyone can open it to read the versions.
    expect(document.body.querySelector('[data-testid="plan-panel"]')).toBeNull()
    document.body.querySelector<HTMLElement>('[data-testid="plan-panel-toggle"]')!.click()
    await settle()
    expect(document.body.querySelector('[data-testid="plan-need-role"]')?.textContent).toContain('只有发布窗口管理岗可以调整、发布窗口计划和导入节假日')
    expect(document.body.querySelector('[data-testid="publish-plan"]')).toBeNull()
    await router.replace({ name: 'calendar', query: { window: '2027-03-11-java' } })
    await settle()
    expect(document.body.querySelector('[data-testid="window-agenda"]')).not.toBeNull()
    expect(document.body.querySelector('[data-testid="window-edit"]')).toBeNull()
    expect(b.misses).toEqual([])
  })
})
