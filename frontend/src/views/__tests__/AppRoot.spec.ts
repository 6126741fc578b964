import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import AppRoot from '@/AppRoot.vue'
import { freshBridge, mountUI } from '@/test/mount'

describe('AppRoot', () => {
  beforeEach(() => {
    document.body.innerHTML = ''
  })

  it('shows a full-page message when the folder is open in another GoLive', async () => {
    freshBridge({ folderBusy: true, dataDir: '/data/golive-team' })
    const { wrapper } = await mountUI(AppRoot)
    expect(wrapper.find('[data-testid="folder-busy"]').exists()).toBe(true)
    expect(wrapper.text()).toContain('该数据文件夹已在另一个 GoLive 窗口中打开')
    expect(wrapper.find('[data-testid="folder-busy-dir"]').text()).toBe('/data/golive-team')
    expect(wrapper.find('[data-testid="app-shell"]').exists()).toBe(false)
  })

  it('starts at the profile gate, and says so when a second start was redirected here', async () => {
    const b = freshBridge()
    const { wrapper } = await mountUI(AppRoot)
    expect(wrapper.find('[data-testid="gate"]').exists()).toBe(true)
    b.emitSecondInstance()
    await flushPromises()
    expect(document.body.textContent).toContain('GoLive 已在此窗口打开该数据文件夹')
  })
})
