package app_test

import (
	"bytes"
	"encoding/base64"
	"image"
	"image/color"
	"image/png"
	"slices"

	"golive/backend/dossier"
	"golive/backend/workflow"
)

// signaturePNG returns base64 (no data: prefix) of a PNG as the signature
// pad sends it: a transparent canvas, with a dark stroke when ink.
func signaturePNG(r *recorder, ink bool) string {
	img := image.NewNRGBA(image.Rect(0, 0, 320, 120))
	if ink {
		for x := 20; x < 300; x++ {
			y := 60 + (x%48 - 24)
			for d := 0; d < 3; d++ {
				img.Set(x, y+d, color.NRGBA{20, 20, 40, 255})
			}
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		r.t.Fatal(err)
	}
	return base64.StdEncoding.EncodeToString(buf.Bytes())
}

// recordRosterMarks: what the roster decides, where decisions show. File
// "roster-marks": the sample dossier with the CIO step decided by his
// delegate (代审批) and the one with the decision signed by the revoked
// old-laptop key (未授权, roster.revoked), as the project manager sees
// them. File "transfer-roster": the holder of a pending row transfers it
// (转交) to someone the roster offers. File "witness": on another pending
// row of that dossier the project manager's screen records a 在场签字:
// the approvers the roster allows, a blank pad refused, the handwriting
// accepted, and the image read back. Run last: it changes the folder.
func recordRosterMarks(r *recorder) {
	api := r.api
	r.as("project_manager")
	delegated, revoked, approval := "", "", ""
	for _, p := range r.placed {
		v, err := api.Dossiers.Get(p.ID)
		if err != nil {
			r.t.Fatal(err)
		}
		if v.State.Flow == nil {
			continue
		}
		for _, s := range v.State.Flow.Slots {
			if d := s.Decision; d != nil && d.For != "" && delegated == "" {
				delegated = p.ID
			}
		}
		for _, h := range v.History {
			if h.Ignored && h.IgnoredCode == "roster.revoked" && revoked == "" {
				revoked = p.ID
			}
		}
		if approval == "" && v.State.Flow.Phase == workflow.PhaseApproval && len(v.Actions.Witness) >= 2 && p.ID != revoked {
			rows := 0
			for _, s := range v.State.Flow.Slots {
				if s.Status == workflow.SlotPending && s.Row != "" && slices.Contains(v.Actions.Witness, s.Key()) {
					rows++
				}
			}
			if rows >= 2 {
				approval = p.ID
			}
		}
	}
	if delegated == "" || revoked == "" || approval == "" {
		r.t.Fatalf("sample roster story: delegated %q, revoked %q, two witnessable rows %q", delegated, revoked, approval)
	}
	r.view("roster-marks", delegated, "project_manager")
	r.view("roster-marks", revoked, "project_manager")

	v, err := api.Dossiers.Get(approval)
	if err != nil {
		r.t.Fatal(err)
	}
	var rows []workflow.Slot
	for _, s := range v.State.Flow.Slots {
		if s.Status == workflow.SlotPending && s.Row != "" && slices.Contains(v.Actions.Witness, s.Key()) {
			rows = append(rows, s)
		}
	}
	moved, signed := rows[0], rows[1]

	// 转交: the holder of the first row hands it to the first person offered.
	holder := moved.Role
	r.view("transfer-roster", approval, holder)
	r.as(holder)
	targets, err := api.Dossiers.TransferTargets(approval)
	r.must("transfer-roster", holder, "DossierAPI.TransferTargets", []any{approval}, targets, err)
	if len(targets) == 0 {
		r.t.Fatal("no transfer targets under the sample roster")
	}
	tv, err := api.Dossiers.Transfer(approval, moved.Step, moved.Row, targets[0].Key, "请代为审批")
	r.must("transfer-roster", holder, "DossierAPI.Transfer", []any{approval, moved.Step, moved.Row, targets[0].Key, "请代为审批"}, tv, err)
	markAnyArgs(r, "transfer-roster")

	// 在场签字 on the second row, on the project manager's screen.
	r.as("project_manager")
	v, err = api.Dossiers.Get(approval)
	r.must("witness", "project_manager", "DossierAPI.Get", []any{approval}, v, err)
	cands, err := api.Dossiers.Candidates(approval, signed.Step, signed.Row)
	r.must("witness", "project_manager", "DossierAPI.Candidates", []any{approval, signed.Step, signed.Row}, cands, err)
	if len(cands) == 0 {
		r.t.Fatalf("no candidates for %s", signed.Key())
	}
	answers := answersFor(r, v, workflow.Task{Step: signed.Step, Row: signed.Row})
	blank := dossier.DecideRequest{Step: signed.Step, Row: signed.Row, Decision: workflow.DecisionApprove, Comment: "当面签字确认", Answers: answers,
		Witness: &dossier.WitnessRequest{Person: cands[0].Person, Image: signaturePNG(r, false), Kind: workflow.WitnessHandwritten}}
	_, err = api.Dossiers.Decide(approval, blank)
	r.fails("witness", "DossierAPI.Decide", []any{approval, blank}, "workflow.witness_image_blank", err)
	req := blank
	req.Witness = &dossier.WitnessRequest{Person: cands[0].Person, Image: signaturePNG(r, true), Kind: workflow.WitnessHandwritten}
	after, err := api.Dossiers.Decide(approval, req)
	r.must("witness", "project_manager", "DossierAPI.Decide", []any{approval, req}, after, err)
	var sha string
	for _, s := range after.State.Flow.Slots {
		if s.Key() == signed.Key() && s.Decision != nil && s.Decision.Witness != nil {
			sha = s.Decision.Witness.Image
		}
	}
	if sha == "" {
		r.t.Fatalf("the witnessed decision on %s carries no image", signed.Key())
	}
	img, err := api.Dossiers.SignatureImage(approval, sha)
	r.must("witness", "", "DossierAPI.SignatureImage", []any{approval, sha}, img, err)
	// The accepted decision answers whatever the pad drew (a refusal only its own arguments).
	for i := range r.files["witness"] {
		if rc := &r.files["witness"][i]; rc.Call == "DossierAPI.Decide" && rc.Error == nil {
			rc.AnyArgs = true
		}
	}
}
