import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { ProcessTemplate, TemplateInfo, TemplateProblem } from '@/bridge'
import TemplateEditor from '@/components/TemplateEditor/TemplateEditor.vue'
import { backend, byTestId, mountUI, ready, SAMPLE } from '@/test/mount'
import { answer, fixture, type StubBackend } from '@/test/stub'

const settle = async () => {
  await new Promise((r) => setTimeout(r, 450)) // the editor validates 400 ms after the last change
  await flushPromises()
}
const problems = () => [...document.querySelectorAll('[data-testid="template-problem"]')] as HTMLElement[]
const template = answer<ProcessTemplate>('base', 'TemplateAPI.Current')
// What the backend answered to the PMO's copy with its first role removed (template-edit).
const broken = fixture('template-edit').filter((r) => r.call === 'TemplateAPI.Validate').find((r) => (r.result as TemplateProblem[] | null)?.length)!

describe('template editor', () => {
  let b: StubBackend
  beforeEach(async () => {
    document.body.innerHTML = ''
    b = backend(...SAMPLE, 'template-edit').as('pmo')
    await ready()
  })

  it('has the backend check the copy as the PMO edits, and shows each problem in words with where it is', async () => {
    const { wrapper } = await mountUI(TemplateEditor, { props: { base: template } })
    await settle()
    expect(b.callsOf('TemplateAPI.Validate')).toHaveLength(1)
    expect(byTestId('template-problems')?.dataset.count).toBe('0')
    expect((byTestId('tpl-version') as HTMLInputElement).value).toBe('2.5')

    // Removing the first role (the project manager) breaks every reference to it.
    const rolesTab = [...document.querySelectorAll('.n-tabs-tab')].find((el) => el.textContent?.trim() === '角色') as HTMLElement
    rolesTab.click()
    await flushPromises()
    await wrapper.find('[data-testid="remove-role-0"]').trigger('click')
    await settle()
    expect(b.callsOf('TemplateAPI.Validate').at(-1)![0]).toMatchObject({ roles: (broken.args[0] as ProcessTemplate).roles })
    const list = problems()
    const recorded = broken.result as TemplateProblem[]
    expect(list.map((p) => p.dataset.code)).toEqual(recorded.map((p) => p.code))
    expect(list.every((p) => p.dataset.code === 'template.unknown_role')).toBe(true)
    expect(list[0].textContent).toContain('模板引用了未知角色 project_manager')
    expect(list.map((p) => p.textContent).join('\n')).toContain('settings.archive_roles[0]')
    expect((byTestId('template-save') as HTMLButtonElement).disabled).toBe(true)
    expect(b.misses).toEqual([])
  })

  it('saves a valid copy as a new version, to be current', async () => {
    const saved = fixture('template-edit').find((r) => r.call === 'TemplateAPI.Save')!
    const { wrapper } = await mountUI(TemplateEditor, { props: { base: template } })
    await settle()
    await wrapper.find('[data-testid="template-make-current"]').trigger('click')
    await wrapper.find('[data-testid="template-save"]').trigger('click')
    await flushPromises()
    expect(byTestId('error-alert')?.textContent ?? '').toBe('')
    const [sent, current] = b.callsOf('TemplateAPI.Save')[0] as [ProcessTemplate, boolean]
    expect(current).toBe(true)
    expect(sent.version).toBe('2.5')
    expect(sent.revisions.at(-1)).toMatchObject({ version: '2.5', date: '2026-12-01', author: '郭鹏' })
    expect(wrapper.findComponent(TemplateEditor).emitted('saved')?.[0]).toEqual([(saved.result as TemplateInfo).key])
    expect(b.misses).toEqual([])
  })
})
