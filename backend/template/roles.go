package template

import "slices"

// MayEditTemplates reports whether a person holding roles may save new
// versions of the process template: the template editor role (the PMO).
func (s Settings) MayEditTemplates(roles []string) bool {
	return s.TemplateEditorRole != "" && slices.Contains(roles, s.TemplateEditorRole)
}

// MayPlanWindows reports whether a person holding roles may manage the
// release-window plans (edit the draft, publish, import holidays). The PMO
// does, through the same template editor role.
func (s Settings) MayPlanWindows(roles []string) bool { return s.MayEditTemplates(roles) }
