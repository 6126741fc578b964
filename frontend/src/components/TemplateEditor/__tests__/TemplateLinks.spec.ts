// Issue 12, guideline: an approval item or deliverable asked only when
// another item is answered yes (when), one document asked for at several
// steps (same_as: one upload serves both), a deliverable the approver may
// mark not applicable (waivable) — edited in the template editor, and Go
// checks the links (template.bad_condition, template.bad_same_as): its
// problems show at the picker they are about.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { ProcessTemplate, TemplateInfo, TemplateProblem } from '@/bridge'
import TemplateEditor from '@/components/TemplateEditor/TemplateEditor.vue'
import { backend, byTestId, click, mountUI, ready, SAMPLE, type } from '@/test/mount'
import { answer, fixture, type StubBackend } from '@/test/stub'

const template = answer<ProcessTemplate>('base', 'TemplateAPI.Current')
const recorded = fixture('template-links')
// The PMO's copy with the basic-apps row's interface question removed and a new deliverable of the
// PMO's step declared the same document as the development row's runbook (itself a copy), as Go answered it.
const [broken, fixed] = recorded.filter((r) => r.call === 'TemplateAPI.Validate')
const problemsOfBroken = broken.result as TemplateProblem[]
const saved = recorded.find((r) => r.call === 'TemplateAPI.Save')!
const flowOf = (t: ProcessTemplate) => t.flows.find((f) => f.id === 'new_system')!
const delivsOf = (t: ProcessTemplate) => flowOf(t).steps.flatMap((s) => [...(s.deliverables ?? []), ...(s.rows ?? []).flatMap((r) => r.deliverables ?? [])])
const ADDED = 'ns.4.pmo_approval.deliverable1'
const added = delivsOf(fixed.args[0] as ProcessTemplate).find((d) => d.id === ADDED)!

// The editor validates 400 ms after the last change: the timers are the test's, so that no check
// runs halfway through an edit of several steps, however slow the machine.
const settle = async () => {
  vi.advanceTimersByTime(450)
  await flushPromises()
}
/** tab returns the editor's tab whose name starts with label (a count of problems may follow it). */
const tab = (label: string) => [...document.querySelectorAll<HTMLElement>('.n-tabs-tab')].find((el) => el.textContent?.trim().startsWith(label))!
/** expand opens the step of the new-system flow named name (zh or en as shown). */
async function expand(name: string) {
  const item = [...document.querySelectorAll<HTMLElement>('[data-testid="flow-editor-new_system"] .n-collapse-item')].find(
    (el) => el.querySelector('.step-head span:nth-child(2)')?.textContent === name,
  )!
  item.querySelector<HTMLElement>('.n-collapse-item__header-main')!.click()
  await flushPromises()
}
/** menu opens the picker with data-testid id and returns its options' texts. */
async function menu(id: string): Promise<HTMLElement[]> {
  byTestId(id)!.querySelector<HTMLElement>('.n-base-selection')!.click()
  await flushPromises()
  const open = [...document.querySelectorAll<HTMLElement>('.n-base-select-menu')].filter((m) => m.style.display !== 'none') // a closed menu stays, hidden
  expect(open, id).toHaveLength(1)
  return [...open[0].querySelectorAll<HTMLElement>('.n-base-select-option')]
}
/** pick chooses, in the picker with data-testid id, the option whose text contains text; it returns the texts of all it offered. */
async function pick(id: string, text: string): Promise<string[]> {
  const options = await menu(id)
  const option = options.find((o) => o.textContent?.includes(text))
  expect(option, `${id}: ${text}`).toBeDefined()
  option!.click()
  await flushPromises()
  return options.map((o) => o.textContent ?? '')
}
const problemsAt = (path: string) => [...document.querySelectorAll<HTMLElement>(`[data-testid="field-problem"][data-path="${path}"]`)]
const pathOf = (code: string, param: string, value: string) => problemsOfBroken.find((p) => p.code === code && p.params?.[param] === value)!.path
const pickerOf = (id: string) => byTestId(id)!.closest('.link') as HTMLElement

