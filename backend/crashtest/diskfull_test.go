//go:build unix

package crashtest_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"golive/backend/apperr"
	"golive/backend/crashtest"
	"golive/backend/dossier"
	"golive/backend/internal/diskfree"
	"golive/backend/workflow"
)

// envDiskFull makes this binary run diskFullChild on the folder it names.
const envDiskFull = "GOLIVE_DISKFULL_DIR"

// started writes ops operations into dir with a writer and returns it
// open, with what it acknowledged.
func started(t *testing.T, dir string, ops int) (*crashtest.Writer, *acked) {
	t.Helper()
	var out bytes.Buffer
	w, err := crashtest.Open(dir, 7, &out)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < ops; i++ {
		if err := w.Step(); err != nil {
			t.Fatal(err)
		}
	}
	return w, parse(t, out.String())
}

// parse reads a writer's output.
func parse(t *testing.T, out string) *acked {
	t.Helper()
	a := newAcked()
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if _, err := a.record(line); err != nil {
			t.Fatal(err)
		}
	}
	return a
}

// openDraft returns a dossier of w's folder that takes attachments, with
// the deliverable to attach to, creating one when needed.
func openDraft(t *testing.T, w *crashtest.Writer) (id, deliverable string) {
	t.Helper()
	c := w.Core()
	for i := 0; i < 200; i++ {
		list, err := c.Dossiers.List(dossier.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range list {
			if s.Phase == workflow.PhaseArchived {
				continue
			}
			v, err := c.Dossiers.Get(s.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, del := range v.State.Plan.Start().Deliverables {
				if !del.Generated && !del.HashOnly {
					return s.ID, del.ID
				}
			}
		}
		if err := w.Step(); err != nil {
			t.Fatal(err)
		}
	}
	t.Fatal("the writer made no dossier that takes attachments")
	return "", ""
}

// attach attaches n bytes to id and returns the error.
func attach(w *crashtest.Writer, id, del string, n int) error {
	w.AsSelf()
	_, err := w.Core().Dossiers.AttachReader(id, del, fmt.Sprintf("\u9644\u4ef6-%d.bin", n), io.LimitReader(zeros{}, int64(n)), "", nil)
	return err
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(i)
	}
	return len(p), nil
}

// wantDiskFull fails unless err is blob.disk_full naming dir.
func wantDiskFull(t *testing.T, what string, err error, dir string) {
	t.Helper()
	var ae *apperr.Error
	if !errors.As(err, &ae) || ae.Code != "blob.disk_full" || ae.Params["dir"] != dir {
		t.Fatalf("%s on a full disk: %v, want blob.disk_full naming %s", what, err, dir)
	}
}

// staged lists what blobs/staging holds.
func staged(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(dir, "blobs", "staging"))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

// TestDiskFullInjected: when the disk fills up under an attachment (a
// write error injected in the blob store, as the system reports it), the
// attachment is refused with blob.disk_full naming the data folder, its
// bytes and its event are not kept, and once there is room again the
// folder opens with everything acknowledged before and takes the file.
func TestDiskFullInjected(t *testing.T) {
	dir := t.TempDir()
	w, a := started(t, dir, 25)
	id, del := openDraft(t, w)
	before, err := w.Core().Dossiers.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	w.Core().Dossiers.Blobs.WrapWrite = func(f io.Writer) io.Writer { return &fullDisk{w: f, room: 300 << 10} }
	wantDiskFull(t, "a 2 MB attachment", attach(w, id, del, 2<<20), dir)
	after, err := w.Core().Dossiers.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	if after.State.Events != before.State.Events {
		t.Fatalf("the refused attachment was recorded: %d → %d events", before.State.Events, after.State.Events)
	}
	if s := staged(t, dir); len(s) != 0 {
		t.Fatalf("the refused attachment left %v in blobs/staging", s)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	// Room again: the folder opens whole and takes the file.
	k := &checker{dir: dir, hashed: map[string]string{}, folded: map[string]string{}}
	k.check(t, a, true)
	w, _ = started(t, dir, 0)
	defer w.Close()
	if err := attach(w, id, del, 2<<20); err != nil {
		t.Fatalf("with room again: %v", err)
	}
}

// fullDisk accepts room bytes, then fails as a full disk does.
type fullDisk struct {
	w    io.Writer
	room int
}

func (f *fullDisk) Write(p []byte) (int, error) {
	if len(p) > f.room {
		n, _ := f.w.Write(p[:f.room])
		f.room = 0
		return n, &fs.PathError{Op: "write", Path: "blob", Err: syscall.ENOSPC}
	}
	f.room -= len(p)
	return f.w.Write(p)
}

// mountTmpfs mounts a tmpfs of size bytes on a new folder and returns it,
// or skips the test where this machine does not allow it.
func mountTmpfs(t *testing.T, size int64) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("mounting a small tmpfs needs root; the injected variant covers a full disk")
	}
	mnt := filepath.Join(t.TempDir(), "disk")
	if err := os.Mkdir(mnt, 0o700); err != nil {
		t.Fatal(err)
	}
	unmount, err := mountTmpfsAt(mnt, size)
	if err != nil {
		t.Skipf("this machine does not allow mounting a tmpfs (%v); the injected variant covers a full disk", err)
	}
	t.Cleanup(func() {
		if err := unmount(); err != nil {
			t.Errorf("unmounting %s: %v", mnt, err)
		}
	})
	return mnt
}

