package template_test

import (
	"bytes"
	"errors"
	"testing"

	"golive/backend/template"
)

// TestFilingProducesItsDocuments: the default new-system flow's filing
// step (流程备案) makes 发布申请 and 审批意见 from its generated
// deliverables; a template that asks a document of anything else — a
// deliverable uploaded by hand, another step, an unknown document, the
// same document twice — is refused, naming the deliverable.
func TestFilingProducesItsDocuments(t *testing.T) {
	def := template.MustDefault()
	f, _ := def.Flow("new_system")
	var filing template.Step
	for _, s := range f.Steps {
		if s.Kind == template.KindFiling {
			filing = s
		}
	}
	got := map[string]string{}
	for _, d := range filing.Deliverables {
		got[d.ID] = d.Produces
	}
	if got["ns.7.application"] != template.ProducesApplication || got["ns.7.approval_opinions"] != template.ProducesOpinions {
		t.Fatalf("the filing step's deliverables produce %v", got)
	}
	cases := map[string][2]string{
		"not generated": {`"generated": true,
              "produces": "application"`, `"produces": "application"`},
		"unknown document": {`"produces": "application"`, `"produces": "minutes"`},
		"twice":            {`"produces": "approval-opinions"`, `"produces": "application"`},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			raw := bytes.Replace(template.DefaultJSON(), []byte(c[0]), []byte(c[1]), 1)
			if bytes.Equal(raw, template.DefaultJSON()) {
				t.Fatalf("the default template has no %q", c[0])
			}
			_, err := template.Parse(raw)
			var ve *template.ValidationError
			if !errors.As(err, &ve) || !hasProblem(ve, template.CodeBadProduces) {
				t.Fatalf("a template whose filing %s: %v", name, err)
			}
		})
	}
	t.Run("another step", func(t *testing.T) {
		raw := bytes.Replace(template.DefaultJSON(), []byte(`"id": "ns.9.release_result",`), []byte(`"id": "ns.9.release_result", "produces": "application",`), 1)
		var ve *template.ValidationError
		if _, err := template.Parse(raw); !errors.As(err, &ve) || !hasProblem(ve, template.CodeBadProduces) {
			t.Fatalf("a postponement producing an application: %v", err)
		}
	})
}

func hasProblem(ve *template.ValidationError, code string) bool {
	for _, p := range ve.Problems {
		if p.Code == code {
			return true
		}
	}
	return false
}
