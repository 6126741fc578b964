// The template registry of memoryBridge, mirroring backend/templates and
// the checks of template.Validate (release windows excepted).
import { AppError } from '../errors'
import type { Bridge, Deliverable, ProcessTemplate, Step, StepItem, TemplateProblem, Text } from '../types'
import { rfc3339 } from './clock'
import { clone, type MemoryDB } from './db'

const KINDS = ['start', 'sequential', 'countersign', 'filing', 'execution', 'confirmation', 'postpone']

/** validateTemplate mirrors template.Validate for everything but the release windows. */
export function validateTemplate(t: ProcessTemplate): TemplateProblem[] {
  const problems: TemplateProblem[] = []
  const add = (code: string, path: string, params?: Record<string, string>) => problems.push({ code: `template.${code}`, path, ...(params ? { params } : {}) })
  const join = (p: string, f: string) => (p ? `${p}.${f}` : f)
  const idx = (n: string, i: number) => `${n}[${i}]`
  const ids = (list: { id: string }[] | undefined) => new Set((list ?? []).map((x) => x.id).filter(Boolean))
  const roles = ids(t.roles)
  const depts = ids(t.departments)
  const docs = ids(t.documents)
  const flows = ids(t.flows)
  const rtypes = ids(t.release_types)
  const items = new Set<string>()
  const delivs = new Set<string>()
  const required = (p: string, f: string, v: string | undefined) => !(v ?? '').trim() && add('missing_field', join(p, f), { field: f })
  const requiredText = (p: string, f: string, v: Text | undefined) => !(v?.zh ?? '').trim() && !(v?.en ?? '').trim() && add('missing_field', join(p, f), { field: f })
  const unique = (seen: Set<string>, scope: string, p: string, id: string) => {
    if (!(id ?? '').trim()) return add('missing_field', join(p, 'id'), { field: 'id' })
    if (seen.has(id)) return add('duplicate_id', join(p, 'id'), { id, scope })
    seen.add(id)
  }
  const role = (p: string, id?: string) => id && !roles.has(id) && add('unknown_role', p, { role: id })
  const department = (p: string, id?: string) => id && !depts.has(id) && add('unknown_department', p, { department: id })
  const document = (p: string, id?: string) => id && !docs.has(id) && add('unknown_document', p, { document: id })
  const increasing = (p: string, no: number, prev: number) => (no <= prev || no < 1) && add('bad_number', p, { no: String(no), after: String(prev) })
  const itemList = (p: string, list?: StepItem[]) => (list ?? []).forEach((it, k) => {
    const ip = join(p, idx('items', k))
    unique(items, 'item', ip, it.id)
    requiredText(ip, 'text', it.text)
  })
  const deliverableList = (p: string, list?: Deliverable[]) => (list ?? []).forEach((d, k) => {
    const dp = join(p, idx('deliverables', k))
    unique(delivs, 'deliverable', dp, d.id)
    requiredText(dp, 'name', d.name)
    document(join(dp, 'document'), d.document)
  })
  const step = (seen: Set<string>, p: string, s: Step) => {
    unique(seen, 'step', p, s.id)
    requiredText(p, 'name', s.name)
    if (!KINDS.includes(s.kind)) add('bad_step_kind', join(p, 'kind'), { kind: s.kind })
    department(join(p, 'department'), s.department)
    if (s.kind === 'countersign') {
      if (!s.rows?.length) add('empty_countersign', join(p, 'rows'), { step: s.id })
      role(join(p, 'role'), s.role)
    } else if (!s.role) add('step_no_actor', join(p, 'role'), { step: s.id })
    else role(join(p, 'role'), s.role)
    if (s.kind === 'filing' && !s.filed_to?.length) add('missing_field', join(p, 'filed_to'), { field: 'filed_to' })
    ;(s.filed_to ?? []).forEach((r, k) => role(join(p, idx('filed_to', k)), r))
    itemList(p, s.items)
    deliverableList(p, s.deliverables)
    const rows = new Set<string>()
    ;(s.rows ?? []).forEach((r, k) => {
      const rp = join(p, idx('rows', k))
      unique(rows, 'row', rp, r.id)
      if (!r.role) add('empty_countersign', join(rp, 'role'), { step: s.id })
      else role(join(rp, 'role'), r.role)
      itemList(rp, r.items)
      deliverableList(rp, r.deliverables)
    })
  }

  required('', 'id', t.id)
  required('', 'version', t.version)
  requiredText('', 'name', t.name)
  ;(t.revisions ?? []).forEach((r, i) => {
    const p = idx('revisions', i)
    required(p, 'version', r.version)
    if (!r.date) add('missing_field', join(p, 'date'), { field: 'date' })
    else if (!/^\d{4}-\d{2}-\d{2}$/.test(r.date)) add('bad_date', join(p, 'date'), { date: r.date })
  })
  let seen = new Set<string>()
  ;(t.stages ?? []).forEach((s, i) => {
    unique(seen, 'stage', idx('stages', i), s.id)
    requiredText(idx('stages', i), 'name', s.name)
  })
  seen = new Set()
  ;(t.release_types ?? []).forEach((rt, i) => {
    const p = idx('release_types', i)
    unique(seen, 'release_type', p, rt.id)
    requiredText(p, 'name', rt.name)
    const sub = new Set<string>()
    ;(rt.subtypes ?? []).forEach((o, j) => {
      unique(sub, 'subtype', join(p, idx('subtypes', j)), o.id)
      requiredText(join(p, idx('subtypes', j)), 'name', o.name)
    })
    if (!rt.flow_id) add('missing_field', join(p, 'flow_id'), { field: 'flow_id' })
    else if (!flows.has(rt.flow_id)) add('no_flow', join(p, 'flow_id'), { flow: rt.flow_id })
  })
  seen = new Set()
  ;(t.modes ?? []).forEach((m, i) => {
    const p = idx('modes', i)
    unique(seen, 'mode', p, m.id)
    requiredText(p, 'name', m.name)
    role(join(p, 'signature_role'), m.signature_role)
    if (m.signature_step) {
      const sp = join(p, 'signature_step')
      step(new Set(), sp, m.signature_step)
      if (m.signature_step.kind !== 'sequential') add('bad_step_kind', join(sp, 'kind'), { kind: m.signature_step.kind })
    }
    itemList(join(p, 'confirmation_items'), m.confirmation_items)
  })
  seen = new Set()
  ;(t.departments ?? []).forEach((d, i) => {
    const p = idx('departments', i)
    unique(seen, 'department', p, d.id)
    requiredText(p, 'name', d.name)
    department(join(p, 'parent'), d.parent)
  })
  seen = new Set()
  ;(t.roles ?? []).forEach((r, i) => {
    const p = idx('roles', i)
    unique(seen, 'role', p, r.id)
    requiredText(p, 'name', r.name)
    department(join(p, 'department'), r.department)
  })
  seen = new Set()
  const lastNo: Record<string, number> = {}
  ;(t.checklist ?? []).forEach((c, i) => {
    const p = idx('checklist', i)
    unique(seen, 'checklist', p, c.id)
    requiredText(p, 'title', c.title)
    if (c.group !== 'precondition' && c.group !== 'plan') add('bad_group', join(p, 'group'), { group: c.group })
    else {
      increasing(join(p, 'no'), c.no, lastNo[c.group] ?? 0)
      lastNo[c.group] = c.no
    }
    document(join(p, 'document'), c.document)
  })
  seen = new Set()
  ;(t.documents ?? []).forEach((d, i) => {
    const p = idx('documents', i)
    unique(seen, 'document', p, d.id)
    requiredText(p, 'name', d.name)
    increasing(join(p, 'no'), d.no, i > 0 ? t.documents[i - 1].no : 0)
  })
  seen = new Set()
  ;(t.flows ?? []).forEach((f, i) => {
    const p = f.id && !seen.has(f.id) ? `flows[${f.id}]` : idx('flows', i)
    unique(seen, 'flow', p, f.id)
    requiredText(p, 'name', f.name)
    if (!f.release_type) add('missing_field', join(p, 'release_type'), { field: 'release_type' })
    else if (!rtypes.has(f.release_type)) add('unknown_release_type', join(p, 'release_type'), { release_type: f.release_type })
    if (!f.steps?.length) add('missing_field', join(p, 'steps'), { field: 'steps' })
    const steps = new Set<string>()
    ;(f.steps ?? []).forEach((s, j) => step(steps, join(p, idx('steps', j)), s))
    if (f.steps?.length) {
      const count: Record<string, number> = {}
      let approvalDone = false
      f.steps.forEach((s, j) => {
        count[s.kind] = (count[s.kind] ?? 0) + 1
        const sp = join(p, idx('steps', j) + '.kind')
        if (s.kind === 'start' && j !== 0) add('flow_shape', sp, { problem: 'start_not_first' })
        if ((s.kind === 'sequential' || s.kind === 'countersign') && approvalDone) add('flow_shape', sp, { problem: 'approval_after_release' })
        if (['filing', 'execution', 'confirmation', 'postpone'].includes(s.kind)) approvalDone = true
      })
      const n = (k: string) => count[k] ?? 0
      if (n('start') === 0) add('flow_shape', join(p, 'steps[0].kind'), { problem: 'no_start' })
      if (n('execution') + n('confirmation') !== 1) add('flow_shape', join(p, 'steps'), { problem: 'one_confirmation' })
      if (n('filing') > 1 || n('postpone') > 1 || n('start') > 1) add('flow_shape', join(p, 'steps'), { problem: 'duplicate_kind' })
    }
    const bad = (f.steps ?? []).findIndex((s, j) => s.no !== j + 1)
    if (bad >= 0) add('step_order', join(p, idx('steps', bad) + '.no'), { no: String(f.steps[bad].no), want: String(bad + 1) })
  })
  const st = t.settings ?? ({} as ProcessTemplate['settings'])
  ;(st.archive_roles ?? []).forEach((r, i) => role(idx('settings.archive_roles', i), r))
  if (!st.archive_roles?.length) add('missing_field', 'settings.archive_roles', { field: 'archive_roles' })
  for (const [name, r] of [['release_operator_role', st.release_operator_role], ['supervisor_role', st.supervisor_role], ['template_editor_role', st.template_editor_role]]) {
    if (!r) add('missing_field', `settings.${name}`, { field: name })
    else role(`settings.${name}`, r)
  }
  if (!st.approvals_carry_over) add('missing_field', 'settings.approvals_carry_over', { field: 'approvals_carry_over' })
  else if (!['all_unless_changed', 'none'].includes(st.approvals_carry_over)) {
    add('bad_setting', 'settings.approvals_carry_over', { setting: 'approvals_carry_over', value: st.approvals_carry_over })
  }
  return problems
}

