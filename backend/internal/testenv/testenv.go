// Package testenv opens a real GoLive data folder in a temporary directory
// for tests: a Badger store, the embedded template and a profile unlocked,
// with a controllable clock.
package testenv

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"golive/backend/core"
	"golive/backend/demo"
	"golive/backend/keys"
	"golive/backend/profile"
	"golive/backend/system"
)

// Clock is a settable clock; each call to Now advances it by a second so
// events get distinct times.
type Clock struct{ T time.Time }

// Now returns the clock's time and advances it one second.
func (c *Clock) Now() time.Time {
	c.T = c.T.Add(time.Second)
	return c.T
}

// Env is an open folder with a profile unlocked.
type Env struct {
	*core.Core
	Clock   *Clock
	Profile profile.Summary
}

// FastKDF keeps key sealing cheap in tests.
var FastKDF = keys.KDF{Time: 1, MemoryKiB: 1024, Threads: 1}

// Open opens a core in dir (t.TempDir() when dir is ""), creates and
// unlocks a profile named name holding roles, and closes it at cleanup.
func Open(t testing.TB, dir, name string, roles ...string) *Env {
	t.Helper()
	if dir == "" {
		dir = t.TempDir()
	}
	c, err := core.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	clock := &Clock{T: time.Date(2026, 11, 26, 9, 0, 0, 0, c.Zone)}
	c.Profiles.KDF = FastKDF
	c.Profiles.Now, c.Systems.Now, c.Dossiers.Now = clock.Now, clock.Now, clock.Now
	if len(roles) == 0 {
		roles = []string{"project_manager"}
	}
	p, err := c.Profiles.Create(profile.CreateRequest{Name: name, Department: "应用开发部", Roles: roles, Passphrase: "passphrase-123"})
	if err != nil {
		t.Fatal(err)
	}
	return &Env{Core: c, Clock: clock, Profile: p}
}

// AddSystem registers a java system with code.
func (e *Env) AddSystem(t testing.TB, code string, calls ...string) system.System {
	t.Helper()
	s, err := e.Systems.Save(system.System{Code: code, Name: code + " 系统", Department: "业务应用部", Owner: "李娜", Class: "java", Calls: calls}, true)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// Driver returns a demo.Driver over e with one sample actor per template
// role (registered as profiles, so they can be named as delegates), on
// e's clock.
func (e *Env) Driver(t testing.TB) *demo.Driver {
	t.Helper()
	d := &demo.Driver{Dossiers: e.Dossiers, Profiles: e.Profiles, Template: e.Template(), Actors: map[string]demo.Actor{},
		Clock: e.Clock.T, Rng: rand.New(rand.NewPCG(7, 7))}
	for i, role := range e.Template().Roles {
		a := demo.SampleActor(e.Template(), role, fmt.Sprintf("%s-%d", role.ID, i), e.Clock.T)
		if err := e.Profiles.ImportSample(a.Summary, a.Key, "sample-passphrase", FastKDF, false); err != nil {
			t.Fatal(err)
		}
		d.Actors[role.ID] = a
	}
	e.Dossiers.Now = d.Now
	return d
}
