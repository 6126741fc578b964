package backup

import (
	"time"

	"golive/backend/apperr"
	"golive/backend/core"
	"golive/backend/dossier"
	"golive/backend/store"
)

// RemindAfter is how old the last backup of a folder that holds dossiers
// may grow before the app reminds to make one.
const RemindAfter = 7 * 24 * time.Hour

// The record of the last backup: set/last_backup.
const (
	lastBucket = "set"
	lastKey    = "last_backup"
)

// Last is the record of a folder's last backup. The app writes it after
// each backup it makes; Restore writes it into the folder it builds (the
// folder then holds exactly what that backup holds). golive backup does
// not write it: it never writes into the folder it saves.
type Last struct {
	// At is when the backup was made; Path where it was written.
	At   time.Time `json:"at"`
	Path string    `json:"path"`
	// Bytes is the file's size (0 when unknown).
	Bytes int64 `json:"bytes"`
	// Restored is true when the folder was restored from this backup.
	Restored bool `json:"restored"`
}

// RecordLast stores l as the folder's last backup.
func RecordLast(st *store.Store, l Last) error { return st.Put(lastBucket, lastKey, l) }

// ReadLast returns the folder's last backup, nil when there was none.
func ReadLast(st *store.Store) (*Last, error) {
	var l Last
	err := st.Get(lastBucket, lastKey, &l)
	if apperr.HasCode(err, "store.not_found") {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &l, nil
}

// Status is what the settings page shows about backups, and whether the
// app should remind to make one.
type Status struct {
	// DataDir is the data folder.
	DataDir string `json:"data_dir"`
	// Last is the last backup, nil when there was none.
	Last *Last `json:"last"`
	// AgeDays is how many whole days ago Last was made (0 without one).
	AgeDays int `json:"age_days"`
	// Due is true when the folder holds dossiers and was never backed up,
	// or its last backup is older than RemindAfter.
	Due bool `json:"due"`
	// Dossiers counts the folder's dossiers.
	Dossiers int `json:"dossiers"`
	// RemindAfterDays is RemindAfter in days, for the reminder's text.
	RemindAfterDays int `json:"remind_after_days"`
}

// StatusAt computes the status of a folder at now.
func StatusAt(dataDir string, last *Last, dossiers int, now time.Time) Status {
	s := Status{DataDir: dataDir, Last: last, Dossiers: dossiers, RemindAfterDays: int(RemindAfter / (24 * time.Hour))}
	if last == nil {
		s.Due = dossiers > 0
		return s
	}
	age := now.Sub(last.At)
	s.AgeDays = max(0, int(age/(24*time.Hour)))
	s.Due = age > RemindAfter
	return s
}

// FolderStatus is StatusAt for the open folder c, now by its clock.
func FolderStatus(c *core.Core) (Status, error) {
	last, err := ReadLast(c.Store)
	if err != nil {
		return Status{}, err
	}
	list, err := c.Dossiers.List(dossier.Filter{})
	if err != nil {
		return Status{}, err
	}
	if last != nil {
		last.At = last.At.In(c.Zone)
	}
	return StatusAt(c.Store.Dir(), last, len(list), c.Now()), nil
}
