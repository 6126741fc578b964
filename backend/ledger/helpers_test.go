package ledger_test

import (
	"crypto/ed25519"
	"slices"
	"testing"
	"time"
	_ "time/tzdata" // the tests load IANA zones; do not depend on the host's tzdata

	"golive/backend/apperr"
	"golive/backend/ledger"
)

// seedKey returns the Ed25519 key whose 32-byte seed is start, start+1, …
func seedKey(start byte) ed25519.PrivateKey {
	seed := make([]byte, ed25519.SeedSize)
	for i := range seed {
		seed[i] = start + byte(i)
	}
	return ed25519.NewKeyFromSeed(seed)
}

func mustZone(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatalf("LoadLocation(%q): %v", name, err)
	}
	return loc
}

func mustNew(t testing.TB, parents []string, kind string, body any, at time.Time, key ed25519.PrivateKey) ledger.Event {
	t.Helper()
	e, err := ledger.New("d-1", parents, kind, body, at, key)
	if err != nil {
		t.Fatalf("New(%s): %v", kind, err)
	}
	return e
}

func mustMarshal(t testing.TB, e ledger.Event) []byte {
	t.Helper()
	b, err := ledger.Marshal(e)
	if err != nil {
		t.Fatalf("Marshal: %v", err)
	}
	return b
}

func assertCode(t testing.TB, err error, code string) {
	t.Helper()
	if got := apperr.Code(err); got != code {
		t.Fatalf("error code = %q, want %q (err: %v)", got, code, err)
	}
}

func ids(events []ledger.Event) []string {
	out := make([]string, len(events))
	for i, e := range events {
		out[i] = e.ID
	}
	return out
}

// assertSameEvent checks that got carries exactly want's content, including
// the instant and the zone name of its time.
func assertSameEvent(t testing.TB, got, want ledger.Event) {
	t.Helper()
	if got.ID != want.ID || got.Dossier != want.Dossier || got.Author != want.Author ||
		got.Kind != want.Kind || got.Sig != want.Sig || string(got.Body) != string(want.Body) ||
		!slices.Equal(got.Parents, want.Parents) {
		t.Fatalf("event differs:\n got  %+v\n want %+v", got, want)
	}
	if !got.Time.Equal(want.Time) {
		t.Fatalf("instant = %v, want %v", got.Time, want.Time)
	}
	if g, w := got.Time.Location().String(), want.Time.Location().String(); g != w {
		t.Fatalf("zone = %q, want %q", g, w)
	}
	if g, w := got.Time.Format(time.RFC3339Nano), want.Time.Format(time.RFC3339Nano); g != w {
		t.Fatalf("wall time = %s, want %s", g, w)
	}
}
