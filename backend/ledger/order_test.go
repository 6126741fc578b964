package ledger_test

import (
	"errors"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"golive/backend/apperr"
	"golive/backend/ledger"
)

// dag is a dossier whose log diverged into branches A and B and was merged:
//
//	root ─ a1 ─ a2 ─ a3 ──────┐
//	   └── b1 ─ b2 ─ b3 ──────┴─ m ─ c
//
// Times (minutes after t0): root 0, a1 1, b1 2 (written in Asia/Shanghai),
// a2 3, b2 3 (tie with a2), b3 1 (clock behind its parent), a3 5, m 6,
// c 4 (clock behind m).
type dag struct {
	root, a1, a2, a3, b1, b2, b3, m, c ledger.Event
	all                                []ledger.Event
}

var t0 = time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)

func minute(n int) time.Time { return t0.Add(time.Duration(n) * time.Minute) }

func setField(value string) map[string]string {
	return map[string]string{"field": "title", "value": value}
}

func newDAG(t testing.TB) dag {
	t.Helper()
	alice, bob := seedKey(1), seedKey(2)
	var d dag
	d.root = mustNew(t, nil, "dossier.created", setField("root"), minute(0), alice)
	d.a1 = mustNew(t, []string{d.root.ID}, "field.set", setField("a1"), minute(1), alice)
	d.a2 = mustNew(t, []string{d.a1.ID}, "field.set", setField("a2"), minute(3), alice)
	d.a3 = mustNew(t, []string{d.a2.ID}, "field.set", setField("a3"), minute(5), alice)
	d.b1 = mustNew(t, []string{d.root.ID}, "field.set", setField("b1"), minute(2).In(mustZone(t, "Asia/Shanghai")), bob)
	d.b2 = mustNew(t, []string{d.b1.ID}, "field.set", setField("b2"), minute(3), bob)
	d.b3 = mustNew(t, []string{d.b2.ID}, "field.set", setField("b3"), minute(1), bob)
	d.m = mustNew(t, []string{d.a3.ID, d.b3.ID}, "dossier.merged", nil, minute(6), alice)
	d.c = mustNew(t, []string{d.m.ID}, "field.set", setField("c"), minute(4), bob)
	d.all = []ledger.Event{d.root, d.a1, d.a2, d.a3, d.b1, d.b2, d.b3, d.m, d.c}
	return d
}

// expected is the documented order worked out by hand.
func (d dag) expected() []string {
	if d.a2.ID < d.b2.ID { // a2 and b2 tie on time: the smaller id goes first
		return ids([]ledger.Event{d.root, d.a1, d.b1, d.a2, d.b2, d.b3, d.a3, d.m, d.c})
	}
	// b2 first; b3 (minute 1) is then ready and earlier than a2 (minute 3).
	return ids([]ledger.Event{d.root, d.a1, d.b1, d.b2, d.b3, d.a2, d.a3, d.m, d.c})
}

