// Issue 12, item 10: the rows of the process added with template 2.4.2 are
// data the PMO edits like everything else — the kinds of change out of
// scope (exclusions), whether a release type asks for the release method,
// a mode's post-release review (name, roles, required before), the dossier
// data a checklist item links to, and whether archiving waits for the
// trial-run issues. Go checks them (template.missing_field here); its
// problems show at the control they are about.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { ProcessTemplate, TemplateInfo, TemplateProblem } from '@/bridge'
import TemplateEditor from '@/components/TemplateEditor/TemplateEditor.vue'
import { backend, byTestId, click, mountUI, ready, SAMPLE, type } from '@/test/mount'
import { answer, fixture, type StubBackend } from '@/test/stub'

const template = answer<ProcessTemplate>('base', 'TemplateAPI.Current')
const recorded = fixture('template-scope')
// The PMO's copy with the first exclusion's id cleared and the emergency review left without a role, as Go answered it.
const [broken] = recorded.filter((r) => r.call === 'TemplateAPI.Validate')
const problemsOfBroken = broken.result as TemplateProblem[]
const saved = recorded.find((r) => r.call === 'TemplateAPI.Save')!

// The editor validates 400 ms after the last change: the timers are the test's.
const settle = async () => {
  vi.advanceTimersByTime(450)
  await flushPromises()
}
/** tab opens the editor's tab whose name starts with label (a count of problems may follow it) and returns it. */
async function tab(label: string): Promise<HTMLElement> {
  const el = [...document.querySelectorAll<HTMLElement>('.n-tabs-tab')].find((x) => x.textContent?.trim().startsWith(label))!
  expect(el, label).toBeDefined()
  el.click()
  await flushPromises()
  return el
}
/** pick chooses, in the picker with data-testid id, the option whose text contains text; it returns the texts of all it offered. */
async function pick(id: string, text: string): Promise<string[]> {
  byTestId(id)!.querySelector<HTMLElement>('.n-base-selection')!.click()
  await flushPromises()
  const open = [...document.querySelectorAll<HTMLElement>('.n-base-select-menu')].filter((m) => m.style.display !== 'none')
  expect(open, id).toHaveLength(1)
  const options = [...open[0].querySelectorAll<HTMLElement>('.n-base-select-option')]
  const option = options.find((o) => o.textContent?.includes(text))
  expect(option, `${id}: ${text}`).toBeDefined()
  option!.click()
  await flushPromises()
  return options.map((o) => o.textContent ?? '')
}
/** unpickAll removes every role from the multiple picker with data-testid id, by its tags' close buttons. */
async function unpickAll(id: string) {
  for (let close = byTestId(id)!.querySelector<HTMLElement>('.n-base-close'); close; close = byTestId(id)!.querySelector<HTMLElement>('.n-base-close')) {
    close.click()
    await flushPromises()
  }
}
const problemsAt = (path: string) => [...document.querySelectorAll<HTMLElement>(`[data-testid="field-problem"][data-path="${path}"]`)]
const EXCLUSION_ID = 'exclusions[0].id'
const REVIEW_ROLES = 'modes[1].post_review.roles'

let b: StubBackend
async function open(locale: 'zh-CN' | 'en') {
  b = backend(...SAMPLE, 'template-edit', 'template-scope').as('pmo')
  await ready()
  const { wrapper } = await mountUI(TemplateEditor, { props: { base: template }, locale })
  await settle()
  expect(byTestId('template-problems')?.dataset.count).toBe('0')
  return wrapper
}
/** breakScope clears the first exclusion's id and removes every role of the emergency mode's review. */
async function breakScope(exclusions: string, modes: string) {
  await tab(exclusions)
  await type('exclusion-id-0', '')
  await tab(modes)
  await unpickAll('mode-post-review-roles-1')
  await settle()
  expect(b.misses).toEqual([])
}

