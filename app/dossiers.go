package app

import (
	"context"
	"time"

	"golive/backend/apperr"
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

// List returns the dossiers passing the filter. Code: dossier.bad_month
// for a filter month that is neither a month ("2026-12") nor a year
// ("2026").
func (d *DossierAPI) List(f dossier.Filter) ([]dossier.Summary, error) {
	if err := checkFilter(f); err != nil {
		return nil, fail(err)
	}
	return result(d.c.Dossiers.List(f))
}

// checkFilter refuses a filter the list cannot read: a month other than
// "" (any), a year "2026" or a month "2026-12" (dossier.bad_month, with
// the value), which would otherwise match nothing without saying why.
func checkFilter(f dossier.Filter) error {
	if f.Month == "" {
		return nil
	}
	for _, layout := range []string{"2006", "2006-01"} {
		if t, err := time.Parse(layout, f.Month); err == nil && t.Format(layout) == f.Month {
			return nil
		}
	}
	return apperr.New("dossier.bad_month", "value", f.Month)
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
// most dossier.MaxPage rows). Code: dossier.bad_month, as List.
func (d *DossierAPI) Page(f dossier.Filter, offset, limit int) (dossier.Page, error) {
	if err := checkFilter(f); err != nil {
		return dossier.Page{}, fail(err)
	}
	p, err := d.c.Dossiers.Page(f, offset, limit)
	if err != nil {
		return dossier.Page{}, fail(err)
	}
	// The rows shown are read ahead, once the list rests, for their opening.
	d.c.Dossiers.Prefetch(p.IDs())
	return p, nil
}

// Ready waits until the whole dossier list is read and checked against
// the ledger: a page marked pending (the first page while a large folder
// opens) is then read again.
func (d *DossierAPI) Ready() error {
	if err := d.c.Dossiers.Ready(); err != nil {
		return fail(err)
	}
	return nil
}
