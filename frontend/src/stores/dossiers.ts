import { defineStore } from 'pinia'
import { computed, reactive, ref, shallowRef } from 'vue'
import {
  bridge, type Answer, type DecideRequest, type DossierCreateRequest, type DossierFields, type DossierFilter, type DossierSummary,
  type DossierView, type OnCall, type OutOfScopeRequest, type Picked, type PostReviewRequest, type RunbookRow, type SameDayTestRequest, type TestRow, type TrialIssueRequest,
} from '@/bridge'
import { afterPaint, PAINT_AT_MOST_MS } from '@/lib/perf'
import { share } from '@/lib/share'
import { useInboxStore } from './inbox'
import { useNoticesStore } from './notices'

const emptyFilter = (): DossierFilter => ({ stage: '', system_code: '', type: '', mode: '', month: '', text: '' })

/** PAGE_SIZE is how many dossiers the list screen shows at a time. */
export const PAGE_SIZE = 15

/**
 * PRIME_FRESH_MS is how long a dossier's view asked for ahead of its page
 * (prime) may serve that page: the time between pressing a row and its
 * click, with room to spare; a later opening reads the dossier again.
 */
export const PRIME_FRESH_MS = 2000

/**
 * The dossier list screen, one page at a time, with its filter, and the
 * dossier open on its page. A folder may hold tens of thousands of
 * dossiers: only the page shown is fetched (DossierAPI.Page).
 */
