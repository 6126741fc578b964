import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { bridge, type ChecklistItem, type ProcessTemplate } from '@/bridge'

/** The process template new dossiers pin, with lookups by id. */
export const useTemplateStore = defineStore('template', () => {
  const template = ref<ProcessTemplate | null>(null)

  async function load() {
    template.value = await bridge().template.current()
  }

  const key = computed(() => (template.value ? `${template.value.id}@${template.value.version}` : ''))
  const stages = computed(() => template.value?.stages ?? [])
  const releaseTypes = computed(() => template.value?.release_types ?? [])
  const modes = computed(() => template.value?.modes ?? [])
  const roles = computed(() => template.value?.roles ?? [])
  const departments = computed(() => template.value?.departments ?? [])
  const checklist = computed(() => template.value?.checklist ?? [])

  const byId = <T extends { id: string }>(list: T[], id: string) => list.find((x) => x.id === id)
  const stage = (id: string) => byId(stages.value, id)
  const releaseType = (id: string) => byId(releaseTypes.value, id)
  const mode = (id: string) => byId(modes.value, id)
  const role = (id: string) => byId(roles.value, id)
  const department = (id: string) => byId(departments.value, id)
  const checklistItem = (id: string) => byId(checklist.value, id)
  const subtype = (typeId: string, id: string) => byId(releaseType(typeId)?.subtypes ?? [], id)

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
    template, key, stages, releaseTypes, modes, roles, departments, checklist, groups,
    load, stage, releaseType, mode, role, department, checklistItem, subtype,
  }
})
