package blob_test

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"

	"golive/backend/apperr"
	"golive/backend/blob"
)

// files lists every regular file under dir/blobs, relative to dir.
func files(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(filepath.Join(dir, "blobs"), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

func digest(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

func kept(sum string) string { return "blobs/sha256/" + sum[:2] + "/" + sum[2:] }

func TestStageKeepDiscard(t *testing.T) {
	dir := t.TempDir()
	s, err := blob.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Run("StagedIsNotStoredUntilKept", func(t *testing.T) {
		b, err := s.Stage(strings.NewReader("\u4e0a\u7ebf\u65b9\u6848 v1"), 0, nil)
		if err != nil {
			t.Fatal(err)
		}
		if b.SHA256 != digest("\u4e0a\u7ebf\u65b9\u6848 v1") || s.Has(b.SHA256) {
			t.Fatalf("staged %s, stored already: %v", b.SHA256, s.Has(b.SHA256))
		}
		if err := b.Keep(); err != nil {
			t.Fatal(err)
		}
		if got := files(t, dir); len(got) != 1 || got[0] != kept(b.SHA256) {
			t.Fatalf("after Keep the folder holds %v", got)
		}
		b.Discard() // after Keep: nothing happens
		if !s.Has(b.SHA256) {
			t.Fatal("Discard after Keep removed the kept blob")
		}
	})
	t.Run("DiscardLeavesNothing", func(t *testing.T) {
		b, err := s.Stage(strings.NewReader("\u88ab\u9000\u56de\u7684\u9644\u4ef6"), 0, nil)
		if err != nil {
			t.Fatal(err)
		}
		b.Discard()
		if got := files(t, dir); len(got) != 1 || s.Has(digest("\u88ab\u9000\u56de\u7684\u9644\u4ef6")) {
			t.Fatalf("after Discard the folder holds %v", got)
		}
	})
	t.Run("DiscardOfAStoredContentKeepsTheStoredBlob", func(t *testing.T) {
		b, err := s.Stage(strings.NewReader("\u4e0a\u7ebf\u65b9\u6848 v1"), 0, nil)
		if err != nil {
			t.Fatal(err)
		}
		b.Discard()
		if !s.Has(digest("\u4e0a\u7ebf\u65b9\u6848 v1")) || len(files(t, dir)) != 1 {
			t.Fatalf("the folder holds %v", files(t, dir))
		}
	})
	t.Run("TooLargeLeavesNothing", func(t *testing.T) {
		if _, err := s.Stage(strings.NewReader(strings.Repeat("x", 2000)), 1000, nil); apperr.Code(err) != "blob.too_large" {
			t.Fatalf("code %q", apperr.Code(err))
		}
		if got := files(t, dir); len(got) != 1 {
			t.Fatalf("the folder holds %v", got)
		}
	})
}

// failingWriter fails every write after the first limit bytes with err.
type failingWriter struct {
	w     io.Writer
	limit int
	err   error
}

func (f *failingWriter) Write(p []byte) (int, error) {
	if len(p) > f.limit {
		n, _ := f.w.Write(p[:f.limit])
		f.limit -= n
		return n, f.err
	}
	f.limit -= len(p)
	return f.w.Write(p)
}

// TestDiskFull: a write that meets a full disk, or would leave less than
// the store's reserve, is refused with blob.disk_full naming the data
// folder, and leaves no byte of the refused file behind.
func TestDiskFull(t *testing.T) {
	dir := t.TempDir()
	s, err := blob.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	before, err := s.Put(strings.NewReader("\u5df2\u786e\u8ba4\u7684\u9644\u4ef6"), 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	data := strings.Repeat("\u53d1\u5e03\u5305\u5185\u5bb9", 200000) // ~3 MB, several chunks
	check := func(t *testing.T, err error) {
		t.Helper()
		if apperr.Code(err) != "blob.disk_full" {
			t.Fatalf("code %q (%v), want blob.disk_full", apperr.Code(err), err)
		}
		var ae *apperr.Error
		if !errors.As(err, &ae) || ae.Params["dir"] != dir {
			t.Fatalf("params %v, want dir %s", ae.Params, dir)
		}
		if got := files(t, dir); len(got) != 1 || got[0] != kept(before.SHA256) {
			t.Fatalf("the folder holds %v after the refusal", got)
		}
	}
	t.Run("WriteFails", func(t *testing.T) {
		s.WrapWrite = func(w io.Writer) io.Writer { return &failingWriter{w: w, limit: 1 << 20, err: syscall.ENOSPC} }
		defer func() { s.WrapWrite = nil }()
		_, err := s.Stage(strings.NewReader(data), 0, nil)
		check(t, err)
	})
	t.Run("ReserveWouldBeEaten", func(t *testing.T) {
		s.Reserve = 1 << 62
		defer func() { s.Reserve = 0 }()
		_, err := s.Put(strings.NewReader(data), 0, nil)
		check(t, err)
	})
	t.Run("OtherWriteErrorIsIO", func(t *testing.T) {
		s.WrapWrite = func(w io.Writer) io.Writer { return &failingWriter{w: w, limit: 10, err: syscall.EIO} }
		defer func() { s.WrapWrite = nil }()
		if _, err := s.Stage(strings.NewReader(data), 0, nil); apperr.Code(err) != "blob.io" {
			t.Fatalf("code %q", apperr.Code(err))
		}
		if got := files(t, dir); len(got) != 1 {
			t.Fatalf("the folder holds %v", got)
		}
	})
	if _, err := s.Put(strings.NewReader(data), 0, nil); err != nil {
		t.Fatalf("with room again: %v", err)
	}
}

// TestReadOnlyStoreWritesNothing: the store of a read-only open refuses
// to stage and creates nothing.
func TestReadOnlyStoreWritesNothing(t *testing.T) {
	dir := t.TempDir()
	s := blob.OpenExisting(dir)
	if _, err := s.Stage(strings.NewReader("x"), 0, nil); apperr.Code(err) != "blob.read_only" {
		t.Fatalf("code %q", apperr.Code(err))
	}
	if rep, err := s.Sweep(func(string) bool { return false }); err != nil || rep != (blob.SweepReport{}) {
		t.Fatalf("sweep of a read-only store: %+v %v", rep, err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("a read-only store created %s", entries[0].Name())
	}
}

func TestSweep(t *testing.T) {
	dir := t.TempDir()
	s, err := blob.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	put := func(text string) string {
		info, err := s.Put(strings.NewReader(text), 0, nil)
		if err != nil {
			t.Fatal(err)
		}
		return info.SHA256
	}
	stage := func(text string) string {
		b, err := s.Stage(strings.NewReader(text), 0, nil)
		if err != nil {
			t.Fatal(err)
		}
		return b.SHA256 // neither kept nor discarded: the process "died"
	}
	referencedKept := put("\u5df2\u5f15\u7528\u7684\u9644\u4ef6")
	orphan := put("\u88ab\u62d2\u7edd\u7684\u9644\u4ef6")
	committed := stage("\u4e8b\u4ef6\u5df2\u63d0\u4ea4\u3001\u5c1a\u672a\u79fb\u5165\u7684\u9644\u4ef6")
	refused := stage("\u4e8b\u4ef6\u672a\u63d0\u4ea4\u7684\u9644\u4ef6")
	already := stage("\u5df2\u5f15\u7528\u7684\u9644\u4ef6") // staged again, stored already
	// A staged file named for a referenced digest but holding other bytes.
	forged := digest("\u7b7e\u5b57\u56fe\u7247")
	if err := os.WriteFile(filepath.Join(dir, "blobs", "staging", forged+"-123"), []byte("not the image"), 0o600); err != nil {
		t.Fatal(err)
	}
	// Temporary files of interrupted writes, old and new.
	for _, p := range []string{"blobs/staging/.incoming-42", "blobs/sha256/.incoming-7"} {
		if err := os.WriteFile(filepath.Join(dir, p), []byte("half"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	refs := map[string]bool{referencedKept: true, committed: true, already: true, forged: true}
	rep, err := s.Sweep(func(sum string) bool { return refs[sum] })
	if err != nil {
		t.Fatal(err)
	}
	want := []string{kept(committed), kept(referencedKept)}
	sort.Strings(want)
	if got := files(t, dir); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("after the sweep the folder holds\n%v\nwant\n%v", got, want)
	}
	if rep.Kept != 2 || rep.Orphans != 1 || rep.Leftovers != 4 || rep.Bytes == 0 {
		t.Fatalf("report %+v, want 2 kept (one already stored), 1 orphan, 4 leftovers", rep)
	}
	if _, err := os.Stat(filepath.Join(dir, "blobs", "sha256", orphan[:2])); !os.IsNotExist(err) {
		t.Fatalf("the orphan's empty shard folder is still there: %v", err)
	}
	_ = refused
	t.Run("UnsureKeepsEveryStoredBlob", func(t *testing.T) {
		extra := put("\u6765\u6e90\u4e0d\u660e\u7684\u6587\u4ef6")
		if _, err := s.Sweep(func(string) bool { return true }); err != nil {
			t.Fatal(err)
		}
		if !s.Has(extra) || !s.Has(committed) || !s.Has(referencedKept) {
			t.Fatal("a sweep that could not tell what is referenced removed a blob")
		}
	})
}

// TestSweepStagedInUse: a sweep of a store in use considers only the
// staged files of its snapshot (a file staged since is an upload under
// way), and keeps an unreferenced stored blob that was claimed or placed
// since the store opened; an unreferenced one nobody touched goes.
func TestSweepStagedInUse(t *testing.T) {
	dir := t.TempDir()
	first, err := blob.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	var sums []string
	for _, text := range []string{"\u88ab\u8ba4\u9886", "\u88ab\u91cd\u65b0\u653e\u5165", "\u65e0\u4eba\u5f15\u7528"} {
		info, err := first.Put(strings.NewReader(text), 0, nil)
		if err != nil {
			t.Fatal(err)
		}
		sums = append(sums, info.SHA256)
	}
	claimed, placed, orphan := sums[0], sums[1], sums[2]
	old, err := first.Stage(strings.NewReader("\u5d29\u6e83\u524d\u6682\u5b58"), 0, nil)
	if err != nil {
		t.Fatal(err)
	}

	s, err := blob.Open(dir) // the next run of the app
	if err != nil {
		t.Fatal(err)
	}
	snapshot := s.Staging()
	uploading, err := s.Stage(strings.NewReader("\u6b63\u5728\u4e0a\u4f20"), 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !s.Claim(claimed) || s.Claim(digest("\u4e0d\u5b58\u5728")) {
		t.Fatal("Claim does not say what is stored")
	}
	if _, err := s.Put(strings.NewReader("\u88ab\u91cd\u65b0\u653e\u5165"), 0, nil); err != nil {
		t.Fatal(err)
	}
	rep, err := s.SweepStaged(func(string) bool { return false }, snapshot)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{kept(claimed), kept(placed), "blobs/staging/" + filepath.Base(uploadingPath(t, dir, uploading.SHA256))}
	sort.Strings(want)
	if got := files(t, dir); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("after the sweep the folder holds\n%v\nwant\n%v", got, want)
	}
	if rep.Orphans != 1 || rep.Leftovers != 1 {
		t.Fatalf("report %+v, want the orphan %s and the old staged %s removed", rep, orphan, old.SHA256)
	}
	if err := uploading.Keep(); err != nil {
		t.Fatalf("the upload under way could not finish: %v", err)
	}
}

// uploadingPath finds the staged file of sum.
func uploadingPath(t *testing.T, dir, sum string) string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(dir, "blobs", "staging", sum+"-*"))
	if len(m) != 1 {
		t.Fatalf("staged files of %s: %v", sum, m)
	}
	return m[0]
}
