package dossier_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"golive/backend/apperr"
	"golive/backend/dossier"
	"golive/backend/system"
	"golive/backend/template"
	"golive/backend/workflow"
)

// rowSpec returns the slot of countersign row row.
func rowSpec(t *testing.T, st dossier.State, row string) workflow.SlotSpec {
	t.Helper()
	for _, s := range st.Plan.Slots() {
		if s.Row == row {
			return s
		}
	}
	t.Fatalf("no row %s", row)
	return workflow.SlotSpec{}
}

// itemEnding and delivEnding find the entry whose id ends in end.
func itemEnding(t *testing.T, xs []template.Item, end string) string {
	t.Helper()
	i := slices.IndexFunc(xs, func(x template.Item) bool { return strings.HasSuffix(x.ID, end) })
	if i < 0 {
		t.Fatalf("no item ends in %s", end)
	}
	return xs[i].ID
}

func delivEnding(t *testing.T, xs []template.Deliverable, end string) template.Deliverable {
	t.Helper()
	i := slices.IndexFunc(xs, func(x template.Deliverable) bool { return strings.HasSuffix(x.ID, end) })
	if i < 0 {
		t.Fatalf("no deliverable ends in %s", end)
	}
	return xs[i]
}

func needOf(t *testing.T, n workflow.Needs, id string) workflow.DeliverableNeed {
	t.Helper()
	for _, d := range n.Deliverables {
		if d.ID == id {
			return d
		}
	}
	t.Fatalf("needs have no %s: %+v", id, n.Deliverables)
	return workflow.DeliverableNeed{}
}

// answersFor answers every item of spec 是, those in no 否 with a remark,
// and leaves out the items the dossier does not ask now.
func answersFor(t *testing.T, f *flowEnv, id string, spec workflow.SlotSpec, no ...string) map[string]workflow.Answer {
	t.Helper()
	answers := map[string]workflow.Answer{}
	for _, it := range spec.Items {
		answers[it.ID] = workflow.Answer{Yes: true}
	}
	for _, it := range no {
		answers[it] = workflow.Answer{Remark: "本次不涉及"}
	}
	need, err := f.Dossiers.Needs(id, spec.Step, spec.Row, answers)
	must(t, err)
	for _, it := range need.Items {
		if !it.Asked {
			delete(answers, it.ID)
		}
	}
	return answers
}

// approveRow has the row's director approve with answers.
func approveRow(f *flowEnv, id string, spec workflow.SlotSpec, answers map[string]workflow.Answer, na map[string]string) error {
	if err := f.d.As(spec.Role); err != nil {
		return err
	}
	_, err := f.Dossiers.Decide(id, dossier.DecideRequest{Step: spec.Step, Row: spec.Row, Decision: workflow.DecisionApprove,
		Comment: "同意", Answers: answers, NotApplicable: na})
	return err
}

// submitted creates an upgrade dossier for system code, attaches every
// deliverable except those named in skip, and submits it: its countersign
// is pending.
func submitted(t *testing.T, f *flowEnv, code string, skip ...string) (string, dossier.State) {
	t.Helper()
	must(t, f.d.As("system_owner"))
	r := upgradeRequest(code)
	v, err := f.Dossiers.Create(r)
	must(t, err)
	id := v.State.ID
	for _, it := range f.d.Template.Checklist {
		_, err := f.Dossiers.SetChecklist(id, it.ID, dossier.StatusDone, "已确认")
		must(t, err)
	}
	for _, s := range v.State.Plan.Slots() {
		for _, d := range s.Deliverables {
			if d.Generated || d.SameAs != "" || slices.Contains(skip, d.ID) {
				continue
			}
			must(t, f.d.AttachVersion(id, d, 1))
		}
	}
	must(t, f.d.Submit(id))
	return id, f.state(t, id)
}

