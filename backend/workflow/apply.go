package workflow

import (
	"encoding/hex"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"golive/backend/apperr"
	"golive/backend/ledger"
	"golive/backend/template"
	"golive/backend/zone"
)

// DossierFacts is what Apply needs to know about the dossier besides its
// workflow state: the plan, the zone and the planned release time.
type DossierFacts struct {
	Plan *Plan
	// Zone is the dossier's zone.
	Zone *time.Location
	// PlannedAt is the dossier's current planned release time.
	PlannedAt time.Time
	// WebFacing says whether the dossier's system is reachable from the
	// internet, as recorded on the dossier; nil when it was not recorded
	// (then conditions on it hold).
	WebFacing *bool
	// Authority, when set, decides whether the author of e may act in
	// role (the organisation roster's verdict, a roster.* code when not);
	// nil takes the role an event claims at its word (a folder without a
	// roster).
	Authority func(e ledger.Event, role string) error
	// Delegate, when set, decides whether the transfer e may hand a
	// decision to the key to (under the roster, the key must be listed in
	// the version e names); nil accepts any well-formed key.
	Delegate func(e ledger.Event, to string) error
}

// Effect reports changes Apply makes outside the workflow state.
type Effect struct {
	// PlannedAt is set when a postponement moved the release.
	PlannedAt *time.Time
	// Window is set when a postponement named the window it moves to.
	Window *string
}

// IsKind reports whether kind is a workflow event kind.
func IsKind(kind string) bool { return slices.Contains(Kinds, kind) }

var sha256Hex = regexp.MustCompile(`^[0-9a-f]{64}$`)

// Apply checks e against st and, when it is allowed, folds it in. On error
// st is unchanged.
func Apply(df DossierFacts, st *State, e ledger.Event) (Effect, error) {
	if st.Phase == PhaseArchived && e.Kind != KindCommented {
		return Effect{}, apperr.New("dossier.archived")
	}
	switch e.Kind {
	case KindAttached:
		var b AttachBody
		return Effect{}, decodeThen(e, &b, func() error { return st.attach(df, e, b) })
	case KindSubmitted:
		var b SubmitBody
		return Effect{}, decodeThen(e, &b, func() error { return st.submit(df, e, b) })
	case KindDecided:
		var b DecideBody
		return Effect{}, decodeThen(e, &b, func() error { return st.decide(df, e, b) })
	case KindWithdrawn:
		var b WithdrawBody
		return Effect{}, decodeThen(e, &b, func() error { return st.withdraw(df, e, b) })
	case KindTransferred:
		var b TransferBody
		return Effect{}, decodeThen(e, &b, func() error { return st.transfer(df, e, b) })
	case KindCommented:
		var b CommentBody
		return Effect{}, decodeThen(e, &b, func() error {
			if strings.TrimSpace(b.Text) == "" {
				return apperr.New("workflow.text_required")
			}
			return nil
		})
	case KindUrged:
		var b UrgeBody
		return Effect{}, decodeThen(e, &b, func() error { return st.urge(e, b) })
	case KindFiled:
		var b FileBody
		return Effect{}, decodeThen(e, &b, func() error { return st.file(df, e, b) })
	case KindRunbook:
		var b RunbookBody
		return Effect{}, decodeThen(e, &b, func() error { return st.runbook(df, e, b) })
	case KindPackageChecked:
		var b PackageCheckBody
		return Effect{}, decodeThen(e, &b, func() error { return st.checkPackage(df, e, b) })
	case KindOverride:
		var b SignoffBody
		return Effect{}, decodeThen(e, &b, func() error { return st.override(df, e, b) })
	case KindReleased:
		var b SignoffBody
		return Effect{}, decodeThen(e, &b, func() error { return st.release(df, e, b) })
	case KindSupervised:
		var b SignoffBody
		return Effect{}, decodeThen(e, &b, func() error { return st.supervise(df, e, b) })
	case KindSameDayTest:
		var b SameDayTestBody
		return Effect{}, decodeThen(e, &b, func() error { return st.sameDayTest(df, e, b) })
	case KindConfirmed:
		var b ConfirmBody
		return Effect{}, decodeThen(e, &b, func() error { return st.confirm(df, e, b) })
	case KindPostponed:
		var b PostponeBody
		var eff Effect
		err := decodeThen(e, &b, func() error {
			t, err := st.postpone(df, e, b)
			eff.PlannedAt = t
			if err == nil {
				w := b.Window
				eff.Window = &w
			}
			return err
		})
		return eff, err
	case KindPostReview:
		var b PostReviewBody
		return Effect{}, decodeThen(e, &b, func() error { return st.postReview(df, e, b) })
	case KindArchived:
		var b ArchiveBody
		return Effect{}, decodeThen(e, &b, func() error { return st.archive(df, e, b) })
	}
	return Effect{}, apperr.New("workflow.unknown_kind", "kind", e.Kind)
}