/**
 * breakLinks removes the basic-apps row's interface question and adds to
 * the PMO's step (its countersign step 2 and step 4 open) a deliverable the
 * same document as the development row's runbook; it returns what the new
 * deliverable's same-as picker offered.
 */
async function breakLinks(step4: string): Promise<string[]> {
  await expand(step4)
  await click('remove-item-ns.2.basic_apps.interface_calls')
  await click('add-deliverable-ns.4.pmo_approval')
  await type(`deliverable-name-${ADDED}-zh`, added.name.zh)
  await type(`deliverable-name-${ADDED}-en`, added.name.en)
  const offered = await pick(`deliverable-same-as-${ADDED}`, '(ns.2.app_dev.release_note)')
  await settle()
  return offered
}

let b: StubBackend
/** open has the PMO edit a copy of the current template, in locale, at the new-system flow's countersign step (named step2). */
async function open(locale: 'zh-CN' | 'en', flowName: string, step2: string) {
  b = backend(...SAMPLE, 'template-edit', 'template-links').as('pmo')
  await ready()
  const { wrapper } = await mountUI(TemplateEditor, { props: { base: template }, locale })
  await settle()
  expect(byTestId('template-problems')?.dataset.count).toBe('0')
  tab(flowName).click()
  await flushPromises()
  await expand(step2)
  return wrapper
}

