package exchange_test

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/ed25519"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golive/backend/apperr"
	"golive/backend/exchange"
	"golive/backend/exchange/exchangetest"
	"golive/backend/ledger"
	"golive/backend/system"
)

// sampleFile is a valid exchange file written by Write: a chain of three
// events of one dossier (the second attaching a blob), a roster event, a
// system and the blob.
type sampleFile struct {
	path   string
	key    ed25519.PrivateKey
	events []ledger.Event
	blob   []byte
}

var at = time.Date(2027, 3, 5, 10, 0, 0, 0, time.UTC)

func writeSample(t testing.TB) sampleFile {
	t.Helper()
	dir := t.TempDir()
	key := exchangetest.Key("pm")
	blob := []byte(strings.Repeat("release note, signed off by the PMO\n", 40))
	blobPath := filepath.Join(dir, "blob")
	if err := os.WriteFile(blobPath, blob, 0o600); err != nil {
		t.Fatal(err)
	}
	var evs []ledger.Event
	add := func(stream, kind string, body any) {
		var parents []string
		for i := len(evs) - 1; i >= 0; i-- {
			if evs[i].Dossier == stream {
				parents = []string{evs[i].ID}
				break
			}
		}
		e, err := ledger.New(stream, parents, kind, body, at.Add(time.Duration(len(evs))*time.Minute), key)
		if err != nil {
			t.Fatal(err)
		}
		evs = append(evs, e)
	}
	add("roster", "roster.published", map[string]any{"version": 1})
	add("R26TESTA0001", "dossier.created", map[string]any{"title": "CRM 3.2"})
	add("R26TESTA0001", "dossier.attached", map[string]any{"sha256": exchangetest.SumHex(blob), "name": "notes.txt"})
	add("R26TESTA0001", "dossier.note", map[string]any{"text": "ready"})
	path := filepath.Join(dir, "R26TESTA0001"+exchange.Ext)
	body := exchange.Body{Kind: exchange.KindBundle, Created: at, AppVersion: "test", Exporter: exchangetest.PubHex(key), ExporterName: "PM",
		Org: exchangetest.PubHex(exchangetest.Key("pmo")), Purpose: "for approval", For: []string{"P002"}, Dossiers: []string{"R26TESTA0001"}}
	c := exchange.Contents{Events: evs, Blobs: []exchange.Blob{{SHA256: exchangetest.SumHex(blob), Size: int64(len(blob)), Path: blobPath}},
		Systems: []system.System{{Code: "CRM", Name: "客户关系管理", Class: "B"}}}
	if _, err := exchange.Write(context.Background(), path, body, c, key, nil); err != nil {
		t.Fatal(err)
	}
	return sampleFile{path: path, key: key, events: evs, blob: blob}
}

