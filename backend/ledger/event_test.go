package ledger_test

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"golive/backend/apperr"
	"golive/backend/ledger"
)

// The canonical layout is a specification: these literals must never change.
const (
	goldenCanonical = `{"v":1,"dossier":"d-1","parents":[],"author":"03a107bff3ce10be1d70dd18e74bc09967e4d6309ba50d5f1ddc8664125531b8","time":"2026-11-26T21:18:00.123+08:00","zone":"Asia/Shanghai","kind":"dossier.created","body":{"n":1,"title":"发布 <R1> & co"}}`
	goldenID        = "4f36b8edc2bf35e0c7137afb112fea51a2efb25f5b37a509d1bd1fc7bc040b74"
	goldenSig       = "1cfbac08209b6121a15ed428bb955a494130c5b8829b46f714c9cd8fb7730e2f06ab9364fe12b1f9ef29701826b2f2d15c49010b6474f7fd9bc83e95ba8bcf04"
	goldenChild     = `{"id":"6e9f7b51bea2a949cca2ae25fcbb5119c03a8df148507e476b8cdff929e4df7c","v":1,"dossier":"d-1","parents":["4f36b8edc2bf35e0c7137afb112fea51a2efb25f5b37a509d1bd1fc7bc040b74"],"author":"03a107bff3ce10be1d70dd18e74bc09967e4d6309ba50d5f1ddc8664125531b8","time":"2026-11-26T13:19:00.123Z","zone":"UTC","kind":"dossier.renamed","body":{"title":"R2"},"sig":"a3f554b4ec596fe9dbc4587d4c0d18812062e17b0fb6f7a1a4afc6fed28d00a74f2d1c179336b7964614a1b73a4d15b7e7ef63e0c7292f7fc61d224e84c1d003"}`
)

func goldenTime(t testing.TB) time.Time {
	t.Helper()
	return time.Date(2026, 11, 26, 21, 18, 0, 123000000, mustZone(t, "Asia/Shanghai"))
}

func goldenEvents(t testing.TB) (root, child ledger.Event) {
	t.Helper()
	key := seedKey(0)
	root = mustNew(t, nil, "dossier.created", map[string]any{"title": "发布 <R1> & co", "n": 1}, goldenTime(t), key)
	child = mustNew(t, []string{root.ID}, "dossier.renamed", map[string]any{"title": "R2"}, goldenTime(t).Add(time.Minute).UTC(), key)
	return root, child
}

func TestGolden(t *testing.T) {
	root, child := goldenEvents(t)
	t.Run("canonical bytes follow the documented layout", func(t *testing.T) {
		c, err := root.Canonical()
		if err != nil {
			t.Fatal(err)
		}
		if string(c) != goldenCanonical {
			t.Fatalf("Canonical() =\n%s\nwant\n%s", c, goldenCanonical)
		}
	})
	t.Run("id is the sha256 of the canonical bytes", func(t *testing.T) {
		sum := sha256.Sum256([]byte(goldenCanonical))
		if root.ID != hex.EncodeToString(sum[:]) || root.ID != goldenID {
			t.Fatalf("ID = %s, want %s", root.ID, goldenID)
		}
	})
	t.Run("signature is deterministic and over the raw id", func(t *testing.T) {
		if root.Sig != goldenSig {
			t.Fatalf("Sig = %s, want %s", root.Sig, goldenSig)
		}
		raw, _ := hex.DecodeString(root.ID)
		sig, _ := hex.DecodeString(root.Sig)
		if !ed25519.Verify(seedKey(0).Public().(ed25519.PublicKey), raw, sig) {
			t.Fatal("signature does not verify over the raw id bytes")
		}
	})
	t.Run("storage encoding adds id first and sig last", func(t *testing.T) {
		want := `{"id":"` + goldenID + `",` + goldenCanonical[1:len(goldenCanonical)-1] + `,"sig":"` + goldenSig + `"}`
		if got := mustMarshal(t, root); string(got) != want {
			t.Fatalf("Marshal =\n%s\nwant\n%s", got, want)
		}
		if got := mustMarshal(t, child); string(got) != goldenChild {
			t.Fatalf("Marshal(child) =\n%s\nwant\n%s", got, goldenChild)
		}
	})
	t.Run("golden storage bytes decode", func(t *testing.T) {
		e, err := ledger.Unmarshal([]byte(goldenChild))
		if err != nil {
			t.Fatal(err)
		}
		assertSameEvent(t, e, child)
	})
}