// fill writes filler on its disk until less than leave bytes are free
// (none at all for leave 0).
func fill(filler string, leave int64) error {
	f, err := os.OpenFile(filler, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return err
	}
	defer f.Close()
	chunk := make([]byte, 256<<10)
	for {
		free, ok := diskfree.Free(filepath.Dir(filler))
		if !ok {
			return errors.New("cannot measure free space")
		}
		if leave > 0 && free <= leave {
			return nil
		}
		if _, err := f.Write(chunk); err != nil {
			if diskfree.IsFull(err) {
				return nil
			}
			return err
		}
	}
}

// TestDiskFullTmpfs fills a real (small, tmpfs) disk under a data folder,
// in a child process so that a crash is seen rather than suffered: an
// attachment on a nearly full disk and one larger than the room left are
// refused with blob.disk_full; on a disk with no room at all an event is
// refused with store.disk_full rather than crashing the process (Badger
// writes through memory maps: a full disk is a bus error); after freeing
// the space the folder opens with everything acknowledged and takes new
// work.
func TestDiskFullTmpfs(t *testing.T) {
	mnt := mountTmpfs(t, 192<<20)
	dir := filepath.Join(mnt, "data")
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), envDiskFull+"="+dir)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	a := newAcked()
	results := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if k, v, ok := strings.Cut(line, "="); ok {
			results[k] = v
			continue
		}
		if strings.HasPrefix(line, "ERR ") {
			t.Fatalf("child: %s\n%s", line, lastLines(stderr.String(), 8))
		}
		if _, rerr := a.record(line); rerr != nil {
			t.Fatalf("%v (child stderr: %s)", rerr, stderr.String())
		}
	}
	_ = os.Remove(filepath.Join(mnt, "filler")) // free the space, whatever happened
	if err != nil {
		if strings.Contains(stderr.String(), "SIGBUS") {
			t.Errorf("the process crashed with SIGBUS writing to a full disk (after %v): the store must refuse a write with store.disk_full while less than diskfree.Reserve is free (Badger writes through memory maps)\n%s",
				results, firstLines(stderr.String(), 12))
		} else {
			t.Errorf("child: %v %v\n%s", err, results, lastLines(stderr.String(), 8))
		}
	}
	for key, want := range map[string]string{
		"attach_small": "blob.disk_full " + dir, "attach_large": "blob.disk_full " + dir,
		"staged": "0", "note": "store.disk_full " + dir, "after": "ok",
	} {
		if results[key] != want {
			t.Errorf("%s: %q, want %q", key, results[key], want)
		}
	}
	if len(a.events) == 0 {
		t.Fatal("the child acknowledged nothing")
	}
	k := &checker{dir: dir, hashed: map[string]string{}, folded: map[string]string{}}
	k.check(t, a, true)
}

func firstLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// diskFullChild is TestDiskFullTmpfs's writer: it prints the writer's
// acknowledgements and key=value results, and exits 0 when done.
func diskFullChild(dir string) {
	w, err := crashtest.Open(dir, 11, os.Stdout)
	if err != nil {
		fmt.Println("ERR", err)
		os.Exit(3)
	}
	for i := 0; i < 25; i++ {
		if err := w.Step(); err != nil {
			fmt.Println("ERR", err)
			os.Exit(3)
		}
	}
	c := w.Core()
	var id, del string
	for id == "" {
		list, _ := c.Dossiers.List(dossier.Filter{})
		for _, s := range list {
			if v, err := c.Dossiers.Get(s.ID); err == nil && s.Phase != workflow.PhaseArchived {
				for _, d := range v.State.Plan.Start().Deliverables {
					if !d.Generated && !d.HashOnly {
						id, del = s.ID, d.ID
					}
				}
			}
		}
		if id == "" {
			if err := w.Step(); err != nil {
				fmt.Println("ERR", err)
				os.Exit(3)
			}
		}
	}
	result := func(key string, err error) {
		var ae *apperr.Error
		switch {
		case err == nil:
			fmt.Printf("%s=ok\n", key)
		case errors.As(err, &ae) && ae.Params["dir"] != "":
			fmt.Printf("%s=%s %s\n", key, ae.Code, ae.Params["dir"])
		default:
			fmt.Printf("%s=%s\n", key, apperr.Code(err))
		}
	}
	filler := filepath.Join(filepath.Dir(dir), "filler")
	// Nearly full: 8 MiB free, below the reserve.
	if err := fill(filler, 8<<20); err != nil {
		fmt.Println("ERR", err)
		os.Exit(3)
	}
	result("attach_small", attach(w, id, del, 1<<20))
	result("attach_large", attach(w, id, del, 20<<20))
	entries, _ := os.ReadDir(filepath.Join(dir, "blobs", "staging"))
	fmt.Printf("staged=%d\n", len(entries))
	// No room at all: an event alone.
	if err := fill(filler, 0); err != nil {
		fmt.Println("ERR", err)
		os.Exit(3)
	}
	var noteErr error
	for i := 0; i < 40 && noteErr == nil; i++ {
		w.AsSelf()
		v, err := c.Dossiers.AddNote(id, fmt.Sprintf("\u78c1\u76d8\u5df2\u6ee1\u65f6\u7684\u5907\u6ce8 %d %s", i, strings.Repeat("\u586b\u5145", 200)))
		if err == nil {
			fmt.Println(crashtest.LineEvent, v.State.ID, v.State.Heads[0])
		}
		noteErr = err
	}
	result("note", noteErr)
	// Space freed.
	if err := os.Remove(filler); err != nil {
		fmt.Println("ERR", err)
		os.Exit(3)
	}
	err = attach(w, id, del, 1<<20)
	result("after", err)
	if err := w.Close(); err != nil {
		fmt.Println("ERR", err)
		os.Exit(3)
	}
	os.Exit(0)
}
