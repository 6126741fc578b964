import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { DossierFilter, DossierPage, DossierSummary, DossierView, OutOfScopeRequest } from '@/bridge'
import OutOfScopeForm from '@/components/OutOfScope/OutOfScopeForm.vue'
import DossierListView from '@/views/DossierListView.vue'
import { useSystemsStore } from '@/stores/systems'
import { backend, byTestId, click, mountUI, ready, SAMPLE, type } from '@/test/mount'
import { answer, fixture, type StubBackend } from '@/test/stub'

// The project manager puts on record a change out of the process's scope (action-out-of-scope).
const recs = fixture('action-out-of-scope')
const refused = recs.find((r) => r.call === 'DossierAPI.RecordOutOfScope' && r.error)!
const recorded = recs.find((r) => r.call === 'DossierAPI.RecordOutOfScope' && !r.error)!
const sent = recorded.args[0] as OutOfScopeRequest

const settle = async () => {
  for (let i = 0; i < 4; i++) await flushPromises()
}

describe('out-of-scope record', () => {
  let b: StubBackend
  beforeEach(async () => {
    document.body.innerHTML = ''
    b = backend(...SAMPLE, 'action-out-of-scope').as('project_manager')
    await ready()
    await useSystemsStore().load()
  })

  it('offers the template’s exclusions and needs a reason before it records the change', async () => {
    const { wrapper } = await mountUI(OutOfScopeForm, { props: { systemCode: sent.system_code } })
    await settle()
    // The three kinds the guideline excludes, named from the template.
    for (const id of ['data_only', 'infrastructure', 'configuration']) expect(byTestId(`oos-kind-${id}`), id).not.toBeNull()
    expect(wrapper.text()).toContain('仅数据变更')

    await type('oos-title', sent.title)
    await type('oos-entity', sent.entity)
    await wrapper.find(`[data-testid="oos-kind-${sent.kind}"] input`).setValue(true)
    await flushPromises()
    await wrapper.find('form').trigger('submit')
    await settle()
    expect(refused.error?.code).toBe('dossier.out_of_scope_reason_required')
    expect(b.callsOf('DossierAPI.RecordOutOfScope')).toEqual([[{ ...sent, reason: '' }]])
    expect(wrapper.text()).toContain('请填写不适用理由')

    await type('oos-reason', sent.reason)
    await wrapper.find('form').trigger('submit')
    await settle()
    expect(b.callsOf('DossierAPI.RecordOutOfScope')).toEqual([[{ ...sent, reason: '' }], [sent]])
    const created = wrapper.findComponent(OutOfScopeForm).emitted('created') as DossierView[][]
    expect(created?.[0]?.[0].state.out_of_scope?.kind).toBe(sent.kind)
    expect(b.misses).toEqual([])
  })

  it('shows the record in the dossier list with its exclusion, not as a release', async () => {
    const list = answer<DossierSummary[]>('action-out-of-scope', 'DossierAPI.List')
    const row = list.find((r) => r.out_of_scope)!
    expect(row.stage).toBe('out_of_scope')
    await mountUI(DossierListView)
    await settle()
    // Without a release date it is listed last: open the last page, which the backend is asked for.
    const none: DossierFilter = { stage: '', system_code: '', type: '', mode: '', month: '', text: '' }
    const offset = Math.floor((list.length - 1) / 15) * 15
    const last = answer<DossierPage>('action-out-of-scope', 'DossierAPI.Page', '', none, offset, 15)
    expect(last.rows.map((r) => r.id)).toContain(row.id)
    const pages = [...document.querySelectorAll('.n-pagination-item:not(.n-pagination-item--button)')] as HTMLElement[]
    pages.at(-1)?.click()
    await settle()
    expect(b.callsOf('DossierAPI.Page').at(-1)).toEqual([none, offset, 15])
    const tr = document.querySelector(`[data-testid="dossier-row"][data-id="${row.id}"]`) as HTMLElement
    expect(tr, row.id).not.toBeNull()
    expect(tr.querySelector('[data-testid="row-out-of-scope"]')?.textContent).toContain('仅数据变更')
    expect(tr.textContent).toContain('不在流程范围内')
    await click('dossier-new')
    await click('out-of-scope-open')
    expect(byTestId('out-of-scope-form')).not.toBeNull()
  })
})
