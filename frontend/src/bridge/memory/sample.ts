// The sample portfolio of memoryBridge: a smaller cousin of backend/demo,
// built through the same checked event log (every action by a profile that
// holds the role it needs), so history, approvals and tasks look real.
import type { Answer, ContentItem, Deliverable, DossierView, Profile, ProcessTemplate, StepItem } from '../types'
import { rfc3339 } from './clock'
import type { MemoryDB } from './db'
import type { dossierArea } from './dossiers'
import type { profileArea } from './profiles'
import { sha256, utf8 } from './sha256'
import { confirmStep, filingStep, packageOf, postponeStep, slotSpecs } from './workflow'
import data from './sample.json'

/** A small deterministic generator, so every sample load looks the same. */
function rng(seed: number) {
  let s = seed >>> 0
  return (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s % n
  }
}

function thursday(year: number, month: number, fourth: boolean): Date {
  const d = new Date(Date.UTC(year, month, 1, 11, 0)) // 19:00 +08:00
  while (d.getUTCDay() !== 4) d.setUTCDate(d.getUTCDate() + 1)
  d.setUTCDate(d.getUTCDate() + (fourth ? 21 : 7))
  return d
}

const DAY = 86400000
const HOUR = 3600000

type Target =
  | 'planning' | 'preparation' | 'ready' | 'countersign' | 'step3' | 'step4' | 'returned' | 'returned_step' | 'withdrawn'
  | 'transferred' | 'stale' | 'signature' | 'filing' | 'executing' | 'released' | 'confirming' | 'failed' | 'postponed'
  | 'override' | 'confirmed' | 'archived'

interface Scenario {
  type: 'upgrade' | 'new_system'
  sub: string
  mode: 'planned' | 'emergency'
  target: Target
}

const up = (target: Target, sub = 'cr', mode: Scenario['mode'] = 'planned'): Scenario => ({ type: 'upgrade', sub, mode, target })
const ns = (target: Target): Scenario => ({ type: 'new_system', sub: '', mode: 'planned', target })

const SCENARIOS: Scenario[] = [
  up('planning'), up('preparation', 'bugfix'), up('ready'), up('countersign'), ns('countersign'), up('step3', 'bugfix'),
  ns('step4'), up('returned'), up('returned_step'), up('withdrawn', 'bugfix'), up('transferred'), up('stale'),
  up('signature', 'bugfix', 'emergency'), ns('filing'), up('executing'), up('released'), up('confirming'), up('failed'),
  up('postponed'), up('override'), up('confirmed', 'bugfix'), up('archived', 'bugfix', 'emergency'), ns('archived'), up('archived'),
]

/** dayOffset says when a dossier that gets as far as target is planned, in days from now. */
function dayOffset(t: Target, i: number): number {
  switch (t) {
    case 'archived':
      return -25 - (i % 5) * 9
    case 'confirmed':
    case 'override':
      return -10 - (i % 4)
    case 'executing':
    case 'released':
    case 'confirming':
    case 'failed':
    case 'postponed':
      return -1
    case 'planning':
      return 45 + i
    case 'preparation':
    case 'ready':
      return 25 + i
    default:
      return 4 + (i % 12)
  }
}

