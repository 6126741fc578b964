package app

import (
	"path/filepath"

	"golive/backend/apperr"
	"golive/backend/dossier"
	"golive/backend/template"
	"golive/backend/workflow"
)

// Picked is what a dossier call fed by a file the user chose (in a
// native dialog, or dropped on the window) answers: what it recorded, what
// changed meanwhile, and the dossier afterwards. The window reports a
// success only when Name is set.
type Picked struct {
	// Name is the base name of the file the user chose; "" when the
	// dialog was cancelled, and then nothing was recorded.
	Name string `json:"name"`
	// Version is the version the call added to the deliverable (attach,
	// record package); nil when cancelled and for a package check.
	Version *workflow.Version `json:"version"`
	// Arrived lists the versions of the deliverable (for a package check:
	// of the release package) that were added another way while the dialog
	// was open (an upload, an exchange file, a sync), oldest first. The
	// view holds them; the window names them.
	Arrived []workflow.Version `json:"arrived"`
	// View is the dossier afterwards.
	View dossier.View `json:"view"`
}

// openDialog shows the open dialog dlg about subject and returns the
// chosen path, or "" when the user cancels (d.choose in tests).
func (d *DossierAPI) openDialog(dlg dialog, subject template.Text) (string, error) {
	if d.choose != nil {
		return d.choose(dlg)
	}
	return openFile(d.ctx, d.c, dlg, subject)
}

// pick asks for a file with dialog dlg and hands its path to do, which
// records it and answers the dossier afterwards (its error already
// encoded for the window). deliverable is the one the versions added
// meanwhile, or by do, are looked for in. A cancelled dialog records
// nothing and answers Name "".
func (d *DossierAPI) pick(id, deliverable string, dlg dialog, subject template.Text, do func(path string) (dossier.View, error)) (Picked, error) {
	before, err := d.c.Dossiers.Get(id)
	if err != nil {
		return Picked{}, fail(err)
	}
	path, err := d.openDialog(dlg, subject)
	if err != nil {
		return Picked{}, fail(apperr.Wrap(err, "app.dialog_failed"))
	}
	now, err := d.c.Dossiers.Get(id)
	if err != nil {
		return Picked{}, fail(err)
	}
	out := Picked{Arrived: added(before, now, deliverable), View: now}
	if path == "" {
		return out, nil
	}
	return d.record(out, deliverable, path, do)
}

// record runs do on path and completes p (the dossier as it was just
// before) with the file's name, the version do added and the dossier
// afterwards.
func (d *DossierAPI) record(p Picked, deliverable, path string, do func(path string) (dossier.View, error)) (Picked, error) {
	v, err := do(path)
	if err != nil {
		return Picked{}, err
	}
	if mine := added(p.View, v, deliverable); len(mine) > 0 {
		p.Version = &mine[len(mine)-1]
	}
	p.Name, p.View = filepath.Base(path), v
	if p.Arrived == nil {
		p.Arrived = []workflow.Version{}
	}
	return p, nil
}

// added returns the versions of deliverable that after holds and before
// does not, in after's order.
func added(before, after dossier.View, deliverable string) []workflow.Version {
	had := map[string]bool{}
	for _, v := range versionsOf(before, deliverable) {
		had[v.Event] = true
	}
	out := []workflow.Version{}
	for _, v := range versionsOf(after, deliverable) {
		if !had[v.Event] {
			out = append(out, v)
		}
	}
	return out
}

// versionsOf returns the versions of deliverable in v.
func versionsOf(v dossier.View, deliverable string) []workflow.Version {
	if v.State.Flow == nil {
		return nil
	}
	return v.State.Flow.Deliverables[deliverable]
}

// packageOf returns the id of the release package deliverable of the
// dossier id ("" when its plan has none).
func (d *DossierAPI) packageOf(id string) string {
	v, err := d.c.Dossiers.Get(id)
	if err != nil || v.State.Plan == nil {
		return ""
	}
	p, ok := v.State.Plan.Package()
	if !ok {
		return ""
	}
	return p.ID
}

// AttachFromDialog asks for a file with the native dialog and attaches
// it. A cancelled dialog records nothing (Name ""); versions added
// meanwhile come in Arrived.
func (d *DossierAPI) AttachFromDialog(id, deliverable, note string) (Picked, error) {
	return d.pick(id, deliverable, dialogAttach, d.deliverableName(id, deliverable), func(path string) (dossier.View, error) {
		return d.attachFile(id, deliverable, path, note)
	})
}

// RecordPackageFromDialog asks for the release package and records its
// name, size and SHA-256 without copying it. A cancelled dialog records
// nothing (Name ""); versions added meanwhile come in Arrived.
func (d *DossierAPI) RecordPackageFromDialog(id, deliverable string) (Picked, error) {
	return d.pick(id, deliverable, dialogRecordPackage, d.deliverableName(id, deliverable), func(path string) (dossier.View, error) {
		return d.recordPackageAt(id, deliverable, path)
	})
}

// CheckPackageFromDialog asks for the package actually deployed and
// compares its SHA-256 with the approved one (View's package check). A
// cancelled dialog records nothing (Name ""); release package versions
// added meanwhile, which the check compares with, come in Arrived.
func (d *DossierAPI) CheckPackageFromDialog(id string) (Picked, error) {
	return d.pick(id, d.packageOf(id), dialogCheckPackage, d.packageName(id), func(path string) (dossier.View, error) {
		return d.checkPackageAt(id, path)
	})
}

// RecordPackageDropped is RecordPackageFromDialog for a file dropped on
// the release package (the window's file drop gives its path): it is
// recorded by name, size and SHA-256, never copied, whatever its size.
func (d *DossierAPI) RecordPackageDropped(id, deliverable, path string) (Picked, error) {
	now, err := d.c.Dossiers.Get(id)
	if err != nil {
		return Picked{}, fail(err)
	}
	return d.record(Picked{View: now}, deliverable, path, func(path string) (dossier.View, error) {
		return d.recordPackageAt(id, deliverable, path)
	})
}

// CheckPackageDropped is CheckPackageFromDialog for a file dropped on the
// package check (the window's file drop gives its path).
func (d *DossierAPI) CheckPackageDropped(id, path string) (Picked, error) {
	now, err := d.c.Dossiers.Get(id)
	if err != nil {
		return Picked{}, fail(err)
	}
	return d.record(Picked{View: now}, d.packageOf(id), path, func(path string) (dossier.View, error) {
		return d.checkPackageAt(id, path)
	})
}