func decodeThen(e ledger.Event, v any, f func() error) error {
	if err := e.Decode(v); err != nil {
		return apperr.Wrap(err, "workflow.bad_body", "kind", e.Kind)
	}
	return f()
}

func signoff(e ledger.Event, role, comment string) *Signoff {
	return &Signoff{By: e.Author, Role: role, At: e.Time, Event: e.ID, Comment: strings.TrimSpace(comment)}
}

// --- deliverables ---------------------------------------------------------

func (st *State) attach(df DossierFacts, e ledger.Event, b AttachBody) error {
	d, ok := df.Plan.Deliverable(b.Deliverable)
	switch {
	case !ok:
		return apperr.New("workflow.unknown_deliverable", "deliverable", b.Deliverable)
	case d.Generated:
		return apperr.New("workflow.generated_deliverable", "deliverable", b.Deliverable)
	case b.HashOnly && !d.HashOnly:
		return apperr.New("workflow.not_hash_only", "deliverable", b.Deliverable)
	case !sha256Hex.MatchString(b.SHA256):
		return apperr.New("workflow.bad_digest", "sha256", b.SHA256)
	case strings.TrimSpace(b.Name) == "" || b.Size < 0:
		return apperr.New("workflow.bad_body", "kind", e.Kind)
	}
	prev := st.Latest(b.Deliverable)
	st.Deliverables[b.Deliverable] = append(st.Deliverables[b.Deliverable], Version{
		No: len(st.Deliverables[b.Deliverable]) + 1, SHA256: b.SHA256, Name: b.Name, Size: b.Size, Mime: b.Mime,
		HashOnly: b.HashOnly, Note: strings.TrimSpace(b.Note), By: e.Author, At: e.Time, Event: e.ID,
	})
	if prev != nil && prev.SHA256 == b.SHA256 {
		return nil
	}
	// A changed deliverable dismisses the approvals that covered it, until
	// the release is done; later steps then wait for the reopened one.
	if st.Phase == PhaseApproval || st.Phase == PhaseFiling || (st.Phase == PhaseExecution && st.Execution.Released == nil) {
		dismissed := false
		for i := range st.Slots {
			s := &st.Slots[i]
			if s.Status != SlotApproved || s.Decision == nil || i == 0 {
				continue
			}
			if was, covered := s.Decision.Covers[b.Deliverable]; covered && was != b.SHA256 {
				s.Stale = &Stale{Deliverable: b.Deliverable, Was: was, Now: b.SHA256, Event: e.ID, At: e.Time, Previous: s.Decision}
				s.Status, s.Decision, s.PendingSince, s.Delegate, s.DelegateName = SlotPending, nil, e.Time, "", ""
				dismissed = true
			}
		}
		if dismissed {
			st.Phase = PhaseApproval
			st.advance(df, e.Time)
		}
	}
	return nil
}

