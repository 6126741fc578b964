import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import DossierCreateForm from '@/components/DossierCreateForm/DossierCreateForm.vue'
import { useSystemsStore } from '@/stores/systems'
import { freshBridge, mountUI, ready, signedIn } from '@/test/mount'

describe('DossierCreateForm', () => {
  beforeEach(async () => {
    freshBridge()
    await ready()
    await signedIn('王芳')
    await useSystemsStore().save({ code: 'CRM', name: 'CRM', department: 'Biz', owner: '李娜', class: 'java', web_facing: false, calls: [], updated_at: '' }, true)
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

  it('shows the backend error next to the field', async () => {
    const { wrapper } = await mountUI(DossierCreateForm, { props: { systemCode: 'CRM' } })
    expect((wrapper.find('[data-testid="dossier-owner"]').element as HTMLInputElement).value).toBe('李娜')
    expect((wrapper.find('[data-testid="dossier-pm"]').element as HTMLInputElement).value).toBe('王芳')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(wrapper.text()).toContain('请填写标题。')
  })
})
