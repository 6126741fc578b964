package syncdir

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	"golive/backend/apperr"
	"golive/backend/core"
	"golive/backend/exchange"
	"golive/backend/fsplace"
)

const (
	// bucket holds the local records of the sync folders (see doc.go).
	bucket = "syncf"
	// chosenKey is the record naming the folder chosen in the app.
	chosenKey = "chosen"

	// MaxPacks is how many packs of its own a writer keeps before it
	// compacts them into one.
	MaxPacks = 16
	// DefaultGrace is how long a pack may stay incomplete before it is
	// reported as failed.
	DefaultGrace = time.Minute
	// DefaultScan is the period of the watcher's full scan, for network
	// drives that send no change notices.
	DefaultScan = 60 * time.Second
	// DefaultDebounce is how long the watcher waits for a burst of
	// changes to end before it syncs.
	DefaultDebounce = time.Second

	// tmpPrefix starts the temporary names of packs being written.
	tmpPrefix = ".tmp-"
	// staleTemp is the age after which a writer removes its own temporary
	// files (left by a sync that was killed).
	staleTemp = time.Hour
)

// Codes of this package.
const (
	// CodeInsideData: the sync folder contains the data folder or lies
	// inside it (params: folder, data).
	CodeInsideData = "syncdir.inside_data"
	// CodeNotFound: the sync folder does not exist or is not a folder
	// (params: folder).
	CodeNotFound = "syncdir.not_found"
	// CodeIO: the sync folder could not be read or written (params:
	// path).
	CodeIO = "syncdir.io"
	// CodeIncomplete: a pack's bytes do not hash to its name, over two
	// syncs (params: name).
	CodeIncomplete = "syncdir.incomplete"
	// CodeNotPack: a file with a pack's name is an exchange file made
	// for people, not a pack (params: kind).
	CodeNotPack = "syncdir.not_pack"
	// CodeNoFolder: no sync folder is chosen.
	CodeNoFolder = "syncdir.no_folder"
)

var (
	packName = regexp.MustCompile(`^([0-9a-f]{64})\.pack$`)
	// conflictCopy matches the names file-sync tools give the copies they
	// make: "x (1).pack", "x.sync-conflict-….pack", "x-conflict….pack".
	conflictCopy = regexp.MustCompile(`^[0-9a-f]{64}.*(\(\d+\)|conflict).*$`)
)

// FileProblem is a file of the sync folder that failed its checks.
type FileProblem struct {
	// Name is the file's path inside the sync folder, with slashes
	// ("golive/packs/<writer>/<sha256>.pack").
	Name string `json:"name"`
	// Code is the apperr code saying why (syncdir.incomplete, the
	// exchange and roster codes of a refused pack).
	Code string `json:"code"`
	// Params are the code's parameters.
	Params map[string]string `json:"params"`
	// Since is when the problem was first seen.
	Since time.Time `json:"since"`
}

// Result says what one sync did.
type Result struct {
	// Published counts the events written; PackWritten is the pack's path
	// inside the sync folder, with slashes ("" when nothing was new).
	Published   int    `json:"published"`
	PackWritten string `json:"pack_written"`
	// Compacted counts this writer's older packs removed after a
	// compaction.
	Compacted int `json:"compacted"`
	// Read counts the packs read and imported; Imported says what each
	// brought.
	Read     int                 `json:"read"`
	Imported []core.ImportReport `json:"imported"`
	// Skipped counts the packs not completely copied yet (and not
	// reported as failed), tried again at the next sync.
	Skipped int `json:"skipped"`
	// Failed lists the files that failed their checks.
	Failed []FileProblem `json:"failed"`
	// Waiting counts the events waiting for their parents.
	Waiting int `json:"waiting"`
	// Unpublished counts the events this data folder holds that the sync
	// folder does not (待发布; not zero for a read-only replica only).
	Unpublished int `json:"unpublished"`
	// Files counts the files under the sync folder's packs.
	Files int `json:"files"`
	// ReadOnly is true when the sync only read (no unlocked profile, or no
	// roster yet).
	ReadOnly bool `json:"read_only"`
	// At is when the sync ran.
	At time.Time `json:"at"`
}

