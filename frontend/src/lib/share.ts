/**
 * share returns next with every part that is deep-equal to the part at the
 * same place in prev replaced by prev's own object (and prev itself when
 * the whole is equal). next must be a fresh answer that nothing else holds
 * (it is changed in place); prev is only read.
 *
 * The screens keep the backend's answers as they come; an action's answer
 * is the whole dossier again, mostly unchanged. Sharing the unchanged parts
 * keeps their identity, so the computed values and components that read
 * only those parts are neither recomputed nor drawn again.
 */
export function share<T>(prev: unknown, next: T): T {
  return (same(prev, next) as T) ?? next
}

type Obj = Record<string, unknown>

const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null

/**
 * same shares next's parts with prev's and returns prev when next equals it
 * whole, or undefined when it does not (next then holds the shared parts).
 */
function same(prev: unknown, next: unknown): unknown {
  if (prev === next) return prev
  if (!isObj(prev) || !isObj(next) || Array.isArray(prev) !== Array.isArray(next)) return undefined
  let equal = true
  if (Array.isArray(next)) {
    const p = prev as unknown as unknown[]
    if (p.length !== next.length) equal = false
    for (let i = 0; i < next.length; i++) {
      const s = i < p.length ? same(p[i], next[i]) : undefined
      if (s === undefined) equal = false
      else next[i] = s
    }
    return equal ? prev : undefined
  }
  let n = 0
  for (const k in next) {
    n++
    const s = Object.hasOwn(prev, k) ? same(prev[k], next[k]) : undefined
    if (s === undefined) equal = false
    else next[k] = s
  }
  if (equal && n !== Object.keys(prev).length) equal = false
  return equal ? prev : undefined
}
