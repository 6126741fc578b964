import { describe, expect, it } from 'vitest'
import { AppError, toAppError } from '@/bridge'

describe('toAppError', () => {
  it('reads the JSON string a Go error arrives as', () => {
    const e = toAppError('{"code":"dossier.title_too_long","params":{"max":"200"},"detail":"too long"}')
    expect(e).toBeInstanceOf(AppError)
    expect(e.code).toBe('dossier.title_too_long')
    expect(e.params).toEqual({ max: '200' })
    expect(e.detail).toBe('too long')
  })

  it('turns anything unparsable into "internal"', () => {
    expect(toAppError('runtime error: index out of range').code).toBe('internal')
    expect(toAppError(new Error('boom')).code).toBe('internal')
    expect(toAppError({ weird: true }).code).toBe('internal')
    expect(toAppError('{"no":"code"}').code).toBe('internal')
  })

  it('reads a coded Error message too', () => {
    expect(toAppError(new Error('{"code":"profile.locked"}')).code).toBe('profile.locked')
  })
})
