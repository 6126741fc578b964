// Issue 12, guideline item 10: the window rules, the modes and the release
// types are edited in the template editor like everything else, and Go
// checks them (template.Validate): its problem shows at the field.
import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { ProcessTemplate, TemplateInfo, TemplateProblem } from '@/bridge'
import TemplateEditor from '@/components/TemplateEditor/TemplateEditor.vue'
import TemplateView from '@/views/TemplateView.vue'
import { backend, byTestId, mountUI, ready, SAMPLE, type } from '@/test/mount'
import { answer, fixture, type StubBackend } from '@/test/stub'

const settle = async () => {
  await new Promise((r) => setTimeout(r, 450)) // the editor validates 400 ms after the last change
  await flushPromises()
}
const template = answer<ProcessTemplate>('base', 'TemplateAPI.Current')
const recorded = fixture('template-windows')
// What the backend answered to the PMO's copy whose Java window ends at 18:00, before its 19:00 start.
const late = recorded.find((r) => r.call === 'TemplateAPI.Validate' && (r.result as TemplateProblem[] | null)?.length)!
const saved = recorded.find((r) => r.call === 'TemplateAPI.Save')!
const sentToSave = saved.args[0] as ProcessTemplate

/** tab returns the editor's tab whose name starts with label (a count of problems may follow it). */
const tab = (label: string) => [...document.querySelectorAll<HTMLElement>('.n-tabs-tab')].find((el) => el.textContent?.trim().startsWith(label))!
const fieldProblems = () => [...document.querySelectorAll<HTMLElement>('[data-testid="field-problem"]')]

