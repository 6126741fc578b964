package backup

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"golive/backend/apperr"
)

// copyAttempts is how many times copyDatabase tries before it gives up on
// a folder whose files keep changing.
const copyAttempts = 5

// errChanged says a database file vanished or the set of files changed
// while they were copied: a flush or compaction ran; copy again.
var errChanged = errors.New("database files changed during the copy")

// afterCopyHook, when set (tests), runs after each file is copied.
var afterCopyHook func(name string)

// fileState is what copyOnce compares before and after a copy.
type fileState struct {
	size int64
	mod  time.Time
}

// copyDatabase copies the Badger files of src into the empty folder dst so
// that the copy is what a crash at one moment would have left: the
// MANIFEST first, then the tables it lists, the write-ahead logs (*.mem)
// before the value logs (a log entry never points into value log bytes
// written after it), the key registry and the rest; the lock file is left
// out. When a file vanishes, the set of tables or logs changes, or the
// MANIFEST changes while copying (a flush or compaction ran), the copy
// starts again, up to copyAttempts times: tables copied before that are
// still in src are kept (Badger never rewrites a table), so an attempt
// after the first copies only what changed, and a busy app's flushes
// cannot outrun it. A copy that gives up leaves dst empty. Codes:
// store.not_found (dir) when src holds no MANIFEST, backup.copy_unstable
// (dir, attempts), backup.copy_failed (path).
func copyDatabase(src, dst string, progress ProgressFunc) error {
	for attempt := 1; attempt <= copyAttempts; attempt++ {
		err := copyOnce(src, dst, progress)
		if !errors.Is(err, errChanged) {
			return err
		}
		time.Sleep(time.Duration(attempt) * 50 * time.Millisecond)
	}
	if err := emptyFolder(dst); err != nil {
		return apperr.Wrap(err, "backup.copy_failed", "path", dst)
	}
	return apperr.New("backup.copy_unstable", "dir", src, "attempts", itoa(copyAttempts))
}

func copyOnce(src, dst string, progress ProgressFunc) error {
	before, err := listDatabase(src)
	if err != nil {
		return err
	}
	if _, ok := before["MANIFEST"]; !ok {
		return apperr.New("store.not_found", "dir", src)
	}
	names := copyOrder(before)
	kept, err := keptTables(dst, before)
	if err != nil {
		return err
	}
	var total int64
	for _, n := range names {
		if !kept[n] {
			total += before[n].size
		}
	}
	mt := newMeter(progress, PhaseCopy, total)
	for _, name := range names {
		if kept[name] {
			continue
		}
		to := filepath.Join(dst, name)
		if err := os.Remove(to); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return apperr.Wrap(err, "backup.copy_failed", "path", to)
		}
		if err := copyFile(filepath.Join(src, name), to, mt); err != nil {
			return err
		}
		if afterCopyHook != nil {
			afterCopyHook(name)
		}
	}
	after, err := listDatabase(src)
	if err != nil {
		return err
	}
	if m0, m1 := before["MANIFEST"], after["MANIFEST"]; !sameSet(before, after) || m0.size != m1.size || !m0.mod.Equal(m1.mod) {
		return errChanged
	}
	mt.finish()
	return nil
}

// keptTables returns the tables an earlier attempt copied into dst that
// src still holds at the same size, and removes from dst every file src
// no longer holds. Tables are written once and only ever deleted, so a
// table of the same name and size is the same table.
func keptTables(dst string, src map[string]fileState) (map[string]bool, error) {
	entries, err := os.ReadDir(dst)
	if err != nil {
		return nil, apperr.Wrap(err, "backup.copy_failed", "path", dst)
	}
	kept := map[string]bool{}
	for _, e := range entries {
		name := e.Name()
		st, ok := src[name]
		if ok && strings.HasSuffix(name, ".sst") {
			if fi, err := e.Info(); err == nil && fi.Size() == st.size {
				kept[name] = true
				continue
			}
		}
		if !ok {
			if err := os.RemoveAll(filepath.Join(dst, name)); err != nil {
				return nil, apperr.Wrap(err, "backup.copy_failed", "path", filepath.Join(dst, name))
			}
		}
	}
	return kept, nil
}

// listDatabase returns the size and time of each of dir's Badger files
// (all regular files of the folder itself but the lock file).
func listDatabase(dir string) (map[string]fileState, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, apperr.New("store.not_found", "dir", dir)
	}
	if err != nil {
		return nil, apperr.Wrap(err, "backup.copy_failed", "path", dir)
	}
	out := map[string]fileState{}
	for _, e := range entries {
		if !e.Type().IsRegular() || e.Name() == "LOCK" {
			continue
		}
		fi, err := e.Info()
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, apperr.Wrap(err, "backup.copy_failed", "path", filepath.Join(dir, e.Name()))
		}
		out[e.Name()] = fileState{size: fi.Size(), mod: fi.ModTime()}
	}
	return out, nil
}

// copyOrder sorts the names: MANIFEST, tables, write-ahead logs, value
// logs, KEYREGISTRY, then anything else, each group by name.
func copyOrder(files map[string]fileState) []string {
	rank := func(n string) int {
		switch {
		case n == "MANIFEST":
			return 0
		case strings.HasSuffix(n, ".sst"):
			return 1
		case strings.HasSuffix(n, ".mem"):
			return 2
		case strings.HasSuffix(n, ".vlog"):
			return 3
		case n == "KEYREGISTRY":
			return 4
		}
		return 5
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		if ri, rj := rank(names[i]), rank(names[j]); ri != rj {
			return ri < rj
		}
		return names[i] < names[j]
	})
	return names
}

// sameSet reports whether a and b hold the same tables and logs (files
// that are appended to may have grown: the copy is a prefix, which is
// what a crash leaves).
func sameSet(a, b map[string]fileState) bool {
	key := func(m map[string]fileState) string {
		var names []string
		for n := range m {
			if strings.HasSuffix(n, ".sst") || strings.HasSuffix(n, ".mem") || strings.HasSuffix(n, ".vlog") {
				names = append(names, n)
			}
		}
		sort.Strings(names)
		return strings.Join(names, "/")
	}
	return key(a) == key(b)
}

// copyFile copies src to dst, as long as src is when the copy starts: a
// log the app keeps appending to is copied as the prefix it had then
// (what a crash at that moment leaves), so a busy app cannot keep the
// copy running. A src that vanished is errChanged.
func copyFile(src, dst string, mt *meter) error {
	in, err := os.Open(src)
	if errors.Is(err, fs.ErrNotExist) {
		return errChanged
	}
	if err != nil {
		return apperr.Wrap(err, "backup.copy_failed", "path", src)
	}
	defer in.Close()
	fi, err := in.Stat()
	if err != nil {
		return apperr.Wrap(err, "backup.copy_failed", "path", src)
	}
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return apperr.Wrap(err, "backup.copy_failed", "path", dst)
	}
	_, err = io.Copy(progressWriter{w: out, m: mt}, io.LimitReader(in, fi.Size()))
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return apperr.Wrap(err, "backup.copy_failed", "path", src)
	}
	return nil
}

// progressWriter counts what passes into w.
type progressWriter struct {
	w io.Writer
	m *meter
}

func (p progressWriter) Write(b []byte) (int, error) {
	n, err := p.w.Write(b)
	p.m.add(int64(n))
	return n, err
}

// emptyFolder removes everything inside dir.
func emptyFolder(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
			return err
		}
	}
	return nil
}

func itoa(n int) string { return strconv.Itoa(n) }