func shuffled(events []ledger.Event, seed uint64) []ledger.Event {
	out := slices.Clone(events)
	r := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

func assertTopological(t testing.TB, order []ledger.Event) {
	t.Helper()
	pos := map[string]int{}
	for i, e := range order {
		pos[e.ID] = i
	}
	for i, e := range order {
		for _, p := range e.Parents {
			if j, ok := pos[p]; ok && j >= i {
				t.Fatalf("parent %s at %d is not before child %s at %d", p[:8], j, e.ID[:8], i)
			}
		}
	}
}

// foldTitle is a minimal fold: the last field.set in Order wins.
func foldTitle(t testing.TB, events []ledger.Event) string {
	t.Helper()
	order, err := ledger.Order(events)
	if err != nil {
		t.Fatalf("Order: %v", err)
	}
	title := ""
	for _, e := range order {
		var v map[string]string
		if err := e.Decode(&v); err == nil && v != nil {
			title = v["value"]
		}
	}
	return title
}

func TestOrder(t *testing.T) {
	d := newDAG(t)
	want := d.expected()

	t.Run("parents come before children, earliest ready first", func(t *testing.T) {
		got, err := ledger.Order(d.all)
		if err != nil {
			t.Fatal(err)
		}
		assertTopological(t, got)
		if !slices.Equal(ids(got), want) {
			t.Fatalf("order\n got  %v\n want %v", short(ids(got)), short(want))
		}
	})
	t.Run("deterministic over shuffles with duplicates", func(t *testing.T) {
		for seed := uint64(1); seed <= 150; seed++ {
			in := shuffled(d.all, seed)
			if seed%3 == 0 { // add duplicates of a few events
				in = append(in, in[int(seed)%len(in)], in[0])
				in = shuffled(in, seed+1000)
			}
			got, err := ledger.Order(in)
			if err != nil {
				t.Fatalf("seed %d: %v", seed, err)
			}
			if !slices.Equal(ids(got), want) {
				t.Fatalf("seed %d: order\n got  %v\n want %v", seed, short(ids(got)), short(want))
			}
		}
	})
	t.Run("duplicates collapsed", func(t *testing.T) {
		got, err := ledger.Order(append(slices.Clone(d.all), d.all...))
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(ids(got), want) {
			t.Fatalf("order %v", short(ids(got)))
		}
	})
	t.Run("empty set", func(t *testing.T) {
		got, err := ledger.Order(nil)
		if err != nil || len(got) != 0 {
			t.Fatalf("Order(nil) = %v, %v", got, err)
		}
	})
	t.Run("input not modified", func(t *testing.T) {
		in := shuffled(d.all, 7)
		before := ids(in)
		if _, err := ledger.Order(in); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(ids(in), before) {
			t.Fatal("Order reordered its argument")
		}
	})
}

func TestOrderErrors(t *testing.T) {
	d := newDAG(t)
	without := func(drop ...ledger.Event) []ledger.Event {
		return slices.DeleteFunc(slices.Clone(d.all), func(e ledger.Event) bool {
			return slices.ContainsFunc(drop, func(x ledger.Event) bool { return x.ID == e.ID })
		})
	}
	t.Run("missing parent names event and parent", func(t *testing.T) {
		for seed := uint64(1); seed <= 20; seed++ {
			_, err := ledger.Order(shuffled(without(d.a1), seed))
			assertCode(t, err, ledger.CodeMissingParent)
			var ae *apperr.Error
			if !errors.As(err, &ae) || ae.Params["event"] != d.a2.ID || ae.Params["parent"] != d.a1.ID {
				t.Fatalf("seed %d: %v, want event=%s parent=%s", seed, err, d.a2.ID, d.a1.ID)
			}
		}
	})
	t.Run("several missing parents reported deterministically", func(t *testing.T) {
		first := ""
		for seed := uint64(1); seed <= 20; seed++ {
			_, err := ledger.Order(shuffled(without(d.a1, d.b1, d.m), seed))
			assertCode(t, err, ledger.CodeMissingParent)
			if first == "" {
				first = err.Error()
			} else if err.Error() != first {
				t.Fatalf("seed %d: %v, earlier %v", seed, err, first)
			}
		}
	})
	t.Run("cycle among unverified events", func(t *testing.T) {
		x, y := d.a1, d.a2 // rewired to name each other
		x.Parents, y.Parents = []string{y.ID}, []string{x.ID}
		_, err := ledger.Order([]ledger.Event{x, y})
		assertCode(t, err, ledger.CodeCycle)
		self := d.a1
		self.Parents = []string{self.ID}
		_, err = ledger.Order([]ledger.Event{self})
		assertCode(t, err, ledger.CodeCycle)
	})
}

func TestConcurrentEdits(t *testing.T) {
	alice, bob := seedKey(1), seedKey(2)
	root := mustNew(t, nil, "dossier.created", setField("v0"), minute(0), alice)
	cases := []struct {
		name   string
		events func() []ledger.Event
		want   func(evs []ledger.Event) string
	}{
		{"later time wins across branches", func() []ledger.Event {
			a := mustNew(t, []string{root.ID}, "field.set", setField("alice"), minute(5), alice)
			b := mustNew(t, []string{root.ID}, "field.set", setField("bob"), minute(3).In(mustZone(t, "Asia/Shanghai")), bob)
			return []ledger.Event{root, a, b}
		}, func([]ledger.Event) string { return "alice" }},
		{"instant compared, not wall clock", func() []ledger.Event {
			// 10:04 in Shanghai is 02:04 UTC: before alice's 09:02 UTC.
			a := mustNew(t, []string{root.ID}, "field.set", setField("alice"), minute(2), alice)
			b := mustNew(t, []string{root.ID}, "field.set", setField("bob"), time.Date(2026, 11, 26, 10, 4, 0, 0, mustZone(t, "Asia/Shanghai")), bob)
			return []ledger.Event{root, a, b}
		}, func([]ledger.Event) string { return "alice" }},
		{"equal times: larger id wins", func() []ledger.Event {
			a := mustNew(t, []string{root.ID}, "field.set", setField("alice"), minute(4), alice)
			b := mustNew(t, []string{root.ID}, "field.set", setField("bob"), minute(4), bob)
			return []ledger.Event{root, a, b}
		}, func(evs []ledger.Event) string {
			if evs[1].ID > evs[2].ID {
				return "alice"
			}
			return "bob"
		}},
		{"a correction wins over what it corrects despite an earlier clock", func() []ledger.Event {
			a := mustNew(t, []string{root.ID}, "field.set", setField("typo"), minute(9), alice)
			fix := mustNew(t, []string{a.ID}, "field.set", setField("fixed"), minute(1), bob)
			return []ledger.Event{root, a, fix}
		}, func([]ledger.Event) string { return "fixed" }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			evs := tc.events()
			want := tc.want(evs)
			for seed := uint64(1); seed <= 100; seed++ {
				if got := foldTitle(t, shuffled(evs, seed)); got != want {
					t.Fatalf("seed %d: title %q, want %q", seed, got, want)
				}
			}
		})
	}
}