// Events counts the events the packs read brought.
func (r Result) Events() int {
	n := 0
	for _, rep := range r.Imported {
		n += rep.Events
	}
	return n
}

// Status is what the app shows of a sync folder: the last sync's summary.
type Status struct {
	// Folder is the sync folder ("" when none is chosen).
	Folder string `json:"folder"`
	// Watching is true while the app watches the folder.
	Watching bool `json:"watching"`
	// LastSync is when the last sync ran (zero: never).
	LastSync time.Time `json:"last_sync"`
	// Published and Imported count the events the last sync wrote and
	// brought; Read the packs it read.
	Published int `json:"published"`
	Imported  int `json:"imported"`
	Read      int `json:"read"`
	// Unpublished counts the events not yet in the sync folder (待发布);
	// Waiting those waiting for their parents (等待前序事件).
	Unpublished int `json:"unpublished"`
	Waiting     int `json:"waiting"`
	// Files counts the files under the sync folder's packs.
	Files int `json:"files"`
	// ReadOnly is true when the last sync only read.
	ReadOnly bool `json:"read_only"`
	// Failed lists the files that failed their checks.
	Failed []FileProblem `json:"failed"`
	// Error is the code of the last sync's error ("" when it ran).
	Error string `json:"error"`
}

// record is the local record of one sync folder.
type record struct {
	Dir string `json:"dir"`
	// Known holds the ids of the events known to be in the sync folder.
	Known map[string]bool `json:"known"`
	// Read holds the names (digests) of the packs written or imported.
	Read map[string]bool `json:"read"`
	// Bad holds the copies that did not hash to their name, by path.
	Bad map[string]badCopy `json:"bad"`
	// Refused holds the packs refused by their checks, by digest.
	Refused map[string]FileProblem `json:"refused"`
	// Status is the last sync's.
	Status Status `json:"status"`
}

// badCopy is a pack copy seen incomplete.
type badCopy struct {
	Since time.Time `json:"since"`
	Syncs int       `json:"syncs"`
	// Mod is the copy's modification time when last seen.
	Mod time.Time `json:"mod"`
}

// Folder is a sync folder a data folder syncs with.
type Folder struct {
	// Grace is how long a pack may stay incomplete before it is reported
	// (DefaultGrace).
	Grace time.Duration
	// Scan is the watcher's full-scan period (DefaultScan).
	Scan time.Duration
	// Debounce is how long the watcher waits for changes to settle
	// (DefaultDebounce).
	Debounce time.Duration
	// Now is the clock (the data folder's, core.Core.Now).
	Now func() time.Time

	c   *core.Core
	dir string
	key string
	mu  sync.Mutex
}

// Open returns the sync folder dir for the data folder c. Codes:
// syncdir.not_found (folder), syncdir.inside_data (folder, data),
// syncdir.io (path).
func Open(c *core.Core, dir string) (*Folder, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, apperr.Wrap(err, CodeNotFound, "folder", dir)
	}
	fi, err := os.Stat(abs)
	if err != nil || !fi.IsDir() {
		return nil, apperr.New(CodeNotFound, "folder", abs)
	}
	if data := c.Store.Dir(); data != "" && (fsplace.Contains(abs, data) || fsplace.Contains(data, abs)) {
		return nil, apperr.New(CodeInsideData, "folder", abs, "data", data)
	}
	if err := os.MkdirAll(packsDir(abs), 0o755); err != nil {
		return nil, apperr.Wrap(err, CodeIO, "path", packsDir(abs))
	}
	sum := sha256.Sum256([]byte(abs))
	return &Folder{Grace: DefaultGrace, Scan: DefaultScan, Debounce: DefaultDebounce, Now: c.Now,
		c: c, dir: abs, key: hex.EncodeToString(sum[:])}, nil
}

// Dir is the sync folder's absolute path.
func (f *Folder) Dir() string { return f.dir }

