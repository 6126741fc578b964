package backup

import (
	"os"
	"path/filepath"

	"golive/backend/apperr"
	"golive/backend/store"
)

// Folder is a data folder opened to be backed up; Close it.
type Folder struct {
	Source
	// HotCopy is true when Store is a copy of the folder's database,
	// made because the app (or another writer) held the folder, or a
	// crash left it for a read-write open.
	HotCopy bool
	scratch string
}

// OpenFolder opens the data folder dir to back it up, writing nothing
// into it: read-only when it can; when the folder is held by the app
// (store.already_open) or needs a read-write open first
// (store.needs_recovery, store.open_failed), it copies the folder's
// database files into a temporary folder under scratchParent ("" for the
// system's temporary folder), opens that copy read-write (which replays
// its write-ahead log; the copy is scratch) and backs up from it. Blobs
// are always read from dir: they are immutable files. Codes: those of
// store.OpenReadOnly (store.not_found, store.damaged, …), those of
// copyDatabase, backup.copy_failed.
func OpenFolder(dir, scratchParent string, progress ProgressFunc) (*Folder, error) {
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	st, err := store.OpenReadOnly(dir)
	if err == nil {
		return &Folder{Source: Source{Store: st, DataDir: st.Dir()}}, nil
	}
	switch apperr.Code(err) {
	case "store.already_open", "store.needs_recovery", "store.open_failed":
	default:
		return nil, err
	}
	scratch, err := os.MkdirTemp(scratchParent, "golive-backup-copy-*")
	if err != nil {
		return nil, apperr.Wrap(err, "backup.copy_failed", "path", os.TempDir())
	}
	f, err := openCopy(dir, scratch, progress)
	if err != nil {
		removeAll(scratch)
		return nil, err
	}
	return f, nil
}

// openCopy copies dir's database into scratch/db and opens the copy. A
// copy that does not open whole (a compaction the file checks did not
// see) is made again, up to copyAttempts times.
func openCopy(dir, scratch string, progress ProgressFunc) (*Folder, error) {
	db := filepath.Join(scratch, "db")
	var err error
	for attempt := 0; attempt < copyAttempts; attempt++ {
		removeAll(db)
		if err := os.Mkdir(db, 0o700); err != nil {
			return nil, apperr.Wrap(err, "backup.copy_failed", "path", db)
		}
		if err := copyDatabase(dir, db, progress); err != nil {
			return nil, err
		}
		var st *store.Store
		st, err = store.Open(db)
		if err == nil {
			return &Folder{Source: Source{Store: st, DataDir: dir}, HotCopy: true, scratch: scratch}, nil
		}
		if !apperr.HasCode(err, "store.damaged") {
			return nil, err
		}
	}
	return nil, apperr.Wrap(err, "backup.copy_unstable", "dir", dir, "attempts", itoa(copyAttempts))
}

// Close closes the store and removes the temporary copy, if any.
func (f *Folder) Close() error {
	err := f.Store.Close()
	if f.scratch != "" {
		removeAll(f.scratch)
	}
	return err
}
