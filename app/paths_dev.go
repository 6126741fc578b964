//go:build dev

package app

// The …Path methods are the dialog-free twins of the …FromDialog and
// …ToDialog methods, for the end-to-end tests (e2e/), which cannot click
// through a native file dialog. They are bound only in the dev build
// (scripts/build.sh dev, tag dev): the production binary holds none of
// them. Each forwards to the helper its dialog method uses.

import (
	"golive/backend/documents"
	"golive/backend/dossier"
	"golive/backend/holiday"
	"golive/backend/templates"
	"golive/backend/verify"
)

// ExportPDFPath is ExportPDF to a known path.
func (d *DocumentsAPI) ExportPDFPath(req documents.Request, path string) (Exported, error) {
	return d.exportPDFTo(req, path)
}

// VerifyPath is VerifyFromDialog for a known path.
func (d *DocumentsAPI) VerifyPath(path string) (verify.Report, error) { return d.verifyFile(path) }

// ExportPath writes a template version as JSON to path.
func (t *TemplateAPI) ExportPath(key, path string) error { return t.exportTo(key, path) }

// ImportPath is ImportFromDialog for a known path.
func (t *TemplateAPI) ImportPath(path string) (templates.Info, error) { return t.importFrom(path) }

// ImportHolidaysPath imports a year's holidays from the file at path.
func (w *WindowAPI) ImportHolidaysPath(year int, path string) (holiday.Year, error) {
	return w.importHolidaysFrom(year, path)
}

// ExportICSPath writes the plan in force of year as an .ics file at path.
func (w *WindowAPI) ExportICSPath(year int, path string) error { return w.exportICSTo(year, path) }

// AttachPath attaches the file at path, streaming it with progress events.
func (d *DossierAPI) AttachPath(id, deliverable, path, note string) (dossier.View, error) {
	return d.attachFile(id, deliverable, path, note)
}

// RecordPackagePath is RecordPackageFromDialog for a known path.
func (d *DossierAPI) RecordPackagePath(id, deliverable, path string) (dossier.View, error) {
	return d.recordPackageAt(id, deliverable, path)
}

// CheckPackagePath is CheckPackageFromDialog for a known path.
func (d *DossierAPI) CheckPackagePath(id, path string) (dossier.View, error) {
	return d.checkPackageAt(id, path)
}
