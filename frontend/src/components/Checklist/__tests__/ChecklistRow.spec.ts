import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { nextTick } from 'vue'
import type { DossierView } from '@/bridge'
import { useDossiersStore } from '@/stores/dossiers'
import { backend, byTestId, mountUI, ready, SAMPLE } from '@/test/mount'
import { answer, type StubBackend } from '@/test/stub'
import DossierView_ from '@/views/DossierView.vue'

// The planned upgrade still in planning, as its project manager sets the
// preparation items (the answers recorded in action-checklist).
const planning = answer<DossierView>('dossier-upgrade-planning', 'DossierAPI.Get', 'project_manager')
const id = planning.state.id
const row = (item: string) => byTestId(`checklist-row-${item}`)
const note = (item: string) => byTestId(`checklist-note-${item}`) as HTMLTextAreaElement

async function pick(item: string, status: string) {
  const radio = byTestId(`checklist-status-${item}-${status}`)?.querySelector('input') as HTMLInputElement
  expect(radio, `${item} ${status}`).not.toBeNull()
  radio.click()
  await flushPromises()
}
async function write(item: string, text: string) {
  const el = note(item)
  el.dispatchEvent(new Event('focus'))
  el.value = text
  el.dispatchEvent(new Event('input'))
  el.dispatchEvent(new Event('blur'))
  await flushPromises()
}

describe('ChecklistRow', () => {
  let b: StubBackend
  beforeEach(async () => {
    document.body.innerHTML = ''
    b = backend(...SAMPLE, 'dossier-upgrade-planning', 'action-checklist').as('project_manager')
    await ready()
    await mountUI(DossierView_, { props: { id }, path: `/dossiers/${id}?tab=checklist` })
    for (let i = 0; i < 4; i++) await flushPromises()
  })

  it('saves the chosen status and shows who confirmed it', async () => {
    expect(row('pre.review_meeting')?.textContent).toContain('确认项目上线评审会是否已经召开')
    expect(byTestId('checklist-by-pre.review_meeting')?.textContent).toContain('尚未确认')

    await pick('pre.review_meeting', 'done')
    expect(b.callsOf('DossierAPI.SetChecklist')).toEqual([[id, 'pre.review_meeting', 'done', '']])
    expect(row('pre.review_meeting')?.dataset.status).toBe('done')
    expect(byTestId('checklist-by-pre.review_meeting')?.textContent).toContain('张伟')
    expect(useDossiersStore().progress.done).toBe(1)
    expect(byTestId('tab-checklist')?.textContent).toContain('1/12')
    expect(b.misses).toEqual([])
  })

  it('saves the evidence note on blur', async () => {
    await write('pre.user_test', 'UAT report v3 signed')
    expect(b.callsOf('DossierAPI.SetChecklist')).toEqual([[id, 'pre.user_test', 'not_started', 'UAT report v3 signed']])
    expect(useDossiersStore().current?.state.checklist['pre.user_test']?.note).toBe('UAT report v3 signed')
    expect(b.misses).toEqual([])
  })

  it('records the evidence and then the status clicked while the evidence was saving', async () => {
    const el = note('pre.user_test')
    el.dispatchEvent(new Event('focus'))
    el.value = 'UAT report v3 signed'
    el.dispatchEvent(new Event('input'))
    // Pressing the mouse on 已完成 takes the focus from the note, which saves on blur;
    // the row renders again while that save runs, and then the click lands.
    el.dispatchEvent(new Event('blur'))
    await nextTick()
    const done = byTestId('checklist-status-pre.user_test-done')?.querySelector('input') as HTMLInputElement
    done.click()
    for (let i = 0; i < 4; i++) await flushPromises()

    // Both are recorded, in the order they were made.
    expect(b.callsOf('DossierAPI.SetChecklist')).toEqual([
      [id, 'pre.user_test', 'not_started', 'UAT report v3 signed'],
      [id, 'pre.user_test', 'done', 'UAT report v3 signed'],
    ])
    expect(row('pre.user_test')?.dataset.status).toBe('done')
    expect(done.checked).toBe(true)
    expect(byTestId('checklist-by-pre.user_test')?.textContent).toContain('张伟')
    expect(useDossiersStore().current?.state.checklist['pre.user_test']).toMatchObject({ status: 'done', note: 'UAT report v3 signed' })
    expect(note('pre.user_test').value).toBe('UAT report v3 signed')
    expect(b.misses).toEqual([])
  })

  it('shows the backend’s refusal of "not applicable" without a reason, then saves it with one', async () => {
    await pick('pre.training', 'not_applicable')
    expect(b.callsOf('DossierAPI.SetChecklist')).toEqual([[id, 'pre.training', 'not_applicable', '']])
    expect(row('pre.training')?.textContent).toContain('标为不适用时需要填写理由')
    expect(useDossiersStore().current?.state.checklist['pre.training']).toBeUndefined()

    await write('pre.training', 'bugfix, no user-facing change')
    expect(b.callsOf('DossierAPI.SetChecklist').at(-1)).toEqual([id, 'pre.training', 'not_applicable', 'bugfix, no user-facing change'])
    expect(useDossiersStore().current?.state.checklist['pre.training']).toMatchObject({ status: 'not_applicable', note: 'bugfix, no user-facing change' })
    expect(row('pre.training')?.dataset.status).toBe('not_applicable')
    expect(row('pre.training')?.querySelector('[data-testid="error-alert"]')).toBeNull()
    expect(b.misses).toEqual([])
  })
})
