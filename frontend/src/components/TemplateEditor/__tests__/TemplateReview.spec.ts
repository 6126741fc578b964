// Issue 13: who chairs the go-live review meeting and which checklist item
// its decision ticks are template settings the PMO edits with the others
// (review_chair_role, review_item), saved with the copy.
import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { ProcessTemplate, TemplateInfo } from '@/bridge'
import TemplateEditor from '@/components/TemplateEditor/TemplateEditor.vue'
import { backend, byTestId, mountUI, ready, SAMPLE } from '@/test/mount'
import { answer, fixture, type StubBackend } from '@/test/stub'

const settle = async () => {
  await new Promise((r) => setTimeout(r, 450)) // the editor validates 400 ms after the last change
  await flushPromises()
}
const template = answer<ProcessTemplate>('base', 'TemplateAPI.Current')

/** pick chooses, in the picker with data-testid id, the option whose text contains text. */
async function pick(id: string, text: string) {
  byTestId(id)!.querySelector<HTMLElement>('.n-base-selection')!.click()
  await flushPromises()
  const open = [...document.querySelectorAll<HTMLElement>('.n-base-select-menu')].filter((m) => m.style.display !== 'none')
  expect(open, id).toHaveLength(1)
  const option = [...open[0].querySelectorAll<HTMLElement>('.n-base-select-option')].find((o) => o.textContent?.includes(text))
  expect(option, `${id}: ${text}`).toBeDefined()
  option!.click()
  await flushPromises()
}

describe('template editor: the review meeting settings', () => {
  let b: StubBackend
  beforeEach(async () => {
    document.body.innerHTML = ''
    b = backend(...SAMPLE, 'template-edit').as('pmo')
    await ready()
  })

  it('shows the chair role and the review item by name, and saves the PMO’s choice', async () => {
    const saved = fixture('template-edit').find((r) => r.call === 'TemplateAPI.Save')!
    // Any edited copy is valid; saving answers as recorded.
    b.reply('TemplateAPI.Validate', []).reply('TemplateAPI.Save', saved.result)
    const { wrapper } = await mountUI(TemplateEditor, { props: { base: template } })
    await settle()
    const tab = [...document.querySelectorAll<HTMLElement>('.n-tabs-tab')].find((el) => el.textContent?.trim().startsWith('流程设置'))!
    tab.click()
    await flushPromises()
    const pmo = template.roles.find((r) => r.id === template.settings.review_chair_role)!
    const item = template.checklist.find((c) => c.id === template.settings.review_item)!
    expect(byTestId('tpl-review-chair-role')?.textContent).toContain(pmo.name.zh)
    expect(byTestId('tpl-review-item')?.textContent).toContain(item.title.zh)
    expect(document.body.textContent).toContain('评审会主持角色')

    await pick('tpl-review-chair-role', '(cio)')
    await pick('tpl-review-item', '(pre.training)')
    await settle()
    await wrapper.find('[data-testid="template-save"]').trigger('click')
    await flushPromises()
    const [sent] = b.callsOf('TemplateAPI.Save')[0] as [ProcessTemplate, boolean]
    expect(sent.settings.review_chair_role).toBe('cio')
    expect(sent.settings.review_item).toBe('pre.training')
    expect(wrapper.findComponent(TemplateEditor).emitted('saved')?.[0]).toEqual([(saved.result as TemplateInfo).key])
    expect(b.misses).toEqual([])
  })
})
