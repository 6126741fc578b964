import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { PROGRESS_EVENT, type BackupResult, type BackupStatus, type BackupSummary, type RestoreResult } from '@/bridge'
import BackupPanel from '@/components/Backup/BackupPanel.vue'
import SideNav from '@/components/AppShell/SideNav.vue'
import { makeI18n } from '@/i18n'
import { backend, byTestId, click, mountUI, ready, SAMPLE } from '@/test/mount'
import { answer, fixture, type StubBackend } from '@/test/stub'
import SettingsView from '@/views/SettingsView.vue'

const settle = async () => {
  for (let i = 0; i < 4; i++) await flushPromises()
}
const zh = makeI18n('zh-CN').global.t
const en = makeI18n('en').global.t

// The sample folder never backed up (base), and after the backup the app made (backup).
const never = answer<BackupStatus>('base', 'BackupAPI.Status')
const after = answer<BackupStatus>('backup', 'BackupAPI.Status')
const written = answer<BackupResult>('backup', 'BackupAPI.BackupToDialog')
const summary = answer<BackupSummary>('backup', 'BackupAPI.ChooseBackupFile')
const folder = answer<string>('backup', 'BackupAPI.ChooseRestoreFolder')
const restored = answer<RestoreResult>('backup', 'BackupAPI.Restore')
const text = () => document.body.textContent ?? ''

