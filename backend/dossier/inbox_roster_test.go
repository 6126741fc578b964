package dossier_test

import (
	"reflect"
	"testing"

	"golive/backend/demo"
)

// TestInboxShortcutsChangeNothing compares, for every profile of the
// sample with its roster, the inbox computed with the pre-filter and the
// memo (what the app does) with the inbox of folding every dossier with
// tasks: the same items, in the same order, with fewer folds; asked again,
// the memo folds nothing; after an action, only the dossier acted on is
// folded again.
func TestInboxShortcutsChangeNothing(t *testing.T) {
	c := sampleWithRoster(t)
	people, err := c.Profiles.List()
	if err != nil {
		t.Fatal(err)
	}
	d := c.Dossiers
	withItems, fewer := 0, 0
	for _, p := range people {
		d.SetInboxShortcuts(false)
		want, err := d.InboxOf(p.ID)
		if err != nil {
			t.Fatal(err)
		}
		all := d.SetInboxShortcuts(true)
		got, err := d.InboxOf(p.ID)
		if err != nil {
			t.Fatal(err)
		}
		some := d.SetInboxShortcuts(true)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("profile %s (%v): inbox with shortcuts\n%+v\nwithout\n%+v", p.Name, p.Roles, got, want)
		}
		if some > all {
			t.Errorf("profile %s: %d folds with the pre-filter, %d without", p.Name, some, all)
		}
		if some < all {
			fewer++
		}
		if len(want) > 0 {
			withItems++
		}
		// Asked twice more, the first folds what the first ask did (the
		// memo was cleared above) and the second nothing: the memo answers.
		if _, err := d.InboxOf(p.ID); err != nil {
			t.Fatal(err)
		}
		again, err := d.InboxOf(p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if n := d.SetInboxShortcuts(true); n != some || !reflect.DeepEqual(again, want) {
			t.Errorf("profile %s: asked twice more, %d folds (want %d, the first ask's) and %d items (want %d)", p.Name, n, some, len(again), len(want))
		}
	}
	// After a note on one dossier of an inbox, only that one is folded
	// again, and the inbox is still the full fold's.
	var who, on string
	for _, p := range people {
		items, err := d.InboxOf(p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(items) > 0 {
			who, on = p.ID, items[0].Dossier
			break
		}
	}
	if _, err := c.Unlock(who, demo.SamplePassphrase); err != nil {
		t.Fatal(err)
	}
	d.SetInboxShortcuts(true)
	if _, err := d.InboxOf(who); err != nil { // fills the memo
		t.Fatal(err)
	}
	d.ResetInboxFolds()
	if _, err := d.InboxOf(who); err != nil {
		t.Fatal(err)
	}
	if n := d.ResetInboxFolds(); n != 0 {
		t.Fatalf("the memo folded %d dossiers", n)
	}
	if _, err := d.AddNote(on, "看过了"); err != nil {
		t.Fatal(err)
	}
	d.ResetInboxFolds()
	got, err := d.InboxOf(who)
	if err != nil {
		t.Fatal(err)
	}
	if n := d.ResetInboxFolds(); n != 1 {
		t.Errorf("after a note, the inbox folded %d dossiers, want 1", n)
	}
	d.SetInboxShortcuts(false)
	want, err := d.InboxOf(who)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("after a note, inbox with shortcuts\n%+v\nwithout\n%+v", got, want)
	}

	if withItems < 3 || fewer < len(people)/2 {
		t.Fatalf("%d of %d profiles have items; the pre-filter folded less for %d", withItems, len(people), fewer)
	}
	t.Logf("%d profiles, %d with items, the pre-filter folded less for %d", len(people), withItems, fewer)
}
