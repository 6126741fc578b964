package backup

import (
	"os"
	"time"

	"golive/backend/apperr"
)

// Summary is what a backup file says about itself: its manifest, read
// without reading the entries.
type Summary struct {
	// Path is the file; Bytes its size.
	Path  string `json:"path"`
	Bytes int64  `json:"bytes"`
	// Created, Source, AppVersion and Counts are the manifest's.
	Created    time.Time `json:"created"`
	Source     string    `json:"source"`
	AppVersion string    `json:"app_version"`
	Counts     Counts    `json:"counts"`
}

// Inspect reads the manifest of the backup file and checks the file's
// structure against it (see openContainer for the codes); the entries'
// contents are checked only by Restore.
func Inspect(file string) (Summary, error) {
	fi, err := os.Stat(file)
	if err != nil {
		return Summary{}, apperr.Wrap(err, "backup.unreadable", "path", file)
	}
	c, err := openContainer(file, backupKind)
	if err != nil {
		return Summary{}, err
	}
	defer c.close()
	return Summary{Path: file, Bytes: fi.Size(), Created: c.m.Created, Source: c.m.Source, AppVersion: c.m.AppVersion, Counts: c.m.Counts}, nil
}
