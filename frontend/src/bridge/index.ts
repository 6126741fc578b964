// The bridge is the UI's only way to the backend. Stores call bridge();
// main.ts picks the implementation once at startup: the Wails bindings when
// the page runs in the desktop app, otherwise the in-memory fake.
import type { Bridge } from './types'

export * from './types'
export * from './windows'
export * from './documents'
export { AppError, INTERNAL, isCode, toAppError } from './errors'

let active: Bridge | null = null

/** bridge returns the implementation chosen by setBridge. */
export function bridge(): Bridge {
  if (!active) throw new Error('bridge not installed: call setBridge first')
  return active
}

/** setBridge installs b for all stores. */
export function setBridge(b: Bridge): void {
  active = b
}

/** inWails reports whether the Wails bindings are present. */
export function inWails(): boolean {
  return typeof window !== 'undefined' && Boolean(window.go?.app)
}

/**
 * chooseBridge returns wailsBridge inside the desktop app, else a
 * memoryBridge (loaded lazily, so it stays out of the main bundle). In a
 * browser, ?sample preloads the sample portfolio, ?busy simulates a folder
 * open elsewhere, ?latency=300 slows every call.
 */
export async function chooseBridge(): Promise<Bridge> {
  if (inWails()) return (await import('./wails')).wailsBridge
  const { createMemoryBridge } = await import('./memory')
  const q = new URLSearchParams(window.location.search)
  return createMemoryBridge({ sample: q.has('sample'), folderBusy: q.has('busy'), latency: Number(q.get('latency')) || 0 })
}
