package exchange_test

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golive/backend/apperr"
	"golive/backend/exchange"
	"golive/backend/ledger"
	"golive/backend/system"
	"golive/backend/zipfile"
)

// testKey returns a deterministic key per name.
func testKey(name string) ed25519.PrivateKey {
	seed := sha256.Sum256([]byte("golive exchange test key " + name))
	return ed25519.NewKeyFromSeed(seed[:])
}

func pubHex(k ed25519.PrivateKey) string { return hex.EncodeToString(k.Public().(ed25519.PublicKey)) }

func sumHex(b []byte) string { s := sha256.Sum256(b); return hex.EncodeToString(s[:]) }

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
	key := testKey("pm")
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
	add("R26TESTA0001", "dossier.attached", map[string]any{"sha256": sumHex(blob), "name": "notes.txt"})
	add("R26TESTA0001", "dossier.note", map[string]any{"text": "ready"})
	path := filepath.Join(dir, "R26TESTA0001"+exchange.Ext)
	body := exchange.Body{Kind: exchange.KindBundle, Created: at, AppVersion: "test", Exporter: pubHex(key), ExporterName: "PM",
		Org: pubHex(testKey("pmo")), Purpose: "for approval", For: []string{"P002"}, Dossiers: []string{"R26TESTA0001"}}
	c := exchange.Contents{Events: evs, Blobs: []exchange.Blob{{SHA256: sumHex(blob), Size: int64(len(blob)), Path: blobPath}},
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
	if f.SHA256 != sumHex(raw) || f.Size != int64(len(raw)) {
		t.Fatalf("digest %s size %d, want %s %d", f.SHA256, f.Size, sumHex(raw), len(raw))
	}
	b := f.Body
	if b.Exporter != pubHex(s.key) || b.Purpose != "for approval" || len(b.For) != 1 || b.Counts != (exchange.Counts{Events: 4, Blobs: 1, Systems: 1}) {
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
	sum := sumHex(s.blob)
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
	c := exchange.Contents{Events: evs, Blobs: []exchange.Blob{{SHA256: sumHex(s.blob), Size: int64(len(s.blob)), Path: blobPath}},
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
	body := exchange.Body{Kind: exchange.KindBundle, Created: at, Exporter: pubHex(s.key)}
	// A key other than the exporter's named in the body.
	if _, err := exchange.Write(context.Background(), out, body, exchange.Contents{Events: s.events}, testKey("other"), nil); apperr.Code(err) != "exchange.bad_key" {
		t.Fatalf("wrong key: %v", err)
	}
	// An attachment whose file no longer hashes to its name.
	bad := filepath.Join(t.TempDir(), "blob")
	if err := os.WriteFile(bad, []byte("changed"), 0o600); err != nil {
		t.Fatal(err)
	}
	c := exchange.Contents{Events: s.events, Blobs: []exchange.Blob{{SHA256: sumHex(s.blob), Size: 7, Path: bad}}}
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

// zentry is one zip entry of a file being rewritten.
type zentry struct {
	name   string
	data   []byte
	method uint16
	// raw, when set, is written as is (already compressed) under header.
	raw    bool
	header zip.FileHeader
}

// zfile is an exchange file taken apart: its manifest and entries, to be
// changed and written again as an attacker would.
type zfile struct {
	m zipManifest
	// rawManifest, when set, is written instead of m.
	rawManifest []byte
	entries     []zentry
	// manifestLast writes the manifest after the other entries.
	manifestLast bool
}

// zipManifest is exchange.Manifest; kept as read so an unchanged
// manifest is written back byte for byte equivalent.
type zipManifest = exchange.Manifest

func readZ(t *testing.T, path string) *zfile {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	z := &zfile{}
	for i, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		_ = rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			z.rawManifest = data
			if err := json.Unmarshal(data, &z.m); err != nil {
				t.Fatal(err)
			}
			continue
		}
		z.entries = append(z.entries, zentry{name: f.Name, data: data, method: f.Method})
	}
	return z
}

// get returns the entry name.
func (z *zfile) get(t *testing.T, name string) *zentry {
	t.Helper()
	for i := range z.entries {
		if z.entries[i].name == name {
			return &z.entries[i]
		}
	}
	t.Fatalf("no entry %s", name)
	return nil
}

// lines returns events.jsonl's lines.
func (z *zfile) lines(t *testing.T) [][]byte {
	data := z.get(t, exchange.EventsName).data
	return bytes.Split(bytes.TrimSuffix(data, []byte("\n")), []byte("\n"))
}

// setLines replaces events.jsonl.
func (z *zfile) setLines(t *testing.T, lines [][]byte) {
	z.get(t, exchange.EventsName).data = append(bytes.Join(lines, []byte("\n")), '\n')
}

// sync makes the manifest list the entries as they are now (names, sizes,
// digests) and counts the events, blobs and templates.
func (z *zfile) sync(t *testing.T) {
	t.Helper()
	b := &z.m.Body
	b.Entries = nil
	b.Counts.Blobs, b.Counts.Templates = 0, 0
	for _, e := range z.entries {
		b.Entries = append(b.Entries, zipfile.Entry{Name: e.name, SHA256: sumHex(e.data), Size: int64(len(e.data))})
		switch {
		case strings.HasPrefix(e.name, exchange.BlobPrefix):
			b.Counts.Blobs++
		case strings.HasPrefix(e.name, exchange.TemplatePrefix):
			b.Counts.Templates++
		case e.name == exchange.EventsName:
			b.Counts.Events = len(z.lines(t))
		}
	}
}

// sign signs the manifest as it is now with key (which it names as the
// exporter).
func (z *zfile) sign(t *testing.T, key ed25519.PrivateKey) {
	t.Helper()
	z.m.Body.Exporter = pubHex(key)
	raw, err := exchange.Sign(z.m.Body, key)
	if err != nil {
		t.Fatal(err)
	}
	z.rawManifest = raw
	if err := json.Unmarshal(raw, &z.m); err != nil {
		t.Fatal(err)
	}
}

// unsigned drops the manifest as read: m (with its old signature) is
// written.
func (z *zfile) unsigned() { z.rawManifest = nil }

func (z *zfile) write(t *testing.T, path string) {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	manifest := z.rawManifest
	if manifest == nil {
		var err error
		if manifest, err = json.Marshal(z.m); err != nil {
			t.Fatal(err)
		}
	}
	head := func() {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: zipfile.ManifestName, Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		_, _ = w.Write(manifest)
	}
	if !z.manifestLast {
		head()
	}
	for _, e := range z.entries {
		if e.raw {
			h := e.header
			w, err := zw.CreateRaw(&h)
			if err != nil {
				t.Fatal(err)
			}
			_, _ = w.Write(e.data)
			continue
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: e.name, Method: e.method})
		if err != nil {
			t.Fatal(err)
		}
		_, _ = w.Write(e.data)
	}
	if z.manifestLast {
		head()
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
}

func deflate(t *testing.T, data []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	fw, _ := flate.NewWriter(&buf, flate.BestCompression)
	_, _ = fw.Write(data)
	if err := fw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// bomb turns entry e into a zip bomb: its headers declare the size the
// manifest lists, its compressed data inflates to that and megabytes of
// zeros after it.
func bomb(t *testing.T, e *zentry) {
	t.Helper()
	packed := deflate(t, append(append([]byte(nil), e.data...), make([]byte, 32<<20)...))
	e.header = zip.FileHeader{Name: e.name, Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(e.data),
		CompressedSize64: uint64(len(packed)), UncompressedSize64: uint64(len(e.data))}
	e.raw, e.data = true, packed
}

// readAll opens path and reads every entry through the exchange reader
// (Open checks events.jsonl; blobs are checked when read).
func readAll(path string) error {
	f, err := exchange.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	for _, b := range f.Blobs() {
		rc, err := f.OpenBlob(b.SHA256)
		if err != nil {
			return err
		}
		_, err = io.Copy(io.Discard, rc)
		_ = rc.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

func TestExchangeOpenRefusesHostileFiles(t *testing.T) {
	s := writeSample(t)
	blobEntry := exchange.BlobEntry(sumHex(s.blob))
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
	rewrite := func(edit func(t *testing.T, z *zfile)) func(t *testing.T, path string) {
		return func(t *testing.T, path string) {
			z := readZ(t, s.path)
			edit(t, z)
			z.write(t, path)
		}
	}
	addEntry := func(name string) func(t *testing.T, z *zfile) {
		return func(t *testing.T, z *zfile) {
			z.entries = append(z.entries, zentry{name: name, data: []byte("owned"), method: zip.Store})
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
		{"BackslashName", rewrite(addEntry("blobs\\" + sumHex(s.blob))), "exchange.bad_name"},
		{"UnknownName", rewrite(addEntry("readme.txt")), "exchange.bad_name"},
		{"DuplicateEntry", rewrite(func(t *testing.T, z *zfile) { z.entries = append(z.entries, *z.get(t, blobEntry)) }), "exchange.duplicate_entry"},
		{"ManifestNotFirst", rewrite(func(t *testing.T, z *zfile) { z.manifestLast = true }), "exchange.bad_manifest"},
		{"DeclaredSmallInflatesBig", rewrite(func(t *testing.T, z *zfile) {
			// The manifest declares the events smaller than the entry is.
			for i, e := range z.m.Body.Entries {
				if e.Name == exchange.EventsName {
					z.m.Body.Entries[i].Size -= 10
				}
			}
			z.sign(t, s.key)
		}), "exchange.entry_too_large"},
		{"BombWithLyingHeaders", rewrite(func(t *testing.T, z *zfile) { bomb(t, z.get(t, exchange.EventsName)) }), "exchange.entry_too_large"},
		{"BlobBombWithLyingHeaders", rewrite(func(t *testing.T, z *zfile) { bomb(t, z.get(t, blobEntry)) }), "exchange.entry_too_large"},
		{"RatioBeyondTheLimit", rewrite(func(t *testing.T, z *zfile) {
			zeros := make([]byte, 16<<20)
			z.entries = append(z.entries, zentry{name: exchange.BlobEntry(sumHex(zeros)), data: zeros, method: zip.Deflate})
			z.sync(t)
			z.sign(t, s.key)
		}), "exchange.ratio"},
		{"Truncated10", cut(len(valid) / 10), "exchange.truncated"},
		{"Truncated50", cut(len(valid) / 2), "exchange.truncated"},
		{"TruncatedLast100", cut(len(valid) - 100), "exchange.truncated"},
		{"Empty", cut(0), "exchange.not_exchange"},
		{"NotAZip", func(t *testing.T, path string) {
			_ = os.WriteFile(path, []byte("{\"format\":\"golive-exchange\"}"), 0o600)
		}, "exchange.not_exchange"},
		{"UnknownVersion", rewrite(func(t *testing.T, z *zfile) {
			// A newer format: its body (here its purpose) differs as well,
			// so the signature fails too; the version is what is said.
			z.m.Version = 2
			z.m.Body.Purpose = "v2"
			z.unsigned()
		}), "exchange.unknown_version"},
		{"UnknownFormat", rewrite(func(t *testing.T, z *zfile) { z.m.Format = "golive-backup"; z.unsigned() }), "exchange.unknown_format"},
		{"UnknownManifestField", rewrite(func(t *testing.T, z *zfile) {
			z.rawManifest = bytes.Replace(z.rawManifest, []byte(`"version"`), []byte(`"extra":1,"version"`), 1)
		}), "exchange.bad_manifest"},
		{"BodyChangedAfterSigning", rewrite(func(t *testing.T, z *zfile) { z.m.Body.Purpose = "for the CIO"; z.unsigned() }), "exchange.bad_signature"},
		{"OtherKeyClaimedAsExporter", rewrite(func(t *testing.T, z *zfile) { z.m.Body.Exporter = pubHex(testKey("cio")); z.unsigned() }), "exchange.bad_signature"},
		{"SignatureGarbage", rewrite(func(t *testing.T, z *zfile) { z.m.Sig = "zz"; z.unsigned() }), "exchange.bad_signature"},
		{"ExporterNotAKey", rewrite(func(t *testing.T, z *zfile) { z.m.Body.Exporter = "pmo"; z.unsigned() }), "exchange.bad_manifest"},
		{"EventsReorderedAfterSigning", rewrite(func(t *testing.T, z *zfile) {
			// Every event still verifies, the entry no longer hashes to
			// what the signed manifest says.
			l := z.lines(t)
			l[0], l[1] = l[1], l[0]
			z.setLines(t, l)
		}), "exchange.hash_mismatch"},
		{"EventByteFlipped", rewrite(func(t *testing.T, z *zfile) {
			l := z.lines(t)
			i := bytes.Index(l[2], []byte(`"ready"`))
			l[2][i+1] = 'R'
			z.setLines(t, l)
		}), "exchange.bad_event"},
		{"EventByteFlippedResigned", rewrite(func(t *testing.T, z *zfile) {
			l := z.lines(t)
			i := bytes.Index(l[2], []byte(`"ready"`))
			l[2][i+1] = 'R'
			z.setLines(t, l)
			z.sync(t)
			z.sign(t, s.key)
		}), "exchange.bad_event"},
		{"EventMovedToAnotherDossier", rewrite(func(t *testing.T, z *zfile) {
			l := z.lines(t)
			moved := bytes.Replace(l[2], []byte(`"R26TESTA0001"`), []byte(`"R26TESTB0002"`), 1)
			if bytes.Equal(moved, l[2]) {
				t.Fatal("no dossier event on line 3")
			}
			l[2] = moved
			z.setLines(t, l)
			z.sync(t)
			z.sign(t, s.key)
		}), "exchange.bad_event"},
		{"DuplicatedEventLine", rewrite(func(t *testing.T, z *zfile) {
			l := z.lines(t)
			z.setLines(t, append(l, l[1]))
			z.sync(t)
			z.sign(t, s.key)
		}), "exchange.duplicate_event"},
		{"EmptyLine", rewrite(func(t *testing.T, z *zfile) {
			l := z.lines(t)
			z.setLines(t, append([][]byte{l[0], {}}, l[1:]...))
			z.sync(t)
			z.m.Body.Counts.Events--
			z.sign(t, s.key)
		}), "exchange.bad_line"},
		{"EventCountUnderstated", rewrite(func(t *testing.T, z *zfile) { z.m.Body.Counts.Events--; z.sign(t, s.key) }), "exchange.count_mismatch"},
		{"EventCountOverstated", rewrite(func(t *testing.T, z *zfile) { z.m.Body.Counts.Events++; z.sign(t, s.key) }), "exchange.count_mismatch"},
		{"BlobCountOverstated", rewrite(func(t *testing.T, z *zfile) { z.m.Body.Counts.Blobs++; z.sign(t, s.key) }), "exchange.count_mismatch"},
		{"NoEvents", rewrite(func(t *testing.T, z *zfile) {
			kept := z.entries[:0]
			for _, e := range z.entries {
				if e.name != exchange.EventsName {
					kept = append(kept, e)
				}
			}
			z.entries = kept
			z.sync(t)
			z.sign(t, s.key)
		}), "exchange.missing_entry"},
		{"ExtraEntry", rewrite(func(t *testing.T, z *zfile) {
			extra := []byte("not listed")
			z.entries = append(z.entries, zentry{name: exchange.BlobEntry(sumHex(extra)), data: extra})
		}), "exchange.extra_entry"},
		{"MissingBlob", rewrite(func(t *testing.T, z *zfile) {
			kept := z.entries[:0]
			for _, e := range z.entries {
				if e.name != blobEntry {
					kept = append(kept, e)
				}
			}
			z.entries = kept
		}), "exchange.missing_entry"},
		{"BlobNamedAfterAnotherDigest", rewrite(func(t *testing.T, z *zfile) {
			// The manifest lists the blob with the digest of its (new)
			// contents under the old name.
			z.get(t, blobEntry).data = []byte("a forged attachment")
			z.sync(t)
			z.sign(t, s.key)
		}), "exchange.hash_mismatch"},
		{"BlobChangedAfterSigning", rewrite(func(t *testing.T, z *zfile) {
			e := z.get(t, blobEntry)
			e.data = append([]byte(nil), e.data...)
			e.data[10] ^= 0x20
		}), "exchange.hash_mismatch"},
		{"BlobCutShort", rewrite(func(t *testing.T, z *zfile) {
			e := z.get(t, blobEntry)
			e.data = e.data[:len(e.data)-1]
		}), "exchange.size_mismatch"},
		{"UnknownMethod", rewrite(func(t *testing.T, z *zfile) {
			e := z.get(t, blobEntry)
			e.header = zip.FileHeader{Name: e.name, Method: 99, CRC32: crc32.ChecksumIEEE(e.data),
				CompressedSize64: uint64(len(e.data)), UncompressedSize64: uint64(len(e.data))}
			e.raw = true
		}), "exchange.bad_entry"},
		{"Encrypted", rewrite(func(t *testing.T, z *zfile) {
			e := z.get(t, blobEntry)
			e.header = zip.FileHeader{Name: e.name, Method: zip.Store, Flags: 0x1, CRC32: crc32.ChecksumIEEE(e.data),
				CompressedSize64: uint64(len(e.data)), UncompressedSize64: uint64(len(e.data))}
			e.raw = true
		}), "exchange.bad_entry"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "hostile"+exchange.Ext)
			c.make(t, path)
			err := readAll(path)
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
			err = readAll(path)
			if code := apperr.Code(err); !strings.HasPrefix(code, "exchange.") {
				t.Fatalf("%s flipped: %v (code %q)", zf.Name, err, code)
			}
		}
	})
}
