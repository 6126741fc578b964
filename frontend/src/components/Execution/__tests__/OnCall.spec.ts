import { describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { DossierView, OnCall } from '@/bridge'
import DossierView_ from '@/views/DossierView.vue'
import { backend, byTestId, click, mountUI, ready, SAMPLE, type } from '@/test/mount'
import { answer, fixture } from '@/test/stub'

// Recorded by app/fixtures_oncall_test.go: the release operator of the new
// system being released records who is on call, then removes the row.
const file = 'action-oncall'
const view = answer<DossierView>(file, 'DossierAPI.Get', 'release_operator')
const id = view.state.id
const saved = fixture(file).filter((r) => r.call === 'DossierAPI.SaveOnCall').map((r) => r.args[1] as OnCall[])
const [had, row] = saved[0]
const settle = async () => {
  for (let i = 0; i < 6; i++) await flushPromises()
}

describe('on-call support (guideline 6.4.3(2))', () => {
  it('adds a person on call with phone and time, clears the form, and removes a row', async () => {
    document.body.innerHTML = ''
    const b = backend(...SAMPLE, file).as('release_operator')
    await ready()
    await mountUI(DossierView_, { props: { id }, path: `/dossiers/${id}?tab=execution` })
    await settle()
    expect(document.querySelectorAll('[data-testid="on-call-row"]').length).toBe(1)
    expect(byTestId('on-call-row')?.textContent).toContain(had.name)
    // The roster in force offers its people to choose from.
    expect(byTestId('oncall-person')).not.toBeNull()

    await type('oncall-name', row.name)
    await type('oncall-phone', row.phone)
    await type('oncall-from', row.from.replace('T', ' '))
    await type('oncall-until', row.until.replace('T', ' '))
    await click('oncall-add')
    await settle()
    expect(b.callsOf('DossierAPI.SaveOnCall')).toEqual([[id, [had, row]]])
    expect(document.querySelectorAll('[data-testid="on-call-row"]')[1]?.textContent).toContain(row.phone)
    expect((byTestId('oncall-name') as HTMLInputElement).value).toBe('')

    await click('oncall-remove-0')
    await settle()
    expect(b.callsOf('DossierAPI.SaveOnCall').at(-1)).toEqual([id, saved[1]])
    expect(document.querySelectorAll('[data-testid="on-call-row"]').length).toBe(1)
    expect(byTestId('on-call-row')?.textContent).toContain(row.name)
    expect(b.misses).toEqual([])
  })
})
