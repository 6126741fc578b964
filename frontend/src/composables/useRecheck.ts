import { watch, type Ref } from 'vue'
import { isCode, toAppError, type AppError } from '@/bridge'

/** RecheckOptions narrow when a shown refusal is asked about again. */
export interface RecheckOptions {
  /** Asks only while this holds (say, the refusal came from the approve button). */
  when?: () => boolean
}

/**
 * useRecheck keeps a shown refusal true to the dossier. While `error` holds
 * the refusal of an action, every change of what `watched` returns (the
 * dossier's event count, the answers being given) asks the backend again
 * with `ask`, which judges the action without doing it (DossierAPI.Check…).
 * When the backend would now accept it the refusal disappears; otherwise the
 * backend's new refusal replaces it, naming only what is still missing. The
 * rule stays in Go: nothing here decides what is missing.
 */
export function useRecheck(error: Ref<AppError | null>, watched: () => unknown, ask: () => Promise<unknown>, opts: RecheckOptions = {}) {
  let asked = 0
  watch(
    watched,
    async () => {
      const shown = error.value
      if (!shown || (opts.when && !opts.when())) return
      const mine = ++asked
      let next: AppError | null = null
      try {
        await ask()
      } catch (e) {
        next = toAppError(e)
      }
      // A later question, or a new refusal from the button, wins over this answer.
      if (mine === asked && error.value === shown) error.value = next
    },
    { deep: true },
  )
}

/** The refusals that name what is missing, by kind ("checklist", "items", "deliverables"). */
const NAMING = ['workflow.incomplete', 'dossier.checklist_incomplete']

/**
 * refusedIds lists the ids a refusal names as missing under k: checklist
 * items, approval items or deliverables (empty for any other error).
 */
export function refusedIds(error: unknown, k: 'checklist' | 'items' | 'deliverables'): string[] {
  if (!NAMING.some((c) => isCode(error, c))) return []
  return ((error as AppError).params[k] ?? '').split(',').filter(Boolean)
}
