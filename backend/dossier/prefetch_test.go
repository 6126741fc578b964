package dossier_test

import (
	"slices"
	"testing"
	"time"

	"golive/backend/dossier"
	"golive/backend/internal/testenv"
)

// waitFor polls cond for up to five seconds.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("after 5 s: %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// threeDossiers creates three dossiers and drops their folds from the
// cache, as after a restart.
func threeDossiers(t *testing.T, env *testenv.Env) []string {
	t.Helper()
	env.AddSystem(t, "CRM")
	var ids []string
	for range 3 {
		ids = append(ids, newDossier(t, env).State.ID)
	}
	for _, id := range ids {
		env.Dossiers.Forget(id)
	}
	return ids
}

// TestPrefetchFoldsTheRowsShown: the rows of the page the list shows are
// folded in the background once the list rests, so that opening one
// finds its fold made; the dossier read is the one Get folds afresh.
func TestPrefetchFoldsTheRowsShown(t *testing.T) {
	env := testenv.Open(t, "", "张伟")
	ids := threeDossiers(t, env)
	page, err := env.Dossiers.Page(dossier.Filter{}, 0, 2)
	if err != nil {
		t.Fatal(err)
	}
	shown := page.IDs()
	if len(shown) != 2 {
		t.Fatalf("page ids %v", shown)
	}
	env.Dossiers.Prefetch(shown)
	if env.Dossiers.Cached(shown[0]) {
		t.Fatal("folded at once: the prefetch waits for the list to rest")
	}
	waitFor(t, "the rows shown folded", func() bool { return env.Dossiers.Cached(shown[0]) && env.Dossiers.Cached(shown[1]) })
	for _, id := range ids {
		if !slices.Contains(shown, id) && env.Dossiers.Cached(id) {
			t.Fatalf("%s folded, not on the page", id)
		}
	}
	got, err := env.Dossiers.Get(shown[0])
	if err != nil {
		t.Fatal(err)
	}
	env.Dossiers.Forget(shown[0])
	want, err := env.Dossiers.Get(shown[0])
	if err != nil {
		t.Fatal(err)
	}
	if got.State.ID != want.State.ID || len(got.History) != len(want.History) || got.State.Stage != want.State.Stage {
		t.Fatalf("prefetched view %s/%d/%s, folded afresh %s/%d/%s", got.State.ID, len(got.History), got.State.Stage, want.State.ID, len(want.History), want.State.Stage)
	}
}

// TestPrefetchReadsTheLastPageAsked: a search asks a page at each
// keystroke; only the page of the last one is read.
func TestPrefetchReadsTheLastPageAsked(t *testing.T) {
	env := testenv.Open(t, "", "张伟")
	ids := threeDossiers(t, env)
	env.Dossiers.Prefetch(ids[:1])
	env.Dossiers.Prefetch(ids[1:2])
	waitFor(t, "the last page's row folded", func() bool { return env.Dossiers.Cached(ids[1]) })
	time.Sleep(2 * dossier.PrefetchAfter)
	if env.Dossiers.Cached(ids[0]) {
		t.Fatal("the first call's row was folded too")
	}
}

// TestStopEndsAPendingPrefetch: once the service stops (the folder
// closes), a prefetch asked before reads nothing.
func TestStopEndsAPendingPrefetch(t *testing.T) {
	env := testenv.Open(t, "", "张伟")
	ids := threeDossiers(t, env)
	env.Dossiers.Prefetch(ids)
	env.Dossiers.Stop()
	time.Sleep(2 * dossier.PrefetchAfter)
	for _, id := range ids {
		if env.Dossiers.Cached(id) {
			t.Fatalf("%s folded after Stop", id)
		}
	}
	env.Dossiers.Prefetch(ids) // asked after Stop: nothing starts
	time.Sleep(2 * dossier.PrefetchAfter)
	if env.Dossiers.Cached(ids[0]) {
		t.Fatal("a prefetch asked after Stop ran")
	}
}

// TestAReadBesideACommitIsNotKept: a read (a Get, a prefetch) that read a
// dossier's events before a commit to it and keeps its fold after must
// not hide the commit: the next Get shows the note.
func TestAReadBesideACommitIsNotKept(t *testing.T) {
	env := testenv.Open(t, "", "张伟")
	id := threeDossiers(t, env)[0]
	before, err := env.Dossiers.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	env.Dossiers.Forget(id)
	env.Dossiers.AfterRead(func() {
		env.Dossiers.AfterRead(nil)
		if _, err := env.Dossiers.AddNote(id, "评审会后补充：回退方案已演练"); err != nil {
			t.Error(err)
		}
	})
	stale, err := env.Dossiers.Get(id) // the note is added between its read and its keeping
	if err != nil {
		t.Fatal(err)
	}
	if len(stale.History) != len(before.History) {
		t.Fatalf("the read beside the commit has %d entries, want the %d read before it", len(stale.History), len(before.History))
	}
	now, err := env.Dossiers.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	if len(now.History) != len(before.History)+1 {
		t.Fatalf("after the note: %d history entries, want %d (the fold read before the note was kept)", len(now.History), len(before.History)+1)
	}
}