// relPack is the path, inside the sync folder, of writer's pack name.
func relPack(writer, name string) string {
	return "golive/packs/" + writer + "/" + name + exchange.PackExt
}

// packsDir is where the packs of sync folder dir lie.
func packsDir(dir string) string { return filepath.Join(dir, "golive", "packs") }

// WriterID is the name of the folder holding the packs of the writer
// whose public key is pub: the first 16 hex digits of its SHA-256.
func WriterID(pub ed25519.PublicKey) string {
	sum := sha256.Sum256(pub)
	return hex.EncodeToString(sum[:8])
}

// load reads the folder's local record (an empty one the first time).
func (f *Folder) load() (record, error) {
	var rec record
	err := f.c.Store.Get(bucket, f.key, &rec)
	if err != nil && !apperr.HasCode(err, "store.not_found") {
		return rec, err
	}
	rec.Dir = f.dir
	if rec.Known == nil {
		rec.Known = map[string]bool{}
	}
	if rec.Read == nil {
		rec.Read = map[string]bool{}
	}
	if rec.Bad == nil {
		rec.Bad = map[string]badCopy{}
	}
	if rec.Refused == nil {
		rec.Refused = map[string]FileProblem{}
	}
	return rec, nil
}

// Status returns the last sync's status, as the data folder recorded it.
func (f *Folder) Status() (Status, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	rec, err := f.load()
	if err != nil {
		return Status{Folder: f.dir}, err
	}
	st := rec.Status
	st.Folder = f.dir
	return st, nil
}

// Sync publishes this data folder's new events (when a profile is
// unlocked) and then reads every pack not read yet. Files that fail their
// checks are in Result.Failed, not an error. Codes: syncdir.io, store
// codes, exchange.cancelled.
func (f *Folder) Sync(ctx context.Context) (Result, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	now := f.Now()
	res := Result{At: now}
	rec, err := f.load()
	if err != nil {
		return res, err
	}
	if _, err := os.Stat(packsDir(f.dir)); err != nil {
		// The share is not mounted (or the folder was removed): nothing in
		// it is touched, and the error is kept for the status line.
		err = apperr.Wrap(err, CodeIO, "path", packsDir(f.dir))
		return res, f.fail(rec, err, now)
	}
	err = f.publish(ctx, &rec, &res)
	if err == nil {
		err = f.read(ctx, &rec, &res, now)
	}
	if w, werr := f.c.Waiting(); werr == nil {
		res.Waiting = w
	}
	res.Files = countFiles(packsDir(f.dir))
	res.Unpublished = f.unpublished(rec)
	rec.Status = Status{Folder: f.dir, LastSync: now, Published: res.Published, Imported: res.Events(), Read: res.Read,
		Unpublished: res.Unpublished, Waiting: res.Waiting, Files: res.Files, ReadOnly: res.ReadOnly, Failed: res.Failed}
	if err != nil {
		rec.Status.Error = apperr.Code(err)
	}
	if serr := f.c.Store.Put(bucket, f.key, rec); serr != nil && err == nil {
		err = serr
	}
	return res, err
}

// fail records a sync that could not run and returns err.
func (f *Folder) fail(rec record, err error, now time.Time) error {
	rec.Status.Folder, rec.Status.Error, rec.Status.LastSync = f.dir, apperr.Code(err), now
	_ = f.c.Store.Put(bucket, f.key, rec)
	return err
}

// unpublished counts the events of the data folder the record does not
// know to be in the sync folder.
func (f *Folder) unpublished(rec record) int {
	ids, err := f.c.Store.EventIDs()
	if err != nil {
		return 0
	}
	n := 0
	for _, list := range ids {
		for _, id := range list {
			if !rec.Known[id] {
				n++
			}
		}
	}
	return n
}

