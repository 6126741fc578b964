package app

import (
	"context"
	"errors"

	"golive/backend/core"
	"golive/backend/template"
	"golive/backend/templates"
)

// TemplateAPI exposes the process templates and the PMO's editor.
type TemplateAPI struct {
	c   *core.Core
	ctx context.Context
}

// Current returns the template new dossiers pin.
func (t *TemplateAPI) Current() (*template.Template, error) { return t.c.Template(), nil }

// List returns every stored template version.
func (t *TemplateAPI) List() ([]templates.Info, error) { return result(t.c.Templates.List()) }

// Get returns the template version key.
func (t *TemplateAPI) Get(key string) (*template.Template, error) {
	return result(t.c.Templates.Get(key))
}

// Validate checks an edited template and returns every problem (empty
// when it is valid).
func (t *TemplateAPI) Validate(tpl template.Template) []template.Problem {
	var ve *template.ValidationError
	if err := tpl.Validate(); errors.As(err, &ve) {
		return ve.Problems
	}
	return []template.Problem{}
}

// Save stores an edited template as a new version; makeCurrent makes new
// dossiers pin it. Needs the template editor role.
func (t *TemplateAPI) Save(tpl template.Template, makeCurrent bool) (templates.Info, error) {
	me, _, err := t.c.Profiles.Signer()
	if err != nil {
		return templates.Info{}, fail(err)
	}
	return result(t.c.Templates.Save(&tpl, me.Name, me.Roles, makeCurrent))
}

// SetCurrent makes a stored version the one new dossiers pin.
func (t *TemplateAPI) SetCurrent(key string) error { return fail(t.c.Templates.SetCurrent(key)) }

// ExportToDialog writes a version as JSON where the user picks; it returns
// the path, or "" when cancelled.
func (t *TemplateAPI) ExportToDialog(key string) (string, error) {
	path, err := saveFile(t.ctx, t.c, dialogExportTemplate, key+".json")
	if err != nil || path == "" {
		return "", fail(err)
	}
	return path, t.exportTo(key, path)
}

// exportTo writes a version as JSON to path (tests, ExportPath).
func (t *TemplateAPI) exportTo(key, path string) error {
	return fail(t.c.Templates.Export(key, path))
}

// ImportFromDialog reads a template JSON file the user picks, validates it
// and stores it as a new version.
func (t *TemplateAPI) ImportFromDialog() (templates.Info, error) {
	path, err := openFile(t.ctx, t.c, dialogImportTemplate)
	if err != nil || path == "" {
		return templates.Info{}, fail(err)
	}
	return t.importFrom(path)
}

// importFrom is ImportFromDialog for a known path (tests, ImportPath).
func (t *TemplateAPI) importFrom(path string) (templates.Info, error) {
	me, _, err := t.c.Profiles.Signer()
	if err != nil {
		return templates.Info{}, fail(err)
	}
	return result(t.c.Templates.Import(path, me.Name, me.Roles))
}
