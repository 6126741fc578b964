// The approval and release state machine, mirroring backend/workflow: a
// plan built from the template's data, slots per approval step (one per
// countersign row), and apply(), which checks an event against the state
// and folds it in, or throws the backend's coded error and changes nothing.
import { AppError } from '../errors'
import type {
  Answer, Decision, Deliverable, Execution, FlowState, Plan, PlanStep, ProcessTemplate, RunbookRow, Signoff, Slot, StepItem,
  Task, TestRow, Version,
} from '../types'
import { parseTime, rfc3339 } from './clock'
import { clone, type MemEvent } from './db'

export const WORKFLOW_KINDS = [
  'deliverable.attached', 'flow.submitted', 'flow.decided', 'flow.withdrawn', 'flow.transferred', 'flow.commented',
  'flow.urged', 'flow.filed', 'exec.runbook', 'exec.package_checked', 'exec.override', 'exec.released', 'exec.supervised',
  'exec.same_day_test', 'flow.confirmed', 'flow.postponed', 'dossier.archived',
]

const APPROVAL = ['start', 'sequential', 'countersign']
const SHA = /^[0-9a-f]{64}$/

/** newPlan mirrors workflow.NewPlan. */
export function newPlan(tpl: ProcessTemplate, type: string, mode: string): Plan {
  const rt = tpl.release_types.find((r) => r.id === type)
  if (!rt) throw new AppError('dossier.bad_type', { type })
  const m = tpl.modes.find((x) => x.id === mode)
  if (!m) throw new AppError('dossier.bad_mode', { mode })
  const f = tpl.flows.find((x) => x.id === rt.flow_id)
  if (!f || f.steps.length === 0) throw new AppError('workflow.no_flow', { type })
  const steps: PlanStep[] = []
  f.steps.forEach((s, i) => {
    steps.push({ ...clone(s), approval: APPROVAL.includes(s.kind), inserted: false })
    if (i === 0 && m.signature_step) steps.push({ ...clone(m.signature_step), approval: true, inserted: true })
  })
  return {
    flow: f.id, steps, confirmation_items: clone(m.confirmation_items ?? []), same_day_test: Boolean(rt.same_day_test),
    not_fully_tested: Boolean(m.not_fully_tested), settings: clone(tpl.settings), documents: clone(tpl.documents),
  }
}

export interface SlotSpec {
  step: string
  row: string
  role: string
  items: StepItem[]
  deliverables: Deliverable[]
  stepIndex: number
}

export function slotSpecs(p: Plan): SlotSpec[] {
  const out: SlotSpec[] = []
  p.steps.forEach((s, i) => {
    if (!s.approval) return
    if (s.kind === 'countersign') {
      for (const r of s.rows ?? []) out.push({ step: s.id, row: r.id, role: r.role, items: r.items ?? [], deliverables: r.deliverables ?? [], stepIndex: i })
      return
    }
    out.push({ step: s.id, row: '', role: s.role ?? '', items: s.items ?? [], deliverables: s.deliverables ?? [], stepIndex: i })
  })
  return out
}

const stepOfKind = (p: Plan, ...kinds: string[]) => p.steps.find((s) => kinds.includes(s.kind))
export const startStep = (p: Plan) => stepOfKind(p, 'start')
export const confirmStep = (p: Plan) => stepOfKind(p, 'execution', 'confirmation')
export const filingStep = (p: Plan) => stepOfKind(p, 'filing')
export const postponeStep = (p: Plan) => stepOfKind(p, 'postpone')

/** deliverableOf finds a deliverable by key: an id of any step or row, or "doc:<document>". */
export function deliverableOf(p: Plan, key: string): Deliverable | undefined {
  if (key.startsWith('doc:')) {
    const d = p.documents.find((x) => x.id === key.slice(4))
    return d ? { id: key, name: d.name, required: false, document: d.id } : undefined
  }
  for (const s of p.steps) {
    const found = [...(s.deliverables ?? []), ...(s.rows ?? []).flatMap((r) => r.deliverables ?? [])].find((d) => d.id === key)
    if (found) return found
  }
  return undefined
}

export function packageOf(p: Plan): Deliverable | undefined {
  for (const s of p.steps) {
    const found = [...(s.deliverables ?? []), ...(s.rows ?? []).flatMap((r) => r.deliverables ?? [])].find((d) => d.hash_only)
    if (found) return found
  }
  return undefined
}

