import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { DecideRequest, DossierView, Needs } from '@/bridge'
import DossierView_ from '@/views/DossierView.vue'
import { backend, byTestId, click, mountUI, ready, SAMPLE, type } from '@/test/mount'
import { answer, fixture } from '@/test/stub'

const settle = async () => {
  for (let i = 0; i < 4; i++) await flushPromises()
}

// The basic applications director of the emergency sample in countersign
// (recorded by app/fixtures_needs_test.go).
const file = 'needs-interface'
const view = answer<DossierView>(file, 'DossierAPI.Get', 'basic_apps_director')
const id = view.state.id
const recorded = fixture(file).find((r) => r.call === 'DossierAPI.Decide')!.args[1] as DecideRequest
const calls = Object.keys(recorded.answers).find((k) => k.endsWith('.interface_calls'))!
const tested = calls.replace('interface_calls', 'interface_tested')
// The interface test report, asked of this row as a copy of the business applications row's.
const report = (fixture(file).find((r) => r.call === 'DossierAPI.Needs' && r.args[2] === 'basic_apps')!.result as Needs).deliverables.find((d) =>
  d.id.endsWith('.interface_test_report'),
)!.id

describe('what a decision asks, read from the backend', () => {
  beforeEach(() => {
    document.body.innerHTML = ''
  })

  it('drops the follow-up question and the report after 否 to the interface question, and approves without them', async () => {
    const b = backend(...SAMPLE, file).as('basic_apps_director')
    await ready()
    await mountUI(DossierView_, { props: { id }, path: `/dossiers/${id}?tab=approval` })
    await settle()

    // Before any answer both are asked; the report, given for the business
    // applications row, is shown to check rather than to upload again.
    expect(byTestId(`answer-${tested}`)).not.toBeNull()
    expect(byTestId(`slot-deliv-${report}`)).not.toBeNull()
    expect(byTestId(`deliv-shared-from-${report}`)?.textContent).toBeTruthy()

    await click('answers-all-yes')
    await click(`answer-${calls}-no`)
    await settle()
    expect(byTestId(`answer-${tested}`)).toBeNull()
    expect(byTestId(`slot-deliv-${report}`)).toBeNull()
    expect(byTestId(`deliv-not-needed-${report}`)).not.toBeNull()

    await type(`answer-${calls}-remark`, recorded.answers[calls].remark)
    await click('decide-approve')
    await settle()
    const [[, sent]] = b.callsOf('DossierAPI.Decide') as [string, DecideRequest][]
    expect(Object.keys(sent.answers).sort()).toEqual(Object.keys(recorded.answers).sort())
    expect(sent.answers[calls]).toEqual({ yes: false, remark: recorded.answers[calls].remark })
    expect(byTestId('error-alert')).toBeNull()
    expect(b.misses).toEqual([])
  })
})
