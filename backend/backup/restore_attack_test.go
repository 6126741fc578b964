package backup_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golive/backend/backup"
)

// restoreRefused restores file into a new folder and into an empty one
// and wants code each time, with the folder left as it was (absent, or
// empty) and nothing left next to it.
func restoreRefused(t *testing.T, file, code string) {
	t.Helper()
	for _, existed := range []bool{false, true} {
		parent := t.TempDir()
		dir := filepath.Join(parent, "restored")
		if existed {
			if err := os.Mkdir(dir, 0o700); err != nil {
				t.Fatal(err)
			}
		}
		_, err := backup.Restore(context.Background(), file, dir, backup.Options{})
		wantCode(t, err, code)
		entries, _ := os.ReadDir(parent)
		switch {
		case !existed && len(entries) != 0:
			t.Fatalf("a refused restore left %s", entries[0].Name())
		case existed && (len(entries) != 1 || entries[0].Name() != "restored"):
			t.Fatalf("a refused restore left %d entries next to the folder", len(entries))
		case existed:
			if inside, _ := os.ReadDir(dir); len(inside) != 0 {
				t.Fatalf("a refused restore wrote %s into the folder", inside[0].Name())
			}
		}
	}
}

// tampered writes the sample backup changed by change into a new file.
func tampered(t *testing.T, change func(z *zipFile)) string {
	t.Helper()
	z := readZip(t, sampleBackup(t))
	change(z)
	out := filepath.Join(t.TempDir(), "tampered.zip")
	z.write(t, out)
	return out
}

// TestRestoreRefusesHostileFiles: each damaged or hostile backup is
// refused with its own code before anything is written.
func TestRestoreRefusesHostileFiles(t *testing.T) {
	cases := []struct {
		name, code string
		change     func(t *testing.T, z *zipFile)
	}{
		{"ZipSlip", "backup.bad_name", func(t *testing.T, z *zipFile) { z.set("../../escaped.txt", []byte("x"), true) }},
		{"ZipSlipInsideBlobs", "backup.bad_name", func(t *testing.T, z *zipFile) {
			z.set("blobs/sha256/ab/../../../escaped", []byte("x"), true)
		}},
		{"AbsoluteName", "backup.bad_name", func(t *testing.T, z *zipFile) { z.set("/etc/cron.d/golive", []byte("x"), true) }},
		{"BackslashName", "backup.bad_name", func(t *testing.T, z *zipFile) { z.set(`blobs\sha256\x`, []byte("x"), true) }},
		{"OddName", "backup.bad_name", func(t *testing.T, z *zipFile) { z.set("notes.txt", []byte("x"), true) }},
		{"BlobNamedByAnotherHash", "backup.hash_mismatch", func(t *testing.T, z *zipFile) {
			name := z.firstBlob(t)
			other := backup.BlobEntryName(strings.Repeat("ab", 32))
			z.set(other, z.data[name], true)
		}},
		{"UnknownVersion", "backup.unknown_version", func(t *testing.T, z *zipFile) { z.manifest.Version = 2 }},
		{"OtherFormat", "backup.unknown_format", func(t *testing.T, z *zipFile) { z.manifest.Format = backup.ArchiveFormat }},
		{"ManifestNotFirst", "backup.bad_manifest", func(t *testing.T, z *zipFile) {
			z.names = append(z.names[1:], z.names[0])
		}},
		{"MissingEntry", "backup.missing_entry", func(t *testing.T, z *zipFile) {
			name := z.firstBlob(t)
			for i, n := range z.names {
				if n == name {
					z.names = append(z.names[:i], z.names[i+1:]...)
					break
				}
			}
		}},
		{"ExtraEntry", "backup.extra_entry", func(t *testing.T, z *zipFile) {
			z.set(backup.BlobEntryName(sha([]byte("extra"))), []byte("extra"), false)
		}},
		{"ChangedBlob", "backup.hash_mismatch", func(t *testing.T, z *zipFile) {
			name := z.firstBlob(t)
			b := append([]byte(nil), z.data[name]...)
			b[0] ^= 1
			z.set(name, b, false)
		}},
		{"LongerThanDeclared", "backup.entry_too_large", func(t *testing.T, z *zipFile) {
			z.set(backup.RecordsName, append(z.data[backup.RecordsName], []byte(`{"k":"set/x","v":1}`+"\n")...), false)
		}},
		{"ShorterThanDeclared", "backup.size_mismatch", func(t *testing.T, z *zipFile) {
			b := z.data[backup.EventsName]
			z.set(backup.EventsName, b[:len(b)-10], false)
		}},
		{"EntryOverTheLimit", "backup.entry_too_large", func(t *testing.T, z *zipFile) {
			z.manifest.Entries[0].Size = backup.MaxEntrySize + 1
		}},
		{"TotalOverTheLimit", "backup.too_large", func(t *testing.T, z *zipFile) {
			for i := range z.manifest.Entries {
				z.manifest.Entries[i].Size = backup.MaxEntrySize
			}
		}},
		{"ForgedSignature", "backup.bad_event", func(t *testing.T, z *zipFile) {
			lines := bytes.SplitAfter(z.data[backup.EventsName], []byte("\n"))
			i := bytes.Index(lines[3], []byte(`"sig":"`)) + len(`"sig":"`)
			line := append([]byte(nil), lines[3]...)
			if line[i] == '0' {
				line[i] = '1'
			} else {
				line[i] = '0'
			}
			lines[3] = line
			z.set(backup.EventsName, bytes.Join(lines, nil), true)
		}},
		{"RecordPosingAsEvent", "backup.bad_record", func(t *testing.T, z *zipFile) {
			b := append(z.data[backup.RecordsName], []byte(`{"k":"ev/X/`+strings.Repeat("0", 64)+`","v":{}}`+"\n")...)
			z.set(backup.RecordsName, b, true)
			z.manifest.Counts.Records++
		}},
		{"CountsDoNotMatch", "backup.count_mismatch", func(t *testing.T, z *zipFile) { z.manifest.Counts.Events-- }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			restoreRefused(t, tampered(t, func(z *zipFile) { c.change(t, z) }), c.code)
		})
	}
}

