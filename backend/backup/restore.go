package backup

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/dgraph-io/badger/v4"

	"golive/backend/apperr"
	"golive/backend/ledger"
	"golive/backend/store"
)

// RestoreResult describes a restored folder.
type RestoreResult struct {
	// Dir is the restored data folder.
	Dir string `json:"dir"`
	// Created, Source and Counts are the backup's.
	Created time.Time `json:"created"`
	Source  string    `json:"source"`
	Counts  Counts    `json:"counts"`
	// Dossiers counts the dossiers the check folded.
	Dossiers int `json:"dossiers"`
}

// Restore rebuilds the data folder dir from the backup file. dir must not
// exist (its parent must) or be an empty folder; it is left as it was
// (absent if it was absent) unless the restore succeeds. Nothing is
// written before every entry's size and hash matched the manifest, every
// event verified and every record line was read; then the folder is
// built in a temporary sibling of dir, checked (see checkRestored) and
// renamed to dir. Codes: backup.target_not_empty, backup.target_not_folder,
// backup.target_parent_missing (dir); those of openContainer (a damaged or
// hostile file), backup.bad_line, backup.bad_event, backup.duplicate_event,
// backup.bad_record, backup.count_mismatch; backup.restore_failed (path)
// when the folder cannot be written; backup.check_failed when the
// restored folder does not pass its check; backup.cancelled.
func Restore(ctx context.Context, file, dir string, opt Options) (RestoreResult, error) {
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	existed, err := checkTarget(dir)
	if err != nil {
		return RestoreResult{}, err
	}
	c, err := openContainer(file, backupKind)
	if err != nil {
		return RestoreResult{}, err
	}
	defer c.close()
	if err := c.verify(ctx, opt.Progress); err != nil {
		return RestoreResult{}, err
	}
	if err := c.checkLines(); err != nil {
		return RestoreResult{}, err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dir), "."+filepath.Base(dir)+".restore-*")
	if err != nil {
		return RestoreResult{}, apperr.Wrap(err, "backup.restore_failed", "path", dir)
	}
	done := false
	defer func() {
		if !done {
			removeAll(tmp)
		}
	}()
	if err := c.writeFolder(ctx, tmp, file, opt.Progress); err != nil {
		return RestoreResult{}, err
	}
	dossiers, err := checkRestored(tmp)
	if err != nil {
		return RestoreResult{}, err
	}
	if err := moveInto(tmp, dir, existed); err != nil {
		return RestoreResult{}, err
	}
	done = true
	return RestoreResult{Dir: dir, Created: c.m.Created, Source: c.m.Source, Counts: c.m.Counts, Dossiers: dossiers}, nil
}

// checkTarget checks that dir is an empty folder (true) or does not exist
// in a folder that does (false).
func checkTarget(dir string) (bool, error) {
	fi, err := os.Lstat(dir)
	switch {
	case err == nil && !fi.IsDir():
		return false, apperr.New("backup.target_not_folder", "dir", dir)
	case err == nil:
		entries, err := os.ReadDir(dir)
		if err != nil {
			return false, apperr.Wrap(err, "backup.restore_failed", "path", dir)
		}
		if len(entries) > 0 {
			return false, apperr.New("backup.target_not_empty", "dir", dir)
		}
		return true, nil
	case errors.Is(err, fs.ErrNotExist):
		if pfi, perr := os.Stat(filepath.Dir(dir)); perr != nil || !pfi.IsDir() {
			return false, apperr.New("backup.target_parent_missing", "dir", dir)
		}
		return false, nil
	}
	return false, apperr.Wrap(err, "backup.restore_failed", "path", dir)
}

// checkLines reads every event and record line, writing nothing, and
// checks the counts the manifest declares.
func (c *container) checkLines() error {
	events, err := c.eachEvent(EventsName, "", func([]byte, ledger.Event) error { return nil })
	if err != nil {
		return err
	}
	records, err := c.eachRecord(RecordsName, func(_, _ []byte) error { return nil })
	if err != nil {
		return err
	}
	if events != c.m.Counts.Events {
		return apperr.New("backup.count_mismatch", "what", "events")
	}
	if records != c.m.Counts.Records {
		return apperr.New("backup.count_mismatch", "what", "records")
	}
	return nil
}

