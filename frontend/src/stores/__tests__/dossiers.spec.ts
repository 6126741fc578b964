import { beforeEach, describe, expect, it } from 'vitest'
import { isCode, type DossierCreateRequest, type DossierFilter, type DossierSummary, type DossierView } from '@/bridge'
import { useDossiersStore } from '@/stores/dossiers'
import { backend, ready, SAMPLE } from '@/test/mount'
import { answer, fixture, type StubBackend } from '@/test/stub'

// The request app/fixtures_test.go recorded: a planned CRM upgrade in the window the backend proposes.
const created = fixture('action-create').find((r) => r.call === 'DossierAPI.Create' && !r.error)!
const request = created.args[0] as DossierCreateRequest
const planning = answer<DossierView>('dossier-upgrade-planning', 'DossierAPI.Get', 'project_manager')
const id = planning.state.id

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
    // The list is read again after the change: the new dossier is in it, as the backend summarises it.
    expect(b.callsOf('DossierAPI.List').length).toBeGreaterThan(0)
    const row = store.list.find((d) => d.id === v.state.id)
    expect(row).toMatchObject({ title: request.title, checklist_done: 0, checklist_total: 12, system_name: '客户关系管理系统' })
    expect(b.misses).toEqual([])
  })

  it('asks the backend for the filter set, and shows what it answers', async () => {
    const store = useDossiersStore()
    const cases: [Partial<DossierFilter>, (d: DossierSummary) => boolean][] = [
      [{ system_code: 'CRM' }, (d) => d.system_code === 'CRM'],
      [{ mode: 'emergency' }, (d) => d.mode === 'emergency'],
      [{ month: '2026-12' }, (d) => d.planned_at.startsWith('2026-12')],
      [{ text: 'CR-2027-144' }, (d) => d.content_refs.some((c) => c.startsWith('CR-2027-144'))],
    ]
    for (const [f, holds] of cases) {
      store.resetFilter()
      Object.assign(store.filter, f)
      await store.load()
      expect(b.callsOf('DossierAPI.List').at(-1)).toEqual([{ stage: '', system_code: '', type: '', mode: '', month: '', text: '', ...f }])
      expect(store.list.length, JSON.stringify(f)).toBeGreaterThan(0)
      expect(store.list.every(holds), JSON.stringify(f)).toBe(true)
      expect(store.filtered).toBe(true)
    }
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
})