// covers records the current version of every deliverable a decision on
// spec sees: the slot's own and the start step's.
func (st *State) covers(df DossierFacts, spec SlotSpec) map[string]string {
	out := map[string]string{}
	add := func(ds []SlotSpec) {
		for _, s := range ds {
			for _, d := range s.Deliverables {
				if d.Generated {
					continue
				}
				sum := ""
				if v := st.Latest(d.ID); v != nil {
					sum = v.SHA256
				}
				out[d.ID] = sum
			}
		}
	}
	slots := df.Plan.Slots()
	add([]SlotSpec{spec})
	if len(slots) > 0 && spec.Key() != slots[0].Key() {
		add(slots[:1])
	}
	return out
}

// missing lists the unanswered items and the absent required deliverables
// of spec that apply to the dossier (see Needs); waived names deliverables
// the approver marked not applicable, each with its reason.
func (st *State) missing(df DossierFacts, spec SlotSpec, answers map[string]Answer, waived map[string]string) error {
	need := st.Needs(df, spec, answers)
	for id, why := range waived {
		d, ok := need.deliverable(id)
		if !ok || !d.Waivable || strings.TrimSpace(why) == "" {
			return apperr.New("workflow.not_waivable", "deliverable", id)
		}
	}
	var items, delivs []string
	for _, it := range need.Items {
		if !it.Asked {
			continue
		}
		a, ok := answers[it.ID]
		if !ok || (!a.Yes && strings.TrimSpace(a.Remark) == "") {
			items = append(items, it.ID)
		}
	}
	for _, d := range need.Deliverables {
		if d.Required && !d.Present && strings.TrimSpace(waived[d.ID]) == "" {
			delivs = append(delivs, d.ID)
		}
	}
	if len(items)+len(delivs) == 0 {
		return nil
	}
	return apperr.New("workflow.incomplete", "items", strings.Join(items, ","), "deliverables", strings.Join(delivs, ","))
}

// --- approval -------------------------------------------------------------

func (st *State) submit(df DossierFacts, e ledger.Event, b SubmitBody) error {
	if err := st.gateSubmit(df.Plan, claimant(df, e, b.Role)); err != nil {
		return err
	}
	start := df.Plan.Slots()[0]
	if err := st.missing(df, start, b.Answers, nil); err != nil {
		return err
	}
	d := &Decision{Event: e.ID, By: e.Author, Role: b.Role, At: e.Time, Comment: strings.TrimSpace(b.Comment), Answers: b.Answers, Covers: st.covers(df, start)}
	st.Submission, st.Submissions, st.DecidedSinceSubmit = d, st.Submissions+1, 0
	s := &st.Slots[0]
	s.Status, s.Decision, s.Stale = SlotApproved, d, nil
	st.Phase = PhaseApproval
	st.advance(df, e.Time)
	return nil
}

func (st *State) decide(df DossierFacts, e ledger.Event, b DecideBody) error {
	a := claimant(df, e, b.Role)
	var witness *Witness
	if b.Witness != nil {
		if err := witnessAllowed(df, e, b); err != nil {
			return err
		}
		w := *b.Witness
		witness = &w
		// A witnessed decision counts by the approver's standing in the
		// role, never as the slot's delegate after a transfer.
		a.PublicKey = ""
	}
	s, spec, delegated, err := st.gateDecide(df.Plan, b.Step, b.Row, a)
	if err != nil {
		return err
	}
	switch b.Decision {
	case DecisionApprove:
		if err := st.missing(df, spec, b.Answers, b.NotApplicable); err != nil {
			return err
		}
		s.Status = SlotApproved
		s.Decision = &Decision{Event: e.ID, By: e.Author, Role: s.Role, At: e.Time, Delegated: delegated,
			Comment: strings.TrimSpace(b.Comment), Answers: b.Answers, Covers: st.covers(df, spec), Witness: witness,
			NotApplicable: trimmed(b.NotApplicable)}
		s.Stale = nil
		st.DecidedSinceSubmit++
		st.advance(df, e.Time)
		return nil
	case DecisionReturn:
		if strings.TrimSpace(b.Comment) == "" {
			return apperr.New("workflow.reason_required")
		}
		target := 0
		if b.ReturnTo != "" {
			target = df.Plan.StepIndex(b.ReturnTo)
			if target < 0 || target >= spec.StepIndex || !df.Plan.Steps[target].Approval {
				return apperr.New("workflow.bad_return_target", "step", b.ReturnTo)
			}
		}
		st.DecidedSinceSubmit++
		st.reopenFrom(df, target, e.Time)
		return nil
	}
	return apperr.New("workflow.bad_decision", "decision", b.Decision)
}

