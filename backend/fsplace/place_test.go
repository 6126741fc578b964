package fsplace_test

import (
	"os"
	"path/filepath"
	"testing"

	"golive/backend/fsplace"
)

// base returns a new temporary folder, resolved (macOS's /var is a link to
// /private/var), with the OneDrive variables cleared so the machine's own
// OneDrive does not count.
func base(t *testing.T) string {
	t.Helper()
	for _, v := range []string{"OneDrive", "OneDriveCommercial", "OneDriveConsumer"} {
		t.Setenv(v, "")
	}
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// mkdir makes the folder parts under dir and returns it.
func mkdir(t *testing.T, dir string, parts ...string) string {
	t.Helper()
	p := filepath.Join(append([]string{dir}, parts...)...)
	if err := os.MkdirAll(p, 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

// touch writes an empty file name in dir.
func touch(t *testing.T, dir, name string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), nil, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestMarkersFoundFromANestedFolder(t *testing.T) {
	cases := []struct {
		name, marker string
		isDir        bool
		kind         string
	}{
		{"syncthing folder", ".stfolder", true, fsplace.KindSyncthing},
		{"syncthing marker file", ".stfolder", false, fsplace.KindSyncthing},
		{"syncthing ignore file", ".stignore", false, fsplace.KindSyncthing},
		{"nextcloud journal", ".sync_0a1b2c3d4e5f.db", false, fsplace.KindNextcloud},
		{"owncloud journal", "._sync_0a1b2c3d4e5f.db", false, fsplace.KindNextcloud},
		{"owncloud log", ".owncloudsync.log", false, fsplace.KindNextcloud},
		{"dropbox file", ".dropbox", false, fsplace.KindDropbox},
		{"dropbox cache", ".dropbox.cache", true, fsplace.KindDropbox},
		{"google drive download folder", ".tmp.drivedownload", true, fsplace.KindGoogleDrive},
		{"onedrive marker", ".849C9593-D756-4E56-8D6E-42412F2A707B", false, fsplace.KindOneDrive},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root := mkdir(t, base(t), "Shared")
			if c.isDir {
				mkdir(t, root, c.marker)
			} else {
				touch(t, root, c.marker)
			}
			data := mkdir(t, root, "team", "GoLive")
			got := fsplace.Classify(data)
			want := fsplace.Place{Kind: c.kind, Root: root, Detail: c.marker}
			if got != want {
				t.Fatalf("Classify(%s) = %+v, want %+v", data, got, want)
			}
			if !fsplace.Synced(got) {
				t.Fatal("a synced place is not Synced")
			}
		})
	}
}

func TestFolderNamesOfSyncTools(t *testing.T) {
	cases := []struct {
		name  string
		parts []string // the root is the last part
		kind  string
	}{
		{"onedrive personal", []string{"OneDrive"}, fsplace.KindOneDrive},
		{"onedrive for business", []string{"OneDrive - Contoso Ltd"}, fsplace.KindOneDrive},
		{"google drive backup and sync", []string{"Google Drive"}, fsplace.KindGoogleDrive},
		{"google drive on macOS", []string{"Library", "CloudStorage", "GoogleDrive-me@example.com", "My Drive"}, fsplace.KindGoogleDrive},
		{"google drive mounted", []string{"mnt", "g", "My Drive"}, fsplace.KindGoogleDrive},
		{"icloud on windows", []string{"iCloudDrive"}, fsplace.KindICloud},
		{"icloud on macOS", []string{"Library", "Mobile Documents"}, fsplace.KindICloud},
		{"onedrive on macOS", []string{"Library", "CloudStorage", "OneDrive-Contoso"}, fsplace.KindOneDrive},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root := mkdir(t, base(t), c.parts...)
			data := mkdir(t, root, "releases", "GoLive")
			got := fsplace.Classify(data)
			want := fsplace.Place{Kind: c.kind, Root: root, Detail: "folder name"}
			if got != want {
				t.Fatalf("Classify(%s) = %+v, want %+v", data, got, want)
			}
		})
	}
}

func TestAPlainFolderIsLocal(t *testing.T) {
	dir := mkdir(t, base(t), "GoLive")
	if got := fsplace.Classify(dir); got != (fsplace.Place{}) || fsplace.Synced(got) {
		t.Fatalf("a plain temporary folder: %+v", got)
	}
}

func TestLookAlikesAreNotEvidence(t *testing.T) {
	dir := base(t)
	// The Dropbox client keeps its settings in a .dropbox folder in the
	// home folder: that says nothing about the folders under home.
	mkdir(t, dir, ".dropbox")
	touch(t, dir, ".sync_notes.txt")
	mkdir(t, dir, "My Drive") // not under a drive or Google's folder
	mkdir(t, dir, "OneDrivers")
	for _, d := range []string{mkdir(t, dir, "GoLive"), mkdir(t, dir, "My Drive", "GoLive"), mkdir(t, dir, "OneDrivers", "GoLive")} {
		if got := fsplace.Classify(d); got.Kind != "" {
			t.Errorf("Classify(%s) = %+v, want a plain disk", d, got)
		}
	}
}