func TestRoundTrip(t *testing.T) {
	key := seedKey(7)
	base := time.Date(2026, 3, 29, 1, 30, 0, 0, time.UTC)
	cases := []struct {
		name string
		at   time.Time
	}{
		{"utc without fraction", base},
		{"utc with nanoseconds", base.Add(123456789)},
		{"shanghai", goldenTime(t)},
		{"new york in summer time", time.Date(2026, 7, 4, 12, 0, 0, 5, mustZone(t, "America/New_York"))},
		{"new york in winter time", time.Date(2026, 1, 4, 12, 0, 0, 0, mustZone(t, "America/New_York"))},
		{"fixed zone with a name that is not loadable", time.Date(2026, 5, 1, 9, 0, 0, 0, time.FixedZone("Custom+0530", 5*3600+1800))},
		{"zone name whose offset disagrees with tzdata", time.Date(2026, 5, 1, 9, 0, 0, 0, time.FixedZone("Asia/Shanghai", 3600))},
		{"monotonic reading is dropped", time.Now().UTC()},
		{"year one", time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)},
	}
	parent := mustNew(t, nil, "dossier.created", nil, base, key)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := mustNew(t, []string{parent.ID}, "note.added", json.RawMessage(`{"text":"第二版\n","n":1.50}`), tc.at, key)
			if err := e.Verify(); err != nil {
				t.Fatalf("Verify: %v", err)
			}
			b := mustMarshal(t, e)
			got, err := ledger.Unmarshal(b)
			if err != nil {
				t.Fatalf("Unmarshal: %v\n%s", err, b)
			}
			assertSameEvent(t, got, e)
			if !got.Time.Equal(tc.at) || got.Time.Location().String() != tc.at.Location().String() {
				t.Fatalf("time = %v (%s), want %v (%s)", got.Time, got.Time.Location(), tc.at, tc.at.Location())
			}
			if again := mustMarshal(t, got); !bytes.Equal(again, b) {
				t.Fatalf("re-Marshal differs:\n%s\n%s", again, b)
			}
		})
	}
	t.Run("null body and no parents", func(t *testing.T) {
		got, err := ledger.Unmarshal(mustMarshal(t, parent))
		if err != nil {
			t.Fatal(err)
		}
		assertSameEvent(t, got, parent)
		if string(got.Body) != "null" || got.Parents == nil || len(got.Parents) != 0 {
			t.Fatalf("body %s parents %#v", got.Body, got.Parents)
		}
	})
}

// span returns the byte range of field's value in a Marshal output; for a
// string value the quotes are excluded. body ends where ,"sig" begins.
func span(t *testing.T, b []byte, field string) (int, int) {
	t.Helper()
	i := bytes.Index(b, []byte(`"`+field+`":`))
	if i < 0 {
		t.Fatalf("no field %q in %s", field, b)
	}
	start := i + len(field) + 3
	switch {
	case field == "body":
		return start, bytes.Index(b, []byte(`,"sig":`))
	case field == "parents":
		return start + 2, start + 2 + 64 // the first parent id
	case b[start] == '"':
		return start + 1, start + 1 + bytes.IndexByte(b[start+1:], '"')
	default:
		return start, start + bytes.IndexAny(b[start:], ",}")
	}
}