export const useDossiersStore = defineStore('dossiers', () => {
  const filter = reactive<DossierFilter>(emptyFilter())
  /** rows are the dossiers of the page shown, latest planned first. */
  const rows = ref<DossierSummary[]>([])
  /** total is how many dossiers pass the filter, on every page. */
  const total = ref(0)
  /** page is the page shown or being fetched, from 1. */
  const page = ref(1)
  const pageSize = ref(PAGE_SIZE)
  const loading = ref(false)
  /** pending is true while the page shown came from the index before the backend checked it (a large folder opening). */
  const pending = ref(false)
  /**
   * current is the open dossier as the backend answered: replaced whole at
   * each answer, never changed in place, so it is not made deeply reactive
   * (the page reads thousands of its fields; tracking each was a fifth of
   * an opening's script).
   */
  const current = shallowRef<DossierView | null>(null)
  let seq = 0
  /** asked is the filter of the last load, as JSON: another one starts again at page 1. */
  let asked = JSON.stringify(filter)

  const filtered = computed(() => Object.values(filter).some((v) => v !== ''))

  /**
   * load fetches the current page for the current filter (page 1 when the
   * filter changed since the last load); a later call wins over an earlier
   * one. A page past the end (dossiers gone since) gives way to the last.
   */
  async function load(): Promise<void> {
    const f = { ...filter }
    const key = JSON.stringify(f)
    if (key !== asked) page.value = 1
    asked = key
    const mine = ++seq
    loading.value = true
    try {
      const p = await bridge().dossiers.page(f, (page.value - 1) * pageSize.value, pageSize.value)
      if (mine !== seq) return
      const last = Math.max(1, Math.ceil(p.total / pageSize.value))
      if (!p.rows.length && page.value > last) {
        page.value = last
        return load()
      }
      rows.value = p.rows
      total.value = p.total
      pending.value = p.pending
      if (p.pending) {
        // Served before the backend checked the index: fetched again once it has.
        // A failed check is shown as a notice; the page stays as it is.
        void useNoticesStore().background(bridge().dossiers.ready().then(() => (mine === seq ? load() : undefined)))
      }
    } finally {
      if (mine === seq) loading.value = false
    }
  }

  /** setPage fetches page n (from 1) for the current filter; it stays on the page shown when that fails. */
  async function setPage(n: number) {
    const before = page.value
    page.value = n
    try {
      await load()
    } catch (e) {
      if (page.value === n) page.value = before
      throw e
    }
  }

  function resetFilter() {
    Object.assign(filter, emptyFilter())
  }

  /**
   * priming is the view being fetched for a page about to open (prime),
   * which open takes instead of asking again; answer is set once it came,
   * failed once it failed; at is when it was asked for.
   */
  let priming: { id: string; view: Promise<DossierView>; at: number; answer?: DossierView; failed?: boolean } | null = null

  /**
   * prime fetches dossier id's view before its page opens, so that the page
   * shows the dossier in its first render instead of a spinner first (one
   * render and one layout of the page, not two). The page's open takes
   * this answer. A priming of the same dossier asked for within
   * PRIME_FRESH_MS and not failed is used again: the list primes a row
   * when it is pressed and again when the click comes.
   */
  function prime(id: string): Promise<DossierView> {
    if (priming?.id === id && !priming.failed && Date.now() - priming.at < PRIME_FRESH_MS) return priming.view
    const p: NonNullable<typeof priming> = { id, view: bridge().dossiers.get(id), at: Date.now() }
    priming = p
    p.view.then(
      (v) => (p.answer = v),
      () => (p.failed = true),
    )
    return p.view
  }

  /**
   * open shows dossier id: a primed answer that has come is shown at once
   * (before open returns, so the page's first render has it); otherwise
   * the view is asked for (or the priming awaited) and shown when it comes.
   */
  async function open(id: string) {
    const primed = priming?.id === id ? priming : null
    priming = null
    if (primed?.answer) {
      current.value = primed.answer
      return primed.answer
    }
    if (!primed) current.value = null
    current.value = await (primed?.view ?? bridge().dossiers.get(id))
    return current.value
  }

  /**
   * changed keeps the open dossier, the list's page and the inbox in step with the
   * backend's answer. The action has succeeded by then: a failed refresh
   * shows as a toast and does not make the action look refused. Answers
   * can arrive out of order (two rows saved at once): an answer holding
   * fewer events than the dossier shown is older and does not replace it.
   * The parts of the answer equal to the dossier shown keep its objects
   * (lib/share), so only what the action changed is drawn again; the list
   * and the inbox are asked for once the dossier is drawn (their answers
   * would hold its frame up).
   */
  async function changed(v: DossierView) {
    const shown = current.value
    if (!shown || shown.state.id !== v.state.id) current.value = v
    else if (v.state.events >= shown.state.events) current.value = share(shown, v)
    await afterPaint(PAINT_AT_MOST_MS)
    const notices = useNoticesStore()
    await Promise.all([notices.background(load()), notices.background(useInboxStore().load())])
    return v
  }

  /** picked is changed for the answer of a call fed by a chosen file: the dossier afterwards, then the answer itself. */
  async function picked(p: Picked): Promise<Picked> {
    await changed(p.view)
    return p
  }

  /** reload fetches the open dossier again (after a profile switch, say). */
  async function reload() {
    const shown = current.value
    if (!shown) return
    current.value = share(shown, await bridge().dossiers.get(shown.state.id))
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

  // ---- the workflow: each action is one signed event; the backend decides whether it is allowed ----
  const d = () => bridge().dossiers
  const wf = {
    submit: async (id: string, answers: Record<string, Answer>, comment: string) => changed(await d().submit(id, answers, comment)),
    decide: async (id: string, req: DecideRequest) => changed(await d().decide(id, req)),
    withdraw: async (id: string, comment: string) => changed(await d().withdraw(id, comment)),
    transfer: async (id: string, step: string, row: string, to: string, comment: string) => changed(await d().transfer(id, step, row, to, comment)),
    comment: async (id: string, step: string, row: string, text: string) => changed(await d().comment(id, step, row, text)),
    urge: async (id: string, step: string, row: string, comment: string) => changed(await d().urge(id, step, row, comment)),
    file: async (id: string, comment: string) => changed(await d().file(id, comment)),
    saveRunbook: async (id: string, runbook: RunbookRow[], tests: TestRow[]) => changed(await d().saveRunbook(id, runbook, tests)),
    override: async (id: string, reason: string) => changed(await d().override(id, reason)),
    release: async (id: string, comment: string) => changed(await d().release(id, comment)),
    supervise: async (id: string, comment: string) => changed(await d().supervise(id, comment)),
    sameDayTest: async (id: string, req: SameDayTestRequest) => changed(await d().sameDayTest(id, req)),
    saveOnCall: async (id: string, rows: OnCall[]) => changed(await d().saveOnCall(id, rows)),
    confirm: async (id: string, success: boolean, answers: Record<string, Answer>, rollback: string, comment: string) =>
      changed(await d().confirm(id, success, answers, rollback, comment)),
    postpone: async (id: string, unchanged: boolean, reason: string, plan: string, at: string, windowId = '') =>
      changed(await d().postpone(id, unchanged, reason, plan, at, windowId)),
    proposePostponement: (id: string) => d().proposePostponement(id),
    archive: async (id: string, notApplicable: Record<string, string>) => changed(await d().archive(id, notApplicable)),
    recordOutOfScope: async (req: OutOfScopeRequest) => changed(await d().recordOutOfScope(req)),
    recordPostReview: async (id: string, req: PostReviewRequest) => changed(await d().recordPostReview(id, req)),
    attachUpload: async (id: string, deliverable: string, name: string, base64: string, note: string) =>
      changed(await d().attachUpload(id, deliverable, name, base64, note)),
    attachChecklistUpload: async (id: string, item: string, name: string, base64: string) =>
      changed(await d().attachChecklistUpload(id, item, name, base64)),
    removeChecklistFile: async (id: string, item: string) => changed(await d().removeChecklistFile(id, item)),
    linkChecklistDeliverable: async (id: string, item: string, deliverable: string) =>
      changed(await d().linkChecklistDeliverable(id, item, deliverable)),
    openTrialIssue: async (id: string, req: TrialIssueRequest) => changed(await d().openTrialIssue(id, req)),
    closeTrialIssue: async (id: string, issue: string, resolution: string) => changed(await d().closeTrialIssue(id, issue, resolution)),
    attachFromDialog: async (id: string, deliverable: string, note: string) => picked(await d().attachFromDialog(id, deliverable, note)),
    recordPackage: async (id: string, deliverable: string) => picked(await d().recordPackageFromDialog(id, deliverable)),
    checkPackage: async (id: string) => picked(await d().checkPackageFromDialog(id)),
    checkPackageDropped: async (id: string, path: string) => picked(await d().checkPackageDropped(id, path)),
    recordPackageDropped: async (id: string, deliverable: string, path: string) => picked(await d().recordPackageDropped(id, deliverable, path)),
  }

  /** progress of the open dossier's checklist, as the backend counts it. */
  const progress = computed(() => current.value?.progress ?? { done: 0, total: 0 })

  return {
    filter, filtered, rows, total, page, pageSize, loading, pending, current, progress, load, setPage, resetFilter, prime, open, reload, create, update, setChecklist, advance, addNote, ...wf,
  }
})
