import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import DossierListView from '@/views/DossierListView.vue'
import { useSessionStore } from '@/stores/session'
import { byTestId, freshBridge, mountUI, ready, signedIn } from '@/test/mount'

describe('empty state', () => {
  beforeEach(async () => {
    freshBridge()
    await ready()
    await signedIn()
  })

  it('offers the sample data in an empty folder and loads it after confirmation', async () => {
    const { wrapper } = await mountUI(DossierListView)
    expect(wrapper.find('[data-testid="empty-state"]').exists()).toBe(true)
    expect(wrapper.text()).toContain('数据文件夹还是空的')
    const button = wrapper.find('[data-testid="load-sample"]')
    expect(button.text()).toBe('加载示例数据')

    await button.trigger('click')
    await flushPromises()
    const confirm = byTestId('load-sample-confirm')
    expect(confirm).not.toBeNull()
    confirm!.click()
    await flushPromises()

    expect(wrapper.find('[data-testid="empty-state"]').exists()).toBe(false)
    expect(wrapper.findAll('[data-testid="dossier-row"]').length).toBeGreaterThan(0)
    // Loading the sample unlocks the sample project manager.
    expect(useSessionStore().current?.sample).toBe(true)
  })
})
