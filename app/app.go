// Package app is the thin layer Wails binds to the frontend. Each bound
// struct forwards to a backend service and turns errors into the JSON form
// of apperr ({"code":…,"params":…}) so the frontend can translate them; no
// business rule lives here.
package app

import (
	"context"
	"errors"

	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/runtime"

	"golive/backend/apperr"
	"golive/backend/core"
)

// fail encodes err for the frontend. An internal error (code "internal",
// or no code at all) is first logged with its detail, and reaches the
// frontend with the log file's path in params.log (see SetLog).
func fail(err error) error {
	if err == nil {
		return nil
	}
	if apperr.Code(err) == apperr.Internal {
		err = logInternal(err)
	}
	return errors.New(apperr.JSON(err))
}

// result returns v, or err encoded for the frontend.
func result[T any](v T, err error) (T, error) {
	if err != nil {
		var zero T
		return zero, fail(err)
	}
	return v, nil
}

// API is every bound struct, built over one core.
type API struct {
	App      *AppAPI
	Profiles *ProfileAPI
	Systems  *SystemAPI
	Dossiers *DossierAPI
	Template *TemplateAPI
	Windows  *WindowAPI
	Docs     *DocumentsAPI
	Roster   *RosterAPI
	Backup   *BackupAPI
	Exchange *ExchangeAPI
	Sync     *SyncAPI
	Stats    *StatsAPI
	Meetings *MeetingAPI
}

// New builds the bound structs over c. When the folder could not be opened
// (openErr, e.g. store.already_open) c is nil and AppAPI.Info reports
// openErr, so the window can say why instead of crashing.
func New(c *core.Core, openErr error) *API {
	syncAPI := &SyncAPI{c: c}
	return &API{
		App:      &AppAPI{c: c, openErr: openErr},
		Profiles: &ProfileAPI{c: c, afterUnlock: syncAPI.Resume},
		Systems:  &SystemAPI{c: c},
		Dossiers: &DossierAPI{c: c},
		Template: &TemplateAPI{c: c},
		Windows:  &WindowAPI{c: c},
		Docs:     &DocumentsAPI{c: c},
		Roster:   &RosterAPI{c: c},
		Backup:   &BackupAPI{c: c},
		Exchange: &ExchangeAPI{c: c},
		Sync:     syncAPI,
		Stats:    &StatsAPI{c: c},
		Meetings: &MeetingAPI{c: c},
	}
}

// Bind lists the structs for wails' Bind option.
func (a *API) Bind() []any {
	return []any{a.App, a.Profiles, a.Systems, a.Dossiers, a.Template, a.Windows, a.Docs, a.Roster, a.Backup, a.Exchange, a.Sync, a.Stats, a.Meetings}
}

// Startup receives the Wails context; kept for runtime calls later.
func (a *API) Startup(ctx context.Context) {
	a.App.ctx, a.Dossiers.ctx, a.Template.ctx, a.Windows.ctx, a.Docs.ctx = ctx, ctx, ctx, ctx, ctx
	a.Profiles.ctx = ctx
	a.Roster.ctx = ctx
	a.Backup.ctx = ctx
	a.Exchange.ctx = ctx
	a.Sync.ctx = ctx
	a.Stats.ctx = ctx
	a.Meetings.ctx = ctx
	a.Sync.Resume()
	go a.App.watchDamage(ctx)
}

// SecondInstance brings this window to the front when GoLive is started
// again on the same data folder, and tells the frontend so it can say that
// the folder is already open here; a start with exchange files (a
// .golive opened with the app) hands them to this window to import instead.
func (a *API) SecondInstance(data options.SecondInstanceData) {
	ctx := a.App.ctx
	if ctx == nil {
		return
	}
	runtime.WindowUnminimise(ctx)
	runtime.Show(ctx)
	if a.Exchange.Open(data.Args, data.WorkingDirectory) {
		return
	}
	runtime.EventsEmit(ctx, "app:second-instance")
}