// CodeNoRoster refuses a witnessed decision (在场签字) in a folder without
// an organisation roster: only the roster can say who the approver is.
const CodeNoRoster = "roster.none"

// witnessAllowed checks the 在场签字 part of b before its author is
// judged: the step must allow it (template step Witnessed,
// workflow.witness_not_allowed), a roster must be in force (df.Authority,
// roster.none), and the witness must name a person, an image by SHA-256
// and a known kind (workflow.bad_witness). The event must name the roster
// version it was made under ("roster"): one made before the folder had a
// roster never counts, even once a roster adopted the events of its time.
// An unknown slot is left to the gate.
func witnessAllowed(df DossierFacts, e ledger.Event, b DecideBody) error {
	if spec, ok := df.Plan.Slot(b.Step, b.Row); ok && !df.Plan.Steps[spec.StepIndex].Witnessed {
		return apperr.New("workflow.witness_not_allowed", "step", b.Step)
	}
	var claim struct {
		Roster string `json:"roster"`
	}
	if df.Authority == nil || e.Decode(&claim) != nil || claim.Roster == "" {
		return apperr.New(CodeNoRoster)
	}
	w := b.Witness
	if strings.TrimSpace(w.Person) == "" || !sha256Hex.MatchString(w.Image) || (w.Kind != WitnessHandwritten && w.Kind != WitnessScan) {
		return apperr.New("workflow.bad_witness", "person", w.Person, "kind", w.Kind)
	}
	return nil
}

// WitnessAllowed reports whether the plan lets slot step/row take a
// witnessed decision (在场签字): the slot exists, is not the start step's,
// and its step allows it.
func (p *Plan) WitnessAllowed(step, row string) bool {
	spec, ok := p.Slot(step, row)
	return ok && spec.StepIndex > 0 && p.Steps[spec.StepIndex].Witnessed
}

// reopenFrom makes every slot of steps from index target on decide again;
// target 0 sends the dossier back to its submitter (draft).
func (st *State) reopenFrom(df DossierFacts, target int, at time.Time) {
	specs := df.Plan.Slots()
	for i := range st.Slots {
		if specs[i].StepIndex >= target {
			s := &st.Slots[i]
			s.wait()
			s.Decision, s.Stale = nil, nil
		}
	}
	if target == 0 {
		st.Submission = nil
		st.Slots[0].Status = SlotPending
		st.Phase = PhaseDraft
		return
	}
	st.Phase = PhaseApproval
	st.advance(df, at)
}

// wait puts a slot back to waiting: no longer pending, without delegate
// or urges. Its decision and stale mark are the caller's to keep or drop.
func (s *Slot) wait() {
	s.Status, s.PendingSince, s.Delegate, s.DelegateName, s.Urges = SlotWaiting, time.Time{}, "", "", []Urge{}
}

