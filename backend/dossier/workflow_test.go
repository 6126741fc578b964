package dossier_test

import (
	"strings"
	"testing"
	"time"

	"golive/backend/apperr"
	"golive/backend/demo"
	"golive/backend/dossier"
	"golive/backend/internal/testenv"
	"golive/backend/workflow"
)

// flowEnv is a data folder with a sample actor per role and one system.
type flowEnv struct {
	*testenv.Env
	d *demo.Driver
}

func newFlowEnv(t *testing.T) *flowEnv {
	t.Helper()
	env := testenv.Open(t, "", "张伟")
	env.AddSystem(t, "ESB")
	env.AddSystem(t, "CRM", "ESB")
	return &flowEnv{Env: env, d: env.Driver(t)}
}

// create starts a dossier of the given kind as the flow's start role.
func (f *flowEnv) create(t *testing.T, typ, sub, mode string) string {
	t.Helper()
	role := "system_owner"
	if typ == "new_system" {
		role = "project_manager"
	}
	must(t, f.d.As(role))
	r := upgradeRequest("CRM")
	r.Type, r.Subtype, r.Mode = ptr(typ), ptr(sub), ptr(mode)
	// Every dossier is created for the 12-10 window before that day: one
	// released before it moved the clock to its release night.
	if start := time.Date(2026, 11, 26, 9, 0, 0, 0, f.Zone); f.d.Clock.After(start.AddDate(0, 0, 7)) {
		f.d.Clock = start
	}
	f.d.Tick(time.Minute, time.Hour)
	v, err := f.Dossiers.Create(r)
	must(t, err)
	return v.State.ID
}

// to builds a dossier and drives it to phase.
func (f *flowEnv) to(t *testing.T, typ, phase string) string {
	t.Helper()
	sub := "cr"
	if typ == "new_system" {
		sub = ""
	}
	id := f.create(t, typ, sub, "planned")
	must(t, f.d.Prepare(id, false))
	if phase == workflow.PhaseDraft {
		return id
	}
	must(t, f.d.Submit(id))
	if phase == workflow.PhaseApproval {
		return id
	}
	must(t, f.d.ApproveAll(id))
	if phase == workflow.PhaseFiling {
		return id
	}
	must(t, f.d.File(id))
	if phase == workflow.PhaseExecution {
		return id
	}
	must(t, f.d.Execute(id, false, true))
	if phase == workflow.PhaseConfirmation {
		return id
	}
	must(t, f.d.Confirm(id, phase != workflow.PhaseFailed))
	if phase == workflow.PhaseFailed || phase == workflow.PhaseConfirmed {
		return id
	}
	must(t, f.d.Archive(id))
	return id
}

