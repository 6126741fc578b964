// A workflow fixture for component specs: one local profile per role (as
// on a shared laptop), a system, and an upgrade dossier driven through the
// in-memory bridge — the same calls the UI makes, each by the profile that
// holds the role it needs.
import type { Answer, DossierView, Profile, ProcessTemplate, StepItem } from '@/bridge'
import type { MemoryBridge } from '@/bridge/memory'
import { useSessionStore } from '@/stores/session'
import { freshBridge, ready } from './mount'
import defaultTemplate from '../../../backend/template/default.json'

export const PASS = 'correct horse'
export const template = defaultTemplate as unknown as ProcessTemplate

/** The template's names, for assertions that read what a user sees. */
export const zh = (t: { zh: string } | undefined) => t?.zh ?? ''
export const upgradeFlow = () => template.flows.find((f) => f.id === 'upgrade')!
export const stepOf = (id: string) => template.flows.flatMap((f) => f.steps).find((s) => s.id === id)!

const yes = (items: StepItem[] | undefined): Record<string, Answer> => Object.fromEntries((items ?? []).map((it) => [it.id, { yes: true, remark: '' }]))

export interface Fixture {
  b: MemoryBridge
  people: Record<string, Profile>
  /** as unlocks the profile holding role (its passphrase is known) and refreshes the session. */
  as(role: string): Promise<Profile>
  /** dossier creates a planned upgrade (or mode) dossier with its checklist done, as the system owner. */
  dossier(opts?: { mode?: string; title?: string }): Promise<string>
  attach(id: string, deliverable: string, name?: string, content?: string): Promise<DossierView>
  /** submit attaches the start step's required deliverables and submits with every item answered yes. */
  submit(id: string): Promise<DossierView>
  /** approve decides every pending slot of the current approval step (or only those of roles). */
  approve(id: string, roles?: string[]): Promise<DossierView>
  /** toConfirmed drives a submitted dossier through every approval, execution and confirmation. */
  toConfirmed(id: string): Promise<DossierView>
}

/** ROLES every spec may act as; each gets a profile named after the role. */
const ROLES = template.roles.map((r) => r.id)

export async function workflowFixture(opts: { now?: () => Date; extraRoles?: Record<string, string[]> } = {}): Promise<Fixture> {
  const b = freshBridge({ now: opts.now })
  const people: Record<string, Profile> = {}
  for (const role of ROLES) {
    const name = zh(template.roles.find((r) => r.id === role)?.name)
    people[role] = await b.profiles.create({ name, department: 'D', roles: [role, ...(opts.extraRoles?.[role] ?? [])], passphrase: PASS })
  }
  const as = async (role: string) => {
    const p = await b.profiles.unlock(people[role].id, PASS)
    await useSessionStore().load()
    return p
  }
  await as('system_owner')
  await ready()
  await b.systems.create({ code: 'CRM', name: 'CRM', department: 'Biz', owner: 'Li', class: 'java', web_facing: false, calls: [], updated_at: '' })

  const view = (id: string) => b.dossiers.get(id)
  const attach = (id: string, deliverable: string, name = `${deliverable}.pdf`, content = `${deliverable} v1`) =>
    b.dossiers.attachUpload(id, deliverable, name, btoa(unescape(encodeURIComponent(content))), '')

  /** The first open release window for CRM's class after today: a planned upgrade must target one. */
  async function openWindow() {
    const today = new Date(Date.now() + 8 * 3600000).toISOString().slice(0, 10)
    const y = Number(today.slice(0, 4))
    for (const year of [y, y + 1]) {
      const w = (await b.windows.year(year)).in_force.windows.find((x) => x.class === 'java' && x.state === 'open' && x.date > today)
      if (w) return w
    }
    throw new Error('no open window')
  }

  async function dossier(o: { mode?: string; title?: string } = {}) {
    await as('system_owner')
    const mode = o.mode ?? 'planned'
    const win = mode === 'planned' ? await openWindow() : null
    const v = await b.dossiers.create({
      system_code: 'CRM', title: o.title ?? 'CRM upgrade', type: 'upgrade', subtype: 'cr', mode, version: '2.3.0',
      content: [{ kind: 'cr', ref: 'CR-2026-118', title: 'x' }], planned_at: win ? `${win.date}T${win.start}` : '2026-12-10T21:00',
      project_manager: 'Zhang', system_owner: 'Li', ...(win ? { window: win.id } : {}),
    })
    for (const it of template.checklist) await b.dossiers.setChecklist(v.state.id, it.id, 'done', 'ok')
    return v.state.id
  }

  async function submit(id: string) {
    await as('system_owner')
    const start = (await view(id)).state.plan!.steps[0]
    for (const d of start.deliverables ?? []) if (d.required) await attach(id, d.id)
    return b.dossiers.submit(id, yes(start.items), '')
  }

  async function approve(id: string, roles?: string[]) {
    let v = await view(id)
    const pending = v.state.flow!.slots.filter((s) => s.status === 'pending' && (!roles || roles.includes(s.role)))
    for (const s of pending) {
      await as(s.role)
      const step = v.state.plan!.steps.find((x) => x.id === s.step)!
      const spec = s.row ? step.rows!.find((r) => r.id === s.row)! : step
      for (const d of spec.deliverables ?? []) {
        if (!d.required || v.state.flow!.deliverables?.[d.id]?.length) continue
        v = d.hash_only ? await b.dossiers.recordPackageFromDialog(id, d.id) : await attach(id, d.id)
      }
      v = await b.dossiers.decide(id, { step: s.step, row: s.row ?? '', decision: 'approve', return_to: '', comment: '', answers: yes(spec.items) })
    }
    return v
  }

  async function toConfirmed(id: string) {
    let v = await view(id)
    while (v.state.flow!.phase === 'approval') v = await approve(id)
    await as('release_operator')
    await b.dossiers.saveRunbook(id, [{ no: 1, action: 'deploy', planned_at: '', started_at: '', ended_at: '', operator: 'op', result: 'ok', notes: '' }], [])
    await b.dossiers.checkPackageFromDialog(id)
    await b.dossiers.release(id, '')
    await as('release_supervisor')
    v = await b.dossiers.supervise(id, '')
    const confirm = v.state.plan!.steps.find((s) => s.kind === 'confirmation' || s.kind === 'execution')!
    await as(confirm.role!)
    for (const d of confirm.deliverables ?? []) if (d.required) await attach(id, d.id)
    return b.dossiers.confirm(id, true, yes([...(confirm.items ?? []), ...(v.state.plan!.confirmation_items ?? [])]), '', '')
  }

  return { b, people, as, dossier, attach, submit, approve, toConfirmed }
}