export function newFlowState(p: Plan): FlowState {
  const slots: Slot[] = slotSpecs(p).map((s) => ({
    step: s.step, ...(s.row ? { row: s.row } : {}), role: s.role, status: 'waiting', pending_since: ZERO, urges: [],
  }))
  if (slots.length) slots[0].status = 'pending'
  return {
    phase: 'draft', slots, submissions: 0, decided_since_submit: 0, deliverables: {}, execution: emptyExecution(1),
    past_attempts: [], past_confirmations: [], postponements: [],
  }
}

const ZERO = '0001-01-01T00:00:00Z'
const emptyExecution = (attempt: number): Execution => ({ attempt, runbook: [], tests: [] })

const latest = (st: FlowState, key: string): Version | undefined => {
  const v = st.deliverables?.[key]
  return v?.length ? v[v.length - 1] : undefined
}

const badPhase = (st: FlowState, action: string) => new AppError('workflow.bad_phase', { phase: st.phase, action })
const needRole = (claimed: string, want: string) => {
  if (!want || claimed !== want) throw new AppError('workflow.not_permitted', { role: want })
}
const signoff = (e: MemEvent, role: string, comment: string): Signoff => ({ by: e.author, role, at: e.at, event: e.id, comment: comment.trim() })
const str = (v: unknown) => (typeof v === 'string' ? v : '')
const answersOf = (v: unknown) => (v && typeof v === 'object' ? (v as Record<string, Answer>) : {})

/** missing throws workflow.incomplete naming unanswered items and absent required deliverables. */
function missing(st: FlowState, items: StepItem[], deliverables: Deliverable[], answers: Record<string, Answer>) {
  const its = items.filter((it) => {
    const a = answers[it.id]
    return !a || (!a.yes && !(a.remark ?? '').trim())
  }).map((it) => it.id)
  const ds = deliverables.filter((d) => d.required && !d.generated && !latest(st, d.id)).map((d) => d.id)
  if (its.length + ds.length) throw new AppError('workflow.incomplete', { items: its.join(','), deliverables: ds.join(',') })
}

function covers(st: FlowState, p: Plan, spec: SlotSpec): Record<string, string> {
  const out: Record<string, string> = {}
  const specs = slotSpecs(p)
  const add = (s: SlotSpec) => s.deliverables.filter((d) => !d.generated).forEach((d) => (out[d.id] = latest(st, d.id)?.sha256 ?? ''))
  add(spec)
  if (specs.length && !(specs[0].step === spec.step && specs[0].row === spec.row)) add(specs[0])
  return out
}

const slotOf = (st: FlowState, step: string, row: string) => st.slots.find((s) => s.step === step && (s.row ?? '') === row)

function advance(st: FlowState, p: Plan, at: string) {
  if (st.phase === 'draft' || st.phase === 'archived') return
  const specs = slotSpecs(p)
  for (let step = 0; step < p.steps.length; step++) {
    const open = st.slots.some((s, i) => specs[i].stepIndex === step && s.status !== 'approved')
    if (!open) continue
    st.slots.forEach((s, i) => {
      if (specs[i].stepIndex === step && s.status === 'waiting') {
        s.status = 'pending'
        s.pending_since = at
      }
    })
    st.phase = 'approval'
    return
  }
  if (st.phase !== 'approval') return
  if (filingStep(p) && !st.filing) {
    st.phase = 'filing'
    return
  }
  st.phase = 'execution'
  afterExecutionChange(st)
}

function afterExecutionChange(st: FlowState) {
  if (st.phase === 'execution' && st.execution.supervised) st.phase = 'confirmation'
}

function reopenFrom(st: FlowState, p: Plan, target: number, at: string) {
  const specs = slotSpecs(p)
  st.slots.forEach((s, i) => {
    if (specs[i].stepIndex >= target) {
      s.status = 'waiting'
      s.decision = null
      s.stale = null
      s.delegate = ''
      s.delegate_name = ''
      s.urges = []
    }
  })
  if (target === 0) {
    st.submission = null
    st.slots[0].status = 'pending'
    st.phase = 'draft'
    return
  }
  st.phase = 'approval'
  advance(st, p, at)
}

