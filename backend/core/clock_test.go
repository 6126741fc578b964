package core_test

import (
	"testing"
	"time"

	"golive/backend/apperr"
	"golive/backend/blob"
	"golive/backend/core"
	"golive/backend/keys"
	"golive/backend/workflow"
)

// openAt opens a fresh folder whose clock stands at now.
func openAt(t *testing.T, now time.Time) *core.Core {
	t.Helper()
	c, err := core.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	c.Clock = func() time.Time { return now }
	return c
}

func TestClock(t *testing.T) {
	t.Run("TodayIsTheDateInTheFolderZone", func(t *testing.T) {
		// 20:30 UTC on 9 December is 04:30 on 10 December in Shanghai.
		c := openAt(t, time.Date(2026, 12, 9, 20, 30, 0, 0, time.UTC))
		got := c.ReadClock()
		want := core.Clock{Today: "2026-12-10", Now: "2026-12-10T04:30:00+08:00", Zone: "Asia/Shanghai"}
		if got != want {
			t.Fatalf("clock = %+v, want %+v", got, want)
		}
	})
}

func TestNextOpenWindow(t *testing.T) {
	shanghai, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Fatal(err)
	}
	at := func(y int, m time.Month, d, h int) time.Time { return time.Date(y, m, d, h, 0, 0, 0, shanghai) }
	t.Run("TheNextRuleWindowOfTheClass", func(t *testing.T) {
		// December 2026: the 2nd and 4th Thursdays are the 10th and the 24th.
		c := openAt(t, at(2026, 12, 1, 10))
		w, err := c.NextOpenWindow("java")
		if err != nil || w == nil {
			t.Fatalf("window = %v, %v", w, err)
		}
		if w.Date != "2026-12-10" || w.Class != "java" || w.Start != "19:00" || !w.Open() {
			t.Fatalf("window = %+v, want java on 2026-12-10 at 19:00", *w)
		}
	})
	t.Run("TodaysWindowIsNotProposed", func(t *testing.T) {
		// In the morning of the 10th, that evening's window is today's: the default is the next one.
		c := openAt(t, at(2026, 12, 10, 9))
		w, err := c.NextOpenWindow("java")
		if err != nil || w == nil || w.Date != "2026-12-24" {
			t.Fatalf("window = %+v, %v; want 2026-12-24", w, err)
		}
	})
	t.Run("IntoNextYear", func(t *testing.T) {
		c := openAt(t, at(2026, 12, 24, 20))
		w, err := c.NextOpenWindow("java")
		if err != nil || w == nil || w.Date[:4] != "2027" {
			t.Fatalf("window = %+v, %v; want one in 2027", w, err)
		}
	})
	t.Run("NoneIsNil", func(t *testing.T) {
		// Plans exist up to 2100; after its last window there is none.
		c := openAt(t, at(2100, 12, 31, 9))
		w, err := c.NextOpenWindow("java")
		if err != nil || w != nil {
			t.Fatalf("window = %+v, %v; want nil, nil", w, err)
		}
	})
	t.Run("UnknownClass", func(t *testing.T) {
		c := openAt(t, at(2026, 12, 1, 10))
		if _, err := c.NextOpenWindow("cobol"); apperr.Code(err) != "window.unknown_class" {
			t.Fatalf("code = %q", apperr.Code(err))
		}
	})
}

// The window takes what it shows from the backend: the limits it checks
// before sending, and the phase names the printed documents use.
func TestInfoCarriesWhatTheWindowShows(t *testing.T) {
	c := openAt(t, time.Now())
	info, err := c.Info()
	if err != nil {
		t.Fatal(err)
	}
	t.Run("UploadLimit", func(t *testing.T) {
		if info.Limits.UploadBytes != blob.MaxUpload || blob.MaxUpload != 32<<20 {
			t.Fatalf("limits = %+v", info.Limits)
		}
		if e := blob.UploadTooLarge(); apperr.Code(e) != "blob.too_large" {
			t.Fatalf("code = %q", apperr.Code(e))
		}
	})
	t.Run("PassphraseMinimum", func(t *testing.T) {
		if info.Limits.PassphraseMin != keys.MinPassphrase || keys.MinPassphrase != 8 {
			t.Fatalf("limits = %+v", info.Limits)
		}
	})
	t.Run("PhaseNames", func(t *testing.T) {
		phases := []string{workflow.PhaseDraft, workflow.PhaseApproval, workflow.PhaseFiling, workflow.PhaseExecution,
			workflow.PhaseConfirmation, workflow.PhaseFailed, workflow.PhaseConfirmed, workflow.PhaseArchived}
		for _, p := range phases {
			if n := info.Phases[p]; n.Zh == "" || n.En == "" {
				t.Errorf("phase %s has no name in both languages: %+v", p, n)
			}
		}
		if got := info.Phases[workflow.PhaseExecution].Zh; got != "发布实施中" {
			t.Errorf("execution is %q on screen, 发布实施中 on paper", got)
		}
	})
}
