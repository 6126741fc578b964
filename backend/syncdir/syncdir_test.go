package syncdir_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golive/backend/apperr"
	"golive/backend/core"
	"golive/backend/syncdir"
)

// machine is one laptop: its data folder, its own copy of the sync folder
// (which the file-sync tool keeps in step with the others) and its Folder.
type machine struct {
	name string
	c    *core.Core
	s    string
	f    *syncdir.Folder
	role string
}

// tool is the file-sync tool between the machines' copies of the sync
// folder: it copies one file at a time, in any order, sometimes only half
// of it, sometimes as a conflict copy, sometimes twice.
type tool struct {
	t   *testing.T
	rng *rand.Rand
	ms  []*machine
}

// files lists the pack files (relative to the sync folder) of m's copy,
// complete ones only (those whose name is their hash: what its writer
// published).
func packFiles(t *testing.T, s string) []string {
	t.Helper()
	var out []string
	root := filepath.Join(s, "golive", "packs")
	_ = filepath.Walk(root, func(p string, fi os.FileInfo, err error) error {
		if err != nil || fi.IsDir() || strings.HasPrefix(fi.Name(), ".") {
			return nil
		}
		rel, _ := filepath.Rel(s, p)
		out = append(out, rel)
		return nil
	})
	sort.Strings(out)
	return out
}

// step copies one random file of one machine's copy to another's.
func (tl *tool) step() {
	from := tl.ms[tl.rng.IntN(len(tl.ms))]
	to := tl.ms[tl.rng.IntN(len(tl.ms))]
	if from == to {
		return
	}
	// Only a writer's own published packs are sources: what the tool
	// propagates is what the writer wrote (copies of copies behave alike).
	var own []string
	for _, rel := range packFiles(tl.t, from.s) {
		if strings.HasSuffix(rel, ".pack") && len(filepath.Base(rel)) == 64+5 {
			own = append(own, rel)
		}
	}
	if len(own) == 0 {
		return
	}
	rel := own[tl.rng.IntN(len(own))]
	src := filepath.Join(from.s, rel)
	dst := filepath.Join(to.s, rel)
	raw, err := os.ReadFile(src)
	if err != nil {
		tl.t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		tl.t.Fatal(err)
	}
	switch k := tl.rng.IntN(10); {
	case k < 2: // half-copied under its final name
		if _, err := os.Stat(dst); err == nil {
			return // never damage a complete copy
		}
		write(tl.t, dst, raw[:tl.rng.IntN(len(raw))])
	case k < 4: // a conflict copy next to it
		base := strings.TrimSuffix(filepath.Base(rel), ".pack")
		names := []string{base + " (1).pack", base + ".sync-conflict-20261201-101500-ABCDEFG.pack", base + "-conflict-2.pack"}
		write(tl.t, filepath.Join(filepath.Dir(dst), names[tl.rng.IntN(len(names))]), raw)
	default: // a whole copy (again, when it is there: a duplicate)
		write(tl.t, dst, raw)
	}
}

// flush copies every complete file of every copy to every other copy.
func (tl *tool) flush() {
	for _, from := range tl.ms {
		for _, rel := range packFiles(tl.t, from.s) {
			if len(filepath.Base(rel)) != 64+5 {
				continue
			}
			raw, err := os.ReadFile(filepath.Join(from.s, rel))
			if err != nil {
				tl.t.Fatal(err)
			}
			if fmt.Sprintf("%x", sha(raw))+".pack" != filepath.Base(rel) {
				continue // a half copy here: the writer's copy is complete
			}
			for _, to := range tl.ms {
				if to != from {
					write(tl.t, filepath.Join(to.s, rel), raw)
				}
			}
		}
	}
}

