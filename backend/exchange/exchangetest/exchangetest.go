// Package exchangetest takes exchange files (.golive) apart and writes
// them back as an attacker would: entries added, dropped, edited or turned
// into zip bombs, events rewritten, the manifest re-signed by any key or
// left with its old signature. The tests of exchange and core use it; the
// application never imports it.
package exchangetest

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"hash/crc32"
	"io"
	"os"
	"strings"
	"testing"

	"golive/backend/exchange"
	"golive/backend/ledger"
	"golive/backend/zipfile"
)

// Entry is one zip entry of a file being rewritten.
type Entry struct {
	// Name is the entry's name in the zip.
	Name string
	// Data is the entry's contents (compressed already when Raw is set).
	Data []byte
	// Method is the zip method Write compresses Data with.
	Method uint16
	// Raw, when set, makes Write store Data as is under Header.
	Raw bool
	// Header is the entry's zip header when Raw is set.
	Header zip.FileHeader
}

// File is an exchange file taken apart: its manifest and its other
// entries, to be changed and written again.
type File struct {
	// M is the manifest as read (and as Sign leaves it).
	M exchange.Manifest
	// RawManifest, when set, is written instead of M: as read, the
	// manifest is written back byte for byte.
	RawManifest []byte
	// Entries are the entries after the manifest, in their order.
	Entries []Entry
	// ManifestLast writes the manifest after the other entries.
	ManifestLast bool
}

// Read takes the exchange file at path apart; its first entry is taken as
// the manifest.
func Read(t testing.TB, path string) *File {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	z := &File{}
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
			z.RawManifest = data
			if err := json.Unmarshal(data, &z.M); err != nil {
				t.Fatal(err)
			}
			continue
		}
		z.Entries = append(z.Entries, Entry{Name: f.Name, Data: data, Method: f.Method})
	}
	return z
}

// Entry returns the entry called name; the test fails if there is none.
func (z *File) Entry(t testing.TB, name string) *Entry {
	t.Helper()
	for i := range z.Entries {
		if z.Entries[i].Name == name {
			return &z.Entries[i]
		}
	}
	t.Fatalf("no entry %s", name)
	return nil
}

// FirstBlob returns the first attachment entry; the test fails if there
// is none.
func (z *File) FirstBlob(t testing.TB) *Entry {
	t.Helper()
	for i := range z.Entries {
		if strings.HasPrefix(z.Entries[i].Name, exchange.BlobPrefix) {
			return &z.Entries[i]
		}
	}
	t.Fatal("no blob entry")
	return nil
}

// Add appends an entry called name holding data, compressed with method.
func (z *File) Add(name string, data []byte, method uint16) {
	z.Entries = append(z.Entries, Entry{Name: name, Data: data, Method: method})
}

// AddBlob appends data as an attachment entry named after its digest.
func (z *File) AddBlob(data []byte, method uint16) {
	z.Add(exchange.BlobEntry(SumHex(data)), data, method)
}

// Drop removes every entry called name.
func (z *File) Drop(name string) {
	kept := z.Entries[:0]
	for _, e := range z.Entries {
		if e.Name != name {
			kept = append(kept, e)
		}
	}
	z.Entries = kept
}

// Lines returns the lines of events.jsonl (without the final newline).
func (z *File) Lines(t testing.TB) [][]byte {
	t.Helper()
	data := z.Entry(t, exchange.EventsName).Data
	return bytes.Split(bytes.TrimSuffix(data, []byte("\n")), []byte("\n"))
}

// SetLines replaces events.jsonl with lines, each ended by a newline.
func (z *File) SetLines(t testing.TB, lines [][]byte) {
	t.Helper()
	z.Entry(t, exchange.EventsName).Data = append(bytes.Join(lines, []byte("\n")), '\n')
}

// Events decodes events.jsonl.
func (z *File) Events(t testing.TB) []ledger.Event {
	t.Helper()
	var out []ledger.Event
	for _, l := range z.Lines(t) {
		e, err := ledger.Unmarshal(l)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, e)
	}
	return out
}

// SetEvents replaces events.jsonl with evs, one per line in the store's
// encoding.
func (z *File) SetEvents(t testing.TB, evs []ledger.Event) {
	t.Helper()
	var lines [][]byte
	for _, e := range evs {
		b, err := ledger.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, b)
	}
	z.SetLines(t, lines)
}

// AddEvents appends evs to events.jsonl.
func (z *File) AddEvents(t testing.TB, evs ...ledger.Event) {
	t.Helper()
	z.SetEvents(t, append(z.Events(t), evs...))
}

