import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { DossierCreateRequest } from '@/bridge'
import DossierCreateForm from '@/components/DossierCreateForm/DossierCreateForm.vue'
import { useSystemsStore } from '@/stores/systems'
import { backend, mountUI, ready, SAMPLE } from '@/test/mount'
import { fixture, type StubBackend } from '@/test/stub'

const settle = async () => {
  for (let i = 0; i < 4; i++) await flushPromises()
}

describe('DossierCreateForm', () => {
  let b: StubBackend
  beforeEach(async () => {
    document.body.innerHTML = ''
    b = backend(...SAMPLE, 'action-create').as('project_manager')
    await ready()
    await useSystemsStore().load()
  })

  it('asks for the upgrade kind only for an upgrade', async () => {
    const { wrapper } = await mountUI(DossierCreateForm)
    // Upgrade is the default: the subtype (CR / bugfix) is there.
    expect(wrapper.find('[data-testid="dossier-subtype"]').exists()).toBe(true)
    expect(wrapper.text()).toContain('升级类别')

    await wrapper.find('[data-testid="dossier-type-new_system"] input').setValue(true)
    await flushPromises()
    expect(wrapper.find('[data-testid="dossier-subtype"]').exists()).toBe(false)

    await wrapper.find('[data-testid="dossier-type-upgrade"] input').setValue(true)
    await flushPromises()
    expect(wrapper.find('[data-testid="dossier-subtype-bugfix"]').exists()).toBe(true)
  })

  it('warns that an emergency release is not fully tested', async () => {
    const { wrapper } = await mountUI(DossierCreateForm)
    expect(wrapper.find('[data-testid="emergency-note"]').exists()).toBe(false)
    await wrapper.find('[data-testid="dossier-mode-emergency"] input').setValue(true)
    await flushPromises()
    const note = wrapper.find('[data-testid="emergency-note"]')
    expect(note.text()).toContain('申请人所在部门负责人签字')
    expect(note.text()).toContain('未经完整测试')
  })

  it('pre-fills the owner from the register and shows the backend’s refusal next to the field', async () => {
    const refused = fixture('action-create').find((r) => r.error?.code === 'dossier.title_required')!
    const { wrapper } = await mountUI(DossierCreateForm, { props: { systemCode: 'CRM' } })
    await settle()
    const sent = refused.args[0] as DossierCreateRequest
    expect((wrapper.find('[data-testid="dossier-owner"]').element as HTMLInputElement).value).toBe(sent.system_owner)
    expect((wrapper.find('[data-testid="dossier-pm"]').element as HTMLInputElement).value).toBe(sent.project_manager)
    await wrapper.find('form').trigger('submit')
    await settle()
    expect(b.callsOf('DossierAPI.Create')).toEqual([[{ ...sent, content: [] }]])
    expect(wrapper.text()).toContain('请填写标题。')
    expect(b.misses).toEqual([])
  })
})
