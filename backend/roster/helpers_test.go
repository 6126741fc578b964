package roster_test

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"testing"
	"time"
	_ "time/tzdata" // the tests use Asia/Shanghai; do not depend on the host's tzdata

	"golive/backend/apperr"
	"golive/backend/ledger"
	"golive/backend/profile"
	"golive/backend/roster"
	"golive/backend/store"
	"golive/backend/template"
)

var shanghai = mustZone("Asia/Shanghai")

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// day returns 10:00 Shanghai time on a date "2027-03-05".
func day(date string) time.Time {
	t, err := time.ParseInLocation(time.DateOnly, date, shanghai)
	if err != nil {
		panic(err)
	}
	return t.Add(10 * time.Hour)
}

// key returns a deterministic Ed25519 key per name.
func key(name string) ed25519.PrivateKey {
	seed := sha256.Sum256([]byte("golive roster test key " + name))
	return ed25519.NewKeyFromSeed(seed[:])
}

// pub returns the lowercase hex public key of key(name).
func pub(name string) string {
	return hex.EncodeToString(key(name).Public().(ed25519.PublicKey))
}

func keysOf(names ...string) []roster.Key {
	out := make([]roster.Key, len(names))
	for i, n := range names {
		out[i] = roster.Key{Public: pub(n)}
	}
	return out
}

// baseRoster is the organisation every test starts from:
//
//   - pmo (PMO, template editor), cio, cs (cs_director), biz
//     (biz_apps_director);
//   - system A owned by unit retail/cards (head dir-cards), owner owner-a,
//     dev lead lead-a (info_mgmt/app_dev, whose head mgr-dev supervises A);
//   - system B owned by finance (head fin-head), dev lead lead-b, explicit
//     supervisor sup-b;
//   - pm, a project manager in retail/cards.
//
// Every person's key is named after him.
func baseRoster() roster.Roster {
	person := func(id, name, dept, sub string, roles ...string) roster.Person {
		return roster.Person{ID: id, Name: name, Department: dept, SubDepartment: sub, Keys: keysOf(id), Roles: roles}
	}
	return roster.Roster{
		Organisation: "远东宏信",
		PMO:          []string{"pmo"},
		People: []roster.Person{
			person("pmo", "庞敏", "info_mgmt", "pmo", "pmo", "pmo_director"),
			person("cio", "陈一鸥", "company_leadership", "", "cio"),
			person("cs", "蔡书", "info_mgmt", "cs", "cs_director"),
			person("biz", "毕执", "info_mgmt", "biz_apps", "biz_apps_director"),
			person("lead-a", "林安", "info_mgmt", "app_dev"),
			person("lead-b", "李北", "info_mgmt", "data_integration"),
			person("mgr-dev", "孟德", "info_mgmt", "app_dev"),
			person("sup-b", "苏北", "info_mgmt", "data_integration"),
			person("owner-a", "欧安", "retail", "cards"),
			person("dir-cards", "杜卡", "retail", "cards"),
			person("fin-head", "范海", "finance", ""),
			person("pm", "潘明", "retail", "cards", "project_manager"),
		},
		Systems: []roster.Assignment{
			{System: "A", Department: "retail", SubDepartment: "cards", Owner: "owner-a", DevLead: "lead-a"},
			{System: "B", Department: "finance", DevLead: "lead-b", Supervisor: "sup-b"},
		},
		Heads: []roster.Head{
			{Department: "info_mgmt", SubDepartment: "app_dev", Person: "mgr-dev"},
			{Department: "retail", SubDepartment: "cards", Person: "dir-cards"},
			{Department: "finance", Person: "fin-head"},
		},
	}
}

// person returns a pointer to the person id of r.
func person(t testing.TB, r *roster.Roster, id string) *roster.Person {
	t.Helper()
	for i := range r.People {
		if r.People[i].ID == id {
			return &r.People[i]
		}
	}
	t.Fatalf("no person %q", id)
	return nil
}

