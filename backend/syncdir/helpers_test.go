package syncdir_test

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"
	"time"

	"golive/backend/core"
	"golive/backend/demo"
	"golive/backend/dossier"
	"golive/backend/syncdir"
	"golive/backend/template"
	"golive/backend/workflow"
)

// sampleClock is the fixed "now" of every folder of these tests.
func sampleClock() time.Time {
	return time.Date(2026, 12, 1, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))
}

var sample struct {
	once sync.Once
	dir  string
	err  error
}

// TestMain removes the sample the tests copied (sampleCopy).
func TestMain(m *testing.M) {
	code := m.Run()
	if sample.dir != "" {
		_ = os.RemoveAll(filepath.Dir(sample.dir))
	}
	os.Exit(code)
}

// sampleCopy returns a fresh copy of a data folder holding the sample
// portfolio (built once per test binary), opened with the sample project
// manager unlocked.
func sampleCopy(t *testing.T) *core.Core {
	t.Helper()
	sample.once.Do(func() {
		root, err := os.MkdirTemp("", "golive-syncdir-test-")
		if err != nil {
			sample.err = err
			return
		}
		sample.dir = filepath.Join(root, "sample")
		c, err := core.Open(sample.dir)
		if err != nil {
			sample.err = err
			return
		}
		c.Clock = sampleClock
		if _, err := c.LoadSample(); err != nil {
			sample.err = err
		}
		if err := c.Close(); err != nil && sample.err == nil {
			sample.err = err
		}
	})
	if sample.err != nil {
		t.Fatal(sample.err)
	}
	dst := filepath.Join(t.TempDir(), "pm")
	if err := copyDir(sample.dir, dst); err != nil {
		t.Fatal(err)
	}
	c := openData(t, dst)
	list, err := c.Profiles.List()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range list {
		if p.Default {
			if _, err := c.Unlock(p.ID, demo.SamplePassphrase); err != nil {
				t.Fatal(err)
			}
		}
	}
	return c
}

// openData opens (or creates) the data folder dir on the tests' clock.
func openData(t *testing.T, dir string) *core.Core {
	t.Helper()
	c, err := core.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	c.Clock = sampleClock
	t.Cleanup(func() { c.Close() })
	return c
}

// person returns a new, empty data folder where the sample person holding
// role is the unlocked profile (his key, in his own folder).
func person(t *testing.T, role string) *core.Core {
	t.Helper()
	c := openData(t, filepath.Join(t.TempDir(), role))
	var r template.Role
	for _, x := range c.Template().Roles {
		if x.ID == role {
			r = x
		}
	}
	if r.ID == "" {
		t.Fatalf("no role %s", role)
	}
	a := demo.SampleActor(c.Template(), r, role, sampleClock())
	c.Profiles.ActAs(a.Summary, a.Key)
	return c
}

// openFolder opens the sync folder dir for c, with no grace for bad packs.
func openFolder(t *testing.T, c *core.Core, dir string) *syncdir.Folder {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := syncdir.Open(c, dir)
	if err != nil {
		t.Fatal(err)
	}
	f.Grace = 0
	f.Now = sampleClock
	return f
}

// syncOK syncs and fails the test on an error.
func syncOK(t *testing.T, f *syncdir.Folder) syncdir.Result {
	t.Helper()
	res, err := f.Sync(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// fold is what a data folder shows of its dossiers: the register rows and
// every dossier's folded state, as JSON.
func fold(t *testing.T, c *core.Core) (rows string, states map[string]string) {
	t.Helper()
	list, err := c.Dossiers.List(dossier.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	sort.Slice(list, func(i, j int) bool { return list[i].ID < list[j].ID })
	raw, _ := json.Marshal(list)
	states = map[string]string{}
	for _, s := range list {
		v, err := c.Dossiers.Get(s.ID)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(v.State)
		states[s.ID] = string(b)
	}
	return string(raw), states
}

// pendingFor returns a dossier and one of its pending approval slots that
// role decides, as c sees them (ok false when none).
func pendingFor(t *testing.T, c *core.Core, role string) (string, workflow.Slot, bool) {
	t.Helper()
	list, err := c.Dossiers.List(dossier.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	sort.Slice(list, func(i, j int) bool { return list[i].ID < list[j].ID })
	for _, s := range list {
		v, err := c.Dossiers.Get(s.ID)
		if err != nil {
			t.Fatal(err)
		}
		if v.State.Flow.Phase != workflow.PhaseApproval {
			continue
		}
		for _, sl := range v.State.Flow.Slots {
			if sl.Status != workflow.SlotPending {
				continue
			}
			if spec, ok := v.State.Plan.Slot(sl.Step, sl.Row); ok && spec.Role == role {
				return s.ID, sl, true
			}
		}
	}
	return "", workflow.Slot{}, false
}

// approve has c's unlocked profile approve slot sl of dossier id.
func approve(c *core.Core, id string, sl workflow.Slot) error {
	v, err := c.Dossiers.Get(id)
	if err != nil {
		return err
	}
	spec, _ := v.State.Plan.Slot(sl.Step, sl.Row)
	_, err = c.Dossiers.Decide(id, dossier.DecideRequest{Step: sl.Step, Row: sl.Row, Decision: workflow.DecisionApprove,
		Comment: "同意", Answers: demo.YesTo(spec.Items, "")})
	return err
}

// copyDir copies the folder src to dst.
func copyDir(src, dst string) error {
	return filepath.Walk(src, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if fi.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		return copyFile(p, target)
	})
}

// copyFile copies the file src to dst (replacing it).
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// write writes raw to path (replacing it), creating its folder.
func write(t *testing.T, path string, raw []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, raw, 0o644); err != nil {
		t.Fatal(err)
	}
}

// sha is the SHA-256 of raw.
func sha(raw []byte) [32]byte { return sha256.Sum256(raw) }
