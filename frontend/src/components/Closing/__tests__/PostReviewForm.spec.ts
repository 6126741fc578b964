import { describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { DossierView, PostReviewRequest } from '@/bridge'
import DossierView_ from '@/views/DossierView.vue'
import { backend, byTestId, click, mountUI, ready, SAMPLE, type } from '@/test/mount'
import { answer, fixture } from '@/test/stub'

// The confirmed emergency release, whose system owner records the post-release review (action-post-review).
const confirmed = answer<DossierView>('action-post-review', 'DossierAPI.Get', 'system_owner')
const id = confirmed.state.id
const recs = fixture('action-post-review')
const refused = recs.find((r) => r.call === 'DossierAPI.RecordPostReview' && r.error)!
const recorded = recs.find((r) => r.call === 'DossierAPI.RecordPostReview' && !r.error)!
const half = refused.args[1] as PostReviewRequest
const full = recorded.args[1] as PostReviewRequest

const settle = async () => {
  for (let i = 0; i < 4; i++) await flushPromises()
}

describe('post-release review', () => {
  it('is a record of findings, actions and participants the archive waits for', async () => {
    document.body.innerHTML = ''
    const b = backend(...SAMPLE, 'action-post-review').as('system_owner')
    await ready()
    await mountUI(DossierView_, { props: { id }, path: `/dossiers/${id}?tab=closing` })
    await settle()
    expect(confirmed.actions.post_review).toBe(true)
    // No checkbox any more: the review is a form of its own, named by the template.
    expect(confirmed.state.plan!.confirmation_items ?? []).toEqual([])
    expect(byTestId('post-review-form')?.textContent).toContain('紧急发布事后复盘')

    await type('post-review-findings', half.findings)
    await click('post-review-save')
    await settle()
    expect(b.callsOf('DossierAPI.RecordPostReview')).toEqual([[id, { findings: half.findings, actions: '', participants: '' }]])
    // The refusal names both missing parts.
    expect(refused.error?.params?.fields).toBe('actions,participants')
    const alert = byTestId('error-alert')!.textContent!
    expect(alert).toContain('改进措施')
    expect(alert).toContain('参与人')

    await type('post-review-actions', full.actions)
    await type('post-review-participants', full.participants)
    await click('post-review-save')
    await settle()
    expect(b.callsOf('DossierAPI.RecordPostReview')).toEqual([[id, { findings: half.findings, actions: '', participants: '' }], [id, full]])
    // Recorded: the form now offers to update it.
    expect(byTestId('post-review-save')?.textContent).toContain('更新事后复盘')
    expect(b.misses).toEqual([])
  })
})
