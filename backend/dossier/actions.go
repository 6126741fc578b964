package dossier

import (
	"crypto/sha256"
	"encoding/json"
	"io"
	"mime"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"golive/backend/apperr"
	"golive/backend/blob"
	"golive/backend/profile"
	"golive/backend/roster"
	"golive/backend/template"
	"golive/backend/window"
	"golive/backend/workflow"
)

// act appends one workflow event built from the state by body. The fold
// decides whether the event is allowed; a refused event is never written.
func (s *Service) act(id, kind string, body func(st State, me profile.Summary) (any, error)) (View, error) {
	build, err := s.acting(kind, body)
	if err != nil {
		return View{}, err
	}
	return s.append(id, build)
}

// acting turns body into the builder of a workflow event of kind by the
// unlocked profile, claiming its roles (all the template's under a roster).
func (s *Service) acting(kind string, body func(st State, me profile.Summary) (any, error)) (func(State, *template.Template) (string, any, error), error) {
	me, _, err := s.profiles.Signer()
	if err != nil {
		return nil, err
	}
	chain, err := s.chain()
	if err != nil {
		return nil, err
	}
	return func(st State, tpl *template.Template) (string, any, error) {
		if st.OutOfScope != nil {
			return "", nil, apperr.New("dossier.out_of_scope", "kind", kind)
		}
		if st.Flow == nil || st.Plan == nil {
			return "", nil, apperr.New("workflow.no_flow", "type", st.Type)
		}
		if _, ok := chain.Tip(); ok && tpl != nil {
			// With a roster the event claims the role the step needs
			// and the fold asks the roster whether the key holds it; the
			// roles a profile claims for itself no longer matter.
			me.Roles = me.Roles[:0:0]
			for _, r := range tpl.Roles {
				me.Roles = append(me.Roles, r.ID)
			}
		}
		b, err := body(st, me)
		if err != nil {
			return kind, b, err
		}
		b, err = s.underRoster(b)
		return kind, b, err
	}, nil
}

// underRoster adds to a workflow body the id of the roster version in
// force ("roster"), which the fold judges the event's author under; a
// folder without a roster leaves the body as it is.
func (s *Service) underRoster(body any) (any, error) {
	chain, err := s.chain()
	if err != nil || chain == nil {
		return body, err
	}
	tip, ok := chain.Tip()
	if !ok {
		return body, nil
	}
	raw, err := json.Marshal(body)
	if err != nil {
		return nil, apperr.Wrap(err, "workflow.bad_body", "kind", "roster")
	}
	fields := map[string]json.RawMessage{}
	if err := json.Unmarshal(raw, &fields); err != nil {
		return nil, apperr.Wrap(err, "workflow.bad_body", "kind", "roster")
	}
	fields["roster"], _ = json.Marshal(tip.Event)
	return fields, nil
}

// roleFor returns want when the profile holds it, else "" (the fold then
// refuses with workflow.not_permitted naming the role needed).
func roleFor(me profile.Summary, want string) string {
	if slices.Contains(me.Roles, want) {
		return want
	}
	return ""
}

// Attach copies the file at path into the blob store and adds it as a new
// version of deliverable (a step deliverable id, or "doc:<document>").
func (s *Service) Attach(id, deliverable, path, note string, progress blob.Progress) (View, error) {
	f, err := os.Open(path)
	if err != nil {
		return View{}, apperr.Wrap(err, "blob.unreadable", "path", path)
	}
	defer f.Close()
	return s.AttachReader(id, deliverable, filepath.Base(path), f, note, progress)
}

// AttachReader is Attach for contents read from r under the file name name.
func (s *Service) AttachReader(id, deliverable, name string, r io.Reader, note string, progress blob.Progress) (View, error) {
	if s.Blobs == nil {
		return View{}, apperr.New("blob.unavailable")
	}
	if _, err := s.Get(id); err != nil {
		return View{}, err
	}
	// The file is staged, and kept only once the event referencing it is
	// committed: a refused attachment leaves nothing in the blob store.
	staged, err := s.Blobs.Stage(r, 0, progress)
	if err != nil {
		return View{}, err
	}
	v, err := s.act(id, workflow.KindAttached, func(State, profile.Summary) (any, error) {
		return workflow.AttachBody{Deliverable: deliverable, SHA256: staged.SHA256, Name: name, Size: staged.Size,
			Mime: mime.TypeByExtension(strings.ToLower(filepath.Ext(name))), Note: note}, nil
	})
	return v, s.settle(id, staged, err)
}

