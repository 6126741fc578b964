import { describe, expect, it } from 'vitest'
import { clockPart, datePart, formatTime, isZeroTime, wallTime } from '@/lib/time'

// Formatting only: which day it is, and which windows are open, is the backend's.
describe('formatTime', () => {
  it('shows the wall time the string says when no zone is known', () => {
    expect(formatTime('2026-12-10T19:00:00+08:00')).toBe('2026-12-10 19:00')
    expect(formatTime('2026-12-10T19:00:00.123456789+08:00')).toBe('2026-12-10 19:00')
  })
  it('shows the time in the zone the backend reports', () => {
    expect(formatTime('2026-12-10T11:00:00Z', 'Asia/Shanghai')).toBe('2026-12-10 19:00')
    expect(formatTime('2026-12-31T20:00:00+00:00', 'Asia/Shanghai')).toBe('2027-01-01 04:00')
  })
  it('shows nothing for Go zero time', () => {
    expect(formatTime('0001-01-01T00:00:00Z')).toBe('')
    expect(formatTime('')).toBe('')
    expect(isZeroTime('0001-01-01T00:00:00Z')).toBe(true)
    expect(isZeroTime('2026-12-10T19:00:00+08:00')).toBe(false)
  })
})

describe('datePart and clockPart', () => {
  it('split a time into its date and clock in the zone', () => {
    expect(datePart('2026-12-31T20:00:00Z', 'Asia/Shanghai')).toBe('2027-01-01')
    expect(clockPart('2026-12-31T20:00:00Z', 'Asia/Shanghai')).toBe('04:00')
    expect(datePart(null)).toBe('')
  })
})

describe('wallTime', () => {
  it('joins date and time for the backend', () => {
    expect(wallTime('2026-12-10', '19:00')).toBe('2026-12-10T19:00')
    expect(wallTime('2026-12-10', '')).toBe('')
  })
})