// signed is a roster version as a test builds it by hand: the body and
// who signs it.
type signed struct {
	by string
	r  roster.Roster
}

// events signs versions as a linear chain (each the child of the one
// before) with ledger.New, bypassing Publish's checks, at one day each
// from 2027-01-01.
func events(t testing.TB, versions ...signed) []ledger.Event {
	t.Helper()
	var out []ledger.Event
	for i, s := range versions {
		s.r.Version = i + 1
		var parents []string
		if i > 0 {
			parents = []string{out[i-1].ID}
		}
		e, err := ledger.New(roster.Stream, parents, roster.KindPublished, s.r, day("2027-01-01").AddDate(0, 0, i), key(s.by))
		if err != nil {
			t.Fatalf("ledger.New: %v", err)
		}
		out = append(out, e)
	}
	return out
}

// chainOf verifies versions signed by hand against the pmo key.
func chainOf(t testing.TB, versions ...signed) (*roster.Chain, []ledger.Event) {
	t.Helper()
	evs := events(t, versions...)
	c, err := roster.VerifyChain(evs, pub("pmo"))
	if err != nil {
		t.Fatalf("VerifyChain: %v", err)
	}
	return c, evs
}

func assertCode(t testing.TB, err error, code string) {
	t.Helper()
	if got := apperr.Code(err); got != code {
		t.Fatalf("error code = %q, want %q (err: %v)", got, code, err)
	}
}

// folder is a data folder with a roster service whose unlocked profile
// is the key named by signer.
type folder struct {
	st     *store.Store
	svc    *roster.Service
	signer string
	now    time.Time
}

func openFolder(t testing.TB, signer string) *folder {
	t.Helper()
	st, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatalf("store.Open: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	f := &folder{st: st, signer: signer, now: day("2027-01-01")}
	f.svc = roster.NewService(st, func() (profile.Summary, ed25519.PrivateKey, error) {
		if f.signer == "" {
			return profile.Summary{}, nil, apperr.New("profile.locked")
		}
		return profile.Summary{}, key(f.signer), nil
	}, template.MustDefault, shanghai)
	f.svc.Now = func() time.Time { f.now = f.now.Add(time.Hour); return f.now }
	return f
}

func (f *folder) publish(t testing.TB, r roster.Roster) roster.Version {
	t.Helper()
	v, err := f.svc.Publish(r)
	if err != nil {
		t.Fatalf("Publish: %v", err)
	}
	return v
}

func (f *folder) stored(t testing.TB) []ledger.Event {
	t.Helper()
	evs, err := f.st.Events(roster.Stream)
	if err != nil {
		t.Fatalf("Events: %v", err)
	}
	return evs
}

// dag is a dossier's event graph, for Dossier.InPast.
type dag map[string]ledger.Event

// add signs a dossier event by key name under roster version with the
// given parents at time at, and records it.
func (g dag) add(t testing.TB, by, version string, at time.Time, parents ...string) string {
	t.Helper()
	e, err := ledger.New("d-1", parents, "test.act", map[string]any{"roster": version, "n": len(g)}, at, key(by))
	if err != nil {
		t.Fatalf("ledger.New: %v", err)
	}
	if _, dup := g[e.ID]; dup {
		t.Fatalf("event %s made twice: give it another time or parent", e.ID)
	}
	g[e.ID] = e
	return e.ID
}

// inPast reports whether id is an ancestor of one of heads.
func (g dag) inPast(id string, heads []string) bool {
	seen := map[string]bool{}
	stack := append([]string(nil), heads...)
	for len(stack) > 0 {
		h := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, p := range g[h].Parents {
			if p == id {
				return true
			}
			if !seen[p] {
				seen[p] = true
				stack = append(stack, p)
			}
		}
	}
	return false
}

// act is the Act of dossier event id made under version.
func (g dag) act(id, version string) roster.Act {
	return roster.ActOf(g[id], version)
}
