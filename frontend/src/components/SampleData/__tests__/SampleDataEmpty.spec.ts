import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { DossierPage, Profile } from '@/bridge'
import AppRoot from '@/AppRoot.vue'
import DossierListView from '@/views/DossierListView.vue'
import { useSessionStore } from '@/stores/session'
import { backend, byTestId, click, mountUI, ready, SAMPLE } from '@/test/mount'
import { answer } from '@/test/stub'

const settle = async () => {
  for (let i = 0; i < 5; i++) await flushPromises()
}

describe('empty state', () => {
  beforeEach(() => {
    document.body.innerHTML = ''
  })

  it('offers the sample data in an empty folder', async () => {
    // The first profile of a new folder, signed in: no systems, no dossiers yet.
    const b = backend('start').as('project_manager')
    await ready()
    const { wrapper } = await mountUI(DossierListView)
    await settle()
    expect(wrapper.find('[data-testid="empty-state"]').exists()).toBe(true)
    expect(wrapper.text()).toContain('数据文件夹还是空的')
    expect(wrapper.find('[data-testid="load-sample"]').text()).toBe('加载示例数据')
    expect(b.misses).toEqual([])
  })

  it('loads the sample from the gate after confirmation and signs in its project manager', async () => {
    const b = backend('start')
    // Once the backend has loaded the sample, it answers as the sample folder, its project manager signed in.
    b.after('AppAPI.LoadSampleData', (s) => s.serve(...SAMPLE).as('project_manager'))
    const { wrapper } = await mountUI(AppRoot)
    await settle()
    expect(wrapper.find('[data-testid="gate"]').exists()).toBe(true)

    await click('gate-load-sample')
    await click('load-sample-confirm')
    await settle()
    expect(b.callsOf('AppAPI.LoadSampleData')).toEqual([[]])
    const pm = answer<Profile>('session', 'ProfileAPI.Current', 'project_manager')
    expect(useSessionStore().current?.id).toBe(pm.id)
    expect(useSessionStore().current?.sample).toBe(true)
    expect(wrapper.find('[data-testid="app-shell"]').exists()).toBe(true)
    // The list shows the first page of the sample's dossiers, as the backend summarised them.
    const first = answer<DossierPage>('base', 'DossierAPI.Page', '', { stage: '', system_code: '', type: '', mode: '', month: '', text: '' }, 0, 15)
    const rows = [...document.querySelectorAll('[data-testid="dossier-row"]')] as HTMLElement[]
    expect(rows.map((r) => r.dataset.id)).toEqual(first.rows.map((d) => d.id))
    expect(rows).toHaveLength(15)
    expect(byTestId('empty-state')).toBeNull()
    expect(b.misses).toEqual([])
  })
})
