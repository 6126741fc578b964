package workflow

import "time"

// Phases of a dossier's workflow.
const (
	PhaseDraft        = "draft"
	PhaseApproval     = "approval"
	PhaseFiling       = "filing"
	PhaseExecution    = "execution"
	PhaseConfirmation = "confirmation"
	PhaseFailed       = "failed"
	PhaseConfirmed    = "confirmed"
	PhaseArchived     = "archived"
)

// Slot statuses.
const (
	SlotWaiting  = "waiting"
	SlotPending  = "pending"
	SlotApproved = "approved"
)

// Answer is a 是/否 answer to an approval item with a remark.
type Answer struct {
	Yes    bool   `json:"yes"`
	Remark string `json:"remark"`
}

// Decision is a signed approval (or submission) of a slot.
type Decision struct {
	Event string    `json:"event"`
	By    string    `json:"by"`
	Role  string    `json:"role"`
	At    time.Time `json:"at"`
	// Delegated is true when a delegate decided after a transfer.
	Delegated bool              `json:"delegated"`
	Comment   string            `json:"comment"`
	Answers   map[string]Answer `json:"answers"`
	// Covers maps each covered deliverable to the SHA-256 it had ("" when
	// it was absent).
	Covers map[string]string `json:"covers"`
	// Person is the roster person id the decision counts for: the
	// signer's person, or the approver of a witnessed decision; "" without
	// a roster.
	Person string `json:"person,omitempty"`
	// PersonName is that person's name in the roster version the event
	// names.
	PersonName string `json:"person_name,omitempty"`
	// For is the person id the decision was made for when the roster
	// counted it by delegation (代审批), else "".
	For string `json:"for,omitempty"`
	// ForName is that person's name in the roster version the event names.
	ForName string `json:"for_name,omitempty"`
	// Witness is set for a witnessed decision (在场签字): By is then the
	// device owner's key, Person the approver who signed by hand.
	Witness *Witness `json:"witness,omitempty"`
	// NotApplicable maps the deliverables the approver marked not
	// applicable to the reason given.
	NotApplicable map[string]string `json:"not_applicable,omitempty"`
}

// Stale says why an approval was dismissed.
type Stale struct {
	Deliverable string    `json:"deliverable"`
	Was         string    `json:"was"`
	Now         string    `json:"now"`
	Event       string    `json:"event"`
	At          time.Time `json:"at"`
	Previous    *Decision `json:"previous"`
}

// Urge is a reminder to a pending approver.
type Urge struct {
	By      string    `json:"by"`
	At      time.Time `json:"at"`
	Comment string    `json:"comment"`
	Event   string    `json:"event"`
}

// Slot is the live state of one decision slot.
type Slot struct {
	Step         string    `json:"step"`
	Row          string    `json:"row,omitempty"`
	Role         string    `json:"role"`
	Status       string    `json:"status"`
	PendingSince time.Time `json:"pending_since"`
	Decision     *Decision `json:"decision,omitempty"`
	Stale        *Stale    `json:"stale,omitempty"`
	// Delegate is the public key a pending decision was transferred to.
	Delegate     string `json:"delegate,omitempty"`
	DelegateName string `json:"delegate_name,omitempty"`
	Urges        []Urge `json:"urges"`
}

// Key is "step" or "step/row".
func (s *Slot) Key() string { return SlotKey(s.Step, s.Row) }

// Version is one version of a deliverable.
type Version struct {
	No       int       `json:"no"`
	SHA256   string    `json:"sha256"`
	Name     string    `json:"name"`
	Size     int64     `json:"size"`
	Mime     string    `json:"mime"`
	HashOnly bool      `json:"hash_only"`
	Note     string    `json:"note"`
	By       string    `json:"by"`
	At       time.Time `json:"at"`
	Event    string    `json:"event"`
}

// RunbookRow is one step of the release manual as executed.
type RunbookRow struct {
	No        int    `json:"no"`
	Action    string `json:"action"`
	PlannedAt string `json:"planned_at"`
	StartedAt string `json:"started_at"`
	EndedAt   string `json:"ended_at"`
	Operator  string `json:"operator"`
	// Result is "", "ok", "failed" or "skipped".
	Result string `json:"result"`
	Notes  string `json:"notes"`
}

