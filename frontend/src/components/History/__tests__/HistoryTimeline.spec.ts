import { beforeEach, describe, expect, it } from 'vitest'
import HistoryTimeline from '@/components/History/HistoryTimeline.vue'
import { mountUI } from '@/test/mount'
import { workflowFixture } from '@/test/workflow'

describe('history timeline', () => {
  beforeEach(() => {
    document.body.innerHTML = ''
  })

  it('says which step returned the dossier and to which step', async () => {
    const fx = await workflowFixture()
    const id = await fx.dossier()
    await fx.submit(id)
    await fx.approve(id) // the six directors
    await fx.as('owning_subdept_director')
    await fx.b.dossiers.decide(id, { step: 'up.3.dept_approval', row: '', decision: 'return', return_to: 'up.2.countersign', comment: '风险评估与会签意见不一致', answers: {} })
    const v = await fx.b.dossiers.get(id)

    const { wrapper } = await mountUI(HistoryTimeline, { props: { history: v.history, flow: v.state.flow } })
    const returns = wrapper.findAll('[data-testid="history-flow.decided"]').filter((w) => w.text().includes('退回'))
    expect(returns).toHaveLength(1)
    expect(returns[0].text()).toContain('项目所属部门子部门总监')
    expect(returns[0].text()).toContain('在「部门审批」退回到「子部门会签审批」')
    expect(returns[0].text()).toContain('风险评估与会签意见不一致')
    expect(wrapper.text()).toContain('同意了「客户服务部总监」')
    expect(wrapper.text()).toContain('提交了审批申请')
  })

  it('greys an ignored entry and says why in words', async () => {
    const fx = await workflowFixture()
    const id = await fx.dossier()
    const v = await fx.b.dossiers.get(id)
    const ignored = { ...v.history.at(-1)!, event: 'x', kind: 'flow.decided', params: { step: 'up.2.countersign', row: 'cs', decision: 'approve' }, ignored: true, ignored_code: 'workflow.not_pending' }
    const { wrapper } = await mountUI(HistoryTimeline, { props: { history: [...v.history, ignored] } })
    const item = wrapper.find('[data-ignored="true"]')
    expect(item.exists()).toBe(true)
    expect(item.find('[data-testid="history-ignored-reason"]').text()).toContain('当前不在待审批状态')
  })
})
