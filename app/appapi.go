package app

import (
	"context"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"golive/backend/check"
	"golive/backend/core"
	"golive/backend/demo"
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

// DamagedEvent is the Wails event sent when the background verification
// of the folder's data blocks (core.OpenForApp) finds a damaged block
// after the window opened: the folder has turned read-only, and the
// window reads Info again to show the damage banner.
const DamagedEvent = "store:damaged"

// watchDamage waits for the background verification of the folder's
// blocks and emits DamagedEvent when it found damage (nothing for damage
// found at the open, which Info already reports, nor once the folder was
// closed first).
func (a *AppAPI) watchDamage(ctx context.Context) {
	if a.c == nil || len(a.c.Damage) > 0 {
		return
	}
	if err := a.c.Verified(); err != nil {
		runtime.EventsEmit(ctx, DamagedEvent)
	}
}

// CheckEvent is the Wails event CheckFolder reports its progress with: the
// name of the area being checked (check.Area…).
const CheckEvent = "check:area"

// CheckFolder walks the whole data folder — files, ledger, checkpoints,
// index, records, attachments — and returns what is wrong (check.Open).
// It changes nothing.
func (a *AppAPI) CheckFolder() (check.Report, error) {
	if a.c == nil {
		return check.Report{}, fail(a.openErr)
	}
	return check.Open(a.c, func(area string) {
		if a.ctx != nil {
			runtime.EventsEmit(a.ctx, CheckEvent, area)
		}
	}), nil
}
