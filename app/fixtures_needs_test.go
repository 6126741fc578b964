package app_test

import (
	"strings"

	"golive/backend/dossier"
	"golive/backend/workflow"
)

// recordNeeds: the basic applications director of the emergency bugfix
// sample in countersign answers 否 to the interface question (file
// "needs-interface", Flow/__tests__/Needs.spec.ts). After that answer the
// backend no longer asks the follow-up question nor the interface test
// report (DossierAPI.Needs, served for whatever remark he then types), and
// his approval without them is accepted. The department head signs the
// emergency first, which opens the countersign: recorded last, since it
// moves the sample on.
func recordNeeds(r *recorder) {
	const file = "needs-interface"
	api := r.api
	id := r.dossier("upgrade", "bugfix", "emergency", "step2")
	r.as("applicant_dept_head")
	head, err := api.Dossiers.Get(id)
	if err != nil || len(head.State.Tasks) == 0 {
		r.t.Fatalf("emergency sample %s: %v", id, err)
	}
	sign := head.State.Tasks[0]
	if _, err := api.Dossiers.Decide(id, dossier.DecideRequest{Step: sign.Step, Decision: workflow.DecisionApprove, Answers: answersFor(r, head, sign)}); err != nil {
		r.t.Fatalf("the department head signs %s: %v", id, err)
	}
	id, v := r.open(file, "basic_apps_director", "upgrade", "bugfix", "emergency", "step2")
	var task *workflow.Task
	for i, t := range v.State.Tasks {
		if t.Kind == "decide" && t.Role == r.viewer {
			task = &v.State.Tasks[i]
		}
	}
	if task == nil {
		r.t.Fatalf("the basic applications director has no decision waiting on %s: %+v", id, v.State.Tasks)
	}
	answers := answersFor(r, v, *task)
	var calls, tested string
	for item := range answers {
		switch {
		case strings.HasSuffix(item, ".interface_calls"):
			calls = item
		case strings.HasSuffix(item, ".interface_tested"):
			tested = item
		}
	}
	if calls == "" || tested == "" {
		r.t.Fatalf("the basic applications row asks no interface questions: %v", answers)
	}
	answers[calls] = workflow.Answer{}
	n, err := api.Dossiers.Needs(id, task.Step, task.Row, answers)
	r.must(file, r.viewer, "DossierAPI.Needs", []any{id, task.Step, task.Row, answers}, n, err)
	for _, it := range n.Items {
		if it.ID == tested && it.Asked {
			r.t.Fatalf("after 否 the backend still asks %s", tested)
		}
	}
	for _, d := range n.Deliverables {
		if strings.HasSuffix(d.ID, "interface_test_report") && (d.Applies || d.Required) {
			r.t.Fatalf("after 否 the backend still asks for the report: %+v", d)
		}
	}
	delete(answers, tested)
	answers[calls] = workflow.Answer{Remark: "本系统不调用其他系统的接口"}
	req := dossier.DecideRequest{Step: task.Step, Row: task.Row, Decision: workflow.DecisionApprove, Answers: answers}
	after, err := api.Dossiers.Decide(id, req)
	r.must(file, r.viewer, "DossierAPI.Decide", []any{id, req}, after, err)
	// Typing the remark asks again with other arguments: the answer after 否 serves them.
	for i, rc := range r.files[file] {
		if rc.Call == "DossierAPI.Decide" {
			r.files[file][i].AnyArgs = true
		}
		if given, ok := rc.Args[len(rc.Args)-1].(map[string]workflow.Answer); ok && rc.Call == "DossierAPI.Needs" {
			if a, ok := given[calls]; ok && !a.Yes {
				r.files[file][i].AnyArgs = true
			}
		}
	}
}
