import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { bridge } from '@/bridge'
import ChecklistRow from '@/components/Checklist/ChecklistRow.vue'
import { useDossiersStore } from '@/stores/dossiers'
import { useSystemsStore } from '@/stores/systems'
import { useTemplateStore } from '@/stores/template'
import { freshBridge, mountUI, ready, signedIn } from '@/test/mount'

async function dossier() {
  await useSystemsStore().save({ code: 'CRM', name: 'CRM', department: 'Biz', owner: 'Li', class: 'java', web_facing: false, calls: [], updated_at: '' }, true)
  const v = await useDossiersStore().create({
    system_code: 'CRM', title: 'T', type: 'upgrade', subtype: 'cr', mode: 'planned', version: '1', planned_at: '2026-12-10T19:00', project_manager: 'P', system_owner: 'O', window: '2026-12-10-java',
  })
  return v.state.id
}

describe('ChecklistRow', () => {
  beforeEach(async () => {
    freshBridge()
    await ready()
    await signedIn('陈静')
  })

  it('saves the chosen status and shows who confirmed it', async () => {
    const id = await dossier()
    const item = useTemplateStore().checklistItem('pre.review_meeting')!
    const { wrapper } = await mountUI(ChecklistRow, { props: { dossierId: id, item } })
    expect(wrapper.text()).toContain('确认项目上线评审会是否已经召开')
    expect(wrapper.text()).toContain('尚未确认')

    await wrapper.find('[data-testid="checklist-status-pre.review_meeting-done"] input').setValue(true)
    await flushPromises()

    const saved = await bridge().dossiers.get(id)
    expect(saved.state.checklist['pre.review_meeting'].status).toBe('done')
    expect(useDossiersStore().progress.done).toBe(1)
  })

  it('saves the evidence note on blur', async () => {
    const id = await dossier()
    const item = useTemplateStore().checklistItem('pre.user_test')!
    const { wrapper } = await mountUI(ChecklistRow, { props: { dossierId: id, item } })
    const note = wrapper.find('[data-testid="checklist-note-pre.user_test"]')
    await note.setValue('UAT report v3 signed')
    await note.trigger('blur')
    await flushPromises()
    expect((await bridge().dossiers.get(id)).state.checklist['pre.user_test'].note).toBe('UAT report v3 signed')
  })

  it('asks for a reason when marked not applicable without a note', async () => {
    const id = await dossier()
    const item = useTemplateStore().checklistItem('pre.training')!
    const { wrapper } = await mountUI(ChecklistRow, { props: { dossierId: id, item } })
    await wrapper.find('[data-testid="checklist-status-pre.training-not_applicable"] input').setValue(true)
    await flushPromises()
    expect(wrapper.text()).toContain('标为不适用时需要填写理由')
    expect((await bridge().dossiers.get(id)).state.checklist['pre.training']).toBeUndefined()

    const note = wrapper.find('[data-testid="checklist-note-pre.training"]')
    await note.setValue('bugfix, no user-facing change')
    await note.trigger('blur')
    await flushPromises()
    const entry = (await bridge().dossiers.get(id)).state.checklist['pre.training']
    expect(entry).toMatchObject({ status: 'not_applicable', note: 'bugfix, no user-facing change' })
    expect(wrapper.find('[data-testid="error-alert"]').exists()).toBe(false)
  })
})
