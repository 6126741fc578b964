package app

import "golive/backend/backup"

// The dialog-free steps of BackupAPI, for the fixture recordings of the
// external tests (fixtures_backup_test.go).

// BackupTo is BackupToDialog with path chosen.
func (b *BackupAPI) BackupTo(path string) (backup.Result, error) { return b.backupTo(path) }

// ChooseFile is ChooseBackupFile with path chosen.
func (b *BackupAPI) ChooseFile(path string) (backup.Summary, error) { return b.chooseFile(path) }

// ChooseFolder is ChooseRestoreFolder with dir chosen.
func (b *BackupAPI) ChooseFolder(dir string) (string, error) { return b.chooseFolder(dir) }
