// The in-memory "data folder" behind memoryBridge.
import type { AppSystem, Preferences, ProcessTemplate, Profile, Progress, TemplateInfo } from '../types'

/** One signed event of a dossier log, minus the signature. */
export interface MemEvent {
  id: string
  dossier: string
  parents: string[]
  author: string
  at: string
  kind: string
  body: Record<string, unknown>
}

export interface ProfileRecord {
  summary: Profile
  passphrase: string
}

/** A file the fake's "native dialog" hands over: a name and its bytes. */
export interface PickedFile {
  name: string
  data: Uint8Array
}

/** What a native open dialog would return for a purpose ("attach", "package", "import"); null is cancel. */
export type Picker = (purpose: string) => PickedFile | null

export interface MemoryDB {
  dataDir: string
  /** The current template: the one new dossiers pin. */
  template: ProcessTemplate
  /** Every stored template version by key ("id@version"), the built-in one included. */
  templates: Map<string, { template: ProcessTemplate; info: TemplateInfo }>
  /** Stored deliverable contents by SHA-256. */
  blobs: Map<string, Uint8Array>
  /** Answers the native dialogs. */
  pick: Picker
  /** Receives progress reports. */
  progress: Set<(p: Progress) => void>
  /** Paths written by save dialogs, for specs: path → bytes. */
  written: Map<string, Uint8Array>
  profiles: ProfileRecord[]
  current: Profile | null
  systems: Map<string, AppSystem>
  /** Events by dossier id, oldest first. */
  events: Map<string, MemEvent[]>
  preferences: Preferences
  now: () => Date
}

/** clone returns a deep copy, so callers can never change the fake's data. */
export function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T)
}

const HEX = '0123456789abcdef'

/** randomHex returns n random lowercase hex digits. */
export function randomHex(n: number, rnd: () => number = Math.random): string {
  let s = ''
  for (let i = 0; i < n; i++) s += HEX[Math.floor(rnd() * 16)]
  return s
}

/** fingerprint mimics keys.Fingerprint: 32 upper-case hex digits in groups of four. */
export function fingerprint(publicKey: string): string {
  // Not SHA-256 like the backend: a stable mix is enough for a fake.
  let h = ''
  let acc = 0x811c9dc5
  for (let i = 0; h.length < 32; i++) {
    acc = Math.imul(acc ^ publicKey.charCodeAt(i % publicKey.length), 0x01000193) >>> 0
    h += (acc & 0xffff).toString(16).padStart(4, '0')
  }
  return h.slice(0, 32).toUpperCase().replace(/(.{4})(?=.)/g, '$1 ')
}
