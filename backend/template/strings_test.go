package template_test

import (
	"bytes"
	"errors"
	"testing"

	"golive/backend/template"
)

// TestIDsAndTextsAreSafe: a template whose id is a path, or whose texts
// hide a right-to-left override or a NUL, is refused by Parse (and so by
// the template import) with a problem naming where; the default template
// passes.
func TestIDsAndTextsAreSafe(t *testing.T) {
	if _, err := template.Parse(template.DefaultJSON()); err != nil {
		t.Fatalf("default template: %v", err)
	}
	cases := []struct {
		name, from, to, code, path string
	}{
		{"path as template id", `"id": "golive.release"`, `"id": "../../etc/passwd"`, template.CodeBadID, "id"},
		{"slash in a role id", `"id": "cs_director"`, `"id": "cs/director"`, template.CodeBadID, ""},
		{"right-to-left override", `"zh": "客户服务部总监"`, `"zh": "客户服务部\u202e总监"`, template.CodeBadText, ""},
		{"NUL in a text", `"zh": "客户服务部总监"`, `"zh": "客户服务部\u0000总监"`, template.CodeBadText, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			raw := template.DefaultJSON()
			if !bytes.Contains(raw, []byte(c.from)) {
				t.Fatalf("the default template has no %s", c.from)
			}
			raw = bytes.Replace(raw, []byte(c.from), []byte(c.to), 1)
			_, err := template.Parse(raw)
			var ve *template.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("parse: %v, want a validation error", err)
			}
			found := false
			for _, p := range ve.Problems {
				if p.Code == c.code && (c.path == "" || p.Path == c.path) {
					found = true
				}
			}
			if !found {
				t.Fatalf("problems %+v, want %s", ve.Problems, c.code)
			}
		})
	}
}
