package dossier_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"golive/backend/demo"
	"golive/backend/dossier"
	"golive/backend/printable"
	"golive/backend/template"
	"golive/backend/workflow"
)

// releaseTestDoc is the deliverable key of the release test confirmation
// (系统发布测试确认书) the default template wants on the same-day test.
const releaseTestDoc = workflow.DocPrefix + "release_test_confirmation"

// sameDayReady attaches the release test confirmation as the project
// manager and makes the business confirmer's profile current: what a
// signed same-day test needs.
func (f *flowEnv) sameDayReady(t *testing.T, id string) {
	t.Helper()
	must(t, f.d.As("project_manager"))
	must(t, f.d.AttachVersion(id, template.Deliverable{ID: releaseTestDoc, Name: template.Text{Zh: "系统发布测试确认书"}}, 1))
	must(t, f.d.As("business_confirmer"))
}

// TestSameDayTestIsSignedWithItsDocument walks guideline 6.4.3 on a new
// system: the confirmation step asks only for 用户确认书; the same-day
// test is refused without the release test confirmation (named), refused
// to the release operator (naming who may record it), refused when the
// project manager types the business user's name, and recorded when the
// business confirmer signs with their own profile, with the document's
// version on the record.
func TestSameDayTestIsSignedWithItsDocument(t *testing.T) {
	f := newFlowEnv(t)
	id := f.to(t, "new_system", workflow.PhaseConfirmation)
	st := f.state(t, id)
	step := st.Plan.Confirm()
	for _, s := range st.Plan.Steps {
		for _, d := range s.Deliverables {
			if d.Document == "release_test_confirmation" {
				t.Errorf("step %s still asks for %s", s.ID, d.ID)
			}
		}
	}
	at := st.Flow.Execution.Released.At.Add(5 * time.Minute).Format(time.RFC3339)

	must(t, f.d.As("business_confirmer"))
	_, err := f.Dossiers.SameDayTest(id, dossier.SameDayTestRequest{TestedAt: at})
	refused(t, err, "workflow.incomplete", map[string]string{"deliverables": releaseTestDoc})

	must(t, f.d.As("project_manager"))
	must(t, f.d.AttachVersion(id, template.Deliverable{ID: releaseTestDoc, Name: template.Text{Zh: "系统发布测试确认书"}}, 1))

	must(t, f.d.As("release_operator"))
	if v, _ := f.Dossiers.Get(id); v.Actions.SameDayTest {
		t.Error("the release operator is offered the same-day test")
	}
	_, err = f.Dossiers.SameDayTest(id, dossier.SameDayTestRequest{ConfirmedBy: "需求部门 王经理", TestedAt: at})
	refused(t, err, "workflow.not_permitted", map[string]string{"role": "project_manager,system_owner,business_confirmer"})

	must(t, f.d.As("project_manager"))
	v, err := f.Dossiers.Get(id)
	must(t, err)
	if !v.Actions.SameDayTest || !slices.Equal(v.Actions.SameDayTestRoles, []string{"project_manager"}) {
		t.Errorf("project manager offered %v in %v, want the same-day test as project_manager", v.Actions.SameDayTest, v.Actions.SameDayTestRoles)
	}
	_, err = f.Dossiers.SameDayTest(id, dossier.SameDayTestRequest{ConfirmedBy: "需求部门 王经理", TestedAt: at})
	refused(t, err, "workflow.confirmation_unsigned", map[string]string{"role": "business_confirmer"})

	must(t, f.d.As("business_confirmer"))
	v, err = f.Dossiers.SameDayTest(id, dossier.SameDayTestRequest{TestedAt: at, Note: "业务验证通过"})
	must(t, err)
	got := v.State.Flow.Execution.SameDayTest
	if got == nil || got.Role != "business_confirmer" || got.By != f.d.Actors["business_confirmer"].Summary.PublicKey ||
		got.Document == nil || got.Document.SHA256 != v.State.Flow.Latest(releaseTestDoc).SHA256 {
		t.Fatalf("same-day test = %+v, want signed by the business confirmer with the document", got)
	}
	must(t, f.d.As(step.Role))
	for _, d := range step.Deliverables {
		must(t, f.d.AttachVersion(id, d, 1))
	}
	_, err = f.Dossiers.Confirm(id, true, demo.YesTo(step.Items, ""), "", "")
	must(t, err)
}

