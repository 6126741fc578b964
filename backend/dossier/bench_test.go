package dossier_test

import (
	"fmt"
	"testing"

	"golive/backend/dossier"
	"golive/backend/internal/testenv"
	"golive/backend/ledger"
)

// fiftyEvents builds a real dossier with 50 events: creation, checklist
// edits, field edits and notes.
func fiftyEvents(b *testing.B) ([]ledger.Event, dossier.Resolver) {
	env := testenv.Open(b, "", "张伟")
	env.AddSystem(b, "CRM")
	v, err := env.Dossiers.Create(upgradeRequest("CRM"))
	if err != nil {
		b.Fatal(err)
	}
	id := v.State.ID
	items := env.Template().Checklist
	for i := 1; i < 50; i++ {
		switch i % 3 {
		case 0:
			_, err = env.Dossiers.SetChecklist(id, items[i%len(items)].ID, []string{dossier.StatusInProgress, dossier.StatusDone}[i%2], fmt.Sprintf("证据 %d", i))
		case 1:
			_, err = env.Dossiers.Update(id, dossier.Fields{Version: ptr(fmt.Sprintf("3.2.%d", i))})
		default:
			_, err = env.Dossiers.AddNote(id, fmt.Sprintf("会议记录 %d", i))
		}
		if err != nil {
			b.Fatal(err)
		}
	}
	evs, err := env.Store.Events(id)
	if err != nil || len(evs) != 50 {
		b.Fatalf("%d events, %v", len(evs), err)
	}
	return evs, env.ResolveTemplate
}

// BenchmarkFold50 folds a 50-event dossier (order, apply, history).
func BenchmarkFold50(b *testing.B) {
	evs, resolve := fiftyEvents(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, _, err := dossier.Fold(evs, resolve); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkVerify50 is a baseline for the fold: verifying the signatures of
// the same 50 events, which every load from disk already does.
func BenchmarkVerify50(b *testing.B) {
	evs, _ := fiftyEvents(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, e := range evs {
			if err := e.Verify(); err != nil {
				b.Fatal(err)
			}
		}
	}
}
