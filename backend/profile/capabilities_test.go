package profile_test

import (
	"testing"

	"golive/backend/internal/testenv"
	"golive/backend/profile"
	"golive/backend/template"
)

// TestCapabilities: the PMO (the template's editor role) may edit
// templates, the window manager (a role of its own) may plan release
// windows, neither may do the other's job, other roles may do neither,
// and no one may when no profile is unlocked. A template without a
// window-manager role leaves the windows to its editor role.
func TestCapabilities(t *testing.T) {
	pmo := testenv.Open(t, "", "王芳", "pmo")
	settings := pmo.Template().Settings
	if settings.TemplateEditorRole != "pmo" || settings.WindowManagerRole != "window_manager" {
		t.Fatalf("the default template's editor role is %q and window manager %q, want pmo and window_manager", settings.TemplateEditorRole, settings.WindowManagerRole)
	}
	old := settings
	old.WindowManagerRole = ""
	for _, c := range []struct {
		name  string
		roles []string
		edit  template.Settings
		want  profile.Capabilities
	}{
		{"PMO", []string{"pmo"}, settings, profile.Capabilities{EditTemplates: true}},
		{"WindowManager", []string{"window_manager"}, settings, profile.Capabilities{PlanWindows: true}},
		{"PMOAmongOthers", []string{"project_manager", "pmo"}, settings, profile.Capabilities{EditTemplates: true}},
		{"PMOAndWindowManager", []string{"pmo", "window_manager"}, settings, profile.Capabilities{EditTemplates: true, PlanWindows: true}},
		{"ProjectManager", []string{"project_manager"}, settings, profile.Capabilities{}},
		{"PMODirectorIsNotThePMO", []string{"pmo_director"}, settings, profile.Capabilities{}},
		{"NoEditorRoleSet", []string{"pmo"}, template.Settings{}, profile.Capabilities{}},
		{"OtherEditorRole", []string{"cio"}, template.Settings{TemplateEditorRole: "cio"}, profile.Capabilities{EditTemplates: true, PlanWindows: true}},
		{"OldTemplatePMOPlansWindows", []string{"pmo"}, old, profile.Capabilities{EditTemplates: true, PlanWindows: true}},
		{"OldTemplateWindowManagerDoesNot", []string{"window_manager"}, old, profile.Capabilities{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := profile.CapabilitiesOf(c.roles, c.edit); got != c.want {
				t.Fatalf("capabilities %+v, want %+v", got, c.want)
			}
		})
	}
	t.Run("CurrentProfile", func(t *testing.T) {
		if got := pmo.Profiles.CurrentCapabilities(settings); !got.EditTemplates || got.PlanWindows {
			t.Fatalf("unlocked PMO: %+v", got)
		}
		pmo.Profiles.Lock()
		if got := pmo.Profiles.CurrentCapabilities(settings); got != (profile.Capabilities{}) {
			t.Fatalf("no profile unlocked: %+v", got)
		}
	})
}
