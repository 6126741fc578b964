// The fold of a dossier's events into its state and history, mirroring
// backend/dossier/fold.go.
import { AppError } from '../errors'
import type { ChecklistEntry, ContentItem, DossierFields, DossierState, DossierSummary, HistoryEntry, ProcessTemplate } from '../types'
import type { MemEvent } from './db'
import { fieldNames } from './validate'
import { WORKFLOW_KINDS, applyEvent, newFlowState, newPlan, tasksOf } from './workflow'

/** The stage track in order. */
export const STAGE_ORDER = ['planning', 'preparation', 'approval', 'execution', 'confirmation', 'archive']

export const stageIndex = (s: string) => STAGE_ORDER.indexOf(s)

function emptyState(): DossierState {
  return {
    id: '', template: '', system_code: '', zone: '', title: '', type: '', subtype: '', mode: '', version: '',
    content: [], planned_at: '0001-01-01T00:00:00Z', project_manager: '', system_owner: '', stage: '',
    checklist: {}, notes: 0, created_at: '', created_by: '', updated_at: '', heads: [], events: 0,
    plan: null, flow: null, tasks: [], not_fully_tested: false, override: false,
  }
}

/** replan rebuilds the plan after the type or mode changed in draft, keeping the deliverables. */
function replan(st: DossierState, tpl: ProcessTemplate) {
  const deliverables = st.flow?.deliverables ?? {}
  try {
    st.plan = newPlan(tpl, st.type, st.mode)
  } catch {
    st.plan = null
    st.flow = null
    return
  }
  st.flow = newFlowState(st.plan)
  st.flow.deliverables = deliverables
  st.not_fully_tested = st.plan.not_fully_tested
}

const submitted = (st: DossierState) => Boolean(st.flow && st.flow.phase !== 'draft')
const LOCKED = ['type', 'subtype', 'mode', 'version', 'content', 'planned_at']

/** bodyParams copies the scalar fields of a workflow event body into the history params. */
function bodyParams(b: Record<string, unknown>, p: Record<string, string>) {
  for (const [k, v] of Object.entries(b)) {
    if (typeof v === 'string' && v !== '') p[k] = v
    else if (typeof v === 'boolean' || typeof v === 'number') p[k] = String(v)
  }
}

/** stageOf maps the workflow phase onto the stage track. */
function stageOf(st: DossierState): string {
  switch (st.flow?.phase) {
    case 'approval':
    case 'filing':
      return 'approval'
    case 'execution':
      return 'execution'
    case 'confirmation':
    case 'failed':
    case 'confirmed':
      return 'confirmation'
    case 'archived':
      return 'archive'
  }
  return st.stage
}

function applyFields(st: DossierState, f: DossierFields) {
  for (const k of ['title', 'type', 'subtype', 'mode', 'version', 'project_manager', 'system_owner', 'planned_at'] as const) {
    if (typeof f[k] === 'string') st[k] = f[k] as string
  }
  if (Array.isArray(f.content)) st.content = (f.content as ContentItem[]).map((c) => ({ ...c }))
}

