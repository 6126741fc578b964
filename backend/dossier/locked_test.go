package dossier_test

import (
	"strings"
	"testing"
	"time"

	"golive/backend/apperr"
	"golive/backend/dossier"
	"golive/backend/ledger"
	"golive/backend/workflow"
)

// TestFieldsLockedAfterSubmission: what the approvals cover (type,
// subtype, mode, version, content, planned time, window) may change in a
// draft and is refused with dossier.locked once the dossier is submitted;
// the names and the responsible people may still change.
func TestFieldsLockedAfterSubmission(t *testing.T) {
	f := newFlowEnv(t)
	patches := []struct {
		field  string
		patch  dossier.Fields
		locked bool
	}{
		{"type", dossier.Fields{Type: ptr("new_system")}, true},
		{"subtype", dossier.Fields{Subtype: ptr("bugfix")}, true},
		{"mode", dossier.Fields{Mode: ptr("emergency")}, true},
		{"version", dossier.Fields{Version: ptr("3.3.0")}, true},
		{"content", dossier.Fields{Content: &[]dossier.ContentItem{{Kind: "cr", Ref: "CR-2026-200", Title: "新增报表"}}}, true},
		{"planned_at", dossier.Fields{PlannedAt: ptr("2026-12-10T20:00")}, true},
		{"window", dossier.Fields{Window: ptr("2026-12-24-java")}, true},
		{"title", dossier.Fields{Title: ptr("CRM 十二月需求发布（修订）")}, false},
		{"project_manager", dossier.Fields{ProjectManager: ptr("王强")}, false},
		{"system_owner", dossier.Fields{SystemOwner: ptr("赵敏")}, false},
	}
	submitted := f.to(t, "upgrade", workflow.PhaseApproval)
	for _, p := range patches {
		t.Run(p.field, func(t *testing.T) {
			draft := f.create(t, "upgrade", "cr", "planned")
			if _, err := f.Dossiers.Update(draft, p.patch); err != nil {
				t.Fatalf("draft refused a change of %s: %v", p.field, err)
			}
			before := f.state(t, submitted).Events
			_, err := f.Dossiers.Update(submitted, p.patch)
			if !p.locked {
				if err != nil {
					t.Fatalf("submitted dossier refused a change of %s: %v", p.field, err)
				}
				return
			}
			code(t, err, "dossier.locked")
			var ae *apperr.Error
			if !errorsAs(err, &ae) || !strings.Contains(","+ae.Params["fields"]+",", ","+p.field+",") {
				t.Fatalf("dossier.locked names fields %q, want %s among them", ae.Params["fields"], p.field)
			}
			if after := f.state(t, submitted).Events; after != before {
				t.Fatal("a refused change wrote an event")
			}
		})
	}
	// An event from another copy is folded by the same rule: each locked
	// field on its own is recorded in the history and ignored.
	t.Run("FoldIgnoresEachLockedFieldAlone", func(t *testing.T) {
		evs, err := f.Store.Events(submitted)
		must(t, err)
		st := f.state(t, submitted)
		for _, p := range patches {
			e, err := ledger.New(submitted, st.Heads, dossier.KindUpdated, p.patch, st.UpdatedAt.Add(time.Minute), f.d.Actors["system_owner"].Key)
			must(t, err)
			_, hist, err := dossier.Fold(append(append([]ledger.Event{}, evs...), e), f.ResolveTemplate, nil)
			must(t, err)
			last := hist[len(hist)-1]
			if last.Event != e.ID || last.Ignored != p.locked || (p.locked && last.IgnoredCode != "dossier.locked") {
				t.Errorf("%s alone after submission: ignored %v (%s), want ignored %v", p.field, last.Ignored, last.IgnoredCode, p.locked)
			}
		}
	})
	t.Run("SameWindowIsNoChange", func(t *testing.T) {
		w := f.state(t, submitted).Window
		_, err := f.Dossiers.Update(submitted, dossier.Fields{Window: &w})
		code(t, err, "dossier.nothing_changed")
	})
}
