import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { DossierView, VerifyReport } from '@/bridge'
import DossierView_ from '@/views/DossierView.vue'
import { backend, byTestId, click, mountUI, ready, SAMPLE, type } from '@/test/mount'
import { answer } from '@/test/stub'

// Filing (流程备案) makes the filing step's generated deliverables — 发布申请
// and 审批意见 — as signed PDFs (recorded in action-filing by
// app/fixtures_filing_test.go); the step shows them, each to open, save or
// verify like any other attachment.

const settle = async () => {
  for (let i = 0; i < 6; i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 0))
  }
}

const file = 'action-filing'
const before = answer<DossierView>(file, 'DossierAPI.Get', 'project_manager')
const after = answer<DossierView>(file, 'DossierAPI.File', 'project_manager')
const id = before.state.id
const generated = before.state.plan!.steps.find((s) => s.kind === 'filing')!.deliverables!.filter((d) => d.generated)

describe('filed documents', () => {
  beforeEach(() => {
    document.body.innerHTML = ''
  })

  it('shows the two documents the filing made, and checks each as stored', async () => {
    expect(generated.map((d) => d.name.zh)).toEqual(['发布申请', '审批意见'])
    const b = backend(...SAMPLE, file).as('project_manager')
    await ready()
    await mountUI(DossierView_, { props: { id }, path: `/dossiers/${id}?tab=approval` })
    await settle()
    // Before the filing: the panel to file, nothing made yet.
    expect(byTestId('filing-panel')).not.toBeNull()
    expect(byTestId('filed-documents')).toBeNull()

    await type('file-comment', '审批意见已备案')
    await click('file')
    await settle()
    expect(b.callsOf('DossierAPI.File')).toEqual([[id, '审批意见已备案']])
    const shown = byTestId('filed-documents')
    expect(shown).not.toBeNull()
    for (const d of generated) {
      const v = after.state.flow!.deliverables[d.id].at(-1)!
      const row = byTestId(`filed-${d.id}`)
      expect(row?.textContent).toContain(d.name.zh)
      expect(row?.textContent).toContain(v.name)
      expect(row?.textContent).toContain(v.sha256.slice(0, 12))
      expect(byTestId(`filed-open-${d.id}`)).not.toBeNull()
      expect(byTestId(`filed-save-${d.id}`)).not.toBeNull()

      await click(`filed-verify-${d.id}`)
      await settle()
      const rep = answer<VerifyReport>(file, 'DocumentsAPI.VerifyDeliverable', 'project_manager', v.sha256)
      expect(rep.status).toBe('match')
      const tag = byTestId(`filed-status-${d.id}`)
      expect(tag?.dataset.status).toBe('match')
      expect(tag?.textContent).toContain('一致')
    }
    expect(b.callsOf('DocumentsAPI.VerifyDeliverable')).toEqual(generated.map((d) => [after.state.flow!.deliverables[d.id].at(-1)!.sha256]))
    expect(b.misses).toEqual([])
  }, 30000)
})
