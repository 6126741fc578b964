import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { RosterFilePreview, RosterOverview } from '@/bridge'
import { answer } from '@/test/stub'
import { backend, byTestId, click, mountUI, ready, SAMPLE, type } from '@/test/mount'
import RosterView from '@/views/RosterView.vue'

/** settle waits for the calls the page starts on mount. */
async function settle() {
  for (let i = 0; i < 4; i++) await flushPromises()
}
const rows = () => [...document.body.querySelectorAll<HTMLElement>('[data-testid="person-row"]')]

describe('RosterView', () => {
  beforeEach(() => {
    document.body.innerHTML = ''
  })

  it('lists the people of the roster in force with role names, key fingerprints and revoked keys; the PMO sees the PMO actions', async () => {
    const b = backend(...SAMPLE, 'roster').as('pmo')
    await ready()
    const o = answer<RosterOverview>('roster', 'RosterAPI.Overview', 'pmo')
    const { wrapper } = await mountUI(RosterView, { path: '/roster' })
    await settle()

    const people = o.in_force!.roster.people
    expect(rows()).toHaveLength(people.length)
    const pmo = people.find((p) => (p.roles ?? []).includes('pmo'))!
    const row = rows().find((r) => r.dataset.id === pmo.id)!
    expect(row.textContent).toContain(pmo.name)
    const director = people.find((p) => (p.roles ?? []).includes('pmo_director'))!
    expect(rows().find((r) => r.dataset.id === director.id)!.textContent).toContain('项目管理部总监') // the role's name, not its id
    expect(row.textContent).toContain(o.keys[pmo.keys[0].public].fingerprint)
    // A key some version revoked is marked so.
    const revoked = Object.values(o.keys).filter((k) => k.revoked_in > 0)
    expect(document.body.querySelectorAll('[data-testid="person-key"][data-revoked="true"]').length).toBe(
      people.flatMap((p) => p.keys).filter((k) => o.keys[k.public].revoked_in > 0).length,
    )
    // The revoked keys tab lists the sample's revoked key by fingerprint, with its reason.
    expect(revoked.length).toBeGreaterThan(0)
    const tab = [...document.body.querySelectorAll<HTMLElement>('.n-tabs-tab')].find((x) => x.textContent?.includes('吊销的密钥'))!
    tab.click()
    await settle()
    const rev = o.in_force!.roster.revocations ?? []
    expect(rev.length).toBeGreaterThan(0)
    expect(byTestId('revocations-table')?.textContent).toContain(o.keys[rev[0].key].fingerprint)
    expect(byTestId('revocations-table')?.textContent).toContain(rev[0].reason)
    expect(wrapper.find('[data-testid="roster-in-force"]').text()).toContain(`现行第 ${o.in_force!.roster.version} 版`)
    expect(wrapper.find('[data-testid="roster-pin"]').text()).toContain(o.pinned_fingerprint)
    for (const id of ['roster-import', 'roster-edit', 'roster-export', 'roster-accept']) expect(byTestId(id), id).not.toBeNull()
    expect(b.misses).toEqual([])
  })

  it('shows a project manager the roster without the PMO actions', async () => {
    const b = backend(...SAMPLE, 'roster').as('project_manager')
    await ready()
    await mountUI(RosterView, { path: '/roster' })
    await settle()
    expect(rows().length).toBeGreaterThan(1)
    for (const id of ['roster-import', 'roster-edit', 'roster-publish', 'roster-export']) expect(byTestId(id), id).toBeNull()
    expect(byTestId('roster-accept')).not.toBeNull()
    expect(b.misses).toEqual([])
  })

  it('lets the PMO start a draft, add a delegation and publish it with a note after confirming', async () => {
    const b = backend(...SAMPLE, 'roster').as('pmo')
    // Starting the draft answers as recorded; from then on the backend answers with the draft.
    b.reply('RosterAPI.EditInForce', answer<RosterOverview>('roster-draft', 'RosterAPI.EditInForce', 'pmo'))
    b.after('RosterAPI.EditInForce', (s) => s.serve('roster-draft'))
    await ready()
    const { wrapper } = await mountUI(RosterView, { path: '/roster' })
    await settle()
    await click('roster-edit')
    expect(wrapper.find('[data-testid="roster-draft"]').text()).toContain('草稿（未发布）')
    expect(byTestId('roster-publish')).not.toBeNull()

    // Open the delegations tab and add one: the backend's answer is shown.
    const tab = [...document.body.querySelectorAll<HTMLElement>('.n-tabs-tab')].find((x) => x.textContent?.includes('代审批'))!
    tab.click()
    await settle()
    await click('delegation-add')
    expect(byTestId('delegation-editor')).not.toBeNull()
    await type('delegation-start', '2026-12-07')
    await type('delegation-end', '2026-12-11')
    await click('delegation-save')
    expect(b.callsOf('RosterAPI.SaveDraft')).toHaveLength(1)
    expect(document.body.querySelector('[data-testid="delegation-row"][data-id="D-2026-02"]')).not.toBeNull()

    const published = answer<RosterOverview>('roster', 'RosterAPI.Overview', 'pmo')
    b.reply('RosterAPI.Publish', published)
    await click('roster-publish')
    expect(byTestId('publish-dialog')).not.toBeNull()
    expect(b.callsOf('RosterAPI.Publish')).toEqual([])
    await type('publish-note', '新增代审批')
    await click('publish-confirm')
    expect(b.callsOf('RosterAPI.Publish')).toEqual([['新增代审批']])
    expect(byTestId('publish-dialog')).toBeNull()
    expect(b.misses).toEqual([])
  }, 20000)

  it('shows a received file\'s PMO fingerprint in groups and accepts it only after the user confirmed it', async () => {
    const b = backend(...SAMPLE, 'roster-accept')
    await ready()
    const file = answer<RosterFilePreview>('roster-accept', 'RosterAPI.PreviewFromDialog')
    const { wrapper } = await mountUI(RosterView, { path: '/roster' })
    await settle()
    expect(byTestId('roster-none')).not.toBeNull()
    expect(byTestId('roster-import')).toBeNull()

    await click('roster-accept')
    const fp = byTestId('accept-fingerprint')!
    const groups = [...fp.querySelectorAll('.group')].map((g) => g.textContent)
    expect(groups).toEqual(file.preview.fingerprint.split(' '))
    expect(groups).toHaveLength(8)
    expect(groups.every((g) => /^[0-9A-F]{4}$/.test(g ?? ''))).toBe(true)
    expect(byTestId('accept-verify')?.textContent).toContain('请与 PMO 当面或电话核对指纹')
    expect(byTestId('accept-dialog')?.textContent).toContain(file.preview.root_name)

    // Not before the user ticks that the fingerprint matches.
    expect((byTestId('accept-confirm') as HTMLButtonElement).disabled).toBe(true)
    await click('accept-confirm')
    expect(b.callsOf('RosterAPI.Accept')).toEqual([])
    ;(byTestId('accept-checked') as HTMLElement).click()
    await flushPromises()
    await click('accept-confirm')
    expect(b.callsOf('RosterAPI.Accept')).toEqual([[file.path, file.preview.fingerprint]])
    await settle()
    expect(byTestId('accept-dialog')).toBeNull()
    expect(wrapper.find('[data-testid="roster-in-force"]').exists()).toBe(true)
    expect(rows().length).toBe(file.preview.people)
    expect(b.misses).toEqual([])
  })
})
