import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import GateView from '@/views/GateView.vue'
import { useSessionStore } from '@/stores/session'
import { freshBridge, mountUI, ready } from '@/test/mount'

describe('GateView', () => {
  beforeEach(async () => {
    freshBridge()
    await ready()
  })

  it('creates the first profile', async () => {
    const { wrapper } = await mountUI(GateView)
    expect(wrapper.text()).toContain('创建本地档案')
    expect(wrapper.text()).toContain('Ed25519')
    await wrapper.find('[data-testid="profile-name"]').setValue('张伟')
    await wrapper.find('[data-testid="profile-department"]').setValue('业务应用部')
    await wrapper.find('[data-testid="profile-passphrase"]').setValue('correct horse')
    await wrapper.find('[data-testid="profile-passphrase-confirm"]').setValue('correct horse')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    // No role chosen yet: the backend's code, translated.
    expect(wrapper.text()).toContain('请至少选择一个角色。')
    expect(useSessionStore().unlocked).toBe(false)
  })

  it('says when the passphrases differ', async () => {
    const { wrapper } = await mountUI(GateView)
    await wrapper.find('[data-testid="profile-passphrase"]').setValue('correct horse')
    await wrapper.find('[data-testid="profile-passphrase-confirm"]').setValue('correct house')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(wrapper.text()).toContain('两次输入的口令不一致')
  })

  it('keeps the unlock form after a wrong passphrase', async () => {
    const s = useSessionStore()
    await s.create({ name: '李娜', department: 'IT', roles: ['system_owner'], passphrase: 'correct horse' })
    await s.lock()
    const { wrapper } = await mountUI(GateView)
    expect(wrapper.text()).toContain('解锁档案')
    await wrapper.find('[data-testid="unlock-passphrase"]').setValue('wrong horse')
    await wrapper.find('[data-testid="profile-unlock-form"]').trigger('submit')
    await flushPromises()
    expect(wrapper.text()).toContain('口令不正确。')
    expect(wrapper.find('[data-testid="unlock-passphrase"]').exists()).toBe(true)
    expect(s.unlocked).toBe(false)

    await wrapper.find('[data-testid="unlock-passphrase"]').setValue('correct horse')
    await wrapper.find('[data-testid="profile-unlock-form"]').trigger('submit')
    await flushPromises()
    expect(s.current?.name).toBe('李娜')
  })
})