// advance opens the first approval step that is not fully approved — its
// waiting slots become pending — and puts every pending slot of a later
// step back to waiting, so only that step is ever pending (see "Stale
// approvals" in the package doc). When every step is approved it moves the
// phase on.
func (st *State) advance(df DossierFacts, at time.Time) {
	if st.Phase == PhaseDraft || st.Phase == PhaseArchived {
		return
	}
	specs := df.Plan.Slots()
	open := -1
	for i, s := range st.Slots {
		if s.Status != SlotApproved && (open < 0 || specs[i].StepIndex < open) {
			open = specs[i].StepIndex
		}
	}
	if open >= 0 {
		for i := range st.Slots {
			s := &st.Slots[i]
			switch {
			case specs[i].StepIndex == open && s.Status == SlotWaiting:
				s.Status, s.PendingSince = SlotPending, at
			case specs[i].StepIndex > open && s.Status == SlotPending:
				s.wait()
			}
		}
		st.Phase = PhaseApproval
		return
	}
	if st.Phase != PhaseApproval {
		return
	}
	if df.Plan.StepOfKind("filing") != nil && st.Filing == nil {
		st.Phase = PhaseFiling
		return
	}
	st.Phase = PhaseExecution
	st.afterExecutionChange()
}

func (st *State) afterExecutionChange() {
	if st.Phase == PhaseExecution && st.Execution.Supervised != nil {
		st.Phase = PhaseConfirmation
	}
}

func (st *State) withdraw(df DossierFacts, e ledger.Event, b WithdrawBody) error {
	if err := st.gateWithdraw(df.Plan, claimant(df, e, b.Role)); err != nil {
		return err
	}
	st.reopenFrom(df, 0, e.Time)
	return nil
}

func (st *State) transfer(df DossierFacts, e ledger.Event, b TransferBody) error {
	s, err := st.gateTransfer(b.Step, b.Row, claimant(df, e, b.Role))
	if err != nil {
		return err
	}
	if k, err := hex.DecodeString(b.To); err != nil || len(k) != 32 || b.To == e.Author || strings.TrimSpace(b.ToName) == "" {
		return apperr.New("workflow.bad_delegate")
	}
	if df.Delegate != nil {
		if err := df.Delegate(e, b.To); err != nil {
			return err
		}
	}
	s.Delegate, s.DelegateName = b.To, strings.TrimSpace(b.ToName)
	return nil
}

func (st *State) urge(e ledger.Event, b UrgeBody) error {
	s, err := st.pendingSlot(b.Step, b.Row)
	if err != nil {
		return err
	}
	s.Urges = append(s.Urges, Urge{By: e.Author, At: e.Time, Comment: strings.TrimSpace(b.Comment), Event: e.ID})
	return nil
}

// --- execution ------------------------------------------------------------

func (st *State) runbook(df DossierFacts, e ledger.Event, b RunbookBody) error {
	if err := st.gateOperator(df.Plan, claimant(df, e, b.Role), "runbook"); err != nil {
		return err
	}
	for i, r := range b.Runbook {
		if strings.TrimSpace(r.Action) == "" {
			return apperr.New("workflow.bad_runbook", "row", itoa(i+1), "problem", "action")
		}
		if !slices.Contains([]string{"", "ok", "failed", "skipped"}, r.Result) {
			return apperr.New("workflow.bad_runbook", "row", itoa(i+1), "problem", "result")
		}
		for _, v := range []string{r.PlannedAt, r.StartedAt, r.EndedAt} {
			if v != "" {
				if _, err := zone.ParseTime(v, df.Zone, "workflow.bad_time"); err != nil {
					return err
				}
			}
		}
		b.Runbook[i].No = i + 1
	}
	for i, t := range b.Tests {
		if strings.TrimSpace(t.Name) == "" {
			return apperr.New("workflow.bad_runbook", "row", itoa(i+1), "problem", "test")
		}
	}
	if err := checkOnCall(df, b.OnCall); err != nil {
		return err
	}
	st.Execution.Runbook, st.Execution.Tests, st.Execution.OnCall = b.Runbook, b.Tests, b.OnCall
	return nil
}

