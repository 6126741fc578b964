import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { IMPORTED_EVENT, type ExportResult, type ImportReport, type InboxItem, type Recipient, type SendPlan } from '@/bridge'
import ExchangeHost from '@/components/Exchange/ExchangeHost.vue'
import DossierExchange from '@/components/Exchange/DossierExchange.vue'
import SendDialog from '@/components/Exchange/SendDialog.vue'
import { makeI18n } from '@/i18n'
import { formatSize } from '@/lib/format'
import { useExchangeStore } from '@/stores/exchange'
import { backend, byTestId, click, mountUI, ready, SAMPLE } from '@/test/mount'
import { answer, fixture, type StubBackend } from '@/test/stub'

const settle = async () => {
  for (let i = 0; i < 5; i++) await flushPromises()
}
const zh = makeI18n('zh-CN').global.t

// Recorded by app/fixtures_exchange_test.go: the project manager sends a dossier to the
// director it waits for; the director imports it into his own folder, decides, replies.
const people = answer<Recipient[]>('exchange', 'ExchangeAPI.Recipients', 'project_manager')
const id = fixture('exchange').find((r) => r.call === 'ExchangeAPI.Recipients')!.args[0] as string
const waiting = people.filter((p) => p.waiting)
const withFiles = answer<SendPlan>('exchange', 'ExchangeAPI.SendPlan', 'project_manager', id, [waiting[0].person], true)
const sent = answer<ExportResult>('exchange', 'ExchangeAPI.SendTo', 'project_manager')
const imported = answer<ImportReport>('exchange', 'ExchangeAPI.ImportConfirmed', 'director')
const directorInbox = answer<InboxItem[]>('exchange', 'DossierAPI.Inbox', 'director')
const replyImported = answer<ImportReport>('exchange', 'ExchangeAPI.ImportFile', 'project_manager', '/home/user/.config/GoLive/' + id + '-\u56de\u590d' + answer<{ to_name: string }>('exchange', 'ExchangeAPI.ReplyPlan', 'director').to_name + '.golive')

describe('SendDialog', () => {
  let b: StubBackend
  beforeEach(async () => {
    document.body.innerHTML = ''
    b = backend(...SAMPLE, 'exchange').as('project_manager')
    await ready()
  })

  it('lists the roster with the people the dossier waits for first, marked and chosen, and names the file after them', async () => {
    expect(waiting.length).toBeGreaterThan(0)
    expect(people[0].waiting).toBe(true)
    await mountUI(SendDialog, { props: { dossierId: id, show: true } })
    await settle()
    const rows = [...document.querySelectorAll('[data-testid^="send-person-"]')]
    expect(rows.length).toBe(people.length)
    expect(rows[0].getAttribute('data-testid')).toBe(`send-person-${waiting[0].person}`)
    expect(rows[0].querySelector('[data-testid="send-waiting"]')!.textContent).toBe(zh('exchange.send.waiting'))
    expect(rows[0].querySelector('.n-checkbox--checked')).not.toBeNull()
    expect(rows.slice(waiting.length).every((r) => !r.querySelector('.n-checkbox--checked'))).toBe(true)
    expect(byTestId('send-file-name')!.textContent).toBe(withFiles.file_name)
    expect(withFiles.file_name).toMatch(new RegExp(`^${id}-\u5f85.*\\.golive$`))
    expect(byTestId('send-attachment-size')!.textContent).toBe(zh('exchange.send.attachmentsSize', { count: withFiles.blobs, size: formatSize(withFiles.blob_bytes) }))
    expect(b.callsOf('ExchangeAPI.SendPlan')).toContainEqual([id, [waiting[0].person], true])
    expect(b.misses).toEqual([])
  })

  it('leaves the attachments out on request, and saves through the dialog with the path and size said', async () => {
    await mountUI(SendDialog, { props: { dossierId: id, show: true } })
    await settle()
    await click('send-attachments')
    await settle()
    expect(b.callsOf('ExchangeAPI.SendPlan').at(-1)).toEqual([id, [waiting[0].person], false])
    // The save dialog's answer: the file written (recorded with the attachments; the dialog is native).
    b.reply('ExchangeAPI.SendTo', sent)
    await click('send-save')
    await settle()
    expect(b.callsOf('ExchangeAPI.SendTo').at(-1)).toEqual([id, [waiting[0].person], false])
    expect(document.body.textContent).toContain(zh('exchange.send.done', { path: sent.path, size: formatSize(sent.size) }))
    expect(b.misses).toEqual([])
  })
})

