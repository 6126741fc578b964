package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"golive/backend/cli"
)

func TestWarnsOfADataFolderInASyncedFolder(t *testing.T) {
	for _, v := range []string{"OneDrive", "OneDriveCommercial", "OneDriveConsumer"} {
		t.Setenv(v, "")
	}
	home, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	synced := filepath.Join(home, "Sync")
	if err := os.MkdirAll(filepath.Join(synced, ".stfolder"), 0o755); err != nil {
		t.Fatal(err)
	}
	var warn bytes.Buffer
	defer cli.SetStderr(&warn)()
	// A command that opens its folder for writing (here it then finds no
	// such dossier, which does not matter).
	archive := func(data string) {
		t.Helper()
		warn.Reset()
		_, err := run("export", "archive", "--dossier", "REL-0", "--out", filepath.Join(home, "a.zip"), "--data", data)
		if err == nil {
			t.Fatal("an empty folder has no archived dossier")
		}
	}

	data := filepath.Join(synced, "GoLive")
	archive(data)
	want := "warning: the data folder " + data + " lies in a Syncthing folder (" + synced + "); sync tools can damage it: keep it on a local disk and use 'golive sync --folder' to share work\n"
	if warn.String() != want {
		t.Fatalf("stderr:\n%q\nwant:\n%q", warn.String(), want)
	}

	archive(filepath.Join(home, "local", "GoLive"))
	if warn.Len() != 0 {
		t.Fatalf("a folder on a plain disk was warned about: %q", warn.String())
	}
}