// checkOnCall refuses an on-call row without a name or a phone, with a
// time that does not parse, or that ends before it starts
// (workflow.bad_on_call naming the row and the problem).
func checkOnCall(df DossierFacts, rows []OnCall) error {
	for i, r := range rows {
		bad := func(problem string) error {
			return apperr.New("workflow.bad_on_call", "row", itoa(i+1), "problem", problem, "name", r.Name)
		}
		if strings.TrimSpace(r.Name) == "" {
			return bad("missing_name")
		}
		if strings.TrimSpace(r.Phone) == "" {
			return bad("missing_phone")
		}
		var from, until time.Time
		for _, v := range []struct {
			s string
			t *time.Time
		}{{r.From, &from}, {r.Until, &until}} {
			if v.s == "" {
				continue
			}
			t, err := zone.ParseTime(v.s, df.Zone, "workflow.bad_time")
			if err != nil {
				return err
			}
			*v.t = t
		}
		if !from.IsZero() && !until.IsZero() && until.Before(from) {
			return bad("ends_early")
		}
	}
	return nil
}

func (st *State) checkPackage(df DossierFacts, e ledger.Event, b PackageCheckBody) error {
	if err := st.gateOperator(df.Plan, claimant(df, e, b.Role), "package_check"); err != nil {
		return err
	}
	pkg, ok := df.Plan.Package()
	approved := st.Latest(pkg.ID)
	if !ok || approved == nil {
		return apperr.New("workflow.no_package")
	}
	if !sha256Hex.MatchString(b.SHA256) {
		return apperr.New("workflow.bad_digest", "sha256", b.SHA256)
	}
	st.Execution.PackageCheck = &PackageCheck{Signoff: *signoff(e, b.Role, ""), Name: b.Name, Size: b.Size, SHA256: b.SHA256,
		Approved: approved.SHA256, Match: approved.SHA256 == b.SHA256}
	if st.Execution.PackageCheck.Match {
		st.Execution.Override = nil
	}
	return nil
}

func (st *State) override(df DossierFacts, e ledger.Event, b SignoffBody) error {
	if err := st.gateOperator(df.Plan, claimant(df, e, b.Role), "override"); err != nil {
		return err
	}
	if err := st.mismatch(); err != nil {
		return err
	}
	if strings.TrimSpace(b.Comment) == "" {
		return apperr.New("workflow.reason_required")
	}
	st.Execution.Override = signoff(e, b.Role, b.Comment)
	return nil
}

func (st *State) release(df DossierFacts, e ledger.Event, b SignoffBody) error {
	if err := st.gateOperator(df.Plan, claimant(df, e, b.Role), "release"); err != nil {
		return err
	}
	if err := st.releaseBlocker(df.Plan); err != nil {
		return err
	}
	st.Execution.Released = signoff(e, b.Role, b.Comment)
	return nil
}

func (st *State) supervise(df DossierFacts, e ledger.Event, b SignoffBody) error {
	if err := st.gateSupervise(df.Plan, claimant(df, e, b.Role)); err != nil {
		return err
	}
	st.Execution.Supervised = signoff(e, b.Role, b.Comment)
	st.afterExecutionChange()
	return nil
}

func (st *State) sameDayTest(df DossierFacts, e ledger.Event, b SameDayTestBody) error {
	p := df.Plan
	if err := st.gateSameDayTest(p, claimant(df, e, b.Role)); err != nil {
		return err
	}
	// The test confirmation the release type names comes first: the
	// refusal names it.
	var doc *Version
	if p.SameDayTestDocument != "" {
		key := DocPrefix + p.SameDayTestDocument
		if doc = st.Latest(key); doc == nil {
			return apperr.New("workflow.incomplete", "items", "", "deliverables", key)
		}
	}
	signed := len(p.SameDayTestRoles) > 0
	var witness *Witness
	switch {
	case !signed:
		// A template without same-day test roles: the confirmer's name
		// as typed (events made before the guideline's reading).
		if strings.TrimSpace(b.ConfirmedBy) == "" {
			return apperr.New("workflow.confirmer_required")
		}
	case b.Witness != nil:
		if err := sameDayWitness(df, e, b.Witness); err != nil {
			return err
		}
		w := *b.Witness
		witness = &w
	case b.Role == "" || b.Role != p.SameDayTestConfirmerRole:
		// The PM or the system owner cannot type the business user's
		// name: the business user signs, by key or by hand.
		return apperr.New("workflow.confirmation_unsigned", "role", p.SameDayTestConfirmerRole)
	}
	at, err := zone.ParseTime(b.TestedAt, df.Zone, "workflow.bad_time")
	if err != nil {
		return err
	}
	rel := st.Execution.Released.At.In(df.Zone)
	if at.Format(time.DateOnly) != rel.Format(time.DateOnly) {
		return apperr.New("workflow.not_same_day", "released", rel.Format(time.DateOnly), "tested", at.Format(time.DateOnly))
	}
	st.Execution.SameDayTest = &SameDayTest{Signoff: *signoff(e, b.Role, b.Note), ConfirmedBy: strings.TrimSpace(b.ConfirmedBy),
		TestedAt: at, Witness: witness, Document: doc}
	return nil
}

