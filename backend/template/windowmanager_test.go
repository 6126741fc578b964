package template_test

import (
	"bytes"
	"testing"

	"golive/backend/template"
)

// TestWindowManagerIsItsOwnRole: the guideline gives the release cycle to
// 应用系统开发部, so the default template names a window-manager role of
// the application development department, held outright (the roster
// grants it), apart from the template editor (the PMO). A template saved
// before the setting existed still parses and leaves the windows to its
// editor role.
func TestWindowManagerIsItsOwnRole(t *testing.T) {
	def := template.MustDefault()
	s := def.Settings
	if s.WindowManagerRole == "" || s.WindowManagerRole == s.TemplateEditorRole || s.WindowManager() != s.WindowManagerRole {
		t.Fatalf("window manager %q, editor %q: want a role of its own", s.WindowManagerRole, s.TemplateEditorRole)
	}
	r, ok := def.Role(s.WindowManagerRole)
	if !ok || r.Department != "app_dev" || r.Scope != template.ScopeGlobal || r.Name.Zh == "" || r.Name.En == "" {
		t.Fatalf("role %+v (%v): want a global role of app_dev with both names", r, ok)
	}
	if s.MayPlanWindows([]string{s.TemplateEditorRole}) || !s.MayPlanWindows([]string{s.WindowManagerRole}) {
		t.Fatal("the editor plans windows, or the window manager does not")
	}

	raw := bytes.Replace(template.DefaultJSON(), []byte(`"window_manager_role": "window_manager",`), nil, 1)
	if bytes.Equal(raw, template.DefaultJSON()) {
		t.Fatal("the default template has no window_manager_role line")
	}
	old, err := template.Parse(raw)
	if err != nil {
		t.Fatalf("a template without the setting: %v", err)
	}
	if got := old.Settings.WindowManager(); got != old.Settings.TemplateEditorRole {
		t.Fatalf("without the setting the windows are %q's, want the editor role %q", got, old.Settings.TemplateEditorRole)
	}
}
