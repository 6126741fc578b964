package dossier_test

import (
	"bytes"
	"crypto/ed25519"
	"encoding/json"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"golive/backend/dossier"
	"golive/backend/ledger"
	"golive/backend/template"
	"golive/backend/workflow"
)

// rawIndex returns the stored index record of dossier id, nil for none.
func rawIndex(t *testing.T, f *flowEnv, id string) []byte {
	t.Helper()
	var out []byte
	err := f.Store.DB().View(func(txn *badger.Txn) error {
		item, err := txn.Get([]byte("dz/" + id))
		if err == badger.ErrKeyNotFound {
			return nil
		}
		if err != nil {
			return err
		}
		out, err = item.ValueCopy(nil)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// setRawIndex writes the bytes of dossier id's index record as someone
// editing the folder would; nil deletes the record.
func setRawIndex(t *testing.T, f *flowEnv, id string, b []byte) {
	t.Helper()
	err := f.Store.DB().Update(func(txn *badger.Txn) error {
		if b == nil {
			return txn.Delete([]byte("dz/" + id))
		}
		return txn.Set([]byte("dz/"+id), b)
	})
	if err != nil {
		t.Fatal(err)
	}
	f.Store.Invalidate() // what a writer through DB() does
}

// reopened is a dossier service over the same folder with nothing in
// memory, as the next command run sees it; folds counts how many
// dossiers it folded.
func reopened(f *flowEnv, folds *int) *dossier.Service {
	resolve := func(key string) (*template.Template, error) {
		*folds++
		return f.ResolveTemplate(key)
	}
	s := dossier.NewService(f.Store, f.Profiles, f.Systems, f.Template, resolve, f.Zone)
	s.Windows = f.Windows
	return s
}

func listJSON(t *testing.T, s *dossier.Service, filter dossier.Filter) string {
	t.Helper()
	list, err := s.List(filter)
	must(t, err)
	b, err := json.Marshal(list)
	must(t, err)
	return string(b)
}

func find(t *testing.T, s *dossier.Service, id string) (dossier.Summary, bool) {
	t.Helper()
	list, err := s.List(dossier.Filter{})
	must(t, err)
	for _, d := range list {
		if d.ID == id {
			return d, true
		}
	}
	return dossier.Summary{}, false
}

func inboxHas(t *testing.T, s *dossier.Service, id string) bool {
	t.Helper()
	inbox, err := s.Inbox()
	must(t, err)
	for _, it := range inbox {
		if it.Dossier == id {
			return true
		}
	}
	return false
}

// TestIndexIsACache: the list, the inbox and everything built on them show
// every dossier of the ledger as its events fold, whatever became of the
// index records kept beside the ledger.
func TestIndexIsACache(t *testing.T) {
	f := newFlowEnv(t)
	waiting := f.to(t, "upgrade", workflow.PhaseApproval)
	edited := f.to(t, "new_system", workflow.PhaseApproval)
	must(t, f.d.As("system_owner"))
	r := upgradeRequest("CRM")
	r.Fields.Title = ptr("发布 <R1> & co\u2028说明")
	draft, err := f.Dossiers.Create(r)
	must(t, err)
	must(t, f.d.As("infrastructure_director"))
	want := listJSON(t, f.Dossiers, dossier.Filter{})
	if !inboxHas(t, f.Dossiers, waiting) || !inboxHas(t, f.Dossiers, edited) {
		t.Fatal("the director's inbox lacks the dossiers waiting for approval")
	}

	t.Run("IntactIndexIsReadNotFolded", func(t *testing.T) {
		folds := 0
		if got := listJSON(t, reopened(f, &folds), dossier.Filter{}); got != want {
			t.Fatalf("reopened list differs:\n%s\nwant\n%s", got, want)
		}
		if folds != 0 {
			t.Fatalf("an intact index made the list fold %d dossiers", folds)
		}
	})

	t.Run("DeletedRecord", func(t *testing.T) {
		setRawIndex(t, f, waiting, nil)
		folds := 0
		cold := reopened(f, &folds)
		for name, s := range map[string]*dossier.Service{"same service": f.Dossiers, "reopened": cold} {
			if got := listJSON(t, s, dossier.Filter{}); got != want {
				t.Fatalf("%s: list without the record:\n%s\nwant\n%s", name, got, want)
			}
			if !inboxHas(t, s, waiting) {
				t.Fatalf("%s: the inbox lost %s with its index record", name, waiting)
			}
			if !bytes.Contains([]byte(listJSON(t, s, dossier.Filter{Stage: dossier.StageApproval})), []byte(waiting)) {
				t.Fatalf("%s: the stage filter lost %s", name, waiting)
			}
		}
		if folds != 1 {
			t.Fatalf("the reopened list folded %d dossiers, want only the one without a record", folds)
		}
		if rawIndex(t, f, waiting) != nil {
			t.Fatal("listing wrote to the store")
		}
	})

	t.Run("EditedRecordShowsTheLedger", func(t *testing.T) {
		raw := rawIndex(t, f, edited)
		truth, _ := find(t, f.Dossiers, edited)
		forged := bytes.Replace(raw, []byte(`"stage":"approval"`), []byte(`"stage":"archive"`), 1)
		forged = bytes.Replace(forged, []byte(`"title":"`), []byte(`"title":"已篡改`), 1)
		if bytes.Equal(forged, raw) || !bytes.Contains(forged, []byte(`"stage":"archive"`)) {
			t.Fatalf("record not edited: %s", raw)
		}
		setRawIndex(t, f, edited, forged)
		// A record in the format before seals, with a title of its own.
		old, err := json.Marshal(dossier.Summary{ID: draft.State.ID, Title: "旧索引标题", Stage: dossier.StageArchive, SystemCode: "CRM"})
		must(t, err)
		setRawIndex(t, f, draft.State.ID, old)
		folds := 0
		for name, s := range map[string]*dossier.Service{"same service": f.Dossiers, "reopened": reopened(f, &folds)} {
			if got := listJSON(t, s, dossier.Filter{}); got != want {
				t.Fatalf("%s: list with edited records:\n%s\nwant\n%s", name, got, want)
			}
			got, ok := find(t, s, edited)
			if !ok || got.Title != truth.Title || got.Stage != dossier.StageApproval {
				t.Fatalf("%s: %s shows title %q stage %q, the ledger says %q %q", name, edited, got.Title, got.Stage, truth.Title, truth.Stage)
			}
			if d, _ := find(t, s, draft.State.ID); d.Title != draft.State.Title || d.Stage != dossier.StagePlanning {
				t.Fatalf("%s: an old-format record shows %q in %q", name, d.Title, d.Stage)
			}
			if archived := listJSON(t, s, dossier.Filter{Stage: dossier.StageArchive}); archived != "[]" {
				t.Fatalf("%s: the archive filter believes edited records: %s", name, archived)
			}
		}
	})

	t.Run("RecordWithoutEventsIsDropped", func(t *testing.T) {
		ghost, err := json.Marshal(dossier.Summary{ID: "R26GHOST0001", Title: "不存在的发布", SystemCode: "CRM", Stage: dossier.StageApproval})
		must(t, err)
		setRawIndex(t, f, "R26GHOST0001", ghost)
		// A sealed record copied under another key is no better.
		setRawIndex(t, f, "R26GHOST0002", rawIndex(t, f, draft.State.ID))
		folds := 0
		for name, s := range map[string]*dossier.Service{"same service": f.Dossiers, "reopened": reopened(f, &folds)} {
			if got := listJSON(t, s, dossier.Filter{}); got != want {
				t.Fatalf("%s: list with records of no dossier:\n%s\nwant\n%s", name, got, want)
			}
			if has, err := s.HasSystem("CRM"); err != nil || !has {
				t.Fatalf("%s: HasSystem = %v, %v", name, has, err)
			}
		}
	})

	t.Run("OtherStreamsAreNotDossiers", func(t *testing.T) {
		key := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, 32))
		e, err := ledger.New("plan-2031", nil, "plan.published", map[string]any{"year": 2031}, time.Date(2026, 12, 1, 9, 0, 0, 0, f.Zone), key)
		must(t, err)
		_, err = f.Store.Commit([]ledger.Event{e})
		must(t, err)
		folds := 0
		if got := listJSON(t, reopened(f, &folds), dossier.Filter{}); got != want {
			t.Fatalf("list with a plan stream:\n%s\nwant\n%s", got, want)
		}
	})

	t.Run("ACommitRewritesTheRecord", func(t *testing.T) {
		_, err := f.Dossiers.AddNote(waiting, "索引已修复")
		must(t, err)
		got, ok := find(t, f.Dossiers, waiting)
		if !ok || !got.UpdatedAt.After(time.Date(2026, 1, 1, 0, 0, 0, 0, f.Zone)) {
			t.Fatalf("%s after a note: %+v", waiting, got)
		}
		folds := 0
		if _, ok := find(t, reopened(f, &folds), waiting); !ok {
			t.Fatalf("%s missing after its note", waiting)
		}
		if folds != 2 {
			t.Fatalf("the reopened list folded %d dossiers, want 2 (the two edited records; the noted one has a fresh record)", folds)
		}
	})
}
