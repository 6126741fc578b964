//go:build unix

package crashtest_test

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"golive/backend/apperr"
	"golive/backend/core"
	"golive/backend/crashtest"
	"golive/backend/dossier"
	"golive/backend/internal/diskfree"
)

// Environment of the writer child and the knobs of the test.
const (
	envDir    = "GOLIVE_CRASH_DIR"
	envSeed   = "GOLIVE_CRASH_SEED"
	envRounds = "CRASH_ROUNDS"
	// envReplay sets the parent's seed, to replay a failing run.
	envReplay = "CRASH_SEED"
	// envKeep names a folder to write in instead of a temporary one, left
	// in place for a look after a failure (it must be new or empty).
	envKeep = "CRASH_DIR"
)

// acked is what the writers acknowledged over all rounds.
type acked struct {
	events   map[string]map[string]bool // dossier → event ids
	blobs    map[string]int64           // sha256 → size
	profiles map[string]bool
	systems  map[string]bool
	nEvents  int
	nRefused int
}

func newAcked() *acked {
	return &acked{events: map[string]map[string]bool{}, blobs: map[string]int64{}, profiles: map[string]bool{}, systems: map[string]bool{}}
}

// record reads one line of the writer; it reports whether the line was
// LineOpen.
func (a *acked) record(line string) (bool, error) {
	f := strings.Fields(line)
	switch {
	case len(f) == 1 && f[0] == crashtest.LineOpen:
		return true, nil
	case len(f) == 2 && f[0] == crashtest.LineProfile:
		a.profiles[f[1]] = true
	case len(f) == 2 && f[0] == crashtest.LineSystem:
		a.systems[f[1]] = true
	case len(f) == 3 && f[0] == crashtest.LineEvent:
		if a.events[f[1]] == nil {
			a.events[f[1]] = map[string]bool{}
		}
		a.events[f[1]][f[2]] = true
		a.nEvents++
	case len(f) == 3 && f[0] == crashtest.LineBlob:
		n, err := strconv.ParseInt(f[2], 10, 64)
		if err != nil {
			return false, err
		}
		a.blobs[f[1]] = n
	case len(f) == 3 && f[0] == crashtest.LineRefused:
		a.nRefused++
	default:
		return false, fmt.Errorf("writer said %q", line)
	}
	return false, nil
}

// TestMain runs the writer when this binary is started as one.
func TestMain(m *testing.M) {
	if dir := os.Getenv(envDiskFull); dir != "" {
		diskFullChild(dir)
	}
	if dir := os.Getenv(envDir); dir != "" {
		seed, _ := strconv.ParseUint(os.Getenv(envSeed), 10, 64)
		err := crashtest.Run(dir, seed, os.Stdout, 0)
		fmt.Printf("ERR %s %v\n", apperr.Code(err), err)
		os.Exit(3)
	}
	os.Exit(m.Run())
}

// kill is when a round kills its writer: delay after the start of the
// process, or, with afterOpen, after the writer said the folder was open.
type kill struct {
	delay     time.Duration
	afterOpen bool
}

// round runs one writer on dir and kills it with SIGKILL as k says. It
// returns whether the writer had opened the folder when it was killed, and
// how long the opening took.
func round(t *testing.T, dir string, seed uint64, k kill, a *acked) (opened bool, openTook time.Duration) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), envDir+"="+dir, envSeed+"="+strconv.FormatUint(seed, 10))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	started := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	killNow := func() { _ = cmd.Process.Signal(syscall.SIGKILL) }
	var timer *time.Timer
	if !k.afterOpen {
		timer = time.AfterFunc(k.delay, killNow)
	} else {
		// Should the writer never say it opened the folder.
		timer = time.AfterFunc(30*time.Second, killNow)
	}
	defer func() { timer.Stop() }()
	r := bufio.NewReader(out)
	var tail []string
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			break // a line cut short was not acknowledged
		}
		line = strings.TrimSuffix(line, "\n")
		tail = append(tail, line)
		if strings.HasPrefix(line, "ERR ") {
			continue
		}
		o, err := a.record(line)
		if err != nil {
			t.Fatal(err)
		}
		if o && !opened {
			opened, openTook = true, time.Since(started)
			if k.afterOpen {
				timer.Stop()
				timer = time.AfterFunc(k.delay, killNow)
			}
		}
	}
	_ = cmd.Wait()
	ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus)
	if !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
		if len(tail) > 5 {
			tail = tail[len(tail)-5:]
		}
		t.Fatalf("the writer stopped by itself (%v), not by the kill:\n%s\n%s", cmd.ProcessState, strings.Join(tail, "\n"), stderr.String())
	}
	return opened, openTook
}

// checker checks a folder against what was acknowledged, remembering what
// it verified so each round reads only what changed.
type checker struct {
	dir string
	// hashed holds the blobs whose contents were verified, with the size
	// and time of the file then.
	hashed map[string]string
	// folded holds each dossier's event ids when its index was checked.
	folded map[string]string
	// sweeps sums what the reopen's sweeps did.
	sweeps core.SweepReport
}

