import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import DossierView from '@/views/DossierView.vue'
import { byTestId, mountUI } from '@/test/mount'
import { stepOf, upgradeFlow, workflowFixture, zh, type Fixture } from '@/test/workflow'

const click = async (id: string) => {
  const el = byTestId(id)
  expect(el, id).not.toBeNull()
  el!.click()
  await flushPromises()
}
const openApproval = (id: string) => mountUI(DossierView, { props: { id }, path: `/dossiers/${id}?tab=approval` })

describe('approval tab', () => {
  let fx: Fixture
  beforeEach(async () => {
    document.body.innerHTML = ''
    fx = await workflowFixture()
  })

  it('lists by name exactly what a refused submission is missing', async () => {
    const id = await fx.dossier()
    const start = upgradeFlow().steps[0]
    // One required deliverable is there already; one optional one is not and must not be listed.
    const [first, ...rest] = (start.deliverables ?? []).filter((d) => d.required)
    await fx.attach(id, first.id)
    await openApproval(id)

    await click('submit')
    const missing = byTestId('missing-list')
    expect(missing).not.toBeNull()
    for (const it of start.items ?? []) expect(missing!.textContent).toContain(zh(it.text))
    for (const d of rest) expect(byTestId(`missing-deliverable-${d.id}`)?.textContent).toBe(zh(d.name))
    expect(byTestId(`missing-deliverable-${first.id}`)).toBeNull()
    for (const d of (start.deliverables ?? []).filter((x) => !x.required)) expect(byTestId(`missing-deliverable-${d.id}`)).toBeNull()
    expect(missing!.textContent).not.toContain('up.1.')
    expect(byTestId('step-status-up.1.start')?.textContent).toBe('待提交')
  })

  it('shows the six countersign rows side by side with each director’s status', async () => {
    const id = await fx.dossier()
    await fx.submit(id)
    await fx.approve(id, ['cs_director', 'infrastructure_director'])
    await fx.as('project_manager')
    await openApproval(id)

    const grid = byTestId('countersign-grid')!
    const slots = [...grid.querySelectorAll('[data-testid^="slot-"][data-status]')] as HTMLElement[]
    expect(slots).toHaveLength(6)
    const rows = stepOf('up.2.countersign').rows!
    expect(slots.map((s) => s.dataset.testid)).toEqual(rows.map((r) => `slot-up.2.countersign/${r.id}`))
    expect(slots.map((s) => s.dataset.status)).toEqual(['approved', 'pending', 'pending', 'pending', 'pending', 'approved'])
    expect(slots[0].textContent).toContain('客户服务部总监')
    expect(slots[0].textContent).toContain('同意')
    expect(slots[1].textContent).toContain('等待 业务应用部总监')
    expect(byTestId('step-status-up.2.countersign')?.textContent).toBe('会签中 2/6')
    // The project manager holds none of the roles: no decision panel, but an urge button on pending rows.
    expect(byTestId('decision-panel')).toBeNull()
    expect(byTestId('urge-up.2.countersign/biz_apps')).not.toBeNull()
    expect(byTestId('urge-up.2.countersign/cs')).toBeNull()
  })

  it('offers the decision panel only to a profile holding the slot’s role', async () => {
    const id = await fx.dossier()
    await fx.submit(id)
    await fx.as('biz_apps_director')
    await openApproval(id)
    const panel = byTestId('decision-panel')
    expect(panel?.dataset.slot).toBe('up.2.countersign/biz_apps')
    expect(panel?.textContent).toContain('你以「业务应用部总监」的身份审批')
    expect(byTestId('decide-open-up.2.countersign/biz_apps')).not.toBeNull()
    expect(byTestId('decide-open-up.2.countersign/cs')).toBeNull()
  })

  it('requires a reason to return, then sends the dossier back to the submitter', async () => {
    const id = await fx.dossier()
    await fx.submit(id)
    await fx.as('cs_director')
    await openApproval(id)

    await click('decide-return')
    expect(byTestId('return-form')).not.toBeNull()
    await click('decide-return-confirm')
    expect(byTestId('error-alert')?.textContent).toContain('请填写理由')
    expect((await fx.b.dossiers.get(id)).state.flow!.phase).toBe('approval')

    const input = byTestId('decision-comment') as HTMLTextAreaElement
    input.value = '缺少联调结果'
    input.dispatchEvent(new Event('input'))
    await flushPromises()
    await click('decide-return-confirm')
    const v = await fx.b.dossiers.get(id)
    expect(v.state.flow!.phase).toBe('draft')
    expect(v.history.at(-1)).toMatchObject({ kind: 'flow.decided', params: { decision: 'return', comment: '缺少联调结果' } })
    expect(byTestId('returned-alert')?.textContent).toContain('缺少联调结果')
  })
})