// TestRestoreRefusesAManifestWithUnknownFields: a manifest is read
// strictly; a member this version does not know means a format it does
// not know.
func TestRestoreRefusesAManifestWithUnknownFields(t *testing.T) {
	z := readZip(t, sampleBackup(t))
	var m map[string]any
	if err := json.Unmarshal(z.data[backup.ManifestName], &m); err != nil {
		t.Fatal(err)
	}
	m["encrypted_with"] = "nothing"
	raw, _ := json.Marshal(m)
	file := filepath.Join(t.TempDir(), "unknown-field.zip")
	writeRaw(t, file, z, raw)
	restoreRefused(t, file, "backup.bad_manifest")
}

// writeRaw writes z with raw as its manifest bytes.
func writeRaw(t *testing.T, path string, z *zipFile, raw []byte) {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range z.names {
		w, _ := zw.Create(n)
		if n == backup.ManifestName {
			w.Write(raw)
		} else {
			w.Write(z.data[n])
		}
	}
	zw.Close()
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestRestoreRefusesACompressionBomb: an entry that inflates more than
// backup.MaxRatio times is refused from its headers, before it is read.
func TestRestoreRefusesACompressionBomb(t *testing.T) {
	z := readZip(t, sampleBackup(t))
	bomb := bytes.Repeat([]byte{0}, 8<<20)
	name := backup.BlobEntryName(sha(bomb))
	z.set(name, bomb, true)
	z.manifest.Counts.Blobs++
	file := filepath.Join(t.TempDir(), "bomb.zip")
	z.write(t, file) // zip.Writer.Create deflates: about 1000 to 1
	restoreRefused(t, file, "backup.ratio")
}

// TestRestoreRefusesLyingHeaders: an entry whose zip headers declare the
// manifest's size while its data inflates to more is stopped at the
// declared size.
func TestRestoreRefusesLyingHeaders(t *testing.T) {
	z := readZip(t, sampleBackup(t))
	file := filepath.Join(t.TempDir(), "lying.zip")
	raw, _ := json.Marshal(z.manifest)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range z.names {
		data := z.data[n]
		if n == backup.ManifestName {
			data = raw
		}
		if n != backup.RecordsName {
			w, _ := zw.Create(n)
			w.Write(data)
			continue
		}
		// Stored as is, but with twice the data the headers declare.
		more := append(append([]byte(nil), data...), data...)
		h := &zip.FileHeader{Name: n, Method: zip.Store, CompressedSize64: uint64(len(more)), UncompressedSize64: uint64(len(data))}
		h.CRC32 = 0
		w, err := zw.CreateRaw(h)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(more)
	}
	zw.Close()
	if err := os.WriteFile(file, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	restoreRefused(t, file, "backup.entry_too_large")
}

// TestRestoreRefusesTruncatedOrForeignFiles: a backup cut short, and a
// file that is not a backup at all.
func TestRestoreRefusesTruncatedOrForeignFiles(t *testing.T) {
	b, err := os.ReadFile(sampleBackup(t))
	if err != nil {
		t.Fatal(err)
	}
	cut := filepath.Join(t.TempDir(), "cut.zip")
	if err := os.WriteFile(cut, b[:len(b)*2/3], 0o600); err != nil {
		t.Fatal(err)
	}
	restoreRefused(t, cut, "backup.truncated")
	other := filepath.Join(t.TempDir(), "notes.zip")
	if err := os.WriteFile(other, []byte("these are my notes, not a backup"), 0o600); err != nil {
		t.Fatal(err)
	}
	restoreRefused(t, other, "backup.not_a_backup")
}

// TestRestoreRefusesAFolderInUse: the target must be new or empty;
// a folder with anything in it is left untouched.
func TestRestoreRefusesAFolderInUse(t *testing.T) {
	dir := sampleCopy(t)
	before := filesUnder(t, dir)
	_, err := backup.Restore(context.Background(), sampleBackup(t), dir, backup.Options{})
	wantCode(t, err, "backup.target_not_empty")
	sameMaps(t, "the target folder", before, filesUnder(t, dir))
	notes := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(notes, []byte("x"), 0o600)
	_, err = backup.Restore(context.Background(), sampleBackup(t), notes, backup.Options{})
	wantCode(t, err, "backup.target_not_folder")
	_, err = backup.Restore(context.Background(), sampleBackup(t), filepath.Join(t.TempDir(), "no", "such", "parent"), backup.Options{})
	wantCode(t, err, "backup.target_parent_missing")
}
