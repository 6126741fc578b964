package dossier_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"golive/backend/apperr"
	"golive/backend/demo"
	"golive/backend/dossier"
	"golive/backend/workflow"
)

// refusal returns err's code and parameters; it fails the test when err is
// not a coded error.
func refusal(t *testing.T, err error) (string, map[string]string) {
	t.Helper()
	var e *apperr.Error
	if !errors.As(err, &e) {
		t.Fatalf("want a coded refusal, got %v", err)
	}
	return e.Code, e.Params
}

// The first refusal of a submission names everything missing: every
// checklist item not done, every unanswered approval item and every absent
// required deliverable, not only how many checklist items are left.
func TestSubmitRefusalNamesEverythingMissing(t *testing.T) {
	f := newFlowEnv(t)
	id := f.create(t, "upgrade", "cr", "planned")
	left := map[string]bool{"pre.user_test": true, "plan.trial_run": true}
	for _, it := range f.Template().Checklist {
		if !left[it.ID] {
			_, err := f.Dossiers.SetChecklist(id, it.ID, dossier.StatusDone, "见附件")
			must(t, err)
		}
	}
	st := f.state(t, id)
	start := st.Plan.Start()
	must(t, f.d.AttachVersion(id, start.Deliverables[0], 1)) // the user test report
	must(t, f.d.As("system_owner"))
	answers := map[string]workflow.Answer{start.Items[0].ID: {Yes: true}}

	_, err := f.Dossiers.Submit(id, answers, "")
	code, params := refusal(t, err)
	var unanswered []string
	for _, it := range start.Items[1:] {
		unanswered = append(unanswered, it.ID)
	}
	want := map[string]string{
		"missing":      "2",
		"checklist":    "pre.user_test,plan.trial_run",
		"items":        strings.Join(unanswered, ","),
		"deliverables": "up.1.confirmation,up.1.config_manual,up.1.release_note",
	}
	if code != "dossier.checklist_incomplete" {
		t.Fatalf("code %s, want dossier.checklist_incomplete", code)
	}
	for k, v := range want {
		if params[k] != v {
			t.Errorf("refusal %s = %q, want %q", k, params[k], v)
		}
	}

	t.Run("CheckSubmitJudgesWithoutRecording", func(t *testing.T) {
		before := f.state(t, id).Events
		_, again := refusal(t, f.Dossiers.CheckSubmit(id, answers))
		if again["checklist"] != want["checklist"] || again["deliverables"] != want["deliverables"] {
			t.Fatalf("CheckSubmit named %v, Submit %v", again, params)
		}
		// The cause fixed piece by piece: each check names only what is left.
		for it := range left {
			_, err := f.Dossiers.SetChecklist(id, it, dossier.StatusDone, "补齐")
			must(t, err)
		}
		code, rest := refusal(t, f.Dossiers.CheckSubmit(id, answers))
		if code != "workflow.incomplete" || rest["deliverables"] != want["deliverables"] || rest["items"] != want["items"] {
			t.Fatalf("after the checklist: %s %v", code, rest)
		}
		for _, d := range start.Deliverables[1:] {
			if d.Required {
				must(t, f.d.AttachVersion(id, d, 1))
			}
		}
		must(t, f.d.As("system_owner"))
		code, rest = refusal(t, f.Dossiers.CheckSubmit(id, answers))
		if code != "workflow.incomplete" || rest["deliverables"] != "" || rest["items"] != want["items"] {
			t.Fatalf("after the uploads: %s %v", code, rest)
		}
		all := demo.YesTo(start.Items, "")
		if err := f.Dossiers.CheckSubmit(id, all); err != nil {
			t.Fatalf("everything given, CheckSubmit still refuses: %v", err)
		}
		now := f.state(t, id)
		if now.Flow.Phase != workflow.PhaseDraft || now.Events != before+2+3 {
			t.Fatalf("the checks recorded something: phase %s, %d events (want %d)", now.Flow.Phase, now.Events, before+5)
		}
		_, err := f.Dossiers.Submit(id, all, "")
		must(t, err)
	})
}

// An approver's refusal names every unanswered item of the slot, and the
// check answers the same without deciding.
func TestCheckDecideNamesUnansweredItems(t *testing.T) {
	f := newFlowEnv(t)
	id := f.to(t, "upgrade", workflow.PhaseApproval)
	st := f.state(t, id)
	var spec workflow.SlotSpec
	for _, s := range st.Plan.Slots()[1:] {
		if slot(st, s.Step, s.Row).Status == workflow.SlotPending && len(s.Items) > 1 {
			spec = s
			break
		}
	}
	must(t, f.d.As(spec.Role))
	req := dossier.DecideRequest{Step: spec.Step, Row: spec.Row, Decision: workflow.DecisionApprove}
	code, params := refusal(t, f.Dossiers.CheckDecide(id, req))
	var ids []string
	for _, it := range spec.Items {
		ids = append(ids, it.ID)
	}
	if code != "workflow.incomplete" || params["items"] != strings.Join(ids, ",") {
		t.Fatalf("refusal %s %v, want every item of %s/%s: %v", code, params, spec.Step, spec.Row, ids)
	}
	req.Answers = demo.YesTo(spec.Items, "")
	must(t, f.Dossiers.CheckDecide(id, req))
	if s := slot(f.state(t, id), spec.Step, spec.Row); s.Status != workflow.SlotPending {
		t.Fatalf("a check decided the slot: %s", s.Status)
	}
}

// The release refusal names every runbook row without a result, and the
// unchecked package too, in one error (also as the view offers it).
func TestReleaseRefusalNamesEveryRow(t *testing.T) {
	f := newFlowEnv(t)
	id := f.to(t, "upgrade", workflow.PhaseExecution)
	f.d.Clock = f.state(t, id).PlannedAt.Add(2 * time.Hour) // release night: the first row is done
	must(t, f.d.Runbook(id, false))
	must(t, f.d.As("release_operator"))
	_, err := f.Dossiers.Release(id, "")
	code, params := refusal(t, err)
	if code != "workflow.runbook_incomplete" || params["row"] != "2,3" || params["package"] != "unchecked" {
		t.Fatalf("refusal %s %v, want rows 2,3 and the package unchecked", code, params)
	}
	v, err := f.Dossiers.Get(id)
	must(t, err)
	if b := v.Actions.ReleaseBlocked; b == nil || b.Params["row"] != "2,3" || b.Params["package"] != "unchecked" {
		t.Fatalf("the view offers the release blocked by %+v", b)
	}
}