// RecordPackage records the release package at path by name, size and
// SHA-256 only (computed here, with progress), without copying it.
func (s *Service) RecordPackage(id, deliverable, path, note string, progress blob.Progress) (View, error) {
	f, err := os.Open(path)
	if err != nil {
		return View{}, apperr.Wrap(err, "blob.unreadable", "path", path)
	}
	defer f.Close()
	return s.RecordPackageReader(id, deliverable, filepath.Base(path), f, note, progress)
}

// RecordPackageReader is RecordPackage for contents read from r.
func (s *Service) RecordPackageReader(id, deliverable, name string, r io.Reader, note string, progress blob.Progress) (View, error) {
	info, err := blob.Hash(r, progress)
	if err != nil {
		return View{}, err
	}
	return s.act(id, workflow.KindAttached, func(State, profile.Summary) (any, error) {
		return workflow.AttachBody{Deliverable: deliverable, SHA256: info.SHA256, Name: name, Size: info.Size, HashOnly: true, Note: note}, nil
	})
}

// Submit starts the approval flow with the start step's answers.
func (s *Service) Submit(id string, answers map[string]workflow.Answer, comment string) (View, error) {
	return s.act(id, workflow.KindSubmitted, submitBody(answers, comment))
}

// submitBody builds the body of a submission (Submit, CheckSubmit).
func submitBody(answers map[string]workflow.Answer, comment string) func(State, profile.Summary) (any, error) {
	return func(st State, me profile.Summary) (any, error) {
		return workflow.SubmitBody{Role: roleFor(me, st.Plan.Start().Role), Answers: answers, Comment: comment}, nil
	}
}

// DecideRequest is one approver's decision on a slot.
type DecideRequest struct {
	Step     string                     `json:"step"`
	Row      string                     `json:"row"`
	Decision string                     `json:"decision"`
	ReturnTo string                     `json:"return_to"`
	Comment  string                     `json:"comment"`
	Answers  map[string]workflow.Answer `json:"answers"`
	// NotApplicable maps deliverables the approver marks not applicable
	// (those the template makes waivable) to the reason.
	NotApplicable map[string]string `json:"not_applicable,omitempty"`
	// Witness, when set, records the decision as a 在场签字: the approver
	// it names signed by hand on this screen (see WitnessRequest).
	Witness *WitnessRequest `json:"witness,omitempty"`
}

// Decide approves or returns a pending slot. With r.Witness the decision
// is a 在场签字: the image is checked and stored (workflow.witness_image_*
// codes), and the event, signed by the unlocked profile's key, claims the
// slot's role for the approver it names; the fold judges it by the roster.
func (s *Service) Decide(id string, r DecideRequest) (View, error) {
	witness, image, err := s.storeWitness(r.Witness)
	if err != nil {
		return View{}, err
	}
	v, err := s.act(id, workflow.KindDecided, decideBody(r, witness))
	return v, s.settle(id, image, err)
}

// decideBody builds the body of a decision (Decide, CheckDecide); with a
// witness it claims the slot's role for the approver the witness names.
func decideBody(r DecideRequest, witness *workflow.Witness) func(State, profile.Summary) (any, error) {
	return func(st State, me profile.Summary) (any, error) {
		spec, _ := st.Plan.Slot(r.Step, r.Row)
		role := roleFor(me, spec.Role)
		if witness != nil {
			role = spec.Role
		}
		return workflow.DecideBody{Step: r.Step, Row: r.Row, Role: role, Decision: r.Decision,
			ReturnTo: r.ReturnTo, Comment: r.Comment, Answers: r.Answers, NotApplicable: r.NotApplicable, Witness: witness}, nil
	}
}

// Withdraw takes back a submission no one has decided on yet.
func (s *Service) Withdraw(id, comment string) (View, error) {
	return s.act(id, workflow.KindWithdrawn, func(st State, me profile.Summary) (any, error) {
		return workflow.WithdrawBody{Role: roleFor(me, st.Plan.Start().Role), Comment: comment}, nil
	})
}

// Transfer hands a pending decision to the person with public key to.
// Code workflow.bad_delegate for an unknown person.
func (s *Service) Transfer(id, step, row, to, comment string) (View, error) {
	dir, err := s.People()
	if err != nil {
		return View{}, err
	}
	who, ok := dir.Lookup(to)
	if !ok {
		return View{}, apperr.New("workflow.bad_delegate")
	}
	return s.act(id, workflow.KindTransferred, func(st State, me profile.Summary) (any, error) {
		spec, _ := st.Plan.Slot(step, row)
		return workflow.TransferBody{Step: step, Row: row, Role: roleFor(me, spec.Role), To: to, ToName: who.Name, Comment: comment}, nil
	})
}

