package backup_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golive/backend/backup"
	"golive/backend/core"
	"golive/backend/demo"
)

// TestRoundTrip: a backup restored into a new folder gives back every key
// and value of the store byte for byte (but the record of the last
// backup, which the restore writes) and every blob; the folder is checked
// (every dossier folded) and the file says what it holds.
func TestRoundTrip(t *testing.T) {
	src := sampleCopy(t)
	file := filepath.Join(t.TempDir(), "b.zip")
	f, err := backup.OpenFolder(src, t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if f.HotCopy {
		t.Fatal("a folder nobody holds was copied instead of opened read-only")
	}
	var phases []string
	res, err := backup.Write(context.Background(), f.Source, file, backup.Options{Now: sampleClock, AppVersion: "test",
		Progress: func(p backup.Progress) { phases = append(phases, p.Phase) }})
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	if res.Counts.Events < 1000 || res.Counts.Blobs < 100 || res.Counts.Records < 50 || len(phases) < 2 {
		t.Fatalf("backup of the sample: %+v, %d progress reports", res.Counts, len(phases))
	}
	sum, err := backup.Inspect(file)
	if err != nil || sum.Counts != res.Counts || sum.Source != src || !sum.Created.Equal(sampleClock()) {
		t.Fatalf("Inspect = %+v, %v", sum, err)
	}

	dst := filepath.Join(t.TempDir(), "restored")
	got, err := backup.Restore(context.Background(), file, dst, backup.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got.Dir != dst || got.Dossiers < 40 || got.Counts != res.Counts {
		t.Fatalf("Restore = %+v", got)
	}
	sameMaps(t, "store", keyspace(t, src), keyspace(t, dst, "set/last_backup"))
	sameMaps(t, "blobs", blobFiles(t, src), blobFiles(t, dst))
	// The restored folder knows it holds that backup.
	c, err := core.OpenReadOnly(dst)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	last, err := backup.ReadLast(c.Store)
	if err != nil || last == nil || last.Path != file || !last.Restored || !last.At.Equal(sampleClock()) {
		t.Fatalf("last backup of the restored folder: %+v, %v", last, err)
	}
	// Nothing is left next to the backup or the restored folder.
	for _, d := range []string{filepath.Dir(file), filepath.Dir(dst)} {
		entries, _ := os.ReadDir(d)
		if len(entries) != 1 {
			t.Fatalf("%s holds %d entries, want only the result", d, len(entries))
		}
	}
}

// TestBackupHoldsNoPrivateKey: the sample profiles' private keys (their
// seeds, in raw bytes, hex or base64) appear nowhere in the backup's
// entries; the profiles are there, their keys sealed.
func TestBackupHoldsNoPrivateKey(t *testing.T) {
	dir := sampleCopy(t)
	c, err := core.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	list, err := c.Profiles.List()
	if err != nil || len(list) < 5 {
		t.Fatalf("profiles: %d %v", len(list), err)
	}
	var secrets [][]byte
	for _, p := range list {
		if _, err := c.Profiles.Unlock(p.ID, demo.SamplePassphrase); err != nil {
			t.Fatal(err)
		}
		_, key, err := c.Profiles.Signer()
		if err != nil {
			t.Fatal(err)
		}
		seed := key.Seed()
		secrets = append(secrets, seed, []byte(hex.EncodeToString(seed)), []byte(base64.StdEncoding.EncodeToString(seed)),
			[]byte(base64.StdEncoding.EncodeToString(key)), []byte(hex.EncodeToString(key)), []byte(base64.RawURLEncoding.EncodeToString(seed)))
		if len(key) != ed25519.PrivateKeySize {
			t.Fatal("not an Ed25519 key")
		}
	}
	c.Close()
	z := readZip(t, sampleBackup(t))
	for name, b := range z.data {
		for _, s := range secrets {
			if bytes.Contains(b, s) {
				t.Fatalf("%s holds a private key in clear", name)
			}
		}
	}
	if !bytes.Contains(z.data[backup.RecordsName], []byte(`"k":"prof/`)) || !bytes.Contains(z.data[backup.RecordsName], []byte(`sealed`)) {
		t.Fatal("the backup holds no profile with its sealed key")
	}
}

// TestWriteRefusesTheDataFolder: a backup is never written into the
// folder it saves.
func TestWriteRefusesTheDataFolder(t *testing.T) {
	dir := sampleCopy(t)
	f, err := backup.OpenFolder(dir, t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	before := filesUnder(t, dir)
	_, err = backup.Write(context.Background(), f.Source, filepath.Join(dir, "blobs", "b.zip"), backup.Options{})
	wantCode(t, err, "backup.out_inside_folder")
	sameMaps(t, "data folder", before, filesUnder(t, dir))
}

// TestCancelledWriteLeavesNothing: a backup stopped half way leaves no
// file under the output's name and no temporary file next to it.
func TestCancelledWriteLeavesNothing(t *testing.T) {
	dir := sampleCopy(t)
	f, err := backup.OpenFolder(dir, t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	outDir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	_, err = backup.Write(ctx, f.Source, filepath.Join(outDir, "b.zip"), backup.Options{Progress: func(p backup.Progress) {
		if p.Done > 1<<20 {
			cancel()
		}
	}})
	wantCode(t, err, "backup.cancelled")
	if entries, _ := os.ReadDir(outDir); len(entries) != 0 {
		t.Fatalf("a cancelled backup left %s", entries[0].Name())
	}
}

// TestDamagedBlobRefused: an attachment whose bytes no longer hash to its
// name is not copied into a backup as if it were whole.
func TestDamagedBlobRefused(t *testing.T) {
	dir := sampleCopy(t)
	var victim string
	_ = filepath.WalkDir(filepath.Join(dir, "blobs", "sha256"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && victim == "" {
			victim = p
		}
		return nil
	})
	b, err := os.ReadFile(victim)
	if err != nil {
		t.Fatal(err)
	}
	b[len(b)/2] ^= 0x01
	if err := os.WriteFile(victim, b, 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := backup.OpenFolder(dir, t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := filepath.Join(t.TempDir(), "b.zip")
	_, err = backup.Write(context.Background(), f.Source, out, backup.Options{})
	wantCode(t, err, "backup.blob_corrupt")
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("a refused backup left its file")
	}
	if !strings.Contains(err.Error(), filepath.Base(victim)) {
		t.Fatalf("the error does not name the blob: %v", err)
	}
}

// TestStagedBlobIsBackedUp: an attachment still in the staging area (its
// event committed, the file not yet moved to its content-addressed name)
// is in the backup, and restored to its content-addressed name.
func TestStagedBlobIsBackedUp(t *testing.T) {
	dir := sampleCopy(t)
	body := []byte("an attachment whose event has just committed")
	sum := sha(body)
	staging := filepath.Join(dir, "blobs", "staging")
	if err := os.MkdirAll(staging, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(staging, sum+"-4f2a"), body, 0o600); err != nil {
		t.Fatal(err)
	}
	// A file still being written is not a blob yet.
	if err := os.WriteFile(filepath.Join(staging, ".incoming-77"), []byte("half"), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := backup.OpenFolder(dir, t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "b.zip")
	_, err = backup.Write(context.Background(), f.Source, file, backup.Options{})
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	restored := filepath.Join(t.TempDir(), "r")
	if _, err := backup.Restore(context.Background(), file, restored, backup.Options{}); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(restored, "blobs", "sha256", sum[:2], sum[2:]))
	if err != nil || !bytes.Equal(got, body) {
		t.Fatalf("the staged blob was not restored: %v", err)
	}
	if _, err := os.Stat(filepath.Join(restored, "blobs", "staging")); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("the restore wrote a staging folder")
	}
}
