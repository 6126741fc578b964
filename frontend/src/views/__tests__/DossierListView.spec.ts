import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { DossierFilter, DossierPage, DossierView } from '@/bridge'
import { RouterView } from 'vue-router'
import { useDossiersStore } from '@/stores/dossiers'
import DossierListView from '@/views/DossierListView.vue'
import { backend, byTestId, mountUI, ready, SAMPLE, type } from '@/test/mount'
import { answer, type StubBackend } from '@/test/stub'

// The dossier list asks the backend for one page at a time (DossierAPI.Page,
// recorded in base for the first two pages and in action-checklist for each
// filter's first page).

const settle = async () => {
  for (let i = 0; i < 4; i++) await flushPromises()
}
const none: DossierFilter = { stage: '', system_code: '', type: '', mode: '', month: '', text: '' }
const shown = () => ([...document.querySelectorAll('[data-testid="dossier-row"]')] as HTMLElement[]).map((r) => r.dataset.id)
const ids = (p: DossierPage) => p.rows.map((r) => r.id)
const count = () => byTestId('dossier-list')?.querySelector('.count')?.textContent
const pageItem = (n: number) =>
  ([...document.querySelectorAll('.n-pagination-item:not(.n-pagination-item--button)')] as HTMLElement[]).find((el) => el.textContent?.trim() === String(n))
const activePage = () => document.querySelector('.n-pagination-item--active')?.textContent?.trim()

describe('dossier list', () => {
  let b: StubBackend
  beforeEach(async () => {
    document.body.innerHTML = ''
    b = backend(...SAMPLE, 'action-checklist').as('project_manager')
    await ready()
  })

  it('shows the first page and the total, and fetches the page clicked', async () => {
    const first = answer<DossierPage>('base', 'DossierAPI.Page', '', none, 0, 15)
    const second = answer<DossierPage>('base', 'DossierAPI.Page', '', none, 15, 15)
    expect(first.total).toBeGreaterThan(30)
    await mountUI(DossierListView)
    await settle()
    expect(b.callsOf('DossierAPI.Page')).toEqual([[none, 0, 15]])
    expect(b.callsOf('DossierAPI.List')).toEqual([])
    expect(shown()).toHaveLength(15)
    expect(shown()).toEqual(ids(first))
    expect(count()).toBe(`共 ${first.total} 个`)
    // The pager counts the pages of the whole list, not of the rows fetched.
    expect(pageItem(Math.ceil(first.total / 15)), 'last page').toBeDefined()
    expect(activePage()).toBe('1')

    pageItem(2)!.click()
    await settle()
    expect(b.callsOf('DossierAPI.Page')).toEqual([[none, 0, 15], [none, 15, 15]])
    expect(shown()).toEqual(ids(second))
    expect(activePage()).toBe('2')
    expect(count()).toBe(`共 ${second.total} 个`)
    expect(byTestId('empty-state')).toBeNull()
    expect(b.misses).toEqual([])
  })

  it('asks for the first page again when the filter changes', async () => {
    const sent = { ...none, text: 'CR-2027-144' }
    const found = answer<DossierPage>('action-checklist', 'DossierAPI.Page', '', sent, 0, 15)
    await mountUI(DossierListView)
    await settle()
    pageItem(2)!.click()
    await settle()
    expect(activePage()).toBe('2')

    await type('filter-text', sent.text)
    // The search asks at once, without waiting for the typing to pause.
    await settle()
    expect(b.callsOf('DossierAPI.Page').at(-1)).toEqual([sent, 0, 15])
    expect(shown()).toEqual(ids(found))
    expect(count()).toBe(`共 ${found.total} 个`)
    expect(activePage()).toBe('1')
    expect(b.misses).toEqual([])
  })

  it('reads a clicked dossier before its page opens, and the page shows it without reading it again', async () => {
    b.serve('dossier-upgrade-planning')
    // The app's routes, as the app shows them: the list, then the dossier's page.
    const { router } = await mountUI(RouterView)
    await settle()
    const v = answer<DossierView>('dossier-upgrade-planning', 'DossierAPI.Get', 'project_manager')
    const row = document.querySelector(`[data-testid="dossier-row"][data-id="${v.state.id}"]`) as HTMLElement
    expect(row, 'the planning dossier is on the first page').not.toBeNull()
    // What had been asked when the page changed.
    let asked: unknown[][] = []
    router.beforeResolve((to) => {
      if (to.name === 'dossier') asked = b.callsOf('DossierAPI.Get')
    })
    row.click()
    await vi.waitFor(() => expect(router.currentRoute.value.params.id).toBe(v.state.id))
    expect(asked).toEqual([[v.state.id]])
    await vi.waitFor(() => expect(byTestId('dossier-title')?.textContent).toBe(v.state.title))
    expect(useDossiersStore().current?.state.id).toBe(v.state.id)
    expect(b.callsOf('DossierAPI.Get')).toEqual([[v.state.id]])
  })

  it('starts reading a row when it is pressed, and its click opens it without reading it again', async () => {
    b.serve('dossier-upgrade-planning')
    const { router } = await mountUI(RouterView)
    await settle()
    const v = answer<DossierView>('dossier-upgrade-planning', 'DossierAPI.Get', 'project_manager')
    const row = document.querySelector(`[data-testid="dossier-row"][data-id="${v.state.id}"]`) as HTMLElement
    // Another button than the main one reads nothing.
    row.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, button: 2 }))
    expect(b.callsOf('DossierAPI.Get')).toEqual([])
    row.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, button: 0 }))
    expect(b.callsOf('DossierAPI.Get')).toEqual([[v.state.id]])
    row.click()
    await vi.waitFor(() => expect(router.currentRoute.value.params.id).toBe(v.state.id))
    await vi.waitFor(() => expect(byTestId('dossier-title')?.textContent).toBe(v.state.title))
    expect(b.callsOf('DossierAPI.Get')).toEqual([[v.state.id]])
  })
})