// Comment records a comment on a step without deciding.
func (s *Service) Comment(id, step, row, text string) (View, error) {
	return s.act(id, workflow.KindCommented, func(State, profile.Summary) (any, error) {
		return workflow.CommentBody{Step: step, Row: row, Text: text}, nil
	})
}

// Urge reminds the pending approver of a slot.
func (s *Service) Urge(id, step, row, comment string) (View, error) {
	return s.act(id, workflow.KindUrged, func(State, profile.Summary) (any, error) {
		return workflow.UrgeBody{Step: step, Row: row, Comment: comment}, nil
	})
}

// SaveRunbook replaces the current attempt's runbook and scenario tests.
// A step recorded as started or ended in the future, or as ended before
// it started, is refused (checkRunbookTimes).
func (s *Service) SaveRunbook(id string, runbook []workflow.RunbookRow, tests []workflow.TestRow) (View, error) {
	return s.act(id, workflow.KindRunbook, func(st State, me profile.Summary) (any, error) {
		if err := checkRunbookTimes(runbook, s.Now(), zoneOf(st.Zone)); err != nil {
			return nil, err
		}
		return workflow.RunbookBody{Role: roleFor(me, st.Plan.Settings.ReleaseOperatorRole), Runbook: runbook, Tests: tests,
			OnCall: currentOnCall(st)}, nil
	})
}

// currentOnCall is the on-call support the attempt records so far.
func currentOnCall(st State) []workflow.OnCall {
	if st.Flow == nil {
		return nil
	}
	return st.Flow.Execution.OnCall
}

// SaveOnCall records who of the development department is on call to
// support the release (guideline 6.4.3(2)): name, phone and time, with
// the roster person when known. The release operator records it with the
// runbook, which it keeps as it is; a row without a name or phone, or
// ending before it starts, is refused (workflow.bad_on_call).
func (s *Service) SaveOnCall(id string, rows []workflow.OnCall) (View, error) {
	return s.act(id, workflow.KindRunbook, func(st State, me profile.Summary) (any, error) {
		b := workflow.RunbookBody{Role: roleFor(me, st.Plan.Settings.ReleaseOperatorRole), OnCall: rows}
		if st.Flow != nil {
			b.Runbook, b.Tests = st.Flow.Execution.Runbook, st.Flow.Execution.Tests
		}
		return b, nil
	})
}

// CheckPackage re-hashes the package file actually deployed and records
// whether it matches the approved one.
func (s *Service) CheckPackage(id, path string, progress blob.Progress) (View, error) {
	f, err := os.Open(path)
	if err != nil {
		return View{}, apperr.Wrap(err, "blob.unreadable", "path", path)
	}
	defer f.Close()
	return s.CheckPackageReader(id, filepath.Base(path), f, progress)
}

// CheckPackageReader is CheckPackage for contents read from r.
func (s *Service) CheckPackageReader(id, name string, r io.Reader, progress blob.Progress) (View, error) {
	info, err := blob.Hash(r, progress)
	if err != nil {
		return View{}, err
	}
	return s.act(id, workflow.KindPackageChecked, func(st State, me profile.Summary) (any, error) {
		return workflow.PackageCheckBody{Role: roleFor(me, st.Plan.Settings.ReleaseOperatorRole), Name: name, Size: info.Size, SHA256: info.SHA256}, nil
	})
}

// operatorSignoff records an override, the release or the supervision.
func (s *Service) operatorSignoff(id, kind, comment string, supervisor bool) (View, error) {
	return s.act(id, kind, func(st State, me profile.Summary) (any, error) {
		want := st.Plan.Settings.ReleaseOperatorRole
		if supervisor {
			want = st.Plan.Settings.SupervisorRole
		}
		return workflow.SignoffBody{Role: roleFor(me, want), Comment: comment}, nil
	})
}

// Override accepts a package hash mismatch with an explanation.
func (s *Service) Override(id, reason string) (View, error) {
	return s.operatorSignoff(id, workflow.KindOverride, reason, false)
}