// TestRow is one scenario test after the release.
type TestRow struct {
	Name     string `json:"name"`
	Expected string `json:"expected"`
	Actual   string `json:"actual"`
	Passed   bool   `json:"passed"`
}

// Signoff is a signed statement by one person.
type Signoff struct {
	By      string    `json:"by"`
	Role    string    `json:"role"`
	At      time.Time `json:"at"`
	Event   string    `json:"event"`
	Comment string    `json:"comment"`
}

// PackageCheck is the re-hash of the package actually deployed.
type PackageCheck struct {
	Signoff
	Name     string `json:"name"`
	Size     int64  `json:"size"`
	SHA256   string `json:"sha256"`
	Approved string `json:"approved"`
	Match    bool   `json:"match"`
}

// SameDayTest is the requesting side's test confirmation on release day.
type SameDayTest struct {
	Signoff
	ConfirmedBy string    `json:"confirmed_by"`
	TestedAt    time.Time `json:"tested_at"`
	// Witness is set when the business user signed by hand on the
	// recorder's screen (在场签字); when Role is the release type's
	// confirmer role, the business user signed with their own key (By).
	Witness *Witness `json:"witness,omitempty"`
	// Document is the version of the test confirmation (the release
	// type's SameDayTestDocument) the record was made with.
	Document *Version `json:"document,omitempty"`
}

// Execution is one attempt at the release.
type Execution struct {
	Attempt      int           `json:"attempt"`
	Runbook      []RunbookRow  `json:"runbook"`
	Tests        []TestRow     `json:"tests"`
	PackageCheck *PackageCheck `json:"package_check,omitempty"`
	// Override is an explained acceptance of a package hash mismatch;
	// shown in red wherever the dossier appears.
	Override    *Signoff     `json:"override,omitempty"`
	Released    *Signoff     `json:"released,omitempty"`
	Supervised  *Signoff     `json:"supervised,omitempty"`
	SameDayTest *SameDayTest `json:"same_day_test,omitempty"`
	// OnCall is the development department's on-call support during the
	// release, as the runbook last recorded it.
	OnCall []OnCall `json:"on_call,omitempty"`
}

// Confirmation is the final success or failure of an attempt.
type Confirmation struct {
	Signoff
	Success  bool              `json:"success"`
	Rollback string            `json:"rollback"`
	Answers  map[string]Answer `json:"answers"`
}

// Postponement moves the release to a later date (顺延).
type Postponement struct {
	Signoff
	Attempt             int       `json:"attempt"`
	ProductionUnchanged bool      `json:"production_unchanged"`
	Reason              string    `json:"reason"`
	Plan                string    `json:"plan"`
	From                time.Time `json:"from"`
	To                  time.Time `json:"to"`
	Window              string    `json:"window,omitempty"`
	// Reopened lists the slots that must decide again.
	Reopened []string `json:"reopened"`
}

// PostReview is the recorded post-release review (事后复盘) of a release
// whose mode asks for one; the newest record counts.
type PostReview struct {
	Signoff
	Findings     string `json:"findings"`
	Actions      string `json:"actions"`
	Participants string `json:"participants"`
}

// Archive freezes the dossier.
type Archive struct {
	Signoff
	// NotApplicable gives the reason for each standard document absent.
	NotApplicable map[string]string `json:"not_applicable"`
}

// State is the workflow part of a dossier.
type State struct {
	Phase string `json:"phase"`
	Slots []Slot `json:"slots"`
	// Submission is the start step's signed submission, nil in draft.
	Submission *Decision `json:"submission,omitempty"`
	// Submissions counts submissions, resubmissions included.
	Submissions int `json:"submissions"`
	// DecidedSinceSubmit counts decisions since the last submission; a
	// withdrawal needs it to be zero.
	DecidedSinceSubmit int                  `json:"decided_since_submit"`
	Deliverables       map[string][]Version `json:"deliverables"`
	Filing             *Signoff             `json:"filing,omitempty"`
	Execution          Execution            `json:"execution"`
	PastAttempts       []Execution          `json:"past_attempts"`
	Confirmation       *Confirmation        `json:"confirmation,omitempty"`
	PastConfirmations  []Confirmation       `json:"past_confirmations"`
	Postponements      []Postponement       `json:"postponements"`
	Archive            *Archive             `json:"archive,omitempty"`
	// PostReview is the post-release review, nil until recorded.
	PostReview *PostReview `json:"post_review,omitempty"`
}

