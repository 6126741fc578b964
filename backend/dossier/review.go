package dossier

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"golive/backend/apperr"
	"golive/backend/ledger"
	"golive/backend/template"
	"golive/backend/workflow"
)

// Event kinds of the go-live review meeting (项目上线评审会): the chair's
// decision on the dossier, and the meeting's minutes attached to it.
const (
	KindReviewDecided = "review.decided"
	KindReviewMinutes = "review.minutes"
)

// Review decisions (评审结论).
const (
	// ReviewPass is 通过.
	ReviewPass = "pass"
	// ReviewConditional is 有条件通过: the conditions become checklist
	// items of the dossier.
	ReviewConditional = "conditional"
	// ReviewPostpone is 顺延: the release moves to a later window.
	ReviewPostpone = "postpone"
	// ReviewReject is 不通过.
	ReviewReject = "reject"
)

// ReviewDecisions lists the decisions in the order a meeting offers them.
var ReviewDecisions = []string{ReviewPass, ReviewConditional, ReviewPostpone, ReviewReject}

// Attendance statuses of a review meeting (出席情况).
const (
	AttendPresent   = "present"
	AttendDelegated = "delegated"
	AttendAbsent    = "absent"
)

// ReviewDecidedBody is the body of a review.decided event: the chair of a
// review meeting records the meeting's decision on the dossier.
type ReviewDecidedBody struct {
	// Role is the role the author acts in: the template's review chair.
	Role string `json:"role"`
	// Roster is the roster version the event was made under.
	Roster string `json:"roster,omitempty"`
	// Meeting is the meeting id; Title its title.
	Meeting string `json:"meeting"`
	Title   string `json:"title"`
	// Decision is one of the Review constants.
	Decision string `json:"decision"`
	// Conditions are the conditions of a conditional pass, one per item.
	Conditions []string `json:"conditions,omitempty"`
	// Window and PlannedAt are where a postponement moves the release.
	Window    string `json:"window,omitempty"`
	PlannedAt string `json:"planned_at,omitempty"`
	// Remark is the chair's remark; the reason of a rejection or a
	// postponement.
	Remark string `json:"remark,omitempty"`
}

// Attendee is one person of a review meeting's attendance list.
type Attendee struct {
	// Person is the roster person id ("" for a guest); Name is shown.
	Person string `json:"person"`
	Name   string `json:"name"`
	// Department is the person's department name, as shown.
	Department string `json:"department,omitempty"`
	// Status is one of the Attend constants.
	Status string `json:"status"`
	// Delegate names who attended in the person's place (delegated).
	Delegate string `json:"delegate,omitempty"`
	// Signature is the SHA-256 of the attendee's handwritten signature,
	// witnessed on the chair's laptop, "" when not signed.
	Signature string `json:"signature,omitempty"`
}

// ReviewMinutesBody is the body of a review.minutes event: the meeting's
// signed minutes (会议纪要), attached to a dossier it decided on.
type ReviewMinutesBody struct {
	Role   string `json:"role"`
	Roster string `json:"roster,omitempty"`
	// Meeting is the meeting id; Title its title; HeldAt when it was
	// held (RFC 3339 with its zone).
	Meeting string `json:"meeting"`
	Title   string `json:"title"`
	HeldAt  string `json:"held_at"`
	// File is the minutes PDF.
	File EvidenceFile `json:"file"`
	// Attendance is who attended, with their witnessed signatures.
	Attendance []Attendee `json:"attendance"`
}

// Review is one decision of a review meeting on the dossier.
type Review struct {
	Meeting    string    `json:"meeting"`
	Title      string    `json:"title"`
	Decision   string    `json:"decision"`
	Conditions []string  `json:"conditions"`
	Window     string    `json:"window,omitempty"`
	Remark     string    `json:"remark,omitempty"`
	By         string    `json:"by"`
	At         time.Time `json:"at"`
	Event      string    `json:"event"`
	// Minutes is the meeting's minutes once attached, nil before.
	Minutes *EvidenceFile `json:"minutes,omitempty"`
	// HeldAt is when the meeting was held, from its minutes.
	HeldAt time.Time `json:"held_at,omitempty"`
}

// Condition is a condition of a conditional pass: a checklist item of the
// dossier, done like the template's items (its entry is in Checklist).
type Condition struct {
	// ID is the checklist item id: "cond-" + the decision event's id
	// prefix + "-" + its number.
	ID string `json:"id"`
	// Text is the condition as the meeting worded it.
	Text string `json:"text"`
	// Meeting and Title name the meeting that set it.
	Meeting string `json:"meeting"`
	Title   string `json:"title"`
}

// conditionID returns the checklist id of condition n (from 1) of the
// decision event id.
func conditionID(event string, n int) string {
	if len(event) > 12 {
		event = event[:12]
	}
	return fmt.Sprintf("cond-%s-%d", event, n)
}

