import { computed, inject, provide, toRaw, type InjectionKey } from 'vue'
import { useI18n } from 'vue-i18n'
import type { SelectGroupOption, SelectOption } from 'naive-ui'
import type { Deliverable, Flow } from '@/bridge'
import { useText } from '@/composables/useText'

/** Condition is a template condition (template.Condition): an item answered yes, or a web-facing system. */
type Condition = NonNullable<Deliverable['when']>

const KEY: InjectionKey<() => Flow | undefined> = Symbol('template-flow')

/** provideFlow hands the flow being edited (undefined for a mode's signature step, which belongs to none) to its items and deliverables. */
export function provideFlow(flow: () => Flow | undefined) {
  provide(KEY, flow)
}

/** WEB is the condition picker's value for `when: {web_facing: true}`; an item's value is "item:" + its id. */
/** Link is what a LinkPicker shows (label, choice, options, the path of its problems, test id) and onUpdate sets the choice. */
export interface Link {
  label: string
  hint?: string
  value: string
  options: (SelectOption | SelectGroupOption)[]
  path: string
  testid: string
  onUpdate: (v: string) => void
}

const WEB = 'web'
const ITEM = 'item:'

/** conditionValue is the condition picker's value of c. */
const conditionValue = (c: Condition | undefined) => (c?.item ? ITEM + c.item : c?.web_facing ? WEB : '')

/** setCondition sets o.when from a value of the condition picker ("" removes it). */
function setCondition(o: { when?: Condition }, v: string) {
  if (v.startsWith(ITEM)) o.when = { item: v.slice(ITEM.length) }
  else if (v === WEB) o.when = { web_facing: true }
  else delete o.when
}

/**
 * useFlowLinks lists, from the template data being edited, what the
 * condition and "same document as" pickers of an item or deliverable offer:
 * the flow's approval items and the deliverables of the steps and rows
 * before a list, grouped by step and shown with their text. It decides
 * nothing: template.Validate checks what is picked (template.bad_condition,
 * template.bad_same_as) and the editor shows its problem at the field.
 * inFlow is false outside a flow (a mode's signature step, the
 * confirmation items), where no picker is shown.
 */
export function useFlowLinks() {
  const { t } = useI18n()
  const { tx } = useText()
  const flow = inject(KEY, () => undefined)
  const inFlow = computed(() => !!flow())
  const stepLabel = (no: number, name: string) => `${no}. ${name}`

  const itemGroups = computed<SelectGroupOption[]>(() =>
    (flow()?.steps ?? []).flatMap((s) => {
      const items = [...(s.items ?? []), ...(s.rows ?? []).flatMap((r) => r.items ?? [])]
      if (!items.length) return []
      return [{ type: 'group', key: `items-${s.id}`, label: stepLabel(s.no, tx(s.name) || s.id), children: items.map((it) => ({ value: ITEM + it.id, label: t('tplEdit.link.whenItem', { text: tx(it.text) || it.id, id: it.id }) })) }]
    }),
  )

  /** conditionOptions: always, web-facing only, or an item of the flow answered yes (self leaves out the item being conditioned). */
  function conditionOptions(current: Condition | undefined, self?: string): (SelectOption | SelectGroupOption)[] {
    const groups = itemGroups.value
      .map((g) => ({ ...g, children: (g.children ?? []).filter((o) => o.value !== ITEM + self) }))
      .filter((g) => g.children.length)
    const known = groups.some((g) => g.children.some((o) => o.value === ITEM + current?.item))
    return [
      { value: '', label: t('tplEdit.link.whenNone') },
      { value: WEB, label: t('tplEdit.link.whenWeb') },
      ...(current?.item && !known ? [{ value: ITEM + current.item, label: t('tplEdit.link.unknownItem', { id: current.item }) }] : []),
      ...groups,
    ]
  }

  /** sameAsOptions: none, or a deliverable of a step or row before list (the list being edited). */
  function sameAsOptions(list: Deliverable[], current: string | undefined): (SelectOption | SelectGroupOption)[] {
    const mine = toRaw(list)
    const groups: SelectGroupOption[] = []
    let found = false
    for (const s of flow()?.steps ?? []) {
      const lists = [{ ds: s.deliverables ?? [], label: '' }, ...(s.rows ?? []).map((r) => ({ ds: r.deliverables ?? [], label: tx(r.label) || r.id }))]
      for (const l of lists) {
        if (toRaw(l.ds) === mine) {
          found = true
          break
        }
        if (l.ds.length) {
          const name = stepLabel(s.no, tx(s.name) || s.id)
          groups.push({ type: 'group', key: `delivs-${s.id}-${groups.length}`, label: l.label ? `${name} · ${l.label}` : name, children: l.ds.map((d) => ({ value: d.id, label: `${tx(d.name) || d.id} (${d.id})` })) })
        }
      }
      if (found) break
    }
    const known = groups.some((g) => g.children?.some((o) => o.value === current))
    return [
      { value: '', label: t('tplEdit.link.sameAsNone') },
      ...(current && !known ? [{ value: current, label: t('tplEdit.link.unknownDeliverable', { id: current }) }] : []),
      ...groups,
    ]
  }

  /** conditionLink is what the LinkPicker of o's condition shows (at path), and how it sets it; an item is not offered as its own condition. */
  const conditionLink = (o: { id: string; when?: Condition }, path: string, testid: string, isItem = false): Link => ({
    label: t('tplEdit.link.when'),
    value: conditionValue(o.when),
    options: conditionOptions(o.when, isItem ? o.id : undefined),
    path,
    testid,
    onUpdate: (v) => setCondition(o, v),
  })

  /** sameAsLink is what the LinkPicker of d's "same document as" shows (d in list, at path), and how it sets it. */
  const sameAsLink = (d: Deliverable, list: Deliverable[], path: string): Link => ({
    label: t('tplEdit.link.sameAs'),
    hint: t('tplEdit.link.sameAsHint'),
    value: d.same_as ?? '',
    options: sameAsOptions(list, d.same_as),
    path,
    testid: `deliverable-same-as-${d.id}`,
    onUpdate: (v) => {
      if (v) d.same_as = v
      else delete d.same_as
    },
  })

  return { inFlow, conditionLink, sameAsLink }
}