// NewState returns the draft state for plan.
func NewState(p *Plan) *State {
	st := &State{Phase: PhaseDraft, Deliverables: map[string][]Version{}, Execution: Execution{Attempt: 1}}
	for _, s := range p.Slots() {
		st.Slots = append(st.Slots, Slot{Step: s.Step, Row: s.Row, Role: s.Role, Status: SlotWaiting, Urges: []Urge{}})
	}
	if len(st.Slots) > 0 {
		st.Slots[0].Status = SlotPending
	}
	return st
}

// slot returns the live slot for step/row.
func (st *State) slot(step, row string) *Slot {
	for i := range st.Slots {
		if st.Slots[i].Step == step && st.Slots[i].Row == row {
			return &st.Slots[i]
		}
	}
	return nil
}

// Latest returns the newest version of deliverable key, or nil.
func (st *State) Latest(key string) *Version {
	v := st.Deliverables[key]
	if len(v) == 0 {
		return nil
	}
	return &v[len(v)-1]
}

// Task is something that waits for a person with Role (or the Delegate).
type Task struct {
	// Kind is "decide", "submit", "file", "execute", "supervise",
	// "confirm", "postpone", "post_review", "archive", or "filed" (a notice to the
	// recipients of the filed flow).
	Kind     string    `json:"kind"`
	Step     string    `json:"step"`
	Row      string    `json:"row,omitempty"`
	Role     string    `json:"role"`
	Delegate string    `json:"delegate,omitempty"`
	Since    time.Time `json:"since"`
	Urges    int       `json:"urges"`
	Stale    bool      `json:"stale"`
}

// Tasks lists what waits in the current phase and for whom.
func (st *State) Tasks(p *Plan) []Task {
	var out []Task
	switch st.Phase {
	case PhaseDraft:
		if s := p.Start(); s != nil {
			out = append(out, Task{Kind: "submit", Step: s.ID, Role: s.Role})
		}
	case PhaseFiling:
		if s := p.StepOfKind("filing"); s != nil {
			out = append(out, Task{Kind: "file", Step: s.ID, Role: s.Role})
		}
	case PhaseExecution:
		if st.Execution.Released == nil {
			out = append(out, Task{Kind: "execute", Role: p.Settings.ReleaseOperatorRole})
		} else {
			out = append(out, Task{Kind: "supervise", Role: p.Settings.SupervisorRole, Since: st.Execution.Released.At})
		}
	case PhaseConfirmation:
		if s := p.Confirm(); s != nil {
			out = append(out, Task{Kind: "confirm", Step: s.ID, Role: s.Role, Since: st.Execution.Supervised.At})
		}
	case PhaseFailed:
		if s := p.StepOfKind("postpone"); s != nil {
			out = append(out, Task{Kind: "postpone", Step: s.ID, Role: s.Role, Since: st.Confirmation.At})
		}
	case PhaseConfirmed:
		if p.PostReview != nil && st.PostReview == nil {
			// The review comes first: archiving waits for it.
			for _, r := range p.PostReview.Roles {
				out = append(out, Task{Kind: "post_review", Role: r, Since: st.Confirmation.At})
			}
			break
		}
		for _, r := range p.Settings.ArchiveRoles {
			out = append(out, Task{Kind: "archive", Role: r, Since: st.Confirmation.At})
		}
	}
	// The filed flow (流程备案) reaches its recipients as a notice until
	// the dossier is archived.
	if f := p.StepOfKind("filing"); f != nil && st.Filing != nil && st.Phase != PhaseArchived {
		for _, r := range f.FiledTo {
			out = append(out, Task{Kind: "filed", Step: f.ID, Role: r, Since: st.Filing.At})
		}
	}
	for _, s := range st.Slots {
		if s.Status == SlotPending && st.Phase != PhaseDraft {
			out = append(out, Task{Kind: "decide", Step: s.Step, Row: s.Row, Role: s.Role, Delegate: s.Delegate, Since: s.PendingSince, Urges: len(s.Urges), Stale: s.Stale != nil})
		}
	}
	return out
}
