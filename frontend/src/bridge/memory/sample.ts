// The sample portfolio of memoryBridge: a smaller cousin of backend/demo,
// built through the same event log so history and progress look real.
import type { ContentItem, Profile, ProcessTemplate } from '../types'
import { rfc3339 } from './clock'
import type { MemoryDB } from './db'
import type { dossierArea } from './dossiers'
import { STAGE_ORDER } from './fold'
import type { profileArea } from './profiles'
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

export function buildSample(
  db: MemoryDB,
  profiles: ReturnType<typeof profileArea>,
  dossiers: ReturnType<typeof dossierArea>,
  count = 24,
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
  const movers: Record<string, Profile> = {
    approval: pm, execution: byRole.pmo_director ?? pm, confirmation: byRole.release_operator ?? pm, archive: owner,
  }
  const r = rng(now.getUTCFullYear() * 400 + now.getUTCMonth())
  let events = 0
  for (let i = 0; i < count; i++) {
    const sys = data.systems[(i * 5 + 3) % data.systems.length]
    const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + (i % 8) - 5, 1))
    let type = 'upgrade'
    let sub = i % 3 === 1 ? 'bugfix' : 'cr'
    if (i % 11 === 4) [type, sub] = ['new_system', '']
    const mode = i % 7 === 5 ? 'emergency' : 'planned'
    let planned = thursday(month.getUTCFullYear(), month.getUTCMonth(), i % 2 === 1)
    if (mode === 'emergency') planned = new Date(month.getTime() + (2 + r(25)) * DAY + 13 * 3600000)
    const content: ContentItem[] = []
    for (let k = 0; k < 1 + r(3); k++) {
      const y = month.getUTCFullYear()
      if (sub === 'bugfix' || r(4) === 0) content.push({ kind: 'bug', ref: `BUG-${y % 100}${String(month.getUTCMonth() + 1).padStart(2, '0')}-${100 + r(900)}`, title: data.bugs[r(data.bugs.length)] })
      else content.push({ kind: 'cr', ref: `CR-${y}-${100 + r(900)}`, title: data.changes[r(data.changes.length)] })
    }
    const seen = new Set<string>()
    const unique = content.filter((c) => !seen.has(c.ref) && seen.add(c.ref))
    const id = `R${String(now.getUTCFullYear() % 100).padStart(2, '0')}S${String(i + 1).padStart(4, '0')}`
    let at = new Date(planned.getTime() - (21 + r(10)) * DAY)
    const step = (hours: number) => (at = new Date(at.getTime() + hours * 3600000))
    dossiers.append(id, pm, 'dossier.created', {
      template: `${tpl.id}@${tpl.version}`, system_code: sys.code, zone: 'Asia/Shanghai',
      title: `${sys.name} ${data.titles[(type === 'new_system' ? 'new_system' : sub) as keyof typeof data.titles]}`,
      type, subtype: sub, mode, version: `${1 + (i % 4)}.${(i * 3) % 10}.${r(10)}`, content: unique,
      planned_at: rfc3339(planned), project_manager: pm.name, system_owner: data.owners[i % data.owners.length],
    }, at)
    events++
    const days = (planned.getTime() - now.getTime()) / DAY
    let target = days < -20 ? 'archive' : days < -3 ? 'confirmation' : days < 0 ? 'execution' : days < 14 ? 'approval' : days < 40 ? 'preparation' : 'planning'
    if (i % 13 === 12) target = 'planning'
    else if (i % 6 === 3 && days > 0) target = 'preparation'
    const rank = STAGE_ORDER.indexOf(target)
    if (rank >= 1) {
      const n = target === 'preparation' ? 2 + r(tpl.checklist.length - 3) : tpl.checklist.length
      for (let k = 0; k < n; k++) {
        const item = tpl.checklist[k]
        let [status, note] = ['done', data.notes.done]
        if (item.id === 'pre.training' && sub === 'bugfix') [status, note] = ['not_applicable', data.notes.not_applicable_training]
        if (target === 'preparation' && k === n - 1) [status, note] = ['in_progress', data.notes.in_progress]
        dossiers.append(id, k % 2 ? owner : pm, 'checklist.set', { item: item.id, status, note }, step(2 + r(20)))
        events++
      }
    }
    for (let s = 2; s <= rank; s++) {
      const to = STAGE_ORDER[s]
      dossiers.append(id, movers[to] ?? pm, 'stage.advanced', { from: STAGE_ORDER[s - 1], to, note: s === 2 ? data.notes.advance : '' }, step(24))
      events++
    }
    if (i % 4 === 0) {
      dossiers.append(id, owner, 'note.added', { text: data.notes.remark }, step(3))
      events++
    }
  }
  db.current = { ...pm }
  return { profiles: tpl.roles.length, systems: data.systems.length, dossiers: count, events }
}
