package ledger_test

import (
	"runtime"
	"strings"
	"testing"

	"golive/backend/ledger"
)

// nestedJSON returns a string of size bytes inside depth objects, each
// with its keys sorted or not.
func nestedJSON(depth, size int, unsorted bool) []byte {
	var b strings.Builder
	for range depth {
		if unsorted {
			b.WriteString(`{"b":1,"a":`)
		} else {
			b.WriteString(`{"a":`)
		}
	}
	b.WriteString(`"` + strings.Repeat("x", size) + `"`)
	b.WriteString(strings.Repeat("}", depth))
	return []byte(b.String())
}

// Canonicalizing used to copy each object's members into the enclosing
// object, so a value nested 511 deep was copied 511 times: a 4 MiB body
// allocated 2.17 GB and took 4 s (a roster file's event makes any reader
// canonicalize its body before the signature is checked). The bytes
// allocated are now a small multiple of the input, sorted or not.
func TestCanonicalJSONWorkIsLinearWhateverTheNesting(t *testing.T) {
	for _, c := range []struct {
		name     string
		unsorted bool
	}{{"sorted keys", false}, {"unsorted keys", true}} {
		t.Run(c.name, func(t *testing.T) {
			in := nestedJSON(511, 1<<20, c.unsorted)
			var out []byte
			var err error
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			out, err = ledger.CanonicalJSON(in)
			runtime.ReadMemStats(&after)
			if err != nil || len(out) != len(in) || strings.Count(string(out), "{") != 511 {
				t.Fatalf("canonical form: %v", err)
			}
			if n, limit := after.TotalAlloc-before.TotalAlloc, 12*uint64(len(in)); n > limit {
				t.Fatalf("canonicalizing %d bytes allocated %d bytes (%.0f times), want at most %d", len(in), n, float64(n)/float64(len(in)), limit)
			}
		})
	}
}
