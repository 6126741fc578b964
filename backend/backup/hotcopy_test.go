package backup_test

import (
	"context"
	"crypto/rand"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golive/backend/backup"
	"golive/backend/core"
	"golive/backend/demo"
	"golive/backend/dossier"
	"golive/backend/store"
)

// TestBackupWhileTheAppRuns: with the folder held by a running app that
// keeps writing (notes on a dossier, and large records that make Badger
// flush and compact), the backup copies the database files, backs up the
// copy and removes it; the backup restores, and holds every event the app
// had committed before the backup started.
func TestBackupWhileTheAppRuns(t *testing.T) {
	dir := sampleCopy(t)
	c, err := core.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	profiles, err := c.Profiles.List()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range profiles {
		if p.Default {
			if _, err := c.Unlock(p.ID, demo.SamplePassphrase); err != nil {
				t.Fatal(err)
			}
		}
	}
	list, err := c.Dossiers.List(dossier.Filter{})
	if err != nil || len(list) == 0 {
		t.Fatal(err)
	}
	id := list[0].ID
	for i := 0; i < 3; i++ {
		if _, err := c.Dossiers.AddNote(id, "before the backup"); err != nil {
			t.Fatal(err)
		}
	}
	acknowledged, err := c.Store.EventIDs()
	if err != nil {
		t.Fatal(err)
	}

	stop := make(chan struct{})
	var wg sync.WaitGroup
	var writes atomic.Int64
	wg.Add(1)
	go func() {
		defer wg.Done()
		big := make([]byte, 512<<10)
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			// A 512 KiB record every 100 ms: a Badger flush every
			// second and a half, far more than a user's app writes;
			// a writer with no pause outruns every copy attempt on a
			// busy machine (the retries themselves are tested with
			// hooks, TestCopyDatabaseRetriesAfterACompaction).
			time.Sleep(100 * time.Millisecond)
			_, _ = rand.Read(big)
			_ = c.Store.Put("zz-test", string(rune('a'+i%26)), big)
			if _, err := c.Dossiers.AddNote(id, "during the backup"); err == nil {
				writes.Add(1)
			}
		}
	}()
	scratch := t.TempDir()
	f, err := backup.OpenFolder(dir, scratch, nil)
	if err != nil {
		close(stop)
		wg.Wait()
		t.Fatal(err)
	}
	if !f.HotCopy {
		t.Fatal("the folder held by the app was not copied")
	}
	file := filepath.Join(t.TempDir(), "b.zip")
	_, err = backup.Write(context.Background(), f.Source, file, backup.Options{})
	f.Close()
	close(stop)
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(scratch); len(entries) != 0 {
		t.Fatalf("the copy %s was left behind", entries[0].Name())
	}
	t.Logf("the app committed %d notes during the copy", writes.Load())

	restored := filepath.Join(t.TempDir(), "restored")
	if _, err := backup.Restore(context.Background(), file, restored, backup.Options{}); err != nil {
		t.Fatal(err)
	}
	st, err := store.OpenReadOnly(restored)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	got, err := st.EventIDs()
	if err != nil {
		t.Fatal(err)
	}
	for stream, ids := range acknowledged {
		have := map[string]bool{}
		for _, x := range got[stream] {
			have[x] = true
		}
		for _, x := range ids {
			if !have[x] {
				t.Fatalf("event %s of %s, committed before the backup, is not in it", x, stream)
			}
		}
	}
}
