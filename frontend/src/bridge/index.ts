// The bridge is the UI's only way to the backend. Stores call bridge();
// main.ts installs the implementation once at startup: the Wails bindings in
// the desktop app. Without them (a page opened outside GoLive) every call
// rejects with app.no_backend, so the app shows its start-failure page and
// never pretends to work.
import { createBridge } from './calls'
import { AppError } from './errors'
import type { Bridge } from './types'

export * from './types'
export * from './windows'
export * from './documents'
export * from './roster'
export * from './backup'
export * from './exchange'
export * from './sync'
export * from './stats'
export * from './meeting'
export { AppError, INTERNAL, isCode, toAppError } from './errors'
export { createBridge, PROGRESS_EVENT, SECOND_INSTANCE_EVENT, type GoCall, type Invoke, type Subscribe } from './calls'

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

/** NO_BACKEND is the code every call rejects with when the page runs outside the desktop app. */
export const NO_BACKEND = 'app.no_backend'

/** unavailableBridge rejects every call with app.no_backend. */
export const unavailableBridge: Bridge = createBridge(
  () => Promise.reject(new AppError(NO_BACKEND)),
  () => () => undefined,
)

/**
 * chooseBridge returns the Wails bridge inside the desktop app. Elsewhere it
 * returns unavailableBridge — except in a development server (`npm run dev`)
 * opened with ?fixtures, which replays the recorded backend answers of
 * src/test/fixtures read-only, to look at screens without building the app.
 */
export async function chooseBridge(): Promise<Bridge> {
  if (inWails()) return (await import('./wails')).wailsBridge
  if (import.meta.env.DEV && new URLSearchParams(window.location.search).has('fixtures')) {
    const { previewBridge } = await import('../test/preview')
    return previewBridge(new URLSearchParams(window.location.search))
  }
  return unavailableBridge
}
