// Field validation of dossier headers, mirroring backend/dossier/validate.go.
import { AppError } from '../errors'
import type { ContentItem, DossierFields, DossierState, ProcessTemplate } from '../types'
import { parseTime, rfc3339 } from './clock'

type StringField = Exclude<keyof DossierFields, 'content'>

const REQUIRED: [StringField, string][] = [
  ['title', 'dossier.title_required'],
  ['version', 'dossier.version_required'],
  ['project_manager', 'dossier.pm_required'],
  ['system_owner', 'dossier.owner_required'],
  ['planned_at', 'dossier.time_required'],
]

/**
 * validateFields trims and checks f against tpl; with all set every field
 * must be present (a new dossier). It returns the normalised patch.
 */
export function validateFields(tpl: ProcessTemplate, input: DossierFields, all: boolean): DossierFields {
  const f: DossierFields = { ...input }
  for (const k of ['title', 'type', 'subtype', 'mode', 'version', 'planned_at', 'project_manager', 'system_owner'] as StringField[]) {
    if (f[k] !== undefined) f[k] = String(f[k]).trim()
  }
  for (const [k, code] of REQUIRED) {
    if ((f[k] === undefined && all) || f[k] === '') throw new AppError(code)
  }
  if (f.title !== undefined && [...f.title].length > 200) throw new AppError('dossier.title_too_long', { max: '200' })
  if (all && f.type === undefined) throw new AppError('dossier.bad_type', { type: '' })
  if (f.type !== undefined) {
    const rt = tpl.release_types.find((r) => r.id === f.type)
    if (!rt) throw new AppError('dossier.bad_type', { type: f.type })
    const sub = f.subtype ?? ''
    const subs = rt.subtypes ?? []
    if ((subs.length === 0 && sub !== '') || (subs.length > 0 && !subs.some((s) => s.id === sub))) {
      throw new AppError('dossier.bad_subtype', { subtype: sub })
    }
    f.subtype = sub
  } else if (f.subtype !== undefined) {
    throw new AppError('dossier.bad_subtype', { subtype: f.subtype })
  }
  if (all && f.mode === undefined) throw new AppError('dossier.bad_mode', { mode: '' })
  if (f.mode !== undefined && !tpl.modes.some((m) => m.id === f.mode)) throw new AppError('dossier.bad_mode', { mode: f.mode })
  if (f.planned_at !== undefined) f.planned_at = rfc3339(parseTime(f.planned_at))
  if (f.content !== undefined) f.content = validateContent(f.content)
  else if (all) f.content = []
  return f
}

function validateContent(rows: ContentItem[]): ContentItem[] {
  const out: ContentItem[] = []
  const seen = new Set<string>()
  rows.forEach((r, i) => {
    const c = { kind: (r.kind ?? '').trim(), ref: (r.ref ?? '').trim(), title: (r.title ?? '').trim() }
    if (c.ref === '' && c.title === '') return
    const row = String(i + 1)
    let problem = ''
    if (c.kind !== 'cr' && c.kind !== 'bug') problem = 'kind'
    else if (c.ref === '') problem = 'ref'
    else if (c.title === '') problem = 'title'
    else if (seen.has(c.ref)) problem = 'duplicate'
    if (problem) throw new AppError('dossier.bad_content', { row, problem })
    seen.add(c.ref)
    out.push(c)
  })
  return out
}

/** changedOnly drops the fields of p that already hold their value in st. */
export function changedOnly(st: DossierState, p: DossierFields): DossierFields {
  const out: DossierFields = {}
  for (const k of ['title', 'type', 'mode', 'version', 'project_manager', 'system_owner'] as StringField[]) {
    if (p[k] !== undefined && p[k] !== st[k]) out[k] = p[k]
  }
  if (p.subtype !== undefined && (out.type !== undefined || p.subtype !== st.subtype)) out.subtype = p.subtype
  if (p.planned_at !== undefined && parseTime(p.planned_at).getTime() !== parseTime(st.planned_at).getTime()) {
    out.planned_at = p.planned_at
  }
  if (p.content !== undefined && JSON.stringify(p.content) !== JSON.stringify(st.content)) out.content = p.content
  return out
}

/** fieldNames lists the keys a patch sets, in the backend's order. */
export function fieldNames(f: DossierFields): string[] {
  const order: (keyof DossierFields)[] = ['title', 'type', 'subtype', 'mode', 'version', 'content', 'planned_at', 'project_manager', 'system_owner']
  return order.filter((k) => f[k] !== undefined)
}