func TestHeads(t *testing.T) {
	d := newDAG(t)
	cases := []struct {
		name   string
		events []ledger.Event
		want   []string
	}{
		{"empty set", nil, []string{}},
		{"single root", []ledger.Event{d.root}, []string{d.root.ID}},
		{"linear branch", []ledger.Event{d.root, d.a1, d.a2}, []string{d.a2.ID}},
		{"diverged branches", []ledger.Event{d.root, d.a1, d.a2, d.a3, d.b1, d.b2, d.b3}, sorted(d.a3.ID, d.b3.ID)},
		{"merged", d.all, []string{d.c.ID}},
		{"absent parents ignored", []ledger.Event{d.a3, d.b3}, sorted(d.a3.ID, d.b3.ID)},
		{"duplicates once", []ledger.Event{d.a3, d.a3}, []string{d.a3.ID}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := ledger.Heads(tc.events); !slices.Equal(got, tc.want) || got == nil {
				t.Fatalf("Heads = %v, want %v", short(got), short(tc.want))
			}
		})
	}
}

func TestMerge(t *testing.T) {
	d := newDAG(t)
	copyA := []ledger.Event{d.a3, d.root, d.a1, d.a2}
	copyB := []ledger.Event{d.b1, d.root, d.a1, d.b3, d.b2}
	union := sorted(ids([]ledger.Event{d.root, d.a1, d.a2, d.a3, d.b1, d.b2, d.b3})...)
	ab := ledger.Merge(copyA, copyB)

	t.Run("union sorted by id", func(t *testing.T) {
		if !slices.Equal(ids(ab), union) {
			t.Fatalf("Merge = %v, want %v", short(ids(ab)), short(union))
		}
	})
	t.Run("commutative", func(t *testing.T) {
		if got := ledger.Merge(copyB, copyA); !slices.Equal(ids(got), ids(ab)) {
			t.Fatalf("Merge(B,A) = %v", short(ids(got)))
		}
	})
	t.Run("idempotent", func(t *testing.T) {
		for name, got := range map[string][]ledger.Event{
			"M+M": ledger.Merge(ab, ab), "M+A": ledger.Merge(ab, copyA), "B+M": ledger.Merge(copyB, ab), "M+nil": ledger.Merge(ab, nil),
		} {
			if !slices.Equal(ids(got), ids(ab)) {
				t.Fatalf("%s = %v", name, short(ids(got)))
			}
		}
	})
	t.Run("associative", func(t *testing.T) {
		c := []ledger.Event{d.m, d.c}
		l, r := ledger.Merge(ledger.Merge(copyA, copyB), c), ledger.Merge(copyA, ledger.Merge(copyB, c))
		if !slices.Equal(ids(l), ids(r)) {
			t.Fatalf("%v != %v", short(ids(l)), short(ids(r)))
		}
	})
	t.Run("inputs untouched", func(t *testing.T) {
		if copyA[0].ID != d.a3.ID || len(copyA) != 4 || copyB[0].ID != d.b1.ID || len(copyB) != 5 {
			t.Fatal("Merge modified an input")
		}
	})
	t.Run("merged copies fold the same and can be joined", func(t *testing.T) {
		if got := ledger.Heads(ab); !slices.Equal(got, sorted(d.a3.ID, d.b3.ID)) {
			t.Fatalf("Heads = %v", short(got))
		}
		if foldTitle(t, ab) != foldTitle(t, ledger.Merge(copyB, copyA)) {
			t.Fatal("folds differ")
		}
		join := mustNew(t, ledger.Heads(ab), "dossier.merged", nil, minute(7), seedKey(1))
		all := ledger.Merge(ab, []ledger.Event{join})
		if got := ledger.Heads(all); !slices.Equal(got, []string{join.ID}) {
			t.Fatalf("Heads after join = %v", short(got))
		}
		if _, err := ledger.Order(all); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("empty", func(t *testing.T) {
		if got := ledger.Merge(nil, nil); got == nil || len(got) != 0 {
			t.Fatalf("Merge(nil, nil) = %#v", got)
		}
	})
}

func sorted(s ...string) []string { return slices.Sorted(slices.Values(s)) }

func short(s []string) []string {
	out := make([]string, len(s))
	for i, x := range s {
		out[i] = x[:min(8, len(x))]
	}
	return out
}
