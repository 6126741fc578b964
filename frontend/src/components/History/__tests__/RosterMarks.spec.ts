import { beforeEach, describe, expect, it } from 'vitest'
import type { DossierView } from '@/bridge'
import HistoryTimeline from '@/components/History/HistoryTimeline.vue'
import { backend, mountUI, ready, SAMPLE } from '@/test/mount'
import { fixture } from '@/test/stub'

// The sample roster's story (roster-marks): a CIO step approved by the
// information-management GM for the CIO (代审批), and a countersign
// decision signed with the app-development director's revoked old-laptop
// key (未授权, roster.revoked).
const views = fixture('roster-marks').map((r) => r.result as DossierView)
const revoked = views.find((v) => v.history.some((h) => h.ignored_code === 'roster.revoked'))!
const delegated = views.find((v) => v.state.flow?.slots.some((s) => s.decision?.for_name))!

describe('history timeline under the roster', () => {
  beforeEach(async () => {
    document.body.innerHTML = ''
    backend(...SAMPLE, 'roster-marks').as('project_manager')
    await ready()
  })

  it('marks the decision signed with a revoked key 未授权 in red, with the reason in words', async () => {
    const entry = revoked.history.find((h) => h.ignored_code === 'roster.revoked')!
    const { wrapper } = await mountUI(HistoryTimeline, { props: { history: revoked.history, flow: revoked.state.flow, dossierId: revoked.state.id } })
    const tags = wrapper.findAll('[data-testid="history-unauthorized"]')
    expect(tags).toHaveLength(1)
    expect(tags[0].text()).toBe('未授权')
    const item = wrapper.findAll('[data-ignored="true"]').find((w) => w.find('[data-testid="history-unauthorized"]').exists())!
    // Red: the timeline marks the entry as an error, not greyed like a merge conflict.
    expect(item.classes()).toContain('n-timeline-item--error-type')
    expect(item.text()).toContain(entry.author_name)
    expect(item.find('[data-testid="history-ignored-reason"]').text()).toBe('未生效：签名密钥已被吊销，此操作未授权。')
  })

  it('gives no 未授权 mark to an entry ignored for another reason', async () => {
    const merged = fixture('history-merged')[0].result as DossierView
    const { wrapper } = await mountUI(HistoryTimeline, { props: { history: merged.history, flow: merged.state.flow } })
    expect(wrapper.findAll('[data-ignored="true"]')).toHaveLength(1)
    expect(wrapper.find('[data-testid="history-unauthorized"]').exists()).toBe(false)
  })

  it('says for whom a decision by delegation was made (代审批)', async () => {
    const d = delegated.state.flow!.slots.find((s) => s.decision?.for_name)!.decision!
    const { wrapper } = await mountUI(HistoryTimeline, { props: { history: delegated.history, flow: delegated.state.flow, dossierId: delegated.state.id } })
    const item = wrapper.findAll('[data-testid="history-flow.decided"]').find((w) => w.find('[data-testid="decision-for"]').exists())!
    expect(item.find('[data-testid="decision-for"]').text()).toBe(`代 ${d.for_name} 审批`)
    expect(d.for_name).toBe('孙丽')
    expect(item.text()).toContain(d.person_name)
    expect(wrapper.findAll('[data-testid="decision-for"]')).toHaveLength(1)
  })
})
