package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/options"
	"github.com/dgraph-io/badger/v4/pb"
	"github.com/dgraph-io/badger/v4/table"
	"github.com/dgraph-io/ristretto/v2/z"
	"google.golang.org/protobuf/proto"

	"golive/backend/apperr"
)

// Problems Inspect reports, as the "problem" parameter of store.damaged.
const (
	// ProblemManifestMissing: table or log files without the MANIFEST that
	// lists them (Badger would start an empty store and delete them).
	ProblemManifestMissing = "manifest_missing"
	// ProblemManifestDamaged: the MANIFEST cannot be read (bad header or
	// checksum), or it ends in a torn entry while tables it does not list
	// remain (it was truncated or replaced by an older copy).
	ProblemManifestDamaged = "manifest_damaged"
	// ProblemTableMissing: the MANIFEST lists a table file that is gone.
	ProblemTableMissing = "table_missing"
	// ProblemTableUnlisted: a table file the MANIFEST does not list.
	ProblemTableUnlisted = "table_unlisted"
	// ProblemTableDamaged: a table's index or a data block fails its
	// checksum, or the file is cut short.
	ProblemTableDamaged = "table_damaged"
)

// Damage is one problem Inspect found in a data folder's files.
type Damage struct {
	// File is the damaged (or missing) file's name inside the folder.
	File string `json:"file"`
	// Problem is one of the Problem… constants.
	Problem string `json:"problem"`
	// Detail is Badger's own words, for the log and `golive check`.
	Detail string `json:"detail,omitempty"`
}

// Health is what Inspect found in a data folder.
type Health struct {
	// Store is true when the folder holds GoLive's database files.
	Store bool `json:"store"`
	// Damage lists the problems that make the folder unsafe to open for
	// writing; empty when the folder is whole.
	Damage []Damage `json:"damage"`
	// Leftovers are files a crash left behind that recovery removes: table
	// files the MANIFEST recorded as deleted or that are newer than every
	// table it lists (while it is whole), and empty log files. A
	// read-write open removes them (Badger's recovery, and Open for the
	// empty logs). A reader must not (a read never writes), so it asks for
	// one read-write open first.
	Leftovers []string `json:"leftovers,omitempty"`
	// DamagedBlocksOnly is true when every problem is a data block that
	// fails its checksum: the store can still be opened read-only.
	DamagedBlocksOnly bool `json:"damaged_blocks_only"`
}

// Whole reports whether Inspect found no damage.
func (h Health) Whole() bool { return len(h.Damage) == 0 }

// Err returns store.damaged for the first problem (params dir, file,
// problem, count), or nil when the folder is whole.
func (h Health) Err(dir string) error {
	if h.Whole() {
		return nil
	}
	d := h.Damage[0]
	return apperr.New("store.damaged", "dir", dir, "file", d.File, "problem", d.Problem, "count", fmt.Sprint(len(h.Damage)))
}

// Inspect examines the database files of dir without changing any: that
// the MANIFEST is there and readable, that it and the table files agree,
// and that every table's index opens. With blocks it also verifies the
// checksum of every data block (what `golive check` and every open do: a
// damaged block otherwise ends Badger's iterators silently, so a listing
// would miss records without an error). It never panics on damaged files.
//
// A folder another process holds for writing (the app) is not inspected:
// its files change as it works. Inspect then returns store.already_open.
func Inspect(dir string, blocks bool) (Health, error) {
	h, _, err := inspect(dir, blocks)
	return h, err
}

