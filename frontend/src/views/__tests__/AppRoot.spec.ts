import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import AppRoot from '@/AppRoot.vue'
import { SECOND_INSTANCE_EVENT } from '@/bridge'
import { backend, mountUI, SAMPLE } from '@/test/mount'
import { fixture } from '@/test/stub'

const settle = async () => {
  for (let i = 0; i < 4; i++) await flushPromises()
}

describe('AppRoot', () => {
  beforeEach(() => {
    document.body.innerHTML = ''
  })

  it('shows a full-page message when the folder is open in another GoLive', async () => {
    const dir = fixture('busy')[0].error!.params!.dir
    backend('busy')
    const { wrapper } = await mountUI(AppRoot)
    await settle()
    expect(wrapper.find('[data-testid="folder-busy"]').exists()).toBe(true)
    expect(wrapper.text()).toContain('该数据文件夹已在另一个 GoLive 窗口中打开')
    expect(wrapper.find('[data-testid="folder-busy-dir"]').text()).toBe(dir)
    expect(wrapper.find('[data-testid="app-shell"]').exists()).toBe(false)
  })

  it('starts an empty folder at the profile gate, and says so when a second start was redirected here', async () => {
    const b = backend('start')
    const { wrapper } = await mountUI(AppRoot)
    await settle()
    expect(wrapper.find('[data-testid="gate"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="profile-create-form"]').exists()).toBe(true)
    b.emit(SECOND_INSTANCE_EVENT)
    await flushPromises()
    expect(document.body.textContent).toContain('GoLive 已在此窗口打开该数据文件夹')
    expect(b.misses).toEqual([])
  })

  it('opens the app shell for a profile already signed in', async () => {
    const b = backend(...SAMPLE).as('project_manager')
    const { wrapper } = await mountUI(AppRoot)
    await settle()
    expect(wrapper.find('[data-testid="app-shell"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="gate"]').exists()).toBe(false)
    expect(b.misses).toEqual([])
  })
})
