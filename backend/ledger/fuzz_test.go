package ledger_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golive/backend/apperr"
	"golive/backend/ledger"
)

// decodeAny decodes JSON text into plain values, numbers as written.
func decodeAny(t *testing.T, b []byte) any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("decode %q: %v", b, err)
	}
	return v
}

// FuzzCanonicalJSON checks CanonicalJSON on any bytes: it refuses what is
// not JSON (and only for a stated reason when encoding/json accepts it),
// and what it accepts comes out valid, canonical (a second pass changes
// nothing), no longer than the input, and holding the same values.
func FuzzCanonicalJSON(f *testing.F) {
	for _, s := range []string{
		goldenCanonical, goldenChild, `{"b":1,"a":[1.0,1e3,-0,"\u00e9\n\u2028"]}`, `"\ud800"`, `[]`, `{}`, `null`, `true`,
		`{"a":{"c":1,"b":{"e":1,"d":2}},"a0":[{"z":1,"y":2}]}`, `{"a":1,"a":2}`, `{"b":1,"a":1,"b":2}`, `[1,2`, `{"a" 1}`,
		string(nestedJSON(20, 10, true)), `"\/\b\f\t\r\u0001<>&"`, " [1] ", `{"\u0000":"\u001f"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		// The shortcut that takes text as canonical without decoding
		// agrees with decoding and writing it again.
		if utf8.Valid(in) && ledger.IsCanonical(in) {
			slow, err := ledger.CanonicalizeSlowly(in)
			if err != nil || !bytes.Equal(slow, in) {
				t.Fatalf("%q taken as canonical, but its canonical form is %q (%v)", in, slow, err)
			}
		}
		out, err := ledger.CanonicalJSON(json.RawMessage(in))
		if err != nil {
			if apperr.Code(err) != ledger.CodeInvalidJSON {
				t.Fatalf("refused with %q: %v", apperr.Code(err), err)
			}
			var e *apperr.Error
			if utf8.Valid(in) && json.Valid(in) && (!errors.As(err, &e) || !strings.Contains(e.Detail, "duplicate") && !strings.Contains(e.Detail, "nesting")) {
				t.Fatalf("valid JSON %q refused: %v", in, err)
			}
			return
		}
		if !json.Valid(in) {
			t.Fatalf("accepted what is not JSON: %q -> %q", in, out)
		}
		if !json.Valid(out) || len(out) > len(in) {
			t.Fatalf("canonical form %q of %q is not JSON or longer", out, in)
		}
		again, err := ledger.CanonicalJSON(out)
		if err != nil || !bytes.Equal(again, out) {
			t.Fatalf("second pass over %q gave %q, %v", out, again, err)
		}
		if a, b := decodeAny(t, in), decodeAny(t, out); !reflect.DeepEqual(a, b) {
			t.Fatalf("values differ: %q holds %v, %q holds %v", in, a, out, b)
		}
	})
}

// FuzzUnmarshal checks the decoding of stored and received events: any
// bytes are refused with a ledger code, or decode into an event that
// verifies and re-encodes to exactly the same bytes.
func FuzzUnmarshal(f *testing.F) {
	root, child := goldenEvents(f)
	for _, e := range []ledger.Event{root, child} {
		b := mustMarshal(f, e)
		f.Add(b)
		f.Add(bytes.Replace(b, []byte(`"v":1`), []byte(`"v":2`), 1))
		f.Add(bytes.Replace(b, []byte(`"body":{`), []byte(`"body": {`), 1))
	}
	f.Add([]byte(goldenChild))
	f.Add([]byte(`{"id":"","v":1}`))
	f.Add([]byte(`{}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		e, err := ledger.Unmarshal(b)
		if err != nil {
			switch apperr.Code(err) {
			case ledger.CodeMalformed, ledger.CodeBadID, ledger.CodeBadSignature:
			default:
				t.Fatalf("refused with %q: %v", apperr.Code(err), err)
			}
			return
		}
		if err := e.Verify(); err != nil {
			t.Fatalf("decoded event does not verify: %v", err)
		}
		out, err := ledger.Marshal(e)
		if err != nil || !bytes.Equal(out, b) {
			t.Fatalf("decoded %q, re-encoded %q (%v)", b, out, err)
		}
	})
}

// FuzzEventRoundTrip makes events of any dossier, kind, body, instant and
// zone: New refuses them with a ledger code, or the event encodes, decodes
// to the same content (instant, zone name and written time included) and
// encodes again to the same bytes.
func FuzzEventRoundTrip(f *testing.F) {
	f.Add("d-1", "dossier.created", []byte(`{"title":"`+"\u53d1\u5e03"+` <R1> & co","n":1}`), int64(1795699080), uint32(123000000), "Asia/Shanghai", 0)
	f.Add("d-1", "dossier.renamed", []byte(`{"title":"R2"}`), int64(1795699140), uint32(123000000), "UTC", 0)
	f.Add("d", "k", []byte(`null`), int64(-62135596800), uint32(0), "Europe/Paris", 0)
	f.Add("d", "k", []byte(`[1.50,{"b":1,"a":2}]`), int64(253402300799), uint32(999999999), "X-Custom", 3600)
	f.Add("d", "k", []byte(`1`), int64(0), uint32(1), "America/New_York", -18000)
	key := seedKey(0)
	var ids []string
	for i := 0; i < 4; i++ {
		ids = append(ids, mustNew(f, nil, "k", i, time.Unix(0, 0).UTC(), key).ID)
	}
	f.Fuzz(func(t *testing.T, dossier, kind string, body []byte, sec int64, nsec uint32, zone string, offset int) {
		// The parents: as many of ids as nsec's last digit says, up to four.
		parents := ids[:min(int(nsec%10), len(ids))]
		loc, err := time.LoadLocation(zone)
		if err != nil || zone == "" || zone == "Local" {
			loc = time.FixedZone(zone, offset%(24*3600))
		}
		at := time.Unix(sec, int64(nsec%1e9)).In(loc)
		e, err := ledger.New(dossier, parents, kind, json.RawMessage(body), at, key)
		if err != nil {
			if !strings.HasPrefix(apperr.Code(err), "ledger.") {
				t.Fatalf("refused with %q: %v", apperr.Code(err), err)
			}
			return
		}
		b, err := ledger.Marshal(e)
		if err != nil {
			t.Fatalf("Marshal of a new event: %v", err)
		}
		// Encode gives the bytes New wrote in place: Marshal's.
		if enc, err := ledger.Encode(e); err != nil || !bytes.Equal(enc, b) {
			t.Fatalf("Encode of a new event: %s (%v), Marshal: %s", enc, err, b)
		}
		got, err := ledger.Unmarshal(b)
		if err != nil {
			t.Fatalf("Unmarshal(%s): %v", b, err)
		}
		assertSameEvent(t, got, e)
		if again, err := ledger.Marshal(got); err != nil || !bytes.Equal(again, b) {
			t.Fatalf("re-encoded %s as %s (%v)", b, again, err)
		}
	})
}
