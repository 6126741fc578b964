import { describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { Profile, ProfileCreateRequest } from '@/bridge'
import GateView from '@/views/GateView.vue'
import { useSessionStore } from '@/stores/session'
import { backend, mountUI, ready, SAMPLE } from '@/test/mount'
import { answer, fixture } from '@/test/stub'

const first = fixture('start').find((r) => r.call === 'ProfileAPI.Create' && !r.error)!.args[0] as ProfileCreateRequest

describe('GateView in an empty folder', () => {
  it('sends the first profile and shows the backend’s refusal when no role is chosen', async () => {
    document.body.innerHTML = ''
    const b = backend('start')
    await ready()
    const { wrapper } = await mountUI(GateView)
    expect(wrapper.text()).toContain('创建本机身份')
    expect(wrapper.text()).toContain('Ed25519')
    await wrapper.find('[data-testid="profile-name"]').setValue(first.name)
    await wrapper.find('[data-testid="profile-department"]').setValue(first.department)
    await wrapper.find('[data-testid="profile-passphrase"]').setValue(first.passphrase)
    await wrapper.find('[data-testid="profile-passphrase-confirm"]').setValue(first.passphrase)
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(b.callsOf('ProfileAPI.Create')).toEqual([[{ ...first, roles: [] }]])
    // profile.roles_required, translated.
    expect(wrapper.text()).toContain('请至少选择一个角色。')
    expect(useSessionStore().unlocked).toBe(false)
    expect(b.misses).toEqual([])
  })

  it('says when the passphrases differ, without asking the backend', async () => {
    document.body.innerHTML = ''
    const b = backend('start')
    await ready()
    const { wrapper } = await mountUI(GateView)
    await wrapper.find('[data-testid="profile-passphrase"]').setValue('correct horse')
    await wrapper.find('[data-testid="profile-passphrase-confirm"]').setValue('correct house')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(wrapper.text()).toContain('两次输入的口令不一致')
    expect(b.callsOf('ProfileAPI.Create')).toEqual([])
  })
})

describe('GateView in the sample folder', () => {
  it('keeps the unlock form after a wrong passphrase, then unlocks', async () => {
    document.body.innerHTML = ''
    const b = backend(...SAMPLE, 'errors')
    await ready()
    const pm = answer<Profile>('session', 'ProfileAPI.Current', 'project_manager')
    const s = useSessionStore()
    const { wrapper } = await mountUI(GateView)
    expect(wrapper.text()).toContain('解锁身份')
    await wrapper.find('[data-testid="unlock-passphrase"]').setValue('wrong passphrase')
    await wrapper.find('[data-testid="profile-unlock-form"]').trigger('submit')
    await flushPromises()
    expect(b.callsOf('ProfileAPI.Unlock')).toEqual([[pm.id, 'wrong passphrase']])
    expect(wrapper.text()).toContain('口令不正确。')
    expect(wrapper.find('[data-testid="unlock-passphrase"]').exists()).toBe(true)
    expect(s.unlocked).toBe(false)

    await wrapper.find('[data-testid="unlock-passphrase"]').setValue('golive-sample')
    await wrapper.find('[data-testid="profile-unlock-form"]').trigger('submit')
    await flushPromises()
    expect(s.current?.name).toBe(pm.name)
    expect(b.misses).toEqual([])
  })
})
