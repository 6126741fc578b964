//go:build unix

package crashtest_test

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golive/backend/apperr"
	"golive/backend/core"
	"golive/backend/dossier"
)

// makeReadOnly makes dir and everything under it unwritable until the
// test ends: a read-only bind mount for root (whom permissions do not
// stop), the write bits removed for anyone else.
func makeReadOnly(t *testing.T, dir string) {
	t.Helper()
	if os.Geteuid() == 0 {
		unmount, err := bindReadOnly(dir)
		if err != nil {
			t.Skipf("running as root, whom file permissions do not stop, and a read-only bind mount is not allowed here (%v)", err)
		}
		t.Cleanup(func() {
			if err := unmount(); err != nil {
				t.Errorf("unmounting %s: %v", dir, err)
			}
		})
		return
	}
	var paths []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		paths = append(paths, p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	modes := map[string]fs.FileMode{}
	for _, p := range paths {
		fi, err := os.Lstat(p)
		if err != nil {
			t.Fatal(err)
		}
		modes[p] = fi.Mode().Perm()
	}
	t.Cleanup(func() {
		for _, p := range paths {
			_ = os.Chmod(p, modes[p])
		}
	})
	for i := len(paths) - 1; i >= 0; i-- {
		if err := os.Chmod(paths[i], modes[paths[i]]&^0o222); err != nil {
			t.Fatal(err)
		}
	}
}

// digests maps every file under dir to the SHA-256 of its contents.
func digests(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		h := sha256.New()
		if _, err := io.Copy(h, f); err != nil {
			return err
		}
		out[p] = hex.EncodeToString(h.Sum(nil))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sameFiles(t *testing.T, before, after map[string]string) {
	t.Helper()
	for p, h := range before {
		if after[p] != h {
			t.Errorf("%s changed or went", p)
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok {
			t.Errorf("%s appeared", p)
		}
	}
}

// TestReadOnlyFolder: a data folder that cannot be written is refused by
// a read-write open with a coded error naming the folder, can still be
// read by a read-only open with everything acknowledged in it, and no
// file in it changes.
func TestReadOnlyFolder(t *testing.T) {
	dir := t.TempDir()
	w, a := started(t, dir, 30)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	makeReadOnly(t, dir)
	before := digests(t, dir)
	c, err := core.Open(dir)
	if err == nil {
		c.Close()
		t.Fatal("a read-only folder was opened for writing")
	}
	var ae *apperr.Error
	if !errors.As(err, &ae) || !strings.HasPrefix(ae.Code, "store.") || ae.Params["dir"] != dir {
		t.Fatalf("opening a read-only folder for writing: %v, want a store.* code naming %s", err, dir)
	}
	t.Logf("a read-write open of a read-only folder says %s", ae.Code)
	c, err = core.OpenReadOnly(dir)
	if err != nil {
		t.Fatalf("a read-only folder cannot even be read: %v", err)
	}
	list, err := c.Dossiers.List(dossier.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	streams, err := c.Store.EventIDs()
	if err != nil {
		t.Fatal(err)
	}
	c.Close()
	if len(list) != len(a.events) {
		t.Fatalf("%d dossiers listed, %d acknowledged", len(list), len(a.events))
	}
	for d, ids := range a.events {
		if len(streams[d]) < len(ids) {
			t.Fatalf("dossier %s: %d events readable, %d acknowledged", d, len(streams[d]), len(ids))
		}
	}
	sameFiles(t, before, digests(t, dir))
}

// TestReadOnlyBlobsRefuseAttachment: when the blob folder cannot be
// written, an attachment is refused with blob.read_only naming the data
// folder, nothing is recorded, and once it can be written again the same
// attachment goes through.
func TestReadOnlyBlobsRefuseAttachment(t *testing.T) {
	dir := t.TempDir()
	w, _ := started(t, dir, 25)
	defer w.Close()
	id, del := openDraft(t, w)
	before, err := w.Core().Dossiers.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	blobs := filepath.Join(dir, "blobs")
	t.Run("Refused", func(t *testing.T) {
		makeReadOnly(t, blobs)
		files := digests(t, blobs)
		err := attach(w, id, del, 300<<10)
		var ae *apperr.Error
		if !errors.As(err, &ae) || ae.Code != "blob.read_only" || ae.Params["dir"] != dir {
			t.Fatalf("attaching with a read-only blob folder: %v, want blob.read_only naming %s", err, dir)
		}
		after, err := w.Core().Dossiers.Get(id)
		if err != nil {
			t.Fatal(err)
		}
		if after.State.Events != before.State.Events {
			t.Fatalf("the refused attachment was recorded: %d → %d events", before.State.Events, after.State.Events)
		}
		sameFiles(t, files, digests(t, blobs))
	})
	if err := attach(w, id, del, 300<<10); err != nil {
		t.Fatalf("with the folder writable again: %v", err)
	}
}
