import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { InboxItem } from '@/bridge'
import InboxView from '@/views/InboxView.vue'
import { backend, byTestId, mountUI, ready, SAMPLE } from '@/test/mount'
import { answer } from '@/test/stub'

const settle = async () => {
  for (let i = 0; i < 4; i++) await flushPromises()
}
const rows = () => [...document.querySelectorAll('[data-testid="inbox-row"]')] as HTMLElement[]

describe('inbox', () => {
  beforeEach(() => {
    document.body.innerHTML = ''
  })

  it('lists what waits for a director oldest first, with the urges the backend counts', async () => {
    const items = answer<InboxItem[]>('inbox', 'DossierAPI.Inbox', 'infrastructure_director')
    const b = backend(...SAMPLE).as('infrastructure_director')
    await ready()
    await mountUI(InboxView, { path: '/inbox' })
    await settle()
    expect(rows().map((r) => r.dataset.dossier)).toEqual(items.map((i) => i.dossier))
    const urged = items.findIndex((i) => i.urges > 0)
    expect(urged).toBeGreaterThanOrEqual(0)
    expect(rows()[urged].querySelector('[data-testid="inbox-urges"]')?.textContent).toContain(`已催办 ${items[urged].urges} 次`)
    expect(rows()[urged].textContent).toContain(items[urged].title)
    expect(rows()[urged].textContent).toContain('审批 · 子部门会签审批 · 基础设施部总监')
    expect(rows()[urged].getAttribute('href')).toContain(`/dossiers/${items[urged].dossier}?tab=approval`)
    for (const [i, it] of items.entries()) expect(rows()[i].querySelector('[data-testid="inbox-emergency"]') !== null).toBe(it.not_fully_tested)
    expect(byTestId('inbox-page')?.textContent).toContain(`${items.length} 项`)
    expect(b.misses).toEqual([])
  })

  it('marks an emergency release that is not fully tested', async () => {
    const [item] = answer<InboxItem[]>('inbox', 'DossierAPI.Inbox', 'applicant_dept_head')
    backend(...SAMPLE).as('applicant_dept_head')
    await ready()
    await mountUI(InboxView, { path: '/inbox' })
    await settle()
    expect(item.not_fully_tested).toBe(true)
    expect(rows().map((r) => r.dataset.dossier)).toEqual([item.dossier])
    expect(rows()[0].querySelector('[data-testid="inbox-emergency"]')?.textContent).toBe('紧急 · 未经完整测试')
  })

  it("lists the system owner's submissions, each with since when it waits", async () => {
    const items = answer<InboxItem[]>('inbox', 'DossierAPI.Inbox', 'system_owner')
    const b = backend(...SAMPLE).as('system_owner')
    await ready()
    await mountUI(InboxView, { path: '/inbox' })
    await settle()
    expect(items.some((i) => i.kind === 'submit')).toBe(true)
    expect(rows().map((r) => r.dataset.kind)).toEqual(items.map((i) => i.kind))
    for (const [i, it] of items.entries()) {
      // The recorded times carry the sample zone's offset: the row shows their date and minute.
      expect(rows()[i].querySelector('[data-testid="inbox-since"]')?.textContent).toBe(it.since.slice(0, 16).replace('T', ' '))
    }
    expect(b.misses).toEqual([])
  })

  it('shows nothing, not a dash, for a task that gives no waiting-since time', async () => {
    const items = answer<InboxItem[]>('inbox', 'DossierAPI.Inbox', 'system_owner')
    items[0].since = '0001-01-01T00:00:00Z'
    const b = backend('base', 'session').as('system_owner').reply('DossierAPI.Inbox', items, { args: [] })
    await ready()
    await mountUI(InboxView, { path: '/inbox' })
    await settle()
    expect(rows()).toHaveLength(items.length)
    const since = rows()[0].querySelector('.since')
    expect(since?.textContent?.trim()).toBe('')
    expect(rows()[1].querySelector('[data-testid="inbox-since"]')?.textContent).toBe(items[1].since.slice(0, 16).replace('T', ' '))
    expect(b.misses).toEqual([])
  })

  it('says when nothing waits (the first profile of a new folder)', async () => {
    expect(answer<InboxItem[]>('start', 'DossierAPI.Inbox', 'project_manager')).toEqual([])
    const b = backend('start').as('project_manager')
    await ready()
    await mountUI(InboxView, { path: '/inbox' })
    await settle()
    expect(byTestId('inbox-empty')).not.toBeNull()
    expect(rows()).toEqual([])
    expect(b.misses).toEqual([])
  })
})
