package template_test

import (
	"errors"
	"slices"
	"testing"

	"golive/backend/template"
)

// TestDefaultScopes: the default template resolves its relative roles
// through the roster, names the operator/supervisor separation and keeps
// one countersign row per person.
func TestDefaultScopes(t *testing.T) {
	tp := template.MustDefault()
	want := map[string]string{
		"system_owner":            template.ScopeSystemOwner,
		"release_operator":        template.ScopeSystemDevLead,
		"release_supervisor":      template.ScopeSystemSupervisor,
		"owning_subdept_director": template.ScopeOwningSubdeptDirector,
		"applicant_dept_head":     template.ScopeApplicantDeptHead,
		"cio":                     template.ScopeGlobal,
		"cs_director":             template.ScopeGlobal,
		"pmo":                     template.ScopeGlobal,
		"project_manager":         template.ScopeGlobal,
	}
	for id, scope := range want {
		r, ok := tp.Role(id)
		if !ok {
			t.Fatalf("role %q missing", id)
		}
		if r.Scope != scope {
			t.Errorf("role %s: scope = %q, want %q", id, r.Scope, scope)
		}
	}
	s := tp.Settings
	if len(s.Separate) != 1 || !slices.Equal(s.Separate[0], []string{s.ReleaseOperatorRole, s.SupervisorRole}) {
		t.Errorf("separate = %v, want the operator and the supervisor", s.Separate)
	}
	if s.AllowDoublePost {
		t.Error("allow_double_post is on in the default template")
	}
}

func TestValidateScopesAndSeparation(t *testing.T) {
	cases := []struct {
		name   string
		mutate func(*template.Template)
		code   string
		path   string
		params map[string]string
	}{
		{"unknown scope", func(tp *template.Template) { tp.Roles[12].Scope = "galaxy" },
			template.CodeUnknownScope, "roles[12].scope", map[string]string{"role": "release_operator", "scope": "galaxy"}},
		{"separation of one role", func(tp *template.Template) { tp.Settings.Separate = [][]string{{"cio"}} },
			template.CodeBadSeparation, "settings.separate[0]", map[string]string{"group": "0"}},
		{"separation repeating a role", func(tp *template.Template) {
			tp.Settings.Separate = [][]string{{"cio", "pmo"}, {"cio", "cio", "pmo"}}
		}, template.CodeBadSeparation, "settings.separate[1]", map[string]string{"group": "1"}},
		{"separation with an empty role", func(tp *template.Template) { tp.Settings.Separate = [][]string{{"cio", ""}} },
			template.CodeBadSeparation, "settings.separate[0]", nil},
		{"separation naming an unknown role", func(tp *template.Template) { tp.Settings.Separate = [][]string{{"cio", "ghost"}} },
			template.CodeUnknownRole, "settings.separate[0][1]", map[string]string{"role": "ghost"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tp := template.MustDefault()
			c.mutate(tp)
			err := tp.Validate()
			var ve *template.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("Validate = %v, want a *ValidationError", err)
			}
			if len(ve.Problems) != 1 {
				t.Fatalf("problems = %v, want exactly one", ve.Problems)
			}
			p := ve.Problems[0]
			if p.Code != c.code || p.Path != c.path {
				t.Errorf("problem = %s, want %s at %s", p, c.code, c.path)
			}
			for k, v := range c.params {
				if p.Params[k] != v {
					t.Errorf("param %s = %q, want %q", k, p.Params[k], v)
				}
			}
		})
	}

	t.Run("every listed scope is accepted", func(t *testing.T) {
		for _, scope := range template.Scopes() {
			tp := template.MustDefault()
			tp.Roles[0].Scope = scope
			if err := tp.Validate(); err != nil {
				t.Errorf("scope %q: %v", scope, err)
			}
		}
	})
}
