import { describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { DossierView } from '@/bridge'
import DossierView_ from '@/views/DossierView.vue'
import { backend, byTestId, click, mountUI, ready, SAMPLE, type } from '@/test/mount'
import { answer, fixture } from '@/test/stub'

// The confirmed bugfix release, archived by its project manager (action-archive).
const confirmed = answer<DossierView>('dossier-upgrade-confirmed', 'DossierAPI.Get', 'project_manager')
const id = confirmed.state.id
const archived = fixture('action-archive').find((r) => r.call === 'DossierAPI.Archive' && !r.error)!
const reasons = archived.args[1] as Record<string, string>

describe('archive dialog', () => {
  it('lists the seven documents and needs a reason for each one missing', async () => {
    document.body.innerHTML = ''
    const b = backend(...SAMPLE, 'dossier-upgrade-confirmed', 'action-archive').as('project_manager')
    await ready()
    await mountUI(DossierView_, { props: { id }, path: `/dossiers/${id}?tab=closing` })
    for (let i = 0; i < 4; i++) await flushPromises()
    expect(confirmed.actions.archive).toBe(true)

    await click('archive')
    const docs = [...document.querySelectorAll('[data-testid^="archive-doc-"]')] as HTMLElement[]
    const plan = confirmed.state.plan!.documents
    expect(docs.map((d) => d.dataset.testid)).toEqual(plan.map((d) => `archive-doc-${d.id}`))
    // Missing: exactly the documents the backend refuses to archive without a reason.
    const refused = fixture('action-archive').find((r) => r.error)!.error!
    expect(refused.code).toBe('workflow.documents_missing')
    const missing = docs.filter((d) => d.dataset.present === 'false').map((d) => d.dataset.testid!.slice('archive-doc-'.length))
    expect(missing).toEqual(refused.params!.documents.split(','))
    expect(Object.keys(reasons).sort()).toEqual([...missing].sort())

    // No reasons: the backend refuses, naming both documents; the dialog stays open.
    await click('archive-confirm')
    const blank = Object.fromEntries(missing.map((doc) => [doc, '']))
    expect(b.callsOf('DossierAPI.Archive')).toEqual([[id, blank]])
    const alert = byTestId('error-alert')!.textContent!
    for (const doc of missing) expect(alert).toContain(plan.find((d) => d.id === doc)!.name.zh)

    for (const doc of missing) await type(`archive-reason-${doc}`, reasons[doc])
    await click('archive-confirm')
    expect(b.callsOf('DossierAPI.Archive')).toEqual([[id, blank], [id, reasons]])
    expect(byTestId('dossier-archived')).not.toBeNull()
    for (const doc of missing) expect(byTestId(`na-${doc}`)?.textContent).toContain(reasons[doc])
    expect(b.misses).toEqual([])
  })
})