// sameDayWitness checks the 在场签字 of a same-day test as witnessAllowed
// does a decision's: a roster in force named by the event
// (roster.none), a person, an image by SHA-256 and a known kind
// (workflow.bad_witness).
func sameDayWitness(df DossierFacts, e ledger.Event, w *Witness) error {
	var claim struct {
		Roster string `json:"roster"`
	}
	if df.Authority == nil || e.Decode(&claim) != nil || claim.Roster == "" {
		return apperr.New(CodeNoRoster)
	}
	if strings.TrimSpace(w.Person) == "" || !sha256Hex.MatchString(w.Image) || (w.Kind != WitnessHandwritten && w.Kind != WitnessScan) {
		return apperr.New("workflow.bad_witness", "person", w.Person, "kind", w.Kind)
	}
	return nil
}

// --- confirmation, postponement, archive ----------------------------------

func (st *State) confirm(df DossierFacts, e ledger.Event, b ConfirmBody) error {
	if err := st.gateConfirm(df.Plan, claimant(df, e, b.Role)); err != nil {
		return err
	}
	spec := df.Plan.ConfirmSpec(b.Success)
	if err := st.missing(df, spec, b.Answers, nil); err != nil {
		return err
	}
	if b.Success && df.Plan.SameDayTest && st.Execution.SameDayTest == nil {
		return apperr.New("workflow.same_day_test_required")
	}
	if !b.Success && strings.TrimSpace(b.Rollback) == "" {
		return apperr.New("workflow.rollback_required")
	}
	st.Confirmation = &Confirmation{Signoff: *signoff(e, b.Role, b.Comment), Success: b.Success, Rollback: strings.TrimSpace(b.Rollback), Answers: b.Answers}
	if b.Success {
		st.Phase = PhaseConfirmed
	} else {
		st.Phase = PhaseFailed
	}
	return nil
}

