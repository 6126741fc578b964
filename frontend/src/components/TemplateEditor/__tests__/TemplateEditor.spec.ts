import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import TemplateEditor from '@/components/TemplateEditor/TemplateEditor.vue'
import { useTemplateStore } from '@/stores/template'
import { byTestId, mountUI } from '@/test/mount'
import { template, workflowFixture } from '@/test/workflow'

const settle = async () => {
  await new Promise((r) => setTimeout(r, 450)) // the editor validates 400 ms after the last change
  await flushPromises()
}
const problems = () => [...document.querySelectorAll('[data-testid="template-problem"]')] as HTMLElement[]

describe('template editor', () => {
  beforeEach(() => {
    document.body.innerHTML = ''
  })

  it('validates as the PMO edits and shows each problem in words with where it is', async () => {
    const fx = await workflowFixture()
    await fx.as('pmo')
    const { wrapper } = await mountUI(TemplateEditor, { props: { base: template } })
    await settle()
    expect(byTestId('template-problems')?.dataset.count).toBe('0')
    expect((byTestId('tpl-version') as HTMLInputElement).value).toBe('2.5')

    // Removing the first role (the project manager) breaks every reference to it.
    const rolesTab = [...document.querySelectorAll('.n-tabs-tab')].find((el) => el.textContent?.trim() === '角色') as HTMLElement
    rolesTab.click()
    await flushPromises()
    await wrapper.find('[data-testid="remove-role-0"]').trigger('click')
    await settle()
    const list = problems()
    expect(list.length).toBeGreaterThan(0)
    expect(list.every((p) => p.dataset.code === 'template.unknown_role')).toBe(true)
    expect(list[0].textContent).toContain('模板引用了未知角色 project_manager')
    expect(list.map((p) => p.textContent).join('\n')).toContain('settings.archive_roles[0]')
    expect((byTestId('template-save') as HTMLButtonElement).disabled).toBe(true)
  })

  it('saves a valid copy as a new version, which new dossiers pin once current', async () => {
    const fx = await workflowFixture()
    await fx.as('pmo')
    const { wrapper } = await mountUI(TemplateEditor, { props: { base: template } })
    await settle()
    await wrapper.find('[data-testid="template-make-current"]').trigger('click')
    await wrapper.find('[data-testid="template-save"]').trigger('click')
    await flushPromises()
    expect(byTestId('error-alert')?.textContent ?? '').toBe('')
    expect(wrapper.findComponent(TemplateEditor).emitted('saved')?.[0]).toEqual(['golive.release@2.5'])
    const store = useTemplateStore()
    expect(store.key).toBe('golive.release@2.5')
    expect(store.versions.map((v) => `${v.key}${v.current ? '*' : ''}`)).toEqual([`${template.id}@${template.version}`, 'golive.release@2.5*'])
  })
})
