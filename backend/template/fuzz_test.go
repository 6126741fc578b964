package template_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"golive/backend/apperr"
	"golive/backend/template"
)

// FuzzParse checks the template import's parser on any bytes: it refuses
// with a template code, or returns a template that validates, survives
// Clone, and whose JSON parses back to the same JSON.
func FuzzParse(f *testing.F) {
	def := template.DefaultJSON()
	f.Add(def)
	f.Add(bytes.Replace(def, []byte(`"id": "golive.release"`), []byte(`"id": "../../etc/passwd"`), 1))
	f.Add(bytes.Replace(def, []byte(`"version": "2.4.3"`), []byte(`"version": "2.4.3\u202e"`), 1))
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"id":"x","unknown":1}`))
	f.Add([]byte(`{"id":"x"} {}`))
	f.Fuzz(func(t *testing.T, in []byte) {
		tpl, err := template.Parse(in)
		if err != nil {
			if !strings.HasPrefix(apperr.Code(err), "template.") {
				t.Fatalf("refused with %q: %v", apperr.Code(err), err)
			}
			return
		}
		if err := tpl.Validate(); err != nil {
			t.Fatalf("a parsed template does not validate: %v", err)
		}
		out, err := json.Marshal(tpl.Clone())
		if err != nil {
			t.Fatal(err)
		}
		again, err := template.Parse(out)
		if err != nil {
			t.Fatalf("the JSON of an accepted template is refused: %v", err)
		}
		if out2, _ := json.Marshal(again); !bytes.Equal(out, out2) {
			t.Fatalf("round trip changed the template:\n%s\n%s", out, out2)
		}
	})
}