// TestThreeMachinesConverge is the convergence test: the PM and
// two directors, each with his own data folder and his own key, and one
// sync folder the file-sync tool copies between them file by file, in
// random order, with half-copied files, conflict copies and duplicates.
// Each director approves on his own machine; in the end every machine shows
// the same register and the same state for every dossier.
func TestThreeMachinesConverge(t *testing.T) {
	pm := sampleCopy(t)
	// The directors: two director roles with a pending approval in the
	// sample.
	var roles []string
	for _, r := range []string{"cs_director", "biz_apps_director", "data_integration_director", "basic_apps_director", "app_dev_director", "infrastructure_director", "owning_subdept_director", "pmo_director"} {
		if _, _, ok := pendingFor(t, pm, r); ok {
			roles = append(roles, r)
		}
	}
	if len(roles) < 2 {
		t.Fatalf("the sample has pending approvals for %v only", roles)
	}
	root := t.TempDir()
	ms := []*machine{{name: "pm", c: pm}, {name: "d1", c: person(t, roles[0]), role: roles[0]}, {name: "d2", c: person(t, roles[1]), role: roles[1]}}
	for _, m := range ms {
		m.s = filepath.Join(root, "sync-"+m.name)
		m.f = openFolder(t, m.c, m.s)
	}
	tl := &tool{t: t, rng: rand.New(rand.NewPCG(11, 2026)), ms: ms}
	approved := map[string]int{}
	for i := 0; i < 120; i++ {
		m := ms[tl.rng.IntN(len(ms))]
		switch k := tl.rng.IntN(10); {
		case k < 5:
			tl.step()
		case k < 8:
			res := syncOK(t, m.f)
			if len(res.Failed) > 0 && res.Failed[0].Code != syncdir.CodeIncomplete {
				t.Fatalf("%s: a file failed: %+v", m.name, res.Failed)
			}
		default:
			if m.role == "" || approved[m.name] >= 3 {
				continue
			}
			if id, sl, ok := pendingFor(t, m.c, m.role); ok {
				if err := approve(m.c, id, sl); err != nil {
					t.Fatalf("%s approves %s: %v", m.name, id, err)
				}
				approved[m.name]++
			}
		}
	}
	// Everything arrives in the end.
	for round := 0; round < 3; round++ {
		tl.flush()
		for _, m := range ms {
			syncOK(t, m.f)
		}
	}
	tl.flush()
	for _, m := range ms {
		res := syncOK(t, m.f)
		if len(res.Failed) > 0 || res.Waiting > 0 || res.Unpublished > 0 {
			t.Errorf("%s after the last sync: failed %+v, waiting %d, unpublished %d", m.name, res.Failed, res.Waiting, res.Unpublished)
		}
	}
	if approved["d1"] == 0 || approved["d2"] == 0 {
		t.Fatalf("the directors approved %v: the interleaving proves little", approved)
	}
	rows, states := fold(t, pm)
	for _, m := range ms[1:] {
		r, s := fold(t, m.c)
		if r != rows {
			t.Errorf("%s shows other register rows than the PM", m.name)
		}
		if len(s) != len(states) {
			t.Fatalf("%s holds %d dossiers, the PM %d", m.name, len(s), len(states))
		}
		for id, st := range states {
			if s[id] != st {
				t.Errorf("%s shows dossier %s in another state", m.name, id)
			}
		}
	}
	t.Logf("approvals %v; files per copy: %d", approved, len(packFiles(t, ms[0].s)))
}

// TestBadFilesAreRefused: a pack truncated or with a flipped byte, under
// its own name or renamed to its new hash, is refused, reported and never
// applied; the complete pack then imports.
func TestBadFilesAreRefused(t *testing.T) {
	pm := sampleCopy(t)
	root := t.TempDir()
	s := filepath.Join(root, "pm-sync")
	res := syncOK(t, openFolder(t, pm, s))
	if res.Published == 0 || res.PackWritten == "" {
		t.Fatalf("the PM published nothing: %+v", res)
	}
	good, err := os.ReadFile(filepath.Join(s, res.PackWritten))
	if err != nil {
		t.Fatal(err)
	}
	replica := openData(t, filepath.Join(root, "replica"))
	rs := filepath.Join(root, "replica-sync")
	rf := openFolder(t, replica, rs)
	dst := filepath.Join(rs, res.PackWritten)
	empty := func() {
		t.Helper()
		if e, err := replica.Store.Empty(); err != nil || !e {
			t.Fatalf("a bad file changed the replica (empty %v, %v)", e, err)
		}
	}
	// Truncated under its final name: skipped, then reported.
	write(t, dst, good[:len(good)/2])
	if r := syncOK(t, rf); r.Skipped != 1 || len(r.Failed) != 0 || r.Read != 0 {
		t.Fatalf("first sync with a half copy: skipped %d, read %d, failed %+v", r.Skipped, r.Read, r.Failed)
	}
	r := syncOK(t, rf)
	if len(r.Failed) != 1 || r.Failed[0].Code != syncdir.CodeIncomplete || r.Failed[0].Name != res.PackWritten {
		t.Fatalf("second sync with a half copy: %+v", r.Failed)
	}
	st, _ := rf.Status()
	if len(st.Failed) != 1 {
		t.Fatalf("the status does not keep the failed file: %+v", st)
	}
	empty()
	// A flipped byte anywhere, under its own name: refused by the hash.
	for _, at := range []int{0, 100, len(good) / 2, len(good) - 1} {
		bad := append([]byte(nil), good...)
		bad[at] ^= 0x40
		write(t, dst, bad)
		syncOK(t, rf)
		if r := syncOK(t, rf); len(r.Failed) != 1 || r.Read != 0 {
			t.Fatalf("byte %d flipped: read %d, failed %+v", at, r.Read, r.Failed)
		}
		empty()
	}
	_ = os.Remove(dst)
	// A flipped byte in the signed contents, renamed to its new hash:
	// refused by the signature or the entries' hashes, with the code,
	// never applied.
	for _, at := range []int{60, len(good) / 3, len(good) / 2} {
		bad := append([]byte(nil), good...)
		bad[at] ^= 0x01
		name := filepath.Join(filepath.Dir(dst), fmt.Sprintf("%x.pack", sha(bad)))
		write(t, name, bad)
		r := syncOK(t, rf)
		if len(r.Failed) != 1 || r.Read != 0 || !strings.HasPrefix(r.Failed[0].Code, "exchange.") {
			t.Fatalf("byte %d flipped and renamed: read %d, failed %+v", at, r.Read, r.Failed)
		}
		empty()
		_ = os.Remove(name)
	}
	// The complete pack: read, pinned, nothing failed any more.
	write(t, dst, good)
	r = syncOK(t, rf)
	if r.Read != 1 || len(r.Failed) != 0 || r.Imported[0].Pinned == "" {
		t.Fatalf("the complete pack: read %d, failed %+v", r.Read, r.Failed)
	}
	if !r.ReadOnly {
		t.Error("a replica without a profile should sync read-only")
	}
	pr, _ := fold(t, pm)
	rr, _ := fold(t, replica)
	if pr != rr {
		t.Error("the replica shows other register rows than the PM")
	}
}