// inspect is Inspect; it also returns the tables the MANIFEST lists whose
// files are there, by id (the tables a background pass verifies).
func inspect(dir string, blocks bool) (Health, map[uint64]badger.TableManifest, error) {
	var h Health
	if heldForWriting(dir) {
		return h, nil, apperr.New("store.already_open", "dir", dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return h, nil, nil
		}
		return h, nil, apperr.Wrap(err, "store.open_failed", "dir", dir)
	}
	tables := map[uint64]string{}
	dataFiles := 0
	hasManifest := false
	for _, e := range entries {
		name := e.Name()
		switch {
		case name == "MANIFEST":
			hasManifest = true
		case strings.HasSuffix(name, ".sst"):
			if id, ok := table.ParseFileID(name); ok {
				tables[id] = name
			}
			dataFiles++
		case strings.HasSuffix(name, ".vlog"), strings.HasSuffix(name, ".mem"):
			dataFiles++
			// Badger creates a log file, then sizes it: a process killed in
			// between leaves an empty one that never held a write, and that
			// Badger refuses to open. Open removes it.
			if fi, err := e.Info(); err == nil && fi.Mode().IsRegular() && fi.Size() == 0 {
				h.Leftovers = append(h.Leftovers, name)
			}
		}
	}
	h.Store = hasManifest || dataFiles > 0
	if !hasManifest {
		if dataFiles > 0 {
			h.Damage = append(h.Damage, Damage{File: "MANIFEST", Problem: ProblemManifestMissing})
		}
		return h, nil, nil
	}
	mf, torn, err := readManifest(dir)
	if err != nil {
		h.Damage = append(h.Damage, Damage{File: "MANIFEST", Problem: ProblemManifestDamaged, Detail: err.Error()})
		return h, nil, nil
	}
	deleted := deletedTables(dir)
	var maxListed uint64
	for id := range mf.Tables {
		if id > maxListed {
			maxListed = id
		}
		if _, ok := tables[id]; !ok {
			h.Damage = append(h.Damage, Damage{File: table.IDToFilename(id), Problem: ProblemTableMissing})
		}
	}
	var unlisted []uint64
	for id := range tables {
		if _, ok := mf.Tables[id]; !ok {
			unlisted = append(unlisted, id)
		}
	}
	sort.Slice(unlisted, func(i, j int) bool { return unlisted[i] < unlisted[j] })
	for _, id := range unlisted {
		// Two crashes leave tables Badger's recovery rightly deletes: one
		// between recording a compaction and deleting the tables it
		// replaced (the MANIFEST recorded their deletion), and one between
		// writing a table and recording it (newer than every listed one,
		// under a whole MANIFEST). Anything else means the MANIFEST lost
		// entries.
		if deleted[id] || (!torn && id > maxListed) {
			h.Leftovers = append(h.Leftovers, tables[id])
			continue
		}
		problem, detail := ProblemTableUnlisted, "the MANIFEST does not list "+tables[id]+" (an older copy?)"
		if torn {
			problem, detail = ProblemManifestDamaged, "the MANIFEST is cut short and no longer lists "+tables[id]
		}
		h.Damage = append(h.Damage, Damage{File: "MANIFEST", Problem: problem, Detail: detail})
	}
	onlyBlocks := len(h.Damage) == 0
	ids := make([]uint64, 0, len(mf.Tables))
	for id := range mf.Tables {
		if _, ok := tables[id]; ok {
			ids = append(ids, id)
		}
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	listed := make(map[uint64]badger.TableManifest, len(ids))
	for _, id := range ids {
		listed[id] = mf.Tables[id]
		indexOK, err := checkTable(filepath.Join(dir, tables[id]), mf.Tables[id], blocks)
		if err != nil {
			h.Damage = append(h.Damage, Damage{File: tables[id], Problem: ProblemTableDamaged, Detail: err.Error()})
			if !indexOK {
				onlyBlocks = false
			}
		}
	}
	h.DamagedBlocksOnly = onlyBlocks && len(h.Damage) > 0
	return h, listed, nil
}

// readManifest replays dir's MANIFEST read-only; torn is true when it ends
// in a partial entry.
func readManifest(dir string) (m badger.Manifest, torn bool, err error) {
	f, err := os.Open(filepath.Join(dir, "MANIFEST"))
	if err != nil {
		return m, false, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return m, false, err
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("manifest unreadable: %v", r)
		}
	}()
	m, offset, err := badger.ReplayManifestFile(f, Options(dir).ExternalMagicVersion, Options(dir))
	if err != nil {
		return m, false, err
	}
	return m, offset < fi.Size(), nil
}

