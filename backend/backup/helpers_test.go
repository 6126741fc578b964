package backup_test

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"golive/backend/apperr"
	"golive/backend/backup"
	"golive/backend/core"
	"golive/backend/store"
)

// sample is the sample portfolio the tests copy, built once per test
// binary (it takes seconds), with one backup of it.
var sample struct {
	once       sync.Once
	dir        string
	backupFile string
	err        error
}

// sampleClock is the fixed "now" the sample is built against.
func sampleClock() time.Time {
	return time.Date(2026, 12, 1, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))
}

func buildSample() error {
	root, err := os.MkdirTemp("", "golive-backup-test-")
	if err != nil {
		return err
	}
	sample.dir = filepath.Join(root, "sample")
	c, err := core.Open(sample.dir)
	if err != nil {
		return err
	}
	c.Clock = sampleClock
	if _, err := c.LoadSample(); err != nil {
		c.Close()
		return err
	}
	if err := c.Close(); err != nil {
		return err
	}
	sample.backupFile = filepath.Join(root, "sample-backup.zip")
	f, err := backup.OpenFolder(sample.dir, root, nil)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = backup.Write(context.Background(), f.Source, sample.backupFile, backup.Options{Now: sampleClock, AppVersion: "test"})
	return err
}

func ensureSample(t *testing.T) {
	t.Helper()
	sample.once.Do(func() { sample.err = buildSample() })
	if sample.err != nil {
		t.Fatal(sample.err)
	}
}

// sampleCopy returns a fresh copy of the sample folder.
func sampleCopy(t *testing.T) string {
	t.Helper()
	ensureSample(t)
	dir := filepath.Join(t.TempDir(), "data")
	if err := os.CopyFS(dir, os.DirFS(sample.dir)); err != nil {
		t.Fatal(err)
	}
	return dir
}

// sampleBackup returns the path of the sample's backup (do not change it).
func sampleBackup(t *testing.T) string {
	t.Helper()
	ensureSample(t)
	return sample.backupFile
}

// TestMain removes the sample.
func TestMain(m *testing.M) {
	code := m.Run()
	if sample.dir != "" {
		_ = os.RemoveAll(filepath.Dir(sample.dir))
	}
	os.Exit(code)
}

// keyspace returns every key and value of the store in dir, opened
// read-only, but the keys skip names.
func keyspace(t *testing.T, dir string, skip ...string) map[string]string {
	t.Helper()
	st, err := store.OpenReadOnly(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	out := map[string]string{}
	err = st.DB().View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.DefaultIteratorOptions)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			k := string(it.Item().KeyCopy(nil))
			skipped := false
			for _, s := range skip {
				skipped = skipped || k == s
			}
			if skipped {
				continue
			}
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			out[k] = string(v)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// blobFiles returns the SHA-256 of every file under dir/blobs, by path.
func blobFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	return filesUnder(t, filepath.Join(dir, "blobs"))
}

// filesUnder returns the SHA-256 of every file under dir, by relative
// path, but the command log (logs/).
func filesUnder(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() && d.Name() == "logs" {
			return filepath.SkipDir
		}
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		out[rel] = sha(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sha(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

func sameMaps(t *testing.T, what string, a, b map[string]string) {
	t.Helper()
	if len(a) != len(b) {
		t.Errorf("%s: %d entries, then %d", what, len(a), len(b))
	}
	var diff []string
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			diff = append(diff, k)
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			diff = append(diff, k)
		}
	}
	sort.Strings(diff)
	if len(diff) > 0 {
		t.Fatalf("%s differ in %d keys, first %q", what, len(diff), diff[0])
	}
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if apperr.Code(err) != code {
		t.Fatalf("error %v, want code %s", err, code)
	}
}

// zipFile is the entries of a backup in order, for tests that tamper
// with one.
type zipFile struct {
	names    []string
	data     map[string][]byte
	manifest backup.Manifest
}

func readZip(t *testing.T, path string) *zipFile {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	z := &zipFile{data: map[string][]byte{}}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		z.names = append(z.names, f.Name)
		z.data[f.Name] = b
	}
	if err := json.Unmarshal(z.data[backup.ManifestName], &z.manifest); err != nil {
		t.Fatal(err)
	}
	return z
}

// set replaces (or adds) entry name and, with declare, makes the manifest
// declare its new hash and size.
func (z *zipFile) set(name string, b []byte, declare bool) {
	if _, ok := z.data[name]; !ok {
		z.names = append(z.names, name)
	}
	z.data[name] = b
	if !declare {
		return
	}
	for i, e := range z.manifest.Entries {
		if e.Name == name {
			z.manifest.Entries[i].SHA256, z.manifest.Entries[i].Size = sha(b), int64(len(b))
			return
		}
	}
	z.manifest.Entries = append(z.manifest.Entries, backup.Entry{Name: name, SHA256: sha(b), Size: int64(len(b))})
}

// write writes the file (the manifest re-encoded first) to path.
func (z *zipFile) write(t *testing.T, path string) {
	t.Helper()
	m, err := json.Marshal(z.manifest)
	if err != nil {
		t.Fatal(err)
	}
	z.data[backup.ManifestName] = m
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range z.names {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(z.data[n]); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
}

// firstBlob is the name of the backup's first blob entry.
func (z *zipFile) firstBlob(t *testing.T) string {
	t.Helper()
	for _, n := range z.names {
		if strings.HasPrefix(n, backup.BlobPrefix) {
			return n
		}
	}
	t.Fatal("the backup holds no blob")
	return ""
}