// The interface test report is asked of a director while his own answer
// to the interface question is not 否, and the follow-up question goes
// with it; the two rows that need the report share one upload. Answering
// 是 without the report is refused by the report's id.
func TestInterfaceReportOnlyWhenInterfacesAreCalled(t *testing.T) {
	f := newFlowEnv(t)
	plan := f.state(t, f.create(t, "upgrade", "cr", "planned"))
	report := delivEnding(t, rowSpec(t, plan, "basic_apps").Deliverables, "interface_test_report")
	if other := delivEnding(t, rowSpec(t, plan, "biz_apps").Deliverables, "interface_test_report"); other.ID != report.ID {
		t.Fatalf("two rows ask for two interface reports: %s and %s", report.ID, other.ID)
	}

	id, st := submitted(t, f, "CRM", report.ID)
	basic := rowSpec(t, st, "basic_apps")
	calls := itemEnding(t, basic.Items, "interface_calls")
	tested := itemEnding(t, basic.Items, "interface_tested")

	need, err := f.Dossiers.Needs(id, basic.Step, basic.Row, map[string]workflow.Answer{calls: {Yes: true}})
	must(t, err)
	if d := needOf(t, need, report.ID); !d.Required || d.Present {
		t.Fatalf("with interface calls the report must be required and absent: %+v", d)
	}
	err = approveRow(f, id, basic, answersFor(t, f, id, basic), nil)
	code(t, err, "workflow.incomplete")
	if p := errParams(err)["deliverables"]; !strings.Contains(p, report.ID) {
		t.Fatalf("the refusal must name the report, got %q", p)
	}

	answers := answersFor(t, f, id, basic, calls)
	if _, asked := answers[tested]; asked {
		t.Fatal("after 否 to the interface calls the interface test question must not be asked")
	}
	need, err = f.Dossiers.Needs(id, basic.Step, basic.Row, answers)
	must(t, err)
	if d := needOf(t, need, report.ID); d.Required || d.Applies {
		t.Fatalf("after 否 the report must not apply: %+v", d)
	}
	must(t, approveRow(f, id, basic, answers, nil))
	// The business applications director answers for his own row: his 是
	// to the interface question asks for the report, his 否 does not.
	biz := rowSpec(t, st, "biz_apps")
	bizCalls := itemEnding(t, biz.Items, "interface_calls")
	err = approveRow(f, id, biz, answersFor(t, f, id, biz), nil)
	code(t, err, "workflow.incomplete")
	if p := errParams(err)["deliverables"]; p != report.ID {
		t.Fatalf("the business director's 是 must ask for the report, refusal names %q", p)
	}
	must(t, approveRow(f, id, biz, answersFor(t, f, id, biz, bizCalls), nil))
}

// The web security check applies to web-facing systems only: for one it
// is asked and its report required, for another neither.
func TestWebSecurityOnlyForWebFacingSystems(t *testing.T) {
	f := newFlowEnv(t)
	_, err := f.Systems.Save(system.System{Code: "PORTAL", Name: "客户门户", Department: "业务应用部", Owner: "李娜", Class: "java", WebFacing: true}, true)
	must(t, err)
	for _, c := range []struct {
		code string
		web  bool
	}{{"CRM", false}, {"PORTAL", true}} {
		plan := f.state(t, f.create(t, "upgrade", "cr", "planned"))
		infra := rowSpec(t, plan, "infrastructure")
		report := delivEnding(t, infra.Deliverables, "web_security_report")
		id, st := submitted(t, f, c.code, report.ID)
		infra = rowSpec(t, st, "infrastructure")
		check := itemEnding(t, infra.Items, "security_check")
		answers := answersFor(t, f, id, infra)
		if _, asked := answers[check]; asked != c.web {
			t.Fatalf("%s: security question asked = %v", c.code, asked)
		}
		err := approveRow(f, id, infra, answers, nil)
		if c.web {
			code(t, err, "workflow.incomplete")
			if p := errParams(err)["deliverables"]; p != report.ID {
				t.Fatalf("%s: refusal names %q, want the security report", c.code, p)
			}
			must(t, f.d.AttachVersion(id, report, 1))
			must(t, approveRow(f, id, infra, answers, nil))
		} else {
			must(t, err)
		}
	}
}

