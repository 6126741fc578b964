import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { DecideRequest, DossierView } from '@/bridge'
import DossierView_ from '@/views/DossierView.vue'
import { backend, byTestId, click, mountUI, ready, SAMPLE, type } from '@/test/mount'
import { answer, fixture, type StubBackend } from '@/test/stub'
import { useDossiersStore } from '@/stores/dossiers'

const settle = async () => {
  for (let i = 0; i < 4; i++) await flushPromises()
}

/** mounted is the UI openApproval mounted last (its i18n switches the language). */
let mounted: Awaited<ReturnType<typeof mountUI>> | null = null

/** openApproval signs role in over the sample (and the files given) and opens a dossier's approval tab. */
async function openApproval(role: string, id: string, ...files: string[]): Promise<StubBackend> {
  const b = backend(...SAMPLE, ...files).as(role)
  await ready()
  mounted = await mountUI(DossierView_, { props: { id }, path: `/dossiers/${id}?tab=approval` })
  await settle()
  return b
}

const countersign = 'dossier-upgrade-countersign'
const asPM = answer<DossierView>(countersign, 'DossierAPI.Get', 'project_manager')
const id = asPM.state.id

/**
 * readyToApprove opens the countersign row of the basic apps director with
 * every item answered and the comment of the recorded decision typed; from
 * then on the backend answers as it did to that decision (and reads the
 * dossier as it is after).
 */
async function readyToApprove() {
  const recorded = fixture('action-decide').find((r) => r.call === 'DossierAPI.Decide')!.args[1] as DecideRequest
  const b = await openApproval('basic_apps_director', id, countersign)
  b.serve('action-decide')
  await click('answers-all-yes')
  await type('decision-comment', recorded.comment)
  return { b, recorded }
}