// Release records that the release operator finished the release; not
// while the view's Actions.ReleaseBlocked says why not, which includes a
// runbook recording a step as started or ended in the future
// (releaseDateBlocker).
func (s *Service) Release(id, comment string) (View, error) {
	cur, err := s.Get(id)
	if err != nil {
		return View{}, err
	}
	if blocked := cur.Actions.ReleaseBlocked; cur.Actions.Release && blocked != nil {
		// What the view shows blocks the release: the workflow's own
		// blockers (the fold would refuse with the same), then the dates.
		return View{}, blocked
	}
	return s.operatorSignoff(id, workflow.KindReleased, comment, false)
}

// Supervise records the supervisor's sign-off of the execution.
func (s *Service) Supervise(id, comment string) (View, error) {
	return s.operatorSignoff(id, workflow.KindSupervised, comment, true)
}

// SameDayTestRequest is the requesting side's same-day test as recorded.
type SameDayTestRequest struct {
	// ConfirmedBy is the confirmer's name as typed: enough only under a
	// template without same-day test roles; otherwise shown beside the
	// signature.
	ConfirmedBy string `json:"confirmed_by"`
	// TestedAt is when the test was done.
	TestedAt string `json:"tested_at"`
	// Note is a free comment.
	Note string `json:"note"`
	// Witness, when set, is the business user's handwritten signature on
	// this screen (在场签字), recorded by the unlocked profile.
	Witness *WitnessRequest `json:"witness,omitempty"`
}

// SameDayTest records the requesting side's test on release day; a test
// time in the future is refused (checkTestedAt). Under a template with
// same-day test roles the event claims, without a witness, the business
// confirmer role when the profile may act in it (the business user signs
// with their own key), else the first collecting role (project manager,
// system owner) it may act in; the fold then wants the test confirmation
// document attached and a signature (workflow.confirmation_unsigned).
func (s *Service) SameDayTest(id string, r SameDayTestRequest) (View, error) {
	cur, err := s.Get(id)
	if err != nil {
		return View{}, err
	}
	witness, image, err := s.storeWitness(r.Witness)
	if err != nil {
		return View{}, err
	}
	v, err := s.act(id, workflow.KindSameDayTest, func(st State, me profile.Summary) (any, error) {
		if err := checkTestedAt(r.TestedAt, s.Now(), zoneOf(st.Zone)); err != nil {
			return nil, err
		}
		role := sameDayRole(st.Plan, cur.Actions.SameDayTestRoles, witness != nil)
		by := strings.TrimSpace(r.ConfirmedBy)
		if by == "" && witness == nil && st.Plan != nil && role != "" && role == st.Plan.SameDayTestConfirmerRole {
			by = me.Name // the business confirmer signs in their own name
		}
		return workflow.SameDayTestBody{Role: role, ConfirmedBy: by, TestedAt: r.TestedAt, Note: r.Note, Witness: witness}, nil
	})
	return v, s.settle(id, image, err)
}

// sameDayRole picks the role a same-day test claims among those the
// profile may record it in: the confirmer role for a signature by key,
// a collecting role for a witnessed one.
func sameDayRole(p *workflow.Plan, roles []string, witnessed bool) string {
	if p == nil {
		return ""
	}
	if !witnessed && slices.Contains(roles, p.SameDayTestConfirmerRole) {
		return p.SameDayTestConfirmerRole
	}
	for _, r := range roles {
		if r != p.SameDayTestConfirmerRole {
			return r
		}
	}
	if len(roles) > 0 {
		return roles[0]
	}
	return ""
}

// Confirm records the release's success or failure.
func (s *Service) Confirm(id string, success bool, answers map[string]workflow.Answer, rollback, comment string) (View, error) {
	return s.act(id, workflow.KindConfirmed, confirmBody(success, answers, rollback, comment))
}

// confirmBody builds the body of a confirmation (Confirm, CheckConfirm).
func confirmBody(success bool, answers map[string]workflow.Answer, rollback, comment string) func(State, profile.Summary) (any, error) {
	return func(st State, me profile.Summary) (any, error) {
		return workflow.ConfirmBody{Role: roleFor(me, st.Plan.Confirm().Role), Success: success, Answers: answers, Rollback: rollback, Comment: comment}, nil
	}
}

