import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { SYNC_STATUS_EVENT, type SyncResult, type SyncStatus } from '@/bridge'
import SyncPanel from '@/components/Sync/SyncPanel.vue'
import { makeI18n } from '@/i18n'
import { backend, byTestId, click, mountUI, ready, SAMPLE } from '@/test/mount'
import { answer, type StubBackend } from '@/test/stub'

const settle = async () => {
  for (let i = 0; i < 4; i++) await flushPromises()
}
const zh = makeI18n('zh-CN').global.t

// Recorded by app/fixtures_sync_test.go: no folder; the folder chosen (the
// sample published into it); a sync that found a pack with a flipped byte.
const none = answer<SyncStatus>('sync', 'SyncAPI.Status')
const chosen = answer<SyncStatus>('sync', 'SyncAPI.SetFolder', '', '/home/user/Sync')
const failedResult = answer<SyncResult>('sync-failed', 'SyncAPI.SyncNow')
const failed = answer<SyncStatus>('sync-failed', 'SyncAPI.Status')

describe('SyncPanel', () => {
  let b: StubBackend
  beforeEach(async () => {
    document.body.innerHTML = ''
    b = backend(...SAMPLE).as('project_manager')
    await ready()
  })

  it('says no folder is chosen and chooses one through the folder dialog', async () => {
    expect(none.folder).toBe('')
    b.reply('SyncAPI.Status', none)
    // The native dialog cannot be recorded: it answers what SetFolder answered.
    b.bridge.sync.chooseFolder = async () => {
      b.calls.push({ call: 'SyncAPI.ChooseFolder', args: [] })
      return chosen
    }
    await mountUI(SyncPanel)
    await settle()
    expect(byTestId('sync-none')!.textContent).toBe(zh('sync.none'))
    expect(byTestId('sync-now')).toBeNull()
    expect(byTestId('sync-choose')!.textContent!.trim()).toBe(zh('sync.choose'))

    await click('sync-choose')
    await settle()
    expect(byTestId('sync-folder')!.textContent).toBe(chosen.folder)
    expect(byTestId('sync-last')!.textContent).toContain('2026-12-01')
    expect(chosen.unpublished).toBe(0)
    expect(byTestId('sync-unpublished')!.textContent).toContain(zh('sync.unpublished', { count: 0 }))
    expect(byTestId('sync-files')!.textContent).toContain(zh('sync.files', { count: chosen.files }))
    expect(byTestId('sync-failed')).toBeNull()
    expect(b.misses).toEqual([])
  })

  it('lists the files that failed their checks with the reason, after sync now and on the backend’s event', async () => {
    expect(failed.failed.length).toBe(1)
    const p = failed.failed[0]
    b.reply('SyncAPI.Status', chosen)
    b.reply('SyncAPI.SyncNow', failedResult)
    await mountUI(SyncPanel)
    await settle()
    expect(byTestId('sync-failed')).toBeNull()

    // A sync the watcher ran reports the damaged pack.
    b.emit(SYNC_STATUS_EVENT, failed)
    await settle()
    const files = document.querySelectorAll('[data-testid="sync-failed-file"]')
    expect(files.length).toBe(1)
    expect(files[0].textContent).toContain(p.name)
    expect(files[0].textContent).toContain(zh(`errors.${p.code}`, p.params ?? {}))
    expect(byTestId('sync-failed')!.textContent).toContain(zh('sync.failedTitle', { count: 1 }))

    await click('sync-now')
    await settle()
    expect(b.callsOf('SyncAPI.SyncNow').length).toBe(1)
    expect(byTestId('sync-done')!.textContent).toBe(zh('sync.done', { published: 0, read: 0, events: 0 }))
    expect(b.misses).toEqual([])
  })
})