describe('approval tab', () => {
  beforeEach(() => {
    document.body.innerHTML = ''
  })

  it('lists by name exactly what a refused submission is missing', async () => {
    const refused = fixture('action-submit-refused').find((r) => r.error?.code === 'workflow.incomplete')!
    const returned = answer<DossierView>('dossier-upgrade-returned', 'DossierAPI.Get', 'system_owner')
    expect(refused.args[0]).toBe(returned.state.id)
    const b = await openApproval('system_owner', returned.state.id, 'dossier-upgrade-returned', 'action-submit-refused')

    await click('submit')
    expect(b.callsOf('DossierAPI.Submit')).toEqual([[returned.state.id, {}, '']])
    const missing = byTestId('missing-list')
    expect(missing).not.toBeNull()
    const start = returned.state.plan!.steps[0]
    const ids = refused.error!.params!.items.split(',')
    for (const itemId of ids) expect(byTestId(`missing-item-${itemId}`)?.textContent).toBe(start.items!.find((it) => it.id === itemId)!.text.zh)
    // Only what the backend named: no other item, no deliverable.
    expect(missing!.querySelectorAll('[data-testid^="missing-item-"]')).toHaveLength(ids.length)
    expect(missing!.querySelectorAll('[data-testid^="missing-deliverable-"]')).toHaveLength(0)
    expect(b.misses).toEqual([])
  })

  it('shows the six countersign rows side by side with each director’s recorded status', async () => {
    const b = await openApproval('project_manager', id, countersign)
    const grid = byTestId('countersign-grid')!
    const slots = [...grid.querySelectorAll('[data-testid^="slot-"][data-status]')] as HTMLElement[]
    const rows = asPM.state.plan!.steps.find((s) => s.id === 'up.2.countersign')!.rows!
    const recorded = asPM.state.flow!.slots.filter((s) => s.step === 'up.2.countersign')
    expect(slots.map((s) => s.dataset.testid)).toEqual(rows.map((r) => `slot-up.2.countersign/${r.id}`))
    expect(slots.map((s) => s.dataset.status)).toEqual(recorded.map((s) => s.status))
    expect(slots.map((s) => s.dataset.status)).toEqual(['approved', 'approved', 'approved', 'pending', 'pending', 'pending'])
    expect(slots[0].textContent).toContain('客户服务部总监')
    expect(slots[0].textContent).toContain('王芳')
    expect(slots[0].textContent).toContain(recorded[0].decision!.comment)
    expect(slots[3].textContent).toContain('等待 基础应用部总监')
    expect(byTestId('step-status-up.2.countersign')?.textContent).toBe('会签中 3/6')
    // The project manager holds none of the roles: no decision panel, an urge where the backend offers one.
    expect(byTestId('decision-panel')).toBeNull()
    for (const key of asPM.actions.urge!) expect(byTestId(`urge-${key}`), key).not.toBeNull()
    expect(byTestId('urge-up.2.countersign/cs')).toBeNull()
    expect(b.misses).toEqual([])
  })

  it('offers the decision panel only on the row the backend lets the director decide', async () => {
    const mine = answer<DossierView>(countersign, 'DossierAPI.Get', 'basic_apps_director')
    expect(mine.actions.decide).toEqual(['up.2.countersign/basic_apps'])
    await openApproval('basic_apps_director', id, countersign)
    const panel = byTestId('decision-panel')
    expect(panel?.dataset.slot).toBe('up.2.countersign/basic_apps')
    expect(panel?.textContent).toContain('你以「基础应用部总监」的身份审批')
    expect(byTestId('decide-open-up.2.countersign/basic_apps')).not.toBeNull()
    expect(byTestId('decide-open-up.2.countersign/app_dev')).toBeNull()
  })

  it('approves with every item answered and the comment, and shows the row approved', async () => {
    const { b, recorded } = await readyToApprove()
    await click('decide-approve')
    expect(b.callsOf('DossierAPI.Decide')).toEqual([[id, recorded]])
    expect(byTestId('slot-up.2.countersign/basic_apps')?.dataset.status).toBe('approved')
    expect(byTestId('slot-up.2.countersign/basic_apps')?.textContent).toContain(recorded.comment)
    expect(byTestId('decision-panel')).toBeNull()
    expect(b.misses).toEqual([])
  })

  it('redraws the steps a decision or a language switch changes, and keeps the others’ elements', async () => {
    const { b, recorded } = await readyToApprove()
    const steps = asPM.state.plan!.steps
    const cs = steps.find((s) => s.id === 'up.2.countersign')!
    const name = (id: string) => byTestId(`step-${id}`)!.querySelector('.name')!.textContent
    const row = () => byTestId('slot-up.2.countersign/basic_apps')!
    expect(byTestId('step-status-up.2.countersign')?.textContent).toBe('会签中 3/6')
    expect(name(cs.id)).toBe(cs.name.zh)
    expect(row().classList.contains('active')).toBe(true)
    const untouched = byTestId(`step-${steps[0].id}`)

    await click('decide-approve')
    expect(b.callsOf('DossierAPI.Decide')).toEqual([[id, recorded]])
    expect(byTestId('step-status-up.2.countersign')?.textContent).toBe('会签中 4/6')
    expect(row().dataset.status).toBe('approved')
    // Nothing left for this director to decide: no row is the open one.
    expect(row().classList.contains('active')).toBe(false)
    // A step the decision did not change keeps its element.
    expect(byTestId(`step-${steps[0].id}`)).toBe(untouched)

    const { wrapper } = mounted!
    ;(wrapper.vm.$i18n as unknown as { locale: string }).locale = 'en'
    await settle()
    expect(name(cs.id)).toBe(cs.name.en)
    expect(byTestId('step-status-up.2.countersign')?.textContent).toBe('Countersigning 4/6')
    expect(b.misses).toEqual([])
  })

  it('after a profile switch shows what the new profile may do on steps whose status stays the same', async () => {
    const b = await openApproval('project_manager', id, countersign)
    const row = () => byTestId('slot-up.2.countersign/basic_apps')!
    expect(byTestId('step-status-up.2.countersign')?.textContent).toBe('会签中 3/6')
    expect(byTestId('decide-open-up.2.countersign/basic_apps')).toBeNull()
    expect(row().classList.contains('active')).toBe(false)

    // The same dossier as the basic apps director reads it (what a profile switch does).
    b.as('basic_apps_director')
    await useDossiersStore().reload()
    await settle()
    expect(byTestId('step-status-up.2.countersign')?.textContent).toBe('会签中 3/6')
    expect(byTestId('decide-open-up.2.countersign/basic_apps')).not.toBeNull()
    expect(row().classList.contains('active')).toBe(true)
    expect(byTestId('decision-panel')?.dataset.slot).toBe('up.2.countersign/basic_apps')
    expect(b.misses).toEqual([])
  })

  it('sends one decision for a double click on approve', async () => {
    const { b, recorded } = await readyToApprove()
    // The second click comes while the first decision is under way (before its spinner shows).
    byTestId('decide-approve')!.click()
    await click('decide-approve')
    await settle()
    expect(b.callsOf('DossierAPI.Decide')).toEqual([[id, recorded]])
    expect(byTestId('slot-up.2.countersign/basic_apps')?.dataset.status).toBe('approved')
    expect(byTestId('error-alert')).toBeNull()
    expect(b.misses).toEqual([])
  })

  it('requires a reason to return, then shows the dossier back with the submitter', async () => {
    const b = await openApproval('app_dev_director', id, 'action-return')
    await click('decide-return')
    expect(byTestId('return-form')).not.toBeNull()
    // Without a reason the backend refuses (the recorded workflow.reason_required), and the panel says so.
    await click('decide-return-confirm')
    const noReason = { step: 'up.2.countersign', row: 'app_dev', decision: 'return', return_to: '', comment: '', answers: {} }
    expect(b.callsOf('DossierAPI.Decide')).toEqual([[id, noReason]])
    expect(byTestId('error-alert')?.textContent).toContain('请填写理由')
    expect(byTestId('return-form')).not.toBeNull()

    await type('decision-comment', '缺少联调结果')
    await click('decide-return-confirm')
    expect(b.callsOf('DossierAPI.Decide')).toEqual([[id, noReason], [id, { ...noReason, comment: '缺少联调结果' }]])
    expect(byTestId('returned-alert')?.textContent).toContain('缺少联调结果')
    expect(byTestId('returned-alert')?.textContent).toContain('赵磊')
    expect(b.misses).toEqual([])
  })
})
