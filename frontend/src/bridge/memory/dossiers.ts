// The dossier area of memoryBridge: events appended per dossier, state and
// history folded from them, the same error codes as backend/dossier.
import { AppError } from '../errors'
import type { Bridge, DossierFields, DossierFilter, DossierState, DossierSummary, DossierView, InboxItem, ProcessTemplate, Profile } from '../types'
import { rfc3339 } from './clock'
import { clone, fingerprint, randomHex, type MemEvent, type MemoryDB, type PickedFile } from './db'
import { fold, summarize } from './fold'
import { fromBase64, sha256 } from './sha256'
import { changedOnly, fieldNames, validateFields } from './validate'
import { confirmStep, filingStep, postponeStep, slotSpecs, startStep } from './workflow'

/** The largest upload the window may send as bytes, as app.MaxUpload. */
export const MAX_UPLOAD = 32 << 20

const MIME: Record<string, string> = {
  '.pdf': 'application/pdf', '.doc': 'application/msword', '.txt': 'text/plain; charset=utf-8', '.zip': 'application/zip',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', '.png': 'image/png', '.jpg': 'image/jpeg',
}
const mimeOf = (name: string) => MIME[(/\.[^.]+$/.exec(name.toLowerCase()) ?? [''])[0]] ?? ''
/** nextThursday is the next 2nd or 4th Thursday after t, as "YYYY-MM-DD" in +08:00: the default windows. */
function nextThursday(t: Date): string {
  const wall = new Date(t.getTime() + 8 * 3600000)
  for (let m = 0; m < 3; m++) {
    const first = new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth() + m, 1))
    const offset = (4 - first.getUTCDay() + 7) % 7
    for (const week of [1, 3]) {
      const d = new Date(first.getTime() + (offset + week * 7) * 86400000)
      if (d.getTime() + 19 * 3600000 > wall.getTime()) return d.toISOString().slice(0, 10)
    }
  }
  return wall.toISOString().slice(0, 10)
}

