// Sync folder types as backend/syncdir and app.SyncAPI send them
// (generated: wailsjs/go/models.ts syncdir.*), and the sync area of the
// Bridge: the shared folder the data folder publishes its events to and
// reads everyone else's from.
import type { syncdir } from '../../wailsjs/go/models'

/** The last sync's summary: when, what it wrote and read, what waits, which files failed their checks. */
export type SyncStatus = syncdir.Status
/** What one sync did. */
export type SyncResult = syncdir.Result
/** A file of the sync folder that failed its checks, with the code saying why. */
export type SyncFileProblem = syncdir.FileProblem

/** The Wails event every sync emits with the status (app.SyncStatusEvent). */
export const SYNC_STATUS_EVENT = 'sync:status'

/** The sync area of the Bridge (app.SyncAPI). */
export interface SyncArea {
  /** The chosen folder's status (folder "" when none is chosen). */
  status(): Promise<SyncStatus>
  /** Asks for the folder, keeps it and syncs; the status unchanged when cancelled. */
  chooseFolder(): Promise<SyncStatus>
  /** Publishes and reads once (the sync now button). */
  syncNow(): Promise<SyncResult>
  /** Stops syncing with the folder (nothing in it is touched). */
  leave(): Promise<void>
  /** Calls cb with the status after every sync; returns the unsubscribe. */
  onStatus(cb: (s: SyncStatus) => void): () => void
}
