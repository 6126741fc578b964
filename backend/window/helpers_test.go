package window_test

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
	"time"

	"golive/backend/holiday"
	"golive/backend/profile"
	"golive/backend/store"
	"golive/backend/template"
	"golive/backend/window"
	"golive/backend/zone"
)

var shanghai = zone.Default()

// builtin returns a calendar of the built-in data of years.
func builtin(years ...int) *holiday.Calendar {
	ys := make([]holiday.Year, len(years))
	for i, y := range years {
		ys[i] = holiday.Builtin(y)
	}
	return holiday.NewCalendar(ys...)
}

// settings returns the default window settings changed by mod.
func settings(mod func(*template.WindowSettings)) template.WindowSettings {
	w := template.DefaultWindows()
	if mod != nil {
		mod(&w)
	}
	return w
}

// eachRule applies f to every class's rule.
func eachRule(f func(*template.WindowRule)) func(*template.WindowSettings) {
	return func(w *template.WindowSettings) {
		for i := range w.Rules {
			f(&w.Rules[i])
		}
	}
}

func noFreeze(w *template.WindowSettings) { w.Freeze.WorkingDaysBefore = 0 }

func generate(year int, s template.WindowSettings) window.Plan {
	return window.Generate(window.Input{Year: year, Template: "t@1", Settings: s, Calendar: builtin(year-1, year, year+1)})
}

func ofClass(p window.Plan, class string) []window.Window {
	var out []window.Window
	for _, w := range p.Windows {
		if w.Class == class {
			out = append(out, w)
		}
	}
	return out
}

func mustWindow(t *testing.T, p window.Plan, id string) window.Window {
	t.Helper()
	w, ok := p.Window(id)
	if !ok {
		t.Fatalf("window %s missing", id)
	}
	return w
}

// env is a window service over a real store in a temporary folder.
type env struct {
	st       *store.Store
	dir      string
	svc      *window.Service
	profiles *profile.Service
	holidays *holiday.Service
	tpl      *template.Template
	now      time.Time
}

func newEnv(t *testing.T, mod func(*template.WindowSettings)) *env {
	t.Helper()
	dir := t.TempDir()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	e := &env{st: st, dir: dir, now: time.Date(2026, 12, 1, 10, 0, 0, 0, shanghai)}
	e.tpl = template.MustDefault()
	w := settings(mod)
	e.tpl.Windows = &w
	e.profiles = profile.NewService(st, shanghai, nil)
	e.holidays = holiday.NewService(st, shanghai)
	e.svc = e.service()
	e.actAs("window_manager")
	return e
}

// service returns a fresh service (no cache) over the env's store.
func (e *env) service() *window.Service {
	s := window.NewService(e.st, e.holidays, func() *template.Template { return e.tpl }, e.profiles.Signer, shanghai)
	s.Now = func() time.Time { return e.now }
	return s
}

// actAs unlocks a profile holding roles.
func (e *env) actAs(roles ...string) {
	seed := sha256.Sum256([]byte(strings.Join(roles, ",")))
	priv := ed25519.NewKeyFromSeed(seed[:])
	pub := priv.Public().(ed25519.PublicKey)
	e.profiles.ActAs(profile.Summary{ID: profile.IDFor(pub), Identity: profile.Identity{PublicKey: hex.EncodeToString(pub), Name: "赵窗口", Roles: roles}}, priv)
}
