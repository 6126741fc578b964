import { beforeEach, describe, expect, it } from 'vitest'
import InboxView from '@/views/InboxView.vue'
import { byTestId, mountUI } from '@/test/mount'
import { workflowFixture } from '@/test/workflow'

describe('inbox', () => {
  beforeEach(() => {
    document.body.innerHTML = ''
  })

  it('lists what waits for the profile oldest first, with urges and the emergency mark', async () => {
    // One director who also heads the applicant's department: both dossiers wait for them.
    const fx = await workflowFixture({ extraRoles: { cs_director: ['applicant_dept_head'] } })
    const planned = await fx.dossier({ title: 'Planned upgrade' })
    const emergency = await fx.dossier({ title: 'Hotfix', mode: 'emergency' })
    await fx.submit(planned)
    await fx.submit(emergency)
    await fx.as('project_manager')
    await fx.b.dossiers.urge(emergency, 'emergency.signature', '', 'please')
    await fx.as('cs_director')

    await mountUI(InboxView)
    const rows = [...document.querySelectorAll('[data-testid="inbox-row"]')] as HTMLElement[]
    expect(rows.map((r) => r.dataset.dossier)).toEqual([planned, emergency])
    expect(rows[0].textContent).toContain('Planned upgrade')
    expect(rows[0].textContent).toContain('审批 · 子部门会签审批 · 客户服务部总监')
    expect(rows[0].querySelector('[data-testid="inbox-emergency"]')).toBeNull()
    expect(rows[1].querySelector('[data-testid="inbox-emergency"]')?.textContent).toBe('紧急 · 未经完整测试')
    expect(rows[1].querySelector('[data-testid="inbox-urges"]')?.textContent).toContain('已催办 1 次')
    expect(rows[1].getAttribute('href')).toContain(`/dossiers/${emergency}?tab=approval`)
    expect(byTestId('inbox-page')?.textContent).toContain('2 项')
  })
})
