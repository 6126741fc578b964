package app_test

import (
	"encoding/json"
	"fmt"
	"strings"

	"golive/backend/verify"
)

// recordFiling: the project manager files the new system's approved flow
// (流程备案, file "action-filing"): the filing makes 发布申请 and 审批意见
// as signed PDFs and records them as versions of the filing step's
// generated deliverables; each is then checked as stored
// (DocumentsAPI.VerifyDeliverable). Recorded last: the dossier leaves the
// filing phase other recordings show it in.
func recordFiling(r *recorder) {
	api := r.api
	const f = "action-filing"
	id, before := r.open(f, "project_manager", "new_system", "", "planned", "filing")
	v, err := api.Dossiers.File(id, "审批意见已备案")
	if err != nil {
		r.t.Fatalf("file %s: %v", id, err)
	}
	// The PDFs carry the wall-clock signing time, so their hashes, sizes
	// and the filing event's id change every run: each is replaced by a
	// fixed value, the same in the view and in the checks.
	fixed := map[string]string{}
	n, earlier := 0, mustJSON(r, before.History)
	for _, h := range v.History {
		if !strings.Contains(earlier, h.Event) {
			n++
			fixed[h.Event] = fmt.Sprintf("%064x", n)
		}
	}
	var sums []string
	step := v.State.Plan.StepOfKind("filing")
	for i, d := range step.Deliverables {
		for _, ver := range v.State.Flow.Deliverables[d.ID] {
			fixed[ver.SHA256] = strings.Repeat(fmt.Sprintf("5%x", 10+i), 32)
			fixed[fmt.Sprintf(`"size":%d,`, ver.Size)] = fmt.Sprintf(`"size":%d,`, 90000+i)
			sums = append(sums, ver.SHA256)
		}
	}
	if len(sums) != 2 || n != 1 {
		r.t.Fatalf("the filing made %d documents in %d events", len(sums), n)
	}
	r.rec(f, r.viewer, "DossierAPI.File", []any{id, "审批意见已备案"}, replaced(r, v, fixed), nil)
	r.files[f][len(r.files[f])-1].AnyArgs = true
	for _, sum := range sums {
		rep, err := api.Docs.VerifyDeliverable(sum)
		if err != nil || rep.Status != verify.Match || rep.NewerEvents != 1 {
			r.t.Fatalf("the filed document %s checks %s (%d newer, %v)", sum, rep.Status, rep.NewerEvents, err)
		}
		rep.Signature.SignedAt = "2026-12-01T10:00:00+08:00"
		r.must(f, r.viewer, "DocumentsAPI.VerifyDeliverable", []any{fixed[sum]}, replaced(r, rep, fixed), nil)
	}
}

// replaced is v as JSON with every key of fixed replaced by its value.
func replaced(r *recorder, v any, fixed map[string]string) json.RawMessage {
	text := mustJSON(r, v)
	for from, to := range fixed {
		text = strings.ReplaceAll(text, from, to)
	}
	return json.RawMessage(text)
}

func mustJSON(r *recorder, v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		r.t.Fatal(err)
	}
	return string(b)
}