func TestUnmarshalRejectsTampering(t *testing.T) {
	key := seedKey(0)
	root := mustNew(t, nil, "dossier.created", nil, goldenTime(t), key)
	e := mustNew(t, []string{root.ID}, "release.planned", map[string]any{
		"title": "发布 <R1> & co", "n": 12, "tags": []string{"a", "b"}, "ok": true,
	}, goldenTime(t).Add(time.Hour), key)
	good := mustMarshal(t, e)
	other := mustMarshal(t, root)
	// Accepted first, twice (the second time from what Unmarshal
	// remembers of the first): every changed copy below is still
	// checked in full.
	for i := 0; i < 2; i++ {
		if got, err := ledger.Unmarshal(good); err != nil || got.ID != e.ID || got.Sig != e.Sig || !bytes.Equal(got.Body, e.Body) {
			t.Fatalf("round %d: %+v, %v", i, got, err)
		}
	}

	// edit replaces byte at (offset within field) with c.
	edit := func(field string, off int, c byte) func(t *testing.T, b []byte) []byte {
		return func(t *testing.T, b []byte) []byte {
			s, _ := span(t, b, field)
			b[s+off] = c
			return b
		}
	}
	// bump changes a hex digit or decimal digit into another valid one.
	bump := func(field string, off int) func(t *testing.T, b []byte) []byte {
		return func(t *testing.T, b []byte) []byte {
			s, _ := span(t, b, field)
			if b[s+off] == '0' {
				b[s+off] = '1'
			} else {
				b[s+off] = '0'
			}
			return b
		}
	}
	replace := func(old, new string) func(t *testing.T, b []byte) []byte {
		return func(t *testing.T, b []byte) []byte {
			if !bytes.Contains(b, []byte(old)) {
				t.Fatalf("%q not in %s", old, b)
			}
			return bytes.Replace(b, []byte(old), []byte(new), 1)
		}
	}
	cases := []struct {
		name   string
		mutate func(t *testing.T, b []byte) []byte
		want   string
	}{
		{"id digit changed", bump("id", 10), ledger.CodeBadID},
		{"id digit made non-hex", edit("id", 10, 'g'), ledger.CodeMalformed},
		{"id digit made uppercase", replace(e.ID, strings.ToUpper(e.ID)), ledger.CodeMalformed},
		{"id shortened", replace(e.ID, e.ID[:63]), ledger.CodeMalformed},
		{"parent digit changed", bump("parents", 5), ledger.CodeBadID},
		{"parent digit made non-hex", edit("parents", 5, 'x'), ledger.CodeMalformed},
		{"parent duplicated", replace(`"parents":["`+root.ID+`"]`, `"parents":["`+root.ID+`","`+root.ID+`"]`), ledger.CodeMalformed},
		{"parents null", replace(`"parents":["`+root.ID+`"]`, `"parents":null`), ledger.CodeBadID},
		{"signature digit changed", bump("sig", 100), ledger.CodeBadSignature},
		{"signature from another event", replace(e.Sig, root.Sig), ledger.CodeBadSignature},
		{"signature made non-hex", edit("sig", 0, 'z'), ledger.CodeMalformed},
		{"author digit changed", bump("author", 3), ledger.CodeBadID},
		{"author made non-hex", edit("author", 3, 'Q'), ledger.CodeMalformed},
		{"time digit changed", edit("time", 15, '9'), ledger.CodeBadID},
		{"time fraction changed", edit("time", 20, '4'), ledger.CodeBadID},
		{"time not rfc3339", edit("time", 10, ' '), ledger.CodeMalformed},
		{"time with redundant zero", replace(".123+08:00", ".1230+08:00"), ledger.CodeMalformed},
		{"zone renamed", replace(`"Asia/Shanghai"`, `"Asia/Chongqing"`), ledger.CodeBadID},
		{"zone Local", replace(`"Asia/Shanghai"`, `"Local"`), ledger.CodeMalformed},
		{"zone empty", replace(`"Asia/Shanghai"`, `""`), ledger.CodeMalformed},
		{"dossier changed", replace(`"d-1"`, `"d-2"`), ledger.CodeBadID},
		{"dossier empty", replace(`"d-1"`, `""`), ledger.CodeMalformed},
		{"kind changed", replace(`"release.planned"`, `"release.plannee"`), ledger.CodeBadID},
		{"body value changed", replace(`"n":12`, `"n":13`), ledger.CodeBadID},
		{"body number respelled", replace(`"n":12`, `"n":12.0`), ledger.CodeBadID},
		{"body not canonical", replace(`"n":12`, `"n": 12`), ledger.CodeMalformed},
		{"body missing", replace(`,"body":`, `,"bodx":`), ledger.CodeMalformed},
		{"version changed", replace(`"v":1`, `"v":2`), ledger.CodeMalformed},
		{"unknown field", replace(`"v":1,`, `"v":1,"extra":0,`), ledger.CodeMalformed},
		{"duplicate field", replace(`"v":1,`, `"v":1,"kind":"x",`), ledger.CodeMalformed},
		{"field name case changed", replace(`"kind"`, `"Kind"`), ledger.CodeMalformed},
		{"whitespace added", replace(`"v":1,`, `"v": 1,`), ledger.CodeMalformed},
		{"trailing newline", func(_ *testing.T, b []byte) []byte { return append(b, '\n') }, ledger.CodeMalformed},
		{"trailing event", func(_ *testing.T, b []byte) []byte { return append(b, other...) }, ledger.CodeMalformed},
		{"trailing garbage", func(_ *testing.T, b []byte) []byte { return append(b, 'x') }, ledger.CodeMalformed},
		{"truncated", func(_ *testing.T, b []byte) []byte { return b[:len(b)-1] }, ledger.CodeMalformed},
		{"empty input", func(_ *testing.T, b []byte) []byte { return nil }, ledger.CodeMalformed},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b := tc.mutate(t, bytes.Clone(good))
			if bytes.Equal(b, good) {
				t.Fatal("mutation changed nothing")
			}
			_, err := ledger.Unmarshal(b)
			assertCode(t, err, tc.want)
		})
	}

	t.Run("every flipped body byte is rejected", func(t *testing.T) {
		s, end := span(t, good, "body")
		seen := map[string]int{}
		for i := s; i < end; i++ {
			b := bytes.Clone(good)
			b[i] ^= 0x01
			body := b[s:end]
			want := ledger.CodeMalformed
			if c, err := ledger.CanonicalJSON(json.RawMessage(body)); err == nil && bytes.Equal(c, body) {
				want = ledger.CodeBadID // still a canonical body: only the content changed
			}
			_, err := ledger.Unmarshal(b)
			if got := apperr.Code(err); got != want {
				t.Fatalf("flip at body offset %d (%q): code %q, want %q (%v)", i-s, body, got, want, err)
			}
			seen[want]++
		}
		if seen[ledger.CodeBadID] == 0 || seen[ledger.CodeMalformed] == 0 {
			t.Fatalf("flips did not exercise both codes: %v", seen)
		}
	})

	t.Run("every flipped byte anywhere is rejected", func(t *testing.T) {
		for i := range good {
			b := bytes.Clone(good)
			b[i] ^= 0x01
			if _, err := ledger.Unmarshal(b); err == nil {
				t.Fatalf("flip at %d accepted: %s", i, b)
			}
		}
	})

	t.Run("errors name the event", func(t *testing.T) {
		_, err := ledger.Unmarshal(bump("sig", 0)(t, bytes.Clone(good)))
		var ae *apperr.Error
		if !errors.As(err, &ae) || ae.Params["event"] != e.ID {
			t.Fatalf("error %v lacks event=%s", err, e.ID)
		}
	})
}