// Postpone moves the release (顺延) to the release window windowID —
// whose start becomes the planned time — or, with windowID "", to
// plannedAt (new systems and emergency releases set their own time).
func (s *Service) Postpone(id string, productionUnchanged bool, reason, plan, plannedAt, windowID string) (View, error) {
	if windowID != "" {
		f := Fields{Window: &windowID}
		cur, err := s.Get(id)
		if err != nil {
			return View{}, err
		}
		if err := s.checkWindow(cur.State.SystemCode, cur.State.Type, cur.State.Mode, &f, false); err != nil {
			return View{}, err
		}
		if f.PlannedAt != nil {
			plannedAt = *f.PlannedAt
		}
	}
	return s.act(id, workflow.KindPostponed, func(st State, me profile.Summary) (any, error) {
		role := ""
		if p := st.Plan.StepOfKind(template.KindPostpone); p != nil {
			role = roleFor(me, p.Role)
		}
		if windowID == "" && needsWindow(st.Type, st.Mode) && s.Windows != nil {
			return nil, apperr.New("dossier.window_required")
		}
		if err := checkPostponeDate(st, plannedAt, s.Now()); err != nil {
			return nil, err
		}
		return workflow.PostponeBody{Role: role, ProductionUnchanged: productionUnchanged, Reason: reason, Plan: plan, PlannedAt: plannedAt, Window: windowID}, nil
	})
}

// Archive freezes a confirmed dossier; notApplicable explains each
// standard document that is absent.
func (s *Service) Archive(id string, notApplicable map[string]string) (View, error) {
	return s.act(id, workflow.KindArchived, func(st State, me profile.Summary) (any, error) {
		return workflow.ArchiveBody{Role: s.claimOne(st, me, workflow.KindArchived, st.Plan.Settings.ArchiveRoles), NotApplicable: notApplicable}, nil
	})
}

// claimOne returns the first of roles the profile me may act in with an
// event of kind on the dossier in state st, "" for none (the fold then
// names the roles needed): by the roster's verdict, the fold's own, when
// the folder has a roster; else by the roles the profile claims.
func (s *Service) claimOne(st State, me profile.Summary, kind string, roles []string) string {
	if v, err := s.get(st.ID); err == nil && v.authority != nil {
		probe := v.authority.probe(v.State, me.PublicKey, s.Now().In(zoneOf(st.Zone)))
		for _, r := range roles {
			if probe(kind, "", "", r) == nil {
				return r
			}
		}
		return ""
	}
	for _, r := range roles {
		if slices.Contains(me.Roles, r) {
			return r
		}
	}
	return ""
}

// InboxItem is one task waiting for the current profile.
type InboxItem struct {
	workflow.Task
	Dossier        string    `json:"dossier"`
	Title          string    `json:"title"`
	SystemCode     string    `json:"system_code"`
	SystemName     string    `json:"system_name"`
	Mode           string    `json:"mode"`
	NotFullyTested bool      `json:"not_fully_tested"`
	PlannedAt      time.Time `json:"planned_at"`
	// Delegated is true when the task was transferred to this profile.
	Delegated bool `json:"delegated"`
}

// Inbox lists what waits for the unlocked profile (待我审批), oldest
// first: decisions for its roles or transferred to it, and the other tasks
// its roles carry (submit, file, execute, supervise, confirm, postpone,
// archive).
func (s *Service) Inbox() ([]InboxItem, error) {
	me, _, err := s.profiles.Signer()
	if err != nil {
		return nil, err
	}
	return s.inbox(me)
}

// InboxOf is the inbox profile id of this folder would see once unlocked
// (Inbox), computed without its key: from its public key and the roster
// in force (or, without a roster, the roles it claimed), so a script may
// read it without a passphrase. Codes: profile.not_found.
func (s *Service) InboxOf(id string) ([]InboxItem, error) {
	me, err := s.profiles.Rostered(id)
	if err != nil {
		return nil, err
	}
	return s.inbox(me)
}

