import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import DossierFilters from '@/components/DossierFilters/DossierFilters.vue'
import { backend, byTestId, click, mountUI, ready, SAMPLE } from '@/test/mount'
import { useDossiersStore } from '@/stores/dossiers'

/** menus lists the select menus on the page (each select's, once it was opened). */
const menus = () => [...document.querySelectorAll<HTMLElement>('.n-base-select-menu')]

describe('DossierFilters', () => {
  beforeEach(() => {
    document.body.innerHTML = ''
  })

  it('opens each filter menu without Naive’s animation', async () => {
    backend(...SAMPLE).as('project_manager')
    await ready()
    const { wrapper } = await mountUI(DossierFilters)
    for (const [i, id] of ['filter-system', 'filter-type', 'filter-mode'].entries()) {
      byTestId(id)!.querySelector<HTMLElement>('.n-base-selection')!.click()
      await flushPromises()
      // The class the style without fade and scale hangs on (a rule of the page, which jsdom does not apply).
      expect(menus(), id).toHaveLength(i + 1)
      expect(menus().every((m) => m.classList.contains('filter-menu')), id).toBe(true)
    }
    wrapper.unmount()
  })

  it('filters by stage with one click, a button per stage of the template', async () => {
    const b = backend(...SAMPLE, 'action-checklist').as('project_manager')
    await ready()
    const { wrapper } = await mountUI(DossierFilters)
    const store = useDossiersStore()
    const buttons = [...byTestId('filter-stage')!.querySelectorAll<HTMLElement>('[data-testid^="filter-stage-"]')]
    // 全部阶段, then the default template's six stages in their order.
    expect(buttons.map((e) => e.textContent?.trim())).toEqual(['全部阶段', '规划', '准备', '审批', '实施', '确认', '归档'])
    const checked = () => byTestId('filter-stage')!.querySelector<HTMLInputElement>('input:checked')?.value
    expect(checked()).toBe('')

    await click('filter-stage-approval')
    expect(b.callsOf('DossierAPI.Page').at(-1)?.[0]).toMatchObject({ stage: 'approval' })
    expect(store.filter.stage).toBe('approval')
    expect(store.rows.length).toBeGreaterThan(0)
    expect(store.rows.every((r) => r.stage === 'approval')).toBe(true)
    expect(checked()).toBe('approval')

    await click('filter-stage-all')
    expect(b.callsOf('DossierAPI.Page').at(-1)?.[0]).toMatchObject({ stage: '' })
    expect(store.filter.stage).toBe('')
    expect(checked()).toBe('')
    expect(b.misses).toEqual([])
    wrapper.unmount()
  })
})
