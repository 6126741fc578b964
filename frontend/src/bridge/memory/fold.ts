// The fold of a dossier's events into its state and history, mirroring
// backend/dossier/fold.go.
import type { ChecklistEntry, ContentItem, DossierFields, DossierState, DossierSummary, HistoryEntry } from '../types'
import type { MemEvent } from './db'
import { fieldNames } from './validate'

/** The stage track in order. */
export const STAGE_ORDER = ['planning', 'preparation', 'approval', 'execution', 'confirmation', 'archive']

export const stageIndex = (s: string) => STAGE_ORDER.indexOf(s)

function emptyState(): DossierState {
  return {
    id: '', template: '', system_code: '', zone: '', title: '', type: '', subtype: '', mode: '', version: '',
    content: [], planned_at: '0001-01-01T00:00:00Z', project_manager: '', system_owner: '', stage: '',
    checklist: {}, notes: 0, created_at: '', created_by: '', updated_at: '', heads: [], events: 0,
  }
}

function applyFields(st: DossierState, f: DossierFields) {
  for (const k of ['title', 'type', 'subtype', 'mode', 'version', 'project_manager', 'system_owner', 'planned_at'] as const) {
    if (typeof f[k] === 'string') st[k] = f[k] as string
  }
  if (Array.isArray(f.content)) st.content = (f.content as ContentItem[]).map((c) => ({ ...c }))
}

/** apply folds one event into st; false means recorded but not applied. */
function apply(st: DossierState, e: MemEvent, p: Record<string, string>): boolean {
  const b = e.body
  const archived = st.stage === 'archive'
  switch (e.kind) {
    case 'dossier.created':
      if (st.id) return false
      st.id = e.dossier
      st.template = String(b.template ?? '')
      st.system_code = String(b.system_code ?? '')
      st.zone = String(b.zone ?? '')
      st.stage = 'planning'
      st.created_at = e.at
      st.created_by = e.author
      applyFields(st, b as DossierFields)
      p.title = st.title
      p.system = st.system_code
      return true
    case 'dossier.updated':
      if (archived) return false
      p.fields = fieldNames(b as DossierFields).join(',')
      applyFields(st, b as DossierFields)
      return true
    case 'checklist.set': {
      if (archived) return false
      const entry: ChecklistEntry = {
        item: String(b.item), status: String(b.status), note: String(b.note ?? ''), by: e.author, at: e.at, event: e.id,
      }
      p.item = entry.item
      p.status = entry.status
      p.note = entry.note
      st.checklist[entry.item] = entry
      if (st.stage === 'planning') st.stage = 'preparation'
      return true
    }
    case 'stage.advanced':
      p.from = String(b.from ?? '')
      p.to = String(b.to ?? '')
      p.note = String(b.note ?? '')
      if (stageIndex(p.to) !== stageIndex(st.stage) + 1) return false
      st.stage = p.to
      return true
    case 'note.added':
      p.text = String(b.text ?? '')
      st.notes++
      return true
    default:
      return false
  }
}

/** fold computes state and history from events already in order. */
export function fold(events: MemEvent[], names: (author: string) => { name: string; fingerprint: string }): { state: DossierState; history: HistoryEntry[] } {
  const st = emptyState()
  const history: HistoryEntry[] = []
  for (const e of events) {
    const params: Record<string, string> = {}
    const ignored = !apply(st, e, params)
    st.updated_at = e.at
    const who = names(e.author)
    history.push({ event: e.id, kind: e.kind, author: e.author, author_name: who.name, fingerprint: who.fingerprint, at: e.at, params, ignored })
  }
  st.events = events.length
  st.heads = events.length ? [events[events.length - 1].id] : []
  return { state: st, history }
}

/** summarize turns a state into its list row. */
export function summarize(st: DossierState, total: number, systemName: string): DossierSummary {
  const done = Object.values(st.checklist).filter((c) => c.status === 'done' || c.status === 'not_applicable').length
  return {
    id: st.id, title: st.title, system_code: st.system_code, type: st.type, subtype: st.subtype, mode: st.mode,
    version: st.version, stage: st.stage, planned_at: st.planned_at, updated_at: st.updated_at,
    project_manager: st.project_manager, content_refs: st.content.map((c) => `${c.ref} ${c.title}`).sort(),
    checklist_done: done, checklist_total: total, system_name: systemName,
  }
}