describe('template editor: scope, release method, post-release review, checklist links, archive rule', () => {
  beforeEach(async () => {
    document.body.innerHTML = ''
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('edits the five fields, shows the backend’s problems at their controls, and saves them', async () => {
    const wrapper = await open('zh-CN')
    // As the template has them.
    await tab('不适用的变更')
    expect((byTestId('exclusion-name-0-zh') as HTMLInputElement).value).toBe('仅数据变更')
    expect(document.querySelectorAll('[data-testid^="exclusion-editor-"]')).toHaveLength(3)
    await tab('发布方式')
    expect(byTestId('mode-post-review-switch-0')?.getAttribute('aria-checked')).toBe('false')
    expect(byTestId('mode-post-review-name-0-zh')).toBeNull()
    expect(byTestId('mode-post-review-switch-1')?.getAttribute('aria-checked')).toBe('true')
    expect((byTestId('mode-post-review-name-1-zh') as HTMLInputElement).value).toBe('紧急发布事后复盘')
    expect(byTestId('mode-post-review-roles-1')?.textContent).toContain('项目经理')
    expect(byTestId('mode-post-review-roles-1')?.textContent).toContain('应用部门系统所有人')
    expect(byTestId('mode-post-review-before-1')?.textContent).toBe('归档')
    // Switched on, the planned mode's review asks its name, roles and when; switched off again it is gone.
    byTestId('mode-post-review-switch-0')!.click()
    await flushPromises()
    expect(byTestId('mode-post-review-name-0-zh')).not.toBeNull()
    expect(byTestId('mode-post-review-before-0')?.textContent).toBe('归档')
    byTestId('mode-post-review-switch-0')!.click()
    await flushPromises()
    expect(byTestId('mode-post-review-name-0-zh')).toBeNull()

    // Go reports the exclusion without an id and the review without a role, each at its control.
    await breakScope('不适用的变更', '发布方式')
    expect(byTestId('template-problems')?.dataset.count).toBe(String(problemsOfBroken.length))
    expect(problemsOfBroken.map((p) => p.path).sort()).toEqual([EXCLUSION_ID, REVIEW_ROLES])
    const [roles] = problemsAt(REVIEW_ROLES)
    expect(roles.textContent?.trim()).toBe('模板缺少必填项 roles。')
    expect(byTestId('mode-post-review-1')!.contains(roles)).toBe(true)
    expect(byTestId('mode-post-review-roles-1')!.querySelector('.n-base-selection--error-status')).not.toBeNull()
    expect((await tab('发布方式')).textContent).toContain('1 处问题')
    const exclusionsTab = await tab('不适用的变更')
    expect(exclusionsTab.textContent).toContain('1 处问题')
    const [id] = problemsAt(EXCLUSION_ID)
    expect(id.textContent?.trim()).toBe('模板缺少必填项 id。')
    expect(byTestId('exclusion-editor-0')!.contains(id)).toBe(true)
    expect((byTestId('template-save') as HTMLButtonElement).disabled).toBe(true)

    // The exclusion renamed, the third removed and one added.
    await type('exclusion-id-0', 'data_change')
    await type('exclusion-name-0-en', 'Data change only')
    await click('remove-exclusion-2')
    await click('add-exclusion')
    await type('exclusion-name-2-zh', '网络策略调整')
    await type('exclusion-name-2-en', 'Network policy change')
    // The review renamed, recorded by the project manager and the PMO (roles by name), before archiving only.
    await tab('发布方式')
    await type('mode-post-review-name-1-zh', '紧急发布复盘会')
    const offered = await pick('mode-post-review-roles-1', '项目经理')
    expect(offered).toContain('发布窗口管理岗')
    expect(offered.some((o) => o.includes('project_manager'))).toBe(false)
    await pick('mode-post-review-roles-1', 'PMO')
    // A multiple picker stays open until Escape.
    byTestId('mode-post-review-roles-1')!.querySelector('.n-base-selection')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
    await flushPromises()
    expect(await pick('mode-post-review-before-1', '归档')).toEqual(['归档'])
    // The upgrade type asks for the release method.
    await tab('发布类型')
    expect(byTestId('type-method-required-0')?.getAttribute('aria-checked')).toBe('true')
    expect(byTestId('type-method-required-1')?.textContent?.trim()).toBe('申请时须说明发布方式')
    await click('type-method-required-1')
    // The user-test item links to the scenario tests; the detailed steps link to the runbook as before.
    await tab('准备清单与计划')
    expect(byTestId('checklist-links-to-8')?.textContent).toBe('上线详细步骤')
    expect(byTestId('checklist-links-to-2')?.textContent).toBe('无')
    expect(await pick('checklist-links-to-2', '验证计划')).toEqual(['无', '上线详细步骤', '验证计划（场景测试）'])
    // Archiving no longer waits for the trial-run issues.
    await tab('流程设置')
    expect(byTestId('tpl-archive-waits')?.getAttribute('aria-checked')).toBe('true')
    expect(byTestId('tpl-archive-waits')?.textContent?.trim()).toBe('试运行问题全部关闭前不得归档')
    await click('tpl-archive-waits')
    await settle()
    expect(b.misses).toEqual([])
    expect(byTestId('template-problems')?.dataset.count).toBe('0')

    await wrapper.find('[data-testid="template-save"]').trigger('click')
    await flushPromises()
    expect(b.misses).toEqual([])
    expect(byTestId('error-alert')?.textContent ?? '').toBe('')
    const [sent, current] = b.callsOf('TemplateAPI.Save')[0] as [ProcessTemplate, boolean]
    expect(current).toBe(false)
    expect(sent.exclusions).toEqual([
      { id: 'data_change', name: { zh: '仅数据变更', en: 'Data change only' } },
      template.exclusions![1],
      { id: 'exclusion1', name: { zh: '网络策略调整', en: 'Network policy change' } },
    ])
    expect(sent.modes[1].post_review).toEqual({ name: { zh: '紧急发布复盘会', en: template.modes[1].post_review!.name.en }, roles: ['project_manager', 'pmo'], required_before: 'archive' })
    expect(sent.modes[0].post_review).toBeUndefined()
    expect(sent.release_types.map((rt) => !!rt.release_method_required)).toEqual([true, true])
    expect(sent.checklist.find((c) => c.id === 'pre.user_test')?.links_to).toBe('scenario_tests')
    expect(sent.checklist.find((c) => c.id === 'plan.detailed_steps')?.links_to).toBe('runbook')
    expect(sent.settings.archive_waits_for_trial_issues ?? false).toBe(false)
    expect(wrapper.findComponent(TemplateEditor).emitted('saved')?.[0]).toEqual([(saved.result as TemplateInfo).key])
  }, 60_000)

  it('says the new controls and the backend’s problems in English too', async () => {
    await open('en')
    await tab('Release types')
    expect(byTestId('type-method-required-0')?.textContent?.trim()).toBe('The applicant describes the release method')
    await tab('Settings')
    expect(byTestId('tpl-archive-waits')?.textContent?.trim()).toBe('No archiving while a trial-run issue is open')
    await breakScope('Out of scope', 'Release modes')
    expect(byTestId('mode-post-review-before-1')?.textContent).toBe('Archiving')
    expect(problemsAt(REVIEW_ROLES)[0].textContent?.trim()).toBe('The template lacks the required value roles.')
    await tab('Out of scope')
    expect(problemsAt(EXCLUSION_ID)[0].textContent?.trim()).toBe('The template lacks the required value id.')
  }, 60_000)
})
