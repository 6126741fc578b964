import { useI18n } from 'vue-i18n'
import { useAppStore } from '@/stores/app'
import { useTemplateStore } from '@/stores/template'
import { useText } from './useText'

/** useNames turns template and domain ids into display names in the current language. */
export function useNames() {
  const { t, te } = useI18n()
  const { tx } = useText()
  const tpl = useTemplateStore()
  const app = useAppStore()

  // A record of a change out of scope has its own stage, on no track.
  const stage = (id: string) => tx(tpl.stage(id)?.name) || (id === 'out_of_scope' ? t('scope.tag') : id)
  const exclusion = (id: string) => tx(tpl.exclusion(id)?.name) || id
  const stageTitle = (id: string) => tx(tpl.stage(id)?.title) || id
  const releaseType = (id: string) => tx(tpl.releaseType(id)?.name) || id
  const typeShort = (id: string) => (te(`typeShort.${id}`) ? t(`typeShort.${id}`) : releaseType(id))
  const subtype = (typeId: string, id: string) => (id ? tx(tpl.subtype(typeId, id)?.name) || id : '')
  const mode = (id: string) => tx(tpl.mode(id)?.name) || id
  const modeShort = (id: string) => (te(`modeShort.${id}`) ? t(`modeShort.${id}`) : mode(id))
  /** typeLabel is the short type with its subtype, e.g. "Upgrade · CR". */
  const typeLabel = (typeId: string, sub: string) => [typeShort(typeId), subtype(typeId, sub)].filter(Boolean).join(' · ')
  const role = (id: string) => tx(tpl.role(id)?.name) || id
  const department = (id: string) => tx(tpl.department(id)?.name) || id
  const item = (id: string) => tx(tpl.checklistItem(id)?.title) || id
  /** checklistRef names a preparation item by its group, number and title (flow.checklistRef). */
  const checklistRef = (id: string) => {
    const it = tpl.checklistItem(id)
    if (!it) return id
    const group = te(`checklist.groups.${it.group}`) ? t(`checklist.groups.${it.group}`) : it.group
    return t('flow.checklistRef', { group, no: it.no, title: tx(it.title) })
  }
  const document = (id: string) => tx(tpl.template?.documents.find((d) => d.id === id)?.name) || id
  const status = (id: string) => (te(`checklist.statuses.${id}`) ? t(`checklist.statuses.${id}`) : id)
  const systemClass = (id: string) => (te(`systems.classes.${id}`) ? t(`systems.classes.${id}`) : id)
  const field = (id: string) => (te(`fields.${id}`) ? t(`fields.${id}`) : id)
  const fields = (csv: string) => csv.split(',').filter(Boolean).map(field).join(t('common.listSep'))
  /** step names a flow step (or the emergency signature step) by id. */
  const step = (id: string) => tx(tpl.step(id)?.name) || id
  /** slot names a decision slot: the countersign row's label, else the step's name. */
  const slot = (stepId: string, row?: string) => {
    if (!row) return step(stepId)
    const r = tpl.step(stepId)?.rows?.find((x) => x.id === row)
    return (r && (tx(r.label) || role(r.role))) || row
  }
  /** stepItem is the text of an approval item. */
  const stepItem = (id: string) => tx(tpl.stepItem(id)?.text) || id
  /** deliverable names a deliverable key: a step deliverable id or "doc:<document id>". */
  const deliverable = (key: string) => (key.startsWith('doc:') ? document(key.slice(4)) : tx(tpl.deliverable(key)?.name) || key)
  /** phase names a workflow phase as the backend does (AppInfo.phases, the printed documents' names too). */
  const phase = (id: string) => tx(app.info?.phases?.[id]) || id
  const taskKind = (id: string) => (te(`inbox.kinds.${id}`) ? t(`inbox.kinds.${id}`) : id)
  const list = (ids: string[], name: (id: string) => string) => ids.filter(Boolean).map(name).join(t('common.listSep'))

  return {
    tx, stage, stageTitle, releaseType, typeShort, typeLabel, subtype, mode, modeShort, role, department, item, checklistRef, document, status, systemClass,
    field, fields, step, slot, stepItem, deliverable, phase, taskKind, list, exclusion,
  }
}
