package backup_test

import (
	"testing"
	"time"

	"golive/backend/backup"
)

// TestReminderRule: a folder with dossiers and no backup, or whose last
// backup is more than seven days old, is due; an empty folder never
// backed up is not.
func TestReminderRule(t *testing.T) {
	now := sampleClock()
	at := func(d time.Duration) *backup.Last { return &backup.Last{At: now.Add(-d), Path: "/backups/b.zip"} }
	day := 24 * time.Hour
	for _, c := range []struct {
		name     string
		last     *backup.Last
		dossiers int
		due      bool
		age      int
	}{
		{"NeverWithDossiers", nil, 3, true, 0},
		{"NeverAndEmpty", nil, 0, false, 0},
		{"SixDaysAgo", at(6 * day), 3, false, 6},
		{"ExactlySevenDays", at(7 * day), 3, false, 7},
		{"SevenDaysAndAMinute", at(7*day + time.Minute), 3, true, 7},
		{"ThirtyDaysAgoEvenEmpty", at(30 * day), 0, true, 30},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := backup.StatusAt("/data", c.last, c.dossiers, now)
			if s.Due != c.due || s.AgeDays != c.age || s.RemindAfterDays != 7 || s.Dossiers != c.dossiers {
				t.Fatalf("status %+v", s)
			}
		})
	}
}
