import { reactive, ref } from 'vue'
import { isCode, type DossierFields } from '@/bridge'
import { useDossiersStore } from '@/stores/dossiers'

export type SaveState = 'idle' | 'saving' | 'saved' | 'error'

/**
 * useFieldSaver saves a dossier's header fields one at a time, as the user
 * finishes each: only the changed keys are sent. It keeps a per-field error
 * and an overall state for a subtle "saving… / saved" mark.
 */
export function useFieldSaver(dossierId: () => string) {
  const store = useDossiersStore()
  const errors = reactive<Record<string, unknown>>({})
  const state = ref<SaveState>('idle')

  async function save(field: string, patch: DossierFields) {
    delete errors[field]
    state.value = 'saving'
    try {
      await store.update(dossierId(), patch)
      state.value = 'saved'
    } catch (e) {
      if (isCode(e, 'dossier.nothing_changed')) {
        state.value = 'saved'
        return
      }
      errors[field] = e
      state.value = 'error'
    }
  }

  return { errors, state, save }
}