// writeFolder writes the store and the blobs into the new folder dir and
// records that it holds the backup file.
func (c *container) writeFolder(ctx context.Context, dir, file string, progress ProgressFunc) error {
	st, err := store.Open(dir)
	if err != nil {
		return err
	}
	mt := newMeter(progress, PhaseRestore, c.total())
	err = c.writeStore(ctx, st.DB(), mt)
	st.Invalidate()
	if err == nil {
		err = RecordLast(st, Last{At: c.m.Created, Path: file, Restored: true})
	}
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	for _, e := range c.m.Entries {
		if sum, ok := blobSum(e.Name); ok {
			if err := c.writeBlob(ctx, dir, e.Name, sum, mt); err != nil {
				return err
			}
		}
	}
	mt.finish()
	return nil
}

// writeStore writes the records and events, byte for byte, in batches.
func (c *container) writeStore(ctx context.Context, db *badger.DB, mt *meter) error {
	wb := db.NewWriteBatch()
	defer wb.Cancel()
	set := func(key, value []byte, size int) error {
		if err := ctx.Err(); err != nil {
			return cancelled(err)
		}
		mt.add(int64(size))
		// The batch keeps the slices: copy what the scanner reuses.
		return wb.Set(append([]byte(nil), key...), append([]byte(nil), value...))
	}
	if _, err := c.eachRecord(RecordsName, func(key, value []byte) error { return set(key, value, len(key)+len(value)+16) }); err != nil {
		return asRestoreErr(err)
	}
	if _, err := c.eachEvent(EventsName, "", func(raw []byte, e ledger.Event) error { return set([]byte(eventKey(e)), raw, len(raw)+1) }); err != nil {
		return asRestoreErr(err)
	}
	return asRestoreErr(wb.Flush())
}

// writeBlob writes entry name into the blob folder of dir through a
// temporary file; the reader checks its hash at the end.
func (c *container) writeBlob(ctx context.Context, dir, name, sum string, mt *meter) error {
	dst := filepath.Join(dir, "blobs", "sha256", sum[:2], sum[2:])
	if err := os.MkdirAll(filepath.Dir(dst), 0o700); err != nil {
		return apperr.Wrap(err, "backup.restore_failed", "path", dst)
	}
	rc, err := c.open(name)
	if err != nil {
		return err
	}
	defer rc.Close()
	tmp, err := os.CreateTemp(filepath.Dir(dst), ".restore-*")
	if err != nil {
		return apperr.Wrap(err, "backup.restore_failed", "path", dst)
	}
	defer os.Remove(tmp.Name())
	_, err = io.Copy(meteredWriter{ctx: ctx, w: tmp, m: mt}, rc)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), dst)
	}
	if err != nil {
		return asRestoreErr(err)
	}
	return nil
}

// moveInto renames the built folder tmp to dir; an empty dir that
// existed is replaced, and put back if the rename fails.
func moveInto(tmp, dir string, existed bool) error {
	if existed {
		if err := os.Remove(dir); err != nil {
			return apperr.Wrap(err, "backup.restore_failed", "path", dir)
		}
	}
	if err := os.Rename(tmp, dir); err != nil {
		if existed {
			_ = os.Mkdir(dir, 0o700)
		}
		return apperr.Wrap(err, "backup.restore_failed", "path", dir)
	}
	syncDir(filepath.Dir(dir))
	return nil
}

// asRestoreErr keeps a coded error and codes any other
// backup.restore_failed.
func asRestoreErr(err error) error {
	if err == nil {
		return nil
	}
	var ae *apperr.Error
	if errors.As(err, &ae) {
		return err
	}
	return apperr.Wrap(err, "backup.restore_failed")
}

// CheckTarget checks that dir can be restored into: a new folder in a
// folder that exists, or an empty folder. Codes: backup.target_not_empty,
// backup.target_not_folder, backup.target_parent_missing.
func CheckTarget(dir string) error {
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	_, err := checkTarget(dir)
	return err
}