func TestVerify(t *testing.T) {
	key, otherKey := seedKey(0), seedKey(100)
	root := mustNew(t, nil, "dossier.created", nil, goldenTime(t), key)
	p2 := mustNew(t, nil, "dossier.created", 2, goldenTime(t), key)
	valid := mustNew(t, []string{root.ID, p2.ID}, "x.set", map[string]int{"a": 1}, goldenTime(t).Add(time.Second), key)

	// resign recomputes id and signature of e with k, keeping e's Author.
	resign := func(e ledger.Event, k ed25519.PrivateKey) ledger.Event {
		c, err := e.Canonical()
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(c)
		e.ID = hex.EncodeToString(sum[:])
		e.Sig = hex.EncodeToString(ed25519.Sign(k, sum[:]))
		return e
	}
	with := func(f func(e *ledger.Event)) ledger.Event {
		e := valid
		e.Parents = slices.Clone(valid.Parents)
		f(&e)
		return e
	}
	cases := []struct {
		name string
		e    ledger.Event
		want string
	}{
		{"valid event", valid, ""},
		{"parents unsorted", with(func(e *ledger.Event) { slices.Reverse(e.Parents) }), ledger.CodeMalformed},
		{"parents duplicated", with(func(e *ledger.Event) { e.Parents[1] = e.Parents[0] }), ledger.CodeMalformed},
		{"parent uppercase", with(func(e *ledger.Event) { e.Parents[0] = strings.ToUpper(e.Parents[0]) }), ledger.CodeMalformed},
		{"empty kind", with(func(e *ledger.Event) { e.Kind = "" }), ledger.CodeMalformed},
		{"empty dossier", with(func(e *ledger.Event) { e.Dossier = "" }), ledger.CodeMalformed},
		{"kind not utf-8", with(func(e *ledger.Event) { e.Kind = "\xff" }), ledger.CodeMalformed},
		{"body keys unsorted", with(func(e *ledger.Event) { e.Body = json.RawMessage(`{"b":1,"a":2}`) }), ledger.CodeMalformed},
		{"body with whitespace", with(func(e *ledger.Event) { e.Body = json.RawMessage(`{"a": 1}`) }), ledger.CodeMalformed},
		{"body html-escaped", with(func(e *ledger.Event) { e.Body = json.RawMessage(`"\u003c"`) }), ledger.CodeMalformed},
		{"body empty", with(func(e *ledger.Event) { e.Body = nil }), ledger.CodeMalformed},
		{"time in Local", with(func(e *ledger.Event) { e.Time = e.Time.In(time.Local) }), ledger.CodeMalformed},
		{"time zone unnamed", with(func(e *ledger.Event) { e.Time = e.Time.In(time.FixedZone("", 3600)) }), ledger.CodeMalformed},
		{"year beyond 9999", with(func(e *ledger.Event) { e.Time = e.Time.AddDate(10000, 0, 0) }), ledger.CodeMalformed},
		{"author short", with(func(e *ledger.Event) { e.Author = e.Author[:62] }), ledger.CodeMalformed},
		{"signature short", with(func(e *ledger.Event) { e.Sig = e.Sig[:126] }), ledger.CodeMalformed},
		{"id empty", with(func(e *ledger.Event) { e.ID = "" }), ledger.CodeMalformed},
		{"id of another event", with(func(e *ledger.Event) { e.ID = root.ID }), ledger.CodeBadID},
		{"same instant in another zone", with(func(e *ledger.Event) { e.Time = e.Time.UTC() }), ledger.CodeBadID},
		{"content changed", with(func(e *ledger.Event) { e.Kind = "x.unset" }), ledger.CodeBadID},
		{"signed by a key other than the author", resign(with(func(e *ledger.Event) {}), otherKey), ledger.CodeBadSignature},
		{"author swapped and id recomputed", resign(with(func(e *ledger.Event) { e.Author = hex.EncodeToString(otherKey.Public().(ed25519.PublicKey)) }), key), ledger.CodeBadSignature},
		{"re-signed consistently", resign(with(func(e *ledger.Event) {}), key), ""},
		{"signature of another event", with(func(e *ledger.Event) { e.Sig = root.Sig }), ledger.CodeBadSignature},
		{"parent edited in place", with(func(e *ledger.Event) { e.Parents[0] = strings.Repeat("0", 64) }), ledger.CodeBadID},
		{"parent edited in the slice New returned", func() ledger.Event {
			e := mustNew(t, []string{root.ID}, "x.set", nil, goldenTime(t), key)
			e.Parents[0] = p2.ID // the event New made still holds the slice
			return e
		}(), ledger.CodeBadID},
		{"zone of the same name and offset", with(func(e *ledger.Event) {
			// Another location, the same canonical bytes: not what New
			// made, yet the same event, checked in full.
			_, off := e.Time.Zone()
			e.Time = e.Time.In(time.FixedZone(e.Time.Location().String(), off))
		}), ""},
		{"body edited in place", func() ledger.Event {
			e := mustNew(t, nil, "x.set", map[string]int{"a": 1}, goldenTime(t), key)
			e.Body[len(e.Body)-2] = '2' // {"a":1} -> {"a":2}: canonical, another event
			return e
		}(), ledger.CodeBadID},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assertCode(t, tc.e.Verify(), tc.want)
		})
	}
	t.Run("Marshal refuses malformed and mis-addressed events", func(t *testing.T) {
		_, err := ledger.Marshal(with(func(e *ledger.Event) { e.Kind = "" }))
		assertCode(t, err, ledger.CodeMalformed)
		_, err = ledger.Marshal(with(func(e *ledger.Event) { e.Kind = "x.unset" }))
		assertCode(t, err, ledger.CodeBadID)
	})
	t.Run("Encode verifies like Verify and writes what Marshal writes", func(t *testing.T) {
		for _, tc := range cases {
			b, err := ledger.Encode(tc.e)
			assertCode(t, err, tc.want)
			if tc.want == "" && string(b) != string(mustMarshal(t, tc.e)) {
				t.Fatalf("%s: Encode wrote %s", tc.name, b)
			}
		}
	})
	t.Run("Canonical refuses malformed events", func(t *testing.T) {
		_, err := with(func(e *ledger.Event) { e.Time = e.Time.In(time.Local) }).Canonical()
		assertCode(t, err, ledger.CodeMalformed)
	})
}

