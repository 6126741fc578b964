package core_test

import (
	"bytes"
	"encoding/base64"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golive/backend/apperr"
	"golive/backend/core"
	"golive/backend/dossier"
	"golive/backend/meeting"
	"golive/backend/verify"
)

// signaturePNG draws a small handwritten-looking stroke.
func signaturePNG(t *testing.T) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, 120, 40))
	for x := 10; x < 110; x++ {
		img.Set(x, 20+(x%7)-3, color.NRGBA{0, 0, 0, 255})
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestReviewMeetingStory: the PMO opens a meeting for a window, the board
// lists the agenda worst first, attendance is taken from the roster and
// an attendee signs by hand; one dossier passes on conditions, one is
// postponed; the minutes are a signed PDF that names the attendance, the
// decisions and the conditions, attached to both dossiers, and a second
// close changes nothing.
func TestReviewMeetingStory(t *testing.T) {
	c, _, _ := exchangeSample(t)
	drafts := draftsInWindows(t, c)
	a, b := drafts[0], drafts[1]
	unlock(t, c, profileWithRole(t, c, "pmo"))
	if _, err := c.Meetings.Create(meeting.CreateRequest{Title: " ", Window: a.Window}); apperr.Code(err) != "meeting.title_required" {
		t.Fatalf("a meeting without a title: %v", err)
	}
	// A day takes every window of that evening.
	day := a.PlannedAt.Format("2006-01-02")
	byDay, err := c.Meetings.Create(meeting.CreateRequest{Title: "评审会", Window: day})
	if err != nil || !slices.Contains(byDay.Dossiers, a.ID) {
		t.Fatalf("a meeting for the day %s: %+v, %v", day, byDay.Dossiers, err)
	}
	inApproval, err := c.Dossiers.List(dossier.Filter{Stage: dossier.StageApproval})
	if err != nil || len(inApproval) == 0 {
		t.Fatalf("no dossier in approval: %v", err)
	}
	sub := inApproval[0]
	m, err := c.Meetings.Create(meeting.CreateRequest{Title: "十二月第二次上线评审会", Window: a.Window, Dossiers: []string{b.ID, sub.ID}, HeldAt: "2026-12-01 14:00", Place: "3楼会议室"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(m.ID, "rm-20261201-") || len(m.Dossiers) < 2 || m.Dossiers[0] != a.ID && m.Dossiers[len(m.Dossiers)-1] != b.ID {
		t.Fatalf("meeting %+v", m)
	}
	board, err := c.Meetings.Board(m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(board.Rows) != len(m.Dossiers) || board.Blocked+board.Warned+board.Ready != len(board.Rows) {
		t.Fatalf("board %d rows, counts %d/%d/%d", len(board.Rows), board.Blocked, board.Warned, board.Ready)
	}
	rank := map[string]int{meeting.LevelBlock: 0, meeting.LevelWarn: 1, meeting.LevelOK: 2}
	for i := 1; i < len(board.Rows); i++ {
		if rank[board.Rows[i-1].Level] > rank[board.Rows[i].Level] {
			t.Fatalf("row %d (%s) before row %d (%s): not worst first", i-1, board.Rows[i-1].Level, i, board.Rows[i].Level)
		}
	}
	for _, r := range board.Rows {
		if r.Dossier.ID == a.ID && (r.Refusal != nil || r.Proposed == nil) {
			t.Fatalf("row of %s: refusal %v, proposed %v", a.ID, r.Refusal, r.Proposed)
		}
		if r.Dossier.ID == sub.ID {
			// Submitted: no decision any more, and the board says whom
			// the approvals wait for.
			var pending, people []string
			for _, ch := range r.Checks {
				if ch.Code == meeting.CheckApprovals {
					for _, task := range ch.Tasks {
						pending = append(pending, task.Role)
					}
					people = ch.People
				}
			}
			if r.Refusal == nil || r.Refusal.Code != "review.after_submission" || len(pending) == 0 || r.Level == meeting.LevelOK {
				t.Fatalf("row of the submitted %s: refusal %v, pending %v, level %s", sub.ID, r.Refusal, pending, r.Level)
			}
			// By name, as the roster in force has them.
			waiters, err := c.Dossiers.WaitsFor(sub.ID)
			if err != nil || len(people) == 0 || len(waiters) == 0 {
				t.Fatalf("the approvals of %s wait for %v (%d waiters, %v)", sub.ID, people, len(waiters), err)
			}
		}
	}

	inForce, _, err := c.Roster.InForce()
	if err != nil {
		t.Fatal(err)
	}
	people := inForce.Roster.People
	list := []dossier.Attendee{
		{Person: people[0].ID, Name: people[0].Name, Department: people[0].Department, Status: dossier.AttendPresent},
		{Person: people[1].ID, Name: people[1].Name, Status: dossier.AttendDelegated},
	}
	if _, err := c.Meetings.SetAttendance(m.ID, list); apperr.Code(err) != "meeting.delegate_required" {
		t.Fatalf("a delegation without a delegate: %v", err)
	}
	list[1].Delegate = "赵磊"
	list = append(list, dossier.Attendee{Person: people[2].ID, Name: people[2].Name, Status: dossier.AttendAbsent})
	if m, err = c.Meetings.SetAttendance(m.ID, list); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Meetings.Sign(m.ID, 0, base64.StdEncoding.EncodeToString([]byte("not an image"))); apperr.Code(err) != "workflow.witness_image_format" {
		t.Fatalf("a signature that is no image: %v", err)
	}
	if _, err := c.Meetings.Sign(m.ID, 2, "data:image/png;base64,"+base64.StdEncoding.EncodeToString(signaturePNG(t))); apperr.Code(err) != "meeting.absent_signs" {
		t.Fatalf("an absent attendee signing: %v", err)
	}
	if m, err = c.Meetings.Sign(m.ID, 0, "data:image/png;base64,"+base64.StdEncoding.EncodeToString(signaturePNG(t))); err != nil || m.Attendance[0].Signature == "" {
		t.Fatalf("sign: %+v, %v", m.Attendance, err)
	}
	if _, err := c.CloseMeeting(m.ID, "zh"); apperr.Code(err) != "meeting.no_decisions" {
		t.Fatalf("closing before any decision: %v", err)
	}

	if _, err := c.Meetings.Decide(m.ID, a.ID, dossier.ReviewDecidedBody{Decision: dossier.ReviewConditional, Conditions: []string{"补充回退演练记录"}}); err != nil {
		t.Fatal(err)
	}
	vb, err := c.Meetings.Decide(m.ID, b.ID, dossier.ReviewDecidedBody{Decision: dossier.ReviewPostpone, Remark: "性能压测未完成"})
	if err != nil {
		t.Fatal(err)
	}
	if vb.State.Window == b.Window {
		t.Fatalf("顺延 left %s in window %s", b.ID, b.Window)
	}
	if _, err := c.Meetings.Decide(m.ID, "no-such", dossier.ReviewDecidedBody{Decision: dossier.ReviewPass}); apperr.Code(err) != "meeting.not_on_agenda" {
		t.Fatalf("a dossier off the agenda: %v", err)
	}

	m, err = c.CloseMeeting(m.ID, "zh")
	if err != nil {
		t.Fatal(err)
	}
	if m.Minutes == nil {
		t.Fatal("no minutes after closing")
	}
	for _, id := range []string{a.ID, b.ID} {
		v, err := c.Dossiers.Get(id)
		if err != nil {
			t.Fatal(err)
		}
		if r := v.State.Reviews[len(v.State.Reviews)-1]; r.Minutes == nil || r.Minutes.SHA256 != m.Minutes.SHA256 {
			t.Fatalf("%s: minutes not attached: %+v", id, r)
		}
	}
	va, _ := c.Dossiers.Get(a.ID)
	if e := va.State.Checklist[c.Template().Settings.ReviewItem]; e.File == nil || e.File.SHA256 != m.Minutes.SHA256 {
		t.Fatalf("the review item's evidence is not the minutes: %+v", e)
	}
	if _, err := c.Meetings.Sign(m.ID, 1, "data:image/png;base64,"+base64.StdEncoding.EncodeToString(signaturePNG(t))); apperr.Code(err) != "meeting.closed" {
		t.Fatalf("signing a closed meeting: %v", err)
	}
	events := va.State.Events
	if _, err := c.CloseMeeting(m.ID, "zh"); err != nil {
		t.Fatal(err)
	}
	if again, _ := c.Dossiers.Get(a.ID); again.State.Events != events {
		t.Fatalf("a second close wrote %d events", again.State.Events-events)
	}

	// The PDF reads back with poppler: attendance, decisions, conditions.
	out := filepath.Join(t.TempDir(), "minutes.pdf")
	if _, err := c.Meetings.MinutesFile(m.ID, out); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(out)
	text := pdfText(t, raw)
	for _, want := range []string{"会议纪要", "十二月第二次上线评审会", "3楼会议室", people[0].Name, "赵磊", "缺席", "有条件通过", "补充回退演练记录", "顺延", "性能压测未完成", a.ID, b.ID} {
		if !strings.Contains(text, want) {
			t.Errorf("the minutes do not say %q", want)
		}
	}
	if rep := verify.Check(raw, c.Documents()); rep.Status != verify.Match {
		t.Fatalf("golive verify of the minutes: %s %+v", rep.Status, rep.Problems)
	}
	if info, err := exec.Command("pdfinfo", out).CombinedOutput(); err != nil || !strings.Contains(string(info), "Pages:") {
		t.Fatalf("pdfinfo: %v\n%s", err, info)
	}
}

// TestMeetingKnownFromItsDossiers: a folder that received a meeting's
// dossiers by exchange file lists the meeting and exports its minutes,
// though it never held the meeting; it cannot decide in it.
func TestMeetingKnownFromItsDossiers(t *testing.T) {
	c, _, _ := exchangeSample(t)
	drafts := draftsInWindows(t, c)
	unlock(t, c, profileWithRole(t, c, "pmo"))
	m, err := c.Meetings.Create(meeting.CreateRequest{Title: "评审会", Dossiers: []string{drafts[0].ID}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Meetings.Decide(m.ID, drafts[0].ID, dossier.ReviewDecidedBody{Decision: dossier.ReviewPass}); err != nil {
		t.Fatal(err)
	}
	if m, err = c.CloseMeeting(m.ID, "en"); err != nil {
		t.Fatal(err)
	}
	path := exportTo(t, c, "meeting", core.ExportRequest{Dossiers: []string{drafts[0].ID}, Attachments: true})
	other := emptyFolder(t)
	if _, err := other.ImportFile(path, core.ImportOptions{Fingerprint: fingerprintOf(t, c)}); err != nil {
		t.Fatal(err)
	}
	list, err := other.Meetings.List()
	if err != nil || len(list) != 1 || list[0].ID != m.ID || list[0].Local || list[0].Minutes == nil {
		t.Fatalf("meetings in the other folder: %+v, %v", list, err)
	}
	out := filepath.Join(t.TempDir(), "m.pdf")
	if _, err := other.Meetings.MinutesFile(m.ID, out); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(out)
	want, _ := os.ReadFile(func() string {
		p := filepath.Join(t.TempDir(), "mine.pdf")
		if _, err := c.Meetings.MinutesFile(m.ID, p); err != nil {
			t.Fatal(err)
		}
		return p
	}())
	if !bytes.Equal(got, want) || !strings.Contains(pdfText(t, got), "Minutes") {
		t.Fatal("the minutes exported from the other folder differ from the chair's")
	}
	if rep := verify.Check(got, other.Documents()); rep.Status != verify.Match {
		t.Fatalf("verify in the other folder: %s %+v", rep.Status, rep.Problems)
	}
	if rep := verify.Check(got, emptyFolder(t).Documents()); rep.Status == verify.Match {
		t.Fatal("minutes of a meeting the folder does not know verified as a match")
	}
	if _, err := other.Meetings.Decide(m.ID, drafts[0].ID, dossier.ReviewDecidedBody{Decision: dossier.ReviewPass}); apperr.Code(err) != "meeting.not_local" {
		t.Fatalf("deciding in a meeting held elsewhere: %v", err)
	}
}
