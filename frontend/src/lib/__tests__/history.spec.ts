import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createRouter, type Router } from 'vue-router'
import { createMirroredHistory } from '../history'

const Page = { render: () => null }
const routes = [
  { path: '/', redirect: '/dossiers' },
  { path: '/dossiers', name: 'dossiers', component: Page },
  { path: '/dossiers/:id', name: 'dossier', component: Page },
  { path: '/calendar', name: 'calendar', component: Page },
]

/** The history under test with its idle work held until run() is called. */
function setup() {
  const idle: (() => void)[] = []
  const history = createMirroredHistory(window, (fn) => idle.push(fn))
  const router = createRouter({ history, routes })
  const run = () => idle.splice(0).forEach((fn) => fn())
  return { history, router, run, idle }
}

/** hashChanged waits for the hashchange event jsdom sends after location.hash is set. */
const hashChanged = () => new Promise<void>((resolve) => window.addEventListener('hashchange', () => resolve(), { once: true }))

describe('createMirroredHistory', () => {
  let router: Router | undefined
  beforeEach(() => {
    window.history.replaceState(null, '', '#/calendar')
  })
  afterEach(() => {
    router?.options.history.destroy()
    router = undefined
  })

  it('starts on the route in the address', async () => {
    const s = setup()
    router = s.router
    await router.push(s.history.location)
    expect(router.currentRoute.value.name).toBe('calendar')
  })

  it('moves at once and writes the address only when idle, replacing the entry', async () => {
    const s = setup()
    router = s.router
    await router.push(s.history.location)
    const entries = window.history.length
    const replace = vi.spyOn(window.history, 'replaceState')
    const push = vi.spyOn(window.history, 'pushState')
    await router.push({ name: 'dossier', params: { id: 'R1' }, query: { tab: 'approval' } })
    expect(router.currentRoute.value.fullPath).toBe('/dossiers/R1?tab=approval')
    expect(window.location.hash).toBe('#/calendar')
    await router.push({ name: 'dossiers' })
    await router.push({ name: 'dossier', params: { id: 'R2' } })
    expect(replace).not.toHaveBeenCalled()
    expect(s.idle).toHaveLength(1) // one write for the three moves
    s.run()
    expect(window.location.hash).toBe('#/dossiers/R2')
    expect(replace).toHaveBeenCalledTimes(1)
    expect(push).not.toHaveBeenCalled()
    expect(window.history.length).toBe(entries)
    replace.mockRestore()
    push.mockRestore()
  })

  it('follows a hash set from outside, and goes back in memory', async () => {
    const s = setup()
    router = s.router
    await router.push(s.history.location)
    await router.push({ name: 'dossier', params: { id: 'R1' } })
    s.run()
    const changed = hashChanged()
    window.location.hash = '#/dossiers/R9'
    await changed
    await vi.waitFor(() => expect(router!.currentRoute.value.fullPath).toBe('/dossiers/R9'))
    router.back()
    await vi.waitFor(() => expect(router!.currentRoute.value.fullPath).toBe('/dossiers/R1'))
    router.back()
    await vi.waitFor(() => expect(router!.currentRoute.value.name).toBe('calendar'))
    s.run()
    expect(window.location.hash).toBe('#/calendar')
  })

  it('follows an address set from outside while the first navigation runs', async () => {
    const s = setup()
    router = s.router
    const first = router.push(s.history.location)
    window.history.replaceState(null, '', '#/dossiers/R7') // a link followed before the app was ready
    window.dispatchEvent(new HashChangeEvent('hashchange'))
    await first
    await vi.waitFor(() => expect(router!.currentRoute.value.fullPath).toBe('/dossiers/R7'))
    s.run()
    expect(window.location.hash).toBe('#/dossiers/R7')
  })

  it('does not write over an address set from outside before its hashchange came', async () => {
    const s = setup()
    router = s.router
    await router.push(s.history.location)
    await router.push({ name: 'dossier', params: { id: 'R1' } }) // its write waits for an idle moment
    window.history.replaceState(null, '', '#/dossiers/R9') // set from outside; the event is still queued
    s.run()
    expect(window.location.hash).toBe('#/dossiers/R9')
    window.dispatchEvent(new HashChangeEvent('hashchange'))
    await vi.waitFor(() => expect(router!.currentRoute.value.fullPath).toBe('/dossiers/R9'))
    s.run()
    expect(window.location.hash).toBe('#/dossiers/R9')
  })

  it('follows an address replaced from outside without a hashchange, and writes again after', async () => {
    const s = setup()
    router = s.router
    await router.push(s.history.location)
    await router.push({ name: 'dossier', params: { id: 'R1' } })
    window.history.replaceState(null, '', '#/dossiers/R4') // no hashchange for a replaceState
    s.run()
    await vi.waitFor(() => expect(router!.currentRoute.value.fullPath).toBe('/dossiers/R4'))
    expect(window.location.hash).toBe('#/dossiers/R4')
    await router.push({ name: 'calendar' })
    s.run()
    expect(window.location.hash).toBe('#/calendar')
  })

  it('gives links the hash address', () => {
    const s = setup()
    router = s.router
    expect(router.resolve({ name: 'dossier', params: { id: 'R1' } }).href).toBe('#/dossiers/R1')
  })

  it('stops following the address once destroyed', async () => {
    const s = setup()
    router = s.router
    await router.push(s.history.location)
    s.history.destroy()
    const changed = hashChanged()
    window.location.hash = '#/dossiers/R5'
    await changed
    expect(s.history.location).toBe('/calendar')
  })
})
