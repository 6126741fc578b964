package syncdir

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Watch syncs now, then whenever the sync folder's packs change (fsnotify,
// after Debounce without further change) and every Scan (for network
// drives that send no change notices), until ctx ends. onChange receives
// every sync's result and error. A folder whose notices cannot be watched
// is still scanned.
func (f *Folder) Watch(ctx context.Context, onChange func(Result, error)) {
	run := func() {
		res, err := f.Sync(ctx)
		if ctx.Err() == nil && onChange != nil {
			onChange(res, err)
		}
	}
	run()
	packs := packsDir(f.dir)
	var notices <-chan fsnotify.Event
	if w, err := fsnotify.NewWatcher(); err == nil {
		defer w.Close()
		if w.Add(packs) == nil {
			notices = w.Events
			addWriters(w, packs)
		}
		go func() {
			for range w.Errors {
				// Overflows and lost watches: the periodic scan catches up.
			}
		}()
		watchNew := func(ev fsnotify.Event) {
			if ev.Has(fsnotify.Create) && filepath.Dir(ev.Name) == packs {
				if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
					_ = w.Add(ev.Name)
				}
			}
		}
		f.loop(ctx, notices, watchNew, f.Scan, run)
		return
	}
	f.loop(ctx, nil, func(fsnotify.Event) {}, f.Scan, run)
}

// loop runs run after every burst of notices and every scan period.
func (f *Folder) loop(ctx context.Context, notices <-chan fsnotify.Event, seen func(fsnotify.Event), scan time.Duration, run func()) {
	if scan <= 0 {
		scan = DefaultScan
	}
	debounce := f.Debounce
	if debounce <= 0 {
		debounce = DefaultDebounce
	}
	ticker := time.NewTicker(scan)
	defer ticker.Stop()
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-notices:
			if !ok {
				notices = nil
				continue
			}
			seen(ev)
			if strings.HasPrefix(filepath.Base(ev.Name), ".") {
				continue // a temporary file: its rename will follow
			}
			timer.Reset(debounce)
		case <-timer.C:
			run()
		case <-ticker.C:
			run()
		}
	}
}

// addWriters watches every writer folder under packs.
func addWriters(w *fsnotify.Watcher, packs string) {
	entries, _ := os.ReadDir(packs)
	for _, e := range entries {
		if e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
			_ = w.Add(filepath.Join(packs, e.Name()))
		}
	}
}