export const keyOf = (t: ProcessTemplate) => `${t.id}@${t.version}`

export function templateArea(db: MemoryDB): Bridge['template'] {
  const get = (key: string) => {
    const t = db.templates.get(key)
    if (!t) throw new AppError('template.not_found', { key })
    return t
  }
  const currentKey = () => keyOf(db.template)
  const store = (t: ProcessTemplate, makeCurrent: boolean) => {
    const me = db.current
    if (!me) throw new AppError('profile.locked')
    const want = db.template.settings.template_editor_role
    if (!me.roles.includes(want)) throw new AppError('template.not_permitted', { role: want })
    const problems = validateTemplate(t)
    if (problems.length) throw new AppError('template.invalid', { count: String(problems.length) })
    const key = keyOf(t)
    if (db.templates.has(key)) throw new AppError('template.version_exists', { key })
    const info = { key, id: t.id, version: t.version, name: clone(t.name), builtin: false, current: false, saved_at: rfc3339(db.now()), saved_by: me.name }
    db.templates.set(key, { template: clone(t), info })
    if (makeCurrent) db.template = clone(t)
    return { ...clone(info), current: makeCurrent }
  }
  return {
    async current() {
      return clone(db.template)
    },
    async list() {
      const cur = currentKey()
      const all = [...db.templates.values()].map((x) => ({ ...clone(x.info), current: x.info.key === cur }))
      return [...all.filter((x) => x.builtin), ...all.filter((x) => !x.builtin).sort((a, b) => a.key.localeCompare(b.key))]
    },
    async get(key) {
      return clone(get(key).template)
    },
    async validate(t) {
      return validateTemplate(t)
    },
    async save(t, makeCurrent) {
      return store(t, makeCurrent)
    },
    async setCurrent(key) {
      db.template = clone(get(key).template)
    },
    async exportToDialog(key) {
      const t = get(key).template
      const path = `${db.dataDir}/exports/${key}.json`
      db.written.set(path, new TextEncoder().encode(JSON.stringify(t, null, 2)))
      return path
    },
    async importFromDialog() {
      const f = db.pick('import')
      if (!f) return null
      let t: ProcessTemplate
      try {
        t = JSON.parse(new TextDecoder().decode(f.data)) as ProcessTemplate
      } catch {
        throw new AppError('template.bad_json')
      }
      return store(t, false)
    },
  }
}