// deletedTables returns the ids of the tables dir's MANIFEST records as
// deleted, reading its change sets as Badger writes them: an 8-byte
// header, then per change set its length, its CRC-32C and the protobuf
// bytes. It reads as far as the entries are whole (readManifest has
// already refused a damaged MANIFEST).
func deletedTables(dir string) map[uint64]bool {
	out := map[uint64]bool{}
	b, err := os.ReadFile(filepath.Join(dir, "MANIFEST"))
	if err != nil || len(b) < 8 {
		return out
	}
	crcTable := crc32.MakeTable(crc32.Castagnoli)
	for off := 8; off+8 <= len(b); {
		n := int(binary.BigEndian.Uint32(b[off : off+4]))
		sum := binary.BigEndian.Uint32(b[off+4 : off+8])
		if n < 0 || off+8+n > len(b) {
			break
		}
		entry := b[off+8 : off+8+n]
		if crc32.Checksum(entry, crcTable) != sum {
			break
		}
		var set pb.ManifestChangeSet
		if proto.Unmarshal(entry, &set) != nil {
			break
		}
		for _, c := range set.Changes {
			if c.Op == pb.ManifestChange_DELETE {
				out[c.Id] = true
			}
		}
		off += 8 + n
	}
	return out
}

// checkTable opens one table file read-only and parses its index; with
// blocks it also verifies every block's checksum. indexOK is false when the
// table cannot be opened at all (Badger could not open the store).
func checkTable(path string, tm badger.TableManifest, blocks bool) (indexOK bool, err error) {
	mf, err := z.OpenMmapFile(path, os.O_RDONLY, 0)
	if err != nil {
		return false, err
	}
	opened := false
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", firstLine(fmt.Sprint(r)))
		}
		if !opened {
			_ = mf.Close(-1)
		}
	}()
	opt := table.Options{ReadOnly: true, BlockSize: Options("").BlockSize, Compression: tm.Compression, ChkMode: options.NoVerification}
	t, err := table.OpenTable(mf, opt)
	if err != nil {
		return false, err
	}
	opened = true
	// Close the mapping only: Table.DecrRef would delete the file.
	defer func() { _ = t.MmapFile.Close(-1) }()
	if !blocks {
		return true, nil
	}
	t2 := func() (err error) {
		defer func() {
			if r := recover(); r != nil {
				// Badger's error path panics before it can name the block.
				err = errors.New("a data block fails its checksum")
			}
		}()
		return verifyBlocks(t)
	}()
	return true, t2
}

// verifyBlocks verifies every block of t (Table.VerifyChecksum, whose
// error path dereferences a nil block: the caller recovers).
func verifyBlocks(t *table.Table) error {
	return t.VerifyChecksum()
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// VerifyTables verifies the checksum of every block of every table of the
// open store (what Inspect does with blocks, for a store this process
// already holds open). Code store.damaged (dir, problem table_damaged).
func (s *Store) VerifyTables() (err error) {
	if s.dir == "" {
		return nil
	}
	defer func() {
		if r := recover(); r != nil {
			err = apperr.New("store.damaged", "dir", s.dir, "file", "*.sst", "problem", ProblemTableDamaged, "count", "1").
				WithDetail("%s", firstLine(fmt.Sprint(r)))
		}
	}()
	if verr := s.db.VerifyChecksum(); verr != nil {
		return apperr.Wrap(verr, "store.damaged", "dir", s.dir, "file", "*.sst", "problem", ProblemTableDamaged, "count", "1")
	}
	return nil
}
