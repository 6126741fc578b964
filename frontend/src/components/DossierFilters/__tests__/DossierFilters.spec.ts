import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import DossierFilters from '@/components/DossierFilters/DossierFilters.vue'
import { backend, byTestId, mountUI, ready, SAMPLE } from '@/test/mount'

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
    for (const [i, id] of ['filter-system', 'filter-type', 'filter-mode', 'filter-stage'].entries()) {
      byTestId(id)!.querySelector<HTMLElement>('.n-base-selection')!.click()
      await flushPromises()
      // The class the style without fade and scale hangs on (a rule of the page, which jsdom does not apply).
      expect(menus(), id).toHaveLength(i + 1)
      expect(menus().every((m) => m.classList.contains('filter-menu')), id).toBe(true)
    }
    wrapper.unmount()
  })
})