// HasCondition reports whether item is the id of one of st's conditions.
func (st State) HasCondition(item string) bool {
	return slices.ContainsFunc(st.Conditions, func(c Condition) bool { return c.ID == item })
}

// ReviewChair returns the role that chairs review meetings in tpl: the
// settings' review_chair_role, else the template editor (the PMO) for
// templates saved before it existed.
func ReviewChair(tpl *template.Template) string {
	if tpl.Settings.ReviewChairRole != "" {
		return tpl.Settings.ReviewChairRole
	}
	return tpl.Settings.TemplateEditorRole
}

// ReviewRefusal says why decision b may not be recorded on st now (nil
// when it may), without changing b: what a meeting's board shows.
func ReviewRefusal(st State, b ReviewDecidedBody) error { return reviewRefusal(st, &b) }

// reviewRefusal says why the chair's decision b may not be recorded on st
// (nil when it may): the checks the fold and the service share. It trims
// b's remark and drops its empty conditions.
func reviewRefusal(st State, b *ReviewDecidedBody) error {
	if st.Flow != nil && st.Flow.Phase == workflow.PhaseArchived {
		return apperr.New("dossier.archived")
	}
	if st.Flow != nil && st.Flow.Phase != workflow.PhaseDraft {
		return apperr.New("review.after_submission")
	}
	if strings.TrimSpace(b.Meeting) == "" {
		return apperr.New("review.no_meeting")
	}
	b.Remark = strings.TrimSpace(b.Remark)
	switch b.Decision {
	case ReviewPass:
	case ReviewConditional:
		var conds []string
		for _, c := range b.Conditions {
			if c = strings.TrimSpace(c); c != "" {
				conds = append(conds, c)
			}
		}
		if len(conds) == 0 {
			return apperr.New("review.conditions_required")
		}
		b.Conditions = conds
	case ReviewPostpone:
		if b.PlannedAt == "" {
			return apperr.New("review.postpone_target_required")
		}
		if _, err := time.Parse(time.RFC3339, b.PlannedAt); err != nil {
			return apperr.Wrap(err, "dossier.bad_time", "value", b.PlannedAt)
		}
	case ReviewReject:
		if b.Remark == "" {
			return apperr.New("review.reason_required")
		}
	default:
		return apperr.New("review.bad_decision", "decision", b.Decision)
	}
	if b.Decision != ReviewConditional && len(b.Conditions) > 0 {
		return apperr.New("review.conditions_only_conditional")
	}
	return nil
}

// chairRefusal says why e's author may not act as the review chair: the
// role claimed is not the template's chair (review.not_chair), or the
// roster does not let the key hold it at that time (a roster.* code).
func (f *replay) chairRefusal(e ledger.Event, role string) error {
	chair := ReviewChair(f.tpl)
	if role == "" || role != chair {
		return apperr.New("review.not_chair", "role", chair)
	}
	if f.auth != nil {
		if _, err := f.auth.verdict(&f.st, e, role); err != nil {
			return err
		}
	}
	return nil
}