func (st *State) postpone(df DossierFacts, e ledger.Event, b PostponeBody) (*time.Time, error) {
	if _, err := st.gatePostpone(df.Plan, claimant(df, e, b.Role)); err != nil {
		return nil, err
	}
	if st.Phase == PhaseFailed && !b.ProductionUnchanged {
		return nil, apperr.New("workflow.production_changed")
	}
	if strings.TrimSpace(b.Reason) == "" || strings.TrimSpace(b.Plan) == "" {
		return nil, apperr.New("workflow.reason_required")
	}
	to, err := zone.ParseTime(b.PlannedAt, df.Zone, "workflow.bad_time")
	if err != nil {
		return nil, err
	}
	if !to.After(df.PlannedAt) {
		return nil, apperr.New("workflow.date_not_later", "from", df.PlannedAt.Format("2006-01-02 15:04"))
	}
	p := Postponement{Signoff: *signoff(e, b.Role, ""), Attempt: st.Execution.Attempt, ProductionUnchanged: b.ProductionUnchanged,
		Reason: strings.TrimSpace(b.Reason), Plan: strings.TrimSpace(b.Plan), From: df.PlannedAt, To: to, Window: b.Window, Reopened: []string{}}
	st.PastAttempts = append(st.PastAttempts, st.Execution)
	if st.Confirmation != nil {
		st.PastConfirmations = append(st.PastConfirmations, *st.Confirmation)
	}
	st.Execution, st.Confirmation = Execution{Attempt: st.Execution.Attempt + 1}, nil
	st.Phase = PhaseExecution
	if df.Plan.Settings.ApprovalsCarryOver == "none" {
		first := 1
		if len(df.Plan.Slots()) > 1 {
			first = df.Plan.Slots()[1].StepIndex
		}
		for _, s := range st.Slots[1:] {
			p.Reopened = append(p.Reopened, s.Key())
		}
		st.reopenFrom(df, first, e.Time)
	} else {
		for _, s := range st.Slots {
			if s.Status != SlotApproved {
				p.Reopened = append(p.Reopened, s.Key())
			}
		}
		st.Phase = PhaseApproval
		st.advance(df, e.Time)
	}
	sort.Strings(p.Reopened)
	st.Postponements = append(st.Postponements, p)
	return &to, nil
}

// postReview records the post-release review; findings, actions and
// participants are all required (workflow.post_review_incomplete names
// the missing ones in "fields").
func (st *State) postReview(df DossierFacts, e ledger.Event, b PostReviewBody) error {
	if err := st.gatePostReview(df.Plan, claimant(df, e, b.Role)); err != nil {
		return err
	}
	r := PostReview{Signoff: *signoff(e, b.Role, ""), Findings: strings.TrimSpace(b.Findings),
		Actions: strings.TrimSpace(b.Actions), Participants: strings.TrimSpace(b.Participants)}
	var missing []string
	for _, f := range []struct{ name, v string }{{"findings", r.Findings}, {"actions", r.Actions}, {"participants", r.Participants}} {
		if f.v == "" {
			missing = append(missing, f.name)
		}
	}
	if len(missing) > 0 {
		return apperr.New("workflow.post_review_incomplete", "fields", strings.Join(missing, ","))
	}
	st.PostReview = &r
	return nil
}

func (st *State) archive(df DossierFacts, e ledger.Event, b ArchiveBody) error {
	if err := st.gateArchive(df.Plan, claimant(df, e, b.Role)); err != nil {
		return err
	}
	if df.Plan.PostReview != nil && df.Plan.PostReview.RequiredBefore == template.PostReviewBeforeArchive && st.PostReview == nil {
		return apperr.New("workflow.post_review_required")
	}
	present := st.documentsPresent(df)
	var missing []string
	na := map[string]string{}
	for _, d := range df.Plan.Documents {
		if present[d.ID] {
			continue
		}
		if r := strings.TrimSpace(b.NotApplicable[d.ID]); r != "" {
			na[d.ID] = r
			continue
		}
		missing = append(missing, d.ID)
	}
	if len(missing) > 0 {
		return apperr.New("workflow.documents_missing", "documents", strings.Join(missing, ","))
	}
	st.Archive = &Archive{Signoff: *signoff(e, b.Role, ""), NotApplicable: na}
	st.Phase = PhaseArchived
	return nil
}

// DocumentsPresent reports, per standard document id, whether a version of
// it is attached (as a step deliverable mapped to it, or on its own).
func (st *State) documentsPresent(df DossierFacts) map[string]bool {
	out := map[string]bool{}
	for key, vs := range st.Deliverables {
		if len(vs) == 0 {
			continue
		}
		if d, ok := df.Plan.Deliverable(key); ok && d.Document != "" {
			out[d.Document] = true
		}
	}
	return out
}

// DocumentsPresent is documentsPresent for callers outside the package.
func (st *State) DocumentsPresent(p *Plan) map[string]bool {
	return st.documentsPresent(DossierFacts{Plan: p})
}

func itoa(n int) string { return strconv.Itoa(n) }
