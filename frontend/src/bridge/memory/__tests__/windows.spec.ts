import { describe, expect, it } from 'vitest'
import { createMemoryBridge } from '@/bridge/memory'

// The fake plans windows with backend/window's rules, so the calendar looks
// in the browser as it does in the app (compared with `golive windows` for 2025-2028).
describe('memory windows', () => {
  it('gives the 24 default windows of 2026, with the Spring Festival freeze applied', async () => {
    const v = await createMemoryBridge().windows.year(2026)
    const java = v.in_force.windows.filter((w) => w.class === 'java')
    expect(java.map((w) => w.nominal)).toEqual([
      '2026-01-08', '2026-01-22', '2026-02-12', '2026-02-26', '2026-03-12', '2026-03-26', '2026-04-09', '2026-04-23',
      '2026-05-14', '2026-05-28', '2026-06-11', '2026-06-25', '2026-07-09', '2026-07-23', '2026-08-13', '2026-08-27',
      '2026-09-10', '2026-09-24', '2026-10-08', '2026-10-22', '2026-11-12', '2026-11-26', '2026-12-10', '2026-12-24',
    ])
    expect(java.find((w) => w.id === '2026-02-12-java')?.state).toBe('frozen')
    expect(v.in_force.freezes.map((f) => `${f.start}..${f.end}`)).toEqual(['2026-02-12..2026-02-23', '2026-09-28..2026-10-07'])
    expect(v.holidays.source).toBe('builtin')
  })

  it('reports a year without holiday data instead of treating it as holiday-free', async () => {
    const v = await createMemoryBridge().windows.year(2028)
    expect(v.holidays.source).toBe('none')
    expect(v.in_force.warnings.map((w) => w.code)).toContain('window.no_holiday_data')
  })

  it('keeps edits in the draft until the PMO publishes, and records the changes', async () => {
    const b = createMemoryBridge()
    await b.profiles.create({ name: 'P', department: 'PMO', roles: ['pmo'], passphrase: 'correct horse' })
    await b.windows.publish(2027, 'v1')
    await b.windows.cancel(2027, '2027-12-23-java', 'year end')
    expect((await b.windows.year(2027)).in_force.windows.find((w) => w.id === '2027-12-23-java')?.state).toBe('open')
    const v2 = await b.windows.publish(2027, 'v2')
    expect(v2.version).toBe(2)
    expect(v2.changes).toEqual([{ window: '2027-12-23-java', class: 'java', kind: 'state', before: expect.objectContaining({ state: 'open' }), after: expect.objectContaining({ state: 'cancelled' }) }])
    await expect(b.windows.publish(2027, 'v3')).rejects.toMatchObject({ code: 'window.nothing_changed' })
  })

  it('refuses edits without the pmo role', async () => {
    const b = createMemoryBridge()
    await b.profiles.create({ name: 'M', department: 'IT', roles: ['project_manager'], passphrase: 'correct horse' })
    await expect(b.windows.cancel(2027, '2027-12-23-java', 'x')).rejects.toMatchObject({ code: 'window.not_permitted', params: { role: 'pmo' } })
  })
})
