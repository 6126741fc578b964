package workflow

import (
	"slices"
	"strings"

	"golive/backend/apperr"
	"golive/backend/ledger"
)

// Actor is who acts on a dossier: a public key and the roles held. For an
// event it is the author acting in the one role the event's body claims;
// for ActionsFor it is a profile with all its roles.
type Actor struct {
	// PublicKey is the Ed25519 public key in lowercase hex.
	PublicKey string `json:"public_key"`
	// Roles are template role ids.
	Roles []string `json:"roles"`

	// Probe, when set, decides instead of Roles for ActionsFor: whether
	// the actor may make an event of kind on slot step/row (empty when the
	// act names none) in role now. The dossier service sets it from the
	// roster in force, with the fold's own rules, so that the UI offers
	// exactly what the fold would count. Roles must then list every role
	// the probe may accept (all the template's roles).
	Probe func(kind, step, row, role string) error `json:"-"`

	// authority, when set, must also accept the role: the roster's verdict
	// on the event (DossierFacts.Authority) or the Probe bound to an act.
	authority func(role string) error
}

// doing returns a bound to an act of kind on slot step/row: its Probe, if
// any, becomes the authority that accepts or refuses each role.
func (a Actor) doing(kind, step, row string) Actor {
	if a.Probe != nil {
		probe := a.Probe
		a.authority = func(role string) error { return probe(kind, step, row, role) }
	}
	return a
}

// Holds reports whether a holds role; no one holds the empty role.
func (a Actor) Holds(role string) bool { return a.may(role) == nil }

// may returns why a does not hold role: workflow.not_permitted when a does
// not claim it, the authority's coded refusal (roster.*) when the roster
// does not let the key act in it; nil when a holds it.
func (a Actor) may(role string) error {
	if role == "" || !slices.Contains(a.Roles, role) {
		return apperr.New("workflow.not_permitted", "role", role)
	}
	if a.authority != nil {
		return a.authority(role)
	}
	return nil
}

// claimant is the author of e acting in the role its body claims, as far
// as df's authority lets it.
func claimant(df DossierFacts, e ledger.Event, role string) Actor {
	a := Actor{PublicKey: e.Author, Roles: []string{role}}
	if df.Authority != nil {
		a.authority = func(r string) error { return df.Authority(e, r) }
	}
	return a
}

// The gates below decide who may do what in which phase. Apply checks an
// event with them before it looks at the event's content, and ActionsFor
// asks the same gates for a profile, so a rule is written once.

func badPhase(st *State, action string) error {
	return apperr.New("workflow.bad_phase", "phase", st.Phase, "action", action)
}

// needRole refuses with workflow.not_permitted, naming want, unless a
// holds want.
func needRole(a Actor, want string) error { return a.may(want) }

// startRole is the role of the start step's slot (who submits).
func startRole(p *Plan) string {
	if s := p.Slots(); len(s) > 0 {
		return s[0].Role
	}
	return ""
}

// gateSubmit: a draft is submitted by the start step's role.
func (st *State) gateSubmit(p *Plan, a Actor) error {
	if st.Phase != PhaseDraft {
		return badPhase(st, "submit")
	}
	return needRole(a, startRole(p))
}

// gateWithdraw: the submitter, or anyone holding the start step's role,
// may withdraw a submission while no decision was made since it.
func (st *State) gateWithdraw(p *Plan, a Actor) error {
	if st.Phase != PhaseApproval || st.Submission == nil {
		return badPhase(st, "withdraw")
	}
	if a.PublicKey != st.Submission.By && !a.Holds(startRole(p)) {
		return apperr.New("workflow.not_permitted", "role", startRole(p))
	}
	if st.DecidedSinceSubmit > 0 {
		return apperr.New("workflow.cannot_withdraw")
	}
	return nil
}

// pendingSlot returns slot step/row when it waits for a decision: it
// exists, the dossier is submitted and not archived, and the slot is
// pending. Decisions, transfers and urges all address such a slot.
func (st *State) pendingSlot(step, row string) (*Slot, error) {
	s := st.slot(step, row)
	if s == nil {
		return nil, apperr.New("workflow.unknown_slot", "step", step, "row", row)
	}
	if st.Phase == PhaseDraft || st.Phase == PhaseArchived || s.Status != SlotPending {
		return nil, apperr.New("workflow.not_pending", "step", step, "row", row)
	}
	return s, nil
}

