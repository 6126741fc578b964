package dossier

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"golive/backend/apperr"
	"golive/backend/workflow"
	"golive/backend/zone"
)

// Date sanity. When a person acts, the dates his action records are
// checked against his own clock at signing (Service.Now):
//
//   - a time of something that happened (a runbook step's actual start
//     or end, the requesting side's test, the steps a release declared
//     done rests on) may lie at most ClockTolerance in the future;
//   - a step recorded as ended before it started is refused;
//   - a planned release's time (its window's start) may not lie in the
//     past (beyond ClockTolerance) when the dossier is created or its
//     date, window or mode is changed, nor more than PlannedYearsAhead
//     years ahead;
//   - no release is postponed (顺延) to a time already past, whatever its
//     mode, nor further ahead than its mode allows;
//   - an emergency release's time may lie at most EmergencyDaysBack days
//     in the past (an emergency is often put on record the day after)
//     and at most EmergencyDaysAhead days ahead (later than that, it is a
//     planned release);
//   - a dossier created to put on record a release that already took
//     place (补录) may be dated further back, at most LateRecordYearsBack
//     years, only with its reason (CreateRequest.LateRecord), which the
//     dossier.created event keeps. No other refusal can be overridden.
//
// Impossible dates (2026-02-30) are refused wherever a time is read
// (zone.ParseTime).
//
// These checks belong to the moment of action, never to the fold: an
// event signed earlier — the sample data, a dossier years old, events
// imported from another laptop — folds as it was signed, whatever the
// clock says now.
const (
	// ClockTolerance is how far ahead of the signer's clock a time of
	// something that happened may lie: two laptops' clocks differ by a few
	// minutes.
	ClockTolerance = 10 * time.Minute
	// EmergencyDaysBack is how many days after an emergency release it may
	// still be put on record without a late-record reason.
	EmergencyDaysBack = 7
	// EmergencyDaysAhead is how many days ahead an emergency release may
	// be dated.
	EmergencyDaysAhead = 30
	// PlannedYearsAhead is how many years ahead a release may be planned.
	PlannedYearsAhead = 2
	// LateRecordYearsBack is how many years back a late record (补录) may
	// reach.
	LateRecordYearsBack = 10
	// MaxLateRecord is the longest late-record reason, in characters.
	MaxLateRecord = 2000
)

// modeEmergency is the template mode id of an emergency release.
const modeEmergency = "emergency"

// dateText is how a refusal names a time: "2026-12-10 19:00" in loc.
func dateText(t time.Time, loc *time.Location) string { return t.In(loc).Format("2006-01-02 15:04") }

// checkReleaseDate checks the release time at of a dossier in mode, set
// by a person whose clock says now; times are shown in loc. late is the
// late-record reason ("" when none may be given). Codes:
// dossier.date_past, dossier.date_too_far, dossier.emergency_too_old,
// dossier.emergency_too_far, dossier.late_too_old.
func checkReleaseDate(mode string, at, now time.Time, loc *time.Location, late string) error {
	date := dateText(at, loc)
	if late != "" {
		if limit := now.AddDate(-LateRecordYearsBack, 0, 0); at.Before(limit) {
			return apperr.New("dossier.late_too_old", "date", date, "limit", dateText(limit, loc), "years", strconv.Itoa(LateRecordYearsBack))
		}
	}
	if mode == modeEmergency {
		if limit := now.AddDate(0, 0, EmergencyDaysAhead); at.After(limit) {
			return apperr.New("dossier.emergency_too_far", "date", date, "limit", dateText(limit, loc), "days", strconv.Itoa(EmergencyDaysAhead))
		}
		if limit := now.AddDate(0, 0, -EmergencyDaysBack); at.Before(limit) && late == "" {
			return apperr.New("dossier.emergency_too_old", "date", date, "limit", dateText(limit, loc), "days", strconv.Itoa(EmergencyDaysBack))
		}
		return nil
	}
	if limit := now.AddDate(PlannedYearsAhead, 0, 0); at.After(limit) {
		return apperr.New("dossier.date_too_far", "date", date, "limit", dateText(limit, loc), "years", strconv.Itoa(PlannedYearsAhead))
	}
	if at.Before(now.Add(-ClockTolerance)) && late == "" {
		return apperr.New("dossier.date_past", "date", date, "now", dateText(now, loc))
	}
	return nil
}

// cleanLateRecord trims a late-record reason and checks its length. Code
// dossier.note_too_long.
func cleanLateRecord(s string) (string, error) {
	s = strings.TrimSpace(s)
	if len([]rune(s)) > MaxLateRecord {
		return "", apperr.New("dossier.note_too_long", "max", strconv.Itoa(MaxLateRecord))
	}
	return s, nil
}

// happened parses v, a time entered as having happened, in loc: ok is
// false for "" and for what cannot be read (the fold refuses that with
// its own code).
func happened(v string, loc *time.Location) (time.Time, bool) {
	if strings.TrimSpace(v) == "" {
		return time.Time{}, false
	}
	t, err := zone.ParseTime(v, loc, "workflow.bad_time")
	return t, err == nil
}

