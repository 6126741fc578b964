import { beforeEach, describe, expect, it } from 'vitest'
import type { DossierFilter, DossierSummary } from '@/bridge'
import { useCalendarStore } from '@/stores/calendar'
import { backend, ready, SAMPLE } from '@/test/mount'
import { answer, type StubBackend } from '@/test/stub'

/** The filter the calendar sends for year y: the year as the month, nothing else. */
const yearFilter = (y: number): DossierFilter => ({ stage: '', system_code: '', type: '', mode: '', month: String(y), text: '' })
const ids = (ds: DossierSummary[]) => ds.map((d) => d.id)

describe('calendar store', () => {
  let b: StubBackend
  beforeEach(async () => {
    b = backend(...SAMPLE).as('project_manager')
    await ready()
  })

  it('asks only for the dossiers planned in the year shown, never the whole list', async () => {
    const cal = useCalendarStore()
    await cal.load(2026)
    expect(b.callsOf('DossierAPI.List')).toEqual([[yearFilter(2026)]])
    const year = answer<DossierSummary[]>('base', 'DossierAPI.List', '', yearFilter(2026))
    expect(ids(cal.dossiers)).toEqual(ids(year))

    await cal.load(2027)
    expect(b.callsOf('DossierAPI.List')).toEqual([[yearFilter(2026)], [yearFilter(2027)]])
    expect(ids(cal.dossiers)).toEqual(ids(answer<DossierSummary[]>('base', 'DossierAPI.List', '', yearFilter(2027))))
    expect(b.misses).toEqual([])
  })

  it('shows on each window and day of the year what the whole list has there', async () => {
    // The whole list, as the calendar read it before: the year's list must lose nothing of the year.
    const all = answer<DossierSummary[]>('base', 'DossierAPI.List')
    const cal = useCalendarStore()
    await cal.load(2026)
    const windows = cal.plan?.windows ?? []
    expect(windows.length).toBeGreaterThan(0)
    let placed = 0
    for (const w of windows) {
      const want = ids(all.filter((d) => d.window === w.id))
      expect(ids(cal.dossiersByWindow.get(w.id) ?? []), w.id).toEqual(want)
      placed += want.length
    }
    expect(placed).toBeGreaterThan(0)
    const other = all.filter((d) => !d.window && d.planned_at.startsWith('2026'))
    expect(other.length).toBeGreaterThan(0)
    expect([...cal.otherByDate.values()].flat().map((d) => d.id).sort()).toEqual(ids(other).sort())
    expect(b.misses).toEqual([])
  })
})
