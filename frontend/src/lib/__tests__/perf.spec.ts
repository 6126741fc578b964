import { afterEach, describe, expect, it, vi } from 'vitest'
import { afterPaint, cancelInteraction, endInteraction, followUp, startInteraction } from '../perf'

const measures = (name: string) => performance.getEntriesByName(name, 'measure')
const marks = (name: string) => performance.getEntriesByName(`${name}:start`, 'mark')

describe('perf marks', () => {
  afterEach(() => {
    performance.clearMarks()
    performance.clearMeasures()
  })

  it('records a measure from the start to the frame after the update, and forgets the start', async () => {
    startInteraction('list-filter')
    expect(marks('list-filter')).toHaveLength(1)
    await endInteraction('list-filter')
    const m = measures('list-filter')
    expect(m).toHaveLength(1)
    expect(m[0].duration).toBeGreaterThanOrEqual(0)
    expect(marks('list-filter')).toHaveLength(0)
    // The start was used: a second end records nothing more.
    await endInteraction('list-filter')
    expect(measures('list-filter')).toHaveLength(1)
  })

  it('records nothing without a start', async () => {
    await endInteraction('dossier-open')
    expect(measures('dossier-open')).toHaveLength(0)
  })

  it('measures from the latest start, once', async () => {
    startInteraction('list-search')
    startInteraction('list-search')
    expect(marks('list-search')).toHaveLength(1)
    await endInteraction('list-search')
    expect(measures('list-search')).toHaveLength(1)
  })

  it('records nothing for a cancelled start', async () => {
    startInteraction('approve')
    cancelInteraction('approve')
    await endInteraction('approve')
    expect(measures('approve')).toHaveLength(0)
  })

  it('keeps the interactions apart', async () => {
    startInteraction('approve')
    await endInteraction('dossier-open')
    expect(measures('dossier-open')).toHaveLength(0)
    await endInteraction('approve')
    expect(measures('approve')).toHaveLength(1)
  })

  it('measures a follow-up from the interaction’s start, after the interaction has ended', async () => {
    startInteraction('dossier-open')
    const content = followUp('dossier-content', 'dossier-open')
    await endInteraction('dossier-open')
    await afterPaint()
    await content()
    const open = measures('dossier-open')[0]
    const after = measures('dossier-content')
    expect(after).toHaveLength(1)
    expect(after[0].startTime).toBe(open.startTime)
    expect(after[0].duration).toBeGreaterThanOrEqual(open.duration)
  })

  it('waits for the frame at most as long as asked where no frame comes (a hidden window)', async () => {
    vi.useFakeTimers()
    const frames = vi.spyOn(globalThis, 'requestAnimationFrame').mockImplementation(() => 0)
    try {
      let done = false
      void afterPaint(100).then(() => (done = true))
      await vi.advanceTimersByTimeAsync(99)
      expect(done).toBe(false)
      await vi.advanceTimersByTimeAsync(1)
      expect(done).toBe(true)
    } finally {
      frames.mockRestore()
      vi.useRealTimers()
    }
  })

  it('records no follow-up without a start', async () => {
    const content = followUp('dossier-content', 'dossier-open')
    await content()
    expect(measures('dossier-content')).toHaveLength(0)
  })
})
