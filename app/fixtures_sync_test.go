package app_test

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// fixtureSyncFolder stands for the shared sync folder in recordings.
const fixtureSyncFolder = "/home/user/Sync"

// portableSync is portable with the sync folder s written as
// fixtureSyncFolder.
func portableSync(r *recorder, v any, s string) any {
	b, err := json.Marshal(portable(r, v, r.c.Store.Dir()))
	if err != nil {
		r.t.Fatal(err)
	}
	var out any
	if err := json.Unmarshal([]byte(strings.ReplaceAll(string(b), s, fixtureSyncFolder)), &out); err != nil {
		r.t.Fatal(err)
	}
	return out
}

// recordSync: the settings page's sync section. No folder chosen; a
// folder inside the data folder refused; a shared folder chosen (the
// sample published into it); a sync that finds nothing new; a pack with a
// flipped byte, refused and listed; leaving the folder.
func recordSync(r *recorder) {
	api := r.api.Sync
	st, err := api.Status()
	r.must("sync", "", "SyncAPI.Status", nil, st, err)
	// The top bar asks on every screen: no sync folder chosen.
	r.must("base", "", "SyncAPI.Status", nil, st, err)

	inside := filepath.Join(r.c.Store.Dir(), "sync")
	if err := os.MkdirAll(inside, 0o755); err != nil {
		r.t.Fatal(err)
	}
	_, err = api.SetFolder(inside)
	r.fails("sync", "SyncAPI.SetFolder", []any{filepath.Join(fixtureFolder, "sync")}, "syncdir.inside_data", fixtureError(r, err))
	_ = os.RemoveAll(inside)

	s := filepath.Join(r.t.TempDir(), "Sync")
	if err := os.MkdirAll(s, 0o755); err != nil {
		r.t.Fatal(err)
	}
	st, err = api.SetFolder(s)
	if err != nil || st.Published == 0 || st.Unpublished != 0 || st.Files != 1 {
		r.t.Fatalf("choosing the sync folder: %+v %v", st, err)
	}
	r.must("sync", "", "SyncAPI.SetFolder", []any{fixtureSyncFolder}, portableSync(r, st, s), nil)
	r.must("sync", "", "SyncAPI.Status", nil, portableSync(r, st, s), nil)

	res, err := api.SyncNow()
	if err != nil || res.Published != 0 || res.Read != 0 {
		r.t.Fatalf("a sync with nothing new: %+v %v", res, err)
	}
	r.must("sync", "", "SyncAPI.SyncNow", nil, portableSync(r, res, s), nil)

	var pack string
	_ = filepath.Walk(filepath.Join(s, "golive", "packs"), func(p string, fi os.FileInfo, err error) error {
		if err == nil && strings.HasSuffix(p, ".pack") {
			pack = p
		}
		return nil
	})
	raw, err := os.ReadFile(pack)
	if err != nil {
		r.t.Fatal(err)
	}
	raw = damagedPack(r, raw)
	bad := filepath.Join(s, "golive", "packs", "0123456789abcdef", fmt.Sprintf("%x.pack", sha256.Sum256(raw)))
	if err := os.MkdirAll(filepath.Dir(bad), 0o755); err != nil {
		r.t.Fatal(err)
	}
	if err := os.WriteFile(bad, raw, 0o644); err != nil {
		r.t.Fatal(err)
	}
	res, err = api.SyncNow()
	if err != nil || len(res.Failed) != 1 || res.Read != 0 {
		r.t.Fatalf("a sync with a damaged pack: %+v %v", res, err)
	}
	// The pack's bytes vary from run to run (the signatures drawn before):
	// its name is written as one fixed digest.
	fixed := strings.Repeat("5a", 32)
	name := strings.TrimSuffix(filepath.Base(bad), ".pack")
	r.rec("sync-failed", "", "SyncAPI.SyncNow", nil, renamed(r, portableSync(r, res, s), name, fixed), nil)
	st, err = api.Status()
	r.must("sync-failed", "", "SyncAPI.Status", nil, renamed(r, portableSync(r, st, s), name, fixed), err)

	r.must("sync-failed", "", "SyncAPI.Leave", nil, nil, api.Leave())
	st, err = api.Status()
	r.must("sync-failed", "", "SyncAPI.Status", nil, st, err)
}

// renamed returns v with the string from written as to.
func renamed(r *recorder, v any, from, to string) any {
	b, err := json.Marshal(v)
	if err != nil {
		r.t.Fatal(err)
	}
	var out any
	if err := json.Unmarshal([]byte(strings.ReplaceAll(string(b), from, to)), &out); err != nil {
		r.t.Fatal(err)
	}
	return out
}

// fixtureError writes the data folder as fixtureFolder in a coded error.
func fixtureError(r *recorder, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s", strings.ReplaceAll(err.Error(), r.c.Store.Dir(), fixtureFolder))
}

// damagedPack returns the pack raw with one hex digit of its last event's
// signature changed, the file otherwise rewritten as it was: the damage
// lies in the same place whatever the events hold, so the sync refuses the
// pack for the same reason every run (flipping the middle byte hit
// whatever lay there: a signature one run, the JSON the next).
func damagedPack(r *recorder, raw []byte) []byte {
	r.t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		r.t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	damaged := false
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			r.t.Fatal(err)
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			r.t.Fatal(err)
		}
		if f.Name == "events.jsonl" {
			at := bytes.LastIndex(body, []byte(`"sig":"`))
			if at < 0 {
				r.t.Fatal("no signed event in the pack")
			}
			at += len(`"sig":"`) + 10
			if body[at] == '0' {
				body[at] = '1'
			} else {
				body[at] = '0'
			}
			damaged = true
		}
		hdr := f.FileHeader
		w, err := zw.CreateHeader(&hdr)
		if err != nil {
			r.t.Fatal(err)
		}
		if _, err := w.Write(body); err != nil {
			r.t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil || !damaged {
		r.t.Fatalf("rewriting the pack: %v (events found: %v)", err, damaged)
	}
	return out.Bytes()
}
