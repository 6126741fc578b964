package profile_test

import (
	"testing"

	"golive/backend/internal/testenv"
	"golive/backend/profile"
	"golive/backend/template"
)

// TestCapabilities: the PMO (the template's editor role) may edit
// templates and plan release windows; other roles may not, and no one may
// when no profile is unlocked.
func TestCapabilities(t *testing.T) {
	pmo := testenv.Open(t, "", "王芳", "pmo")
	settings := pmo.Template().Settings
	if settings.TemplateEditorRole != "pmo" {
		t.Fatalf("the default template's editor role is %q, want pmo", settings.TemplateEditorRole)
	}
	for _, c := range []struct {
		name  string
		roles []string
		edit  template.Settings
		want  profile.Capabilities
	}{
		{"PMO", []string{"pmo"}, settings, profile.Capabilities{EditTemplates: true, PlanWindows: true}},
		{"PMOAmongOthers", []string{"project_manager", "pmo"}, settings, profile.Capabilities{EditTemplates: true, PlanWindows: true}},
		{"ProjectManager", []string{"project_manager"}, settings, profile.Capabilities{}},
		{"PMODirectorIsNotThePMO", []string{"pmo_director"}, settings, profile.Capabilities{}},
		{"NoEditorRoleSet", []string{"pmo"}, template.Settings{}, profile.Capabilities{}},
		{"OtherEditorRole", []string{"cio"}, template.Settings{TemplateEditorRole: "cio"}, profile.Capabilities{EditTemplates: true, PlanWindows: true}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := profile.CapabilitiesOf(c.roles, c.edit); got != c.want {
				t.Fatalf("capabilities %+v, want %+v", got, c.want)
			}
		})
	}
	t.Run("CurrentProfile", func(t *testing.T) {
		if got := pmo.Profiles.CurrentCapabilities(settings); !got.EditTemplates || !got.PlanWindows {
			t.Fatalf("unlocked PMO: %+v", got)
		}
		pmo.Profiles.Lock()
		if got := pmo.Profiles.CurrentCapabilities(settings); got != (profile.Capabilities{}) {
			t.Fatalf("no profile unlocked: %+v", got)
		}
	})
}
