package exchange_test

import (
	"archive/zip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golive/backend/apperr"
	"golive/backend/exchange"
)

// FuzzExchangeOpen feeds any bytes to the exchange reader as a file: it
// must never panic, and either open the file (every blob then reads as
// its manifest says, or fails with a code) or refuse it with an
// "exchange." code.
func FuzzExchangeOpen(f *testing.F) {
	s := writeSample(f)
	valid, err := os.ReadFile(s.path)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(valid)
	f.Add(valid[:len(valid)/2])
	f.Add(valid[:len(valid)-22]) // the end of the central directory cut off
	flipped := append([]byte(nil), valid...)
	flipped[len(flipped)/3] ^= 0x40
	f.Add(flipped)
	f.Add([]byte{})
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte(`{"format":"golive-exchange","version":1}`))
	// A zip holding only a manifest, and one with a zip-slip name.
	for _, name := range []string{"", "../evil"} {
		path := filepath.Join(f.TempDir(), "seed.zip")
		fh, err := os.Create(path)
		if err != nil {
			f.Fatal(err)
		}
		zw := zip.NewWriter(fh)
		w, _ := zw.Create("manifest.json")
		_, _ = io.WriteString(w, `{"format":"golive-exchange","version":1,"body":{"entries":[]},"sig":""}`)
		if name != "" {
			w, _ = zw.Create(name)
			_, _ = io.WriteString(w, "x")
		}
		_ = zw.Close()
		_ = fh.Close()
		b, _ := os.ReadFile(path)
		f.Add(b)
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(dir, "fuzz"+exchange.Ext)
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		file, err := exchange.Open(path)
		if err != nil {
			if code := apperr.Code(err); !strings.HasPrefix(code, "exchange.") {
				t.Fatalf("refused with %q: %v", code, err)
			}
			return
		}
		defer file.Close()
		if len(file.Events) != file.Body.Counts.Events {
			t.Fatalf("%d events, the manifest counts %d", len(file.Events), file.Body.Counts.Events)
		}
		for _, b := range file.Blobs() {
			rc, err := file.OpenBlob(b.SHA256)
			if err == nil {
				_, err = io.Copy(io.Discard, rc)
				_ = rc.Close()
			}
			if code := apperr.Code(err); err != nil && !strings.HasPrefix(code, "exchange.") {
				t.Fatalf("blob %s: %q: %v", b.SHA256, code, err)
			}
		}
	})
}
