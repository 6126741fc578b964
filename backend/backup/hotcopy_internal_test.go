package backup

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golive/backend/apperr"
)

// fakeDatabase writes a folder shaped like Badger's.
func fakeDatabase(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range map[string]string{
		"MANIFEST": "manifest-1", "000001.sst": "table 1", "000002.sst": "table 2", "00003.mem": "wal",
		"000001.vlog": "values", "KEYREGISTRY": "keys", "DISCARD": "discard", "LOCK": "pid",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func withHook(t *testing.T, hook func(name string)) {
	t.Helper()
	afterCopyHook = hook
	t.Cleanup(func() { afterCopyHook = nil })
}

func listNames(t *testing.T, dir string) string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return strings.Join(names, " ")
}

// TestCopyDatabaseOrder: the MANIFEST first, then the tables, the
// write-ahead logs, the value logs, the key registry and the rest; never
// the lock file.
func TestCopyDatabaseOrder(t *testing.T) {
	src, dst := fakeDatabase(t), t.TempDir()
	var order []string
	withHook(t, func(name string) { order = append(order, name) })
	if err := copyDatabase(src, dst, nil); err != nil {
		t.Fatal(err)
	}
	want := "MANIFEST 000001.sst 000002.sst 00003.mem 000001.vlog KEYREGISTRY DISCARD"
	if got := strings.Join(order, " "); got != want {
		t.Fatalf("copied %s, want %s", got, want)
	}
	if _, err := os.Stat(filepath.Join(dst, "LOCK")); !os.IsNotExist(err) {
		t.Fatal("the lock file was copied")
	}
}

// TestCopyDatabaseRetriesAfterACompaction: a compaction during the copy
// (a table replaced by another, the MANIFEST appended to) makes the copy
// start again, and the copy is then the folder's new state.
func TestCopyDatabaseRetriesAfterACompaction(t *testing.T) {
	src, dst := fakeDatabase(t), t.TempDir()
	attempts := 0
	withHook(t, func(name string) {
		if name != "MANIFEST" {
			return
		}
		attempts++
		if attempts == 1 {
			os.Remove(filepath.Join(src, "000002.sst"))
			os.WriteFile(filepath.Join(src, "000004.sst"), []byte("table 4"), 0o600)
			os.WriteFile(filepath.Join(src, "MANIFEST"), []byte("manifest-2, longer"), 0o600)
		}
	})
	if err := copyDatabase(src, dst, nil); err != nil {
		t.Fatal(err)
	}
	if attempts != 2 {
		t.Fatalf("%d attempts, want 2", attempts)
	}
	if got := listNames(t, dst); got != "000001.sst 000001.vlog 000004.sst 00003.mem DISCARD KEYREGISTRY MANIFEST" {
		t.Fatalf("copy holds %s", got)
	}
	if b, _ := os.ReadFile(filepath.Join(dst, "MANIFEST")); string(b) != "manifest-2, longer" {
		t.Fatalf("MANIFEST copied as %q", b)
	}
}

// TestCopyDatabaseAcceptsGrowingLogs: logs appended to during the copy
// (the app writing) do not restart it: a prefix of a log is what a crash
// leaves.
func TestCopyDatabaseAcceptsGrowingLogs(t *testing.T) {
	src, dst := fakeDatabase(t), t.TempDir()
	attempts := 0
	withHook(t, func(name string) {
		if name == "MANIFEST" {
			attempts++
		}
		f, _ := os.OpenFile(filepath.Join(src, "00003.mem"), os.O_APPEND|os.O_WRONLY, 0)
		f.WriteString(" more")
		f.Close()
	})
	if err := copyDatabase(src, dst, nil); err != nil || attempts != 1 {
		t.Fatalf("err %v after %d attempts", err, attempts)
	}
}

// TestCopyDatabaseGivesUp: a folder whose MANIFEST changes during every
// copy is reported, not copied half.
func TestCopyDatabaseGivesUp(t *testing.T) {
	src, dst := fakeDatabase(t), t.TempDir()
	n := 0
	withHook(t, func(name string) {
		if name == "MANIFEST" {
			n++
			os.WriteFile(filepath.Join(src, "MANIFEST"), []byte(strings.Repeat("m", 20+n)), 0o600)
		}
	})
	err := copyDatabase(src, dst, nil)
	if apperr.Code(err) != "backup.copy_unstable" || n != copyAttempts {
		t.Fatalf("err %v after %d attempts", err, n)
	}
	if got := listNames(t, dst); got != "" {
		t.Fatalf("a failed copy left %s", got)
	}
}
