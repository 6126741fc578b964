package app_test

import (
	"os"
	"path/filepath"

	"golive/app"
	"golive/backend/fsplace"
)

// recordPlace: the info of a data folder made inside a Syncthing folder
// (a real .stfolder marker in its parent), which the window warns about.
func recordPlace(r *recorder) {
	synced := filepath.Join(r.t.TempDir(), "Sync")
	if err := os.MkdirAll(filepath.Join(synced, ".stfolder"), 0o755); err != nil {
		r.t.Fatal(err)
	}
	c := openAt(r.t, filepath.Join(synced, "GoLive"))
	info, err := app.New(c, nil).App.Info()
	if err != nil {
		r.t.Fatal(err)
	}
	p := info.Place
	if p.Kind != fsplace.KindSyncthing || p.Detail != ".stfolder" || filepath.Base(p.Root) != "Sync" || !fsplace.Contains(p.Root, info.DataDir) {
		r.t.Fatalf("a data folder in a Syncthing folder: %+v", p)
	}
	info.DataDir = "/home/user/Sync/GoLive"
	info.Place.Root = "/home/user/Sync"
	r.must("place", "", "AppAPI.Info", nil, info, nil)
}
