import { defineStore } from 'pinia'
import { computed, ref, shallowReactive } from 'vue'
import {
  bridge, type ChecklistItem, type Deliverable, type ProcessTemplate, type Step, type StepItem, type TemplateInfo, type TemplateProblem,
} from '@/bridge'

const keyOf = (t: ProcessTemplate) => `${t.id}@${t.version}`

/**
 * The process template new dossiers pin, with lookups by id; the stored
 * versions (for the template editor); and the versions open dossiers
 * pinned, so their steps, items and deliverables are named as they were.
 */
export const useTemplateStore = defineStore('template', () => {
  const template = ref<ProcessTemplate | null>(null)
  const versions = ref<TemplateInfo[]>([])
  /** Templates by key: the current one and every version fetched since. */
  const byKey = shallowReactive(new Map<string, ProcessTemplate>())

  async function load() {
    template.value = await bridge().template.current()
    byKey.set(keyOf(template.value), template.value)
  }

  async function loadVersions() {
    versions.value = await bridge().template.list()
    return versions.value
  }

  /** get returns the version key, fetched once. */
  async function get(key: string): Promise<ProcessTemplate> {
    const have = byKey.get(key)
    if (have) return have
    const t = await bridge().template.get(key)
    byKey.set(key, t)
    return t
  }

  async function validate(t: ProcessTemplate): Promise<TemplateProblem[]> {
    return bridge().template.validate(t)
  }

  /** save stores an edited copy as a new version; with makeCurrent new dossiers pin it. */
  async function save(t: ProcessTemplate, makeCurrent: boolean) {
    const info = await bridge().template.save(t, makeCurrent)
    byKey.set(info.key, t)
    if (makeCurrent) await load()
    await loadVersions()
    return info
  }

  async function setCurrent(key: string) {
    await bridge().template.setCurrent(key)
    await Promise.all([load(), loadVersions()])
  }

  async function exportVersion(key: string) {
    return bridge().template.exportToDialog(key)
  }

  async function importVersion() {
    const info = await bridge().template.importFromDialog()
    if (info) await loadVersions()
    return info
  }

  const key = computed(() => (template.value ? keyOf(template.value) : ''))
  const stages = computed(() => template.value?.stages ?? [])
  const releaseTypes = computed(() => template.value?.release_types ?? [])
  const modes = computed(() => template.value?.modes ?? [])
  const roles = computed(() => template.value?.roles ?? [])
  const departments = computed(() => template.value?.departments ?? [])
  const checklist = computed(() => template.value?.checklist ?? [])
  /** The kinds of change out of the process's scope (template data; none in older templates). */
  const exclusions = computed(() => template.value?.exclusions ?? [])

  /** all lists the current template first, then the other versions known. */
  const all = (): ProcessTemplate[] => {
    const cur = template.value
    return [...(cur ? [cur] : []), ...[...byKey.values()].filter((t) => t !== cur)]
  }
  const find = <T>(pick: (t: ProcessTemplate) => T | undefined): T | undefined => {
    for (const t of all()) {
      const v = pick(t)
      if (v !== undefined) return v
    }
    return undefined
  }
  const byId = <T extends { id: string }>(list: T[] | undefined, id: string) => list?.find((x) => x.id === id)
  const stage = (id: string) => find((t) => byId(t.stages, id))
  const releaseType = (id: string) => find((t) => byId(t.release_types, id))
  const mode = (id: string) => find((t) => byId(t.modes, id))
  const role = (id: string) => find((t) => byId(t.roles, id))
  const department = (id: string) => find((t) => byId(t.departments, id))
  const checklistItem = (id: string) => find((t) => byId(t.checklist, id))
  const subtype = (typeId: string, id: string) => byId(releaseType(typeId)?.subtypes ?? [], id)
  const document = (id: string) => find((t) => byId(t.documents, id))
  const exclusion = (id: string) => find((t) => byId(t.exclusions ?? [], id))

  /** Every step of every flow, with the modes' signature steps. */
  const stepsOf = (t: ProcessTemplate): Step[] => [...t.flows.flatMap((f) => f.steps), ...t.modes.flatMap((m) => (m.signature_step ? [m.signature_step] : []))]
  const step = (id: string) => find((t) => byId(stepsOf(t), id))
  /** An approval item of any step, row or mode (ids are unique within a template). */
  const stepItem = (id: string): StepItem | undefined =>
    find((t) => byId([
      ...stepsOf(t).flatMap((s) => [...(s.items ?? []), ...(s.rows ?? []).flatMap((r) => r.items ?? [])]),
      ...t.modes.flatMap((m) => m.confirmation_items ?? []),
    ], id))
  const deliverable = (id: string): Deliverable | undefined =>
    find((t) => byId(stepsOf(t).flatMap((s) => [...(s.deliverables ?? []), ...(s.rows ?? []).flatMap((r) => r.deliverables ?? [])]), id))

  /** groups splits the checklist into preconditions and plans, in template order. */
  const groups = computed(() => {
    const out: { id: string; items: ChecklistItem[] }[] = []
    for (const it of checklist.value) {
      let g = out.find((x) => x.id === it.group)
      if (!g) out.push((g = { id: it.group, items: [] }))
      g.items.push(it)
    }
    return out
  })

  return {
    template, versions, key, stages, releaseTypes, modes, roles, departments, checklist, groups, exclusions, exclusion,
    load, loadVersions, get, validate, save, setCurrent, exportVersion, importVersion,
    stage, releaseType, mode, role, department, checklistItem, subtype, document, step, stepItem, deliverable,
  }
})
