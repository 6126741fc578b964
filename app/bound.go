package app

import (
	"context"
	"errors"
	"sort"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"golive/backend/apperr"
	"golive/backend/core"
	"golive/backend/demo"
	"golive/backend/dossier"
	"golive/backend/profile"
	"golive/backend/system"
	"golive/backend/template"
	"golive/backend/templates"
)

// AppAPI answers questions about the app and its data folder.
type AppAPI struct {
	c       *core.Core
	openErr error
	ctx     context.Context
}

// Info describes the running app and its data folder, or says why the
// folder could not be opened (store.already_open, store.open_failed).
func (a *AppAPI) Info() (core.Info, error) {
	if a.openErr != nil {
		return core.Info{}, fail(a.openErr)
	}
	return result(a.c.Info())
}

// LoadSampleData fills the current, empty data folder with the sample
// portfolio. Code core.not_empty when the folder already holds data.
func (a *AppAPI) LoadSampleData() (demo.Summary, error) { return result(a.c.LoadSample()) }

// Preferences returns the stored UI preferences.
func (a *AppAPI) Preferences() (core.Preferences, error) { return result(a.c.Preferences()) }

// SetPreferences stores the UI preferences.
func (a *AppAPI) SetPreferences(p core.Preferences) error { return fail(a.c.SetPreferences(p)) }

// ProfileAPI manages local profiles.
type ProfileAPI struct{ c *core.Core }

// List returns every local profile.
func (p *ProfileAPI) List() ([]profile.Summary, error) { return result(p.c.Profiles.List()) }

// Create makes a profile and unlocks it.
func (p *ProfileAPI) Create(req profile.CreateRequest) (profile.Summary, error) {
	return result(p.c.CreateProfile(req))
}

// Unlock opens a profile with its passphrase and makes it current.
func (p *ProfileAPI) Unlock(id, passphrase string) (profile.Summary, error) {
	return result(p.c.Unlock(id, passphrase))
}

// Lock forgets the unlocked key.
func (p *ProfileAPI) Lock() { p.c.Lock() }

// Certificate returns the PDF-signing certificate of profile id (subject,
// fingerprint, validity), made the first time the profile unlocked.
func (p *ProfileAPI) Certificate(id string) (profile.Certificate, error) {
	return result(p.c.Profiles.Certificate(id))
}

// Current returns the unlocked profile, or null.
func (p *ProfileAPI) Current() *profile.Summary { return p.c.Profiles.Current() }

// Identities lists every known person (public key, name, department,
// roles), for naming a delegate and showing authors.
func (p *ProfileAPI) Identities() ([]profile.Identity, error) {
	ids, err := p.c.Profiles.Identities()
	if err != nil {
		return nil, fail(err)
	}
	out := make([]profile.Identity, 0, len(ids))
	for _, id := range ids {
		out = append(out, id)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

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

// DossierAPI creates, edits and lists release dossiers and drives their
// workflow.
type DossierAPI struct {
	c   *core.Core
	ctx context.Context
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
	if t.ctx == nil {
		return "", fail(apperr.New("app.no_window"))
	}
	path, err := runtime.SaveFileDialog(t.ctx, runtime.SaveDialogOptions{DefaultFilename: key + ".json"})
	if err != nil || path == "" {
		return "", fail(err)
	}
	return path, t.ExportPath(key, path)
}

// ExportPath writes a version as JSON to path.
func (t *TemplateAPI) ExportPath(key, path string) error {
	return fail(t.c.Templates.Export(key, path))
}

// ImportFromDialog reads a template JSON file the user picks, validates it
// and stores it as a new version.
func (t *TemplateAPI) ImportFromDialog() (templates.Info, error) {
	if t.ctx == nil {
		return templates.Info{}, fail(apperr.New("app.no_window"))
	}
	path, err := runtime.OpenFileDialog(t.ctx, runtime.OpenDialogOptions{})
	if err != nil || path == "" {
		return templates.Info{}, fail(err)
	}
	return t.ImportPath(path)
}

// ImportPath is ImportFromDialog for a known path.
func (t *TemplateAPI) ImportPath(path string) (templates.Info, error) {
	me, _, err := t.c.Profiles.Signer()
	if err != nil {
		return templates.Info{}, fail(err)
	}
	return result(t.c.Templates.Import(path, me.Name, me.Roles))
}
