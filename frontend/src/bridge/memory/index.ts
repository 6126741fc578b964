// memoryBridge: an in-memory implementation of the Bridge with the same
// behaviour and error codes as the Go backend, for Vitest specs and for
// running the UI in a plain browser during development.
import { AppError } from '../errors'
import type { Bridge, ProcessTemplate } from '../types'
import { monotonic } from './clock'
import { clone, type MemoryDB } from './db'
import { dossierArea } from './dossiers'
import { profileArea } from './profiles'
import { buildSample } from './sample'
import { systemArea } from './systems'
// The backend's default template, read at build time so the fake never drifts from it.
import defaultTemplate from '../../../../backend/template/default.json'

export interface MemoryOptions {
  /** The folder path Info reports. */
  dataDir?: string
  /** Start with the sample portfolio loaded (and its project manager unlocked). */
  sample?: boolean
  /** Make Info reject with store.already_open, as when another GoLive holds the folder. */
  folderBusy?: boolean
  /** Delay of every call in milliseconds, to see loading states. */
  latency?: number
  /** The clock; defaults to the real one. */
  now?: () => Date
}

export interface MemoryBridge extends Bridge {
  /** Simulates the Go side's "app:second-instance" event. */
  emitSecondInstance(): void
}

export function createMemoryBridge(opts: MemoryOptions = {}): MemoryBridge {
  const db: MemoryDB = {
    dataDir: opts.dataDir ?? '/home/user/.config/GoLive',
    template: clone(defaultTemplate as ProcessTemplate),
    profiles: [],
    current: null,
    systems: new Map(),
    events: new Map(),
    preferences: { language: '' },
    now: monotonic(opts.now),
  }
  const profiles = profileArea(db)
  const dossiers = dossierArea(db)
  const systems = systemArea(db, (code) => [...db.events.values()].some((evs) => evs[0]?.body.system_code === code))
  const listeners = new Set<() => void>()
  const empty = () => db.systems.size === 0 && db.events.size === 0
  if (opts.sample) buildSample(db, profiles, dossiers)

  const bridge: MemoryBridge = {
    app: {
      async info() {
        if (opts.folderBusy) throw new AppError('store.already_open', { dir: db.dataDir })
        return { version: '0.1.0-memory', data_dir: db.dataDir, template: `${db.template.id}@${db.template.version}`, zone: 'Asia/Shanghai', empty: empty(), profiles: db.profiles.length }
      },
      async loadSampleData() {
        if (!empty()) throw new AppError('core.not_empty')
        return buildSample(db, profiles, dossiers)
      },
      async preferences() {
        return clone(db.preferences)
      },
      async setPreferences(p) {
        if (!['', 'zh-CN', 'en'].includes(p.language)) throw new AppError('core.bad_language', { language: p.language })
        db.preferences = clone(p)
      },
      onSecondInstance(cb) {
        listeners.add(cb)
        return () => listeners.delete(cb)
      },
    },
    profiles,
    systems,
    dossiers,
    template: {
      async current() {
        return clone(db.template)
      },
    },
    emitSecondInstance() {
      listeners.forEach((cb) => cb())
    },
  }
  return opts.latency ? withLatency(bridge, opts.latency) : bridge
}

/** withLatency delays every async call of b by ms. */
function withLatency(b: MemoryBridge, ms: number): MemoryBridge {
  const wait = () => new Promise((r) => setTimeout(r, ms))
  const wrap = <T extends object>(area: T): T => {
    const out: Record<string, unknown> = {}
    for (const [k, fn] of Object.entries(area)) {
      out[k] = k === 'onSecondInstance' ? fn : async (...args: unknown[]) => {
        await wait()
        return (fn as (...a: unknown[]) => unknown)(...args)
      }
    }
    return out as T
  }
  return { ...b, app: wrap(b.app), profiles: wrap(b.profiles), systems: wrap(b.systems), dossiers: wrap(b.dossiers), template: wrap(b.template) }
}