func (f *flowEnv) state(t *testing.T, id string) dossier.State {
	t.Helper()
	v, err := f.Dossiers.Get(id)
	must(t, err)
	return v.State
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func slot(st dossier.State, step, row string) workflow.Slot {
	for _, s := range st.Flow.Slots {
		if s.Step == step && s.Row == row {
			return s
		}
	}
	return workflow.Slot{}
}

func TestFullFlows(t *testing.T) {
	for _, c := range []struct {
		typ, sub   string
		steps      int
		wantFiling bool
	}{{"new_system", "", 9, true}, {"upgrade", "cr", 6, false}, {"upgrade", "bugfix", 6, false}} {
		t.Run(c.typ+"/"+c.sub, func(t *testing.T) {
			f := newFlowEnv(t)
			id := f.create(t, c.typ, c.sub, "planned")
			st := f.state(t, id)
			if len(st.Plan.Steps) != c.steps || st.Flow.Phase != workflow.PhaseDraft || st.Stage != dossier.StagePlanning {
				t.Fatalf("plan %d steps, phase %s, stage %s", len(st.Plan.Steps), st.Flow.Phase, st.Stage)
			}
			must(t, f.d.Prepare(id, c.sub == "bugfix"))
			must(t, f.d.Submit(id))
			st = f.state(t, id)
			if st.Stage != dossier.StageApproval || len(st.Tasks) != 6 {
				t.Fatalf("after submit: stage %s, %d tasks (want the six countersign rows)", st.Stage, len(st.Tasks))
			}
			must(t, f.d.ApproveAll(id))
			st = f.state(t, id)
			for _, s := range st.Flow.Slots {
				if s.Status != workflow.SlotApproved || s.Decision == nil || s.Decision.By != f.d.Actors[s.Role].Summary.PublicKey {
					t.Fatalf("slot %s: %s by %v", s.Key(), s.Status, s.Decision)
				}
			}
			if (st.Flow.Phase == workflow.PhaseFiling) != c.wantFiling {
				t.Fatalf("phase after approvals = %s", st.Flow.Phase)
			}
			must(t, f.d.File(id))
			if c.wantFiling {
				// The filed flow reaches the project manager and the
				// customer-service director as a notice.
				must(t, f.d.As("cs_director"))
				inbox, err := f.Dossiers.Inbox()
				must(t, err)
				if len(inbox) != 1 || inbox[0].Kind != "filed" || inbox[0].Dossier != id {
					t.Fatalf("customer-service director's inbox after filing = %+v", inbox)
				}
			}
			must(t, f.d.Execute(id, false, true))
			if st = f.state(t, id); st.Stage != dossier.StageConfirmation || st.Flow.Execution.Supervised == nil {
				t.Fatalf("after execution: stage %s", st.Stage)
			}
			must(t, f.d.Confirm(id, true))
			must(t, f.d.Archive(id))
			st = f.state(t, id)
			if st.Stage != dossier.StageArchive || st.Flow.Archive == nil {
				t.Fatalf("stage %s", st.Stage)
			}
			if c.sub == "bugfix" && len(st.Flow.Archive.NotApplicable) != 2 {
				t.Fatalf("bugfix archive without user and training manuals should record 2 reasons, got %v", st.Flow.Archive.NotApplicable)
			}
			_, err := f.Dossiers.Update(id, dossier.Fields{Title: ptr("改名")})
			code(t, err, "dossier.archived")
			must(t, f.d.As("pmo"))
			if _, err := f.Dossiers.AddNote(id, "归档后补充：已交付档案室"); err != nil {
				t.Fatal(err)
			}
			v, _ := f.Dossiers.Get(id)
			for _, h := range v.History {
				if h.Ignored {
					t.Fatalf("event %s ignored: %s", h.Kind, h.IgnoredCode)
				}
			}
		})
	}
}

// TestActionsByPhase tries every action in every phase: allowed ones
// succeed, the others are refused with their own code and write nothing.
func TestActionsByPhase(t *testing.T) {
	f := newFlowEnv(t)
	phases := []string{workflow.PhaseDraft, workflow.PhaseApproval, workflow.PhaseFiling, workflow.PhaseExecution,
		workflow.PhaseConfirmation, workflow.PhaseFailed, workflow.PhaseConfirmed, workflow.PhaseArchived}
	type action struct {
		name string
		role string
		do   func(id string) error
	}
	ok := func(_ dossier.View, err error) error { return err }
	actions := []action{
		{"submit", "project_manager", func(id string) error {
			st := f.state(t, id)
			return ok(f.Dossiers.Submit(id, demo.YesTo(st.Plan.Start().Items, ""), ""))
		}},
		{"decide", "cs_director", func(id string) error {
			st := f.state(t, id)
			row := st.Plan.Steps[1].Rows[0]
			return ok(f.Dossiers.Decide(id, dossier.DecideRequest{Step: st.Plan.Steps[1].ID, Row: row.ID, Decision: "approve", Answers: demo.YesTo(row.Items, "")}))
		}},
		{"withdraw", "project_manager", func(id string) error { return ok(f.Dossiers.Withdraw(id, "")) }},
		{"file", "project_manager", func(id string) error { return ok(f.Dossiers.File(id, "")) }},
		{"runbook", "release_operator", func(id string) error {
			return ok(f.Dossiers.SaveRunbook(id, []workflow.RunbookRow{{Action: "部署", Result: "ok"}}, nil))
		}},
		{"release", "release_operator", func(id string) error { return ok(f.Dossiers.Release(id, "")) }},
		{"supervise", "release_supervisor", func(id string) error { return ok(f.Dossiers.Supervise(id, "")) }},
		{"confirm-failure", "release_operator", func(id string) error {
			st := f.state(t, id)
			return ok(f.Dossiers.Confirm(id, false, demo.YesTo(st.Plan.Confirm().Items, "x"), "已回退", ""))
		}},
		{"postpone", "project_manager", func(id string) error {
			return ok(f.Dossiers.Postpone(id, true, "回退", "下个窗口", f.state(t, id).PlannedAt.AddDate(0, 0, 14).Format(time.RFC3339), ""))
		}},
		{"archive", "project_manager", func(id string) error { return ok(f.Dossiers.Archive(id, nil)) }},
	}
	// want[phase][action]: "" means allowed.
	refused := func(c string) map[string]string {
		return map[string]string{"submit": c, "decide": c, "withdraw": c, "file": c, "runbook": c, "release": c,
			"supervise": c, "confirm-failure": c, "postpone": c, "archive": c}
	}
	want := map[string]map[string]string{}
	for _, p := range phases {
		want[p] = refused("workflow.bad_phase")
		want[p]["decide"] = "workflow.not_pending"
		want[p]["runbook"], want[p]["release"] = "workflow.bad_phase", "workflow.bad_phase"
		want[p]["supervise"] = "workflow.not_released"
	}
	want[workflow.PhaseDraft]["submit"] = ""
	want[workflow.PhaseApproval]["decide"], want[workflow.PhaseApproval]["withdraw"] = "", ""
	want[workflow.PhaseFiling]["file"] = ""
	want[workflow.PhaseExecution]["runbook"], want[workflow.PhaseExecution]["postpone"] = "", ""
	want[workflow.PhaseExecution]["release"] = "workflow.runbook_incomplete"
	want[workflow.PhaseConfirmation]["confirm-failure"] = ""
	want[workflow.PhaseFailed]["postpone"] = ""
	want[workflow.PhaseConfirmed]["archive"] = ""
	want[workflow.PhaseArchived] = refused("dossier.archived")

	for _, p := range phases {
		shared := f.to(t, "new_system", p)
		for _, a := range actions {
			t.Run(p+"/"+a.name, func(t *testing.T) {
				id := shared
				if want[p][a.name] == "" {
					id = f.to(t, "new_system", p) // a fresh copy: success changes it
				}
				before := f.state(t, id).Events
				must(t, f.d.As(a.role))
				err := a.do(id)
				if w := want[p][a.name]; w == "" {
					if err != nil {
						t.Fatalf("allowed action refused: %v", err)
					}
					return
				} else if apperr.Code(err) != w {
					t.Fatalf("code = %q (%v), want %q", apperr.Code(err), err, w)
				}
				if after := f.state(t, id).Events; after != before {
					t.Fatal("a refused action wrote an event")
				}
			})
		}
	}
}

func TestSubmitListsWhatIsMissing(t *testing.T) {
	f := newFlowEnv(t)
	id := f.create(t, "upgrade", "cr", "planned")
	for _, it := range f.Template().Checklist {
		_, err := f.Dossiers.SetChecklist(id, it.ID, dossier.StatusDone, "ok")
		must(t, err)
	}
	st := f.state(t, id)
	start := st.Plan.Start()
	answers := demo.YesTo(start.Items[1:], "")
	answers[start.Items[2].ID] = workflow.Answer{Yes: false} // "no" needs a remark
	must(t, f.d.As("system_owner"))
	must(t, f.d.AttachVersion(id, start.Deliverables[0], 1))
	_, err := f.Dossiers.Submit(id, answers, "")
	code(t, err, "workflow.incomplete")
	var ae *apperr.Error
	if !errorsAs(err, &ae) {
		t.Fatal(err)
	}
	wantItems := start.Items[0].ID + "," + start.Items[2].ID
	var wantDel []string
	for _, d := range start.Deliverables[1:] {
		if d.Required {
			wantDel = append(wantDel, d.ID)
		}
	}
	if ae.Params["items"] != wantItems || ae.Params["deliverables"] != strings.Join(wantDel, ",") {
		t.Fatalf("missing = %v, want items %s deliverables %v", ae.Params, wantItems, wantDel)
	}
	t.Run("OptionalDeliverablesMayBeAbsent", func(t *testing.T) {
		for _, d := range start.Deliverables[1:] {
			if d.Required {
				must(t, f.d.AttachVersion(id, d, 1))
			}
		}
		if _, err := f.Dossiers.Submit(id, demo.YesTo(start.Items, ""), ""); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("OnlyTheStartRoleSubmits", func(t *testing.T) {
		id := f.create(t, "upgrade", "cr", "planned")
		must(t, f.d.Prepare(id, false))
		must(t, f.d.As("cio"))
		_, err := f.Dossiers.Submit(id, demo.YesTo(start.Items, ""), "")
		code(t, err, "workflow.not_permitted")
	})
}

func TestReturnReopensSteps(t *testing.T) {
	f := newFlowEnv(t)
	id := f.to(t, "upgrade", workflow.PhaseApproval)
	must(t, f.d.ApproveStep(id, 0)) // countersign
	must(t, f.d.ApproveStep(id, 0)) // department
	st := f.state(t, id)
	cs, dept, pmo := st.Plan.Steps[1].ID, st.Plan.Steps[2].ID, st.Plan.Steps[3].ID
	if slot(st, pmo, "").Status != workflow.SlotPending {
		t.Fatal("PMO should be pending")
	}
	t.Run("ReturnNeedsAReason", func(t *testing.T) {
		err := f.d.Decide(id, pmo, "", workflow.DecisionReturn, cs, "")
		code(t, err, "workflow.reason_required")
	})
	t.Run("CannotReturnForward", func(t *testing.T) {
		err := f.d.Decide(id, pmo, "", workflow.DecisionReturn, st.Plan.Steps[5].ID, "x")
		code(t, err, "workflow.bad_return_target")
	})
	must(t, f.d.Decide(id, pmo, "", workflow.DecisionReturn, cs, "会签意见与风险评估不一致"))
	st = f.state(t, id)
	for _, s := range st.Flow.Slots[1:] {
		want := workflow.SlotWaiting
		if s.Step == cs {
			want = workflow.SlotPending
		}
		if s.Status != want || s.Decision != nil {
			t.Fatalf("after return to countersign: %s is %s", s.Key(), s.Status)
		}
	}
	if slot(st, dept, "").Status != workflow.SlotWaiting || st.Flow.Submission == nil {
		t.Fatal("department must wait; the submission stands")
	}
	// Resubmission path: a countersign director returns to the submitter.
	row := st.Plan.Steps[1].Rows[3]
	must(t, f.d.Decide(id, cs, row.ID, workflow.DecisionReturn, "", "请补充接口测试报告"))
	if st = f.state(t, id); st.Flow.Phase != workflow.PhaseDraft || st.Stage != dossier.StagePreparation {
		t.Fatalf("after return to submitter: phase %s stage %s", st.Flow.Phase, st.Stage)
	}
	must(t, f.d.Submit(id))
	must(t, f.d.ApproveAll(id))
	if st = f.state(t, id); st.Flow.Phase != workflow.PhaseExecution || st.Flow.Submissions != 2 {
		t.Fatalf("phase %s after resubmission, %d submissions", st.Flow.Phase, st.Flow.Submissions)
	}
}

func TestWithdraw(t *testing.T) {
	f := newFlowEnv(t)
	id := f.to(t, "upgrade", workflow.PhaseApproval)
	must(t, f.d.As("cio"))
	_, err := f.Dossiers.Withdraw(id, "")
	code(t, err, "workflow.not_permitted")
	must(t, f.d.As("system_owner"))
	_, err = f.Dossiers.Withdraw(id, "版本号有误")
	must(t, err)
	if st := f.state(t, id); st.Flow.Phase != workflow.PhaseDraft || st.Flow.Submission != nil {
		t.Fatalf("phase after withdrawal %s", st.Flow.Phase)
	}
	must(t, f.d.Submit(id))
	must(t, f.d.ApproveStep(id, 1))
	must(t, f.d.As("system_owner"))
	_, err = f.Dossiers.Withdraw(id, "")
	code(t, err, "workflow.cannot_withdraw")
}

func TestTransferAndUrge(t *testing.T) {
	f := newFlowEnv(t)
	id := f.to(t, "upgrade", workflow.PhaseApproval)
	st := f.state(t, id)
	step, row := st.Plan.Steps[1].ID, st.Plan.Steps[1].Rows[5]
	delegate := f.d.Actors["pmo"].Summary
	must(t, f.d.As("cs_director"))
	_, err := f.Dossiers.Transfer(id, step, row.ID, delegate.PublicKey, "")
	code(t, err, "workflow.not_permitted")
	must(t, f.d.As(row.Role))
	_, err = f.Dossiers.Transfer(id, step, row.ID, strings.Repeat("ab", 32), "")
	code(t, err, "workflow.bad_delegate")
	_, err = f.Dossiers.Transfer(id, step, row.ID, delegate.PublicKey, "出差，转交")
	must(t, err)
	must(t, f.d.As("system_owner"))
	_, err = f.Dossiers.Urge(id, step, row.ID, "请尽快")
	must(t, err)
	must(t, f.d.As("pmo"))
	inbox, err := f.Dossiers.Inbox()
	must(t, err)
	if len(inbox) != 1 || !inbox[0].Delegated || inbox[0].Urges != 1 || inbox[0].Row != row.ID {
		t.Fatalf("delegate's inbox = %+v", inbox)
	}
	_, err = f.Dossiers.Decide(id, dossier.DecideRequest{Step: step, Row: row.ID, Decision: "approve", Answers: demo.YesTo(row.Items, "")})
	must(t, err)
	if d := slot(f.state(t, id), step, row.ID).Decision; d == nil || !d.Delegated || d.By != delegate.PublicKey {
		t.Fatalf("decision = %+v", d)
	}
}

func TestInboxOldestFirst(t *testing.T) {
	f := newFlowEnv(t)
	a := f.to(t, "upgrade", workflow.PhaseApproval)
	b := f.to(t, "new_system", workflow.PhaseApproval)
	must(t, f.d.As("infrastructure_director"))
	inbox, err := f.Dossiers.Inbox()
	must(t, err)
	if len(inbox) != 2 || inbox[0].Dossier != a || inbox[1].Dossier != b || inbox[0].Kind != "decide" {
		t.Fatalf("inbox = %+v", inbox)
	}
	must(t, f.d.As("cio"))
	if inbox, _ := f.Dossiers.Inbox(); len(inbox) != 0 {
		t.Fatalf("CIO has %d tasks before the countersign is done", len(inbox))
	}
}

func TestEmergency(t *testing.T) {
	f := newFlowEnv(t)
	id := f.create(t, "upgrade", "bugfix", "emergency")
	st := f.state(t, id)
	if !st.NotFullyTested || st.Plan.Steps[1].ID != "emergency.signature" || st.Plan.Steps[1].Role != "applicant_dept_head" {
		t.Fatalf("emergency plan = %+v", st.Plan.Steps[1])
	}
	must(t, f.d.Prepare(id, true))
	must(t, f.d.Submit(id))
	st = f.state(t, id)
	if len(st.Tasks) != 1 || st.Tasks[0].Role != "applicant_dept_head" {
		t.Fatalf("first task after submit = %+v, want the department head's signature", st.Tasks)
	}
	must(t, f.d.ApproveAll(id))
	must(t, f.d.Execute(id, false, true))
	// The post-release review is no confirmation item any more: it is a
	// record of its own, asked before the archive (TestEmergencyPostReview).
	if len(st.Plan.ConfirmationItems) != 0 || st.Plan.PostReview == nil {
		t.Fatalf("confirmation items %+v, post review %+v", st.Plan.ConfirmationItems, st.Plan.PostReview)
	}
	must(t, f.d.Confirm(id, true))
	if s, _ := f.Dossiers.List(dossier.Filter{}); !s[0].NotFullyTested {
		t.Fatal("the list must carry the not-fully-tested mark")
	}
}

func TestStaleApproval(t *testing.T) {
	f := newFlowEnv(t)
	id := f.to(t, "upgrade", workflow.PhaseApproval)
	must(t, f.d.ApproveStep(id, 0))
	st := f.state(t, id)
	step := st.Plan.Steps[1]
	// The business applications director's second-line manual: a
	// document only his row asks for.
	changed := step.Rows[1].Deliverables[1]
	must(t, f.d.As("system_owner"))
	must(t, f.d.AttachVersion(id, changed, 2))
	st = f.state(t, id)
	for _, r := range step.Rows {
		s := slot(st, step.ID, r.ID)
		if r.ID == step.Rows[1].ID {
			if s.Status != workflow.SlotPending || s.Stale == nil || s.Stale.Deliverable != changed.ID || s.Stale.Previous == nil {
				t.Fatalf("row %s after its deliverable changed: %+v", r.ID, s)
			}
		} else if s.Status != workflow.SlotApproved {
			t.Fatalf("row %s lost its approval", r.ID)
		}
	}
	t.Run("SameContentDoesNotDismiss", func(t *testing.T) {
		must(t, f.d.ApproveStep(id, 0))
		must(t, f.d.AttachVersion(id, changed, 2))
		if s := slot(f.state(t, id), step.ID, step.Rows[1].ID); s.Status != workflow.SlotApproved {
			t.Fatal("re-attaching identical content dismissed an approval")
		}
	})
	t.Run("StartDeliverableDismissesLaterSteps", func(t *testing.T) {
		must(t, f.d.ApproveStep(id, 0)) // department (it waited while row 1 was stale)
		must(t, f.d.ApproveStep(id, 0)) // PMO
		must(t, f.d.AttachVersion(id, st.Plan.Start().Deliverables[0], 3))
		st := f.state(t, id)
		stale := 0
		for _, s := range st.Flow.Slots[1:] {
			if s.Stale != nil {
				stale++
			}
		}
		if stale != 8 || st.Flow.Phase != workflow.PhaseApproval {
			t.Fatalf("%d approvals dismissed by a new user test report, want 8 (six rows, department, PMO)", stale)
		}
	})
}

func TestPackageMismatchBlocksRelease(t *testing.T) {
	f := newFlowEnv(t)
	id := f.to(t, "upgrade", workflow.PhaseExecution)
	must(t, f.d.Runbook(id, true))
	must(t, f.d.As("release_operator"))
	_, err := f.Dossiers.Release(id, "")
	code(t, err, "workflow.package_unchecked")
	_, err = f.Dossiers.CheckPackageReader(id, "deployed.zip", strings.NewReader("another build"), nil)
	must(t, err)
	_, err = f.Dossiers.Release(id, "")
	code(t, err, "workflow.package_mismatch")
	_, err = f.Dossiers.Override(id, " ")
	code(t, err, "workflow.reason_required")
	must(t, f.d.As("system_owner"))
	_, err = f.Dossiers.Override(id, "按规定可以")
	code(t, err, "workflow.not_permitted")
	must(t, f.d.As("release_operator"))
	_, err = f.Dossiers.Override(id, "配置文件现场修正，开发部总监电话确认")
	must(t, err)
	v, err := f.Dossiers.Release(id, "")
	must(t, err)
	if !v.State.Override {
		t.Fatal("the override must show on the dossier")
	}
	list, _ := f.Dossiers.List(dossier.Filter{})
	if !list[0].Override {
		t.Fatal("the override must show in the list")
	}
}

func TestPostponementCarriesApprovals(t *testing.T) {
	f := newFlowEnv(t)
	id := f.to(t, "upgrade", workflow.PhaseFailed)
	st := f.state(t, id)
	must(t, f.d.As("system_owner"))
	proposed, err := f.Dossiers.ProposePostponement(id)
	must(t, err)
	if proposed.ID != "2026-12-24-java" {
		t.Fatalf("postponement proposes %s, want the next open java window 2026-12-24-java", proposed.ID)
	}
	_, err = f.Dossiers.Postpone(id, false, "r", "p", "", proposed.ID)
	code(t, err, "workflow.production_changed")
	_, err = f.Dossiers.Postpone(id, true, "r", "p", "", "2026-12-10-java")
	code(t, err, "workflow.date_not_later")
	_, err = f.Dossiers.Postpone(id, true, "r", "p", "2026-12-30T19:00", "")
	code(t, err, "dossier.window_required")
	must(t, f.d.Postpone(id, time.Time{}))
	st = f.state(t, id)
	next, _ := proposed.Interval()
	if st.Flow.Phase != workflow.PhaseExecution || !st.PlannedAt.Equal(next) || st.Window != proposed.ID || st.Flow.Execution.Attempt != 2 || len(st.Flow.PastAttempts) != 1 {
		t.Fatalf("after postponement: phase %s planned %s attempt %d", st.Flow.Phase, st.PlannedAt, st.Flow.Execution.Attempt)
	}
	if p := st.Flow.Postponements[0]; len(p.Reopened) != 0 {
		t.Fatalf("unchanged approvals should carry over, reopened %v", p.Reopened)
	}
	must(t, f.d.Execute(id, false, true))
	must(t, f.d.Confirm(id, true))
}

// TestConcurrentDecisions records two decisions on one countersign row on
// two laptops and merges them: the one earlier in ledger order applies, the
// other stays in the history, ignored, on both copies.
func TestConcurrentDecisions(t *testing.T) {
	for _, approveFirst := range []bool{true, false} {
		name := map[bool]string{true: "ApprovalFirstWins", false: "ReturnFirstWins"}[approveFirst]
		t.Run(name, func(t *testing.T) {
			a := newFlowEnv(t)
			id := a.to(t, "upgrade", workflow.PhaseApproval)
			base, _ := a.Store.Events(id)
			b := newFlowEnv(t)
			must(t, b.Dossiers.Import(base))
			st := a.state(t, id)
			step, row := st.Plan.Steps[1].ID, st.Plan.Steps[1].Rows[0]
			b.d.Clock = a.d.Clock
			// Decide ticks the clock by at most six hours; a day apart
			// fixes which decision comes first.
			if approveFirst {
				b.d.Clock = b.d.Clock.Add(24 * time.Hour)
			} else {
				a.d.Clock = a.d.Clock.Add(24 * time.Hour)
			}
			must(t, a.d.Decide(id, step, row.ID, workflow.DecisionApprove, "", "同意"))
			must(t, b.d.Decide(id, step, row.ID, workflow.DecisionReturn, "", "请补充知识转移记录"))
			evA, _ := a.Store.Events(id)
			evB, _ := b.Store.Events(id)
			must(t, a.Dossiers.Import(evB))
			must(t, b.Dossiers.Import(evA))
			for _, env := range []*flowEnv{a, b} {
				v, err := env.Dossiers.Get(id)
				must(t, err)
				ignored := ""
				for _, h := range v.History {
					if h.Ignored {
						ignored = h.Params["decision"] + ":" + h.IgnoredCode
					}
				}
				s := slot(v.State, step, row.ID)
				if approveFirst && (s.Status != workflow.SlotApproved || ignored != "return:workflow.not_pending") {
					t.Fatalf("row %s, ignored %q", s.Status, ignored)
				}
				if !approveFirst && (v.State.Flow.Phase != workflow.PhaseDraft || ignored != "approve:workflow.not_pending") {
					t.Fatalf("phase %s, ignored %q", v.State.Flow.Phase, ignored)
				}
			}
		})
	}
}

// TestSameDayTest checks the new-system rule: the requesting side tests on
// release day before success is confirmed.
func TestSameDayTest(t *testing.T) {
	f := newFlowEnv(t)
	id := f.to(t, "new_system", workflow.PhaseConfirmation)
	st := f.state(t, id)
	step := st.Plan.Confirm()
	must(t, f.d.As(step.Role))
	for _, d := range step.Deliverables {
		must(t, f.d.AttachVersion(id, d, 1))
	}
	_, err := f.Dossiers.Confirm(id, true, demo.YesTo(step.Items, ""), "", "")
	code(t, err, "workflow.same_day_test_required")
	released := st.Flow.Execution.Released.At
	f.sameDayReady(t, id)
	_, err = f.Dossiers.SameDayTest(id, dossier.SameDayTestRequest{TestedAt: released.AddDate(0, 0, -1).Format(time.RFC3339)})
	code(t, err, "workflow.not_same_day")
	_, err = f.Dossiers.SameDayTest(id, dossier.SameDayTestRequest{TestedAt: released.Add(5 * time.Minute).Format(time.RFC3339)})
	must(t, err)
	must(t, f.d.As(step.Role))
	_, err = f.Dossiers.Confirm(id, true, demo.YesTo(step.Items, ""), "", "")
	must(t, err)
}

// TestWindowMovedTellsTheOwner moves a dossier's window in a published
// plan and expects the dossier to follow it, warn, and appear in its
// creator's inbox.
func TestWindowMovedTellsTheOwner(t *testing.T) {
	f := newFlowEnv(t)
	id := f.create(t, "upgrade", "cr", "planned")
	must(t, f.d.As("window_manager"))
	if _, err := f.Windows.Move(2026, "2026-12-10-java", "2026-12-09", "19:30", "23:00", "机房维护，提前一天"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.Windows.Publish(2026, "调整12月窗口"); err != nil {
		t.Fatal(err)
	}
	v, err := f.Dossiers.Get(id)
	must(t, err)
	if got := v.State.PlannedAt.Format("2006-01-02 15:04"); got != "2026-12-09 19:30" || v.Window == nil || v.Window.State != "moved" {
		t.Fatalf("dossier planned %s, window %+v", got, v.Window)
	}
	found := false
	for _, w := range v.Warnings {
		found = found || w.Code == dossier.WarnWindowChanged
	}
	if !found {
		t.Fatalf("warnings %+v lack %s", v.Warnings, dossier.WarnWindowChanged)
	}
	must(t, f.d.As("system_owner"))
	inbox, err := f.Dossiers.Inbox()
	must(t, err)
	told := false
	for _, it := range inbox {
		told = told || (it.Kind == "window_changed" && it.Dossier == id)
	}
	if !told {
		t.Fatalf("the creator's inbox %+v does not tell of the moved window", inbox)
	}
}

// TestWindowGivesTheTime creates a planned upgrade with a window and no
// time: the window's start becomes the planned time.
func TestWindowGivesTheTime(t *testing.T) {
	f := newFlowEnv(t)
	must(t, f.d.As("system_owner"))
	r := upgradeRequest("CRM")
	r.PlannedAt = nil
	v, err := f.Dossiers.Create(r)
	must(t, err)
	if got := v.State.PlannedAt.Format("2006-01-02 15:04"); got != "2026-12-10 19:00" {
		t.Fatalf("planned at %s, want the window's start 2026-12-10 19:00", got)
	}
	r.Window = nil
	_, err = f.Dossiers.Create(r)
	code(t, err, "dossier.time_required")
}
