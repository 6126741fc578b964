package roster

import (
	"slices"

	"golive/backend/apperr"
	"golive/backend/template"
)

// Refusal codes of the separation-of-duties checks.
const (
	// CodeDutyConflict: the person already acted on the dossier in a role
	// the template separates from this one (params: role, other_role,
	// person, other_event).
	CodeDutyConflict = "roster.duty_conflict"
	// CodeOwnSubmission: the person decides a submission he made, or that
	// was made for him or by him for another (params: person, submission).
	CodeOwnSubmission = "roster.own_submission"
	// CodeDoublePost: the person already filled another row of the same
	// countersign step (params: role, other_role, person, other_event).
	CodeDoublePost = "roster.double_post"
)

// Deed is an act Authorize counted: the event, the role it was made in,
// the person who made it and, when he acted by delegation, the person he
// acted for. Both are persons of the deed: the checks below compare
// people, never keys, so two keys of one person are one person, and a
// delegate and the one he stands in for are both bound by what the deed
// was.
type Deed struct {
	// Event is the event's id.
	Event string `json:"event"`
	// Role is the template role the event was made in.
	Role string `json:"role"`
	// Person is the person id of the key's owner.
	Person string `json:"person"`
	// For is the person id of the one delegated for, "" if none.
	For string `json:"for,omitempty"`
}

// shared returns a person of a who is also a person of b, or "".
func shared(a, b Deed) string {
	for _, p := range []string{a.Person, a.For} {
		if p != "" && (p == b.Person || p == b.For) {
			return p
		}
	}
	return ""
}

// CheckSeparation refuses next with roster.duty_conflict when one of its
// persons is a person of an earlier deed in done, made in another role of
// a group of s.Separate that also holds next's role (the release operator
// never supervises his own release). The same role twice is no conflict.
// Which deeds count as done (the whole dossier, or the current release
// attempt) is the caller's choice.
func CheckSeparation(s template.Settings, done []Deed, next Deed) error {
	for _, group := range s.Separate {
		if !slices.Contains(group, next.Role) {
			continue
		}
		for _, d := range done {
			if d.Event == next.Event || d.Role == next.Role || !slices.Contains(group, d.Role) {
				continue
			}
			if p := shared(d, next); p != "" {
				return apperr.New(CodeDutyConflict, "role", next.Role, "other_role", d.Role, "person", p, "other_event", d.Event)
			}
		}
	}
	return nil
}

// CheckOwnSubmission refuses a decision with roster.own_submission when it
// shares a person with the submission it decides: an approver never
// decides his own submission, neither himself nor by delegation. The rule
// is not a template setting; it always holds.
func CheckOwnSubmission(submission, decision Deed) error {
	if p := shared(submission, decision); p != "" {
		return apperr.New(CodeOwnSubmission, "person", p, "submission", submission.Event)
	}
	return nil
}

// CheckCountersign refuses next with roster.double_post when it shares a
// person with a deed in filled, the current deeds of the other rows of
// the same countersign step. One person may fill two rows only when the
// template allows it (s.AllowDoublePost) and both deeds are his own, not
// delegated: the roster then gives him both posts himself.
func CheckCountersign(s template.Settings, filled []Deed, next Deed) error {
	for _, d := range filled {
		if d.Event == next.Event {
			continue
		}
		p := shared(d, next)
		if p == "" {
			continue
		}
		if s.AllowDoublePost && d.For == "" && next.For == "" {
			continue
		}
		return apperr.New(CodeDoublePost, "role", next.Role, "other_role", d.Role, "person", p, "other_event", d.Event)
	}
	return nil
}
