package template

import "slices"

// MayEditTemplates reports whether a person holding roles may save new
// versions of the process template: the template editor role (the PMO).
func (s Settings) MayEditTemplates(roles []string) bool {
	return s.TemplateEditorRole != "" && slices.Contains(roles, s.TemplateEditorRole)
}

// WindowManager returns the role that manages the release-window plans:
// WindowManagerRole, or, in a template saved before that setting existed
// (it is empty), the old rule's TemplateEditorRole.
func (s Settings) WindowManager() string {
	if s.WindowManagerRole != "" {
		return s.WindowManagerRole
	}
	return s.TemplateEditorRole
}

// MayPlanWindows reports whether a person holding roles may manage the
// release-window plans (edit the draft, publish, import holidays): the
// window-manager role (WindowManager), which need not be the template
// editor's.
func (s Settings) MayPlanWindows(roles []string) bool {
	r := s.WindowManager()
	return r != "" && slices.Contains(roles, r)
}
