import { defineStore } from 'pinia'
import { ref } from 'vue'
import { bridge, isCode, toAppError, type ImportReport, type ReplyPlan } from '@/bridge'
import { useAppStore } from './app'
import { useDossiersStore } from './dossiers'
import { useInboxStore } from './inbox'
import { useNoticesStore } from './notices'

/** A dossier the user follows that someone else acted on (the import report's notices). */
export interface DecidedNotice {
  id: string
  title: string
  from: string
  /** The dossier's phase after the import. */
  after: string
}

/** A file waiting for the user to confirm its organisation's PMO key (roster.not_pinned). */
export interface PendingConfirm {
  path: string
  fingerprint: string
}

/**
 * Exchange files arriving: every import (dropped, opened with the app,
 * from the menu) lands here, the inbox and the open dossier are read again,
 * and the report is shown (ImportReportDialog; a sync pack's in a
 * notification). Replies possible per
 * dossier are asked of the backend (ReplyPlan), never computed here.
 */
export const useExchangeStore = defineStore('exchange', () => {
  const report = ref<ImportReport | null>(null)
  /** The last sync pack that brought something: told in a notification, not a dialog. */
  const synced = ref<ImportReport | null>(null)
  const decided = ref<DecidedNotice[]>([])
  const confirm = ref<PendingConfirm | null>(null)
  const replies = ref<Record<string, ReplyPlan>>({})

  /** arrived takes an import's report (the exchange:imported event, or a call's answer). */
  async function arrived(r: ImportReport) {
    // The call's answer and the backend's event carry the same report: take it once.
    const seen = report.value
    if (seen && seen.file === r.file && seen.events === r.events && seen.blobs === r.blobs && seen.waiting === r.waiting) return
    // A pack the sync folder brought arrives unasked: it must not block the
    // window with a dialog; it is told once the inbox was read again.
    if (r.kind !== 'pack') report.value = r
    decided.value = (r.dossiers ?? []).filter((d) => d.moved).map((d) => ({ id: d.id, title: d.after.title, from: r.from, after: d.after.phase }))
    const notices = useNoticesStore()
    const dossiers = useDossiersStore()
    await Promise.all([
      notices.background(useInboxStore().load()),
      notices.background(dossiers.load()),
      ...(dossiers.current && (r.dossiers ?? []).some((d) => d.id === dossiers.current?.state.id) ? [notices.background(dossiers.reload())] : []),
      ...(r.dossiers ?? []).map((d) => notices.background(loadReply(d.id))),
    ])
    if (r.kind === 'pack') synced.value = r
  }

  /**
   * exchangeFiles keeps the paths that name exchange files, by the
   * extension the backend gives (AppInfo.exchange_ext).
   */
  function exchangeFiles(paths: string[]): string[] {
    const ext = useAppStore().info?.exchange_ext
    return ext ? paths.filter((p) => p.toLowerCase().endsWith(ext)) : []
  }

  /** importPaths imports each exchange file among paths (others are left to whoever handles them). */
  async function importPaths(paths: string[]) {
    for (const path of exchangeFiles(paths)) {
      try {
        await arrived(await bridge().exchange.importFile(path))
      } catch (e) {
        const err = toAppError(e)
        if (isCode(err, 'roster.not_pinned')) confirm.value = { path, fingerprint: err.params.fingerprint ?? '' }
        else useNoticesStore().report(err)
      }
    }
  }

  /** confirmed imports the file waiting for confirmation, the fingerprint compared. */
  async function confirmed() {
    const c = confirm.value
    confirm.value = null
    if (c) await arrived(await bridge().exchange.importConfirmed(c.path, c.fingerprint))
  }

  /** importFromDialog asks for a file and imports it; false when cancelled. */
  async function importFromDialog(): Promise<boolean> {
    const r = await bridge().exchange.importFromDialog()
    if (r) await arrived(r)
    return Boolean(r)
  }

  /** openedFiles imports the files opened with the app that the window has not taken yet. */
  async function openedFiles() {
    await importPaths(await bridge().exchange.takeOpened())
  }

  /** loadReply asks whether dossier id can be answered. */
  async function loadReply(id: string): Promise<ReplyPlan> {
    const p = await bridge().exchange.replyPlan(id)
    replies.value = { ...replies.value, [id]: p }
    return p
  }

  function closeReport() {
    report.value = null
  }

  return { report, synced, decided, confirm, replies, arrived, importPaths, confirmed, importFromDialog, openedFiles, loadReply, closeReport }
})