// inbox lists what waits for me, the profile with its roles as the roster
// gives them (Inbox).
//
// With a roster only a dossier's fold can tell whom its tasks wait for,
// and folding every open dossier of a large folder takes minutes. So a
// dossier is folded only when one of the tasks its summary lists may
// wait for me at all: transferred to my key, or in a role the roster
// could give me on a dossier of its system (roster.Reach). The summary's
// tasks are those of the fold at the dossier's last commit; a roster
// version published since that makes some of its events count for less
// shows there, as in the list, once the dossier moves again. What each
// fold said is kept (inboxMemo) until the dossier's events, the roster or
// the day change.
func (s *Service) inbox(me profile.Summary) ([]InboxItem, error) {
	chain, err := s.chain()
	if err != nil {
		return nil, err
	}
	_, rostered := chain.Tip()
	var reach roster.Reach
	var tpl *template.Template
	var digests map[string][sha256.Size]byte
	if rostered {
		reach = chain.Reach(me.PublicKey)
		if s.Template != nil {
			tpl = s.Template()
		}
		if digests, err = s.listedDigests(); err != nil {
			return nil, err
		}
	}
	list, err := s.inboxCandidates(me, rostered, reach, tpl)
	if err != nil {
		return nil, err
	}
	// What waits in each dossier: a notice of its window, and its tasks
	// for me, found on every core (a fold each, at most).
	type part struct {
		notice bool
		found  []waiting
		err    error
	}
	parts := make([]part, len(list))
	var folds []int
	for i, d := range list {
		// The people preparing a release are told when the PMO moved,
		// cancelled or froze its window before it was released.
		parts[i].notice = d.WindowState != "" && d.WindowState != window.StateOpen && d.CreatedBy == me.PublicKey &&
			slices.Contains(noticePhases, d.Phase)
		if len(d.Tasks) > 0 && (!rostered || mayWait(d, reach, tpl, me.PublicKey) || s.inboxMemo.disabled()) {
			folds = append(folds, i)
		}
	}
	parallel(len(folds), 4, func(k int) {
		i := folds[k]
		d, p := list[i], &parts[i]
		if rostered {
			p.found, p.err = s.waitingFor(d, me, chain, digests[d.ID])
			return
		}
		waits, tasks, err := s.waitsOn(d, false)
		if err != nil {
			p.err = err
			return
		}
		p.found = waitingOf(waits, tasks, me)
	})
	if len(folds) >= manyFolds && s.Read != nil {
		defer s.Read()
	}
	out := []InboxItem{}
	for i, d := range list {
		p := parts[i]
		if p.err != nil {
			return nil, p.err
		}
		if p.notice {
			out = append(out, InboxItem{Task: workflow.Task{Kind: "window_changed", Role: "", Since: d.UpdatedAt}, Dossier: d.ID, Title: d.Title,
				SystemCode: d.SystemCode, SystemName: d.SystemName, Mode: d.Mode, NotFullyTested: d.NotFullyTested, PlannedAt: d.PlannedAt})
		}
		for _, w := range p.found {
			out = append(out, InboxItem{Task: w.task, Dossier: d.ID, Title: d.Title, SystemCode: d.SystemCode, SystemName: d.SystemName,
				Mode: d.Mode, NotFullyTested: d.NotFullyTested, PlannedAt: d.PlannedAt, Delegated: w.delegated})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].Since.Equal(out[j].Since) {
			return out[i].Since.Before(out[j].Since)
		}
		return out[i].Dossier < out[j].Dossier
	})
	return out, nil
}

// noticePhases are the phases in which the people preparing a release
// are told that its window was moved, cancelled or frozen.
var noticePhases = []string{workflow.PhaseDraft, workflow.PhaseApproval, workflow.PhaseFiling, workflow.PhaseExecution}

// inboxCandidates returns, as List would show them and in its order, the
// dossiers that may hold something for me: a notice of their window (made
// by me, in a phase before release, with a window), or a task that may
// wait for me (any task without a roster; mayWait with one). Only those
// are copied and dressed: at 20,000 dossiers the inbox, read again after
// every action, must not copy the whole list.
func (s *Service) inboxCandidates(me profile.Summary, rostered bool, reach roster.Reach, tpl *template.Template) ([]Summary, error) {
	rows, err := s.listRows()
	if err != nil {
		return nil, err
	}
	names, _, err := s.systemNames()
	if err != nil {
		return nil, err
	}
	all := s.inboxMemo.disabled()
	var list []Summary
	for i := range rows {
		d := &rows[i].sum
		notice := d.Window != "" && d.CreatedBy == me.PublicKey && slices.Contains(noticePhases, d.Phase)
		tasks := len(d.Tasks) > 0 && (!rostered || all || mayWait(*d, reach, tpl, me.PublicKey))
		if !notice && !tasks {
			continue
		}
		sum := *d
		dress(&sum, names)
		list = append(list, sum)
	}
	if err := s.followWindows(list); err != nil {
		return nil, err
	}
	sortLatestFirst(list)
	return list, nil
}

// manyFolds is how many dossiers an inbox folds before it counts as a
// read of much of the folder (Service.Read).
const manyFolds = 200

