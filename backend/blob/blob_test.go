package blob_test

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golive/backend/apperr"
	"golive/backend/blob"
	"golive/backend/internal/procmem"
)

func TestPutOpen(t *testing.T) {
	s, err := blob.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	data := bytes.Repeat([]byte("上线发布手册 ReleaseNote\n"), 50000) // ~1.4 MB, several chunks
	sum := sha256.Sum256(data)
	var calls int
	var last int64
	info, err := s.Put(bytes.NewReader(data), 0, func(done int64) { calls++; last = done })
	if err != nil {
		t.Fatal(err)
	}
	if info.SHA256 != hex.EncodeToString(sum[:]) || info.Size != int64(len(data)) {
		t.Fatalf("info = %+v", info)
	}
	if calls < 5 || last != int64(len(data)) {
		t.Fatalf("progress called %d times, last %d", calls, last)
	}
	f, err := s.Open(info.SHA256)
	if err != nil {
		t.Fatal(err)
	}
	back, _ := io.ReadAll(f)
	f.Close()
	if !bytes.Equal(back, data) {
		t.Fatal("read back differs")
	}
	t.Run("SameContentStoredOnce", func(t *testing.T) {
		again, err := s.Put(bytes.NewReader(data), 0, nil)
		if err != nil || again != info {
			t.Fatalf("%+v %v", again, err)
		}
	})
	t.Run("TooLargeKeepsNothing", func(t *testing.T) {
		_, err := s.Put(bytes.NewReader(data), 1000, nil)
		if apperr.Code(err) != "blob.too_large" {
			t.Fatalf("code = %q", apperr.Code(err))
		}
		sum := sha256.Sum256(data[:1001])
		if s.Has(hex.EncodeToString(sum[:])) {
			t.Fatal("a refused blob was kept")
		}
	})
	t.Run("NotFoundAndBadDigest", func(t *testing.T) {
		if _, err := s.Open(strings.Repeat("0", 64)); apperr.Code(err) != "blob.not_found" {
			t.Fatalf("code = %q", apperr.Code(err))
		}
		if _, err := s.Open("../../etc/passwd"); apperr.Code(err) != "blob.bad_digest" {
			t.Fatalf("code = %q", apperr.Code(err))
		}
	})
	t.Run("CopyToWritesSameBytes", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "copy.txt")
		if err := s.CopyTo(info.SHA256, out, nil); err != nil {
			t.Fatal(err)
		}
		if got, _ := os.ReadFile(out); !bytes.Equal(got, data) {
			t.Fatal("copy differs")
		}
	})
	t.Run("HashMatchesPut", func(t *testing.T) {
		h, err := blob.Hash(bytes.NewReader(data), nil)
		if err != nil || h != info {
			t.Fatalf("%+v %v", h, err)
		}
	})
}

func TestCopyToCorrupt(t *testing.T) {
	dir := t.TempDir()
	s, _ := blob.Open(dir)
	info, err := s.Put(strings.NewReader("用户确认书 v1"), 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "blobs", "sha256", info.SHA256[:2], info.SHA256[2:])
	b, _ := os.ReadFile(p)
	b[0] ^= 1
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out")
	if err := s.CopyTo(info.SHA256, out, nil); apperr.Code(err) != "blob.corrupt" {
		t.Fatalf("code = %q", apperr.Code(err))
	}
	if _, err := os.Stat(out); err == nil {
		t.Fatal("a corrupt copy was written out")
	}
}

// TestLargeAttachmentMemory stores and reads back a 200 MB attachment in a
// child process and checks its peak resident memory stays under 64 MB.
func TestLargeAttachmentMemory(t *testing.T) {
	if dir := os.Getenv("GOLIVE_BLOB_CHILD"); dir != "" {
		largeChild(dir)
		return
	}
	if testing.Short() {
		t.Skip("writes 400 MB")
	}
	dir := t.TempDir()
	out, peak, err := procmem.Child("^TestLargeAttachmentMemory$", "GOLIVE_BLOB_CHILD="+dir)
	if err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if !strings.Contains(string(out), "ROUNDTRIP_OK") {
		t.Fatalf("child did not read the attachment back intact: %s", out)
	}
	if peak == 0 || peak > 64*1024 {
		t.Fatalf("peak resident memory %d KB for a 200 MB attachment, want under 64 MB", peak)
	}
	t.Logf("200 MB attachment stored and read back with peak RSS %.1f MB", float64(peak)/1024)
}

// pattern is a reader of n pseudo-random bytes that needs no memory.
type pattern struct{ n, off int64 }

func (p *pattern) Read(b []byte) (int, error) {
	if p.off >= p.n {
		return 0, io.EOF
	}
	if int64(len(b)) > p.n-p.off {
		b = b[:p.n-p.off]
	}
	for i := range b {
		x := uint64(p.off + int64(i))
		b[i] = byte((x * 2654435761) >> 13)
	}
	p.off += int64(len(b))
	return len(b), nil
}

func largeChild(dir string) {
	const size = 200 << 20
	src := filepath.Join(dir, "package.bin")
	f, _ := os.Create(src)
	io.Copy(f, &pattern{n: size})
	f.Close()
	s, err := blob.Open(dir)
	if err != nil {
		fmt.Println("ERR", err)
		os.Exit(2)
	}
	info, err := s.PutFile(src, 0, nil)
	if err != nil || info.Size != size {
		fmt.Println("ERR", err)
		os.Exit(2)
	}
	want, _ := blob.HashFile(src, nil)
	r, err := s.Open(info.SHA256)
	if err != nil {
		fmt.Println("ERR", err)
		os.Exit(2)
	}
	got, _ := blob.Hash(bufio.NewReader(r), nil)
	r.Close()
	if got == want && got == info {
		fmt.Println("ROUNDTRIP_OK")
	}
	procmem.Report()
}
