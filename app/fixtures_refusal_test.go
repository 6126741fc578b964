package app_test

import (
	"encoding/base64"
	"strings"

	"golive/backend/dossier"
	"golive/backend/workflow"
)

// Refusal fixtures: what the submit panel shows while its refusal is fixed
// piece by piece (Flow/__tests__/Refusal.spec.ts).

// refusalUploads are the two deliverables left out of the draft, and the
// file a spec drops on each (its bytes, as the window sends them).
var refusalUploads = []struct{ deliverable, name, content string }{
	{"up.1.config_manual", "config-manual.docx", "CRM 2.3 configuration manual\n"},
	{"up.1.release_note", "release-note.docx", "CRM 2.3 release note\n"},
}

// recordRefusals records both stories below.
func recordRefusals(r *recorder) {
	recordSubmitRefusal(r)
	recordApproveRefusal(r)
}

// recordSubmitRefusal: the draft upgrade with its checklist done and all but two
// required deliverables given. The system owner answers every item 是 and
// submits: refused, naming the two deliverables (file "refusal-narrows").
// Each upload is followed by the panel's question whether the submission
// would now be accepted (DossierAPI.CheckSubmit): after the first it names
// the one left ("refusal-narrows"), after the second it accepts
// ("refusal-cleared").
func recordSubmitRefusal(r *recorder) {
	api := r.api
	id := r.dossier("upgrade", "cr", "planned", "preparation")
	r.as("system_owner")
	for _, it := range r.c.Template().Checklist {
		if _, err := api.Dossiers.SetChecklist(id, it.ID, dossier.StatusDone, "已确认"); err != nil && !strings.Contains(err.Error(), `"code":"dossier.nothing_changed"`) {
			r.t.Fatal(err)
		}
	}
	v, err := api.Dossiers.Get(id)
	if err != nil {
		r.t.Fatal(err)
	}
	start := v.State.Plan.Start()
	left := map[string]bool{}
	for _, u := range refusalUploads {
		left[u.deliverable] = true
	}
	for _, d := range start.Deliverables {
		if d.Required && !d.Generated && !left[d.ID] {
			raw := base64.StdEncoding.EncodeToString([]byte(d.ID + " sample\n"))
			if _, err := api.Dossiers.AttachUpload(id, d.ID, d.ID+".docx", raw, ""); err != nil {
				r.t.Fatal(err)
			}
		}
	}
	v, err = api.Dossiers.Get(id)
	r.must("refusal-narrows", r.viewer, "DossierAPI.Get", []any{id}, v, err)
	answers := map[string]workflow.Answer{}
	for _, it := range start.Items {
		answers[it.ID] = workflow.Answer{Yes: true}
	}
	_, err = api.Dossiers.Submit(id, answers, "")
	r.fails("refusal-narrows", "DossierAPI.Submit", []any{id, answers, ""}, "workflow.incomplete", err)
	for i, u := range refusalUploads {
		file := "refusal-narrows"
		if i == len(refusalUploads)-1 {
			file = "refusal-cleared"
		}
		raw := base64.StdEncoding.EncodeToString([]byte(u.content))
		v, err := api.Dossiers.AttachUpload(id, u.deliverable, u.name, raw, "")
		r.must(file, r.viewer, "DossierAPI.AttachUpload", []any{id, u.deliverable, u.name, raw, ""}, v, err)
		err = api.Dossiers.CheckSubmit(id, answers)
		if file == "refusal-cleared" {
			r.must(file, r.viewer, "DossierAPI.CheckSubmit", []any{id, answers}, nil, err)
		} else {
			r.fails(file, "DossierAPI.CheckSubmit", []any{id, answers}, "workflow.incomplete", err)
		}
	}
}

// recordApproveRefusal: a director approves the upgrade (returned to the
// countersign by its department approval) without answering its items:
// refused, naming them; with every item answered 是 the panel's question
// (DossierAPI.CheckDecide) is accepted (file "refusal-approve").
func recordApproveRefusal(r *recorder) {
	api := r.api
	id := r.dossier("upgrade", "cr", "planned", "step3")
	r.as("project_manager")
	v, err := api.Dossiers.Get(id)
	if err != nil {
		r.t.Fatal(err)
	}
	var task *workflow.Task
	for i, t := range v.State.Tasks {
		if t.Kind == "decide" {
			task = &v.State.Tasks[i]
			break
		}
	}
	if task == nil {
		r.t.Fatalf("dossier %s has no pending decision", id)
	}
	spec, _ := v.State.Plan.Slot(task.Step, task.Row)
	r.as(task.Role)
	v, err = api.Dossiers.Get(id)
	r.must("refusal-approve", r.viewer, "DossierAPI.Get", []any{id}, v, err)
	// The step list shows the witnessed signatures made on it earlier.
	for _, s := range v.State.Flow.Slots {
		if s.Decision != nil && s.Decision.Witness != nil {
			img, err := api.Dossiers.SignatureImage(id, s.Decision.Witness.Image)
			r.must("refusal-approve", "", "DossierAPI.SignatureImage", []any{id, s.Decision.Witness.Image}, img, err)
		}
	}
	req := dossier.DecideRequest{Step: task.Step, Row: task.Row, Decision: workflow.DecisionApprove}
	_, err = api.Dossiers.Decide(id, req)
	r.fails("refusal-approve", "DossierAPI.Decide", []any{id, req}, "workflow.incomplete", err)
	req.Answers = map[string]workflow.Answer{}
	for _, it := range spec.Items {
		req.Answers[it.ID] = workflow.Answer{Yes: true}
	}
	err = api.Dossiers.CheckDecide(id, req)
	r.must("refusal-approve", r.viewer, "DossierAPI.CheckDecide", []any{id, req}, nil, err)
}
