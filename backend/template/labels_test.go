package template_test

import (
	"encoding/json"
	"strings"
	"testing"

	"golive/backend/template"
)

// rawStep is the part of a step of default.json the role-name rule reads,
// decoded without Parse (which aligns names), so the file itself is checked.
type rawStep struct {
	ID        string         `json:"id"`
	Role      string         `json:"role"`
	RoleLabel *template.Text `json:"role_label"`
	Rows      []struct {
		ID    string        `json:"id"`
		Role  string        `json:"role"`
		Label template.Text `json:"label"`
	} `json:"rows"`
}

// TestEveryRoleHasOneName: the built-in template names each role once
// (roles[].name), the guideline's name: no step shows a role under another
// label, no countersign row spells its director differently, and no two
// roles share a name. (Before, the upgrade flow showed 开发部总监 and
// 信息管理部项目管理部总监 for the 应用开发部总监 and the 项目管理部总监.)
func TestEveryRoleHasOneName(t *testing.T) {
	var raw struct {
		Roles []template.Role `json:"roles"`
		Flows []struct {
			Steps []rawStep `json:"steps"`
		} `json:"flows"`
		Modes []struct {
			SignatureStep *rawStep `json:"signature_step"`
		} `json:"modes"`
	}
	if err := json.Unmarshal(template.DefaultJSON(), &raw); err != nil {
		t.Fatal(err)
	}
	names := map[string]template.Text{}
	seen := map[string]string{}
	for _, r := range raw.Roles {
		names[r.ID] = r.Name
		for _, n := range []string{"zh:" + r.Name.Zh, "en:" + r.Name.En} {
			if other, ok := seen[n]; ok {
				t.Errorf("roles %s and %s share the name %q", other, r.ID, n)
			}
			seen[n] = r.ID
		}
	}
	steps := []rawStep{}
	for _, f := range raw.Flows {
		steps = append(steps, f.Steps...)
	}
	for _, m := range raw.Modes {
		if m.SignatureStep != nil {
			steps = append(steps, *m.SignatureStep)
		}
	}
	for _, s := range steps {
		if s.RoleLabel != nil {
			t.Errorf("step %s shows its role %s as %q, not its name %q", s.ID, s.Role, s.RoleLabel.Zh, names[s.Role].Zh)
		}
		for _, r := range s.Rows {
			if r.Label != names[r.Role] {
				t.Errorf("row %s/%s labels %s %+v, not its name %+v", s.ID, r.ID, r.Role, r.Label, names[r.Role])
			}
		}
	}
	// The guideline's names of the roles the issue found spelled three ways.
	for id, want := range map[string]string{"app_dev_director": "应用开发部总监", "pmo_director": "项目管理部总监"} {
		if names[id].Zh != want {
			t.Errorf("role %s is named %q, want the guideline's %q", id, names[id].Zh, want)
		}
	}
}

// TestParseShowsRoleNames: a template saved before the rule, with a step
// label and a row label that name a role otherwise, still reads, and shows
// the roles' names.
func TestParseShowsRoleNames(t *testing.T) {
	raw := string(template.DefaultJSON())
	old := strings.Replace(raw, `"id": "up.4.pmo_approval",`,
		`"id": "up.4.pmo_approval", "role_label": {"zh": "信息管理部项目管理部总监", "en": "PMO director, Information Management"},`, 1)
	old = strings.Replace(old, `"zh": "应用开发部总监",
                "en": "Application development director"`, `"zh": "开发部总监",
                "en": "Development director"`, 1)
	if old == raw || !strings.Contains(old, "信息管理部项目管理部总监") || !strings.Contains(old, `"开发部总监"`) {
		t.Fatal("the older template's labels were not written in")
	}
	tp, err := template.Parse([]byte(old))
	if err != nil {
		t.Fatalf("a template with role labels no longer reads: %v", err)
	}
	up := mustFlow(t, tp, "upgrade")
	pmo, _ := up.Step("up.4.pmo_approval")
	if !pmo.RoleLabel.IsZero() {
		t.Errorf("up.4 still shows its role as %+v", pmo.RoleLabel)
	}
	cs, _ := up.Step("up.2.countersign")
	for _, r := range cs.Rows {
		role, _ := tp.Role(r.Role)
		if r.Label != role.Name {
			t.Errorf("row %s shows %+v, not its role's name %+v", r.ID, r.Label, role.Name)
		}
	}
}
