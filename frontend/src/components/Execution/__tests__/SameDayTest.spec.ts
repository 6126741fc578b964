import { describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { DossierView } from '@/bridge'
import DossierView_ from '@/views/DossierView.vue'
import { backend, byTestId, mountUI, ready, SAMPLE } from '@/test/mount'
import { answer } from '@/test/stub'

// Recorded by app/fixtures_sameday_test.go: the upgrade waiting for its
// confirmation, as the system owner, who collects the requesting side's
// same-day test (guideline 6.4.3).
const view = answer<DossierView>('action-sameday', 'DossierAPI.Get', 'system_owner')
const id = view.state.id

describe('same-day test form', () => {
  it('asks for the release test confirmation and a signature, never a typed confirmer', async () => {
    document.body.innerHTML = ''
    const b = backend(...SAMPLE, 'action-sameday').as('system_owner')
    await ready()
    await mountUI(DossierView_, { props: { id }, path: `/dossiers/${id}?tab=execution` })
    for (let i = 0; i < 6; i++) await flushPromises()

    const panel = byTestId('same-day-panel')
    expect(panel).not.toBeNull()
    // The document is uploaded right here (chosen or dropped on the item).
    expect(byTestId('same-day-doc')?.textContent).toContain('系统发布测试确认书')
    // No free-text confirmer under this template: the business user signs.
    expect(byTestId('sameday-by')).toBeNull()
    expect(byTestId('sameday-way')).not.toBeNull()
    // The system owner is not the business confirmer: signing with his own profile is not offered.
    expect(byTestId('sameday-way-self')?.querySelector('input')?.disabled).toBe(true)
    expect(byTestId('sameday-witness')).not.toBeNull()
    // Until the document is there, the save waits and says why, by name.
    expect(byTestId('sameday-hint')?.textContent).toContain('系统发布测试确认书')
    expect((byTestId('sameday-save') as HTMLButtonElement).disabled).toBe(true)
    expect(b.callsOf('DossierAPI.SameDayTest')).toEqual([])
    expect(b.misses).toEqual([])
  })

  it('shows the on-call panel on the Execution tab', async () => {
    document.body.innerHTML = ''
    const b = backend(...SAMPLE, 'action-sameday').as('system_owner')
    await ready()
    await mountUI(DossierView_, { props: { id }, path: `/dossiers/${id}?tab=execution` })
    for (let i = 0; i < 6; i++) await flushPromises()
    const onCall = view.state.flow?.execution.on_call ?? []
    // The sample's release operator recorded the development department's on-call support.
    expect(onCall.length).toBeGreaterThan(0)
    const panel = byTestId('on-call-panel')
    expect(panel?.textContent).toContain('开发部门值守支持')
    for (const c of onCall) {
      expect(panel?.textContent).toContain(c.name)
      expect(panel?.textContent).toContain(c.phone)
    }
    expect(byTestId('on-call-none')).toBeNull()
    expect(b.misses).toEqual([])
  })
})
