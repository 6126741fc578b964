import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { SyncStatus } from '@/bridge'
import SyncBadge from '@/components/Sync/SyncBadge.vue'
import { makeI18n } from '@/i18n'
import { backend, byTestId, mountUI, ready, SAMPLE } from '@/test/mount'
import { answer, type StubBackend } from '@/test/stub'

const settle = async () => {
  for (let i = 0; i < 4; i++) await flushPromises()
}
const zh = makeI18n('zh-CN').global.t

// Recorded by app/fixtures_sync_test.go.
const none = answer<SyncStatus>('sync', 'SyncAPI.Status')
const chosen = answer<SyncStatus>('sync', 'SyncAPI.SetFolder', '', '/home/user/Sync')
const failed = answer<SyncStatus>('sync-failed', 'SyncAPI.Status')

describe('SyncBadge', () => {
  let b: StubBackend
  beforeEach(async () => {
    document.body.innerHTML = ''
    b = backend(...SAMPLE).as('project_manager')
    await ready()
  })

  it('shows nothing while no sync folder is chosen', async () => {
    b.reply('SyncAPI.Status', none, { args: [] })
    await mountUI(SyncBadge)
    await settle()
    expect(byTestId('header-sync')).toBeNull()
  })

  it('shows the last sync, and the files that failed their checks in red', async () => {
    b.reply('SyncAPI.Status', chosen, { args: [] })
    const { wrapper } = await mountUI(SyncBadge)
    await settle()
    const badge = byTestId('header-sync')!
    expect(badge.textContent).toContain('2026-12-01')
    expect(badge.classList.contains('bad')).toBe(false)
    expect(badge.getAttribute('title')).toBe(zh('sync.shell.title', { folder: chosen.folder }))
    wrapper.unmount()

    expect(failed.failed.length).toBeGreaterThan(0)
    b.reply('SyncAPI.Status', failed, { args: [] })
    await mountUI(SyncBadge)
    await settle()
    const bad = byTestId('header-sync')!
    expect(bad.textContent).toContain(zh('sync.shell.failed', { count: failed.failed.length }))
    expect(bad.classList.contains('bad')).toBe(true)
  })
})
