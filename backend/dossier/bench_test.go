package dossier_test

import (
	"fmt"
	"testing"
	"time"

	"golive/backend/core"
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
		if _, _, err := dossier.Fold(evs, resolve, nil); err != nil {
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

// BenchmarkList lists the sample portfolio (46 dossiers) as a command that
// starts cold does: a new service, nothing in memory. IntactIndex reads the
// index; NoIndex has every index record deleted, so each dossier is read
// from the ledger, verified and folded; NoIndexWarm lists again with the
// same service, whose memory holds the folds.
func BenchmarkList(b *testing.B) {
	c, err := core.Open(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close()
	c.Clock = func() time.Time { return time.Date(2026, 11, 26, 10, 0, 0, 0, c.Zone) }
	if _, err := c.LoadSample(); err != nil {
		b.Fatal(err)
	}
	fresh := func() *dossier.Service {
		s := dossier.NewService(c.Store, c.Profiles, c.Systems, c.Template, c.ResolveTemplate, c.Zone)
		s.Windows = c.Windows
		return s
	}
	list := func(b *testing.B, s *dossier.Service) {
		got, err := s.List(dossier.Filter{})
		if err != nil || len(got) < 40 {
			b.Fatalf("%d dossiers, %v", len(got), err)
		}
	}
	b.Run("IntactIndex", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			list(b, fresh())
		}
	})
	err = c.Store.Each("dz", func(key string, _ []byte) error { return c.Store.Put("dz", key, nil) })
	if err != nil {
		b.Fatal(err)
	}
	b.Run("NoIndex", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			list(b, fresh())
		}
	})
	b.Run("NoIndexWarm", func(b *testing.B) {
		s := fresh()
		list(b, s)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			list(b, s)
		}
	})
}
