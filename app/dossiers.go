package app

import (
	"context"

	"golive/backend/core"
	"golive/backend/dossier"
)

// DossierAPI creates, edits and lists release dossiers and drives their
// workflow.
type DossierAPI struct {
	c   *core.Core
	ctx context.Context
	// choose, when set, stands for the native open dialog (tests): it
	// returns the path chosen, "" for a cancelled dialog.
	choose func(dialog) (string, error)
}

// List returns the dossiers passing the filter.
func (d *DossierAPI) List(f dossier.Filter) ([]dossier.Summary, error) {
	return result(d.c.Dossiers.List(f))
}

// Get returns one dossier with its history.
func (d *DossierAPI) Get(id string) (dossier.View, error) { return result(d.c.Dossiers.Get(id)) }

// Create starts a dossier.
func (d *DossierAPI) Create(req dossier.CreateRequest) (dossier.View, error) {
	return result(d.c.Dossiers.Create(req))
}

// Update changes header fields; absent fields stay as they are.
func (d *DossierAPI) Update(id string, patch dossier.Fields) (dossier.View, error) {
	return result(d.c.Dossiers.Update(id, patch))
}

// SetChecklist records a preparation item's status and evidence note.
func (d *DossierAPI) SetChecklist(id, item, status, note string) (dossier.View, error) {
	return result(d.c.Dossiers.SetChecklist(id, item, status, note))
}

// Advance moves the dossier to the next stage.
func (d *DossierAPI) Advance(id, to, note string) (dossier.View, error) {
	return result(d.c.Dossiers.Advance(id, to, note))
}

// AddNote appends a note to the dossier's history.
func (d *DossierAPI) AddNote(id, text string) (dossier.View, error) {
	return result(d.c.Dossiers.AddNote(id, text))
}

// Page returns one page of the dossiers passing the filter, latest
// planned first, and how many pass it: what the list screen shows (at
// most dossier.MaxPage rows).
func (d *DossierAPI) Page(f dossier.Filter, offset, limit int) (dossier.Page, error) {
	return result(d.c.Dossiers.Page(f, offset, limit))
}
