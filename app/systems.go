package app

import (
	"golive/backend/core"
	"golive/backend/system"
)

// SystemAPI manages the register of application systems.
type SystemAPI struct{ c *core.Core }

// List returns every system.
func (s *SystemAPI) List() ([]system.System, error) { return result(s.c.Systems.List()) }

// Classes returns the system class ids.
func (s *SystemAPI) Classes() []string { return system.Classes }

// Create registers a new system.
func (s *SystemAPI) Create(sys system.System) (system.System, error) {
	return result(s.c.Systems.Save(sys, true))
}

// Update changes a registered system.
func (s *SystemAPI) Update(sys system.System) (system.System, error) {
	return result(s.c.Systems.Save(sys, false))
}

// Delete removes a system no dossier or system refers to.
func (s *SystemAPI) Delete(code string) error {
	return fail(s.c.Systems.Delete(code, s.c.Dossiers.HasSystem))
}
