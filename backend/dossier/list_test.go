package dossier_test

import (
	"strings"
	"testing"

	"golive/backend/dossier"
)

// TestListKeptBetweenReads: the list a service keeps between reads is
// always what the ledger holds: a dossier created or changed through the
// service shows at once, so does one written by another service over the
// same folder (as an import does), and a renamed system's name is found
// by the text filter under its new name.
func TestListKeptBetweenReads(t *testing.T) {
	f := newFlowEnv(t)
	a := f.create(t, "upgrade", "cr", "planned")
	if got := listJSON(t, f.Dossiers, dossier.Filter{}); !strings.Contains(got, a) {
		t.Fatalf("first list lacks %s", a)
	}
	_, err := f.Dossiers.AddNote(a, "记一笔")
	must(t, err)
	sum, ok := find(t, f.Dossiers, a)
	if !ok || sum.UpdatedAt.IsZero() {
		t.Fatalf("after a note: %+v", sum)
	}
	fresh := reopened(f, new(int))
	if got := listJSON(t, f.Dossiers, dossier.Filter{}); got != listJSON(t, fresh, dossier.Filter{}) {
		t.Fatalf("kept list differs from a fresh read:\n%s\n%s", got, listJSON(t, fresh, dossier.Filter{}))
	}

	// Another service over the folder (fresh, which has listed) sees
	// what this one writes: its kept list is read again.
	b := f.create(t, "upgrade", "bugfix", "planned")
	if _, ok := find(t, fresh, b); !ok {
		t.Fatalf("a service that listed before %s was created elsewhere does not show it", b)
	}

	// The system's name as the register holds it now.
	crm, err := f.Systems.Get("CRM")
	must(t, err)
	crm.Name = "客户关系管理平台"
	_, err = f.Systems.Save(crm, false)
	must(t, err)
	list, err := f.Dossiers.List(dossier.Filter{Text: "关系管理平台"})
	must(t, err)
	if len(list) != 2 || list[0].SystemName != crm.Name {
		t.Fatalf("text filter on the new name: %+v", list)
	}
}

// TestPage: a page is the slice of the list at its offset, with the
// list's length; limits are kept within bounds.
func TestPage(t *testing.T) {
	f := newFlowEnv(t)
	for i := 0; i < 5; i++ {
		f.create(t, "upgrade", "cr", "planned")
	}
	all, err := f.Dossiers.List(dossier.Filter{})
	must(t, err)
	for _, c := range []struct{ offset, limit, first, n int }{
		{0, 2, 0, 2}, {2, 2, 2, 2}, {4, 2, 4, 1}, {9, 2, 5, 0}, {-3, 2, 0, 2}, {0, -1, 0, 0}, {0, 100000, 0, 5},
	} {
		p, err := f.Dossiers.Page(dossier.Filter{}, c.offset, c.limit)
		must(t, err)
		if p.Total != len(all) || p.Offset != c.first || len(p.Rows) != c.n {
			t.Fatalf("page(%d, %d): total %d offset %d rows %d", c.offset, c.limit, p.Total, p.Offset, len(p.Rows))
		}
		for i, r := range p.Rows {
			if r.ID != all[c.first+i].ID {
				t.Fatalf("page(%d, %d) row %d is %s, want %s", c.offset, c.limit, i, r.ID, all[c.first+i].ID)
			}
		}
	}
}
