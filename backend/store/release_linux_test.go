package store_test

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"testing"

	"golive/backend/internal/procmem"
	"golive/backend/store"
)

// TestReleaseMappedGivesBackTablePages: a scan of a folder of about 32 MB
// of tables leaves their pages counted in the process's memory (RssFile);
// ReleaseMapped gives most of them back, and the records read the same
// afterwards.
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
	if got := scan(); got != n {
		t.Fatalf("after ReleaseMapped the scan read %d records, want %d", got, n)
	}
	t.Logf("RssFile %d kB before the scan, %d kB after it, %d kB after ReleaseMapped", before, scanned, after)
}