// applyReview folds a review.decided or review.minutes event into the
// state.
func (f *replay) applyReview(e ledger.Event, p map[string]string) error {
	st := &f.st
	switch e.Kind {
	case KindReviewDecided:
		var b ReviewDecidedBody
		if err := e.Decode(&b); err != nil {
			return apperr.Wrap(err, "workflow.bad_body", "kind", e.Kind)
		}
		p["meeting"], p["title"], p["decision"], p["remark"] = b.Meeting, b.Title, b.Decision, b.Remark
		if err := reviewRefusal(*st, &b); err != nil {
			return err
		}
		if err := f.chairRefusal(e, b.Role); err != nil {
			return err
		}
		r := Review{Meeting: b.Meeting, Title: b.Title, Decision: b.Decision, Conditions: append([]string{}, b.Conditions...),
			Window: b.Window, Remark: b.Remark, By: e.Author, At: e.Time, Event: e.ID}
		st.Reviews = append(st.Reviews, r)
		for i, c := range b.Conditions {
			st.Conditions = append(st.Conditions, Condition{ID: conditionID(e.ID, i+1), Text: c, Meeting: b.Meeting, Title: b.Title})
		}
		if len(b.Conditions) > 0 {
			p["conditions"] = strconv.Itoa(len(b.Conditions))
		}
		if b.Decision == ReviewPostpone {
			t, _ := time.Parse(time.RFC3339, b.PlannedAt)
			st.Window, st.PlannedAt = b.Window, t
			p["window"], p["planned_at"] = b.Window, b.PlannedAt
		}
		if item := f.tpl.Settings.ReviewItem; item != "" {
			status := StatusInProgress
			if b.Decision == ReviewPass || b.Decision == ReviewConditional {
				status = StatusDone
			}
			st.Checklist[item] = ChecklistEntry{Item: item, Status: status, Note: b.Title, By: e.Author, At: e.Time, Event: e.ID}
			if st.Stage == StagePlanning {
				st.Stage = StagePreparation
			}
		}
	case KindReviewMinutes:
		var b ReviewMinutesBody
		if err := e.Decode(&b); err != nil {
			return apperr.Wrap(err, "workflow.bad_body", "kind", e.Kind)
		}
		p["meeting"], p["title"], p["file"] = b.Meeting, b.Title, b.File.Name
		if st.Flow != nil && st.Flow.Phase == workflow.PhaseArchived {
			return apperr.New("dossier.archived")
		}
		if !sha256Hex.MatchString(b.File.SHA256) || b.File.Size <= 0 || strings.TrimSpace(b.File.Name) == "" {
			return apperr.New("dossier.bad_evidence")
		}
		for _, a := range b.Attendance {
			if a.Signature != "" && !sha256Hex.MatchString(a.Signature) {
				return apperr.New("dossier.bad_evidence")
			}
		}
		held, err := time.Parse(time.RFC3339, b.HeldAt)
		if err != nil {
			return apperr.Wrap(err, "dossier.bad_time", "value", b.HeldAt)
		}
		if err := f.chairRefusal(e, b.Role); err != nil {
			return err
		}
		found := false
		file := b.File
		for i := range st.Reviews {
			if st.Reviews[i].Meeting == b.Meeting {
				st.Reviews[i].Minutes, st.Reviews[i].HeldAt = &file, held
				found = true
			}
		}
		if !found {
			return apperr.New("review.no_decision", "meeting", b.Meeting)
		}
		// The review item's evidence becomes the minutes, when this
		// meeting's decision set it and the checklist is still open.
		if item := f.tpl.Settings.ReviewItem; item != "" && !f.submitted() {
			if c, ok := st.Checklist[item]; ok && slices.ContainsFunc(st.Reviews, func(r Review) bool { return r.Event == c.Event && r.Meeting == b.Meeting }) {
				c.File = &file
				st.Checklist[item] = c
			}
		}
	}
	return nil
}

// RecordReview records the review meeting's decision b on dossier id,
// signed by the unlocked profile acting as the template's review chair. A
// postponement without a window goes to the next open window of the
// system's class (ProposePostponement). Codes: profile.locked,
// review.* (after_submission, no_meeting, conditions_required,
// postpone_target_required, postpone_not_later, reason_required,
// bad_decision, not_chair),
// the window package's for a window that does not take the release,
// roster.* when the roster does not let the profile chair.
func (s *Service) RecordReview(id string, b ReviewDecidedBody) (View, error) {
	if b.Decision == ReviewPostpone && b.Window == "" && b.PlannedAt == "" {
		w, err := s.ProposePostponement(id)
		if err != nil {
			return View{}, err
		}
		b.Window = w.ID
	}
	if b.Decision == ReviewPostpone && b.Window != "" {
		cur, err := s.Get(id)
		if err != nil {
			return View{}, err
		}
		win := b.Window
		f := Fields{Window: &win}
		if err := s.checkWindow(cur.State.SystemCode, cur.State.Type, cur.State.Mode, &f, false); err != nil {
			return View{}, err
		}
		if f.PlannedAt != nil {
			b.PlannedAt = *f.PlannedAt
		}
		if t, err := time.Parse(time.RFC3339, b.PlannedAt); err == nil && !cur.State.PlannedAt.IsZero() && !t.After(cur.State.PlannedAt) {
			return View{}, apperr.New("review.postpone_not_later", "window", b.Window)
		}
	}
	return s.append(id, func(st State, tpl *template.Template) (string, any, error) {
		if err := reviewRefusal(st, &b); err != nil {
			return "", nil, err
		}
		b.Role = ReviewChair(tpl)
		b.Roster = s.rosterTip()
		return KindReviewDecided, b, nil
	})
}

// AttachMinutes attaches the minutes file of a review meeting to dossier
// id, where that meeting decided. Codes: profile.locked, review.no_decision,
// review.not_chair, dossier.bad_evidence, dossier.archived.
func (s *Service) AttachMinutes(id string, b ReviewMinutesBody) (View, error) {
	return s.append(id, func(st State, tpl *template.Template) (string, any, error) {
		b.Role = ReviewChair(tpl)
		b.Roster = s.rosterTip()
		if b.Attendance == nil {
			b.Attendance = []Attendee{}
		}
		return KindReviewMinutes, b, nil
	})
}

// rosterTip returns the id of the roster version in force, "" without a
// roster.
func (s *Service) rosterTip() string {
	if chain, err := s.chain(); err == nil && chain != nil {
		if tip, ok := chain.Tip(); ok {
			return tip.Event
		}
	}
	return ""
}
