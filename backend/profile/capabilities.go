package profile

import "golive/backend/template"

// Capabilities are what a profile may do beyond any one dossier, by its
// roles under the current template (what it may do on a dossier is in the
// dossier view's actions). JSON names are stable: the frontend reads them.
type Capabilities struct {
	// EditTemplates: may save new versions of the process template (the
	// template editor role).
	EditTemplates bool `json:"edit_templates"`
	// PlanWindows: may manage the release-window plans — edit the draft,
	// publish it, import holidays (the template's window-manager role,
	// template.Settings.WindowManager; the editor role in templates saved
	// before that setting existed).
	PlanWindows bool `json:"plan_windows"`
}

// CapabilitiesOf returns the capabilities of a person holding roles under
// a template's settings.
func CapabilitiesOf(roles []string, s template.Settings) Capabilities {
	return Capabilities{EditTemplates: s.MayEditTemplates(roles), PlanWindows: s.MayPlanWindows(roles)}
}

// CurrentCapabilities returns the capabilities of the unlocked profile
// under settings (the current template's); none when no profile is
// unlocked.
func (s *Service) CurrentCapabilities(settings template.Settings) Capabilities {
	cur := s.Current()
	if cur == nil {
		return Capabilities{}
	}
	return CapabilitiesOf(cur.Roles, settings)
}