func TestNew(t *testing.T) {
	key := seedKey(0)
	at := goldenTime(t)
	a := mustNew(t, nil, "a", 1, at, key)
	b := mustNew(t, nil, "b", 2, at, key)

	t.Run("parents are sorted and de-duplicated", func(t *testing.T) {
		in := []string{b.ID, a.ID, b.ID}
		e := mustNew(t, in, "c", nil, at, key)
		want := []string{min(a.ID, b.ID), max(a.ID, b.ID)}
		if !slices.Equal(e.Parents, want) {
			t.Fatalf("Parents = %v, want %v", e.Parents, want)
		}
		if in[0] != b.ID || in[1] != a.ID {
			t.Fatal("New modified its parents argument")
		}
	})
	t.Run("body is canonicalized", func(t *testing.T) {
		e := mustNew(t, nil, "c", json.RawMessage(" {\"b\" : 1.0, \"a\":\"<&>\"} "), at, key)
		if string(e.Body) != `{"a":"<&>","b":1.0}` {
			t.Fatalf("Body = %s", e.Body)
		}
	})
	t.Run("author is the key's public half", func(t *testing.T) {
		pub, err := a.AuthorKey()
		if err != nil {
			t.Fatal(err)
		}
		if !pub.Equal(key.Public()) {
			t.Fatalf("AuthorKey = %x", pub)
		}
		_, err = ledger.Event{Author: "abc"}.AuthorKey()
		assertCode(t, err, ledger.CodeMalformed)
	})

	t.Run("an event New made is written as Marshal writes it, and kept as made", func(t *testing.T) {
		// New writes the encoding once, in place around the canonical
		// bytes; Marshal writes it afresh from the fields.
		shanghai, err := time.LoadLocation("Asia/Shanghai")
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range []ledger.Event{
			mustNew(t, nil, "dossier.created", nil, at, key),
			mustNew(t, []string{a.ID}, "审批.通过", map[string]any{"意见": "同意上线 <R1> & \"急\"", "n": 1.5}, at.In(shanghai), key),
			mustNew(t, []string{b.ID, a.ID, goldenID}, "k", strings.Repeat("长", 3000), at.In(time.FixedZone("X-Plant", -9000)), key),
		} {
			if !e.MadeHere() {
				t.Fatalf("%s: not MadeHere just after New", e.Kind)
			}
			enc, err := ledger.Encode(e)
			if err != nil {
				t.Fatal(err)
			}
			if want := mustMarshal(t, e); string(enc) != string(want) {
				t.Fatalf("Encode wrote\n%s\nMarshal writes\n%s", enc, want)
			}
			back, err := ledger.Unmarshal(enc)
			if err != nil || back.MadeHere() || back.Verify() != nil {
				t.Fatalf("read back: %v (MadeHere %v)", err, back.MadeHere())
			}
			changed := e
			changed.Kind += "x"
			if changed.MadeHere() || !e.MadeHere() {
				t.Fatal("a copy with another kind is still MadeHere, or the original is not")
			}
		}
	})

	t.Run("a key whose public half is not its seed's signs nothing that verifies", func(t *testing.T) {
		// Ed25519 signs with the public half it is given: the signature
		// then verifies under no key, and the author it names is wrong.
		mixed := append(append(ed25519.PrivateKey{}, key.Seed()...), seedKey(100).Public().(ed25519.PublicKey)...)
		e := mustNew(t, nil, "c", 3, at, mixed)
		assertCode(t, e.Verify(), ledger.CodeBadSignature)
		_, err := ledger.Encode(e)
		assertCode(t, err, ledger.CodeBadSignature)
	})

	cases := []struct {
		name    string
		dossier string
		parents []string
		kind    string
		body    any
		at      time.Time
		key     ed25519.PrivateKey
		want    string
	}{
		{"time in Local", "d", nil, "k", nil, at.In(time.Local), key, ledger.CodeLocalTime},
		{"unnamed fixed zone", "d", nil, "k", nil, at.In(time.FixedZone("", 3600)), key, ledger.CodeBadZone},
		{"zone named Local", "d", nil, "k", nil, at.In(time.FixedZone("Local", 0)), key, ledger.CodeBadZone},
		{"short key", "d", nil, "k", nil, at, key[:32], ledger.CodeBadKey},
		{"nil key", "d", nil, "k", nil, at, nil, ledger.CodeBadKey},
		{"invalid json body", "d", nil, "k", json.RawMessage(`{"a":`), at, key, ledger.CodeInvalidJSON},
		{"unencodable body", "d", nil, "k", func() {}, at, key, ledger.CodeInvalidJSON},
		{"empty kind", "d", nil, "", nil, at, key, ledger.CodeMalformed},
		{"empty dossier", "", nil, "k", nil, at, key, ledger.CodeMalformed},
		{"parent not an id", "d", []string{"abc"}, "k", nil, at, key, ledger.CodeMalformed},
		{"year out of range", "d", nil, "k", nil, time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), key, ledger.CodeMalformed},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ledger.New(tc.dossier, tc.parents, tc.kind, tc.body, tc.at, tc.key)
			assertCode(t, err, tc.want)
		})
	}
}