const baseName = (name: string) => name.split(/[\\/]/).pop() ?? name

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
  /** append records an event by author at the given time, refused (and not written) like the backend's. */
  append(id: string, author: Profile, kind: string, body: Record<string, unknown>, at?: Date): DossierView
} {
  const names = (author: string) => {
    const p = db.profiles.find((r) => r.summary.public_key === author)
    return { name: p?.summary.name ?? '', fingerprint: p?.summary.fingerprint ?? fingerprint(author) }
  }
  const resolve = (key: string): ProcessTemplate => {
    const t = db.templates.get(key)
    if (!t) throw new AppError('template.not_found', { key })
    return t.template
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
    const { state, history } = fold(events(id), names, resolve)
    return clone({ state, history, system_name: db.systems.get(state.system_code)?.name ?? '' })
  }
  const append = (id: string, author: Profile, kind: string, body: Record<string, unknown>, at?: Date): DossierView => {
    const evs = db.events.get(id) ?? []
    const last = evs[evs.length - 1]
    let when = at ?? db.now()
    if (last && when.getTime() <= Date.parse(last.at)) when = new Date(Date.parse(last.at) + 1000)
    const e: MemEvent = {
      id: randomHex(64), dossier: id, parents: last ? [last.id] : [], author: author.public_key, at: rfc3339(when), kind, body: clone(body),
    }
    const err = fold([...evs, e], names, resolve).errors.get(e.id)
    if (err) throw err
    db.events.set(id, [...evs, e])
    return view(id)
  }
  const change = (id: string, build: (st: DossierState, me: Profile) => [string, Record<string, unknown>]) => {
    const me = signer()
    const st = view(id).state
    const [kind, body] = build(st, me)
    return append(id, me, kind, body)
  }
  /** act appends a workflow event built from the state, as dossier.Service.act. */
  const act = (id: string, kind: string, body: (st: DossierState & { plan: NonNullable<DossierState['plan']> }, me: Profile) => Record<string, unknown>) =>
    change(id, (st, me) => {
      if (!st.plan || !st.flow) throw new AppError('workflow.no_flow', { type: st.type })
      return [kind, body(st as DossierState & { plan: NonNullable<DossierState['plan']> }, me)]
    })
  const roleFor = (me: Profile, want: string | undefined) => (want && me.roles.includes(want) ? want : '')
  const progress = (op: string, path: string, total: number) => {
    for (const cb of db.progress) cb({ op, path, done: Math.floor(total / 2), total })
    for (const cb of db.progress) cb({ op, path, done: total, total })
  }
  const attach = (id: string, deliverable: string, f: PickedFile, note: string, hashOnly: boolean) => {
    view(id) // dossier.not_found first
    const sum = sha256(f.data)
    if (!hashOnly) db.blobs.set(sum, f.data)
    const name = baseName(f.name)
    return act(id, 'deliverable.attached', () => ({
      deliverable, sha256: sum, name, size: f.data.length, mime: hashOnly ? '' : mimeOf(name), hash_only: hashOnly, note,
    }))
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
        if (st.stage !== 'planning' || to !== 'preparation') throw new AppError('dossier.bad_stage', { from: st.stage, to })
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
    async submit(id, answers, comment) {
      return act(id, 'flow.submitted', (st, me) => ({ role: roleFor(me, startStep(st.plan)?.role), answers, comment }))
    },
    async decide(id, r) {
      return act(id, 'flow.decided', (st, me) => {
        const spec = slotSpecs(st.plan).find((s) => s.step === r.step && s.row === (r.row ?? ''))
        return { step: r.step, row: r.row ?? '', role: roleFor(me, spec?.role), decision: r.decision, return_to: r.return_to ?? '', comment: r.comment, answers: r.answers ?? {} }
      })
    },
    async withdraw(id, comment) {
      return act(id, 'flow.withdrawn', (st, me) => ({ role: roleFor(me, startStep(st.plan)?.role), comment }))
    },
    async transfer(id, step, row, to, comment) {
      const who = db.profiles.find((p) => p.summary.public_key === to)
      if (!who) throw new AppError('workflow.bad_delegate')
      return act(id, 'flow.transferred', (st, me) => {
        const spec = slotSpecs(st.plan).find((s) => s.step === step && s.row === row)
        return { step, row, role: roleFor(me, spec?.role), to, to_name: who.summary.name, comment }
      })
    },
    async comment(id, step, row, text) {
      return act(id, 'flow.commented', () => ({ step, row, text }))
    },
    async urge(id, step, row, comment) {
      return act(id, 'flow.urged', () => ({ step, row, comment }))
    },
    async file(id, comment) {
      return act(id, 'flow.filed', (st, me) => ({ role: roleFor(me, filingStep(st.plan)?.role), comment }))
    },
    async saveRunbook(id, runbook, tests) {
      return act(id, 'exec.runbook', (st, me) => ({ role: roleFor(me, st.plan.settings.release_operator_role), runbook, tests }))
    },
    async override(id, reason) {
      return act(id, 'exec.override', (st, me) => ({ role: roleFor(me, st.plan.settings.release_operator_role), comment: reason }))
    },
    async release(id, comment) {
      return act(id, 'exec.released', (st, me) => ({ role: roleFor(me, st.plan.settings.release_operator_role), comment }))
    },
    async supervise(id, comment) {
      return act(id, 'exec.supervised', (st, me) => ({ role: roleFor(me, st.plan.settings.supervisor_role), comment }))
    },
    async sameDayTest(id, confirmedBy, testedAt, note) {
      return act(id, 'exec.same_day_test', () => ({ confirmed_by: confirmedBy, tested_at: testedAt, note }))
    },
    async confirm(id, success, answers, rollback, comment) {
      return act(id, 'flow.confirmed', (st, me) => ({ role: roleFor(me, confirmStep(st.plan)?.role), success, answers, rollback, comment }))
    },
    async postpone(id, productionUnchanged, reason, plan, plannedAt, windowId) {
      // The fake keeps no calendar: a window id names its date and class ("2027-03-11-java"), starting 19:00.
      const at = windowId ? `${windowId.slice(0, 10)}T19:00` : plannedAt
      return act(id, 'flow.postponed', (st, me) => ({
        role: roleFor(me, postponeStep(st.plan)?.role), production_unchanged: productionUnchanged, reason, plan, planned_at: at, window: windowId,
      }))
    },
    async proposePostponement(id) {
      const st = view(id).state
      const cls = db.systems.get(st.system_code)?.class ?? 'other'
      const after = Math.max(Date.parse(st.planned_at), db.now().getTime())
      const date = nextThursday(new Date(after + 60000))
      return { id: `${date}-${cls}`, class: cls, date, start: '19:00', end: '23:00', zone: 'Asia/Shanghai', state: 'open', capacity: 0 }
    },
    async archive(id, notApplicable) {
      return act(id, 'dossier.archived', (st, me) => ({
        role: st.plan.settings.archive_roles.find((r) => me.roles.includes(r)) ?? '', not_applicable: notApplicable,
      }))
    },
    async inbox() {
      const me = signer()
      const out: InboxItem[] = []
      for (const id of db.events.keys()) {
        const v = view(id)
        const st = v.state
        for (const t of st.tasks ?? []) {
          const delegated = Boolean(t.delegate) && t.delegate === me.public_key
          if (!delegated && !me.roles.includes(t.role)) continue
          if (t.kind === 'submit' && st.created_by !== me.public_key) continue
          out.push({
            ...t, dossier: st.id, title: st.title, system_code: st.system_code, system_name: v.system_name, mode: st.mode,
            not_fully_tested: st.not_fully_tested, planned_at: st.planned_at, delegated,
          })
        }
      }
      const ms = (s: string) => (s.startsWith('0001') ? -Infinity : Date.parse(s))
      return out.sort((a, b) => ms(a.since) - ms(b.since) || a.dossier.localeCompare(b.dossier))
    },
    async attachUpload(id, deliverable, name, b64, note) {
      if (Math.floor((b64.length * 3) / 4) > MAX_UPLOAD) throw new AppError('blob.too_large', { max: '32 MiB' })
      const data = fromBase64(b64)
      if (!data) throw new AppError('blob.bad_upload')
      return attach(id, deliverable, { name, data }, note, false)
    },
    async attachFromDialog(id, deliverable, note) {
      const f = db.pick('attach')
      if (!f) return view(id)
      progress('attach', f.name, f.data.length)
      return attach(id, deliverable, f, note, false)
    },
    async recordPackageFromDialog(id, deliverable) {
      const f = db.pick('package')
      if (!f) return view(id)
      progress('hash', f.name, f.data.length)
      return attach(id, deliverable, f, '', true)
    },
    async checkPackageFromDialog(id) {
      const f = db.pick('package')
      if (!f) return view(id)
      progress('hash', f.name, f.data.length)
      const sum = sha256(f.data)
      return act(id, 'exec.package_checked', (st, me) => ({
        role: roleFor(me, st.plan.settings.release_operator_role), name: baseName(f.name), size: f.data.length, sha256: sum,
      }))
    },
    async saveDeliverable(sum, name) {
      const data = db.blobs.get(sum)
      if (!data) throw new AppError('blob.not_found', { sha256: sum })
      const path = `${db.dataDir}/exports/${baseName(name)}`
      db.written.set(path, data)
      return path
    },
    async openDeliverable(sum) {
      if (!db.blobs.has(sum)) throw new AppError('blob.not_found', { sha256: sum })
    },
  }
}