// TestUpgradeNeedsTheSameDayTest: an upgrade is a new version going live
// too (6.4.3(1)); its success is not confirmed before the same-day test.
func TestUpgradeNeedsTheSameDayTest(t *testing.T) {
	f := newFlowEnv(t)
	id := f.to(t, "upgrade", workflow.PhaseConfirmation)
	step := f.state(t, id).Plan.Confirm()
	must(t, f.d.As(step.Role))
	for _, d := range step.Deliverables {
		must(t, f.d.AttachVersion(id, d, 1))
	}
	_, err := f.Dossiers.Confirm(id, true, demo.YesTo(step.Items, ""), "", "")
	code(t, err, "workflow.same_day_test_required")
}

// TestOlderTemplateKeepsTheTypedConfirmer: a dossier of the built-in 2.4
// of earlier builds, which has no same-day test settings, records the
// confirmer's typed name, by anyone, without the document, as it always
// did.
func TestOlderTemplateKeepsTheTypedConfirmer(t *testing.T) {
	f := newFlowEnv(t)
	must(t, f.Templates.SetCurrent("golive.release@2.4"))
	old := f.Template()
	for _, rt := range old.ReleaseTypes {
		if rt.SameDayTestDocument != "" {
			t.Fatalf("the earlier built-in has same-day test settings: %+v", rt)
		}
	}
	f.d.Template = old
	id := f.to(t, "new_system", workflow.PhaseConfirmation)
	st := f.state(t, id)
	if st.Template != old.Key() {
		t.Fatalf("dossier template %s, want the older %s", st.Template, old.Key())
	}
	must(t, f.d.As("release_operator"))
	v, err := f.Dossiers.SameDayTest(id, dossier.SameDayTestRequest{ConfirmedBy: "需求部门 王经理",
		TestedAt: st.Flow.Execution.Released.At.Add(5 * time.Minute).Format(time.RFC3339)})
	must(t, err)
	if got := v.State.Flow.Execution.SameDayTest; got == nil || got.ConfirmedBy != "需求部门 王经理" {
		t.Fatalf("same-day test = %+v, want the typed confirmer", got)
	}
}

// TestOnCallIsRecorded: the release operator records the development
// department's on-call support (6.4.3(2)); it stays when the runbook is
// saved again, and a row without a phone is refused by name.
func TestOnCallIsRecorded(t *testing.T) {
	f := newFlowEnv(t)
	id := f.to(t, "upgrade", workflow.PhaseExecution)
	must(t, f.d.As("release_operator"))
	_, err := f.Dossiers.SaveOnCall(id, []workflow.OnCall{{Name: "刘洋", From: "2026-12-10T19:00", Until: "2026-12-10T23:00"}})
	refused(t, err, "workflow.bad_on_call", map[string]string{"row": "1", "problem": "missing_phone", "name": "刘洋"})
	rows := []workflow.OnCall{{Person: "P-app_dev", Name: "刘洋", Phone: "138 0000 0000", From: "2026-12-10T19:00", Until: "2026-12-10T23:00"}}
	_, err = f.Dossiers.SaveOnCall(id, rows)
	must(t, err)
	v, err := f.Dossiers.SaveRunbook(id, []workflow.RunbookRow{{Action: "部署", Result: "ok"}}, nil)
	must(t, err)
	if got := v.State.Flow.Execution.OnCall; !slices.Equal(got, rows) {
		t.Fatalf("on call after the runbook = %+v, want %+v", got, rows)
	}
	if len(v.State.Flow.Execution.Runbook) != 1 || !strings.Contains(v.State.Flow.Execution.Runbook[0].Action, "部署") {
		t.Fatalf("runbook = %+v", v.State.Flow.Execution.Runbook)
	}
	// The user confirmation PDF shows who was on call, with the phone and time.
	c, err := printable.Build(printable.KindUserConfirmation, printable.Source{View: v, Template: f.Template(), Lang: printable.Zh})
	must(t, err)
	last := c.Attempts[len(c.Attempts)-1]
	if want := "刘洋 · 138 0000 0000 · 2026-12-10 19:00 – 2026-12-10 23:00"; last.OnCall != want {
		t.Fatalf("confirmation on call = %q, want %q", last.OnCall, want)
	}
}
