// The dossier area of memoryBridge: events appended per dossier, state and
// history folded from them, the same error codes as backend/dossier.
import { AppError } from '../errors'
import type { Bridge, DossierFields, DossierFilter, DossierSummary, DossierView, Profile } from '../types'
import { rfc3339 } from './clock'
import { clone, fingerprint, randomHex, type MemEvent, type MemoryDB } from './db'
import { fold, stageIndex, summarize } from './fold'
import { changedOnly, fieldNames, validateFields } from './validate'

const STATUSES = ['not_started', 'in_progress', 'done', 'not_applicable']
const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

function newID(now: Date): string {
  let s = ''
  for (let i = 0; i < 9; i++) s += B32[Math.floor(Math.random() * 32)]
  return 'R' + rfc3339(now).slice(2, 4) + s
}

/** match mirrors dossier.Filter.Match. */
export function matches(f: DossierFilter, s: DossierSummary): boolean {
  if ((f.stage && f.stage !== s.stage) || (f.system_code && f.system_code !== s.system_code) ||
    (f.type && f.type !== s.type) || (f.mode && f.mode !== s.mode)) return false
  if (f.month && (s.planned_at.startsWith('0001') || s.planned_at.slice(0, 7) !== f.month)) return false
  const q = f.text.trim().toLowerCase()
  if (q) {
    const hay = [s.id, s.title, s.system_code, s.system_name, s.version, ...s.content_refs].join('\n').toLowerCase()
    return q.split(/\s+/).every((w) => hay.includes(w))
  }
  return true
}

export function dossierArea(db: MemoryDB): Bridge['dossiers'] & {
  /** append signs nothing: it records an event by author at the given time. */
  append(id: string, author: Profile, kind: string, body: Record<string, unknown>, at?: Date): DossierView
} {
  const names = (author: string) => {
    const p = db.profiles.find((r) => r.summary.public_key === author)
    return { name: p?.summary.name ?? '', fingerprint: p?.summary.fingerprint ?? fingerprint(author) }
  }
  const signer = (): Profile => {
    if (!db.current) throw new AppError('profile.locked')
    return db.current
  }
  const events = (id: string): MemEvent[] => {
    const evs = db.events.get(id)
    if (!evs || evs.length === 0) throw new AppError('dossier.not_found', { id })
    return evs
  }
  const view = (id: string): DossierView => {
    const { state, history } = fold(events(id), names)
    return clone({ state, history, system_name: db.systems.get(state.system_code)?.name ?? '' })
  }
  const append = (id: string, author: Profile, kind: string, body: Record<string, unknown>, at?: Date): DossierView => {
    const evs = db.events.get(id) ?? []
    const e: MemEvent = {
      id: randomHex(64), dossier: id, parents: evs.length ? [evs[evs.length - 1].id] : [],
      author: author.public_key, at: rfc3339(at ?? db.now()), kind, body: clone(body),
    }
    db.events.set(id, [...evs, e])
    return view(id)
  }
  const change = (id: string, build: (st: DossierView['state']) => [string, Record<string, unknown>]) => {
    const me = signer()
    const st = view(id).state
    const [kind, body] = build(st)
    return append(id, me, kind, body)
  }

  return {
    append,
    async list(f) {
      const total = db.template.checklist.length
      const out: DossierSummary[] = []
      for (const id of db.events.keys()) {
        const v = view(id)
        const s = summarize(v.state, total, v.system_name)
        if (matches(f, s)) out.push(s)
      }
      out.sort((a, b) => (a.planned_at === b.planned_at ? a.id.localeCompare(b.id) : Date.parse(b.planned_at) - Date.parse(a.planned_at)))
      return out
    },
    async get(id) {
      return view(id)
    },
    async create(req) {
      const me = signer()
      const code = (req.system_code ?? '').trim()
      if (!db.systems.has(code)) throw new AppError('system.not_found', { code })
      const { system_code: _ignored, ...fields } = req
      const f = validateFields(db.template, fields, true)
      const id = newID(db.now())
      const tpl = `${db.template.id}@${db.template.version}`
      return append(id, me, 'dossier.created', { template: tpl, system_code: code, zone: 'Asia/Shanghai', ...f })
    },
    async update(id, patch) {
      return change(id, (st) => {
        if (st.stage === 'archive') throw new AppError('dossier.archived', { id })
        const p: DossierFields = { ...patch }
        if (p.subtype !== undefined && p.type === undefined) p.type = st.type
        const f = changedOnly(st, validateFields(db.template, p, false))
        if (fieldNames(f).length === 0) throw new AppError('dossier.nothing_changed')
        return ['dossier.updated', f as Record<string, unknown>]
      })
    },
    async setChecklist(id, item, status, note) {
      return change(id, (st) => {
        if (st.stage === 'archive') throw new AppError('dossier.archived', { id })
        if (!db.template.checklist.some((c) => c.id === item)) throw new AppError('dossier.unknown_item', { item })
        if (!STATUSES.includes(status)) throw new AppError('dossier.bad_status', { status })
        const n = note.trim()
        if ([...n].length > 2000) throw new AppError('dossier.note_too_long', { max: '2000' })
        if (status === 'not_applicable' && n === '') throw new AppError('dossier.reason_required', { item })
        const cur = st.checklist[item]
        if (cur && cur.status === status && cur.note === n) throw new AppError('dossier.nothing_changed')
        return ['checklist.set', { item, status, note: n }]
      })
    },
    async advance(id, to, note) {
      return change(id, (st) => {
        if (stageIndex(to) < 0 || stageIndex(to) !== stageIndex(st.stage) + 1) {
          throw new AppError('dossier.bad_stage', { from: st.stage, to })
        }
        if (to === 'approval') {
          const missing = db.template.checklist.filter((c) => !['done', 'not_applicable'].includes(st.checklist[c.id]?.status ?? '')).length
          if (missing > 0) throw new AppError('dossier.checklist_incomplete', { missing: String(missing) })
        }
        return ['stage.advanced', { from: st.stage, to, note: note.trim() }]
      })
    },
    async addNote(id, text) {
      const t = text.trim()
      return change(id, () => {
        if (t === '') throw new AppError('dossier.note_required')
        if ([...t].length > 2000) throw new AppError('dossier.note_too_long', { max: '2000' })
        return ['note.added', { text: t }]
      })
    },
  }
}