describe('the import report', () => {
  let b: StubBackend
  beforeEach(async () => {
    document.body.innerHTML = ''
    b = backend(...SAMPLE, 'exchange')
  })

  it('says what the file brought and what now waits for the director', async () => {
    b.as('director')
    await ready()
    await mountUI(ExchangeHost)
    await settle()
    b.emit(IMPORTED_EVENT, imported)
    // The report dialog is loaded when the first report arrives.
    await vi.waitFor(() => expect(byTestId('import-summary')).not.toBeNull())
    await settle()
    const mine = directorInbox.find((it) => it.dossier === id)!
    expect(mine.kind).toBe('decide')
    expect(byTestId('import-summary')!.textContent).toBe(
      zh('exchange.report.summary', { events: imported.events, blobs: imported.blobs }) +
        zh('exchange.report.sep') +
        zh('exchange.report.waitsForYou', { id, task: zh('inbox.kinds.decide') }),
    )
    expect(byTestId(`import-dossier-${id}`)!.textContent).toContain(zh('exchange.report.dossierNew'))
    expect(b.misses).toEqual([])
  })

  it('tells the project manager the director acted on his dossier, and lists events the fold refused with their rule', async () => {
    b.as('project_manager')
    await ready()
    await mountUI(ExchangeHost)
    await settle()
    expect(replyImported.events).toBe(1)
    // The same report with one event the fold did not count (a second decision on the slot).
    const conflicting: ImportReport = JSON.parse(JSON.stringify(replyImported))
    conflicting.dossiers[0].ignored = [{ event: 'e1', author: 'ab'.repeat(32), kind: 'workflow.decided', code: 'workflow.not_pending' }]
    await useExchangeStore().arrived(conflicting)
    await vi.waitFor(() => expect(byTestId('import-decided')).not.toBeNull())
    await settle()
    expect(byTestId('import-decided')!.textContent).toContain(replyImported.from)
    expect(byTestId('import-decided')!.textContent).toContain(id)
    const row = byTestId('import-ignored-row')!.textContent!
    expect(row).toContain(zh('errors.workflow.not_pending'))
    expect(b.misses).toEqual([])
  })

  it('tells what a sync pack brought in a notification, without a dialog that would block the window', async () => {
    b.as('director')
    await ready()
    await mountUI(ExchangeHost)
    await settle()
    // The same report as brought by the sync folder (a pack).
    const pack: ImportReport = { ...JSON.parse(JSON.stringify(imported)), kind: 'pack' }
    b.emit(IMPORTED_EVENT, pack)
    await vi.waitFor(() => expect(document.body.textContent).toContain(zh('exchange.synced.title', { from: pack.from })))
    await settle()
    expect(byTestId('import-report')).toBeNull()
    expect(document.body.textContent).toContain(zh('exchange.report.summary', { events: pack.events, blobs: pack.blobs }))
    expect(document.body.textContent).toContain(zh('exchange.synced.forYou', { ids: id }))
    expect(b.misses).toEqual([])
  })
})

describe('DossierExchange', () => {
  it('asks whether the dossier can be answered once its page is drawn, not in its first render', async () => {
    document.body.innerHTML = ''
    const b = backend(...SAMPLE, 'exchange').as('director')
    await ready()
    const frames = vi.spyOn(window, 'requestAnimationFrame')
    const { wrapper } = await mountUI(DossierExchange, { props: { dossierId: id } })
    // Not in the page's first render: the question waits for its frame.
    expect(b.callsOf('ExchangeAPI.ReplyPlan')).toEqual([])
    expect(frames).toHaveBeenCalled()
    await vi.waitFor(() => expect(b.callsOf('ExchangeAPI.ReplyPlan')).toEqual([[id]]))
    await settle()
    // The director's folder holds what the sender lacks (the recorded plan): the reply is offered.
    expect(byTestId('dossier-send')).not.toBeNull()
    expect(byTestId('dossier-reply')).not.toBeNull()
    wrapper.unmount()
    frames.mockRestore()
  })
})
