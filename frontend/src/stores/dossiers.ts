import { defineStore } from 'pinia'
import { computed, reactive, ref } from 'vue'
import { bridge, type DossierCreateRequest, type DossierFields, type DossierFilter, type DossierSummary, type DossierView } from '@/bridge'
import { useTemplateStore } from './template'

const emptyFilter = (): DossierFilter => ({ stage: '', system_code: '', type: '', mode: '', month: '', text: '' })

/** The dossier list with its filter, and the dossier open on its page. */
export const useDossiersStore = defineStore('dossiers', () => {
  const filter = reactive<DossierFilter>(emptyFilter())
  const list = ref<DossierSummary[]>([])
  const loading = ref(false)
  const current = ref<DossierView | null>(null)
  let seq = 0

  const filtered = computed(() => Object.values(filter).some((v) => v !== ''))

  /** load fetches the list for the current filter; a later call wins over an earlier one. */
  async function load() {
    const mine = ++seq
    loading.value = true
    try {
      const rows = await bridge().dossiers.list({ ...filter })
      if (mine === seq) list.value = rows
    } finally {
      if (mine === seq) loading.value = false
    }
  }

  function resetFilter() {
    Object.assign(filter, emptyFilter())
  }

  async function open(id: string) {
    current.value = null
    current.value = await bridge().dossiers.get(id)
    return current.value
  }

  /** changed keeps the open dossier and the list in step with the backend's answer. */
  async function changed(v: DossierView) {
    current.value = v
    await load()
    return v
  }

  async function create(req: DossierCreateRequest) {
    return changed(await bridge().dossiers.create(req))
  }

  /** update sends only the fields in patch. */
  async function update(id: string, patch: DossierFields) {
    return changed(await bridge().dossiers.update(id, patch))
  }

  async function setChecklist(id: string, item: string, status: string, note: string) {
    return changed(await bridge().dossiers.setChecklist(id, item, status, note))
  }

  async function advance(id: string, to: string, note: string) {
    return changed(await bridge().dossiers.advance(id, to, note))
  }

  async function addNote(id: string, text: string) {
    return changed(await bridge().dossiers.addNote(id, text))
  }

  /** progress of the open dossier: items done or not applicable, of the template's total. */
  const progress = computed(() => {
    const items = useTemplateStore().checklist
    const cl = current.value?.state.checklist ?? {}
    const done = items.filter((it) => ['done', 'not_applicable'].includes(cl[it.id]?.status ?? '')).length
    return { done, total: items.length }
  })

  return { filter, filtered, list, loading, current, progress, load, resetFilter, open, create, update, setChecklist, advance, addNote }
})