// mayDecide reports whether a may decide slot s: as its delegate after a
// transfer (delegated), or by holding its role.
func mayDecide(s *Slot, a Actor) (delegated bool, err error) {
	if s.Delegate != "" && a.PublicKey == s.Delegate {
		return true, nil
	}
	if err := a.may(s.Role); err != nil {
		return false, err
	}
	return false, nil
}

// gateDecide: a pending slot of an approval step after the start step is
// decided by its delegate or by its role.
func (st *State) gateDecide(p *Plan, step, row string, a Actor) (s *Slot, spec SlotSpec, delegated bool, err error) {
	spec, ok := p.Slot(step, row)
	if !ok || st.slot(step, row) == nil || spec.StepIndex == 0 {
		return nil, spec, false, apperr.New("workflow.unknown_slot", "step", step, "row", row)
	}
	if s, err = st.pendingSlot(step, row); err != nil {
		return nil, spec, false, err
	}
	delegated, err = mayDecide(s, a)
	return s, spec, delegated, err
}

// gateTransfer: whoever may decide a pending slot may hand it on.
func (st *State) gateTransfer(step, row string, a Actor) (*Slot, error) {
	s, err := st.pendingSlot(step, row)
	if err != nil {
		return nil, err
	}
	if _, err := mayDecide(s, a); err != nil {
		return nil, err
	}
	return s, nil
}

// gateFile: the filing step's role files an approved flow.
func (st *State) gateFile(p *Plan, a Actor) error {
	f := p.StepOfKind("filing")
	if st.Phase != PhaseFiling || f == nil {
		return badPhase(st, "file")
	}
	return needRole(a, f.Role)
}

// inExecution: the current attempt is under way and not yet released.
func (st *State) inExecution(action string) error {
	if st.Phase != PhaseExecution || st.Execution.Released != nil {
		return badPhase(st, action)
	}
	return nil
}

// gateOperator: the release operator's actions (runbook, package check,
// override, release) happen during the execution, before the release.
func (st *State) gateOperator(p *Plan, a Actor, action string) error {
	if err := st.inExecution(action); err != nil {
		return err
	}
	return needRole(a, p.Settings.ReleaseOperatorRole)
}

// mismatch: the deployed package was re-hashed and differs from the
// approved one (workflow.no_mismatch otherwise).
func (st *State) mismatch() error {
	if pc := st.Execution.PackageCheck; pc == nil || pc.Match {
		return apperr.New("workflow.no_mismatch")
	}
	return nil
}

// releaseBlocker says why the release cannot be declared done yet, naming
// everything at once: no runbook (rows "0") or every runbook row without a
// result (row "2,3"), with "package" set to "unchecked" or "mismatch" when
// the package blocks too; else an approved package not re-hashed, or a
// mismatch without an override. Nil when nothing blocks.
func (st *State) releaseBlocker(p *Plan) error {
	var pkgErr *apperr.Error
	pkgWhat := "" // the package's part of a runbook refusal
	if pkg, ok := p.Package(); ok && st.Latest(pkg.ID) != nil {
		pc := st.Execution.PackageCheck
		switch {
		case pc == nil:
			pkgErr, pkgWhat = apperr.New("workflow.package_unchecked"), "unchecked"
		case !pc.Match && st.Execution.Override == nil:
			pkgErr, pkgWhat = apperr.New("workflow.package_mismatch", "approved", pc.Approved, "deployed", pc.SHA256), "mismatch"
		}
	}
	var rows []string
	for _, r := range st.Execution.Runbook {
		if r.Result == "" {
			rows = append(rows, itoa(r.No))
		}
	}
	var runbook *apperr.Error
	switch {
	case len(st.Execution.Runbook) == 0:
		runbook = apperr.New("workflow.runbook_incomplete", "rows", "0")
	case len(rows) > 0:
		runbook = apperr.New("workflow.runbook_incomplete", "row", strings.Join(rows, ","))
	}
	switch {
	case runbook != nil && pkgErr != nil:
		runbook.Params["package"] = pkgWhat
		return runbook
	case runbook != nil:
		return runbook
	case pkgErr != nil:
		return pkgErr
	}
	return nil
}