describe('BackupPanel', () => {
  let b: StubBackend
  beforeEach(async () => {
    document.body.innerHTML = ''
    b = backend(...SAMPLE).as('project_manager')
    await ready()
  })

  it('reminds to back up a folder with dossiers that was never backed up, as the backend decides', async () => {
    expect(never.due).toBe(true)
    expect(never.last).toBeNull()
    await mountUI(BackupPanel)
    await settle()
    expect(byTestId('backup-data-dir')!.textContent).toBe(never.data_dir)
    expect(byTestId('backup-never')!.textContent).toBe(zh('backup.never'))
    expect(byTestId('backup-due')!.textContent).toBe(zh('backup.dueNever', { count: never.dossiers }))
    expect(b.misses).toEqual([])
  })

  it('backs up through the save dialog, shows the progress the backend reports, then where the backup went', async () => {
    b.after('BackupAPI.BackupToDialog', (s) => s.serve('backup'))
    // The native dialog cannot be recorded: the call waits until the test lets it answer.
    let finish: (r: BackupResult) => void = () => undefined
    b.bridge.backup.backupToDialog = () => {
      b.calls.push({ call: 'BackupAPI.BackupToDialog', args: [] })
      return new Promise((resolve) => (finish = resolve))
    }
    await mountUI(BackupPanel)
    await settle()
    await click('backup-now')
    b.emit(PROGRESS_EVENT, { op: 'backup', path: written.path, done: 1 << 20, total: 4 << 20 })
    await settle()
    const bar = byTestId('backup-progress')!
    expect(bar.textContent).toContain(zh('backup.progress.backup'))
    expect(bar.textContent).toContain('25%')
    // Another long job's progress (an attachment) is not the backup's.
    b.emit(PROGRESS_EVENT, { op: 'attach', path: '/x', done: 3, total: 4 })
    await settle()
    expect(byTestId('backup-progress')!.textContent).toContain('25%')

    b.serve('backup')
    finish(written)
    await settle()
    expect(byTestId('backup-progress')).toBeNull()
    expect(byTestId('backup-done')!.textContent).toContain(written.path)
    // The status is read again: no reminder, the last backup and where it went.
    expect(after.due).toBe(false)
    expect(byTestId('backup-due')).toBeNull()
    expect(byTestId('backup-last')!.textContent).toContain(zh('backup.today'))
    expect(byTestId('backup-last-path')!.textContent).toBe(after.last!.path)
    expect(b.callsOf('BackupAPI.Status').length).toBe(2)
    expect(b.misses).toEqual([])
  })

  it('says nothing when the save dialog is cancelled', async () => {
    b.reply('BackupAPI.BackupToDialog', { path: '', bytes: 0, created: '0001-01-01T00:00:00Z', counts: { events: 0, records: 0, blobs: 0 }, hot_copy: false })
    await mountUI(BackupPanel)
    await settle()
    await click('backup-now')
    expect(b.callsOf('BackupAPI.BackupToDialog')).toHaveLength(1)
    expect(byTestId('backup-done')).toBeNull()
    expect(byTestId('error-alert')).toBeNull()
    expect(byTestId('backup-due')).not.toBeNull()
  })

  it('restores a chosen backup into a chosen empty folder and says how to open it', async () => {
    b.serve('backup')
    await mountUI(BackupPanel)
    await settle()
    expect(byTestId('backup-due')).toBeNull()
    await click('restore-choose-file')
    const shown = byTestId('restore-summary')!.textContent!
    expect(shown).toContain(summary.path)
    expect(shown).toContain(summary.source)
    expect(shown).toContain(zh('backup.holdsText', { events: summary.counts.events, records: summary.counts.records, blobs: summary.counts.blobs }))
    expect(byTestId('restore-start')!.hasAttribute('disabled')).toBe(true)
    await click('restore-choose-folder')
    expect(byTestId('restore-target')!.textContent).toBe(folder)
    await click('restore-start')
    expect(b.callsOf('BackupAPI.Restore')).toEqual([[]])
    expect(byTestId('restore-done')!.textContent).toContain(restored.dir)
    expect(byTestId('restore-command')!.textContent).toBe(`golive --data ${restored.dir}`)
    expect(byTestId('restore-summary')).toBeNull()
    expect(b.misses).toEqual([])
  })

  it('shows why a backup file or a folder is refused', async () => {
    b.serve('backup', 'backup-refused')
    await mountUI(BackupPanel, { locale: 'en' })
    await settle()
    await click('restore-choose-file')
    const notBackup = fixture('backup-refused').find((r) => r.call === 'BackupAPI.ChooseBackupFile')!.error!
    expect(byTestId('error-alert')!.textContent).toContain(en('errors.backup.not_a_backup', notBackup.params!))
    expect(byTestId('restore-summary')).toBeNull()

    b.serve('backup')
    await click('restore-choose-file')
    b.serve('backup-refused')
    await click('restore-choose-folder')
    const notEmpty = fixture('backup-refused').find((r) => r.call === 'BackupAPI.ChooseRestoreFolder')!.error!
    expect(notEmpty.code).toBe('backup.target_not_empty')
    expect(byTestId('error-alert')!.textContent).toContain(en('errors.backup.target_not_empty', notEmpty.params!))
    expect(byTestId('restore-target')).toBeNull()
    expect(byTestId('restore-start')!.hasAttribute('disabled')).toBe(true)
  })
})

describe('backup reminder in the app shell', () => {
  beforeEach(() => {
    document.body.innerHTML = ''
  })

  it('marks the settings entry while a backup is due, and not after one', async () => {
    const b = backend(...SAMPLE).as('project_manager')
    await ready()
    const { wrapper } = await mountUI(SideNav)
    await settle()
    expect(byTestId('nav-settings')!.textContent).toContain(zh('settings.nav'))
    expect(byTestId('backup-due-badge')).not.toBeNull()
    expect(b.misses).toEqual([])
    wrapper.unmount()

    document.body.innerHTML = ''
    backend(...SAMPLE, 'backup').as('project_manager')
    await ready()
    await mountUI(SideNav)
    await settle()
    expect(byTestId('nav-settings')).not.toBeNull()
    expect(byTestId('backup-due-badge')).toBeNull()
  })

  it('opens the settings page with its backup section', async () => {
    backend(...SAMPLE).as('project_manager')
    await ready()
    await mountUI(SettingsView, { path: '/settings' })
    await settle()
    expect(byTestId('settings-page')!.textContent).toContain(zh('backup.title'))
    expect(text()).toContain(zh('settings.title'))
  })
})