// The go-live manual is given once, at the start; the development
// director's row shows it to check (SharedFrom) and approves without a
// second upload. A new version of it dismisses his approval too.
func TestOneUploadServesEveryStep(t *testing.T) {
	f := newFlowEnv(t)
	id, st := submitted(t, f, "CRM")
	dev := rowSpec(t, st, "app_dev")
	note := delivEnding(t, dev.Deliverables, "release_note")
	start := st.Plan.Slots()[0]
	if note.ID != delivEnding(t, start.Deliverables, "release_note").ID {
		t.Fatalf("the development director's go-live manual is %s, not the start step's", note.ID)
	}
	need, err := f.Dossiers.Needs(id, dev.Step, dev.Row, nil)
	must(t, err)
	if d := needOf(t, need, note.ID); !d.Present || d.SharedFrom != start.Key() {
		t.Fatalf("the manual must show as given at %s: %+v", start.Key(), d)
	}
	if n := len(st.Flow.Deliverables[note.ID]); n != 1 {
		t.Fatalf("the manual has %d versions, want one upload", n)
	}
	must(t, approveRow(f, id, dev, answersFor(t, f, id, dev), nil))

	must(t, f.d.As("system_owner"))
	must(t, f.d.AttachVersion(id, note, 2))
	if s := slot(f.state(t, id), dev.Step, dev.Row); s.Status == workflow.SlotApproved || s.Stale == nil || s.Stale.Deliverable != note.ID {
		t.Fatalf("a new manual must dismiss the development director's approval: %+v", s)
	}
}

// A deliverable the template makes waivable may be marked not applicable
// with a reason, which the decision keeps; any other may not.
func TestWaivableDeliverable(t *testing.T) {
	f := newFlowEnv(t)
	plan := f.state(t, f.create(t, "upgrade", "cr", "planned"))
	data := rowSpec(t, plan, "data_integration")
	list := delivEnding(t, data.Deliverables, "verified_data_list")
	id, st := submitted(t, f, "CRM", list.ID)
	data = rowSpec(t, st, "data_integration")
	answers := answersFor(t, f, id, data)

	code(t, approveRow(f, id, data, answers, map[string]string{list.ID: "  "}), "workflow.not_waivable")
	infra := rowSpec(t, st, "infrastructure")
	code(t, approveRow(f, id, infra, answersFor(t, f, id, infra), map[string]string{infra.Deliverables[0].ID: "不需要"}), "workflow.not_waivable")
	code(t, approveRow(f, id, data, answers, nil), "workflow.incomplete")

	must(t, approveRow(f, id, data, answers, map[string]string{list.ID: "本次升级不迁移数据"}))
	d := slot(f.state(t, id), data.Step, data.Row).Decision
	if d == nil || d.NotApplicable[list.ID] != "本次升级不迁移数据" {
		t.Fatalf("the decision must keep the reason: %+v", d)
	}
}

// errParams returns the params of an *apperr.Error.
func errParams(err error) map[string]string {
	var e *apperr.Error
	if errors.As(err, &e) {
		return e.Params
	}
	return nil
}

// A dossier pinned to the built-in version of an earlier build keeps that
// version's rules after the default changed: its two interface test
// reports are two uploads, each required whatever the interface answer,
// and its confirmation step still asks for the test confirmation.
func TestEarlierBuiltinKeepsItsRules(t *testing.T) {
	f := newFlowEnv(t)
	const old = "golive.release@2.4"
	must(t, f.Templates.SetCurrent(old))
	plan := f.state(t, f.create(t, "upgrade", "cr", "planned"))
	if plan.Template != old {
		t.Fatalf("the dossier pinned %s, want %s", plan.Template, old)
	}
	basicReport := delivEnding(t, rowSpec(t, plan, "basic_apps").Deliverables, "interface_test_report")
	bizReport := delivEnding(t, rowSpec(t, plan, "biz_apps").Deliverables, "interface_test_report")
	if basicReport.SameAs != "" || basicReport.ID == bizReport.ID || basicReport.When != nil {
		t.Fatalf("under %s each row asks for its own report, always: %+v", old, basicReport)
	}
	confirms := false
	for _, s := range plan.Plan.Steps {
		for _, d := range s.Deliverables {
			confirms = confirms || d.Document == "release_test_confirmation"
		}
	}
	if !confirms {
		t.Fatalf("under %s a step asks for the release test confirmation", old)
	}

	id, st := submitted(t, f, "CRM", basicReport.ID)
	basic := rowSpec(t, st, "basic_apps")
	calls := itemEnding(t, basic.Items, "interface_calls")
	err := approveRow(f, id, basic, answersFor(t, f, id, basic, calls), nil)
	code(t, err, "workflow.incomplete")
	if p := errParams(err)["deliverables"]; p != basicReport.ID {
		t.Fatalf("the refusal names %q, want the row's own report %s", p, basicReport.ID)
	}
	must(t, f.d.AttachVersion(id, basicReport, 1))
	must(t, approveRow(f, id, basic, answersFor(t, f, id, basic, calls), nil))
}
