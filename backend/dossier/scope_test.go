package dossier_test

import (
	"testing"

	"golive/backend/dossier"
	"golive/backend/internal/testenv"
	"golive/backend/template"
	"golive/backend/workflow"
)

// TestOutOfScopeRecord: a change the guideline excludes is put on record
// with its exclusion and reason, follows no flow, shows as such in the
// list and can never be submitted; without a reason or with an exclusion
// the template does not list, nothing is recorded.
func TestOutOfScopeRecord(t *testing.T) {
	env := testenv.Open(t, "", "张伟")
	env.AddSystem(t, "CRM")
	req := dossier.OutOfScopeRequest{SystemCode: "CRM", Title: "客户等级参数表刷新", Entity: "远东宏信有限公司", Kind: "data_only"}
	_, err := env.Dossiers.RecordOutOfScope(req)
	code(t, err, "dossier.out_of_scope_reason_required")
	bad := req
	bad.Kind, bad.Reason = "holiday", "x"
	_, err = env.Dossiers.RecordOutOfScope(bad)
	code(t, err, "dossier.bad_exclusion")
	if list, _ := env.Dossiers.List(dossier.Filter{}); len(list) != 0 {
		t.Fatalf("a refused record left %d dossiers", len(list))
	}

	req.Reason = "  仅刷新参数表数据，不涉及程序代码  "
	v, err := env.Dossiers.RecordOutOfScope(req)
	must(t, err)
	st := v.State
	if st.OutOfScope == nil || st.OutOfScope.Kind != "data_only" || st.OutOfScope.Reason != "仅刷新参数表数据，不涉及程序代码" {
		t.Fatalf("out of scope = %+v", st.OutOfScope)
	}
	if st.Stage != dossier.StageOutOfScope || st.Plan != nil || st.Flow != nil || len(st.Tasks) != 0 || st.Entity != "远东宏信有限公司" {
		t.Fatalf("an out-of-scope record has stage %q, plan %v, flow %v, tasks %v, entity %q", st.Stage, st.Plan, st.Flow, st.Tasks, st.Entity)
	}
	if v.Actions.Submit || v.Actions.Attach {
		t.Fatalf("an out-of-scope record offers %+v", v.Actions)
	}
	list, err := env.Dossiers.List(dossier.Filter{})
	must(t, err)
	if len(list) != 1 || list[0].OutOfScope != "data_only" || list[0].Stage != dossier.StageOutOfScope {
		t.Fatalf("list = %+v", list)
	}
	_, err = env.Dossiers.Submit(st.ID, nil, "")
	code(t, err, "dossier.out_of_scope")
	_, err = env.Dossiers.SetChecklist(st.ID, "pre.review_meeting", dossier.StatusDone, "")
	code(t, err, "dossier.out_of_scope")
	_, err = env.Dossiers.AddNote(st.ID, "数据变更已由业务部门复核")
	must(t, err)
}

// TestEntityIsRecordedAndEditable: the legal entity (法人主体) is a
// planning field: recorded at creation, listed, and editable.
func TestEntityIsRecordedAndEditable(t *testing.T) {
	env := testenv.Open(t, "", "张伟")
	env.AddSystem(t, "CRM")
	v := newDossier(t, env)
	if v.State.Entity != "远东宏信有限公司" {
		t.Fatalf("entity = %q", v.State.Entity)
	}
	v, err := env.Dossiers.Update(v.State.ID, dossier.Fields{Entity: ptr(" 远东国际融资租赁有限公司 ")})
	must(t, err)
	if v.State.Entity != "远东国际融资租赁有限公司" || v.History[len(v.History)-1].Params["fields"] != "entity" {
		t.Fatalf("entity after update = %q, history %+v", v.State.Entity, v.History[len(v.History)-1])
	}
	if list, _ := env.Dossiers.List(dossier.Filter{}); list[0].Entity != "远东国际融资租赁有限公司" {
		t.Fatalf("list entity = %q", list[0].Entity)
	}
}