// mayWait reports whether a task of d's summary may wait for key: one
// transferred to it, or one in a role the roster could give it on a
// dossier of d's system (a role the template in use does not know is
// left to the fold).
func mayWait(d Summary, reach roster.Reach, tpl *template.Template, key string) bool {
	for _, t := range d.Tasks {
		if t.Delegate == key {
			return true
		}
		if tpl == nil {
			return true
		}
		if _, known := tpl.Role(t.Role); !known || reach.MayHold(tpl, d.SystemCode, t.Role) {
			return true
		}
	}
	return false
}

// waiting is one task of a dossier that waits for the inbox's profile,
// and whether by a transfer to it.
type waiting struct {
	task      workflow.Task
	delegated bool
}

// waitingOf applies waits to each of tasks for me.
func waitingOf(waits func(t workflow.Task, key string, roles []string) (bool, bool), tasks []workflow.Task, me profile.Summary) []waiting {
	var out []waiting
	for _, t := range tasks {
		if ok, delegated := waits(t, me.PublicKey, me.Roles); ok {
			out = append(out, waiting{task: t, delegated: delegated})
		}
	}
	return out
}

// inboxMemo keeps, for one key under one roster chain, what the fold of
// each dossier the inbox folded said waits for it, with the digest of
// the events folded and the day asked (the roster's dates depend on it).
type inboxMemo struct {
	mu    sync.Mutex
	key   string
	chain *roster.Chain
	byID  map[string]inboxMemoEntry
	// off turns the pre-filter and the memo off; folds counts the folds
	// made (tests: SetInboxShortcuts).
	off   bool
	folds int
}

type inboxMemoEntry struct {
	digest [sha256.Size]byte
	day    string
	found  []waiting
}

// waitingFor returns the tasks of dossier d (whose events had digest when
// listed) that wait for me under chain, from the memo when d, the chain
// and the day are those it was folded for, else by folding d.
func (s *Service) waitingFor(d Summary, me profile.Summary, chain *roster.Chain, digest [sha256.Size]byte) ([]waiting, error) {
	day := s.Now().In(zoneOf(d.Zone)).Format(time.DateOnly)
	m := &s.inboxMemo
	m.mu.Lock()
	if m.key != me.PublicKey || m.chain != chain {
		m.key, m.chain, m.byID = me.PublicKey, chain, map[string]inboxMemoEntry{}
	}
	e, ok := m.byID[d.ID]
	ok = ok && !m.off
	m.mu.Unlock()
	if ok && e.digest == digest && e.day == day {
		return e.found, nil
	}
	v, evs, err := s.peek(d.ID)
	if err != nil {
		return nil, err
	}
	waits, tasks, err := s.waitsOnView(d, v)
	if err != nil {
		return nil, err
	}
	found := waitingOf(waits, tasks, me)
	m.mu.Lock()
	m.folds++
	if m.key == me.PublicKey && m.chain == chain {
		m.byID[d.ID] = inboxMemoEntry{digest: eventsDigest(evs), day: day, found: found}
	}
	m.mu.Unlock()
	return found, nil
}

// disabled reports whether the pre-filter and memo are off (tests).
func (m *inboxMemo) disabled() bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.off
}

// listedDigests returns the ledgerDigest of every listed dossier's events.
func (s *Service) listedDigests() (map[string][sha256.Size]byte, error) {
	rows, err := s.listRows()
	if err != nil {
		return nil, err
	}
	out := make(map[string][sha256.Size]byte, len(rows))
	for _, r := range rows {
		out[r.sum.ID] = r.digest
	}
	return out, nil
}

// waitsOn returns the inbox's rule for dossier d: whether task t waits
// for the holder of key, who claims roles, and whether by a transfer to
// him; and d's tasks, as folded now when the rule had to fold d. With a
// roster (rostered) the roster says whose task it is, by the fold's own
// rules (scoped roles, delegations, duties); without one the roles
// claimed do. The same rule serves Inbox and WaitsFor.
//
// A draft's submission (task "submit") waits for whoever the fold lets
// submit it: when the start step's role is relative to the dossier (the
// system owner of an upgrade), for the person holding it on this
// dossier, whoever prepared the draft; when it is a role held outright
// (the project manager of a new system), for the person who made the
// draft — his own draft — or, when the fold would not let him submit it,
// for everyone holding the role, so that a draft never waits for nobody.
// Without a roster the creator's roles are unknown and a role held
// outright waits for the creator alone, as it always did.
func (s *Service) waitsOn(d Summary, rostered bool) (func(t workflow.Task, key string, roles []string) (waits, delegated bool), []workflow.Task, error) {
	if rostered && len(d.Tasks) > 0 {
		v, err := s.get(d.ID)
		if err != nil {
			return nil, nil, err
		}
		return s.waitsOnView(d, &v)
	}
	return s.waitsOnView(d, nil)
}

