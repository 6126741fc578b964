// Backup and restore types as backend/backup and app.BackupAPI send them
// (generated: wailsjs/go/models.ts backup.*), and the backup area of the
// Bridge. Whether a backup is due comes with the status (due), decided by
// the backend: the UI never computes the seven-day rule itself.
import type { backup } from '../../wailsjs/go/models'

/** The folder's backup status: its path, the last backup (null when none), its age and whether one is due. */
export type BackupStatus = backup.Status
export type BackupLast = backup.Last
/** A backup written: its path, size, time and what it holds. */
export type BackupResult = backup.Result
/** What a backup file says about itself (its manifest). */
export type BackupSummary = backup.Summary
export type BackupCounts = backup.Counts
/** A restored folder: where it is, and what it holds. */
export type RestoreResult = backup.RestoreResult

/** The progress ops of backup work ("progress" events). */
export const BACKUP_OPS = ['backup', 'restore_verify', 'restore'] as const

/** The backup area of the Bridge (app.BackupAPI). */
export interface BackupArea {
  status(): Promise<BackupStatus>
  /** Asks where to save and writes the backup (progress op "backup"); null when cancelled. */
  backupToDialog(): Promise<BackupResult | null>
  /** Asks for a backup file and reads its manifest; null when cancelled. */
  chooseBackupFile(): Promise<BackupSummary | null>
  /** Asks for the folder to restore into (refused unless new or empty); "" when cancelled. */
  chooseRestoreFolder(): Promise<string>
  /** Restores the chosen file into the chosen folder (progress ops "restore_verify", then "restore"). */
  restore(): Promise<RestoreResult>
}
