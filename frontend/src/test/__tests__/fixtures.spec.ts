import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { isCode, type DossierSummary, type DossierView, type InboxItem } from '@/bridge'
import { backend, byTestId, mountUI, ready, SAMPLE } from '@/test/mount'
import { answer, fixture, fixtureNames, StubBackend } from '@/test/stub'
import DossierView_ from '@/views/DossierView.vue'
import InboxView from '@/views/InboxView.vue'

// The seam between the UI and the recordings of the real backend
// (app/fixtures_test.go): the files load, the stub answers only what was
// recorded, and screens render from the recordings alone.

const settle = async () => {
  for (let i = 0; i < 4; i++) await flushPromises()
}

describe('fixture files', () => {
  it('all parse into recordings of bound Go methods', () => {
    const names = fixtureNames()
    for (const n of ['start', 'base', 'session', 'inbox', 'errors', 'busy']) expect(names).toContain(n)
    for (const n of names) {
      const recs = fixture(n)
      expect(recs.length, n).toBeGreaterThan(0)
      for (const r of recs) {
        expect(r.call, n).toMatch(/^[A-Z][A-Za-z]+API\.[A-Z][A-Za-z]+$/)
        expect(Array.isArray(r.args), `${n} ${r.call}`).toBe(true)
        expect(typeof r.viewer, `${n} ${r.call}`).toBe('string')
        // A recording holds an answer or a coded error, never both.
        if (r.error) expect(r.error.code, `${n} ${r.call}`).toMatch(/^[a-z_]+\.[a-z_]+$/)
        expect(r.error !== undefined && r.result !== undefined, `${n} ${r.call}`).toBe(false)
      }
    }
  })

  it('record each dossier state as the project manager', () => {
    for (const n of fixtureNames().filter((x) => x.startsWith('dossier-'))) {
      const v = fixture(n).find((r) => r.viewer === 'project_manager')?.result as DossierView | undefined
      expect(v?.state.id, n).toMatch(/^R26/)
      expect(v?.actions, n).toBeDefined()
    }
  })
})

describe('StubBackend', () => {
  it('rejects a call nobody recorded with test.no_fixture, and lists it', async () => {
    const b = new StubBackend('base')
    const err = await b.bridge.dossiers.get('R26NOSUCHONE').catch((e) => e)
    expect(isCode(err, 'test.no_fixture')).toBe(true)
    expect(err.params.call).toContain('DossierAPI.Get["R26NOSUCHONE"]')
    expect(b.misses).toEqual(['DossierAPI.Get["R26NOSUCHONE"] as nobody'])
    expect(b.callsOf('DossierAPI.Get')).toEqual([['R26NOSUCHONE']])
  })

  it('rejects with the coded error the backend answered', async () => {
    const b = new StubBackend('errors')
    const err = await b.bridge.dossiers.get('no-such-dossier').catch((e) => e)
    expect(isCode(err, 'dossier.not_found')).toBe(true)
    expect(err.params).toEqual({ id: 'no-such-dossier' })
    expect(b.misses).toEqual([])
  })

  it('matches arguments as Go decodes them: key order and zero values do not count', async () => {
    const b = new StubBackend('base')
    const list = await b.bridge.dossiers.list({ text: '', month: '', mode: '', type: '', system_code: '', stage: '' })
    expect(list).toEqual(answer('base', 'DossierAPI.List'))
    expect(b.misses).toEqual([])
  })

  it('answers each recorded page of the list by its offset', async () => {
    const b = new StubBackend('base')
    const none = { stage: '', system_code: '', type: '', mode: '', month: '', text: '' }
    const all = answer<DossierSummary[]>('base', 'DossierAPI.List')
    const first = await b.bridge.dossiers.page(none, 0, 15)
    const second = await b.bridge.dossiers.page(none, 15, 15)
    expect(first).toMatchObject({ total: all.length, offset: 0 })
    expect(second).toMatchObject({ total: all.length, offset: 15 })
    // The pages are the list's rows, in its order.
    expect(first.rows.map((d) => d.id)).toEqual(all.slice(0, 15).map((d) => d.id))
    expect(second.rows.map((d) => d.id)).toEqual(all.slice(15, 30).map((d) => d.id))
    expect(b.callsOf('DossierAPI.Page')).toEqual([[none, 0, 15], [none, 15, 15]])
    expect(b.misses).toEqual([])
  })

  it('answers as the signed-in role, and follows a sign-in', async () => {
    const b = new StubBackend('base', 'session')
    expect(await b.bridge.profiles.current()).toBeNull()
    const pm = answer<{ id: string }[]>('base', 'ProfileAPI.List').find((p) => p.id === answer<{ id: string }>('session', 'ProfileAPI.Current', 'project_manager').id)!
    await b.bridge.profiles.unlock(pm.id, 'golive-sample')
    expect(b.viewer).toBe('project_manager')
    expect((await b.bridge.profiles.current())?.roles).toContain('project_manager')
    await b.bridge.profiles.lock()
    expect(await b.bridge.profiles.current()).toBeNull()
  })
})

describe('screens from recordings alone', () => {
  beforeEach(() => {
    document.body.innerHTML = ''
  })

  it('shows the countersign dossier to a director: six rows with their recorded statuses', async () => {
    const file = 'dossier-upgrade-countersign'
    const b = backend(...SAMPLE, file).as('basic_apps_director')
    const v = answer<DossierView>(file, 'DossierAPI.Get', 'basic_apps_director')
    await ready()
    await mountUI(DossierView_, { props: { id: v.state.id }, path: `/dossiers/${v.state.id}?tab=approval` })
    await settle()

    expect(byTestId('dossier-title')?.textContent).toBe(v.state.title)
    const rows = [...byTestId('countersign-grid')!.querySelectorAll('[data-testid^="slot-"][data-status]')] as HTMLElement[]
    const recorded = v.state.flow!.slots.filter((s) => s.step === 'up.2.countersign')
    expect(rows).toHaveLength(6)
    expect(rows.map((r) => [r.dataset.testid, r.dataset.status])).toEqual(recorded.map((s) => [`slot-up.2.countersign/${s.row}`, s.status]))
    // The director decides the row the backend offers him, and only that one.
    expect(byTestId('decision-panel')?.dataset.slot).toBe(v.actions.decide![0])
    expect(b.misses).toEqual([])
  })

  it('lists a director’s recorded inbox', async () => {
    const b = backend(...SAMPLE).as('cs_director')
    const items = answer<InboxItem[]>('inbox', 'DossierAPI.Inbox', 'cs_director')
    await ready()
    await mountUI(InboxView, { path: '/inbox' })
    await settle()
    const rows = [...document.querySelectorAll('[data-testid="inbox-row"]')] as HTMLElement[]
    expect(rows.map((r) => [r.dataset.dossier, r.dataset.kind])).toEqual(items.map((i) => [i.dossier, i.kind]))
    expect(rows[0].textContent).toContain(items[0].title)
    expect(b.misses).toEqual([])
  })
})
