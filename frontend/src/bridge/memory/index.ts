// memoryBridge: an in-memory implementation of the Bridge with the same
// behaviour and error codes as the Go backend, for Vitest specs and for
// running the UI in a plain browser during development.
import { AppError } from '../errors'
import type { Bridge, ProcessTemplate } from '../types'
import { monotonic } from './clock'
import { clone, type MemoryDB, type PickedFile, type Picker } from './db'
import { documentsArea } from './documents'
import { dossierArea } from './dossiers'
import { profileArea } from './profiles'
import { buildSample } from './sample'
import { utf8 } from './sha256'
import { systemArea } from './systems'
import { keyOf, templateArea } from './templates'
import { windowsArea, withWindows } from './windows'
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
  /** Answers the native file dialogs; the default picks a small made-up file. */
  pick?: Picker
}

export interface MemoryBridge extends Bridge {
  /** Simulates the Go side's "app:second-instance" event. */
  emitSecondInstance(): void
  /** Sets what the next native file dialogs return (null: cancelled). */
  setPicker(p: Picker): void
  /** Files written by save and export dialogs, by path. */
  written(): Map<string, Uint8Array>
}

/** defaultPicker hands over a small text file named for the purpose, as a user picking one would. */
const defaultPicker: Picker = (purpose) => {
  const names: Record<string, string> = { attach: 'document.pdf', package: 'release-package.zip' }
  return { name: names[purpose] ?? `${purpose}.txt`, data: utf8(`GoLive ${purpose} ${names[purpose] ?? ''}`) }
}

export type { PickedFile, Picker }

export function createMemoryBridge(opts: MemoryOptions = {}): MemoryBridge {
  const builtin = clone(defaultTemplate as unknown as ProcessTemplate)
  const db: MemoryDB = {
    dataDir: opts.dataDir ?? '/home/user/.config/GoLive',
    template: clone(builtin),
    templates: new Map([[keyOf(builtin), {
      template: builtin,
      info: { key: keyOf(builtin), id: builtin.id, version: builtin.version, name: builtin.name, builtin: true, current: false, saved_at: '0001-01-01T00:00:00Z', saved_by: '' },
    }]]),
    blobs: new Map(),
    pick: opts.pick ?? defaultPicker,
    progress: new Set(),
    written: new Map(),
    profiles: [],
    current: null,
    systems: new Map(),
    events: new Map(),
    preferences: { language: '' },
    now: monotonic(opts.now),
  }
  const profiles = profileArea(db)
  const dossiers = dossierArea(db)
  const windows = windowsArea(db)
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
      onProgress(cb) {
        db.progress.add(cb)
        return () => db.progress.delete(cb)
      },
    },
    profiles,
    systems,
    dossiers: withWindows(dossiers, windows, db),
    documents: documentsArea(db, dossiers),
    windows,
    template: templateArea(db),
    emitSecondInstance() {
      listeners.forEach((cb) => cb())
    },
    setPicker(p) {
      db.pick = p
    },
    written: () => db.written,
  }
  return opts.latency ? withLatency(bridge, opts.latency) : bridge
}

/** withLatency delays every async call of b by ms. */
function withLatency(b: MemoryBridge, ms: number): MemoryBridge {
  const wait = () => new Promise((r) => setTimeout(r, ms))
  const wrap = <T extends object>(area: T): T => {
    const out: Record<string, unknown> = {}
    for (const [k, fn] of Object.entries(area)) {
      out[k] = k === 'onSecondInstance' || k === 'onProgress' ? fn : async (...args: unknown[]) => {
        await wait()
        return (fn as (...a: unknown[]) => unknown)(...args)
      }
    }
    return out as T
  }
  return { ...b, app: wrap(b.app), profiles: wrap(b.profiles), systems: wrap(b.systems), dossiers: wrap(b.dossiers), template: wrap(b.template), windows: wrap(b.windows), documents: wrap(b.documents) }
}
