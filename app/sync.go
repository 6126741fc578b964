package app

import (
	"context"
	"sync"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"golive/backend/apperr"
	"golive/backend/core"
	"golive/backend/syncdir"
)

// SyncStatusEvent is the Wails event every sync emits, with the folder's
// syncdir.Status.
const SyncStatusEvent = "sync:status"

// dialogSyncFolder asks for the shared sync folder.
const dialogSyncFolder dialog = "sync_folder"

// init adds the sync folder dialog to the catalogue of dialogs.go (Chinese
// written as escapes: Go sources hold no Chinese text).
func init() {
	dialogFilters[dialogSyncFolder] = nil
	dialogText["zh-CN"][string(dialogSyncFolder)] = "\u9009\u62e9\u5171\u4eab\u540c\u6b65\u6587\u4ef6\u5939" // choose the shared sync folder
	dialogText["en"][string(dialogSyncFolder)] = "Choose the shared sync folder"
}

// SyncAPI points the data folder at a shared sync folder (the settings
// page's sync section) and keeps it in step: a watcher runs while the app
// is open (on start, after an unlock, when the folder changes, and every
// minute), and every sync emits SyncStatusEvent. The rules are
// syncdir's; this only binds them.
type SyncAPI struct {
	c   *core.Core
	ctx context.Context

	mu     sync.Mutex
	folder *syncdir.Folder
	// stop ends the running watcher (nil when none runs).
	stop context.CancelFunc
}

// Status returns the chosen folder's status (an empty Folder when none is
// chosen).
func (s *SyncAPI) Status() (syncdir.Status, error) {
	if s.c == nil {
		return syncdir.Status{}, fail(apperr.New(syncdir.CodeNoFolder))
	}
	return result(s.status())
}

func (s *SyncAPI) status() (syncdir.Status, error) {
	f, err := s.current()
	if err != nil || f == nil {
		return syncdir.Status{Failed: []syncdir.FileProblem{}}, err
	}
	st, err := f.Status()
	if st.Failed == nil {
		st.Failed = []syncdir.FileProblem{}
	}
	s.mu.Lock()
	st.Watching = s.stop != nil
	s.mu.Unlock()
	return st, err
}

// current returns the chosen folder, opening it the first time (nil when
// none is chosen).
func (s *SyncAPI) current() (*syncdir.Folder, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.folder != nil {
		return s.folder, nil
	}
	dir, err := syncdir.Chosen(s.c)
	if err != nil || dir == "" {
		return nil, err
	}
	f, err := syncdir.Open(s.c, dir)
	if err != nil {
		return nil, err
	}
	s.folder = f
	return f, nil
}

// ChooseFolder asks for the sync folder, keeps it and syncs. It returns
// the current status unchanged when the user cancels. Codes: those of
// SetFolder.
func (s *SyncAPI) ChooseFolder() (syncdir.Status, error) {
	if s.c == nil {
		return syncdir.Status{}, fail(apperr.New(syncdir.CodeNoFolder))
	}
	path, err := openFolder(s.ctx, s.c, dialogSyncFolder)
	if err != nil {
		return syncdir.Status{}, fail(err)
	}
	if path == "" {
		return s.Status()
	}
	return s.SetFolder(path)
}

// SetFolder keeps path as the sync folder and syncs once (with a window,
// the watcher then keeps it in step). Codes: syncdir.not_found,
// syncdir.inside_data, syncdir.io, store codes.
func (s *SyncAPI) SetFolder(path string) (syncdir.Status, error) {
	if s.c == nil {
		return syncdir.Status{}, fail(apperr.New(syncdir.CodeNoFolder))
	}
	f, err := syncdir.Open(s.c, path)
	if err != nil {
		return syncdir.Status{}, fail(err)
	}
	if err := syncdir.Choose(s.c, f.Dir()); err != nil {
		return syncdir.Status{}, fail(err)
	}
	s.halt()
	s.mu.Lock()
	s.folder = f
	s.mu.Unlock()
	if s.ctx != nil {
		s.Resume()
		return s.Status()
	}
	if _, err := f.Sync(context.Background()); err != nil {
		return syncdir.Status{}, fail(err)
	}
	return s.Status()
}

// SyncNow publishes and reads once (立即同步). Code syncdir.no_folder when
// no folder is chosen, those of syncdir.Folder.Sync.
func (s *SyncAPI) SyncNow() (syncdir.Result, error) {
	if s.c == nil {
		return syncdir.Result{}, fail(apperr.New(syncdir.CodeNoFolder))
	}
	f, err := s.current()
	if err != nil {
		return syncdir.Result{}, fail(err)
	}
	if f == nil {
		return syncdir.Result{}, fail(apperr.New(syncdir.CodeNoFolder))
	}
	res, err := f.Sync(context.Background())
	s.emit(res)
	return result(tidy(res), err)
}

// Leave stops syncing with the folder (nothing in it is touched; the
// local record stays, so joining again reads only what is new).
func (s *SyncAPI) Leave() error {
	if s.c == nil {
		return fail(apperr.New(syncdir.CodeNoFolder))
	}
	s.halt()
	s.mu.Lock()
	s.folder = nil
	s.mu.Unlock()
	if err := syncdir.Choose(s.c, ""); err != nil {
		return fail(err)
	}
	if s.ctx != nil {
		runtime.EventsEmit(s.ctx, SyncStatusEvent, syncdir.Status{Failed: []syncdir.FileProblem{}})
	}
	return nil
}

// Resume starts the watcher of the chosen folder (on start and after an
// unlock: a watcher running already syncs now). Without a window or a
// chosen folder it does nothing.
func (s *SyncAPI) Resume() {
	if s.c == nil || s.ctx == nil {
		return
	}
	f, err := s.current()
	if err != nil || f == nil {
		return
	}
	s.mu.Lock()
	running := s.stop != nil
	s.mu.Unlock()
	if running {
		go func() { res, _ := f.Sync(s.ctx); s.emit(res) }()
		return
	}
	ctx, stop := context.WithCancel(s.ctx)
	s.mu.Lock()
	s.stop = stop
	s.mu.Unlock()
	go f.Watch(ctx, func(res syncdir.Result, _ error) { s.emit(res) })
}

// halt stops the running watcher.
func (s *SyncAPI) halt() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stop != nil {
		s.stop()
		s.stop = nil
	}
}

// emit tells the window the status after a sync, and what each pack
// brought (ImportedEvent, as a dropped exchange file does).
func (s *SyncAPI) emit(res syncdir.Result) {
	if s.ctx == nil {
		return
	}
	for _, rep := range res.Imported {
		if !rep.Nothing() {
			runtime.EventsEmit(s.ctx, ImportedEvent, rep)
		}
	}
	if st, err := s.status(); err == nil {
		runtime.EventsEmit(s.ctx, SyncStatusEvent, st)
	}
}

// tidy gives a result's lists as empty arrays, not null, for the window.
func tidy(res syncdir.Result) syncdir.Result {
	if res.Imported == nil {
		res.Imported = []core.ImportReport{}
	}
	if res.Failed == nil {
		res.Failed = []syncdir.FileProblem{}
	}
	return res
}