// check reopens the folder as the app would (core.Open, which sweeps) and
// fails the test when an acknowledged event, profile, system or file is
// missing, when a dossier's index record or list entry differs from a
// fresh fold of its events, when a referenced file is missing or damaged,
// or when anything but referenced blobs remains in blobs/.
func (k *checker) check(t *testing.T, a *acked, all bool) {
	t.Helper()
	c, err := core.Open(k.dir)
	if err != nil {
		t.Fatalf("reopening after the kill: %v\nthe folder holds: %s", err, listing(k.dir))
	}
	defer c.Close()
	if c.Swept().Err != nil || c.Swept().Unsure {
		t.Fatalf("the sweep: %+v %v", c.Swept(), c.Swept().Err)
	}
	k.sweeps.Kept += c.Swept().Kept
	k.sweeps.Orphans += c.Swept().Orphans
	k.sweeps.Leftovers += c.Swept().Leftovers
	k.sweeps.Bytes += c.Swept().Bytes

	streams, err := c.Store.EventIDs()
	if err != nil {
		t.Fatal(err)
	}
	for d, ids := range a.events {
		have := map[string]bool{}
		for _, id := range streams[d] {
			have[id] = true
		}
		for id := range ids {
			if !have[id] {
				t.Fatalf("acknowledged event %s of dossier %s is lost (%d of its events stored)", id, d, len(streams[d]))
			}
		}
	}
	profiles, err := c.Profiles.List()
	if err != nil {
		t.Fatal(err)
	}
	for id := range a.profiles {
		found := false
		for _, p := range profiles {
			found = found || p.ID == id
		}
		if !found {
			t.Fatalf("acknowledged profile %s is lost", id)
		}
	}
	for code := range a.systems {
		if _, err := c.Systems.Get(code); err != nil {
			t.Fatalf("acknowledged system %s: %v", code, err)
		}
	}
	k.checkIndex(t, c, streams, all)
	k.checkBlobs(t, c, a)
}