// publish writes a pack with the events the sync folder lacks, then
// compacts this writer's packs when there are more than MaxPacks.
func (f *Folder) publish(ctx context.Context, rec *record, res *Result) error {
	_, key, err := f.c.Profiles.Signer()
	if err != nil {
		res.ReadOnly = true
		return nil
	}
	if f.unpublished(*rec) == 0 {
		return nil
	}
	writer := WriterID(key.Public().(ed25519.PublicKey))
	wdir := filepath.Join(packsDir(f.dir), writer)
	if err := os.MkdirAll(wdir, 0o755); err != nil {
		return apperr.Wrap(err, CodeIO, "path", wdir)
	}
	removeStaleTemps(wdir, f.Now())
	name, out, err := f.writePack(ctx, wdir, core.ExportRequest{Known: rec.Known, Attachments: true, Kind: exchange.KindPack})
	if apperr.HasCode(err, "exchange.no_roster") {
		// No roster yet: nobody could judge this folder's events. It reads
		// until one arrives.
		res.ReadOnly = true
		return nil
	}
	if err != nil {
		return err
	}
	if name != "" {
		rec.Read[name] = true
		for _, e := range out.Events {
			rec.Known[e.ID] = true
		}
		res.Published, res.PackWritten = out.Count, relPack(writer, name)
	}
	own := ownPacks(wdir)
	if len(own) <= MaxPacks {
		return nil
	}
	full, out, err := f.writePack(ctx, wdir, core.ExportRequest{Attachments: true, Kind: exchange.KindPack})
	if err != nil {
		return err
	}
	rec.Read[full] = true
	for _, e := range out.Events {
		rec.Known[e.ID] = true
	}
	res.PackWritten = relPack(writer, full)
	for _, old := range own {
		if old == full {
			continue
		}
		if err := os.Remove(filepath.Join(wdir, old+exchange.PackExt)); err == nil {
			res.Compacted++
		}
	}
	return nil
}

// writePack exports req into a temporary file of wdir, hashes it and
// renames it to its digest. It returns the digest ("" when there was
// nothing to write) and what was written.
func (f *Folder) writePack(ctx context.Context, wdir string, req core.ExportRequest) (string, core.ExportResult, error) {
	var rnd [8]byte
	_, _ = rand.Read(rnd[:])
	tmp := filepath.Join(wdir, tmpPrefix+hex.EncodeToString(rnd[:]))
	out, err := f.c.Export(ctx, tmp, req, nil)
	if err != nil {
		_ = os.Remove(tmp)
		return "", out, err
	}
	if out.Count == 0 {
		_ = os.Remove(tmp)
		return "", out, nil
	}
	sum, err := hashFile(tmp)
	if err != nil {
		_ = os.Remove(tmp)
		return "", out, apperr.Wrap(err, CodeIO, "path", tmp)
	}
	final := filepath.Join(wdir, sum+exchange.PackExt)
	if _, err := os.Stat(final); err == nil {
		_ = os.Remove(tmp) // the same bytes are there already
		return sum, out, nil
	}
	if err := os.Rename(tmp, final); err != nil {
		_ = os.Remove(tmp)
		return "", out, apperr.Wrap(err, CodeIO, "path", final)
	}
	return sum, out, nil
}

// ownPacks lists the digests of the packs in the writer folder wdir.
func ownPacks(wdir string) []string {
	entries, _ := os.ReadDir(wdir)
	var out []string
	for _, e := range entries {
		if m := packName.FindStringSubmatch(e.Name()); m != nil && e.Type().IsRegular() {
			out = append(out, m[1])
		}
	}
	return out
}

// removeStaleTemps removes this writer's temporary files older than
// staleTemp (a sync killed while writing).
func removeStaleTemps(wdir string, now time.Time) {
	entries, _ := os.ReadDir(wdir)
	for _, e := range entries {
		n := e.Name()
		if !strings.HasPrefix(n, tmpPrefix) && !strings.HasPrefix(n, "."+tmpPrefix) {
			continue
		}
		if fi, err := e.Info(); err == nil && now.Sub(fi.ModTime()) > staleTemp {
			_ = os.Remove(filepath.Join(wdir, n))
		}
	}
}

