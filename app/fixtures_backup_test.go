package app_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"

	"golive/app"
)

// Paths as the recordings show them: the temporary folders of a test run
// differ from machine to machine.
const (
	shownDataDir  = "/home/user/.config/GoLive"
	shownBackup   = "/home/user/golive-backup-20261201-1000.zip"
	shownRestored = "/home/user/GoLive-restored"
	// shownBytes is the size the recordings give every backup file (it
	// depends on the temporary paths in its manifest).
	shownBytes = 5242880
)

// recordBackup: the settings page's backup section. File "base": the
// sample folder's status, never backed up, so a backup is due; file
// "start": an empty folder's, not due. File "backup": a backup saved
// where the dialog pointed, the status afterwards, the backup chosen to
// restore, an empty folder chosen and the restore; and what is refused: a
// folder with data as the target, a file that is not a backup. Run last:
// the backup is recorded in the folder.
func recordBackup(r *recorder) {
	api := r.api
	r.viewer = "" // the same answers whoever is signed in
	st, err := api.Backup.Status()
	st.DataDir = shownDataDir
	r.must("base", "", "BackupAPI.Status", nil, st, err)
	if !st.Due || st.Last != nil {
		r.t.Fatalf("the sample folder's backup status: %+v", st)
	}
	empty := app.New(openAt(r.t, r.t.TempDir()), nil)
	est, err := empty.Backup.Status()
	est.DataDir = shownDataDir
	r.must("start", "", "BackupAPI.Status", nil, est, err)

	out := filepath.Join(r.t.TempDir(), "golive-backup-20261201-1000.zip")
	res, err := api.Backup.BackupTo(out)
	res.Path, res.Bytes = shownBackup, shownBytes
	r.must("backup", "", "BackupAPI.BackupToDialog", nil, res, err)
	st, err = api.Backup.Status()
	st.DataDir, st.Last.Path, st.Last.Bytes = shownDataDir, shownBackup, shownBytes
	r.must("backup", "", "BackupAPI.Status", nil, st, err)
	if st.Due {
		r.t.Fatalf("a backup is still due after one: %+v", st)
	}

	sum, err := api.Backup.ChooseFile(out)
	sum.Path, sum.Bytes, sum.Source = shownBackup, shownBytes, shownDataDir
	r.must("backup", "", "BackupAPI.ChooseBackupFile", nil, sum, err)
	_, err = api.Backup.ChooseFolder(r.c.Store.Dir())
	if err != nil {
		err = replaceInError(err, r.c.Store.Dir(), shownDataDir)
	}
	r.fails("backup-refused", "BackupAPI.ChooseRestoreFolder", nil, "backup.target_not_empty", err)
	notes := filepath.Join(r.t.TempDir(), "notes.zip")
	if err := os.WriteFile(notes, []byte("these are notes, not a backup"), 0o600); err != nil {
		r.t.Fatal(err)
	}
	_, err = api.Backup.ChooseFile(notes)
	r.fails("backup-refused", "BackupAPI.ChooseBackupFile", nil, "backup.not_a_backup", replaceInError(err, notes, "/home/user/notes.zip"))

	target := filepath.Join(r.t.TempDir(), "GoLive-restored")
	_, err = api.Backup.ChooseFolder(target)
	r.must("backup", "", "BackupAPI.ChooseRestoreFolder", nil, shownRestored, err)
	got, err := api.Backup.Restore()
	got.Dir, got.Source = shownRestored, shownDataDir
	r.must("backup", "", "BackupAPI.Restore", nil, got, err)
}

// replaceInError replaces a temporary path in a coded error's JSON text.
func replaceInError(err error, from, to string) error {
	if err == nil {
		return nil
	}
	return errors.New(strings.ReplaceAll(err.Error(), from, to))
}
