package app

import (
	"context"
	"os"
	"path/filepath"

	"golive/backend/apperr"
	"golive/backend/core"
	"golive/backend/roster"
	"golive/backend/xlsx"
)

// RosterAPI is the roster page (组织名册): everyone reads the roster in
// force and accepts roster files; the PMO imports a workbook into the
// draft, edits it, publishes it and exports the roster file. Who may do
// what is decided by the backend (roster.Service.Editor).
type RosterAPI struct {
	c   *core.Core
	ctx context.Context
}

// The roster page's native file dialogs.
const (
	dialogImportRosterSheet dialog = "import_roster_sheet"
	dialogExportRoster      dialog = "export_roster"
	dialogAcceptRoster      dialog = "accept_roster"
)

// init adds the roster dialogs to the catalogue of dialogs.go.
func init() {
	dialogFilters[dialogImportRosterSheet] = []fileFilter{{"filter.xlsx", "*.xlsx"}}
	dialogFilters[dialogExportRoster] = []fileFilter{{"filter.roster", "*" + roster.FileExt}}
	dialogFilters[dialogAcceptRoster] = []fileFilter{{"filter.roster", "*" + roster.FileExt}}
	for lang, text := range map[string]map[string]string{
		"zh-CN": {
			string(dialogImportRosterSheet): "导入组织名册表格",
			string(dialogExportRoster):      "导出组织名册文件",
			string(dialogAcceptRoster):      "选择收到的组织名册文件",
			"filter.roster":                 "组织名册文件 (*" + roster.FileExt + ")",
		},
		"en": {
			string(dialogImportRosterSheet): "Import roster workbook",
			string(dialogExportRoster):      "Export roster file",
			string(dialogAcceptRoster):      "Choose the roster file you received",
			"filter.roster":                 "Roster files (*" + roster.FileExt + ")",
		},
	} {
		for k, v := range text {
			dialogText[lang][k] = v
		}
	}
}

// RosterImport is what a dialog-driven roster call returns.
type RosterImport struct {
	// Path is the file the user chose; "" when he cancelled (then nothing changed).
	Path string `json:"path"`
	// Overview is the roster page afterwards.
	Overview roster.Overview `json:"overview"`
}

// RosterFilePreview describes a roster file the user chose to accept.
type RosterFilePreview struct {
	// Path is the file the user chose; "" when he cancelled.
	Path string `json:"path"`
	// Preview is what the file holds: the root PMO and its fingerprint.
	Preview roster.Preview `json:"preview"`
}

// Overview returns what the roster page shows.
func (r *RosterAPI) Overview() (roster.Overview, error) { return result(r.c.Roster.Overview()) }

// overview returns the page after a change that succeeded.
func (r *RosterAPI) overview(err error) (roster.Overview, error) {
	if err != nil {
		return roster.Overview{}, fail(err)
	}
	return r.Overview()
}

// ImportSheetFromDialog reads a roster workbook (.xlsx) the user picks
// into the draft. A refused workbook changes nothing and its error names
// the sheet, row and column (roster.sheet_* codes).
func (r *RosterAPI) ImportSheetFromDialog() (RosterImport, error) {
	path, err := openFile(r.ctx, r.c, dialogImportRosterSheet)
	if err != nil || path == "" {
		return RosterImport{}, fail(err)
	}
	return r.importSheet(path)
}

// importSheet is ImportSheetFromDialog for a known path (tests).
func (r *RosterAPI) importSheet(path string) (RosterImport, error) {
	f, err := os.Open(path)
	if err != nil {
		return RosterImport{}, fail(apperr.Wrap(err, xlsx.CodeRosterUnreadable))
	}
	defer f.Close()
	if _, err := r.c.ImportRosterSheet(f, filepath.Base(path)); err != nil {
		return RosterImport{}, fail(err)
	}
	o, err := r.Overview()
	return RosterImport{Path: path, Overview: o}, err
}

// SaveDraft replaces the draft with the PMO's edit; an edit that is not a
// valid next version is refused with its code and changes nothing.
func (r *RosterAPI) SaveDraft(draft roster.Roster) (roster.Overview, error) {
	_, err := r.c.Roster.EditDraft(draft, "")
	return r.overview(err)
}

// EditInForce starts a draft from the version in force.
func (r *RosterAPI) EditInForce() (roster.Overview, error) {
	_, err := r.c.Roster.DraftFromInForce()
	return r.overview(err)
}

// DiscardDraft drops the draft.
func (r *RosterAPI) DiscardDraft() (roster.Overview, error) {
	return r.overview(r.c.DiscardRosterDraft())
}

// Publish signs the draft with note as the next version with the unlocked
// profile's key (the PMO's).
func (r *RosterAPI) Publish(note string) (roster.Overview, error) {
	_, err := r.c.PublishRosterDraft(note)
	return r.overview(err)
}

// ExportFromDialog writes the published versions as a roster file where
// the user picks; it returns the path, or "" when cancelled.
func (r *RosterAPI) ExportFromDialog() (string, error) {
	path, err := saveFile(r.ctx, r.c, dialogExportRoster, "roster"+roster.FileExt)
	if err != nil || path == "" {
		return "", fail(err)
	}
	return path, r.exportTo(path)
}

// exportTo is ExportFromDialog for a known path (tests).
func (r *RosterAPI) exportTo(path string) error {
	b, _, err := r.c.Roster.Export()
	if err != nil {
		return fail(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		return fail(apperr.Wrap(err, "roster.write_failed", "path", path))
	}
	return nil
}

// PreviewFromDialog reads a roster file the user picks and describes it
// (the root PMO's fingerprint to compare) without changing anything.
func (r *RosterAPI) PreviewFromDialog() (RosterFilePreview, error) {
	path, err := openFile(r.ctx, r.c, dialogAcceptRoster)
	if err != nil || path == "" {
		return RosterFilePreview{}, fail(err)
	}
	return r.preview(path)
}

// preview is PreviewFromDialog for a known path (tests).
func (r *RosterAPI) preview(path string) (RosterFilePreview, error) {
	f, err := readRosterFile(path)
	if err != nil {
		return RosterFilePreview{}, fail(err)
	}
	p, err := r.c.Roster.Preview(f)
	if err != nil {
		return RosterFilePreview{}, fail(err)
	}
	return RosterFilePreview{Path: path, Preview: p}, nil
}

// Accept adds the roster file at path (from PreviewFromDialog); a folder
// that pins no PMO key needs the fingerprint the user confirmed.
func (r *RosterAPI) Accept(path, fingerprint string) (roster.Overview, error) {
	f, err := readRosterFile(path)
	if err != nil {
		return roster.Overview{}, fail(err)
	}
	_, err = r.c.Roster.Accept(f, fingerprint)
	return r.overview(err)
}

// readRosterFile reads and parses the roster file at path.
func readRosterFile(path string) (roster.File, error) {
	f, err := os.Open(path)
	if err != nil {
		return roster.File{}, apperr.Wrap(err, roster.CodeFileMalformed, "path", path)
	}
	defer f.Close()
	return roster.ReadFile(f)
}
