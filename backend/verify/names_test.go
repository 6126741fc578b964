package verify_test

import (
	"strings"
	"testing"

	"golive/backend/core"
	"golive/backend/documents"
	"golive/backend/dossier"
	"golive/backend/internal/testenv"
	"golive/backend/pdfsig"
	"golive/backend/printable"
	"golive/backend/verify"
)

// The report names what each signature was for as people read it — the
// step's name and the countersign row's role, from the dossier's pinned
// template, in both languages for the screen to pick — not by the slot
// keys the payload holds ("up.2.countersign/cs").
func TestReportNamesWhatWasSigned(t *testing.T) {
	env := testenv.Open(t, "", "张伟")
	env.AddSystem(t, "CRM")
	d := env.Driver(t)
	if err := d.As("system_owner"); err != nil {
		t.Fatal(err)
	}
	s := func(v string) *string { return &v }
	v, err := env.Dossiers.Create(dossier.CreateRequest{SystemCode: "CRM", Fields: dossier.Fields{
		Title: s("CRM 十二月需求发布"), Type: s("upgrade"), Subtype: s("cr"), Mode: s("planned"), Version: s("3.2.0"),
		PlannedAt: s("2026-12-10T19:00"), Window: s("2026-12-10-java"), ProjectManager: s("张伟"), SystemOwner: s("李娜"),
	}})
	if err != nil {
		t.Fatal(err)
	}
	id := v.State.ID
	for _, step := range []func() error{func() error { return d.Prepare(id, false) }, func() error { return d.Submit(id) }, func() error { return d.ApproveStep(id, 2) }} {
		if err := step(); err != nil {
			t.Fatal(err)
		}
	}
	signer, err := pdfsig.Open(env.Profiles, env.Profile.ID, "passphrase-123", "GoLive tests", env.Clock.T)
	if err != nil {
		t.Fatal(err)
	}
	out, err := env.Documents().PDF(documents.Request{Kind: printable.KindApprovals, Dossier: id, Lang: "zh"}, signer)
	if err != nil {
		t.Fatal(err)
	}

	rep := verify.Check(out.PDF, env.Documents())
	if !rep.OK() || len(rep.Signed) != len(out.Payload.Signed) || len(rep.Signed) < 3 {
		t.Fatalf("report %+v with %d signatures, payload %d", rep.Problems, len(rep.Signed), len(out.Payload.Signed))
	}
	v, err = env.Dossiers.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	tpl, err := env.ResolveTemplate(v.State.Template)
	if err != nil {
		t.Fatal(err)
	}
	rows := 0
	for i, sg := range rep.Signed {
		if sg.For != out.Payload.Signed[i].For || sg.Fingerprint != out.Payload.Signed[i].Fingerprint || sg.How != out.Payload.Signed[i].How {
			t.Errorf("signature %d is %+v, the payload says %+v", i, sg, out.Payload.Signed[i])
		}
		if sg.Label.Zh == "" || sg.Label.En == "" || strings.Contains(sg.Label.Zh, sg.For) || strings.Contains(sg.Label.En, sg.For) {
			t.Errorf("signature %d for %s is labelled %+v", i, sg.For, sg.Label)
		}
		// The PDF prints the same words.
		if sg.Label.Zh != out.Content.Signatures[i].Label {
			t.Errorf("signature %d: report %q, the document prints %q", i, sg.Label.Zh, out.Content.Signatures[i].Label)
		}
		stepID, rowID, ok := strings.Cut(sg.For, "/")
		if !ok {
			continue
		}
		rows++
		for _, st := range v.State.Plan.Steps {
			for _, r := range st.Rows {
				if st.ID != stepID || r.ID != rowID {
					continue
				}
				role, _ := tpl.Role(r.Role)
				if want := st.Name.Zh + " · " + role.Name.Zh; sg.Label.Zh != want {
					t.Errorf("%s is labelled %q, want %q", sg.For, sg.Label.Zh, want)
				}
				if want := st.Name.En + " · " + role.Name.En; sg.Label.En != want {
					t.Errorf("%s is labelled %q in English, want %q", sg.For, sg.Label.En, want)
				}
			}
		}
	}
	if rows != 2 {
		t.Errorf("%d countersign rows signed, want 2", rows)
	}

	t.Run("AFolderWithoutTheDossierUsesTheDocumentsWords", func(t *testing.T) {
		empty, err := core.Open(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		defer empty.Close()
		rep := verify.Check(out.PDF, empty.Documents())
		if len(rep.Signed) != len(out.Content.Signatures) {
			t.Fatalf("%d signatures named", len(rep.Signed))
		}
		for i, sg := range rep.Signed {
			if want := out.Content.Signatures[i].Label; sg.Label.Zh != want || sg.Label.En != want {
				t.Errorf("signature %d labelled %+v, the document says %q", i, sg.Label, want)
			}
		}
	})
}
