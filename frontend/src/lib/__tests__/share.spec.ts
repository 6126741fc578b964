import { describe, expect, it } from 'vitest'
import { share } from '../share'

describe('share', () => {
  it('keeps the previous object for every unchanged part and a new one for each changed part and its parents', () => {
    const prev = { state: { id: 'R1', flow: { slots: [{ step: 'a', status: 'approved' }, { step: 'b', status: 'pending' }] }, plan: { steps: [{ id: 'a' }, { id: 'b' }] } }, history: [{ n: 1 }] }
    const next = JSON.parse(JSON.stringify(prev))
    next.state.flow.slots[1].status = 'approved'
    next.history.push({ n: 2 })
    const out = share(prev, next)
    expect(out).toEqual(next)
    expect(out).not.toBe(prev)
    expect(out.state.plan).toBe(prev.state.plan)
    expect(out.state.flow.slots[0]).toBe(prev.state.flow.slots[0])
    expect(out.state.flow.slots[1]).not.toBe(prev.state.flow.slots[1])
    expect(out.state.flow.slots[1].status).toBe('approved')
    expect(out.history).not.toBe(prev.history)
    expect(out.history[0]).toBe(prev.history[0])
    expect(prev.state.flow.slots[1].status).toBe('pending')
  })

  it('returns the previous object when the answer is equal', () => {
    const prev = { a: [1, { b: null }], c: 'x' }
    expect(share(prev, JSON.parse(JSON.stringify(prev)))).toBe(prev)
  })

  it('tells removed keys, shorter arrays, null and type changes from equal ones', () => {
    expect(share({ a: 1, b: 2 }, { a: 1 })).toEqual({ a: 1 })
    expect(share({ a: 1 }, { a: 1, b: undefined })).not.toBe(undefined)
    expect(share({ a: [1, 2] }, { a: [1] })).toEqual({ a: [1] })
    expect(share({ a: { x: 1 } }, { a: null })).toEqual({ a: null })
    expect(share({ a: [1] }, { a: { 0: 1 } })).toEqual({ a: { 0: 1 } })
    expect(share(null, { a: 1 })).toEqual({ a: 1 })
    expect(share({ a: 1 }, 'text')).toBe('text')
  })
})
