import { createMemoryHistory, type RouterHistory } from 'vue-router'

/** What vue-router tells a history listener about a navigation from outside. */
type Information = Parameters<Parameters<RouterHistory['listen']>[0]>[2]

/** schedule runs fn once the page is idle (at the latest after MIRROR_AT_MOST_MS). */
export type Schedule = (fn: () => void) => void

/** MIRROR_AT_MOST_MS bounds how long the address may lag behind the page. */
export const MIRROR_AT_MOST_MS = 500

const whenIdle: Schedule = (fn) => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => fn(), { timeout: MIRROR_AT_MOST_MS })
  else setTimeout(fn, 50)
}

/** pathOf reads the route from a location's hash ("#/dossiers?x=1" gives "/dossiers?x=1"). */
function pathOf(hash: string): string {
  const path = hash.replace(/^#/, '')
  return path.startsWith('/') ? path : '/'
}

/**
 * createMirroredHistory is the app's router history. The app moves between
 * pages in memory (vue-router's memory history, entries and state kept),
 * and the window's address follows as its hash once the page is idle,
 * with history.replaceState. Each call of the browser's history API costs
 * a navigation 5 to 20 ms of the main thread in Chromium (measured on the
 * dossier list: the first call after an idle moment), and vue-router's
 * web history makes two of them before the new page can be drawn; the app
 * shows no address bar, so only a reload or a link into the app reads it.
 * A hash set from outside (a link, location.hash, a test's page.goto) is
 * followed as a navigation from outside, as the hash history does, also
 * while the router's first navigation runs, and is never written over.
 */
export function createMirroredHistory(win: Window = window, schedule: Schedule = whenIdle): RouterHistory {
  const mem = createMemoryHistory()
  mem.replace(pathOf(win.location.hash))
  const listeners = new Set<Parameters<RouterHistory['listen']>[0]>()
  let pending = false
  // seen is the address as this history last read or wrote it: an address
  // that differs was set from outside and its hashchange is still to come.
  let seen = win.location.hash
  // missed is a route set from outside before the router listened (while
  // its first navigation ran), followed once it listens.
  let missed: string | undefined

  const mirror = () => {
    if (pending) return
    pending = true
    schedule(() => {
      pending = false
      // Never write over an address set from outside: it is followed
      // instead (here, should its hashchange never come).
      if (missed !== undefined) return
      if (win.location.hash !== seen) return followHash()
      const want = `#${mem.location}`
      if (win.location.hash !== want) win.history.replaceState(win.history.state, '', want)
      seen = win.location.hash
    })
  }
  /** popped tells the router of a move it did not make (vue-router's "pop"), from location from to the current one. */
  const popped = (from: string, direction: '' | 'back' | 'forward', delta: number) => {
    const info = { type: 'pop', direction, delta } as unknown as Information
    for (const fn of listeners) fn(mem.location, from, info)
  }
  /** follow moves to a route set from outside, or keeps it for the router's first listener. */
  const follow = (to: string) => {
    if (to === mem.location) return
    if (listeners.size === 0) {
      missed = to
      return
    }
    const from = mem.location
    mem.push(to)
    popped(from, '', 0)
  }
  const followHash = () => {
    seen = win.location.hash
    follow(pathOf(seen))
  }
  win.addEventListener('hashchange', followHash)

  const history: RouterHistory = {
    base: '',
    get location() {
      return mem.location
    },
    get state() {
      return mem.state
    },
    push(to, data) {
      mem.push(to, data)
      mirror()
    },
    replace(to, data) {
      mem.replace(to, data)
      mirror()
    },
    go(delta, triggerListeners = true) {
      const from = mem.location
      mem.go(delta, false)
      mirror()
      if (triggerListeners && mem.location !== from) popped(from, delta < 0 ? 'back' : 'forward', delta)
    },
    listen(fn) {
      listeners.add(fn)
      if (missed !== undefined) {
        // The router listens once its first navigation is done: the route
        // set meanwhile comes after it, as its own navigation.
        setTimeout(() => {
          const to = missed
          missed = undefined
          if (to !== undefined) follow(to)
        })
      }
      return () => listeners.delete(fn)
    },
    createHref: (location) => `#${location}`,
    destroy() {
      listeners.clear()
      win.removeEventListener('hashchange', followHash)
    },
  }
  return history
}
