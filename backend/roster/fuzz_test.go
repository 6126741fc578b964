package roster_test

import (
	"bytes"
	"strings"
	"testing"

	"golive/backend/apperr"
	"golive/backend/ledger"
	"golive/backend/roster"
)

// FuzzReadFile checks the roster file reader on any bytes: it refuses
// with a roster code, or returns at least one event, each verified, which
// written again as a roster file read back as the same events.
func FuzzReadFile(f *testing.F) {
	_, file := published(f)
	f.Add(file)
	f.Add(bytes.Replace(file, []byte(`"format":"golive-roster/1"`), []byte(`"format":"golive-roster/2"`), 1))
	f.Add([]byte(`{"format":"golive-roster/1","events":[]}`))
	f.Add([]byte(`{"format":"golive-roster/1","events":[{}],"extra":1}`))
	f.Add([]byte(`{"format":"golive-roster/1"} []`))
	f.Fuzz(func(t *testing.T, in []byte) {
		got, err := roster.ReadFile(bytes.NewReader(in))
		if err != nil {
			if !strings.HasPrefix(apperr.Code(err), "roster.") {
				t.Fatalf("refused with %q: %v", apperr.Code(err), err)
			}
			return
		}
		if len(got.Events) == 0 {
			t.Fatal("a file without events accepted")
		}
		var b bytes.Buffer
		b.WriteString(`{"format":"` + roster.FileFormat + `","events":[`)
		for i, e := range got.Events {
			if err := e.Verify(); err != nil {
				t.Fatalf("event %d does not verify: %v", i, err)
			}
			w, err := ledger.Marshal(e)
			if err != nil {
				t.Fatal(err)
			}
			if i > 0 {
				b.WriteByte(',')
			}
			b.Write(w)
		}
		b.WriteString(`]}`)
		again, err := roster.ParseFile(b.Bytes())
		if err != nil || len(again.Events) != len(got.Events) {
			t.Fatalf("the events written again do not read back: %v", err)
		}
		for i := range got.Events {
			if again.Events[i].ID != got.Events[i].ID {
				t.Fatalf("event %d is %s, was %s", i, again.Events[i].ID, got.Events[i].ID)
			}
		}
	})
}