func TestDecode(t *testing.T) {
	e := mustNew(t, nil, "release.planned", map[string]any{"title": "R1", "n": 3}, goldenTime(t), seedKey(0))
	t.Run("decodes the body", func(t *testing.T) {
		var v struct {
			Title string `json:"title"`
			N     int    `json:"n"`
		}
		if err := e.Decode(&v); err != nil || v.Title != "R1" || v.N != 3 {
			t.Fatalf("Decode = %+v, %v", v, err)
		}
	})
	t.Run("wrong shape is a coded error", func(t *testing.T) {
		var v []int
		assertCode(t, e.Decode(&v), ledger.CodeBadBody)
	})
}

// TestWireParents: the parents read off an encoding are the event's, for
// a root, one parent and several; anything not in Marshal's layout is
// refused (the caller then decodes in full).
func TestWireParents(t *testing.T) {
	key := seedKey(0)
	root := mustNew(t, nil, "dossier.created", nil, goldenTime(t), key)
	a := mustNew(t, []string{root.ID}, "note", map[string]any{"text": `,"parents":["x"]`}, goldenTime(t).Add(time.Hour), key)
	b := mustNew(t, []string{root.ID}, "note", map[string]any{"n": 2}, goldenTime(t).Add(2*time.Hour), key)
	m := mustNew(t, []string{a.ID, b.ID}, "note", nil, goldenTime(t).Add(3*time.Hour), key)
	for _, e := range []ledger.Event{root, a, m} {
		got, ok := ledger.WireParents(mustMarshal(t, e))
		if !ok || strings.Join(got, ",") != strings.Join(e.Parents, ",") {
			t.Fatalf("parents of %s: %v %v, want %v", e.Kind, got, ok, e.Parents)
		}
	}
	good := mustMarshal(t, m)
	for name, b := range map[string][]byte{
		"empty":          nil,
		"not an event":   []byte(`{"x":1}`),
		"short parent":   bytes.Replace(good, []byte(a.ID), []byte(a.ID[:60]), 1),
		"upper parent":   bytes.Replace(good, []byte(a.ID), []byte(strings.ToUpper(a.ID)), 1),
		"cut in parents": good[:bytes.Index(good, []byte(a.ID))+10],
		"no separator":   bytes.Replace(good, []byte(a.ID+`","`), []byte(a.ID+`" "`), 1),
	} {
		if got, ok := ledger.WireParents(b); ok {
			t.Errorf("%s: read %v", name, got)
		}
	}
}