// List makes the manifest list the entries as they are now (names,
// digests, sizes: a raw entry's as its header declares) and count the
// events, blobs and templates. It does not sign.
func (z *File) List(t testing.TB) {
	t.Helper()
	b := &z.M.Body
	b.Entries = nil
	b.Counts.Blobs, b.Counts.Templates = 0, 0
	for _, e := range z.Entries {
		size := int64(len(e.Data))
		if e.Raw {
			size = int64(e.Header.UncompressedSize64)
		}
		b.Entries = append(b.Entries, zipfile.Entry{Name: e.Name, SHA256: SumHex(e.Data), Size: size})
		switch {
		case strings.HasPrefix(e.Name, exchange.BlobPrefix):
			b.Counts.Blobs++
		case strings.HasPrefix(e.Name, exchange.TemplatePrefix):
			b.Counts.Templates++
		case e.Name == exchange.EventsName:
			b.Counts.Events = len(z.Lines(t))
		}
	}
}

// Sign signs the manifest's body as it is now with key, which it names as
// the exporter; the signed manifest is what Write writes.
func (z *File) Sign(t testing.TB, key ed25519.PrivateKey) {
	t.Helper()
	z.M.Body.Exporter = PubHex(key)
	raw, err := exchange.Sign(z.M.Body, key)
	if err != nil {
		t.Fatal(err)
	}
	z.RawManifest = raw
	if err := json.Unmarshal(raw, &z.M); err != nil {
		t.Fatal(err)
	}
}

// Seal makes the manifest list the entries as they are (List) and signs
// it with key (Sign).
func (z *File) Seal(t testing.TB, key ed25519.PrivateKey) {
	t.Helper()
	z.List(t)
	z.Sign(t, key)
}

// Unsigned drops the manifest as read, so that M is written as it is now,
// with the signature it was read with.
func (z *File) Unsigned() { z.RawManifest = nil }

// Write writes the file to path: the manifest first (last with
// ManifestLast), then the entries in their order.
func (z *File) Write(t testing.TB, path string) {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	manifest := z.RawManifest
	if manifest == nil {
		var err error
		if manifest, err = json.Marshal(z.M); err != nil {
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
	if !z.ManifestLast {
		head()
	}
	for _, e := range z.Entries {
		if e.Raw {
			h := e.Header
			w, err := zw.CreateRaw(&h)
			if err != nil {
				t.Fatal(err)
			}
			_, _ = w.Write(e.Data)
			continue
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: e.Name, Method: e.Method})
		if err != nil {
			t.Fatal(err)
		}
		_, _ = w.Write(e.Data)
	}
	if z.ManifestLast {
		head()
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
}

// ReadAll opens the file at path with the exchange reader and reads every
// attachment through it, as an import does (Open checks the manifest and
// events.jsonl; attachments are checked as they are read). It returns the
// file's body and the first error.
func ReadAll(path string) (exchange.Body, error) {
	f, err := exchange.Open(path)
	if err != nil {
		return exchange.Body{}, err
	}
	defer f.Close()
	for _, b := range f.Blobs() {
		rc, err := f.OpenBlob(b.SHA256)
		if err != nil {
			return f.Body, err
		}
		_, err = io.Copy(io.Discard, rc)
		_ = rc.Close()
		if err != nil {
			return f.Body, err
		}
	}
	return f.Body, nil
}

// Deflate compresses data (raw deflate, best compression), as a zip entry
// stores it.
func Deflate(t testing.TB, data []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	fw, err := flate.NewWriter(&buf, flate.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = fw.Write(data)
	if err := fw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Bomb turns e into a zip bomb: its header declares the size and checksum
// of its contents as they are (what the manifest lists), its compressed
// data inflates to those contents followed by extra zero bytes.
func Bomb(t testing.TB, e *Entry, extra int) {
	t.Helper()
	packed := Deflate(t, append(append([]byte(nil), e.Data...), make([]byte, extra)...))
	e.Header = zip.FileHeader{Name: e.Name, Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(e.Data),
		CompressedSize64: uint64(len(packed)), UncompressedSize64: uint64(len(e.Data))}
	e.Raw, e.Data = true, packed
}

// Key returns a deterministic Ed25519 key for name: the same name gives
// the same key in every run, different names different keys. No roster of
// the sample data lists one (their keys are random).
func Key(name string) ed25519.PrivateKey {
	seed := sha256.Sum256([]byte("golive exchange test key " + name))
	return ed25519.NewKeyFromSeed(seed[:])
}

// PubHex is k's public key in hex, as manifests and rosters name keys.
func PubHex(k ed25519.PrivateKey) string {
	return hex.EncodeToString(k.Public().(ed25519.PublicKey))
}

// SumHex is the SHA-256 of b in hex, as entry names and manifests give it.
func SumHex(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}