/** apply folds one event into st; it throws why an event was recorded but not applied. */
function apply(st: DossierState, e: MemEvent, p: Record<string, string>, tpl: ProcessTemplate) {
  const b = e.body
  const archived = st.flow?.phase === 'archived'
  switch (e.kind) {
    case 'dossier.created':
      if (st.id) throw new AppError('dossier.duplicate_creation')
      st.id = e.dossier
      st.template = String(b.template ?? '')
      st.system_code = String(b.system_code ?? '')
      st.zone = String(b.zone ?? '')
      st.stage = 'planning'
      st.created_at = e.at
      st.created_by = e.author
      applyFields(st, b as DossierFields)
      replan(st, tpl)
      p.title = st.title
      p.system = st.system_code
      return
    case 'dossier.updated': {
      if (archived) throw new AppError('dossier.archived')
      const names = fieldNames(b as DossierFields)
      if (submitted(st) && names.some((n) => LOCKED.includes(n))) throw new AppError('dossier.locked', { fields: names.join(',') })
      p.fields = names.join(',')
      applyFields(st, b as DossierFields)
      if (b.type !== undefined || b.mode !== undefined) replan(st, tpl)
      return
    }
    case 'checklist.set': {
      if (archived) throw new AppError('dossier.archived')
      if (submitted(st)) throw new AppError('dossier.locked', { fields: 'checklist' })
      const entry: ChecklistEntry = {
        item: String(b.item), status: String(b.status), note: String(b.note ?? ''), by: e.author, at: e.at, event: e.id,
      }
      p.item = entry.item
      p.status = entry.status
      p.note = entry.note
      st.checklist[entry.item] = entry
      if (st.stage === 'planning') st.stage = 'preparation'
      return
    }
    case 'stage.advanced':
      p.from = String(b.from ?? '')
      p.to = String(b.to ?? '')
      p.note = String(b.note ?? '')
      if (submitted(st) || st.stage !== 'planning' || p.to !== 'preparation') throw new AppError('dossier.bad_stage', { from: st.stage, to: p.to })
      st.stage = p.to
      return
    case 'note.added':
      p.text = String(b.text ?? '')
      st.notes++
      return
    default: {
      if (!WORKFLOW_KINDS.includes(e.kind) || !st.flow || !st.plan) throw new AppError('dossier.unknown_event', { kind: e.kind })
      bodyParams(b, p)
      if (e.kind === 'flow.submitted') {
        const n = tpl.checklist.filter((it) => !['done', 'not_applicable'].includes(st.checklist[it.id]?.status ?? '')).length
        if (n > 0) throw new AppError('dossier.checklist_incomplete', { missing: String(n) })
      }
      const r = applyEvent({ plan: st.plan, plannedAt: st.planned_at }, st.flow, e)
      st.flow = r.state
      if (r.plannedAt) st.planned_at = r.plannedAt
    }
  }
}

/** fold computes state and history from events already in order. */
export function fold(
  events: MemEvent[],
  names: (author: string) => { name: string; fingerprint: string },
  resolve: (key: string) => ProcessTemplate,
): { state: DossierState; history: HistoryEntry[]; errors: Map<string, AppError> } {
  const st = emptyState()
  const errors = new Map<string, AppError>()
  const history: HistoryEntry[] = []
  const tpl = resolve(String(events[0]?.body.template ?? ''))
  for (const e of events) {
    const params: Record<string, string> = {}
    let ignored_code = ''
    try {
      apply(st, e, params, tpl)
    } catch (err) {
      const ae = err instanceof AppError ? err : new AppError('internal', {}, String(err))
      ignored_code = ae.code
      errors.set(e.id, ae)
    }
    st.updated_at = e.at
    const who = names(e.author)
    history.push({
      event: e.id, kind: e.kind, author: e.author, author_name: who.name, fingerprint: who.fingerprint, at: e.at, params,
      ignored: ignored_code !== '', ...(ignored_code ? { ignored_code } : {}),
    })
  }
  st.events = events.length
  st.heads = events.length ? [events[events.length - 1].id] : []
  st.stage = stageOf(st)
  if (st.flow && st.plan) {
    st.tasks = tasksOf(st.flow, st.plan)
    st.override = Boolean(st.flow.execution.override)
  }
  return { state: st, history, errors }
}

/** summarize turns a state into its list row. */
export function summarize(st: DossierState, total: number, systemName: string): DossierSummary {
  const done = Object.values(st.checklist).filter((c) => c.status === 'done' || c.status === 'not_applicable').length
  return {
    id: st.id, title: st.title, system_code: st.system_code, type: st.type, subtype: st.subtype, mode: st.mode,
    version: st.version, stage: st.stage, planned_at: st.planned_at, updated_at: st.updated_at,
    project_manager: st.project_manager, content_refs: st.content.map((c) => `${c.ref} ${c.title}`).sort(),
    checklist_done: done, checklist_total: total, system_name: systemName, phase: st.flow?.phase ?? '',
    tasks: st.tasks ?? [], not_fully_tested: st.not_fully_tested, override: st.override, created_by: st.created_by,
  }
}
