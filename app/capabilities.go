package app

import "golive/backend/profile"

// Capabilities returns what the unlocked profile may do beyond any one
// dossier (edit templates, plan release windows) under the current
// template; all false when no profile is unlocked. What it may do on a
// dossier comes with each dossier view (actions).
func (p *ProfileAPI) Capabilities() profile.Capabilities {
	return p.c.Profiles.CurrentCapabilities(p.c.Template().Settings)
}
