import { computed, type Ref } from 'vue'
import type { Deliverable, DossierView, PlanStep, Slot, StepItem, Version } from '@/bridge'
import { isZeroTime } from '@/lib/time'

/** A decision slot of the plan: one per sequential step, one per countersign row. */
export interface SlotSpec {
  step: PlanStep
  row: string
  role: string
  /** The role label as the flow's table prints it, when it differs from the role's name. */
  label: { zh: string; en: string } | undefined
  items: StepItem[]
  deliverables: Deliverable[]
  index: number
}

/** slotKey is "step" or "step/row", as the backend writes it. */
export const slotKey = (step: string, row?: string) => (row ? `${step}/${row}` : step)

/** The deliverable key of a standard document attached on its own. */
export const docKey = (id: string) => `doc:${id}`

/**
 * useFlow reads a dossier's plan and workflow state for the UI: the slots
 * with their specs, what the backend lets the signed-in profile do, and
 * deliverables. It decides nothing: every permission comes from the view.
 */
export function useFlow(view: Ref<DossierView | null | undefined>) {
  const st = computed(() => view.value?.state)
  const plan = computed(() => st.value?.plan ?? null)
  const flow = computed(() => st.value?.flow ?? null)
  const phase = computed(() => flow.value?.phase ?? '')

  const specs = computed<SlotSpec[]>(() => {
    const out: SlotSpec[] = []
    for (const s of plan.value?.steps ?? []) {
      if (!s.approval) continue
      if (s.kind === 'countersign') {
        for (const r of s.rows ?? []) out.push({ step: s, row: r.id, role: r.role, label: r.label, items: r.items ?? [], deliverables: r.deliverables ?? [], index: out.length })
      } else {
        out.push({ step: s, row: '', role: s.role ?? '', label: s.role_label, items: s.items ?? [], deliverables: s.deliverables ?? [], index: out.length })
      }
    }
    return out
  })

  const slots = computed(() => flow.value?.slots ?? [])
  const slotOf = (spec: SlotSpec): Slot | undefined => slots.value.find((s) => s.step === spec.step.id && (s.row ?? '') === spec.row)
  const specOf = (step: string, row = ''): SlotSpec | undefined => specs.value.find((s) => s.step.id === step && s.row === row)
  const stepOf = (id: string) => plan.value?.steps.find((s) => s.id === id)

  // What the signed-in profile may do is decided by the backend (the
  // dossier view's `actions`, workflow.Offered in Go); the UI only offers it.
  const actions = computed(() => view.value?.actions)
  const allowed = (list: string[] | null | undefined, s: Slot | undefined) => Boolean(s && (list ?? []).includes(slotKey(s.step, s.row)))

  /** mayDecide: the backend lets the signed-in profile decide this slot. */
  const mayDecide = (s: Slot | undefined) => allowed(actions.value?.decide, s)
  /** mayUrge and mayTransfer: the backend offers an urge or a transfer on this slot. */
  const mayUrge = (s: Slot | undefined) => allowed(actions.value?.urge, s)
  const mayTransfer = (s: Slot | undefined) => allowed(actions.value?.transfer, s)

  /** The pending slots the current profile may decide, in plan order. */
  const mine = computed(() => specs.value.filter((sp) => mayDecide(slotOf(sp))))

  const startSpec = computed(() => specs.value[0])
  const canSubmit = computed(() => Boolean(actions.value?.submit))
  const canWithdraw = computed(() => Boolean(actions.value?.withdraw))

  const versions = (key: string): Version[] => flow.value?.deliverables?.[key] ?? []
  const latest = (key: string): Version | undefined => versions(key).at(-1)

  /** Every deliverable of the plan by key, standard documents included ("doc:<id>"). */
  const deliverable = (key: string): Deliverable | undefined => {
    if (key.startsWith('doc:')) {
      const d = plan.value?.documents.find((x) => x.id === key.slice(4))
      return d ? { id: key, name: d.name, required: false, document: d.id } : undefined
    }
    for (const s of plan.value?.steps ?? []) {
      const found = [...(s.deliverables ?? []), ...(s.rows ?? []).flatMap((r) => r.deliverables ?? [])].find((d) => d.id === key)
      if (found) return found
    }
    return undefined
  }

  /** The release package: the first hash-only deliverable. */
  const packageDeliverable = computed(() => {
    for (const s of plan.value?.steps ?? []) {
      const found = [...(s.deliverables ?? []), ...(s.rows ?? []).flatMap((r) => r.deliverables ?? [])].find((d) => d.hash_only)
      if (found) return found
    }
    return undefined
  })

  /** Per standard document id, whether a version of it is attached (as a step deliverable or on its own). */
  const documentsPresent = computed(() => {
    const out: Record<string, boolean> = {}
    for (const [key, vs] of Object.entries(flow.value?.deliverables ?? {})) {
      const d = vs.length ? deliverable(key) : undefined
      if (d?.document) out[d.document] = true
    }
    return out
  })

  const stepOfKind = (...kinds: string[]) => plan.value?.steps.find((s) => kinds.includes(s.kind))
  const archived = computed(() => phase.value === 'archived')
  const since = (s: string) => (isZeroTime(s) ? '' : s)

  return {
    st, plan, flow, phase, specs, slots, slotOf, specOf, stepOf, actions, mayDecide, mayUrge, mayTransfer, mine, startSpec, canSubmit, canWithdraw,
    versions, latest, deliverable, packageDeliverable, documentsPresent, stepOfKind, archived, since,
  }
}

export type FlowModel = ReturnType<typeof useFlow>