func TestExchangeRoundTrip(t *testing.T) {
	s := writeSample(t)
	f, err := exchange.Open(s.path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	raw, err := os.ReadFile(s.path)
	if err != nil {
		t.Fatal(err)
	}
	if f.SHA256 != exchangetest.SumHex(raw) || f.Size != int64(len(raw)) {
		t.Fatalf("digest %s size %d, want %s %d", f.SHA256, f.Size, exchangetest.SumHex(raw), len(raw))
	}
	b := f.Body
	if b.Exporter != exchangetest.PubHex(s.key) || b.Purpose != "for approval" || len(b.For) != 1 || b.Counts != (exchange.Counts{Events: 4, Blobs: 1, Systems: 1}) {
		t.Fatalf("body = %+v", b)
	}
	got := map[string]bool{}
	for _, e := range f.Events {
		got[e.ID] = true
	}
	for _, e := range s.events {
		if !got[e.ID] {
			t.Fatalf("event %s (%s) missing", e.ID, e.Kind)
		}
	}
	if len(f.Systems) != 1 || f.Systems[0].Code != "CRM" {
		t.Fatalf("systems = %+v", f.Systems)
	}
	sum := exchangetest.SumHex(s.blob)
	if !f.HasBlob(sum) || len(f.Blobs()) != 1 || f.Blobs()[0].Size != int64(len(s.blob)) {
		t.Fatalf("blobs = %+v", f.Blobs())
	}
	rc, err := f.OpenBlob(sum)
	if err != nil {
		t.Fatal(err)
	}
	data, err := io.ReadAll(rc)
	_ = rc.Close()
	if err != nil || !bytes.Equal(data, s.blob) {
		t.Fatalf("blob read: %v (%d bytes)", err, len(data))
	}
	if _, err := f.OpenBlob(strings.Repeat("0", 64)); apperr.Code(err) != "exchange.missing_entry" {
		t.Fatalf("absent blob: %v", err)
	}
	if peek, err := exchange.Peek(s.path); err != nil || peek.Purpose != "for approval" {
		t.Fatalf("peek = %+v, %v", peek, err)
	}
	// Nothing but the file is left in its folder (the temporary file was renamed).
	list, _ := os.ReadDir(filepath.Dir(s.path))
	for _, e := range list {
		if strings.HasPrefix(e.Name(), ".") {
			t.Fatalf("left behind: %s", e.Name())
		}
	}
}

func TestExchangeWriteIsStable(t *testing.T) {
	// The same contents written twice give the same bytes: equal exports
	// are recognisable as duplicates (a sync tool's conflict copies).
	s := writeSample(t)
	f, err := exchange.Open(s.path)
	if err != nil {
		t.Fatal(err)
	}
	body := f.Body
	_ = f.Close()
	again := filepath.Join(t.TempDir(), "again"+exchange.Ext)
	blobPath := filepath.Join(t.TempDir(), "b")
	if err := os.WriteFile(blobPath, s.blob, 0o600); err != nil {
		t.Fatal(err)
	}
	// Reversed order and a duplicate: Write orders and dedupes.
	evs := append([]ledger.Event{s.events[2]}, s.events...)
	for i, j := 0, len(evs)-1; i < j; i, j = i+1, j-1 {
		evs[i], evs[j] = evs[j], evs[i]
	}
	c := exchange.Contents{Events: evs, Blobs: []exchange.Blob{{SHA256: exchangetest.SumHex(s.blob), Size: int64(len(s.blob)), Path: blobPath}},
		Systems: []system.System{{Code: "CRM", Name: "客户关系管理", Class: "B"}}}
	body.Entries, body.Counts = nil, exchange.Counts{}
	if _, err := exchange.Write(context.Background(), again, body, c, s.key, nil); err != nil {
		t.Fatal(err)
	}
	a, _ := os.ReadFile(s.path)
	b, _ := os.ReadFile(again)
	if !bytes.Equal(a, b) {
		t.Fatal("the same contents gave different files")
	}
}

func TestExchangeWriteRefuses(t *testing.T) {
	s := writeSample(t)
	out := filepath.Join(t.TempDir(), "x"+exchange.Ext)
	body := exchange.Body{Kind: exchange.KindBundle, Created: at, Exporter: exchangetest.PubHex(s.key)}
	// A key other than the exporter's named in the body.
	if _, err := exchange.Write(context.Background(), out, body, exchange.Contents{Events: s.events}, exchangetest.Key("other"), nil); apperr.Code(err) != "exchange.bad_key" {
		t.Fatalf("wrong key: %v", err)
	}
	// An attachment whose file no longer hashes to its name.
	bad := filepath.Join(t.TempDir(), "blob")
	if err := os.WriteFile(bad, []byte("changed"), 0o600); err != nil {
		t.Fatal(err)
	}
	c := exchange.Contents{Events: s.events, Blobs: []exchange.Blob{{SHA256: exchangetest.SumHex(s.blob), Size: 7, Path: bad}}}
	if _, err := exchange.Write(context.Background(), out, body, c, s.key, nil); apperr.Code(err) != "exchange.blob_corrupt" {
		t.Fatalf("corrupt blob: %v", err)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Fatal("a refused write left a file")
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".*")); len(left) > 0 {
		t.Fatalf("temporary files left: %v", left)
	}
}