function mayDecide(s: Slot, author: string, role: string): boolean {
  if (s.delegate && author === s.delegate) return true
  if (role && role === s.role) return false
  throw new AppError('workflow.not_permitted', { role: s.role })
}

function inExecution(st: FlowState, action: string) {
  if (st.phase !== 'execution' || st.execution.released) throw badPhase(st, action)
}

function parseWhen(v: string): Date {
  try {
    return parseTime(v)
  } catch {
    throw new AppError('workflow.bad_time', { value: v.trim() })
  }
}

export interface ApplyCtx {
  plan: Plan
  plannedAt: string
}

/**
 * applyEvent checks e against st and folds it in; it returns a new planned
 * time when a postponement moved the release. On error st is unchanged.
 */
export function applyEvent(c: ApplyCtx, st0: FlowState, e: MemEvent): { state: FlowState; plannedAt?: string } {
  const st = clone(st0)
  const p = c.plan
  const b = e.body
  if (st.phase === 'archived' && e.kind !== 'flow.commented') throw new AppError('dossier.archived')
  let plannedAt: string | undefined
  switch (e.kind) {
    case 'deliverable.attached': {
      const key = str(b.deliverable)
      const d = deliverableOf(p, key)
      if (!d) throw new AppError('workflow.unknown_deliverable', { deliverable: key })
      if (d.generated) throw new AppError('workflow.generated_deliverable', { deliverable: key })
      if (b.hash_only && !d.hash_only) throw new AppError('workflow.not_hash_only', { deliverable: key })
      if (!SHA.test(str(b.sha256))) throw new AppError('workflow.bad_digest', { sha256: str(b.sha256) })
      if (!str(b.name).trim() || Number(b.size) < 0) throw new AppError('workflow.bad_body', { kind: e.kind })
      const prev = latest(st, key)
      const list = (st.deliverables![key] ??= [])
      list.push({
        no: list.length + 1, sha256: str(b.sha256), name: str(b.name), size: Number(b.size ?? 0), mime: str(b.mime),
        hash_only: Boolean(b.hash_only), note: str(b.note).trim(), by: e.author, at: e.at, event: e.id,
      })
      if (prev && prev.sha256 === b.sha256) break
      if (st.phase === 'approval' || st.phase === 'filing' || (st.phase === 'execution' && !st.execution.released)) {
        let dismissed = false
        st.slots.forEach((s, i) => {
          if (s.status !== 'approved' || !s.decision || i === 0) return
          const was = s.decision.covers?.[key]
          if (was !== undefined && was !== b.sha256) {
            s.stale = { deliverable: key, was, now: str(b.sha256), event: e.id, at: e.at, previous: s.decision }
            Object.assign(s, { status: 'pending', decision: null, pending_since: e.at, delegate: '', delegate_name: '' })
            dismissed = true
          }
        })
        if (dismissed) st.phase = 'approval'
      }
      break
    }
    case 'flow.submitted': {
      if (st.phase !== 'draft') throw badPhase(st, 'submit')
      const start = slotSpecs(p)[0]
      needRole(str(b.role), start.role)
      const answers = answersOf(b.answers)
      missing(st, start.items, start.deliverables, answers)
      const d: Decision = { event: e.id, by: e.author, role: str(b.role), at: e.at, delegated: false, comment: str(b.comment).trim(), answers, covers: covers(st, p, start) }
      st.submission = d
      st.submissions++
      st.decided_since_submit = 0
      Object.assign(st.slots[0], { status: 'approved', decision: d, stale: null })
      st.phase = 'approval'
      advance(st, p, e.at)
      break
    }
    case 'flow.decided': {
      const step = str(b.step)
      const row = str(b.row)
      const spec = slotSpecs(p).find((s) => s.step === step && s.row === row)
      const s = slotOf(st, step, row)
      if (!spec || !s || spec.stepIndex === 0) throw new AppError('workflow.unknown_slot', { step, row })
      if (st.phase === 'draft' || s.status !== 'pending') throw new AppError('workflow.not_pending', { step, row })
      const delegated = mayDecide(s, e.author, str(b.role))
      if (b.decision === 'approve') {
        const answers = answersOf(b.answers)
        missing(st, spec.items, spec.deliverables, answers)
        s.status = 'approved'
        s.decision = { event: e.id, by: e.author, role: s.role, at: e.at, delegated, comment: str(b.comment).trim(), answers, covers: covers(st, p, spec) }
        s.stale = null
        st.decided_since_submit++
        advance(st, p, e.at)
      } else if (b.decision === 'return') {
        if (!str(b.comment).trim()) throw new AppError('workflow.reason_required')
        let target = 0
        const to = str(b.return_to)
        if (to) {
          target = p.steps.findIndex((x) => x.id === to)
          if (target < 0 || target >= spec.stepIndex || !p.steps[target].approval) throw new AppError('workflow.bad_return_target', { step: to })
        }
        st.decided_since_submit++
        reopenFrom(st, p, target, e.at)
      } else {
        throw new AppError('workflow.bad_decision', { decision: str(b.decision) })
      }
      break
    }
    case 'flow.withdrawn': {
      if (st.phase !== 'approval' || !st.submission) throw badPhase(st, 'withdraw')
      const startRole = slotSpecs(p)[0].role
      if (e.author !== st.submission.by && str(b.role) !== startRole) throw new AppError('workflow.not_permitted', { role: startRole })
      if (st.decided_since_submit > 0) throw new AppError('workflow.cannot_withdraw')
      reopenFrom(st, p, 0, e.at)
      break
    }
    case 'flow.transferred': {
      const step = str(b.step)
      const row = str(b.row)
      const s = slotOf(st, step, row)
      if (!s) throw new AppError('workflow.unknown_slot', { step, row })
      if (st.phase === 'draft' || s.status !== 'pending') throw new AppError('workflow.not_pending', { step, row })
      mayDecide(s, e.author, str(b.role))
      const to = str(b.to)
      if (!/^[0-9a-f]{64}$/.test(to) || to === e.author || !str(b.to_name).trim()) throw new AppError('workflow.bad_delegate')
      s.delegate = to
      s.delegate_name = str(b.to_name).trim()
      break
    }
    case 'flow.commented':
      if (!str(b.text).trim()) throw new AppError('workflow.text_required')
      break
    case 'flow.urged': {
      const step = str(b.step)
      const row = str(b.row)
      const s = slotOf(st, step, row)
      if (!s) throw new AppError('workflow.unknown_slot', { step, row })
      if (st.phase === 'draft' || s.status !== 'pending') throw new AppError('workflow.not_pending', { step, row })
      ;(s.urges ??= []).push({ by: e.author, at: e.at, comment: str(b.comment).trim(), event: e.id })
      break
    }
    case 'flow.filed':
      if (st.phase !== 'filing') throw badPhase(st, 'file')
      needRole(str(b.role), filingStep(p)?.role ?? '')
      st.filing = signoff(e, str(b.role), str(b.comment))
      st.phase = 'execution'
      afterExecutionChange(st)
      break
    case 'exec.runbook': {
      inExecution(st, 'runbook')
      needRole(str(b.role), p.settings.release_operator_role)
      const rows = clone((b.runbook as RunbookRow[]) ?? [])
      rows.forEach((r, i) => {
        if (!r.action?.trim()) throw new AppError('workflow.bad_runbook', { row: String(i + 1), problem: 'action' })
        if (!['', 'ok', 'failed', 'skipped'].includes(r.result ?? '')) throw new AppError('workflow.bad_runbook', { row: String(i + 1), problem: 'result' })
        for (const v of [r.planned_at, r.started_at, r.ended_at]) if (v) parseWhen(v)
        r.no = i + 1
      })
      const tests = clone((b.tests as TestRow[]) ?? [])
      tests.forEach((t, i) => {
        if (!t.name?.trim()) throw new AppError('workflow.bad_runbook', { row: String(i + 1), problem: 'test' })
      })
      st.execution.runbook = rows
      st.execution.tests = tests
      break
    }
    case 'exec.package_checked': {
      inExecution(st, 'package_check')
      needRole(str(b.role), p.settings.release_operator_role)
      const pkg = packageOf(p)
      const approved = pkg && latest(st, pkg.id)
      if (!approved) throw new AppError('workflow.no_package')
      if (!SHA.test(str(b.sha256))) throw new AppError('workflow.bad_digest', { sha256: str(b.sha256) })
      st.execution.package_check = {
        ...signoff(e, str(b.role), ''), name: str(b.name), size: Number(b.size ?? 0), sha256: str(b.sha256),
        approved: approved.sha256, match: approved.sha256 === b.sha256,
      }
      if (st.execution.package_check.match) st.execution.override = null
      break
    }
    case 'exec.override': {
      inExecution(st, 'override')
      needRole(str(b.role), p.settings.release_operator_role)
      const pc = st.execution.package_check
      if (!pc || pc.match) throw new AppError('workflow.no_mismatch')
      if (!str(b.comment).trim()) throw new AppError('workflow.reason_required')
      st.execution.override = signoff(e, str(b.role), str(b.comment))
      break
    }
    case 'exec.released': {
      inExecution(st, 'release')
      needRole(str(b.role), p.settings.release_operator_role)
      const rb = st.execution.runbook ?? []
      if (rb.length === 0) throw new AppError('workflow.runbook_incomplete', { rows: '0' })
      const open = rb.find((r) => !r.result)
      if (open) throw new AppError('workflow.runbook_incomplete', { row: String(open.no) })
      const pkg = packageOf(p)
      if (pkg && latest(st, pkg.id)) {
        const pc = st.execution.package_check
        if (!pc) throw new AppError('workflow.package_unchecked')
        if (!pc.match && !st.execution.override) throw new AppError('workflow.package_mismatch', { approved: pc.approved, deployed: pc.sha256 })
      }
      st.execution.released = signoff(e, str(b.role), str(b.comment))
      break
    }
    case 'exec.supervised':
      if (st.phase !== 'execution' || !st.execution.released) throw new AppError('workflow.not_released')
      needRole(str(b.role), p.settings.supervisor_role)
      st.execution.supervised = signoff(e, str(b.role), str(b.comment))
      afterExecutionChange(st)
      break
    case 'exec.same_day_test': {
      if (!st.execution.released || (st.phase !== 'execution' && st.phase !== 'confirmation')) throw new AppError('workflow.not_released')
      if (!str(b.confirmed_by).trim()) throw new AppError('workflow.confirmer_required')
      const at = parseWhen(str(b.tested_at))
      const released = st.execution.released.at.slice(0, 10)
      const tested = rfc3339(at).slice(0, 10)
      if (released !== tested) throw new AppError('workflow.not_same_day', { released, tested })
      st.execution.same_day_test = { ...signoff(e, '', str(b.note)), confirmed_by: str(b.confirmed_by).trim(), tested_at: rfc3339(at) }
      break
    }
    case 'flow.confirmed': {
      if (st.phase !== 'confirmation') throw badPhase(st, 'confirm')
      const step = confirmStep(p)!
      needRole(str(b.role), step.role ?? '')
      const answers = answersOf(b.answers)
      missing(st, [...(step.items ?? []), ...(p.confirmation_items ?? [])], b.success ? step.deliverables ?? [] : [], answers)
      if (b.success && p.same_day_test && !st.execution.same_day_test) throw new AppError('workflow.same_day_test_required')
      if (!b.success && !str(b.rollback).trim()) throw new AppError('workflow.rollback_required')
      st.confirmation = { ...signoff(e, str(b.role), str(b.comment)), success: Boolean(b.success), rollback: str(b.rollback).trim(), answers }
      st.phase = b.success ? 'confirmed' : 'failed'
      break
    }
    case 'flow.postponed': {
      const step = postponeStep(p)
      const released = Boolean(st.execution.released)
      if (!step || !(st.phase === 'failed' || (st.phase === 'execution' && !released))) throw badPhase(st, 'postpone')
      needRole(str(b.role), step.role ?? '')
      if (st.phase === 'failed' && !b.production_unchanged) throw new AppError('workflow.production_changed')
      if (!str(b.reason).trim() || !str(b.plan).trim()) throw new AppError('workflow.reason_required')
      const to = parseWhen(str(b.planned_at))
      if (to.getTime() <= Date.parse(c.plannedAt)) throw new AppError('workflow.date_not_later', { from: c.plannedAt.slice(0, 16).replace('T', ' ') })
      const pp = {
        ...signoff(e, str(b.role), ''), attempt: st.execution.attempt, production_unchanged: Boolean(b.production_unchanged),
        reason: str(b.reason).trim(), plan: str(b.plan).trim(), from: c.plannedAt, to: rfc3339(to), reopened: [] as string[],
      }
      ;(st.past_attempts ??= []).push(st.execution)
      if (st.confirmation) (st.past_confirmations ??= []).push(st.confirmation)
      st.execution = emptyExecution(st.execution.attempt + 1)
      st.confirmation = null
      st.phase = 'execution'
      const specs = slotSpecs(p)
      const key = (s: Slot) => (s.row ? `${s.step}/${s.row}` : s.step)
      if (p.settings.approvals_carry_over === 'none') {
        const first = specs.length > 1 ? specs[1].stepIndex : 1
        st.slots.slice(1).forEach((s) => pp.reopened.push(key(s)))
        reopenFrom(st, p, first, e.at)
      } else {
        st.slots.filter((s) => s.status !== 'approved').forEach((s) => pp.reopened.push(key(s)))
        st.phase = 'approval'
        advance(st, p, e.at)
      }
      pp.reopened.sort()
      ;(st.postponements ??= []).push(pp)
      plannedAt = pp.to
      break
    }
    case 'dossier.archived': {
      if (st.phase !== 'confirmed') throw badPhase(st, 'archive')
      const role = str(b.role)
      if (!p.settings.archive_roles.includes(role)) throw new AppError('workflow.not_permitted', { role: p.settings.archive_roles.join(',') })
      const present = documentsPresent(st, p)
      const given = (b.not_applicable as Record<string, string>) ?? {}
      const na: Record<string, string> = {}
      const miss: string[] = []
      for (const d of p.documents) {
        if (present[d.id]) continue
        const r = (given[d.id] ?? '').trim()
        if (r) na[d.id] = r
        else miss.push(d.id)
      }
      if (miss.length) throw new AppError('workflow.documents_missing', { documents: miss.join(',') })
      st.archive = { ...signoff(e, role, ''), not_applicable: na }
      st.phase = 'archived'
      break
    }
    default:
      throw new AppError('workflow.unknown_kind', { kind: e.kind })
  }
  return { state: st, plannedAt }
}

