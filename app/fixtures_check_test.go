package app_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"time"

	"golive/app"
	"golive/backend/apperr"
	"golive/backend/core"
	"golive/backend/system"
)

// fixtureFolder stands for the data folder in recordings.
const fixtureFolder = "/home/user/.config/GoLive"

// portable returns v as JSON-decoded data with the folder dir written as
// fixtureFolder, so recordings do not depend on the temporary folder.
func portable(r *recorder, v any, dir string) any {
	b, err := json.Marshal(v)
	if err != nil {
		r.t.Fatal(err)
	}
	var out any
	if err := json.Unmarshal([]byte(strings.ReplaceAll(string(b), dir, fixtureFolder)), &out); err != nil {
		r.t.Fatal(err)
	}
	return out
}

// recordCheck: the folder check of the sample (nothing wrong), and a
// folder whose table fails its checksum, opened read-only with its damage
// told (AppAPI.Info) and checked.
func recordCheck(r *recorder) {
	rep, err := r.api.App.CheckFolder()
	r.must("check", "", "AppAPI.CheckFolder", nil, portable(r, rep, r.c.Store.Dir()), err)

	dir := filepath.Join(r.t.TempDir(), "damaged")
	c, err := core.Open(dir)
	if err != nil {
		r.t.Fatal(err)
	}
	// The same bytes every run, so the same block is damaged.
	c.Clock = func() time.Time { return fixtureClock }
	for i := 0; i < 400; i++ {
		sys := system.System{Code: "SYS" + string(rune('A'+i%26)) + string(rune('A'+i/26)), Name: "System " + strings.Repeat("x", i%40), Class: "java", Department: "IT", Owner: "Owner"}
		if _, err := c.Systems.Save(sys, true); err != nil {
			r.t.Fatal(err)
		}
	}
	c.Close()
	tables, _ := filepath.Glob(filepath.Join(dir, "*.sst"))
	if len(tables) == 0 {
		r.t.Fatal("no table written")
	}
	b, err := os.ReadFile(tables[0])
	if err != nil {
		r.t.Fatal(err)
	}
	b[len(b)/3] ^= 0x01
	if err := os.WriteFile(tables[0], b, 0o600); err != nil {
		r.t.Fatal(err)
	}
	d, err := core.OpenForApp(dir)
	if err != nil {
		r.t.Fatalf("a folder with a damaged block should open: %v", err)
	}
	defer d.Close()
	// The blocks are verified after the open; the folder turns read-only.
	if err := d.Verified(); !apperr.HasCode(err, "store.damaged") {
		r.t.Fatalf("the verification of the blocks: want store.damaged, got %v", err)
	}
	api := app.New(d, nil)
	info, err := api.App.Info()
	if err != nil || !info.ReadOnly || len(info.Damage) != 1 {
		r.t.Fatalf("damaged info: %+v %v", info, err)
	}
	info.DataDir = fixtureFolder
	// Badger's words name the block, which moves with the table's bytes.
	for i := range info.Damage {
		info.Damage[i].Detail = ""
	}
	r.must("damaged", "", "AppAPI.Info", nil, portable(r, info, dir), nil)
	bad, err := api.App.CheckFolder()
	if err != nil || bad.OK {
		r.t.Fatalf("damaged check: %+v %v", bad, err)
	}
	for i := range bad.Findings {
		bad.Findings[i].Detail = ""
	}
	r.must("damaged", "", "AppAPI.CheckFolder", nil, portable(r, bad, dir), nil)
}