func TestExchangeOpenRefusesHostileFiles(t *testing.T) {
	s := writeSample(t)
	blobEntry := exchange.BlobEntry(exchangetest.SumHex(s.blob))
	valid, err := os.ReadFile(s.path)
	if err != nil {
		t.Fatal(err)
	}
	cut := func(n int) func(t *testing.T, path string) {
		return func(t *testing.T, path string) {
			if err := os.WriteFile(path, valid[:n], 0o600); err != nil {
				t.Fatal(err)
			}
		}
	}
	rewrite := func(edit func(t *testing.T, z *exchangetest.File)) func(t *testing.T, path string) {
		return func(t *testing.T, path string) {
			z := exchangetest.Read(t, s.path)
			edit(t, z)
			z.Write(t, path)
		}
	}
	addEntry := func(name string) func(t *testing.T, z *exchangetest.File) {
		return func(t *testing.T, z *exchangetest.File) {
			z.Add(name, []byte("owned"), zip.Store)
		}
	}
	cases := []struct {
		name string
		make func(t *testing.T, path string)
		code string
	}{
		{"ZipSlip", rewrite(addEntry("../../.bashrc")), "exchange.bad_name"},
		{"ZipSlipInsideBlobs", rewrite(addEntry("blobs/../../x")), "exchange.bad_name"},
		{"AbsoluteName", rewrite(addEntry("/etc/x")), "exchange.bad_name"},
		{"DriveName", rewrite(addEntry("C:\\x")), "exchange.bad_name"},
		{"BackslashName", rewrite(addEntry("blobs\\" + exchangetest.SumHex(s.blob))), "exchange.bad_name"},
		{"UnknownName", rewrite(addEntry("readme.txt")), "exchange.bad_name"},
		{"DuplicateEntry", rewrite(func(t *testing.T, z *exchangetest.File) { z.Entries = append(z.Entries, *z.Entry(t, blobEntry)) }), "exchange.duplicate_entry"},
		{"ManifestNotFirst", rewrite(func(t *testing.T, z *exchangetest.File) { z.ManifestLast = true }), "exchange.bad_manifest"},
		{"DeclaredSmallInflatesBig", rewrite(func(t *testing.T, z *exchangetest.File) {
			// The manifest declares the events smaller than the entry is.
			for i, e := range z.M.Body.Entries {
				if e.Name == exchange.EventsName {
					z.M.Body.Entries[i].Size -= 10
				}
			}
			z.Sign(t, s.key)
		}), "exchange.entry_too_large"},
		{"BombWithLyingHeaders", rewrite(func(t *testing.T, z *exchangetest.File) {
			exchangetest.Bomb(t, z.Entry(t, exchange.EventsName), 32<<20)
		}), "exchange.entry_too_large"},
		{"BlobBombWithLyingHeaders", rewrite(func(t *testing.T, z *exchangetest.File) { exchangetest.Bomb(t, z.Entry(t, blobEntry), 32<<20) }), "exchange.entry_too_large"},
		{"RatioBeyondTheLimit", rewrite(func(t *testing.T, z *exchangetest.File) {
			zeros := make([]byte, 16<<20)
			z.AddBlob(zeros, zip.Deflate)
			z.Seal(t, s.key)
		}), "exchange.ratio"},
		{"Truncated10", cut(len(valid) / 10), "exchange.truncated"},
		{"Truncated50", cut(len(valid) / 2), "exchange.truncated"},
		{"TruncatedLast100", cut(len(valid) - 100), "exchange.truncated"},
		{"Empty", cut(0), "exchange.not_exchange"},
		{"NotAZip", func(t *testing.T, path string) {
			_ = os.WriteFile(path, []byte("{\"format\":\"golive-exchange\"}"), 0o600)
		}, "exchange.not_exchange"},
		{"UnknownVersion", rewrite(func(t *testing.T, z *exchangetest.File) {
			// A newer format: its body (here its purpose) differs as well,
			// so the signature fails too; the version is what is said.
			z.M.Version = 2
			z.M.Body.Purpose = "v2"
			z.Unsigned()
		}), "exchange.unknown_version"},
		{"UnknownFormat", rewrite(func(t *testing.T, z *exchangetest.File) { z.M.Format = "golive-backup"; z.Unsigned() }), "exchange.unknown_format"},
		{"UnknownManifestField", rewrite(func(t *testing.T, z *exchangetest.File) {
			z.RawManifest = bytes.Replace(z.RawManifest, []byte(`"version"`), []byte(`"extra":1,"version"`), 1)
		}), "exchange.bad_manifest"},
		{"BodyChangedAfterSigning", rewrite(func(t *testing.T, z *exchangetest.File) { z.M.Body.Purpose = "for the CIO"; z.Unsigned() }), "exchange.bad_signature"},
		{"OtherKeyClaimedAsExporter", rewrite(func(t *testing.T, z *exchangetest.File) {
			z.M.Body.Exporter = exchangetest.PubHex(exchangetest.Key("cio"))
			z.Unsigned()
		}), "exchange.bad_signature"},
		{"SignatureGarbage", rewrite(func(t *testing.T, z *exchangetest.File) { z.M.Sig = "zz"; z.Unsigned() }), "exchange.bad_signature"},
		{"ExporterNotAKey", rewrite(func(t *testing.T, z *exchangetest.File) { z.M.Body.Exporter = "pmo"; z.Unsigned() }), "exchange.bad_manifest"},
		{"EventsReorderedAfterSigning", rewrite(func(t *testing.T, z *exchangetest.File) {
			// Every event still verifies, the entry no longer hashes to
			// what the signed manifest says.
			l := z.Lines(t)
			l[0], l[1] = l[1], l[0]
			z.SetLines(t, l)
		}), "exchange.hash_mismatch"},
		{"EventByteFlipped", rewrite(func(t *testing.T, z *exchangetest.File) {
			l := z.Lines(t)
			i := bytes.Index(l[2], []byte(`"ready"`))
			l[2][i+1] = 'R'
			z.SetLines(t, l)
		}), "exchange.bad_event"},
		{"EventByteFlippedResigned", rewrite(func(t *testing.T, z *exchangetest.File) {
			l := z.Lines(t)
			i := bytes.Index(l[2], []byte(`"ready"`))
			l[2][i+1] = 'R'
			z.SetLines(t, l)
			z.Seal(t, s.key)
		}), "exchange.bad_event"},
		{"EventMovedToAnotherDossier", rewrite(func(t *testing.T, z *exchangetest.File) {
			l := z.Lines(t)
			moved := bytes.Replace(l[2], []byte(`"R26TESTA0001"`), []byte(`"R26TESTB0002"`), 1)
			if bytes.Equal(moved, l[2]) {
				t.Fatal("no dossier event on line 3")
			}
			l[2] = moved
			z.SetLines(t, l)
			z.Seal(t, s.key)
		}), "exchange.bad_event"},
		{"DuplicatedEventLine", rewrite(func(t *testing.T, z *exchangetest.File) {
			l := z.Lines(t)
			z.SetLines(t, append(l, l[1]))
			z.Seal(t, s.key)
		}), "exchange.duplicate_event"},
		{"EmptyLine", rewrite(func(t *testing.T, z *exchangetest.File) {
			l := z.Lines(t)
			z.SetLines(t, append([][]byte{l[0], {}}, l[1:]...))
			z.List(t)
			z.M.Body.Counts.Events--
			z.Sign(t, s.key)
		}), "exchange.bad_line"},
		{"EventCountUnderstated", rewrite(func(t *testing.T, z *exchangetest.File) { z.M.Body.Counts.Events--; z.Sign(t, s.key) }), "exchange.count_mismatch"},
		{"EventCountOverstated", rewrite(func(t *testing.T, z *exchangetest.File) { z.M.Body.Counts.Events++; z.Sign(t, s.key) }), "exchange.count_mismatch"},
		{"BlobCountOverstated", rewrite(func(t *testing.T, z *exchangetest.File) { z.M.Body.Counts.Blobs++; z.Sign(t, s.key) }), "exchange.count_mismatch"},
		{"NoEvents", rewrite(func(t *testing.T, z *exchangetest.File) {
			z.Drop(exchange.EventsName)
			z.Seal(t, s.key)
		}), "exchange.missing_entry"},
		{"ExtraEntry", rewrite(func(t *testing.T, z *exchangetest.File) {
			extra := []byte("not listed")
			z.AddBlob(extra, zip.Store)
		}), "exchange.extra_entry"},
		{"MissingBlob", rewrite(func(t *testing.T, z *exchangetest.File) {
			z.Drop(blobEntry)
		}), "exchange.missing_entry"},
		{"BlobNamedAfterAnotherDigest", rewrite(func(t *testing.T, z *exchangetest.File) {
			// The manifest lists the blob with the digest of its (new)
			// contents under the old name.
			z.Entry(t, blobEntry).Data = []byte("a forged attachment")
			z.Seal(t, s.key)
		}), "exchange.hash_mismatch"},
		{"BlobChangedAfterSigning", rewrite(func(t *testing.T, z *exchangetest.File) {
			e := z.Entry(t, blobEntry)
			e.Data = append([]byte(nil), e.Data...)
			e.Data[10] ^= 0x20
		}), "exchange.hash_mismatch"},
		{"BlobCutShort", rewrite(func(t *testing.T, z *exchangetest.File) {
			e := z.Entry(t, blobEntry)
			e.Data = e.Data[:len(e.Data)-1]
		}), "exchange.size_mismatch"},
		{"UnknownMethod", rewrite(func(t *testing.T, z *exchangetest.File) {
			e := z.Entry(t, blobEntry)
			e.Header = zip.FileHeader{Name: e.Name, Method: 99, CRC32: crc32.ChecksumIEEE(e.Data),
				CompressedSize64: uint64(len(e.Data)), UncompressedSize64: uint64(len(e.Data))}
			e.Raw = true
		}), "exchange.bad_entry"},
		{"Encrypted", rewrite(func(t *testing.T, z *exchangetest.File) {
			e := z.Entry(t, blobEntry)
			e.Header = zip.FileHeader{Name: e.Name, Method: zip.Store, Flags: 0x1, CRC32: crc32.ChecksumIEEE(e.Data),
				CompressedSize64: uint64(len(e.Data)), UncompressedSize64: uint64(len(e.Data))}
			e.Raw = true
		}), "exchange.bad_entry"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "hostile"+exchange.Ext)
			c.make(t, path)
			_, err := exchangetest.ReadAll(path)
			if got := apperr.Code(err); got != c.code {
				t.Fatalf("code %q (%v), want %s", got, err, c.code)
			}
		})
	}
	t.Run("FlippedStoredByte", func(t *testing.T) {
		// A byte flipped in the file as it lies on the disk, in the middle
		// of every entry in turn: never read as complete.
		f, err := exchange.Open(s.path)
		if err != nil {
			t.Fatal(err)
		}
		_ = f.Close()
		zr, err := zip.OpenReader(s.path)
		if err != nil {
			t.Fatal(err)
		}
		defer zr.Close()
		for _, zf := range zr.File {
			off, err := zf.DataOffset()
			if err != nil {
				t.Fatal(err)
			}
			bad := append([]byte(nil), valid...)
			bad[off+int64(zf.CompressedSize64)/2] ^= 0x01
			path := filepath.Join(t.TempDir(), "flipped"+exchange.Ext)
			if err := os.WriteFile(path, bad, 0o600); err != nil {
				t.Fatal(err)
			}
			_, err = exchangetest.ReadAll(path)
			if code := apperr.Code(err); !strings.HasPrefix(code, "exchange.") {
				t.Fatalf("%s flipped: %v (code %q)", zf.Name, err, code)
			}
		}
	})
}