// gateSupervise: the supervisor signs off a released attempt.
func (st *State) gateSupervise(p *Plan, a Actor) error {
	if st.Phase != PhaseExecution || st.Execution.Released == nil {
		return apperr.New("workflow.not_released")
	}
	return needRole(a, p.Settings.SupervisorRole)
}

// gateSameDayTest: the requesting side's test is recorded after the
// release, until the release is confirmed; under a template without
// SameDayTestRoles by anyone, else by one of those roles (who collect the
// test confirmation) or by the confirmer role. A role a claims but the
// roster refuses gives the roster's refusal; otherwise
// workflow.not_permitted names every role that may.
func (st *State) gateSameDayTest(p *Plan, a Actor) error {
	if st.Execution.Released == nil || (st.Phase != PhaseExecution && st.Phase != PhaseConfirmation) {
		return apperr.New("workflow.not_released")
	}
	if len(p.SameDayTestRoles) == 0 {
		return nil
	}
	if len(p.SameDayTestRolesFor(a)) > 0 {
		return nil
	}
	for _, r := range p.sameDayTestRoles() {
		if slices.Contains(a.Roles, r) && a.authority != nil {
			if err := a.may(r); err != nil {
				return err
			}
		}
	}
	return apperr.New("workflow.not_permitted", "role", strings.Join(p.sameDayTestRoles(), ","))
}

// sameDayTestRoles lists the roles that may record the same-day test:
// the collecting roles, then the confirmer role.
func (p *Plan) sameDayTestRoles() []string {
	out := slices.Clone(p.SameDayTestRoles)
	if r := p.SameDayTestConfirmerRole; r != "" && !slices.Contains(out, r) {
		out = append(out, r)
	}
	return out
}

// SameDayTestRolesFor lists the roles in which a may record the same-day
// test, in the template's order (the confirmer role last); empty under a
// template without SameDayTestRoles.
func (p *Plan) SameDayTestRolesFor(a Actor) []string {
	out := []string{}
	if len(p.SameDayTestRoles) == 0 {
		return out
	}
	a = a.doing(KindSameDayTest, "", "")
	for _, r := range p.sameDayTestRoles() {
		if a.Holds(r) {
			out = append(out, r)
		}
	}
	return out
}

// gateConfirm: the confirming step's role confirms a supervised release.
func (st *State) gateConfirm(p *Plan, a Actor) error {
	step := p.Confirm()
	if st.Phase != PhaseConfirmation || step == nil {
		return badPhase(st, "confirm")
	}
	return needRole(a, step.Role)
}

// gatePostpone: the postpone step's role moves the release after a
// failure, or during the execution before the release.
func (st *State) gatePostpone(p *Plan, a Actor) (*Step, error) {
	step := p.StepOfKind("postpone")
	released := st.Execution.Released != nil
	if step == nil || !(st.Phase == PhaseFailed || (st.Phase == PhaseExecution && !released)) {
		return nil, badPhase(st, "postpone")
	}
	return step, needRole(a, step.Role)
}

// gatePostReview: under a mode that asks for a post-release review, one of
// its roles records it once the release is confirmed, before the archive.
func (st *State) gatePostReview(p *Plan, a Actor) error {
	if p.PostReview == nil {
		return apperr.New("workflow.no_post_review")
	}
	if st.Phase != PhaseConfirmed {
		return badPhase(st, "post_review")
	}
	if !slices.ContainsFunc(p.PostReview.Roles, a.Holds) {
		return apperr.New("workflow.not_permitted", "role", strings.Join(p.PostReview.Roles, ","))
	}
	return nil
}

// gateArchive: any of the archive roles archives a confirmed release.
func (st *State) gateArchive(p *Plan, a Actor) error {
	if st.Phase != PhaseConfirmed {
		return badPhase(st, "archive")
	}
	if !slices.ContainsFunc(p.Settings.ArchiveRoles, a.Holds) {
		return apperr.New("workflow.not_permitted", "role", strings.Join(p.Settings.ArchiveRoles, ","))
	}
	return nil
}
