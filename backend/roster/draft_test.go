package roster_test

import (
	"testing"
)

func TestDraft(t *testing.T) {
	f := openFolder(t, "pmo")
	t.Run("NoneAtFirst", func(t *testing.T) {
		if _, ok, err := f.svc.Draft(); ok || err != nil {
			t.Fatalf("ok %v, err %v", ok, err)
		}
	})
	r := baseRoster()
	r.People[0].Name = "  庞敏 "
	d, err := f.svc.SaveDraft(r, "roster.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	t.Run("SavedNormalizedCallersCopyUntouched", func(t *testing.T) {
		got, ok, err := f.svc.Draft()
		if !ok || err != nil {
			t.Fatalf("ok %v, err %v", ok, err)
		}
		if got.Roster.People[0].Name != "庞敏" || got.Source != "roster.xlsx" || !got.SavedAt.Equal(d.SavedAt) || r.People[0].Name != "  庞敏 " {
			t.Fatalf("draft %+v", got)
		}
	})
	t.Run("PublishesAsVersion1", func(t *testing.T) {
		v := f.publish(t, d.Roster)
		if v.Version != 1 || len(v.People) != len(r.People) {
			t.Fatalf("version %+v", v)
		}
		if _, ok, _ := f.svc.Draft(); !ok {
			t.Fatal("publishing dropped the draft")
		}
	})
	t.Run("ReplacedBySaving", func(t *testing.T) {
		r2 := baseRoster()
		r2.Note = "second"
		if _, err := f.svc.SaveDraft(r2, "b.xlsx"); err != nil {
			t.Fatal(err)
		}
		got, _, _ := f.svc.Draft()
		if got.Roster.Note != "second" || got.Source != "b.xlsx" {
			t.Fatalf("draft %+v", got)
		}
	})
}
