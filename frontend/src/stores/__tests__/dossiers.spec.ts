import { beforeEach, describe, expect, it, vi } from 'vitest'
import { toRaw } from 'vue'
import { isCode, type DossierCreateRequest, type DossierFilter, type DossierSummary, type DossierView } from '@/bridge'
import { PRIME_FRESH_MS, useDossiersStore } from '@/stores/dossiers'
import { backend, ready, SAMPLE } from '@/test/mount'
import { answer, fixture, type StubBackend } from '@/test/stub'

// The request app/fixtures_test.go recorded: a planned CRM upgrade in the window the backend proposes.
const created = fixture('action-create').find((r) => r.call === 'DossierAPI.Create' && !r.error)!
const request = created.args[0] as DossierCreateRequest
const planning = answer<DossierView>('dossier-upgrade-planning', 'DossierAPI.Get', 'project_manager')
const id = planning.state.id
/** The filter of the whole list, as the store sends it. */
const none: DossierFilter = { stage: '', system_code: '', type: '', mode: '', month: '', text: '' }

describe('dossiers store', () => {
  let b: StubBackend
  beforeEach(async () => {
    b = backend(...SAMPLE, 'action-create', 'action-checklist', 'action-submit-refused', 'dossier-upgrade-planning').as('project_manager')
    await ready()
  })

  it('shows a created dossier in the list', async () => {
    const store = useDossiersStore()
    const v = await store.create({ ...request, content: [] })
    expect(b.callsOf('DossierAPI.Create')).toEqual([[{ ...request, content: [] }]])
    expect(v.state).toMatchObject({ id: 'R26CREATED01', stage: 'planning', planned_at: '2026-12-10T19:00:00+08:00', window: request.window })
    // The page shown is read again after the change: one more dossier in all.
    expect(b.callsOf('DossierAPI.Page').at(-1)).toEqual([none, 0, 15])
    const all = answer<DossierSummary[]>('action-create', 'DossierAPI.List')
    expect(store.total).toBe(all.length)
    expect(store.rows.map((d) => d.id)).toEqual(all.slice(0, 15).map((d) => d.id))
    // Planned 2026-12-10, the new dossier is on the second page, as the backend summarises it.
    await store.setPage(2)
    expect(b.callsOf('DossierAPI.Page').at(-1)).toEqual([none, 15, 15])
    const row = store.rows.find((d) => d.id === v.state.id)
    expect(row).toMatchObject({ title: request.title, checklist_done: 0, checklist_total: 12, system_name: '客户关系管理系统' })
    expect(b.misses).toEqual([])
  })

  it('fetches one page of the list at a time, and an action reloads the page shown', async () => {
    // The sample folder as it is before the dossier of action-create is added.
    b = backend(...SAMPLE, 'action-checklist').as('project_manager')
    await ready()
    const store = useDossiersStore()
    const all = answer<DossierSummary[]>('base', 'DossierAPI.List')
    expect(all.length).toBeGreaterThan(30)
    await store.load()
    expect(b.callsOf('DossierAPI.Page')).toEqual([[none, 0, 15]])
    expect(b.callsOf('DossierAPI.List')).toEqual([])
    expect(store).toMatchObject({ page: 1, pageSize: 15, total: all.length })
    expect(store.rows.map((d) => d.id)).toEqual(all.slice(0, 15).map((d) => d.id))

    await store.setPage(2)
    expect(b.callsOf('DossierAPI.Page').at(-1)).toEqual([none, 15, 15])
    expect(store).toMatchObject({ page: 2, total: all.length })
    expect(store.rows.map((d) => d.id)).toEqual(all.slice(15, 30).map((d) => d.id))

    // After an action the list stays on its page, read again.
    const calls = b.callsOf('DossierAPI.Page').length
    await store.update(id, { version: '2.3.1' })
    expect(b.callsOf('DossierAPI.Page').slice(calls)).toEqual([[none, 15, 15]])
    expect(store.page).toBe(2)
    expect(b.misses).toEqual([])
  })

  it('keeps the answer of the later call when two pages are asked at once', async () => {
    b = backend(...SAMPLE).as('project_manager')
    await ready()
    const store = useDossiersStore()
    const all = answer<DossierSummary[]>('base', 'DossierAPI.List')
    await Promise.all([store.setPage(2), store.setPage(1)])
    expect(b.callsOf('DossierAPI.Page')).toEqual([[none, 15, 15], [none, 0, 15]])
    expect(store.page).toBe(1)
    expect(store.rows.map((d) => d.id)).toEqual(all.slice(0, 15).map((d) => d.id))
    expect(store.loading).toBe(false)
  })

  it('asks the backend for the first page of the filter set, and shows what it answers', async () => {
    const store = useDossiersStore()
    const cases: [Partial<DossierFilter>, (d: DossierSummary) => boolean][] = [
      [{ system_code: 'CRM' }, (d) => d.system_code === 'CRM'],
      [{ mode: 'emergency' }, (d) => d.mode === 'emergency'],
      [{ month: '2026-12' }, (d) => d.planned_at.startsWith('2026-12')],
      [{ text: 'CR-2027-144' }, (d) => d.content_refs.some((c) => c.startsWith('CR-2027-144'))],
    ]
    for (const [f, holds] of cases) {
      // From the second page of the whole list: a new filter starts again at its first page.
      store.resetFilter()
      await store.load()
      await store.setPage(2)
      Object.assign(store.filter, f)
      await store.load()
      const sent = { ...none, ...f }
      expect(b.callsOf('DossierAPI.Page').at(-1)).toEqual([sent, 0, 15])
      expect(store.page, JSON.stringify(f)).toBe(1)
      const all = answer<DossierSummary[]>('action-checklist', 'DossierAPI.List', '', sent)
      expect(store.total, JSON.stringify(f)).toBe(all.length)
      expect(store.rows.length, JSON.stringify(f)).toBe(Math.min(all.length, 15))
      expect(store.rows.length, JSON.stringify(f)).toBeGreaterThan(0)
      expect(store.rows.every(holds), JSON.stringify(f)).toBe(true)
      expect(store.filtered).toBe(true)
    }
    // One filter passes more dossiers than a page holds: the page has 15, the total counts all.
    expect(answer<DossierSummary[]>('action-checklist', 'DossierAPI.List', '', { ...none, month: '2026-12' }).length).toBeGreaterThan(15)
    expect(b.misses).toEqual([])
  })

  it('counts the checklist progress from the answers of the backend', async () => {
    const store = useDossiersStore()
    await store.open(id)
    expect(store.progress).toEqual({ done: 0, total: 12 })

    await store.setChecklist(id, 'pre.review_meeting', 'done', '')
    await store.setChecklist(id, 'pre.training', 'not_applicable', 'bugfix, no user-facing change')
    expect(b.callsOf('DossierAPI.SetChecklist')).toEqual([
      [id, 'pre.review_meeting', 'done', ''],
      [id, 'pre.training', 'not_applicable', 'bugfix, no user-facing change'],
    ])
    expect(store.progress).toEqual({ done: 2, total: 12 })
    // The backend moved the dossier on to preparation.
    expect(store.current?.state.stage).toBe('preparation')
  })

  it('passes on the backend’s refusals with their parameters', async () => {
    const store = useDossiersStore()
    const reason = await store.setChecklist(id, 'pre.training', 'not_applicable', '').catch((e) => e)
    expect(isCode(reason, 'dossier.reason_required')).toBe(true)
    expect(reason.params).toEqual({ item: 'pre.training' })

    b.as('system_owner')
    const draft = fixture('action-submit-refused')[0].args[0] as string
    const err = await store.submit(draft, {}, '').catch((e) => e)
    expect(isCode(err, 'dossier.checklist_incomplete')).toBe(true)
    expect(err.params.missing).toBe('11')
  })

  it('sends only the changed field, and shows the backend’s history of it', async () => {
    const store = useDossiersStore()
    await store.update(id, { version: '2.3.1' })
    expect(b.callsOf('DossierAPI.Update')).toEqual([[id, { version: '2.3.1' }]])
    const last = store.current!.history.at(-1)!
    expect(last.kind).toBe('dossier.updated')
    expect(last.params.fields).toBe('version')
    expect(store.current!.state.version).toBe('2.3.1')
  })

  it('keeps the objects of the parts an action left unchanged, so only the changed parts are drawn again', async () => {
    const store = useDossiersStore()
    await store.open(id)
    const before = toRaw(store.current!)
    await store.update(id, { version: '2.3.1' })
    const after = toRaw(store.current!)
    expect(after).not.toBe(before)
    expect(after.state.version).toBe('2.3.1')
    // The plan did not change: the same object; the history grew: a new list holding the same first entries.
    expect(after.state.plan).toBe(before.state.plan)
    expect(after.history).not.toBe(before.history)
    expect(after.history[0]).toBe(before.history[0])
    expect(after.history.length).toBeGreaterThan(before.history.length)
    // What the dossier was before is left as it was.
    expect(before.state.version).not.toBe('2.3.1')
  })

  it('opens a primed dossier with the answer fetched for it, without asking again', async () => {
    const store = useDossiersStore()
    const primed = store.prime(id)
    const opened = await store.open(id)
    expect(opened).toEqual(await primed)
    expect(opened.state.id).toBe(id)
    expect(b.callsOf('DossierAPI.Get')).toEqual([[id]])
    // The primed answer is taken once: opening again reads the dossier again.
    await store.open(id)
    expect(b.callsOf('DossierAPI.Get')).toEqual([[id], [id]])
  })

  it('reads a pressed row once for its click, and again once the reading is old or failed', async () => {
    const store = useDossiersStore()
    const now = vi.spyOn(Date, 'now').mockReturnValue(1_000_000)
    try {
      const pressed = store.prime(id) // the row is pressed
      now.mockReturnValue(1_000_120)
      const clicked = store.prime(id) // its click, 120 ms later
      expect(await clicked).toBe(await pressed)
      expect((await store.open(id)).state.id).toBe(id)
      expect(b.callsOf('DossierAPI.Get')).toEqual([[id]])
      // Pressed now, clicked after PRIME_FRESH_MS: read again.
      await store.prime(id)
      now.mockReturnValue(1_000_120 + PRIME_FRESH_MS)
      await store.prime(id)
      expect(b.callsOf('DossierAPI.Get')).toEqual([[id], [id], [id]])
      // A reading that failed is not used again.
      const gone = 'R26NOSUCH001'
      await expect(store.prime(gone)).rejects.toBeDefined()
      await expect(store.prime(gone)).rejects.toBeDefined()
      expect(b.callsOf('DossierAPI.Get').filter(([x]) => x === gone)).toHaveLength(2)
    } finally {
      now.mockRestore()
    }
  })

  it('shows a primed answer that has come at once, before open returns to its caller', async () => {
    const store = useDossiersStore()
    const answer = await store.prime(id)
    void store.open(id)
    // No await between: the page's first render (open is called in its set-up) has the dossier.
    expect(store.current).toBe(answer)
    expect(b.callsOf('DossierAPI.Get')).toEqual([[id]])
  })

  it('shows a primed answer still on its way when it comes', async () => {
    const store = useDossiersStore()
    const other = { ...planning, state: { ...planning.state, id: 'R26OTHER0001' } }
    store.current = other
    const primed = store.prime(id)
    const opening = store.open(id)
    // The page shows a dossier only under its own id (DossierView): not this one yet.
    expect(store.current).toBe(other)
    const answer = await primed
    expect(await opening).toBe(answer)
    expect(store.current).toBe(answer)
    expect(b.callsOf('DossierAPI.Get')).toEqual([[id]])
  })
})