// checkRunbookTimes refuses a runbook whose steps are recorded as started
// or ended after now (beyond ClockTolerance), or as ended before they
// started. Codes: workflow.started_in_future, workflow.ended_in_future
// (row, value, now), workflow.ended_before_start (row, started, ended).
func checkRunbookTimes(rows []workflow.RunbookRow, now time.Time, loc *time.Location) error {
	limit := now.Add(ClockTolerance)
	for i, r := range rows {
		row := strconv.Itoa(i + 1)
		started, hasStart := happened(r.StartedAt, loc)
		ended, hasEnd := happened(r.EndedAt, loc)
		switch {
		case hasStart && started.After(limit):
			return apperr.New("workflow.started_in_future", "row", row, "value", dateText(started, loc), "now", dateText(now, loc))
		case hasEnd && ended.After(limit):
			return apperr.New("workflow.ended_in_future", "row", row, "value", dateText(ended, loc), "now", dateText(now, loc))
		case hasStart && hasEnd && ended.Before(started):
			return apperr.New("workflow.ended_before_start", "row", row, "started", dateText(started, loc), "ended", dateText(ended, loc))
		}
	}
	return nil
}

// checkTestedAt refuses a same-day test recorded as done after now
// (beyond ClockTolerance). Code workflow.tested_in_future (value, now).
func checkTestedAt(testedAt string, now time.Time, loc *time.Location) error {
	if at, ok := happened(testedAt, loc); ok && at.After(now.Add(ClockTolerance)) {
		return apperr.New("workflow.tested_in_future", "value", dateText(at, loc), "now", dateText(now, loc))
	}
	return nil
}

// releaseDateBlocker is why the release of st may not be declared done at
// now for its dates (checkRunbookTimes on the current attempt), nil when
// nothing stands in the way: a runbook signed on a laptop with a wrong
// clock, or before these checks, still cannot make a release done ahead
// of its steps.
func releaseDateBlocker(st State, now time.Time) error {
	if st.Flow == nil {
		return nil
	}
	return checkRunbookTimes(st.Flow.Execution.Runbook, now, zoneOf(st.Zone))
}

// withReleaseDates adds to the actions offered the release's date
// blocker at the time now reads, when the release is offered and nothing
// else blocks it.
func withReleaseDates(a workflow.Actions, st State, now func() time.Time) workflow.Actions {
	if !a.Release || a.ReleaseBlocked != nil {
		return a
	}
	if err := releaseDateBlocker(st, now()); err != nil {
		var coded *apperr.Error
		if !errors.As(err, &coded) {
			coded = apperr.Wrap(err, apperr.Internal)
		}
		a.ReleaseBlocked = coded
	}
	return a
}

// checkCreateDates checks the release time of a new dossier with fields f
// (validated, the window's start already set) created at now, and
// returns the cleaned late-record reason to keep in its first event.
func checkCreateDates(f Fields, late string, now time.Time, loc *time.Location) (string, error) {
	late, err := cleanLateRecord(late)
	if err != nil || f.PlannedAt == nil || f.Mode == nil {
		return late, err
	}
	at, err := ParseTime(*f.PlannedAt, loc)
	if err != nil {
		return late, err
	}
	return late, checkReleaseDate(*f.Mode, at, now, loc, late)
}

// checkPatchDates checks the release time a draft dossier in state st
// would have after patch p (changed fields only) made at now, when p
// changes its time, window or mode; a dossier put on record late keeps
// its reason. After submission these fields are locked (the fold refuses
// the patch with dossier.locked), so there is nothing to check.
func checkPatchDates(st State, p Fields, now time.Time) error {
	if p.PlannedAt == nil && p.Window == nil && p.Mode == nil {
		return nil
	}
	if st.Flow != nil && st.Flow.Phase != workflow.PhaseDraft {
		return nil
	}
	loc := zoneOf(st.Zone)
	at, mode := st.PlannedAt, st.Mode
	if p.PlannedAt != nil {
		t, err := ParseTime(*p.PlannedAt, loc)
		if err != nil {
			return err
		}
		at = t
	}
	if p.Mode != nil {
		mode = *p.Mode
	}
	return checkReleaseDate(mode, at, now, loc, st.LateRecord)
}

// checkPostponeDate checks the time plannedAt a dossier in state st is
// postponed (顺延) to at now: a time already past (beyond ClockTolerance)
// is refused whatever the mode (dossier.postpone_past, date and now),
// and one too far ahead as for a release date set now. A time not later
// than the current one is left to the fold, which refuses it with
// workflow.date_not_later, and so is one that cannot be read
// (workflow.bad_time).
func checkPostponeDate(st State, plannedAt string, now time.Time) error {
	loc := zoneOf(st.Zone)
	to, ok := happened(plannedAt, loc)
	if !ok || !to.After(st.PlannedAt) {
		return nil
	}
	if to.Before(now.Add(-ClockTolerance)) {
		return apperr.New("dossier.postpone_past", "date", dateText(to, loc), "now", dateText(now, loc))
	}
	return checkReleaseDate(st.Mode, to, now, loc, "")
}
