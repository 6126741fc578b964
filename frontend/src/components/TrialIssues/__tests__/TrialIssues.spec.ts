import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { DossierView } from '@/bridge'
import { backend, byTestId, click, mountUI, ready, SAMPLE, type } from '@/test/mount'
import { answer, type StubBackend } from '@/test/stub'
import DossierView_ from '@/views/DossierView.vue'

// The new system confirmed a success, as its project manager records an
// issue of the trial run and closes it (recorded in action-trial).
const confirmed = answer<DossierView>('action-trial', 'DossierAPI.Get', 'project_manager')
const id = confirmed.state.id
const opened = answer<DossierView>('action-trial', 'DossierAPI.OpenTrialIssue', 'project_manager')
const issue = opened.state.trial_issues[0]

async function settle() {
  for (let i = 0; i < 4; i++) await flushPromises()
}

describe('trial-run issues', () => {
  let b: StubBackend
  beforeEach(async () => {
    document.body.innerHTML = ''
    b = backend(...SAMPLE, 'action-trial').as('project_manager')
    await ready()
    await mountUI(DossierView_, { props: { id }, path: `/dossiers/${id}?tab=closing` })
    await settle()
  })

  it('records an issue, counts it on the dossier and holds the archive until it is closed', async () => {
    expect(byTestId('trial-none')).not.toBeNull()
    expect(byTestId('dossier-trial-open')).toBeNull()
    expect((byTestId('archive') as HTMLButtonElement).disabled).toBe(false)

    await click('trial-add')
    await type('trial-title', issue.title)
    await type('trial-description', issue.description)
    await click('trial-severity-high')
    await click('trial-save')
    await settle()
    expect(b.callsOf('DossierAPI.OpenTrialIssue')).toEqual([[id, { title: issue.title, description: issue.description, severity: 'high' }]])
    expect(byTestId(`trial-issue-${issue.id}`)?.textContent).toContain('月末报表导出超时')
    expect(byTestId('trial-open-count')?.textContent).toContain('1 个未关闭')
    expect(byTestId('dossier-trial-open')?.textContent).toContain('试运行问题 1 个未关闭')
    expect(byTestId('archive-panel')?.textContent).toContain('还有 1 个试运行问题未关闭')
    expect((byTestId('archive') as HTMLButtonElement).disabled).toBe(true)

    await click(`trial-close-${issue.id}`)
    await type('trial-resolution-input', '增加索引后 5 秒内完成')
    await click('trial-close-save')
    await settle()
    expect(b.callsOf('DossierAPI.CloseTrialIssue')).toEqual([[id, issue.id, '增加索引后 5 秒内完成']])
    expect(byTestId(`trial-issue-${issue.id}`)?.dataset.closed).toBe('true')
    expect(byTestId('trial-resolution')?.textContent).toContain('增加索引后 5 秒内完成')
    expect(byTestId('dossier-trial-open')).toBeNull()
    expect((byTestId('archive') as HTMLButtonElement).disabled).toBe(false)
    expect(b.misses).toEqual([])
  })
})
