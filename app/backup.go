package app

import (
	"context"
	"sync"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"golive/backend/apperr"
	"golive/backend/backup"
	"golive/backend/core"
)

// BackupAPI backs the data folder up into one file and restores a backup
// into a new folder (the settings page's backup section). Whether a backup is
// due is decided here, in Go (backup.StatusAt): the UI only shows it.
type BackupAPI struct {
	c   *core.Core
	ctx context.Context

	mu sync.Mutex
	// busy is set while a backup or restore runs: one at a time.
	busy bool
	// chosenFile and chosenDir are the backup file and the target folder
	// the user picked; Restore uses them (the UI never sends a path to
	// write to).
	chosenFile, chosenDir string
}

// Status returns the folder's backup status: where it is, the last
// backup and whether one is due. Code backup.no_folder when no folder is
// open.
func (b *BackupAPI) Status() (backup.Status, error) {
	if b.c == nil {
		return backup.Status{}, fail(apperr.New("backup.no_folder"))
	}
	return result(backup.FolderStatus(b.c))
}

// BackupToDialog asks where to save the backup, writes it (progress
// events, op "backup") and records it as the folder's last backup. It
// returns an empty Result when the user cancels. Codes: backup.busy,
// backup.out_inside_folder, those of backup.Write.
func (b *BackupAPI) BackupToDialog() (backup.Result, error) {
	if b.c == nil {
		return backup.Result{}, fail(apperr.New("backup.no_folder"))
	}
	name := "golive-backup-" + b.c.Now().In(b.c.Zone).Format("20060102-1504") + ".zip"
	path, err := saveFile(b.ctx, b.c, dialogSaveBackup, name)
	if err != nil || path == "" {
		return backup.Result{}, fail(err)
	}
	return b.backupTo(path)
}

// backupTo writes the backup to path (BackupToDialog, tests).
func (b *BackupAPI) backupTo(path string) (backup.Result, error) {
	if err := b.start(); err != nil {
		return backup.Result{}, fail(err)
	}
	defer b.done()
	src := backup.Source{Store: b.c.Store, DataDir: b.c.Store.Dir()}
	res, err := backup.Write(context.Background(), src, path, backup.Options{Now: b.c.Now, Zone: b.c.Zone, AppVersion: core.Version,
		Progress: b.progress("backup", path)})
	if err != nil {
		return backup.Result{}, fail(err)
	}
	last := backup.Last{At: res.Created, Path: res.Path, Bytes: res.Bytes}
	// A damaged folder is open read-only: its backup is still written,
	// only not recorded (the reminder stays).
	if err := backup.RecordLast(b.c.Store, last); err != nil && !b.c.Store.ReadOnly() {
		return backup.Result{}, fail(err)
	}
	return res, nil
}

// ChooseBackupFile asks for a backup file and returns what its manifest
// says (the file's structure is checked; its contents when it is
// restored). It returns an empty Summary when the user cancels. Codes:
// those of backup.Inspect (backup.not_a_backup, backup.truncated, …).
func (b *BackupAPI) ChooseBackupFile() (backup.Summary, error) {
	path, err := openFile(b.ctx, b.c, dialogOpenBackup)
	if err != nil || path == "" {
		return backup.Summary{}, fail(err)
	}
	return b.chooseFile(path)
}

func (b *BackupAPI) chooseFile(path string) (backup.Summary, error) {
	sum, err := backup.Inspect(path)
	if err != nil {
		return backup.Summary{}, fail(err)
	}
	b.mu.Lock()
	b.chosenFile = path
	b.mu.Unlock()
	return sum, nil
}

// ChooseRestoreFolder asks for the folder to restore into, which must be
// empty, and returns it; "" when the user cancels. Codes:
// backup.target_not_empty, backup.target_not_folder.
func (b *BackupAPI) ChooseRestoreFolder() (string, error) {
	dir, err := openFolder(b.ctx, b.c, dialogRestoreFolder)
	if err != nil || dir == "" {
		return "", fail(err)
	}
	return b.chooseFolder(dir)
}

func (b *BackupAPI) chooseFolder(dir string) (string, error) {
	if err := backup.CheckTarget(dir); err != nil {
		return "", fail(err)
	}
	b.mu.Lock()
	b.chosenDir = dir
	b.mu.Unlock()
	return dir, nil
}

// Restore rebuilds a data folder from the chosen backup file in the
// chosen folder (progress events: op "restore_verify" while the file is
// checked, then "restore") and returns where it is: the app keeps its own
// folder open; the restored one is opened with golive --data DIR. Codes:
// backup.nothing_chosen, backup.busy, those of backup.Restore.
func (b *BackupAPI) Restore() (backup.RestoreResult, error) {
	b.mu.Lock()
	file, dir := b.chosenFile, b.chosenDir
	b.mu.Unlock()
	if file == "" || dir == "" {
		return backup.RestoreResult{}, fail(apperr.New("backup.nothing_chosen"))
	}
	if err := b.start(); err != nil {
		return backup.RestoreResult{}, fail(err)
	}
	defer b.done()
	res, err := backup.Restore(context.Background(), file, dir, backup.Options{Progress: b.progress("restore", file)})
	if err != nil {
		return backup.RestoreResult{}, fail(err)
	}
	b.mu.Lock()
	b.chosenFile, b.chosenDir = "", ""
	b.mu.Unlock()
	return res, nil
}

func (b *BackupAPI) start() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.busy {
		return apperr.New("backup.busy")
	}
	b.busy = true
	return nil
}

func (b *BackupAPI) done() {
	b.mu.Lock()
	b.busy = false
	b.mu.Unlock()
}

// progress emits the "progress" events of the UI (see DossierAPI.progress)
// for op on path: "backup" while a backup is written; "restore_verify"
// while a restore checks the file, then "restore" while it writes. At
// most one event per 4 MiB, and one at the end of each phase.
func (b *BackupAPI) progress(op, path string) backup.ProgressFunc {
	var last int64
	return func(p backup.Progress) {
		if b.ctx == nil || (p.Done-last < 4<<20 && p.Done != p.Total && p.Done != 0) {
			return
		}
		last = p.Done
		name := op
		if op == "restore" && p.Phase == backup.PhaseVerify {
			name = "restore_verify"
		}
		runtime.EventsEmit(b.ctx, "progress", map[string]any{"op": name, "path": path, "done": p.Done, "total": p.Total})
	}
}
