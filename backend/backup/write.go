package backup

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"golive/backend/apperr"
	"golive/backend/blob"
	"golive/backend/store"
)

// Source is what a backup is made of: a store, read in one transaction,
// and the data folder whose blobs are copied and whose path the manifest
// names (the store may be a copy of that folder's database).
type Source struct {
	Store   *store.Store
	DataDir string
}

// Options are the settings of Write, Restore and ExportDossier.
type Options struct {
	// Now is the clock (time.Now when nil); Zone the zone the file's time
	// is written in (Asia/Shanghai's default zone when nil).
	Now  func() time.Time
	Zone *time.Location
	// AppVersion is written into the manifest.
	AppVersion string
	// Progress receives progress reports.
	Progress ProgressFunc
}

func (o Options) now() time.Time {
	now := time.Now()
	if o.Now != nil {
		now = o.Now()
	}
	if o.Zone != nil {
		return now.In(o.Zone)
	}
	return now
}

// Result describes a written backup.
type Result struct {
	// Path is the file written; Bytes its size.
	Path  string `json:"path"`
	Bytes int64  `json:"bytes"`
	// Created is the time in its manifest.
	Created time.Time `json:"created"`
	// Counts says what it holds.
	Counts Counts `json:"counts"`
	// HotCopy is true when the folder was copied because the app held it.
	HotCopy bool `json:"hot_copy"`
}

// Write writes the backup of src to out (replacing it), through a
// temporary file next to out. Codes: backup.out_inside_folder (out, dir)
// when out lies in the data folder (a backup never writes into the folder
// it saves), backup.bad_event, backup.blob_corrupt, backup.write_failed,
// backup.cancelled, store codes.
func Write(ctx context.Context, src Source, out string, opt Options) (Result, error) {
	out, err := filepath.Abs(out)
	if err != nil {
		return Result{}, apperr.Wrap(err, "backup.write_failed", "path", out)
	}
	if inside(out, src.DataDir) {
		return Result{}, apperr.New("backup.out_inside_folder", "out", out, "dir", src.DataDir)
	}
	created := opt.now()
	m := Manifest{Format: Format, Version: FormatVersion, Created: created, Zone: created.Location().String(),
		AppVersion: opt.AppVersion, Source: src.DataDir}
	// One read transaction: both passes over the store (measure, then
	// write) see the same snapshot, even while the app keeps writing.
	txn := src.Store.DB().NewTransaction(false)
	defer txn.Discard()
	events, err := measure(EventsName, func(w io.Writer) error {
		n, err := dumpEvents(txn, w)
		m.Counts.Events = n
		return err
	})
	if err != nil {
		return Result{}, err
	}
	records, err := measure(RecordsName, func(w io.Writer) error {
		n, err := dumpRecords(txn, w)
		m.Counts.Records = n
		return err
	})
	if err != nil {
		return Result{}, err
	}
	// Blobs are listed after the store was read: every blob an event of
	// the snapshot names was stored before that event.
	blobs, err := listBlobs(src.DataDir)
	if err != nil {
		return Result{}, err
	}
	m.Counts.Blobs = len(blobs)
	parts := append([]part{events, records}, blobs...)
	size, err := writeZip(ctx, out, m, parts, opt.Progress)
	if err != nil {
		return Result{}, err
	}
	return Result{Path: out, Bytes: size, Created: created, Counts: m.Counts}, nil
}

// listBlobs returns a part for every blob of the data folder dir, sorted
// by hash: files blobs/sha256/ab/cdef… whose name is a SHA-256, and the
// blobs staged in blobs/staging (<sha256>-<random>, written before their
// event commits and moved to their content-addressed name after it) that
// are not kept yet: a snapshot may hold an event whose blob is still
// staged. Anything else there (a temporary file of a write under way) is
// left out.
func listBlobs(dir string) ([]part, error) {
	staged, err := stagedBlobs(filepath.Join(dir, "blobs", "staging"))
	if err != nil {
		return nil, err
	}
	root := filepath.Join(dir, "blobs", "sha256")
	kept := map[string]bool{}
	var parts []part
	err = blob.OpenExisting(dir).Each(func(sum, path string, size int64) error {
		kept[sum] = true
		parts = append(parts, blobPart(sum, path, "", size))
		return nil
	})
	if err != nil {
		return nil, apperr.Wrap(err, "backup.blob_unreadable", "path", root)
	}
	for sum, p := range staged {
		if !kept[sum] {
			// Kept meanwhile: then it is at its final name.
			parts = append(parts, blobPart(sum, p.path, filepath.Join(root, sum[:2], sum[2:]), p.size))
		}
	}
	sort.Slice(parts, func(i, j int) bool { return parts[i].Name < parts[j].Name })
	return parts, nil
}

// stagedFile is a staged blob's file and size.
type stagedFile struct {
	path string
	size int64
}

// stagedBlobs lists the staged blobs of the staging folder by SHA-256.
func stagedBlobs(staging string) (map[string]stagedFile, error) {
	out := map[string]stagedFile{}
	entries, err := os.ReadDir(staging)
	if errors.Is(err, fs.ErrNotExist) {
		return out, nil
	}
	if err != nil {
		return nil, apperr.Wrap(err, "backup.blob_unreadable", "path", staging)
	}
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || len(name) < 66 || name[64] != '-' || !hexSHA.MatchString(name[:64]) {
			continue
		}
		fi, err := e.Info()
		if err != nil {
			continue // kept or discarded meanwhile
		}
		out[name[:64]] = stagedFile{path: filepath.Join(staging, name), size: fi.Size()}
	}
	return out, nil
}

// inside reports whether path is dir or lies under it (symbolic links
// of dir resolved).
func inside(path, dir string) bool {
	if dir == "" {
		return false
	}
	real := func(p string) string {
		p, _ = filepath.Abs(p)
		if r, err := filepath.EvalSymlinks(p); err == nil {
			return r
		}
		// The file itself may not exist yet: resolve its folder.
		if r, err := filepath.EvalSymlinks(filepath.Dir(p)); err == nil {
			return filepath.Join(r, filepath.Base(p))
		}
		return p
	}
	rel, err := filepath.Rel(real(dir), real(path))
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// removeAll removes path, for deferred clean-up.
func removeAll(path string) { _ = os.RemoveAll(path) }