// copyOf is one file of the sync folder that may hold a pack.
type copyOf struct {
	rel, path string
	mod       time.Time
}

// read imports every pack not read yet.
func (f *Folder) read(ctx context.Context, rec *record, res *Result, now time.Time) error {
	canonical, conflicts, err := listPacks(packsDir(f.dir))
	if err != nil {
		return err
	}
	// Forget the bad copies that are gone or whose pack was read.
	for rel := range rec.Bad {
		name := strings.TrimSuffix(filepath.Base(filepath.FromSlash(rel)), exchange.PackExt)
		if _, ok := findCopy(canonical[name], rel); !ok || rec.Read[name] {
			delete(rec.Bad, rel)
		}
	}
	var conflictSums map[string][]copyOf // computed when first needed
	type good struct {
		name string
		c    copyOf
	}
	var goods []good
	var names []string
	for name := range canonical {
		if !rec.Read[name] {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		if err := ctx.Err(); err != nil {
			return apperr.Wrap(err, "exchange.cancelled")
		}
		var found *copyOf
		for _, c := range canonical[name] {
			sum, err := hashFile(c.path)
			if err != nil {
				continue // vanished meanwhile: the next sync sees
			}
			if sum == name {
				c := c
				found = &c
				delete(rec.Bad, c.rel)
				break
			}
			b, ok := rec.Bad[c.rel]
			if !ok {
				b.Since = now
			}
			b.Syncs++
			b.Mod = c.mod
			rec.Bad[c.rel] = b
		}
		if found == nil {
			if conflictSums == nil {
				conflictSums = hashAll(conflicts)
			}
			if cs := conflictSums[name]; len(cs) > 0 {
				found = &cs[0]
			}
		}
		if found == nil {
			res.Skipped++
			continue
		}
		goods = append(goods, good{name, *found})
	}
	sort.SliceStable(goods, func(i, j int) bool { return goods[i].c.mod.Before(goods[j].c.mod) })

	// Import, in passes: a pack refused for lack of a roster version may
	// pass once another pack brought it.
	pending := goods
	for pass := 0; len(pending) > 0; pass++ {
		var next []good
		progress := false
		for _, g := range pending {
			if err := ctx.Err(); err != nil {
				return apperr.Wrap(err, "exchange.cancelled")
			}
			if _, seen := rec.Refused[g.name]; seen && pass == 0 {
				next = append(next, g) // tried again only after progress
				continue
			}
			rep, ids, err := f.importOne(g.c.path)
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) {
					continue // removed by its writer's compaction
				}
				p, ok := rec.Refused[g.name]
				if !ok {
					p.Since = now
				}
				p.Name, p.Code, p.Params = g.c.rel, apperr.Code(err), params(err)
				rec.Refused[g.name] = p
				next = append(next, g)
				continue
			}
			delete(rec.Refused, g.name)
			rec.Read[g.name] = true
			for _, id := range ids {
				rec.Known[id] = true
			}
			res.Read++
			res.Imported = append(res.Imported, rep)
			if !rep.Nothing() {
				progress = true
			}
		}
		if !progress {
			break
		}
		pending = next
	}

	// Report what stays wrong.
	for name, p := range rec.Refused {
		if rec.Read[name] || len(canonical[name]) == 0 {
			delete(rec.Refused, name)
			continue
		}
		res.Failed = append(res.Failed, p)
	}
	grace := f.Grace
	for rel, b := range rec.Bad {
		// Bad over two syncs Grace apart, or untouched for Grace: nothing
		// is copying it any more.
		if (b.Syncs >= 2 && now.Sub(b.Since) >= grace) || now.Sub(b.Mod) >= grace {
			res.Failed = append(res.Failed, FileProblem{Name: rel, Code: CodeIncomplete, Params: map[string]string{"name": rel}, Since: b.Since})
			if res.Skipped > 0 {
				res.Skipped-- // reported as failed, not as still copying
			}
		}
	}
	sort.Slice(res.Failed, func(i, j int) bool { return res.Failed[i].Name < res.Failed[j].Name })
	return nil
}