// TestReleaseMethodRequiredForNewSystem: a new system is not submitted
// without its release method (发布方式说明); an upgrade needs none.
func TestReleaseMethodRequiredForNewSystem(t *testing.T) {
	f := newFlowEnv(t)
	id := f.create(t, "new_system", "", "planned")
	must(t, f.d.Prepare(id, false))
	_, err := f.Dossiers.Update(id, dossier.Fields{ReleaseMethod: ptr("")})
	must(t, err)
	err = f.d.Submit(id)
	code(t, err, "dossier.release_method_required")
	if st := f.state(t, id); st.Flow.Phase != workflow.PhaseDraft {
		t.Fatalf("refused submission moved the dossier to %s", st.Flow.Phase)
	}
	_, err = f.Dossiers.Update(id, dossier.Fields{ReleaseMethod: ptr("停机全量部署")})
	must(t, err)
	must(t, f.d.Submit(id))
	if st := f.state(t, id); st.ReleaseMethod != "停机全量部署" {
		t.Fatalf("release method = %q", st.ReleaseMethod)
	}
	_, err = f.Dossiers.Update(id, dossier.Fields{ReleaseMethod: ptr("分批发布")})
	code(t, err, "dossier.locked")

	up := f.create(t, "upgrade", "cr", "planned")
	_, err = f.Dossiers.Update(up, dossier.Fields{ReleaseMethod: ptr("")})
	must(t, err)
	must(t, f.d.Prepare(up, false))
	must(t, f.d.Submit(up))
}

// TestEmergencyPostReview: the post-release review of an emergency release
// is a record of its own — findings, actions, participants — by the
// project manager or the system owner; the archive waits for it.
func TestEmergencyPostReview(t *testing.T) {
	f := newFlowEnv(t)
	id := f.create(t, "upgrade", "bugfix", "emergency")
	must(t, f.d.Prepare(id, true))
	must(t, f.d.Submit(id))
	must(t, f.d.ApproveAll(id))
	must(t, f.d.Execute(id, false, true))
	must(t, f.d.Confirm(id, true))
	st := f.state(t, id)
	if st.Flow.Phase != workflow.PhaseConfirmed || st.Plan.PostReview == nil {
		t.Fatalf("phase %s, post review %+v", st.Flow.Phase, st.Plan.PostReview)
	}
	if len(st.Tasks) == 0 || st.Tasks[0].Kind != "post_review" {
		t.Fatalf("tasks after confirmation = %+v, want the post-release review", st.Tasks)
	}
	must(t, f.d.As("system_owner"))
	_, err := f.Dossiers.Archive(id, nil)
	code(t, err, "workflow.post_review_required")
	must(t, f.d.As("release_operator"))
	_, err = f.Dossiers.RecordPostReview(id, dossier.PostReviewRequest{Findings: "a", Actions: "b", Participants: "c"})
	code(t, err, "workflow.not_permitted")
	must(t, f.d.As("system_owner"))
	v, err := f.Dossiers.Get(id)
	must(t, err)
	if !v.Actions.PostReview {
		t.Fatal("the system owner is not offered the post-release review")
	}
	_, err = f.Dossiers.RecordPostReview(id, dossier.PostReviewRequest{Findings: "回归不足", Participants: "张伟"})
	code(t, err, "workflow.post_review_incomplete")
	v, err = f.Dossiers.RecordPostReview(id, dossier.PostReviewRequest{Findings: "回归不足", Actions: "补充自动化回归", Participants: "张伟、李娜"})
	must(t, err)
	r := v.State.Flow.PostReview
	if r == nil || r.Findings != "回归不足" || r.Actions != "补充自动化回归" || r.Participants != "张伟、李娜" || r.Role != "system_owner" {
		t.Fatalf("post review = %+v", r)
	}
	must(t, f.d.Archive(id))
	if st := f.state(t, id); st.Flow.Phase != workflow.PhaseArchived {
		t.Fatalf("phase after review and archive = %s", st.Flow.Phase)
	}
}

// TestEarlierTemplateKeepsPostReviewCheckbox: under the 2.4 and 2.4.1
// templates the
// review stays a confirmation item and no record is asked before archive.
func TestEarlierTemplateKeepsPostReviewCheckbox(t *testing.T) {
	earlier, err := template.Earlier()
	must(t, err)
	if len(earlier) == 0 {
		t.Fatal("no earlier built-in template")
	}
	for _, tpl := range earlier {
		if tpl.Version != "2.4" && tpl.Version != "2.4.1" {
			continue // 2.4.2 brought the post-review record
		}
		p, err := workflow.NewPlan(tpl, "upgrade", "emergency")
		must(t, err)
		if p.PostReview != nil || p.ReleaseMethodRequired {
			t.Fatalf("%s: post review %+v, release method required %v", tpl.Key(), p.PostReview, p.ReleaseMethodRequired)
		}
		found := false
		for _, it := range p.ConfirmSpec(true).Items {
			found = found || it.ID == "emergency.post_review"
		}
		if !found {
			t.Fatalf("%s: the confirmation lost the post-review item", tpl.Key())
		}
	}
}