describe('template editor: conditions, same document, waivable', () => {
  beforeEach(async () => {
    document.body.innerHTML = ''
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('edits conditions and a same-as, shows the backend’s problems at their pickers, and saves the fields', async () => {
    const wrapper = await open('zh-CN', '新系统上线发布流程', '子部门会签审批')
    // As the template has it: the business-apps row's interface test report is asked when that row answers yes.
    expect(byTestId('deliverable-when-ns.2.biz_apps.interface_test_report')?.textContent).toBe('「新系统是否涉及相关系统的接口调用」答“是”时（ns.2.biz_apps.interface_calls）')
    expect(byTestId('deliverable-when-ns.2.infrastructure.web_security_report')?.textContent).toBe('仅限面向互联网的系统')
    expect(byTestId('deliverable-same-as-ns.2.app_dev.release_note')?.textContent).toBe('系统上线手册 (ns.1.release_note)')
    expect(byTestId('deliverable-waivable-ns.2.data_integration.verified_data_list')?.getAttribute('aria-checked')).toBe('true')

    // The new deliverable may be the same document as a deliverable of an earlier step or row only.
    const offered = await breakLinks('项目管理部审批')
    expect(offered).toContain('系统上线手册 (ns.1.release_note)')
    expect(offered.some((o) => o.includes('ns.4.announcement') || o.includes('ns.8.'))).toBe(false)

    // Go refuses both links; each problem is said in words at its picker, which shows what it names.
    expect(b.misses).toEqual([])
    expect(byTestId('template-problems')?.dataset.count).toBe(String(problemsOfBroken.length))
    const sameAsPath = pathOf('template.bad_same_as', 'deliverable', ADDED)
    const [sameAs] = problemsAt(sameAsPath)
    expect(sameAs.textContent).toContain(`交付物「${ADDED}」声明与「ns.2.app_dev.release_note」为同一文件，但后者不是本流程中在它之前、同类型的原始交付物。`)
    expect(pickerOf(`deliverable-same-as-${ADDED}`).contains(sameAs)).toBe(true)
    expect(byTestId(`deliverable-same-as-${ADDED}`)!.querySelector('.n-base-selection--error-status')).not.toBeNull()
    const conditions = problemsOfBroken.filter((p) => p.code === 'template.bad_condition')
    expect(conditions.length).toBeGreaterThan(1)
    for (const id of ['item-when-ns.2.basic_apps.interface_tested', 'deliverable-when-ns.2.basic_apps.interface_test_report']) {
      const problem = pickerOf(id).querySelector<HTMLElement>('[data-testid="field-problem"]')
      expect(problem?.dataset.code, id).toBe('template.bad_condition')
      expect(conditions.map((p) => p.path)).toContain(problem!.dataset.path)
      expect(problem!.textContent).toBe('条件引用了本流程中不存在的审批内容「ns.2.basic_apps.interface_calls」。')
      expect(byTestId(id)!.textContent).toBe('ns.2.basic_apps.interface_calls（本流程没有此审批内容）')
    }
    expect(tab('新系统上线发布流程').textContent).toContain(`${problemsOfBroken.length} 处问题`)
    expect(byTestId('step-problems-ns.2.countersign')?.textContent).toBe(`${conditions.length} 处问题`)
    expect((byTestId('template-save') as HTMLButtonElement).disabled).toBe(true)

    // The conditions pointed at the business-apps row's question, offered with its text among the flow's items.
    const options = await pick('item-when-ns.2.basic_apps.interface_tested', '（ns.2.biz_apps.interface_calls）')
    expect(options.slice(0, 3)).toEqual(['始终适用', '仅限面向互联网的系统', 'ns.2.basic_apps.interface_calls（本流程没有此审批内容）'])
    expect(options).toContain('「项目测试是否按计划完成」答“是”时（ns.1.testing_done）')
    expect(options.some((o) => o.includes('（ns.2.basic_apps.interface_tested）'))).toBe(false) // not its own condition
    await pick('deliverable-when-ns.2.basic_apps.interface_test_report', '（ns.2.biz_apps.interface_calls）')
    // The new deliverable is step 1's runbook, and may be marked not applicable.
    await pick(`deliverable-same-as-${ADDED}`, '(ns.1.release_note)')
    byTestId(`deliverable-waivable-${ADDED}`)!.click()
    await settle()
    expect(b.misses).toEqual([])
    expect(document.querySelectorAll('[data-testid="field-problem"]')).toHaveLength(0)
    expect(byTestId('template-problems')?.dataset.count).toBe('0')
    expect(byTestId('step-problems-ns.2.countersign')).toBeNull()

    await wrapper.find('[data-testid="template-save"]').trigger('click')
    await flushPromises()
    expect(byTestId('error-alert')?.textContent ?? '').toBe('')
    const [sent, current] = b.callsOf('TemplateAPI.Save')[0] as [ProcessTemplate, boolean]
    expect(current).toBe(false)
    const delivs = delivsOf(sent)
    expect(delivs.find((d) => d.id === ADDED)).toMatchObject({ same_as: 'ns.1.release_note', waivable: true, required: true, name: added.name })
    expect(delivs.find((d) => d.id === 'ns.2.biz_apps.interface_test_report')?.when).toEqual({ item: 'ns.2.biz_apps.interface_calls' })
    expect(delivs.find((d) => d.id === 'ns.2.app_dev.release_note')?.same_as).toBe('ns.1.release_note')
    expect(delivs.find((d) => d.id === 'ns.2.infrastructure.web_security_report')?.when).toEqual({ web_facing: true })
    expect(wrapper.findComponent(TemplateEditor).emitted('saved')?.[0]).toEqual([(saved.result as TemplateInfo).key])
    expect(b.misses).toEqual([])
  }, 60_000)

  it('says the pickers and the backend’s problems in English too', async () => {
    await open('en', 'New-system release flow', 'Sub-department countersign')
    expect(byTestId('deliverable-when-ns.2.infrastructure.web_security_report')?.textContent).toBe('Only for internet-facing systems')
    expect(pickerOf('deliverable-same-as-ns.2.app_dev.release_note').textContent).toContain('Same document as')
    await breakLinks('PMO approval')
    expect(b.misses).toEqual([])
    expect(problemsAt(pathOf('template.bad_same_as', 'deliverable', ADDED))[0].textContent).toContain(`Deliverable “${ADDED}” is declared the same document as “ns.2.app_dev.release_note”`)
    const condition = pickerOf('item-when-ns.2.basic_apps.interface_tested')
    expect(condition.querySelector('[data-testid="field-problem"]')?.textContent).toBe('A condition refers to approval item “ns.2.basic_apps.interface_calls”, which this flow does not have.')
    expect(byTestId('item-when-ns.2.basic_apps.interface_tested')!.textContent).toBe('ns.2.basic_apps.interface_calls (no such approval item in this flow)')
  }, 60_000)
})
