import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { NSelect } from 'naive-ui'
import type { Router } from 'vue-router'
import type { DossierView } from '@/bridge'
import { backend, byTestId, mountUI, ready, SAMPLE } from '@/test/mount'
import { answer, fixture, type StubBackend } from '@/test/stub'
import DossierView_ from '@/views/DossierView.vue'

// The bugfix upgrade in preparation, as its system owner attaches an
// evidence file and links a deliverable (recorded in action-evidence).
const prepared = answer<DossierView>('action-evidence', 'DossierAPI.Get', 'system_owner')
const id = prepared.state.id
const uploaded = fixture('action-evidence').find((r) => r.call === 'DossierAPI.AttachChecklistUpload')!
const [, , fileName] = uploaded.args as string[]
// The content the recorder uploaded (app/fixtures_evidence_test.go), which the upload must send again.
const content = 'UAT report v3, signed by the users\n'

async function settle() {
  for (let i = 0; i < 4; i++) await flushPromises()
}
function selectOf(wrapper: VueWrapper, item: string) {
  const s = wrapper.findAllComponents(NSelect).find((c) => c.element.closest(`[data-testid="checklist-row-${item}"]`))
  expect(s, item).toBeDefined()
  return s!
}

describe('checklist evidence', () => {
  let b: StubBackend
  let wrapper: VueWrapper
  let router: Router
  beforeEach(async () => {
    document.body.innerHTML = ''
    b = backend(...SAMPLE, 'action-evidence').as('system_owner')
    await ready()
    ;({ wrapper, router } = await mountUI(DossierView_, { props: { id }, path: `/dossiers/${id}?tab=checklist` }))
    await settle()
  })

  it('attaches a file as an item’s evidence and shows it on the row', async () => {
    expect(byTestId('checklist-file-pre.user_test')).toBeNull()
    const input = byTestId('checklist-attach-pre.user_test') as HTMLInputElement
    Object.defineProperty(input, 'files', { value: [new File([content], fileName)], configurable: true })
    input.dispatchEvent(new Event('change'))
    await settle()
    expect(b.callsOf('DossierAPI.AttachChecklistUpload')).toEqual([uploaded.args])
    expect(byTestId('checklist-file-pre.user_test')?.textContent).toContain('uat-report.pdf')
    expect(byTestId('checklist-row-pre.user_test')?.dataset.status).toBe('in_progress')
    expect(b.misses).toEqual([])
  })

  it('links a deliverable of the dossier, shown by name', async () => {
    selectOf(wrapper, 'pre.user_test').vm.$emit('update:value', 'doc:user_test_report')
    await settle()
    expect(b.callsOf('DossierAPI.LinkChecklistDeliverable')).toEqual([[id, 'pre.user_test', 'doc:user_test_report']])
    expect(byTestId('checklist-deliverable-pre.user_test')?.textContent).toContain('关联交付物：用户测试报告')
    expect(b.misses).toEqual([])
  })

  it('shows the backend’s refusal of a deliverable the dossier does not have', async () => {
    selectOf(wrapper, 'pre.training').vm.$emit('update:value', 'no_such_deliverable')
    await settle()
    expect(byTestId('checklist-row-pre.training')?.textContent).toContain('本发布档案没有交付物「no_such_deliverable」，无法关联。')
    expect(byTestId('checklist-deliverable-pre.training')).toBeNull()
    expect(b.misses).toEqual([])
  })

  it('links the Action Plan to the runbook and the verification plan to the scenario tests', async () => {
    const steps = byTestId('checklist-link-plan.detailed_steps')
    expect(steps?.dataset.kind).toBe('runbook')
    expect(steps?.textContent).toContain('尚未记录步骤')
    expect(byTestId('checklist-link-plan.verification')?.dataset.kind).toBe('scenario_tests')
    expect(byTestId('checklist-link-plan.overall')).toBeNull()
    byTestId('checklist-link-open-plan.detailed_steps')!.click()
    await settle()
    expect(router.currentRoute.value.query.tab).toBe('execution')
  })
})
