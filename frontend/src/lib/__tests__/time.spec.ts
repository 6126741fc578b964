import { describe, expect, it } from 'vitest'
import { formatTime, nextReleaseWindow, wallTime } from '@/lib/time'

describe('formatTime', () => {
  it('shows the wall time the string says, not the browser zone', () => {
    expect(formatTime('2026-12-10T19:00:00+08:00')).toBe('2026-12-10 19:00')
    expect(formatTime('2026-12-10T19:00:00.123456789+08:00')).toBe('2026-12-10 19:00')
  })
  it('shows nothing for Go zero time', () => {
    expect(formatTime('0001-01-01T00:00:00Z')).toBe('')
    expect(formatTime('')).toBe('')
  })
})

describe('nextReleaseWindow', () => {
  it('is the next 2nd or 4th Thursday', () => {
    // 2026-12-01 is a Tuesday: 2nd Thursday is the 10th, 4th the 24th.
    expect(nextReleaseWindow(new Date('2026-12-01T02:00:00Z'))).toBe('2026-12-10')
    expect(nextReleaseWindow(new Date('2026-12-10T02:00:00Z'))).toBe('2026-12-24')
    expect(nextReleaseWindow(new Date('2026-12-25T02:00:00Z'))).toBe('2027-01-14')
  })
  it('joins date and time for the backend', () => {
    expect(wallTime('2026-12-10', '19:00')).toBe('2026-12-10T19:00')
  })
})
