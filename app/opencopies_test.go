package app

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestPruneOpenCopies: the copies OpenDeliverable leaves for the viewer
// are removed once older than a day; newer copies and other folders stay.
func TestPruneOpenCopies(t *testing.T) {
	tmp := t.TempDir()
	mk := func(name string, age time.Duration) string {
		dir := filepath.Join(tmp, name)
		if err := os.MkdirAll(dir, 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "\u4e0a\u7ebf\u65b9\u6848.docx"), []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
		at := time.Now().Add(-age)
		if err := os.Chtimes(dir, at, at); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	old := mk(openCopyPrefix+"111", 30*time.Hour)
	recent := mk(openCopyPrefix+"222", time.Hour)
	other := mk("someone-else-333", 30*time.Hour)
	pruneOpenCopies(tmp, time.Now().Add(-openCopyAge))
	if _, err := os.Stat(old); !os.IsNotExist(err) {
		t.Fatalf("a day-old copy is still there: %v", err)
	}
	for _, dir := range []string{recent, other} {
		if _, err := os.Stat(dir); err != nil {
			t.Fatalf("%s was removed: %v", dir, err)
		}
	}
}
