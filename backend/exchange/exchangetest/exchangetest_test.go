package exchangetest_test

import (
	"archive/zip"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golive/backend/apperr"
	"golive/backend/exchange"
	"golive/backend/exchange/exchangetest"
	"golive/backend/ledger"
)

// valid writes an exchange file of two events of one dossier and an
// attachment, signed by key "pm".
func valid(t *testing.T) (path string, blob []byte) {
	t.Helper()
	dir := t.TempDir()
	key := exchangetest.Key("pm")
	blob = []byte(strings.Repeat("minutes of the release board\n", 30))
	blobPath := filepath.Join(dir, "blob")
	if err := os.WriteFile(blobPath, blob, 0o600); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2027, 3, 5, 10, 0, 0, 0, time.UTC)
	first, err := ledger.New("R26TESTA0001", nil, "dossier.created", map[string]any{"title": "CRM 3.2"}, at, key)
	if err != nil {
		t.Fatal(err)
	}
	second, err := ledger.New("R26TESTA0001", []string{first.ID}, "dossier.attached",
		map[string]any{"sha256": exchangetest.SumHex(blob), "name": "minutes.txt"}, at.Add(time.Minute), key)
	if err != nil {
		t.Fatal(err)
	}
	path = filepath.Join(dir, "valid"+exchange.Ext)
	body := exchange.Body{Kind: exchange.KindBundle, Created: at, Exporter: exchangetest.PubHex(key), Dossiers: []string{"R26TESTA0001"}}
	c := exchange.Contents{Events: []ledger.Event{first, second},
		Blobs: []exchange.Blob{{SHA256: exchangetest.SumHex(blob), Size: int64(len(blob)), Path: blobPath}}}
	if _, err := exchange.Write(context.Background(), path, body, c, key, nil); err != nil {
		t.Fatal(err)
	}
	return path, blob
}

// TestRewrites: a file taken apart and written back unchanged, or changed
// and sealed again, is one the exchange reader accepts; changed and not
// re-signed, or turned into a bomb, it is refused.
func TestRewrites(t *testing.T) {
	path, blob := valid(t)
	rewrite := func(t *testing.T, edit func(z *exchangetest.File)) string {
		z := exchangetest.Read(t, path)
		edit(z)
		out := filepath.Join(t.TempDir(), "rewritten"+exchange.Ext)
		z.Write(t, out)
		return out
	}
	t.Run("Unchanged", func(t *testing.T) {
		body, err := exchangetest.ReadAll(rewrite(t, func(*exchangetest.File) {}))
		if err != nil || body.Counts != (exchange.Counts{Events: 2, Blobs: 1}) {
			t.Fatalf("%+v, %v", body.Counts, err)
		}
	})
	t.Run("SealedByAnotherKey", func(t *testing.T) {
		other := exchangetest.Key("other")
		body, err := exchangetest.ReadAll(rewrite(t, func(z *exchangetest.File) {
			z.Drop(exchange.BlobEntry(exchangetest.SumHex(blob)))
			z.Seal(t, other)
		}))
		if err != nil || body.Exporter != exchangetest.PubHex(other) || body.Counts != (exchange.Counts{Events: 2}) {
			t.Fatalf("%+v, %v", body, err)
		}
	})
	t.Run("ChangedUnsigned", func(t *testing.T) {
		_, err := exchangetest.ReadAll(rewrite(t, func(z *exchangetest.File) { z.M.Body.Purpose = "changed"; z.Unsigned() }))
		if apperr.Code(err) != "exchange.bad_signature" {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("Bomb", func(t *testing.T) {
		_, err := exchangetest.ReadAll(rewrite(t, func(z *exchangetest.File) { exchangetest.Bomb(t, z.FirstBlob(t), 8<<20) }))
		if apperr.Code(err) != "exchange.entry_too_large" {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("AddedAndSealed", func(t *testing.T) {
		body, err := exchangetest.ReadAll(rewrite(t, func(z *exchangetest.File) {
			evs := z.Events(t)
			note, err := ledger.New("R26TESTA0001", []string{evs[len(evs)-1].ID}, "dossier.note", map[string]any{"text": "ready"},
				evs[len(evs)-1].Time.Add(time.Minute), exchangetest.Key("pm"))
			if err != nil {
				t.Fatal(err)
			}
			z.AddEvents(t, note)
			z.AddBlob([]byte("another attachment"), zip.Deflate)
			z.Seal(t, exchangetest.Key("pm"))
		}))
		if err != nil || body.Counts != (exchange.Counts{Events: 3, Blobs: 2}) {
			t.Fatalf("%+v, %v", body.Counts, err)
		}
	})
}
