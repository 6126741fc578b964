import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { Profile } from '@/bridge'
import { backend, mountUI, ready, SAMPLE } from '@/test/mount'
import { answer, type StubBackend } from '@/test/stub'
import ProfileView from '@/views/ProfileView.vue'

async function settle() {
  for (let i = 0; i < 4; i++) await flushPromises()
}

const me = answer<Profile>('session', 'ProfileAPI.Current', 'project_manager')
// The card the backend signed for the project manager, with the sub-department and title typed.
const block = answer<string>('session', 'ProfileAPI.IdentityCardText', 'project_manager', '发布管理组', '高级经理')

describe('IdentityCardSection', () => {
  let b: StubBackend
  const writeText = vi.fn<(text: string) => Promise<void>>()
  beforeEach(async () => {
    document.body.innerHTML = ''
    writeText.mockReset()
    writeText.mockResolvedValue(undefined)
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    b = backend(...SAMPLE).as('project_manager')
    await ready()
  })
  afterEach(() => {
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true })
  })

  it('shows the fingerprint in its groups under 我的身份卡', async () => {
    const { wrapper } = await mountUI(ProfileView, { path: '/profile' })
    await settle()
    const card = wrapper.find('[data-testid="identity-card"]')
    expect(card.text()).toContain('我的身份卡')
    const groups = wrapper.findAll('[data-testid="identity-fingerprint"] .group').map((g) => g.text())
    expect(groups.join(' ')).toBe(me.fingerprint)
    expect(groups.length).toBe(8)
  })

  it('copies the signed text block with the sub-department and title typed', async () => {
    const { wrapper } = await mountUI(ProfileView, { path: '/profile' })
    await settle()
    await wrapper.find('[data-testid="identity-sub"] input').setValue('发布管理组')
    await wrapper.find('[data-testid="identity-title"] input').setValue('高级经理')
    await wrapper.find('[data-testid="identity-copy"]').trigger('click')
    await settle()
    expect(b.callsOf('ProfileAPI.IdentityCardText')).toEqual([['发布管理组', '高级经理']])
    expect(writeText).toHaveBeenCalledWith(block)
    expect(block).toContain('-----BEGIN GOLIVE IDENTITY-----')
    expect(document.body.textContent).toContain('身份卡文本块已复制')
    expect(b.misses).toEqual([])
  })

  it('shows the block to copy by hand when the clipboard refuses', async () => {
    writeText.mockRejectedValue(new Error('denied'))
    const { wrapper } = await mountUI(ProfileView, { path: '/profile' })
    await settle()
    await wrapper.find('[data-testid="identity-copy"]').trigger('click')
    await settle()
    expect(wrapper.find('[data-testid="identity-text"]').text()).toBe(answer<string>('session', 'ProfileAPI.IdentityCardText', 'project_manager', '', '').trim())
    expect(document.body.textContent).toContain('无法写入剪贴板')
  })

  it('saves the card where the user picks and says where', async () => {
    b.reply('ProfileAPI.SaveIdentityCard', '/home/user/张伟-3F2A.golive-id')
    const { wrapper } = await mountUI(ProfileView, { path: '/profile' })
    await settle()
    await wrapper.find('[data-testid="identity-save"]').trigger('click')
    await settle()
    expect(b.callsOf('ProfileAPI.SaveIdentityCard')).toEqual([['', '']])
    expect(document.body.textContent).toContain('身份卡已保存到 /home/user/张伟-3F2A.golive-id')
  })

  it('shows a refused card as a coded error in English', async () => {
    b.reply('ProfileAPI.SaveIdentityCard', null, { error: { code: 'identity.field_too_long', params: { field: 'title', max: '128' } } })
    const { wrapper } = await mountUI(ProfileView, { path: '/profile', locale: 'en' })
    await settle()
    expect(wrapper.find('[data-testid="identity-card"]').text()).toContain('My identity card')
    await wrapper.find('[data-testid="identity-save"]').trigger('click')
    await settle()
    expect(wrapper.text()).toContain('too long: at most 128 characters')
  })
})