/** documentsPresent: per standard document id, whether a version of it is attached. */
export function documentsPresent(st: FlowState, p: Plan): Record<string, boolean> {
  const out: Record<string, boolean> = {}
  for (const [key, vs] of Object.entries(st.deliverables ?? {})) {
    const d = vs.length ? deliverableOf(p, key) : undefined
    if (d?.document) out[d.document] = true
  }
  return out
}

/** tasks mirrors State.Tasks: what waits in the current phase and for whom. */
export function tasksOf(st: FlowState, p: Plan): Task[] {
  const out: Task[] = []
  const t = (kind: string, step: string, role: string, since = ZERO): Task => ({ kind, step, role, since, urges: 0, stale: false })
  switch (st.phase) {
    case 'draft': {
      const s = startStep(p)
      if (s) out.push(t('submit', s.id, s.role ?? ''))
      break
    }
    case 'filing': {
      const s = filingStep(p)
      if (s) out.push(t('file', s.id, s.role ?? ''))
      break
    }
    case 'execution':
      if (!st.execution.released) out.push(t('execute', '', p.settings.release_operator_role))
      else out.push(t('supervise', '', p.settings.supervisor_role, st.execution.released.at))
      break
    case 'confirmation': {
      const s = confirmStep(p)
      if (s) out.push(t('confirm', s.id, s.role ?? '', st.execution.supervised?.at))
      break
    }
    case 'failed': {
      const s = postponeStep(p)
      if (s) out.push(t('postpone', s.id, s.role ?? '', st.confirmation?.at))
      break
    }
    case 'confirmed':
      for (const r of p.settings.archive_roles) out.push(t('archive', '', r, st.confirmation?.at))
      break
  }
  for (const s of st.slots) {
    if (s.status === 'pending' && st.phase !== 'draft') {
      out.push({
        kind: 'decide', step: s.step, ...(s.row ? { row: s.row } : {}), role: s.role, ...(s.delegate ? { delegate: s.delegate } : {}),
        since: s.pending_since, urges: s.urges?.length ?? 0, stale: Boolean(s.stale),
      })
    }
  }
  return out
}
