import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import DossierView from '@/views/DossierView.vue'
import { byTestId, mountUI } from '@/test/mount'
import { template, workflowFixture, zh, type Fixture } from '@/test/workflow'

const click = async (id: string) => {
  const el = byTestId(id)
  expect(el, id).not.toBeNull()
  el!.click()
  await flushPromises()
}
const type = async (id: string, text: string) => {
  const el = byTestId(id) as HTMLInputElement
  el.value = text
  el.dispatchEvent(new Event('input'))
  await flushPromises()
}

describe('archive dialog', () => {
  let fx: Fixture
  beforeEach(async () => {
    document.body.innerHTML = ''
    fx = await workflowFixture()
  })

  it('lists the seven documents and needs a reason for each one missing', async () => {
    const id = await fx.dossier()
    await fx.submit(id)
    await fx.toConfirmed(id)
    await fx.as('system_owner')
    await mountUI(DossierView, { props: { id }, path: `/dossiers/${id}?tab=closing` })

    await click('archive')
    const docs = [...document.querySelectorAll('[data-testid^="archive-doc-"]')] as HTMLElement[]
    expect(docs.map((d) => d.dataset.testid)).toEqual(template.documents.map((d) => `archive-doc-${d.id}`))
    // The upgrade flow attached these (required start deliverables and the confirmation's test confirmation).
    const present = docs.filter((d) => d.dataset.present === 'true').map((d) => d.dataset.testid!.slice('archive-doc-'.length))
    expect(present.sort()).toEqual(['application_confirmation', 'config_manual', 'release_note', 'release_test_confirmation', 'user_test_report'])
    const missing = template.documents.filter((d) => !present.includes(d.id))
    expect(missing.map((d) => d.id)).toEqual(['user_manual', 'training_manual'])

    // No reasons: refused, naming both documents.
    await click('archive-confirm')
    const alert = byTestId('error-alert')!.textContent!
    for (const d of missing) expect(alert).toContain(zh(d.name))
    expect((await fx.b.dossiers.get(id)).state.flow!.phase).toBe('confirmed')

    // One reason is not enough.
    await type('archive-reason-user_manual', '界面无变化')
    await click('archive-confirm')
    expect(byTestId('error-alert')!.textContent).toContain(zh(missing[1].name))
    expect(byTestId('error-alert')!.textContent).not.toContain(zh(missing[0].name))

    await type('archive-reason-training_manual', '无需培训')
    await click('archive-confirm')
    const v = await fx.b.dossiers.get(id)
    expect(v.state.flow!.phase).toBe('archived')
    expect(v.state.flow!.archive!.not_applicable).toEqual({ user_manual: '界面无变化', training_manual: '无需培训' })
    expect(byTestId('dossier-archived')).not.toBeNull()
    expect(byTestId('na-training_manual')?.textContent).toContain('无需培训')
  })
})