// importOne checks and imports the pack at path; it returns what it
// brought and the ids of its events.
func (f *Folder) importOne(path string) (core.ImportReport, []string, error) {
	if _, err := os.Stat(path); err != nil {
		return core.ImportReport{}, nil, err
	}
	x, err := exchange.Open(path)
	if err != nil {
		return core.ImportReport{}, nil, err
	}
	defer x.Close()
	if x.Body.Kind != exchange.KindPack {
		return core.ImportReport{}, nil, apperr.New(CodeNotPack, "kind", x.Body.Kind)
	}
	// core.Import checks every attachment, also those this folder holds
	// already: a pack with one damaged byte is refused whole.
	rep, err := f.c.Import(x, core.ImportOptions{TrustNew: true})
	if err != nil {
		return rep, nil, err
	}
	ids := make([]string, len(x.Events))
	for i, e := range x.Events {
		ids[i] = e.ID
	}
	return rep, ids, nil
}

// params returns the parameters of a coded error.
func params(err error) map[string]string {
	var e *apperr.Error
	if errors.As(err, &e) {
		return e.Params
	}
	return nil
}

// findCopy finds the copy with path rel among cs.
func findCopy(cs []copyOf, rel string) (copyOf, bool) {
	for _, c := range cs {
		if c.rel == rel {
			return c, true
		}
	}
	return copyOf{}, false
}

// listPacks lists the pack files under packs: canonical copies by the
// digest their name states, and the conflict copies sync tools made.
// Names starting with a dot (temporary files) are ignored.
func listPacks(packs string) (map[string][]copyOf, []copyOf, error) {
	writers, err := os.ReadDir(packs)
	if err != nil {
		return nil, nil, apperr.Wrap(err, CodeIO, "path", packs)
	}
	canonical := map[string][]copyOf{}
	var conflicts []copyOf
	for _, w := range writers {
		if !w.IsDir() || strings.HasPrefix(w.Name(), ".") {
			continue
		}
		entries, err := os.ReadDir(filepath.Join(packs, w.Name()))
		if err != nil {
			continue
		}
		for _, e := range entries {
			n := e.Name()
			if strings.HasPrefix(n, ".") || !e.Type().IsRegular() {
				continue
			}
			fi, err := e.Info()
			if err != nil {
				continue
			}
			c := copyOf{rel: "golive/packs/" + w.Name() + "/" + n, path: filepath.Join(packs, w.Name(), n), mod: fi.ModTime()}
			if m := packName.FindStringSubmatch(n); m != nil {
				canonical[m[1]] = append(canonical[m[1]], c)
			} else if conflictCopy.MatchString(n) {
				conflicts = append(conflicts, c)
			}
		}
	}
	return canonical, conflicts, nil
}

// hashAll hashes the conflict copies, by digest.
func hashAll(cs []copyOf) map[string][]copyOf {
	out := map[string][]copyOf{}
	for _, c := range cs {
		if sum, err := hashFile(c.path); err == nil {
			out[sum] = append(out[sum], c)
		}
	}
	return out
}

// hashFile returns the SHA-256 of the file at path, in hex.
func hashFile(path string) (string, error) {
	fh, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer fh.Close()
	h := sha256.New()
	if _, err := io.Copy(h, fh); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// countFiles counts the files under dir.
func countFiles(dir string) int {
	n := 0
	_ = filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return nil
	})
	return n
}

// Chosen returns the sync folder chosen for the data folder c ("" when
// none).
func Chosen(c *core.Core) (string, error) {
	var dir string
	err := c.Store.Get(bucket, chosenKey, &dir)
	if apperr.HasCode(err, "store.not_found") {
		return "", nil
	}
	return dir, err
}

// Choose keeps dir as the data folder's sync folder ("" leaves it: the
// local record stays, so joining again reads only what is new).
func Choose(c *core.Core, dir string) error {
	if dir == "" {
		return c.Store.Put(bucket, chosenKey, nil)
	}
	return c.Store.Put(bucket, chosenKey, dir)
}