// waitsOnView is waitsOn with d folded to v, or for d's summary alone
// when v is nil.
func (s *Service) waitsOnView(d Summary, v *View) (func(t workflow.Task, key string, roles []string) (waits, delegated bool), []workflow.Task, error) {
	tasks := d.Tasks
	var probe func(key string) func(kind, step, row, role string) error
	var tpl *template.Template
	if v != nil {
		tasks = v.State.Tasks
		if j := v.authority; j != nil {
			at := s.Now().In(zoneOf(v.State.Zone))
			st := v.State
			probe = func(key string) func(kind, step, row, role string) error { return j.probe(st, key, at) }
			tpl = j.tpl
		}
	}
	if tpl == nil && s.Template != nil {
		// Without a roster the list's summary suffices (no fold): the
		// scope of the start role is read from the template in use.
		tpl = s.Template()
	}
	// relative reports whether the role of task t is held relative to the
	// dossier (a scoped role) rather than outright.
	relative := func(t workflow.Task) bool {
		if tpl == nil {
			return false
		}
		r, ok := tpl.Role(t.Role)
		return ok && r.Scope != template.ScopeGlobal
	}
	holds := func(t workflow.Task, key string, roles []string) bool {
		if probe != nil {
			return probe(key)(taskKinds[t.Kind], t.Step, t.Row, t.Role) == nil
		}
		return slices.Contains(roles, t.Role)
	}
	// creatorMay reports whether the fold lets the draft's creator submit
	// it; without a roster he is taken to (his roles are not known here).
	creatorMay := func(t workflow.Task) bool { return probe == nil || holds(t, d.CreatedBy, nil) }
	return func(t workflow.Task, key string, roles []string) (bool, bool) {
		delegated := t.Delegate != "" && t.Delegate == key
		if !delegated && !holds(t, key, roles) {
			return false, false
		}
		if t.Kind == "submit" && !relative(t) && key != d.CreatedBy && creatorMay(t) {
			return false, false // a draft of a role held outright waits for its creator
		}
		return true, delegated
	}, tasks, nil
}

// Waiter is a person of the roster in force whom one of a dossier's tasks
// waits for.
type Waiter struct {
	// Person is his roster id; Key the key the task waits on.
	Person string `json:"person"`
	Key    string `json:"key"`
	// Task is the task; Delegated is true when it was transferred to him.
	Task      workflow.Task `json:"task"`
	Delegated bool          `json:"delegated"`
}

// WaitsFor lists who of the roster in force the open tasks of dossier id
// wait for, by the rule of Inbox (each person with each of his keys the
// chain has not revoked; a person once per task). Notices of a filed flow
// are left out. Codes: dossier.not_found, roster.none (no roster).
func (s *Service) WaitsFor(id string) ([]Waiter, error) {
	v, err := s.get(id)
	if err != nil {
		return nil, err
	}
	chain, err := s.chain()
	if err != nil {
		return nil, err
	}
	tip, ok := chain.Tip()
	if !ok {
		return nil, apperr.New(workflow.CodeNoRoster)
	}
	d := s.summarize(v.State)
	waits, tasks, err := s.waitsOn(d, true)
	if err != nil {
		return nil, err
	}
	out := []Waiter{}
	for _, t := range tasks {
		if t.Kind == "filed" {
			continue
		}
		for _, p := range tip.People {
			for _, k := range p.Keys {
				if _, _, revoked := chain.Revoked(k.Public); revoked {
					continue
				}
				if ok, delegated := waits(t, k.Public, p.Roles); ok {
					out = append(out, Waiter{Person: p.ID, Key: k.Public, Task: t, Delegated: delegated})
					break
				}
			}
		}
	}
	return out, nil
}

// taskKinds maps each kind of workflow.Task onto the event that does it,
// for asking the roster whose task it is; a filing notice (filed) asks as
// a comment would, by role alone.
var taskKinds = map[string]string{
	"submit": workflow.KindSubmitted, "file": workflow.KindFiled, "execute": workflow.KindReleased,
	"supervise": workflow.KindSupervised, "confirm": workflow.KindConfirmed, "postpone": workflow.KindPostponed,
	"archive": workflow.KindArchived, "filed": workflow.KindCommented, "decide": workflow.KindDecided,
}
