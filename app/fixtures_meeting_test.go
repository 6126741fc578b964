package app_test

import (
	"fmt"
	"strings"

	"golive/backend/dossier"
	"golive/backend/meeting"
	"golive/backend/workflow"
)

// meetingDay is the evening of the sample's two drafts the meeting
// reviews (a Java and an "other" window).
const meetingDay = "2027-01-14"

// meetingPick is how many dossiers the meeting form's picker asks for at
// a time (MeetingCreateForm's PICK_PAGE).
const meetingPick = 50

// recordMeeting: the go-live review meeting (评审会) chaired by the PMO.
// File "meeting": the list before, a meeting refused without a title,
// then opened for the evening of meetingDay with a dossier in approval
// added by hand (its row refuses decisions), its board, the attendance from the
// roster (present, delegated, absent) and a signature. File
// "meeting-decided": one draft passed on conditions and the board after.
// File "meeting-postponed": the other draft postponed to the proposed
// window and the board after. File "meeting-closed": the minutes made in
// the UI's language, the board and the list after, and the conditional
// dossier as its project manager sees it (a condition group, the review
// item's evidence the minutes). Run last: it changes the sample dossiers.
func recordMeeting(r *recorder) {
	api := r.api
	const f = "meeting"
	r.as("pmo")
	list, err := api.Meetings.List()
	r.must(f, "pmo", "MeetingAPI.List", nil, list, err)

	submitted := ""
	for _, p := range r.placed {
		if v, err := api.Dossiers.Get(p.ID); err == nil && v.State.Flow != nil && v.State.Flow.Phase == workflow.PhaseApproval && submitted == "" {
			submitted = p.ID
		}
	}
	// The form's dossier picker: the first page of the list as it opens,
	// then what typing the submitted dossier's id finds.
	for _, text := range []string{"", submitted} {
		filter := dossier.Filter{Text: text}
		p, err := api.Dossiers.Page(filter, 0, meetingPick)
		r.must(f, "", "DossierAPI.Page", []any{filter, 0, meetingPick}, p, err)
		if text != "" && (len(p.Rows) != 1 || p.Rows[0].ID != submitted) {
			r.t.Fatalf("searching the picker for %s: %+v", submitted, p.Rows)
		}
	}
	req := meeting.CreateRequest{Title: "一月下旬上线评审会", Window: meetingDay, Dossiers: []string{submitted}, HeldAt: "2027-01-26 14:00", Place: "3楼第一会议室"}
	untitled := req
	untitled.Title = ""
	_, err = api.Meetings.Create(untitled)
	r.fails(f, "MeetingAPI.Create", []any{untitled}, "meeting.title_required", err)
	m, err := api.Meetings.Create(req)
	r.must(f, "pmo", "MeetingAPI.Create", []any{req}, m, err)
	b, err := api.Meetings.Board(m.ID)
	r.must(f, "pmo", "MeetingAPI.Board", []any{m.ID}, b, err)
	var open []meeting.Row
	refused := false
	for _, row := range b.Rows {
		if row.Refusal == nil {
			open = append(open, row)
		} else if row.Dossier.ID == submitted {
			refused = true
		}
	}
	if len(open) < 2 || !refused || open[1].Proposed == nil {
		r.t.Fatalf("the meeting of %s: %d open rows, submitted refused %v, rows %+v", meetingDay, len(open), refused, b.Rows)
	}

	inForce, _, err := r.c.Roster.InForce()
	if err != nil || len(inForce.Roster.People) < 3 {
		r.t.Fatalf("the sample roster: %v", err)
	}
	people := inForce.Roster.People
	att := []dossier.Attendee{
		{Person: people[0].ID, Name: people[0].Name, Department: people[0].Department, Status: dossier.AttendPresent},
		{Person: people[1].ID, Name: people[1].Name, Department: people[1].Department, Status: dossier.AttendDelegated, Delegate: "赵磊"},
		{Person: people[2].ID, Name: people[2].Name, Department: people[2].Department, Status: dossier.AttendAbsent},
	}
	withSigs, err := api.Meetings.SetAttendance(m.ID, att)
	r.must(f, "pmo", "MeetingAPI.SetAttendance", []any{m.ID, att}, withSigs, err)
	png := signaturePNG(r, true)
	withSigs, err = api.Meetings.Sign(m.ID, 0, png)
	r.must(f, "pmo", "MeetingAPI.Sign", []any{m.ID, 0, png}, withSigs, err)
	// What the chair draws and ticks differs from the recording.
	for i := range r.files[f] {
		if c := r.files[f][i].Call; (c == "MeetingAPI.SetAttendance" || c == "MeetingAPI.Sign" || c == "MeetingAPI.Create") && r.files[f][i].Error == nil {
			r.files[f][i].AnyArgs = true
		}
	}

	cond := dossier.ReviewDecidedBody{Decision: dossier.ReviewConditional, Conditions: []string{"补充回退演练记录", "上线前复核性能压测结果"}}
	v, err := api.Meetings.Decide(m.ID, open[0].Dossier.ID, cond)
	r.must("meeting-decided", "pmo", "MeetingAPI.Decide", []any{m.ID, open[0].Dossier.ID, cond}, v, err)
	b, err = api.Meetings.Board(m.ID)
	r.must("meeting-decided", "pmo", "MeetingAPI.Board", []any{m.ID}, b, err)

	post := dossier.ReviewDecidedBody{Decision: dossier.ReviewPostpone, Window: open[1].Proposed.ID, Remark: "性能压测未完成"}
	v, err = api.Meetings.Decide(m.ID, open[1].Dossier.ID, post)
	r.must("meeting-postponed", "pmo", "MeetingAPI.Decide", []any{m.ID, open[1].Dossier.ID, post}, v, err)
	b, err = api.Meetings.Board(m.ID)
	r.must("meeting-postponed", "pmo", "MeetingAPI.Board", []any{m.ID}, b, err)

	const g = "meeting-closed"
	closed, err := api.Meetings.Close(m.ID, "zh-CN")
	r.must(g, "pmo", "MeetingAPI.Close", []any{m.ID, "zh-CN"}, closed, err)
	if closed.Minutes == nil {
		r.t.Fatal("the meeting closed without minutes")
	}
	b, err = api.Meetings.Board(m.ID)
	r.must(g, "pmo", "MeetingAPI.Board", []any{m.ID}, b, err)
	list, err = api.Meetings.List()
	r.must(g, "pmo", "MeetingAPI.List", nil, list, err)
	v = r.view(g, open[0].Dossier.ID, "project_manager")

	// The minutes PDF carries the wall-clock signing time and a randomised
	// signature: its hash, its size and the ids of the review.minutes
	// events change every run. Each is replaced by a fixed value, the same
	// in every answer of the file.
	fixed := map[string]string{
		closed.Minutes.SHA256:                          strings.Repeat("5c", 32),
		fmt.Sprintf(`"size":%d,`, closed.Minutes.Size): `"size":90000,`,
	}
	n := 0
	for _, h := range v.History {
		if h.Kind == dossier.KindReviewMinutes {
			n++
			fixed[h.Event] = fmt.Sprintf("%064x", n)
		}
	}
	if n != 1 {
		r.t.Fatalf("the closed meeting attached %d minutes to %s", n, v.State.ID)
	}
	for i := range r.files[g] {
		r.files[g][i].Result = replaced(r, r.files[g][i].Result, fixed)
	}
}
