package app

import (
	"os"
	"path/filepath"
	"testing"

	"golive/backend/core"
	"golive/backend/profile"
)

// TestBackupAPI: the settings page's backup and restore over a real
// folder: the status before and after a backup made by the app, a backup
// refused inside the data folder, a file that is not a backup and a
// folder that is not empty refused when chosen, and a restore of the
// chosen file into the chosen folder.
func TestBackupAPI(t *testing.T) {
	dir := t.TempDir()
	c, err := core.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	api := New(c, nil)
	if _, err := api.Profiles.Create(profile.CreateRequest{Name: "Zhang Wei", Department: "Ops", Roles: []string{"project_manager"}, Passphrase: "passphrase-1"}); err != nil {
		t.Fatal(err)
	}
	b := api.Backup
	st, err := b.Status()
	if err != nil || st.Last != nil || st.Due || st.DataDir != c.Store.Dir() {
		t.Fatalf("status of a new folder: %+v %v", st, err)
	}
	if _, err := b.backupTo(filepath.Join(dir, "inside.zip")); err == nil {
		t.Fatal("a backup was written into the data folder")
	} else if code, _, _ := coded(t, err); code != "backup.out_inside_folder" {
		t.Fatalf("code %s", code)
	}
	out := filepath.Join(t.TempDir(), "b.zip")
	res, err := b.backupTo(out)
	if err != nil || res.Path != out || res.Bytes == 0 {
		t.Fatalf("backup: %+v %v", res, err)
	}
	st, err = b.Status()
	if err != nil || st.Last == nil || st.Last.Path != out || st.Last.Bytes != res.Bytes || st.Due {
		t.Fatalf("status after a backup: %+v %v", st, err)
	}

	if _, err := b.Restore(); err == nil {
		t.Fatal("a restore ran with nothing chosen")
	} else if code, _, _ := coded(t, err); code != "backup.nothing_chosen" {
		t.Fatalf("code %s", code)
	}
	notes := filepath.Join(t.TempDir(), "notes.zip")
	os.WriteFile(notes, []byte("not a backup"), 0o600)
	if _, err := b.chooseFile(notes); err == nil {
		t.Fatal("a file that is not a backup was accepted")
	} else if code, _, _ := coded(t, err); code != "backup.not_a_backup" {
		t.Fatalf("code %s", code)
	}
	if _, err := b.chooseFolder(dir); err == nil {
		t.Fatal("the data folder was accepted as the target")
	} else if code, _, _ := coded(t, err); code != "backup.target_not_empty" {
		t.Fatalf("code %s", code)
	}
	sum, err := b.chooseFile(out)
	if err != nil || sum.Source != c.Store.Dir() || sum.Counts.Records == 0 {
		t.Fatalf("chosen backup: %+v %v", sum, err)
	}
	target := filepath.Join(t.TempDir(), "restored")
	if _, err := b.chooseFolder(target); err != nil {
		t.Fatal(err)
	}
	got, err := b.Restore()
	if err != nil || got.Dir != target {
		t.Fatalf("restore: %+v %v", got, err)
	}
	r, err := core.OpenReadOnly(target)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if list, err := r.Profiles.List(); err != nil || len(list) != 1 || list[0].Name != "Zhang Wei" {
		t.Fatalf("restored profiles: %+v %v", list, err)
	}

	none := New(nil, nil).Backup
	if _, err := none.Status(); err == nil {
		t.Fatal("a status without a folder")
	} else if code, _, _ := coded(t, err); code != "backup.no_folder" {
		t.Fatalf("code %s", code)
	}
}