describe('template editor: release windows, modes and types', () => {
  let b: StubBackend
  beforeEach(async () => {
    document.body.innerHTML = ''
  })

  it('edits a window rule and a mode, shows the backend’s problem at its field, and saves', async () => {
    b = backend(...SAMPLE, 'template-edit', 'template-windows').as('pmo')
    await ready()
    const { wrapper } = await mountUI(TemplateEditor, { props: { base: template } })
    await settle()
    expect(byTestId('template-problems')?.dataset.count).toBe('0')

    // The Java rule, as the template has it: 2nd and 4th Thursday, 19:00-23:00.
    tab('发布窗口').click()
    await flushPromises()
    const java = byTestId('win-rule-java')!
    expect(java.textContent).toContain('Java 类系统')
    expect((byTestId('win-java-start') as HTMLInputElement).value).toBe('19:00')
    expect(java.querySelector('[data-testid="win-java-weekday"]')?.textContent).toContain('周四')
    expect(java.querySelector('[data-testid="win-java-reading"]')?.textContent).toContain('当月第 N 个周四')
    expect(java.querySelector('[data-testid="win-java-policy"]')?.textContent).toContain('提前到本周前一个工作日')

    // How the two readings of "week N" differ for this rule in the next year's plan, as Go computes it.
    byTestId('win-java-compare')!.click()
    await flushPromises()
    const compared = recorded.find((r) => r.call === 'WindowAPI.CompareRuleReadings')!
    expect(b.callsOf('WindowAPI.CompareRuleReadings')).toEqual([[template.windows!.rules[0], 2027]])
    const months = [...document.querySelectorAll<HTMLElement>('[data-testid="win-java-diffs"] tbody tr')].map((tr) => Number(tr.dataset.month))
    expect(months).toEqual((compared.result as { month: number }[]).map((d) => d.month))

    // An end before the start: Go refuses it, and says so under the end field.
    await type('win-java-end', '18:00')
    await settle()
    expect(b.callsOf('TemplateAPI.Validate').at(-1)![0]).toMatchObject({ windows: (late.args[0] as ProcessTemplate).windows })
    const [problem] = fieldProblems()
    expect(fieldProblems()).toHaveLength(1)
    expect(problem.dataset.path).toBe('windows.rules[0].end')
    expect(problem.dataset.code).toBe('template.window_end_before_start')
    expect(problem.textContent).toContain('窗口结束时间 18:00 必须晚于开始时间 19:00')
    expect(byTestId('win-java-end')!.closest('.f')!.contains(problem)).toBe(true)
    expect(byTestId('win-java-end')!.closest('.n-input')?.classList.contains('n-input--error-status')).toBe(true)
    expect(tab('发布窗口').textContent).toContain('1 处问题')
    expect((byTestId('template-save') as HTMLButtonElement).disabled).toBe(true)
    expect(byTestId('win-java-diffs')).toBeNull() // the comparison was of the rule before the change

    // Fixed: the problem goes as soon as Go has checked the change.
    await type('win-java-end', '23:30')
    await settle()
    expect(fieldProblems()).toHaveLength(0)
    expect(byTestId('win-java-end')!.closest('.n-input')?.classList.contains('n-input--error-status')).toBe(false)

    // The planned mode's frequency reworded.
    tab('发布方式').click()
    await flushPromises()
    expect((byTestId('mode-name-0-zh') as HTMLInputElement).value).toBe('计划内发布')
    await type('mode-frequency-0-zh', sentToSave.modes[0].frequency.zh)
    await settle()
    expect(fieldProblems()).toHaveLength(0)
    expect(byTestId('template-problems')?.dataset.count).toBe('0')
    expect(tab('发布窗口').textContent?.trim()).toBe('发布窗口')

    await wrapper.find('[data-testid="template-save"]').trigger('click')
    await flushPromises()
    expect(byTestId('error-alert')?.textContent ?? '').toBe('')
    const [sent, current] = b.callsOf('TemplateAPI.Save')[0] as [ProcessTemplate, boolean]
    expect(current).toBe(false)
    expect(sent.windows?.rules[0]).toMatchObject({ class: 'java', start: '19:00', end: '23:30' })
    expect(sent.modes[0].frequency.zh).toBe(sentToSave.modes[0].frequency.zh)
    expect(wrapper.findComponent(TemplateEditor).emitted('saved')?.[0]).toEqual([(saved.result as TemplateInfo).key])
    expect(b.misses).toEqual([])
  }, 30_000) // five 450 ms waits for the editor's check, on a busy machine

  it('names the window rules, modes, types and the window manager in English too', async () => {
    b = backend(...SAMPLE, 'template-edit').as('pmo')
    await ready()
    await mountUI(TemplateEditor, { props: { base: template }, locale: 'en' })
    await settle()
    for (const label of ['Release types', 'Release modes', 'Release windows']) expect(tab(label), label).toBeDefined()
    tab('Release windows').click()
    await flushPromises()
    const java = byTestId('win-rule-java')!
    expect(java.textContent).toContain('On a public holiday')
    expect(java.textContent).toContain('Reading of “week N”')
    expect(byTestId('win-freeze')?.textContent).toContain('From 3 working days before a holiday of at least 7 days off')
    tab('Release types').click()
    await flushPromises()
    expect((byTestId('type-name-1-en') as HTMLInputElement).value).toBe(template.release_types[1].name.en)
    expect(byTestId('types-editor')?.textContent).toContain('Approval flow')
    tab('Settings').click()
    await flushPromises()
    expect(document.body.textContent).toContain('Window manager role')
    expect(byTestId('tpl-window-manager-role')?.textContent).toContain('Release-window manager')
    expect(b.misses).toEqual([])
  }, 30_000)

  it('shows everyone the window rules of a version and who manages the plan', async () => {
    b = backend(...SAMPLE).as('project_manager')
    await ready()
    await mountUI(TemplateView, { path: '/template' })
    await settle()
    tab('发布窗口').click()
    await flushPromises()
    expect(byTestId('template-window-manager')?.textContent).toBe('发布窗口计划由发布窗口管理岗制定、调整和发布。')
    const rows = [...document.querySelectorAll<HTMLElement>('[data-testid="template-windows"] tbody tr')]
    expect(rows).toHaveLength(template.windows!.rules.length)
    expect(rows[0].textContent).toContain('2、4 · 当月第 N 个周四')
    expect(rows[0].textContent).toContain('19:00–23:00 Asia/Shanghai')
    expect(b.misses).toEqual([])
  }, 30_000)
})
