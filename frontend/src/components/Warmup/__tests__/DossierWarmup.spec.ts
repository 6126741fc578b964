import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { DossierView } from '@/bridge'
import DossierWarmup, { DRAWS, MAX_TRIES, REST_MS, warmed } from '@/components/Warmup/DossierWarmup.vue'
import { backend, mountUI, ready, SAMPLE } from '@/test/mount'
import { answer, type StubBackend } from '@/test/stub'
import { useDossiersStore } from '@/stores/dossiers'

const file = 'dossier-upgrade-planning'
const planning = answer<DossierView>(file, 'DossierAPI.Get', 'project_manager')
const id = planning.state.id

/** drawn lists, in order, each page drawn out of sight: its title and how it was hidden. */
let drawn: { title: string; hidden: string | null; inert: boolean }[] = []
let observer: MutationObserver
/** mounted: the hosts a test mounted, unmounted after it. */
let mounted: { unmount(): void }[] = []

/** settle lets the reads, the frames (setImmediate in tests) and Vue's updates run. */
async function settle() {
  for (let i = 0; i < 12; i++) await flushPromises()
}

async function mountWarmup(b: StubBackend, props: Record<string, unknown> = { id }) {
  await ready()
  const m = await mountUI(DossierWarmup, { props })
  mounted.push(m.wrapper)
  b.calls.length = 0
  return m
}

const reads = (b: StubBackend) => b.callsOf('DossierAPI.Get')

/** untilDrawn lets the read answer and the first draw come on the page. */
async function untilDrawn() {
  for (let i = 0; i < 12 && !document.querySelector('[data-warmup]'); i++) await flushPromises()
}

/** drawsAfterRest checks that nothing is read 1 ms short of REST_MS from now, and at REST_MS one read and DRAWS draws of the dossier. */
async function drawsAfterRest(b: StubBackend) {
  vi.advanceTimersByTime(REST_MS - 1)
  await settle()
  expect(reads(b)).toEqual([])
  vi.advanceTimersByTime(1)
  await settle()
  expect(reads(b)).toEqual([[id]])
  expect(drawn).toHaveLength(DRAWS)
}

describe('DossierWarmup', () => {
  beforeEach(() => {
    document.body.innerHTML = ''
    Object.assign(warmed, { done: false, tries: 0 })
    drawn = []
    // Timeouts only: the frames (setImmediate) and the reads run as ever.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    observer = new MutationObserver((records) => {
      for (const r of records)
        for (const n of r.addedNodes)
          if (n instanceof HTMLElement && n.matches('[data-warmup]'))
            drawn.push({
              title: n.querySelector('[data-testid="dossier-title"]')?.textContent ?? '',
              hidden: n.getAttribute('aria-hidden'),
              inert: n.hasAttribute('inert'),
            })
    })
    observer.observe(document.body, { childList: true, subtree: true })
  })
  afterEach(() => {
    for (const w of mounted.splice(0)) w.unmount()
    observer.disconnect()
    vi.useRealTimers()
  })

  it('draws the first row’s dossier out of sight once the list has rested, then takes it away, once a session', async () => {
    const b = backend(...SAMPLE, file).as('project_manager')
    const { wrapper } = await mountWarmup(b)
    // One read, the page drawn DRAWS times with the dossier's own title, hidden from sight, pointer and screen reader.
    await drawsAfterRest(b)
    for (const d of drawn) expect(d).toEqual({ title: planning.state.title, hidden: 'true', inert: true })
    expect(document.querySelector('[data-warmup]')).toBeNull()
    // The page only read what its info tab shows (systems, windows), and left the open dossier alone.
    expect(new Set(b.calls.map((c) => c.call))).toEqual(new Set(['DossierAPI.Get', 'SystemAPI.List', 'SystemAPI.Classes', 'WindowAPI.Targets', 'WindowAPI.Year']))
    expect(b.misses).toEqual([])
    expect(useDossiersStore().current).toBeNull()
    expect(warmed.done).toBe(true)
    wrapper.unmount()
    mounted = []

    // Another list (the user came back): not again.
    mounted.push((await mountUI(DossierWarmup, { props: { id } })).wrapper)
    vi.advanceTimersByTime(REST_MS * 3)
    await settle()
    expect(reads(b)).toEqual([[id]])
    expect(drawn).toHaveLength(DRAWS)
  })

  it('waits for a whole rest after each key or pointer press', async () => {
    const b = backend(...SAMPLE, file).as('project_manager')
    await mountWarmup(b)
    vi.advanceTimersByTime(REST_MS - 100)
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }))
    vi.advanceTimersByTime(REST_MS - 100)
    window.dispatchEvent(new PointerEvent('pointerdown'))
    await drawsAfterRest(b)
  })

  it('takes the page away at a press while it is drawn, and draws it whole after the next rest', async () => {
    const b = backend(...SAMPLE, file).as('project_manager')
    await mountWarmup(b)
    vi.advanceTimersByTime(REST_MS)
    await untilDrawn()
    expect(document.querySelector('[data-warmup]')).not.toBeNull()
    window.dispatchEvent(new PointerEvent('pointerdown'))
    await settle()
    expect(document.querySelector('[data-warmup]')).toBeNull()
    expect(drawn.length).toBeLessThan(DRAWS)
    expect(warmed.done).toBe(false)
    const before = drawn.length
    vi.advanceTimersByTime(REST_MS)
    await settle()
    expect(reads(b)).toEqual([[id], [id]])
    expect(drawn.length - before).toBe(DRAWS)
    expect(warmed.done).toBe(true)
  })

  it('reads at most MAX_TRIES times a session however often it is interrupted', async () => {
    const b = backend(...SAMPLE, file).as('project_manager')
    await mountWarmup(b)
    for (let i = 0; i < MAX_TRIES + 2; i++) {
      vi.advanceTimersByTime(REST_MS)
      await untilDrawn()
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }))
      await settle()
    }
    expect(reads(b)).toHaveLength(MAX_TRIES)
    expect(warmed.done).toBe(false)
  })

  it('draws nothing and says nothing when the read fails, or when the list is left before its rest', async () => {
    const b = backend(...SAMPLE).as('project_manager')
    b.reply('DossierAPI.Get', null, { error: { code: 'store.corrupt', detail: 'corrupt' } })
    await mountWarmup(b)
    vi.advanceTimersByTime(REST_MS)
    await settle()
    expect(reads(b)).toEqual([[id]])
    expect(drawn).toEqual([])
    expect(document.querySelector('.n-message, .n-notification')).toBeNull()

    const b2 = backend(...SAMPLE, file).as('project_manager')
    const { wrapper } = await mountWarmup(b2)
    vi.advanceTimersByTime(REST_MS - 1)
    wrapper.unmount()
    mounted = []
    vi.advanceTimersByTime(REST_MS)
    await settle()
    expect(reads(b2)).toEqual([])
  })
})