// TestReplicaJoinsAndCompaction: the PM syncs 30 times with a change each
// time; his packs stay at most MaxPacks+1, and a replica that joins reads
// the same register.
func TestReplicaJoinsAndCompaction(t *testing.T) {
	pm := sampleCopy(t)
	root := t.TempDir()
	s := filepath.Join(root, "sync")
	f := openFolder(t, pm, s)
	id, sl, ok := pendingFor(t, pm, "cs_director")
	if !ok {
		id, sl, ok = pendingFor(t, pm, "pmo")
	}
	if !ok {
		t.Fatal("no pending slot to comment on")
	}
	compacted := 0
	for i := 0; i < 30; i++ {
		if _, err := pm.Dossiers.Comment(id, sl.Step, sl.Row, fmt.Sprintf("第 %d 次补充说明", i+1)); err != nil {
			t.Fatal(err)
		}
		res := syncOK(t, f)
		if res.Published == 0 {
			t.Fatalf("sync %d published nothing", i+1)
		}
		compacted += res.Compacted
		if res.Files > syncdir.MaxPacks+1 {
			t.Fatalf("sync %d: %d files in the sync folder", i+1, res.Files)
		}
	}
	if compacted == 0 {
		t.Error("30 syncs never compacted")
	}
	files := packFiles(t, s)
	t.Logf("files in the sync folder after 30 syncs: %d (compacted %d)", len(files), compacted)

	// Another writer's packs are never touched by the PM's compaction.
	other := filepath.Join(s, "golive", "packs", "0123456789abcdef", strings.Repeat("ab", 32)+".pack")
	write(t, other, []byte("not a pack"))
	for i := 0; i < syncdir.MaxPacks+2; i++ {
		if _, err := pm.Dossiers.Comment(id, sl.Step, sl.Row, fmt.Sprintf("再补充 %d", i)); err != nil {
			t.Fatal(err)
		}
		syncOK(t, f)
	}
	if _, err := os.Stat(other); err != nil {
		t.Fatalf("the PM's compaction removed another writer's file: %v", err)
	}
	_ = os.Remove(other)

	replica := openData(t, filepath.Join(root, "replica"))
	rf := openFolder(t, replica, s)
	res := syncOK(t, rf)
	if len(res.Failed) != 0 || res.Read == 0 || res.Waiting != 0 {
		t.Fatalf("the replica's sync: %+v", res)
	}
	pr, ps := fold(t, pm)
	rr, rs := fold(t, replica)
	if pr != rr || ps[id] != rs[id] {
		t.Error("the replica does not show what the PM shows")
	}
	if again := syncOK(t, rf); again.Read != 0 {
		t.Errorf("a second sync read %d packs again", again.Read)
	}
}

// TestInsideData: the sync folder may neither hold the data folder nor
// lie inside it.
func TestInsideData(t *testing.T) {
	root := t.TempDir()
	c := openData(t, filepath.Join(root, "data"))
	for _, dir := range []string{root, filepath.Join(root, "data", "sync")} {
		_ = os.MkdirAll(dir, 0o755)
		if _, err := syncdir.Open(c, dir); apperr.Code(err) != syncdir.CodeInsideData {
			t.Errorf("Open(%s) = %v, want %s", dir, err, syncdir.CodeInsideData)
		}
	}
	if _, err := syncdir.Open(c, filepath.Join(root, "missing")); apperr.Code(err) != syncdir.CodeNotFound {
		t.Errorf("a missing folder: %v", err)
	}
}
