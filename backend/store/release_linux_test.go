package store_test

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"

	"golive/backend/internal/procmem"
	"golive/backend/store"
)

// TestReleaseMappedGivesBackTablePages: a scan of a folder of about 32 MB
// of tables leaves their pages counted in the process's memory (RssFile);
// ReleaseMapped gives most of them back, the tables stay in the kernel's
// file cache (a later read does not wait for the disk), and the records
// read the same afterwards.
func TestReleaseMappedGivesBackTablePages(t *testing.T) {
	dir := t.TempDir()
	s, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	// About 1 KB that does not compress, so the tables hold it as is.
	value := func(i int) string {
		var b strings.Builder
		for j := 0; b.Len() < 1000; j++ {
			sum := sha256.Sum256([]byte(fmt.Sprint(i, j)))
			b.WriteString(hex.EncodeToString(sum[:]))
		}
		return b.String()
	}
	const n = 32_000
	for batch := 0; batch < n; batch += 1000 {
		wb := s.DB().NewWriteBatch()
		for i := batch; i < batch+1000; i++ {
			if err := wb.Set([]byte(fmt.Sprintf("zz/%06d", i)), []byte(fmt.Sprintf(`"%s%06d"`, value(i), i))); err != nil {
				t.Fatal(err)
			}
		}
		if err := wb.Flush(); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if s, err = store.Open(dir); err != nil { // the records now live in mapped tables
		t.Fatal(err)
	}
	defer s.Close()
	scan := func() int {
		count := 0
		if err := s.Each("zz", func(key string, raw []byte) error {
			if strings.HasSuffix(string(raw), fmt.Sprintf(`%s"`, key)) {
				count++
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return count
	}
	before := procmem.FileKB()
	if got := scan(); got != n {
		t.Fatalf("scan read %d records, want %d", got, n)
	}
	scanned := procmem.FileKB()
	if scanned-before < 16<<10 {
		t.Skipf("the scan mapped only %d kB more (RssFile %d -> %d kB): nothing to give back here", scanned-before, before, scanned)
	}
	s.ReleaseMapped()
	after := procmem.FileKB()
	if after-before > (scanned-before)/2 {
		t.Fatalf("RssFile %d kB before the scan, %d kB after it, %d kB after ReleaseMapped: less than half given back", before, scanned, after)
	}
	// The kernel reads the pages back into its cache in the background.
	cached := 0.0
	for start := time.Now(); time.Since(start) < 10*time.Second; time.Sleep(50 * time.Millisecond) {
		if cached = cachedFraction(t, dir); cached >= 0.9 {
			break
		}
	}
	if cached < 0.9 {
		t.Fatalf("after ReleaseMapped %.0f%% of the table files are in the kernel's file cache, want at least 90%%: the next reads wait for the disk", cached*100)
	}
	if got := scan(); got != n {
		t.Fatalf("after ReleaseMapped the scan read %d records, want %d", got, n)
	}
	t.Logf("RssFile %d kB before the scan, %d kB after it, %d kB after ReleaseMapped; %.0f%% of the tables cached", before, scanned, after, cached*100)
}

// cachedFraction returns the share of the pages of dir's table files that
// are in the kernel's file cache (mincore over a mapping of each file that
// is never touched, so it maps nothing itself).
func cachedFraction(t *testing.T, dir string) float64 {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.sst"))
	in, all := 0, 0
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.Stat()
		if err != nil || st.Size() == 0 {
			f.Close()
			continue
		}
		m, err := unix.Mmap(int(f.Fd()), 0, int(st.Size()), unix.PROT_READ, unix.MAP_SHARED)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		vec := make([]byte, (len(m)+os.Getpagesize()-1)/os.Getpagesize())
		if _, _, e := unix.Syscall(unix.SYS_MINCORE, uintptr(unsafe.Pointer(&m[0])), uintptr(len(m)), uintptr(unsafe.Pointer(&vec[0]))); e != 0 {
			t.Fatal(e)
		}
		for _, v := range vec {
			in += int(v & 1)
		}
		all += len(vec)
		_ = unix.Munmap(m)
	}
	if all == 0 {
		t.Fatal("no table files")
	}
	return float64(in) / float64(all)
}
