import { beforeEach, describe, expect, it } from 'vitest'
import type { DossierView } from '@/bridge'
import HistoryTimeline from '@/components/History/HistoryTimeline.vue'
import { backend, mountUI, ready, SAMPLE } from '@/test/mount'
import { fixture } from '@/test/stub'

describe('history timeline', () => {
  beforeEach(async () => {
    document.body.innerHTML = ''
    backend(...SAMPLE).as('project_manager')
    await ready()
  })

  it('says which step returned the dossier and to which step', async () => {
    // The department approval returned the upgrade to the countersign step (action-return).
    const rec = fixture('action-return').find((r) => r.viewer === 'owning_subdept_director' && r.call === 'DossierAPI.Decide')!
    const v = rec.result as DossierView
    const { wrapper } = await mountUI(HistoryTimeline, { props: { history: v.history, flow: v.state.flow } })
    const returns = wrapper.findAll('[data-testid="history-flow.decided"]').filter((w) => w.text().includes('退回'))
    expect(returns).toHaveLength(1)
    expect(returns[0].text()).toContain('周杰')
    expect(returns[0].text()).toContain('在「部门审批」退回到「子部门会签审批」')
    expect(returns[0].text()).toContain('风险评估与会签意见不一致')
    expect(wrapper.text()).toContain('同意了「客户服务部总监」')
    expect(wrapper.text()).toContain('提交了审批申请')
    expect(wrapper.findAll('[data-ignored="true"]')).toHaveLength(0)
  })

  it('greys a decision the merge of two copies left ignored, and says why in words', async () => {
    // One director approved on this copy and returned on another; the return came first (history-merged).
    const v = fixture('history-merged')[0].result as DossierView
    const entry = v.history.find((h) => h.ignored)!
    expect(entry.ignored_code).toBe('workflow.not_pending')
    const { wrapper } = await mountUI(HistoryTimeline, { props: { history: v.history, flow: v.state.flow } })
    const items = wrapper.findAll('[data-ignored="true"]')
    expect(items).toHaveLength(1)
    expect(items[0].text()).toContain(entry.author_name)
    expect(items[0].find('[data-testid="history-ignored-reason"]').text()).toContain('当前不在待审批状态')
  })
})
