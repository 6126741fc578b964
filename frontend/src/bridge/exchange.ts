// Exchange-file types as backend/core and app.ExchangeAPI send them
// (generated: wailsjs/go/models.ts core.*, dossier.Arrived), and the
// exchange area of the Bridge: sending a dossier to people (send to…),
// answering a file (reply) and importing theirs.
import type { app, core, dossier } from '../../wailsjs/go/models'

/** A person of the roster in force, marked when the dossier waits for him. */
export type Recipient = core.Recipient
/** What sending a dossier would write, with the suggested file name. */
export type SendPlan = core.SendPlan
/** Whether a dossier can be answered, and what the reply would carry. */
export type ReplyPlan = core.ReplyPlan
/** An exchange file written. */
export type ExportResult = app.Written
/** What an import brought, per dossier. */
export type ImportReport = core.ImportReport
/** One dossier's part of an import: its summary before and after, and the events the fold ignored. */
export type Arrived = dossier.Arrived
export type IgnoredEvent = dossier.IgnoredEvent

/** The Wails event emitted after every import (app.ImportedEvent), with the report. */
export const IMPORTED_EVENT = 'exchange:imported'
/** The Wails event telling the window files were opened with the app (app.OpenedEvent). */
export const OPENED_EVENT = 'exchange:opened'

/** The exchange area of the Bridge (app.ExchangeAPI). */
export interface ExchangeArea {
  /** The people of the roster in force, those the dossier waits for first; roster.none without a roster. */
  recipients(id: string): Promise<Recipient[]>
  sendPlan(id: string, to: string[], attachments: boolean): Promise<SendPlan>
  /** Asks where to save (the plan's name proposed) and writes; null when cancelled. */
  sendTo(id: string, to: string[], attachments: boolean): Promise<ExportResult | null>
  replyPlan(id: string): Promise<ReplyPlan>
  /** Asks where to save the reply and writes it; null when cancelled. */
  reply(id: string): Promise<ExportResult | null>
  /** Asks for an exchange file and imports it; null when cancelled. */
  importFromDialog(): Promise<ImportReport | null>
  /** Imports the file at path (dropped, opened with the app); roster.not_pinned asks for importConfirmed. */
  importFile(path: string): Promise<ImportReport>
  /** Imports into a folder without an organisation yet, once the PMO key's fingerprint was compared. */
  importConfirmed(path: string, fingerprint: string): Promise<ImportReport>
  /** The files opened with the app that the window has not imported yet. */
  takeOpened(): Promise<string[]>
  /** Calls cb after every import (from any window action); returns the unsubscribe. */
  onImported(cb: (r: ImportReport) => void): () => void
  /** Calls cb when files were opened with the running app. */
  onOpened(cb: () => void): () => void
  /** Calls cb with the paths of files dropped anywhere on the window (the desktop app only). */
  onFileDrop(cb: (paths: string[], x: number, y: number) => void): () => void
}