// checkIndex compares, for every dossier whose events changed since the
// last check (every dossier when all), the index record written with its
// events and the list entry with a fresh fold of the events.
func (k *checker) checkIndex(t *testing.T, c *core.Core, streams map[string][]string, all bool) {
	t.Helper()
	records := map[string][]byte{}
	// "dz" is the dossier index bucket (dossier/index.go).
	err := c.Store.Each("dz", func(key string, raw []byte) error {
		var r struct {
			Summary json.RawMessage `json:"summary"`
		}
		if err := json.Unmarshal(raw, &r); err != nil {
			return err
		}
		records[key] = append([]byte(nil), r.Summary...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	list, err := c.Dossiers.List(dossier.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]dossier.Summary{}
	for _, s := range list {
		listed[s.ID] = s
	}
	chain, err := c.Dossiers.RosterChain()
	if err != nil {
		t.Fatal(err)
	}
	dossiers := 0
	for id, ids := range streams {
		dossiers++
		digest := strings.Join(ids, ",")
		if !all && k.folded[id] == digest {
			continue
		}
		evs, err := c.Store.Events(id)
		if err != nil {
			t.Fatal(err)
		}
		st, _, err := dossier.Fold(evs, c.ResolveTemplate, chain)
		if err != nil {
			t.Fatalf("dossier %s does not fold: %v", id, err)
		}
		want, _ := json.Marshal(dossier.Summarize(st, len(c.Template().Checklist)))
		if !bytes.Equal(records[id], want) {
			t.Fatalf("the index record of %s disagrees with its %d events:\nindex %s\nfold  %s", id, len(evs), records[id], want)
		}
		got, ok := listed[id]
		if !ok {
			t.Fatalf("dossier %s is missing from the list", id)
		}
		got.SystemName, got.WindowState = "", ""
		if b, _ := json.Marshal(got); !bytes.Equal(b, want) {
			t.Fatalf("the list shows %s as\n%s\nits events fold to\n%s", id, b, want)
		}
		k.folded[id] = digest
	}
	if len(list) != dossiers || len(records) != dossiers {
		t.Fatalf("%d dossiers in the ledger, %d listed, %d index records", dossiers, len(list), len(records))
	}
}

// checkBlobs checks that every acknowledged and every referenced blob is
// stored with the right digest, and that blobs/ holds nothing else.
func (k *checker) checkBlobs(t *testing.T, c *core.Core, a *acked) {
	t.Helper()
	refs, err := core.ReferencedBlobs(c.Store)
	if err != nil {
		t.Fatal(err)
	}
	for sum := range a.blobs {
		if !refs[sum] {
			t.Fatalf("acknowledged attachment %s is referenced by no event", sum)
		}
	}
	for sum := range refs {
		p := filepath.Join(k.dir, "blobs", "sha256", sum[:2], sum[2:])
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatalf("referenced blob %s: %v", sum, err)
		}
		if size, ok := a.blobs[sum]; ok && fi.Size() != size {
			t.Fatalf("blob %s has %d bytes, %d acknowledged", sum, fi.Size(), size)
		}
		stamp := fmt.Sprint(fi.Size(), fi.ModTime().UnixNano())
		if k.hashed[sum] == stamp {
			continue
		}
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		h := sha256.New()
		_, err = io.Copy(h, f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if got := hex.EncodeToString(h.Sum(nil)); got != sum {
			t.Fatalf("blob %s holds contents with digest %s", sum, got)
		}
		k.hashed[sum] = stamp
	}
	err = filepath.WalkDir(filepath.Join(k.dir, "blobs"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(filepath.Join(k.dir, "blobs"), p)
		parts := strings.Split(filepath.ToSlash(rel), "/")
		if len(parts) != 3 || parts[0] != "sha256" || !refs[parts[1]+parts[2]] {
			return fmt.Errorf("leftover after the sweep: blobs/%s", filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(k.dir, ".sample-build")); err == nil {
		t.Fatal("leftover after the sweep: .sample-build")
	}
}

// TestCrashRounds kills a writer that works through the real services at
// a random moment, CRASH_ROUNDS times (100 by default) on the same folder,
// and after each kill reopens the folder and checks it (checker.check).
// The seed is logged; CRASH_SEED=N replays a run's kill delays and the
// writers' choices (not the exact moments, which depend on the machine).
func TestCrashRounds(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a writer process per round")
	}
	rounds := 100
	if s := os.Getenv(envRounds); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			t.Fatalf("%s=%q: want a positive number", envRounds, s)
		}
		rounds = n
	}
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv(envReplay); s != "" {
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			t.Fatalf("%s=%q: %v", envReplay, s, err)
		}
		seed = n
	}
	t.Logf("seed %d (replay with %s=%d)", seed, envReplay, seed)
	rng := rand.New(rand.NewPCG(seed, 1))
	dir := scratch(t)
	if keep := os.Getenv(envKeep); keep != "" {
		dir = keep
	}
	a := newAcked()
	c := &checker{dir: dir, hashed: map[string]string{}, folded: map[string]string{}}
	start := time.Now()
	writing := 0
	var opening, checking time.Duration
	for i := 0; i < rounds; i++ {
		// One kill in five lands at any moment from the start of the
		// process (the open and the sweep included); the others while
		// the writer writes.
		k := kill{delay: time.Duration(rng.IntN(250)) * time.Millisecond, afterOpen: true}
		if rng.IntN(5) == 0 {
			k = kill{delay: time.Duration(rng.IntN(400)) * time.Millisecond}
		}
		events := a.nEvents
		opened, took := round(t, dir, rng.Uint64(), k, a)
		if opened {
			writing++
			opening += took
		}
		checked := time.Now()
		c.check(t, a, i == rounds-1)
		checking += time.Since(checked)
		if testing.Verbose() {
			t.Logf("round %d: killed %v after %s, %d events acknowledged", i+1, k.delay, map[bool]string{true: "the open", false: "the start"}[k.afterOpen], a.nEvents-events)
		}
	}
	var bytesAcked int64
	for _, n := range a.blobs {
		bytesAcked += n
	}
	t.Logf("%d rounds in %v: %d kills after the folder was open, %d during start-up; opening took %v on average, checking %v",
		rounds, time.Since(start).Round(time.Millisecond), writing, rounds-writing, avg(opening, writing), avg(checking, rounds))
	t.Logf("acknowledged: %d events in %d dossiers, %d attachments (%.1f MB), %d refused attachments",
		a.nEvents, len(a.events), len(a.blobs), float64(bytesAcked)/(1<<20), a.nRefused)
	t.Logf("the reopens' sweeps kept %d staged blobs whose events had committed and removed %d orphans and %d leftovers (%.1f MB)",
		c.sweeps.Kept, c.sweeps.Orphans, c.sweeps.Leftovers, float64(c.sweeps.Bytes)/(1<<20))
	if rounds >= 10 && (a.nEvents == 0 || writing == 0) {
		t.Fatalf("the writers acknowledged %d events over %d rounds (%d killed while writing): the test checked nothing", a.nEvents, rounds, writing)
	}
}

// scratch returns a new folder for the crash rounds, removed at the end:
// in /dev/shm when it has room, since a process kill leaves the same
// files in memory as on a disk and the rounds then do not wait on the
// disk's flushes (power cuts are not what this test simulates), else in
// the test's temporary folder.
func scratch(t *testing.T) string {
	t.Helper()
	const shm = "/dev/shm"
	if free, ok := diskfree.Free(shm); ok && free > 1<<30 {
		if dir, err := os.MkdirTemp(shm, "golive-crash-"); err == nil {
			t.Cleanup(func() { _ = os.RemoveAll(dir) })
			t.Logf("writing in %s", dir)
			return dir
		}
	}
	return t.TempDir()
}

// listing names the files of dir with their sizes, for a failure message.
func listing(dir string) string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err.Error()
	}
	var out []string
	for _, e := range entries {
		if fi, err := e.Info(); err == nil && !e.IsDir() {
			out = append(out, fmt.Sprintf("%s (%d)", e.Name(), fi.Size()))
		}
	}
	return strings.Join(out, ", ")
}

func avg(d time.Duration, n int) time.Duration {
	if n == 0 {
		return 0
	}
	return (d / time.Duration(n)).Round(time.Millisecond)
}
