import { beforeEach, describe, expect, it } from 'vitest'
import { isCode, type DossierCreateRequest } from '@/bridge'
import { useDossiersStore } from '@/stores/dossiers'
import { useSystemsStore } from '@/stores/systems'
import { freshBridge, ready, signedIn } from '@/test/mount'

const request = (over: Partial<DossierCreateRequest> = {}): DossierCreateRequest => ({
  system_code: 'CRM', title: 'CRM 需求变更发布', type: 'upgrade', subtype: 'cr', mode: 'planned', version: '2.3.0',
  content: [{ kind: 'cr', ref: 'CR-2026-118', title: '客户360视图' }], planned_at: '2026-12-10T19:00',
  project_manager: '张伟', system_owner: '李娜', window: '2026-12-10-java', ...over,
})

describe('dossiers store', () => {
  beforeEach(async () => {
    freshBridge()
    await ready()
    await signedIn()
    const systems = useSystemsStore()
    await systems.save({ code: 'CRM', name: 'CRM', department: 'Biz', owner: '李娜', class: 'java', web_facing: false, calls: [], updated_at: '' }, true)
    await systems.save({ code: 'FIN', name: 'Finance', department: 'Fin', owner: 'Wang', class: 'packaged', web_facing: false, calls: [], updated_at: '' }, true)
  })

  it('shows a created dossier in the list', async () => {
    const store = useDossiersStore()
    const v = await store.create(request())
    expect(v.state.stage).toBe('planning')
    expect(v.state.planned_at).toBe('2026-12-10T19:00:00+08:00')
    expect(store.list.map((d) => d.id)).toEqual([v.state.id])
    expect(store.list[0]).toMatchObject({ title: 'CRM 需求变更发布', checklist_done: 0, checklist_total: 12, system_name: 'CRM' })
  })

  it('filters by system, mode, month and free text (content ids too)', async () => {
    const store = useDossiersStore()
    await store.create(request())
    await store.create(request({ system_code: 'FIN', title: 'Ledger hotfix', subtype: 'bugfix', mode: 'emergency', window: '', planned_at: '2027-01-05T21:00', content: [{ kind: 'bug', ref: 'BUG-2701-007', title: 'rounding' }] }))
    await store.load()
    expect(store.list).toHaveLength(2)

    store.filter.system_code = 'FIN'
    await store.load()
    expect(store.list.map((d) => d.title)).toEqual(['Ledger hotfix'])

    store.resetFilter()
    store.filter.month = '2026-12'
    await store.load()
    expect(store.list.map((d) => d.system_code)).toEqual(['CRM'])

    store.resetFilter()
    store.filter.mode = 'emergency'
    await store.load()
    expect(store.list.map((d) => d.system_code)).toEqual(['FIN'])

    store.resetFilter()
    store.filter.text = 'bug-2701'
    await store.load()
    expect(store.list.map((d) => d.system_code)).toEqual(['FIN'])
    expect(store.filtered).toBe(true)
  })

  it('changes the progress when a checklist item is set', async () => {
    const store = useDossiersStore()
    const v = await store.create(request())
    expect(store.progress).toEqual({ done: 0, total: 12 })

    await store.setChecklist(v.state.id, 'pre.review_meeting', 'done', 'minutes 2026-11-30')
    await store.setChecklist(v.state.id, 'pre.training', 'not_applicable', 'no user-facing change')
    await store.setChecklist(v.state.id, 'pre.user_test', 'in_progress', '')

    expect(store.progress).toEqual({ done: 2, total: 12 })
    expect(store.current?.state.stage).toBe('preparation')
    expect(store.list[0].checklist_done).toBe(2)
  })

  it('refuses approval while the checklist is incomplete', async () => {
    const store = useDossiersStore()
    const v = await store.create(request())
    await store.advance(v.state.id, 'preparation', '')
    // Beyond preparation the workflow moves the stage: advancing by hand is refused.
    const refused = await store.advance(v.state.id, 'approval', '').catch((e) => e)
    expect(isCode(refused, 'dossier.bad_stage')).toBe(true)
    const err = await store.submit(v.state.id, {}, '').catch((e) => e)
    expect(isCode(err, 'dossier.checklist_incomplete')).toBe(true)
    expect(err.params.missing).toBe('12')
  })

  it('updates only the changed field', async () => {
    const store = useDossiersStore()
    const v = await store.create(request())
    await store.update(v.state.id, { version: '2.3.1' })
    const last = store.current!.history.at(-1)!
    expect(last.kind).toBe('dossier.updated')
    expect(last.params.fields).toBe('version')
    expect(store.current!.state.version).toBe('2.3.1')
  })
})
