// A bridge for component specs that replays what the real backend answered.
// The Go test app/fixtures_test.go drives a sample data folder through the
// bound API and writes each call and its answer into fixtures/*.json; the
// stub answers a call with the recording of the same Go method and
// arguments, as the signed-in role saw it, and records every call the UI
// made. It computes nothing: a call nobody recorded fails loudly.
import { createBridge, type Bridge, type GoCall } from '@/bridge'

/** One recorded call of the bound API (see app/fixtures_test.go). */
export interface Recording {
  call: string
  args: unknown[]
  /** The role of the profile that was signed in; "" when the answer is the same for everyone. */
  viewer: string
  /** The answer also serves calls with other arguments (actions: what the user typed differs). */
  any_args?: boolean
  result?: unknown
  error?: { code: string; params?: Record<string, string>; detail?: string }
}

const files = import.meta.glob('./fixtures/*.json', { eager: true, import: 'default' }) as Record<string, Recording[]>

/** fixtureNames lists the recorded files, e.g. "base", "dossier-upgrade-countersign". */
export const fixtureNames = () => Object.keys(files).map((f) => f.replace(/^.*\/(.*)\.json$/, '$1')).sort()

/** fixture returns the recordings of one file; it throws on an unknown name. */
export function fixture(name: string): Recording[] {
  const f = files[`./fixtures/${name}.json`]
  if (!f) throw new Error(`no fixture file ${name}.json (have: ${fixtureNames().join(', ')})`)
  return f
}

/** answer returns the recorded result of call in file (the first, or the one whose args start with args). */
export function answer<T>(file: string, call: GoCall, viewer?: string, ...args: unknown[]): T {
  const r = fixture(file).find(
    (x) => x.call === call && (viewer === undefined || x.viewer === viewer) && args.every((a, i) => same(x.args[i], a)),
  )
  if (!r) throw new Error(`no recording of ${call}${JSON.stringify(args)} as ${viewer ?? 'anyone'} in ${file}.json`)
  if (r.error) throw new Error(`${call} in ${file}.json recorded an error: ${r.error.code}`)
  return clone(r.result) as T
}

/** A call the UI made. */
export interface Call {
  call: string
  args: unknown[]
}

const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T))

/**
 * canon is an argument as Go decodes it: the order of an object's keys
 * does not matter, and a zero value ("", 0, false, null, [] or {}) is the
 * same as none (Go records a nil slice as null where the UI sends []).
 */
function canon(v: unknown): unknown {
  if (v === null || v === undefined || v === '' || v === 0 || v === false) return undefined
  if (Array.isArray(v)) return v.length ? v.map((x) => canon(x) ?? null) : undefined
  if (typeof v === 'object') {
    const out: Record<string, unknown> = {}
    for (const k of Object.keys(v).sort()) {
      const c = canon((v as Record<string, unknown>)[k])
      if (c !== undefined) out[k] = c
    }
    return Object.keys(out).length ? out : undefined
  }
  return v
}
const same = (a: unknown, b: unknown) => JSON.stringify(canon(a) ?? null) === JSON.stringify(canon(b) ?? null)

/** Calls that change who is signed in; the stub follows them. */
const SIGN_IN = new Set(['ProfileAPI.Unlock', 'ProfileAPI.Create', 'ProfileAPI.Switch'])

/**
 * StubBackend serves recordings. serve() adds fixture files (later files
 * win); as() picks the signed-in role; calls lists what the UI asked.
 */
export class StubBackend {
  readonly calls: Call[] = []
  /** Calls no recording answered (each also rejected with test.no_fixture). */
  readonly misses: string[] = []
  viewer = ''
  private recs: Recording[] = []
  private events = new Map<string, Set<(...data: unknown[]) => void>>()
  private next = new Map<string, (stub: this) => void>()
  private drops = new Set<(paths: string[], x: number, y: number) => void>()
  readonly bridge: Bridge

  constructor(...names: string[]) {
    this.serve(...names)
    this.bridge = createBridge(
      (call, args) => this.invoke(call, args),
      (event, cb) => {
        const set = this.events.get(event) ?? new Set()
        set.add(cb)
        this.events.set(event, set)
        return () => set.delete(cb)
      },
      (cb) => {
        this.drops.add(cb)
        return () => this.drops.delete(cb)
      },
    )
  }

  /** serve adds the recordings of the named fixture files. */
  serve(...names: string[]): this {
    for (const n of names) this.recs.push(...fixture(n))
    return this
  }

  /** reply adds answers of the caller's own (for a native dialog, which no recording can answer). */
  reply(call: GoCall, result: unknown, opts: { args?: unknown[]; error?: Recording['error'] } = {}): this {
    this.recs.push({ call, args: opts.args ?? [], viewer: '', any_args: !opts.args, result, error: opts.error })
    return this
  }

  /**
   * after runs then once, when call has been answered without error: the
   * backend's state moved on (the sample data loaded, say), so later
   * calls are answered from other recordings (then serves them).
   */
  after(call: GoCall, then: (stub: this) => void): this {
    this.next.set(call, then)
    return this
  }

  /** as signs in the sample profile holding role ("" signs out). */
  as(role: string): this {
    this.viewer = role
    return this
  }

  /** emit delivers a Go event (progress, second instance) to the UI's listeners. */
  emit(event: string, ...data: unknown[]) {
    for (const cb of this.events.get(event) ?? []) cb(...data)
  }

  /** drop delivers files dropped on the window at (x, y), by path, as the desktop's file drop does. */
  drop(paths: string[], x = 0, y = 0) {
    for (const cb of this.drops) cb(paths, x, y)
  }

  /** callsOf lists the arguments of every call of one Go method, in order. */
  callsOf(call: GoCall): unknown[][] {
    return this.calls.filter((c) => c.call === call).map((c) => c.args)
  }

  private find(call: string, args: unknown[]): Recording | undefined {
    const tiers: ((r: Recording) => boolean)[] = [
      (r) => !r.any_args && r.viewer === this.viewer && same(r.args, args),
      (r) => !r.any_args && r.viewer === '' && same(r.args, args),
      (r) => !!r.any_args && r.viewer === this.viewer,
      (r) => !!r.any_args && r.viewer === '',
    ]
    for (const ok of tiers) {
      for (let i = this.recs.length - 1; i >= 0; i--) {
        const r = this.recs[i]
        if (r.call === call && ok(r)) return r
      }
    }
    if (SIGN_IN.has(call)) {
      // Signing in is recorded once per role, answered whoever was signed in before.
      for (let i = this.recs.length - 1; i >= 0; i--) {
        const r = this.recs[i]
        if (r.call === call && same(r.args, args)) return r
      }
    }
    return undefined
  }

  private async invoke(call: string, args: unknown[]): Promise<unknown> {
    const sent = clone(args)
    this.calls.push({ call, args: sent })
    const r = this.find(call, sent)
    if (!r) {
      const what = `${call}${JSON.stringify(sent)} as ${this.viewer || 'nobody'}`
      this.misses.push(what)
      throw JSON.stringify({ code: 'test.no_fixture', params: { call: what } })
    }
    if (r.error) throw JSON.stringify(r.error)
    if (SIGN_IN.has(call)) this.viewer = r.viewer
    if (call === 'ProfileAPI.Lock') this.viewer = ''
    const then = this.next.get(call)
    if (then) {
      this.next.delete(call)
      then(this)
    }
    return clone(r.result)
  }
}
