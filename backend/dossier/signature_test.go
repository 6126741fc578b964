package dossier_test

import (
	"bytes"
	"encoding/base64"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"

	"golive/backend/apperr"
	"golive/backend/dossier"
	"golive/backend/workflow"
)

// drawn returns a PNG signature as the signature pad sends it: base64 of a
// transparent canvas with a dark stroke.
func drawn(t *testing.T) string {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, 300, 100))
	for x := 20; x < 280; x++ {
		img.Set(x, 40+x%30, color.NRGBA{10, 10, 40, 255})
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return base64.StdEncoding.EncodeToString(buf.Bytes())
}

// TestSignatureImage: the handwriting of a 在场签字 comes back as the
// image it was, but only through the dossier it was signed in: another
// dossier, a deliverable's hash or an unknown hash get
// dossier.signature_not_found, so the call cannot read other stored files.
func TestSignatureImage(t *testing.T) {
	c, id := sampleFolder(t, false)
	row := pendingRow(t, c, id)
	unlockRole(t, c, "system_owner")
	before, err := c.Dossiers.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	spec, _ := before.State.Plan.Slot(row.Step, row.Row)
	answers := map[string]workflow.Answer{}
	for _, it := range spec.Items {
		answers[it.ID] = workflow.Answer{Yes: true}
	}
	ink := drawn(t)
	v, err := c.Dossiers.Decide(id, dossier.DecideRequest{Step: row.Step, Row: row.Row, Decision: workflow.DecisionApprove,
		Answers: answers, Comment: "在场签字",
		Witness: &dossier.WitnessRequest{Person: "P-" + row.Role, Image: ink, Kind: workflow.WitnessHandwritten}})
	if err != nil {
		t.Fatalf("witnessed decision: %v", err)
	}
	var sha string
	for _, s := range v.State.Flow.Slots {
		if s.Step == row.Step && s.Row == row.Row && s.Decision != nil && s.Decision.Witness != nil {
			sha = s.Decision.Witness.Image
		}
	}
	if sha == "" {
		t.Fatalf("no witness recorded on %s", row.Key())
	}
	got, err := c.Dossiers.SignatureImage(id, sha)
	if err != nil || got != "data:image/png;base64,"+ink {
		t.Fatalf("signature back: %.60q %v", got, err)
	}

	var deliverable string
	for _, vs := range v.State.Flow.Deliverables {
		for _, x := range vs {
			if x.SHA256 != "" {
				deliverable = x.SHA256
			}
		}
	}
	if deliverable == "" {
		t.Fatal("the sample dossier has no stored deliverable")
	}
	other := ""
	list, err := c.Dossiers.List(dossier.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range list {
		if s.ID != id {
			other = s.ID
			break
		}
	}
	for name, args := range map[string][2]string{
		"another dossier": {other, sha},
		"a deliverable":   {id, deliverable},
		"an unknown hash": {id, strings.Repeat("0", 64)},
		"an empty hash":   {id, ""},
	} {
		if got, err := c.Dossiers.SignatureImage(args[0], args[1]); got != "" || !apperr.HasCode(err, dossier.CodeSignatureNotFound) {
			t.Errorf("%s: %.30q %v, want %s", name, got, err, dossier.CodeSignatureNotFound)
		}
	}
	if _, err := c.Dossiers.SignatureImage("no-such-dossier", sha); !apperr.HasCode(err, "dossier.not_found") {
		t.Errorf("unknown dossier: %v", err)
	}
}