func TestAFolderNotMadeYetIsJudgedByItsAncestors(t *testing.T) {
	root := mkdir(t, base(t), "Sync")
	mkdir(t, root, ".stfolder")
	data := filepath.Join(root, "not", "made", "yet")
	got := fsplace.Classify(data)
	if got.Kind != fsplace.KindSyncthing || got.Root != root {
		t.Fatalf("Classify(%s) = %+v", data, got)
	}
	if _, err := os.Stat(filepath.Join(root, "not")); !os.IsNotExist(err) {
		t.Fatalf("Classify created something: %v", err)
	}
}

func TestTheInnermostEvidenceWins(t *testing.T) {
	outer := mkdir(t, base(t), "Dropbox")
	touch(t, outer, ".dropbox")
	inner := mkdir(t, outer, "Sync")
	touch(t, inner, ".stignore")
	if got := fsplace.Classify(mkdir(t, inner, "GoLive")); got.Kind != fsplace.KindSyncthing || got.Root != inner {
		t.Fatalf("inner Syncthing folder inside Dropbox: %+v", got)
	}
	if got := fsplace.Classify(mkdir(t, outer, "GoLive")); got.Kind != fsplace.KindDropbox || got.Root != outer {
		t.Fatalf("beside it, in Dropbox: %+v", got)
	}
}

func TestOneDriveEnvironment(t *testing.T) {
	dir := base(t)
	for _, v := range []string{"OneDrive", "OneDriveCommercial"} {
		t.Run(v, func(t *testing.T) {
			root := mkdir(t, dir, "Files of "+v)
			t.Setenv(v, root)
			data := mkdir(t, root, "GoLive")
			want := fsplace.Place{Kind: fsplace.KindOneDrive, Root: root, Detail: "env " + v}
			if got := fsplace.Classify(data); got != want {
				t.Fatalf("Classify(%s) = %+v, want %+v", data, got, want)
			}
			// A folder beside the OneDrive root is not in it.
			if got := fsplace.Classify(mkdir(t, dir, "Elsewhere "+v)); got.Kind != "" {
				t.Fatalf("beside %s: %+v", root, got)
			}
		})
	}
}

func TestContains(t *testing.T) {
	dir := base(t)
	a := mkdir(t, dir, "a")
	b := mkdir(t, a, "b")
	bc := mkdir(t, a, "bc")
	cases := []struct {
		outer, inner string
		want         bool
	}{
		{b, b, true},
		{a, b, true},
		{b, a, false},
		{b, bc, false},
		{b, filepath.Join(b, "new", "folder"), true},
		{b, filepath.Join(b, "..", "bc"), false},
		{filepath.Join(b, "."), b + string(filepath.Separator), true},
	}
	for _, c := range cases {
		if got := fsplace.Contains(c.outer, c.inner); got != c.want {
			t.Errorf("Contains(%s, %s) = %v, want %v", c.outer, c.inner, got, c.want)
		}
	}
	t.Run("relative", func(t *testing.T) {
		t.Chdir(a)
		if !fsplace.Contains(a, "b") || fsplace.Contains("b", a) || !fsplace.Contains(".", bc) {
			t.Fatal("relative names are taken from the working folder")
		}
	})
	t.Run("symlinks", func(t *testing.T) {
		link := filepath.Join(dir, "link-to-b")
		if err := os.Symlink(b, link); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
		if !fsplace.Contains(b, filepath.Join(link, "data")) {
			t.Error("a folder reached through a link into b is inside b")
		}
		if !fsplace.Contains(link, filepath.Join(b, "data", "new")) {
			t.Error("b's folder is inside a link to b")
		}
		if fsplace.Contains(link, bc) {
			t.Error("bc is not inside a link to b")
		}
		if !fsplace.Contains(filepath.Join(link, ".."), bc) {
			t.Error("the link's real parent a holds bc")
		}
	})
}

func TestALinkIntoASyncedFolderIsFollowed(t *testing.T) {
	dir := base(t)
	root := mkdir(t, dir, "Sync")
	mkdir(t, root, ".stfolder")
	real := mkdir(t, root, "GoLive")
	link := filepath.Join(dir, "data")
	if err := os.Symlink(real, link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	if got := fsplace.Classify(link); got.Kind != fsplace.KindSyncthing || got.Root != root {
		t.Fatalf("Classify(%s -> %s) = %+v", link, real, got)
	}
}
