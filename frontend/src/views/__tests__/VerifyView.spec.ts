import { describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { VerifyReport } from '@/bridge'
import { backend, mountUI, ready, SAMPLE } from '@/test/mount'
import { answer } from '@/test/stub'
import VerifyView from '@/views/VerifyView.vue'

// The approvals PDF of the countersign dossier, checked against the folder (documents).
const report = answer<VerifyReport>('documents', 'DocumentsAPI.VerifyFromDialog')

async function check(locale: 'zh-CN' | 'en') {
  document.body.innerHTML = ''
  const b = backend(...SAMPLE, 'documents').as('project_manager')
  await ready()
  const { wrapper } = await mountUI(VerifyView, { path: '/verify', locale })
  await wrapper.find('[data-testid="verify-pick"]').trigger('click')
  for (let i = 0; i < 4; i++) await flushPromises()
  expect(b.misses).toEqual([])
  return wrapper.findAll('[data-testid="verify-signer"]').map((r) => ({ for: r.attributes('data-for')!, what: r.findAll('td')[0].text() }))
}

describe('VerifyView signatures', () => {
  it('names what each signature was for as the PDF does, not by its step id', async () => {
    const rows = await check('zh-CN')
    expect(rows).toHaveLength(report.payload!.signed.length)
    const countersign = rows.filter((r) => r.for.includes('/'))
    expect(countersign.length).toBeGreaterThan(0)
    for (const [i, r] of rows.entries()) {
      expect(r.what).toBe(report.signed[i].label.zh)
      expect(r.what).not.toContain(r.for)
    }
    // A countersign row: the step's name and the row's role.
    for (const r of countersign) expect(r.what).toContain(' · ')
  })

  it('uses the reader’s language', async () => {
    const rows = await check('en')
    for (const [i, r] of rows.entries()) {
      expect(r.what).toBe(report.signed[i].label.en)
      expect(r.what).not.toContain(r.for)
    }
    expect(rows.map((r) => r.what)).not.toEqual(report.signed.map((s) => s.label.zh))
  })
})