export function buildSample(
  db: MemoryDB,
  profiles: ReturnType<typeof profileArea>,
  dossiers: ReturnType<typeof dossierArea>,
) {
  const tpl: ProcessTemplate = db.template
  const now = db.now()
  const byRole: Record<string, Profile> = {}
  tpl.roles.forEach((role, i) => {
    const dept = tpl.departments.find((d) => d.id === role.department)?.name.zh ?? ''
    byRole[role.id] = profiles.importSample({
      name: data.people[i % data.people.length], department: dept, roles: [role.id],
      created_at: rfc3339(new Date(now.getTime() - 200 * DAY + i * 60000)),
    }, data.passphrase, i === 0)
  })
  data.systems.forEach((s, i) => {
    db.systems.set(s.code, {
      code: s.code, name: s.name, department: s.department, owner: data.owners[i % data.owners.length], class: s.class,
      web_facing: Boolean((s as { web_facing?: boolean }).web_facing), calls: [...s.calls].sort(), updated_at: rfc3339(now),
    })
  })
  const pm = byRole.project_manager
  const owner = byRole.system_owner ?? pm
  const f = data.flow
  const r = rng(now.getUTCFullYear() * 400 + now.getUTCMonth())
  let events = 0

  SCENARIOS.forEach((sc, i) => {
    const sys = data.systems[(i * 5 + 3) % data.systems.length]
    const planned = new Date(now.getTime() + dayOffset(sc.target, i) * DAY)
    const month = new Date(Date.UTC(planned.getUTCFullYear(), planned.getUTCMonth(), 1))
    let when = sc.type === 'upgrade' && sc.mode === 'planned' && dayOffset(sc.target, i) > 2
      ? thursday(planned.getUTCFullYear(), planned.getUTCMonth(), planned.getUTCDate() > 14)
      : new Date(Date.UTC(planned.getUTCFullYear(), planned.getUTCMonth(), planned.getUTCDate(), 12, 0))
    if (when.getTime() < now.getTime() + 2 * DAY && dayOffset(sc.target, i) > 2) when = new Date(planned.getTime())
    const content: ContentItem[] = []
    for (let k = 0; k < 1 + r(3); k++) {
      const y = month.getUTCFullYear()
      if (sc.sub === 'bugfix' || r(4) === 0) content.push({ kind: 'bug', ref: `BUG-${y % 100}${String(month.getUTCMonth() + 1).padStart(2, '0')}-${100 + r(900)}`, title: data.bugs[r(data.bugs.length)] })
      else content.push({ kind: 'cr', ref: `CR-${y}-${100 + r(900)}`, title: data.changes[r(data.changes.length)] })
    }
    const seen = new Set<string>()
    const unique = content.filter((c) => !seen.has(c.ref) && seen.add(c.ref))
    const id = `R${String(now.getUTCFullYear() % 100).padStart(2, '0')}S${String(i + 1).padStart(4, '0')}`
    // Everything happens before now: the dossier starts about four weeks before its release.
    let at = new Date(Math.min(when.getTime(), now.getTime()) - (24 + r(6)) * DAY)
    const tick = (hours: number) => (at = new Date(Math.min(at.getTime() + hours * HOUR, now.getTime() - 60000)))
    const creator = sc.type === 'upgrade' ? owner : pm
    let v = undefined as unknown as DossierView
    const act = (who: Profile | undefined, kind: string, body: Record<string, unknown>, hours = 2 + r(20)) => {
      v = dossiers.append(id, who ?? pm, kind, body, tick(hours))
      events++
      return v
    }
    act(creator, 'dossier.created', {
      template: `${tpl.id}@${tpl.version}`, system_code: sys.code, zone: 'Asia/Shanghai',
      title: `${sys.name} ${data.titles[(sc.type === 'new_system' ? 'new_system' : sc.sub) as keyof typeof data.titles]}`,
      type: sc.type, subtype: sc.sub, mode: sc.mode, version: `${1 + (i % 4)}.${(i * 3) % 10}.${r(10)}`, content: unique,
      planned_at: rfc3339(when), project_manager: pm.name, system_owner: data.owners[i % data.owners.length],
    }, 0)
    if (sc.mode === 'emergency') act(creator, 'note.added', { text: data.notes.remark })
    if (sc.target === 'planning') return
    const checklist = sc.target === 'preparation' ? tpl.checklist.slice(0, 3) : tpl.checklist
    checklist.forEach((item, k) => {
      let [status, note] = ['done', data.notes.done]
      if (item.id === 'pre.training' && sc.sub === 'bugfix') [status, note] = ['not_applicable', data.notes.not_applicable_training]
      if (sc.target === 'preparation' && k === checklist.length - 1) [status, note] = ['in_progress', data.notes.in_progress]
      act(k % 2 ? owner : pm, 'checklist.set', { item: item.id, status, note }, 3 + r(10))
    })
    if (sc.target === 'preparation') return

    const plan = v!.state.plan!
    const yes = (items: StepItem[] | undefined): Record<string, Answer> => Object.fromEntries((items ?? []).map((it) => [it.id, { yes: true, remark: f.yes }]))
    const attach = (who: Profile | undefined, d: Deliverable, n = 1) => {
      const bytes = utf8(`${id} ${d.id} v${n}`)
      const sum = sha256(bytes)
      if (!d.hash_only) db.blobs.set(sum, bytes)
      const name = d.hash_only ? `${sys.code.toLowerCase()}-${v.state.version}.zip` : `${d.name.zh}.pdf`
      act(who, 'deliverable.attached', {
        deliverable: d.id, sha256: sum, name, size: d.hash_only ? 48_000_000 + r(9_000_000) : bytes.length * 1000 + r(90000),
        mime: d.hash_only ? '' : 'application/pdf', hash_only: Boolean(d.hash_only), note: '',
      }, 1 + r(4))
    }
    const specs = slotSpecs(plan)
    const startSpec = specs[0]
    startSpec.deliverables.filter((d) => d.required || r(2) === 0).forEach((d) => attach(creator, d))
    if (sc.target === 'ready') return
    act(creator, 'flow.submitted', { role: startSpec.role, answers: yes(startSpec.items), comment: f.submit })
    if (sc.target === 'withdrawn') {
      act(creator, 'flow.withdrawn', { role: startSpec.role, comment: f.withdraw }, 2)
      return
    }
    const pending = () => v.state.flow!.slots.filter((s) => s.status === 'pending' && v.state.flow!.phase !== 'draft')
    const approve = (limit = 0) => {
      let list = pending()
      if (limit) list = list.slice(0, limit)
      for (const s of list) {
        const spec = specs.find((x) => x.step === s.step && x.row === (s.row ?? ''))!
        const who = byRole[s.role]
        spec.deliverables.filter((d) => d.required && !v.state.flow!.deliverables?.[d.id]?.length).forEach((d) => attach(who, d))
        act(who, 'flow.decided', { step: s.step, row: s.row ?? '', role: s.role, decision: 'approve', return_to: '', comment: f.approve, answers: yes(spec.items) })
      }
    }
    const approveAll = () => {
      while (v.state.flow!.phase === 'approval') approve()
    }
    const countersign = plan.steps.find((s) => s.kind === 'countersign')
    switch (sc.target) {
      case 'signature':
        return
      case 'countersign':
        if (sc.mode === 'emergency') approve()
        approve(3)
        return
      case 'step3':
        approve()
        return
      case 'step4':
        approve()
        approve()
        return
      case 'returned': {
        approve(4)
        const s = pending()[0]
        act(byRole[s.role], 'flow.decided', { step: s.step, row: s.row ?? '', role: s.role, decision: 'return', return_to: '', comment: f.return, answers: {} })
        return
      }
      case 'returned_step': {
        approve()
        approve()
        const s = pending()[0]
        act(byRole[s.role], 'flow.decided', { step: s.step, row: s.row ?? '', role: s.role, decision: 'return', return_to: countersign?.id ?? '', comment: f.returnStep, answers: {} })
        return
      }
      case 'transferred': {
        approve(5)
        const s = pending()[0]
        const delegate = byRole.pmo
        act(byRole[s.role], 'flow.transferred', { step: s.step, row: s.row ?? '', role: s.role, to: delegate.public_key, to_name: delegate.name, comment: f.transfer })
        act(creator, 'flow.urged', { step: s.step, row: s.row ?? '', comment: f.urge }, 20)
        return
      }
      case 'stale': {
        approve()
        const note = startSpec.deliverables.find((d) => d.document === 'release_note') ?? startSpec.deliverables[0]
        attach(creator, note, 2)
        return
      }
    }
    approveAll()
    if (v.state.flow!.phase === 'filing') {
      const s = filingStep(plan)!
      act(byRole[s.role ?? ''], 'flow.filed', { role: s.role, comment: f.file })
    }
    if (sc.target === 'filing') return
    // Execution happens on the release day.
    at = new Date(Math.min(when.getTime() - HOUR, now.getTime() - 6 * HOUR))
    const op = byRole[plan.settings.release_operator_role]
    const runbook = f.runbook.map((action, k) => {
      const start = new Date(at.getTime() + (k + 1) * 20 * 60000)
      const done = sc.target !== 'executing' || k < 2
      return {
        no: k + 1, action, planned_at: rfc3339(start).slice(0, 16), started_at: done ? rfc3339(start).slice(0, 16) : '',
        ended_at: done ? rfc3339(new Date(start.getTime() + 15 * 60000)).slice(0, 16) : '', operator: op.name, result: done ? 'ok' : '', notes: '',
      }
    })
    const tests = f.tests.map(([name, expected, actual]) => ({ name, expected, actual, passed: true }))
    act(op, 'exec.runbook', { role: op.roles[0], runbook, tests }, 1)
    if (sc.target === 'executing') return
    const pkg = packageOf(plan)
    if (pkg) {
      const approved = v.state.flow!.deliverables?.[pkg.id]?.at(-1)
      const deployed = sc.target === 'override' ? sha256(utf8(`${id} rebuilt package`)) : approved!.sha256
      act(op, 'exec.package_checked', { role: op.roles[0], name: approved!.name, size: approved!.size, sha256: deployed }, 1)
      if (sc.target === 'override') act(op, 'exec.override', { role: op.roles[0], comment: f.override }, 1)
    }
    act(op, 'exec.released', { role: op.roles[0], comment: f.release }, 2)
    if (sc.target === 'released') return
    act(byRole[plan.settings.supervisor_role], 'exec.supervised', { role: plan.settings.supervisor_role, comment: f.supervise }, 1)
    if (plan.same_day_test) {
      act(pm, 'exec.same_day_test', { confirmed_by: f.sameDayBy, tested_at: v.state.flow!.execution.released!.at, note: '' }, 1)
    }
    if (sc.target === 'confirming') return
    const cs = confirmStep(plan)!
    const confirmer = byRole[cs.role ?? '']
    const items = [...(cs.items ?? []), ...(plan.confirmation_items ?? [])]
    if (sc.target === 'failed' || sc.target === 'postponed') {
      const answers = Object.fromEntries(items.map((it) => [it.id, { yes: false, remark: f.failed }]))
      act(confirmer, 'flow.confirmed', { role: cs.role, success: false, answers, rollback: f.rollback, comment: '' }, 3)
      if (sc.target === 'failed') return
      const ps = postponeStep(plan)!
      const to = thursday(now.getUTCFullYear(), now.getUTCMonth() + 1, false)
      act(byRole[ps.role ?? ''], 'flow.postponed', { role: ps.role, production_unchanged: true, reason: f.postponeReason, plan: f.postponePlan, planned_at: rfc3339(to) }, 4)
      return
    }
    ;(cs.deliverables ?? []).filter((d) => d.required && !d.generated).forEach((d) => attach(confirmer, d))
    act(confirmer, 'flow.confirmed', { role: cs.role, success: true, answers: yes(items), rollback: '', comment: f.confirm }, 3)
    if (sc.target !== 'archived') return
    const present = new Set<string>()
    for (const [key, vs] of Object.entries(v.state.flow!.deliverables ?? {})) {
      const d = plan.steps.flatMap((s) => [...(s.deliverables ?? []), ...(s.rows ?? []).flatMap((x) => x.deliverables ?? [])]).find((x) => x.id === key)
      if (vs.length && d?.document) present.add(d.document)
    }
    const na: Record<string, string> = {}
    for (const d of plan.documents) {
      if (present.has(d.id)) continue
      if (sc.sub === 'bugfix') na[d.id] = f.naReason
      else attach(owner, { id: `doc:${d.id}`, name: d.name, required: false, document: d.id })
    }
    act(owner, 'dossier.archived', { role: owner.roles[0], not_applicable: na }, 30)
  })
  db.current = { ...pm }
  return { profiles: tpl.roles.length, systems: data.systems.length, dossiers: SCENARIOS.length, events }
}
