import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { flushPromises } from '@vue/test-utils'
import { BUSY_SHOWN_AFTER_MS, useAction } from '@/composables/useAction'
import { backend, mountUI, ready } from '@/test/mount'

/** mountAction mounts a component holding useAction(options) and returns what it gave. */
async function mountAction(options: Parameters<typeof useAction>[0]) {
  let got: ReturnType<typeof useAction> | undefined
  await mountUI(defineComponent({ setup: () => ((got = useAction(options)), () => h('div')) }))
  return got!
}

/** pending returns a promise and the function that resolves it. */
function pending() {
  let done!: () => void
  const p = new Promise<void>((r) => (done = r))
  return { p, done }
}

describe('useAction', () => {
  beforeEach(async () => {
    document.body.innerHTML = ''
    backend()
    await ready()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('shows an exclusive run as busy only once it has taken a while, and starts no second run meanwhile', async () => {
    const a = await mountAction({ exclusive: true })
    vi.useFakeTimers()
    const first = pending()
    const calls: string[] = []
    const ran = a.run(() => (calls.push('first'), first.p), { name: 'approve' })
    expect(a.running()).toBe(true)
    expect(a.busyWith.value).toBe('')
    expect(await a.run(async () => void calls.push('second'))).toBe(false)
    vi.advanceTimersByTime(BUSY_SHOWN_AFTER_MS - 1)
    expect(a.busy.value).toBe(false)
    vi.advanceTimersByTime(1)
    expect(a.busy.value).toBe(true)
    expect(a.busyWith.value).toBe('approve')
    first.done()
    expect(await ran).toBe(true)
    expect(a.busy.value).toBe(false)
    expect(a.running()).toBe(false)
    expect(calls).toEqual(['first'])
    // Done sooner, a run never shows as busy.
    await a.run(async () => void calls.push('quick'))
    vi.advanceTimersByTime(BUSY_SHOWN_AFTER_MS * 2)
    expect(a.busy.value).toBe(false)
    expect(calls).toEqual(['first', 'quick'])
  })

  it('lets runs overlap and shows them busy at once otherwise (a search as you type)', async () => {
    const a = await mountAction({})
    const first = pending()
    const ran = a.run(() => first.p)
    expect(a.busy.value).toBe(true)
    let second = false
    expect(await a.run(async () => void (second = true))).toBe(true)
    expect(second).toBe(true)
    first.done()
    await ran
    await flushPromises()
    expect(a.running()).toBe(false)
  })
})
