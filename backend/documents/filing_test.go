package documents_test

import (
	"io"
	"reflect"
	"strings"
	"testing"

	"golive/backend/apperr"
	"golive/backend/core"
	"golive/backend/demo"
	"golive/backend/documents"
	"golive/backend/dossier"
	"golive/backend/internal/testenv"
	"golive/backend/pdfsig"
	"golive/backend/printable"
	"golive/backend/verify"
	"golive/backend/workflow"
)

// filingDossier is a new system's release, approved by every step and
// waiting to be filed (流程备案) by the project manager, whose profile is
// unlocked; it returns the folder, its driver, the dossier id and his
// signer.
func filingDossier(t *testing.T) (*testenv.Env, *demo.Driver, string, *pdfsig.Signer) {
	t.Helper()
	s := func(v string) *string { return &v }
	env, d, id := submittedDossier(t, "project_manager", "OA", dossier.Fields{
		Title: s("OA 协同办公系统首次上线"), Type: s("new_system"), Mode: s("planned"), Version: s("1.0.0"),
		PlannedAt: s("2026-12-10T19:00"), Window: s("2026-12-10-java"), ProjectManager: s("张伟"), SystemOwner: s("李娜"),
		Entity: s(filedEntity), ReleaseMethod: s(filedReleaseMethod),
	}, "张伟", "project_manager")
	mustDo(t, d.ApproveAll(id))
	if v, err := env.Dossiers.Get(id); err != nil || v.State.Flow.Phase != workflow.PhaseFiling {
		t.Fatalf("the dossier waits in %q (%v), not for its filing", v.State.Flow.Phase, err)
	}
	return env, d, id, testSigner(t, env)
}

// filedEntity and filedReleaseMethod are the filed dossier's legal
// entity (法人主体) and release method (发布方式说明), which the release
// application prints.
const (
	filedEntity        = "远东国际融资租赁有限公司"
	filedReleaseMethod = "停机全量部署，验证通过后开放访问"
)

// filedDocuments are the generated deliverables of the default new-system
// flow's filing step and what their documents must print besides the
// dossier's title.
var filedDocuments = map[string]string{"ns.7.application": "发布申请", "ns.7.approval_opinions": "审批意见"}

func TestFilingMakesItsDocuments(t *testing.T) {
	env, _, id, signer := filingDossier(t)
	svc := env.Documents()
	before, err := env.Dossiers.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	v, outs, err := svc.File(id, "审批意见已备案", "zh", signer)
	if err != nil {
		t.Fatal(err)
	}
	if v.State.Flow.Phase != workflow.PhaseExecution || v.State.Flow.Filing == nil || len(outs) != 2 {
		t.Fatalf("after filing: phase %q, filing %v, %d documents", v.State.Flow.Phase, v.State.Flow.Filing, len(outs))
	}
	dir, err := env.Dossiers.People()
	if err != nil {
		t.Fatal(err)
	}
	read := func(t *testing.T, sum string) []byte {
		t.Helper()
		f, err := env.Dossiers.Blobs.Open(sum)
		if err != nil {
			t.Fatalf("the filed document %s is not stored: %v", sum, err)
		}
		defer f.Close()
		b, err := io.ReadAll(f)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	flat := func(s string) string { return strings.Join(strings.Fields(s), "") }
	texts := map[string]string{}
	for key, title := range filedDocuments {
		t.Run("Stored/"+key, func(t *testing.T) {
			vs := v.State.Flow.Deliverables[key]
			if len(vs) != 1 || vs[0].By != signer.Profile.PublicKey || vs[0].Event != v.State.Flow.Filing.Event || !strings.HasSuffix(vs[0].Name, ".pdf") {
				t.Fatalf("deliverable %s holds %+v after the filing", key, vs)
			}
			doc := read(t, vs[0].SHA256)
			if int64(len(doc)) != vs[0].Size {
				t.Fatalf("%s: stored %d bytes, the filing says %d", key, len(doc), vs[0].Size)
			}
			rep := verify.Check(doc, svc)
			if !rep.OK() || !rep.Signature.Valid || rep.Signature.Fingerprint != signer.Profile.Fingerprint || rep.Title != title {
				t.Fatalf("%s does not verify as %s signed by the filer: %+v", key, title, rep)
			}
			// Made from the dossier as it was filed: the filing is the one
			// event after it.
			if rep.NewerEvents != 1 || rep.Payload.Event != before.State.Heads[0] {
				t.Errorf("%s was made from event %s with %d newer; want %s and 1", key, rep.Payload.Event, rep.NewerEvents, before.State.Heads[0])
			}
			if sig := tool(t, "pdfsig", writeTemp(t, "doc.pdf", doc)); !strings.Contains(sig, "Signature is Valid") {
				t.Errorf("poppler does not find a valid signature in %s:\n%s", key, sig)
			}
			texts[key] = flat(tool(t, "pdftotext", "-enc", "UTF-8", writeTemp(t, "doc.pdf", doc), "-"))
			for _, w := range []string{title, "OA协同办公系统首次上线", id, "2026-12-1019:00", "法人主体", filedEntity} {
				if !strings.Contains(texts[key], flat(w)) {
					t.Errorf("%s does not print %q", key, w)
				}
			}
			if key == "ns.7.application" {
				for _, w := range []string{"发布方式说明", filedReleaseMethod} {
					if !strings.Contains(texts[key], flat(w)) {
						t.Errorf("the release application does not print %q", w)
					}
				}
			}
		})
	}

	t.Run("TheOpinionsNameEveryApproverAndDecision", func(t *testing.T) {
		got := texts["ns.7.approval_opinions"]
		n := 0
		for _, s := range v.State.Flow.Slots[1:] {
			name := dir.Name(s.Decision.By)
			if name == "" || !strings.Contains(got, flat(name)) {
				t.Errorf("the opinions do not name %s, who approved %s", name, s.Key())
			}
			n++
		}
		if c := strings.Count(got, "同意"); c < n {
			t.Errorf("the opinions print 同意 %d times for %d approvals", c, n)
		}
		if strings.Contains(got, "未备案") {
			t.Errorf("the opinions print the filing as not done")
		}
	})

	t.Run("TheApplicationHoldsTheSubmissionAndItsFiles", func(t *testing.T) {
		got := texts["ns.7.application"]
		sub := v.State.Flow.Submission
		if !strings.Contains(got, flat(dir.Name(sub.By))) || !strings.Contains(got, "已提交") {
			t.Errorf("the application does not name its submitter %s", dir.Name(sub.By))
		}
		start := v.State.Plan.Start()
		for _, d := range start.Deliverables {
			ver := v.State.Flow.Latest(d.ID)
			if ver == nil {
				continue
			}
			// The digest wraps in its column; its start shows on its row.
			if !strings.Contains(got, ver.SHA256[:16]) || !strings.Contains(got, flat(ver.Name)) {
				t.Errorf("the application does not print %s with its SHA-256 (%s %s)", d.ID, ver.Name, ver.SHA256)
			}
		}
		var app *documents.Output
		for i := range outs {
			if outs[i].Content.Kind == printable.KindApplication {
				app = &outs[i]
			}
		}
		if app == nil || len(app.Content.Deliverables) == 0 {
			t.Fatalf("the filing made no application listing the submitted files")
		}
		for _, r := range app.Content.Deliverables {
			if ver := v.State.Flow.Latest(r.Key); ver == nil || ver.SHA256 != r.SHA256 || r.Step != "审批流程启动" {
				t.Errorf("the application lists %s with SHA-256 %s in step %q; the dossier holds %+v", r.Key, r.SHA256, r.Step, ver)
			}
		}
		for _, it := range start.Items {
			if a, ok := sub.Answers[it.ID]; ok && a.Remark != "" && !strings.Contains(got, flat(a.Remark)) {
				t.Errorf("the application does not print the answer to %s", it.ID)
			}
		}
	})

	t.Run("AFreshFoldHoldsTheSameVersions", func(t *testing.T) {
		evs, err := env.Store.Events(id)
		if err != nil {
			t.Fatal(err)
		}
		other := testenv.Open(t, "", "王芳")
		if err := other.Dossiers.Import(evs); err != nil {
			t.Fatal(err)
		}
		w, err := other.Dossiers.Get(id)
		if err != nil {
			t.Fatal(err)
		}
		for key := range filedDocuments {
			if !reflect.DeepEqual(w.State.Flow.Deliverables[key], v.State.Flow.Deliverables[key]) {
				t.Errorf("%s folds to %+v in another folder, %+v here", key, w.State.Flow.Deliverables[key], v.State.Flow.Deliverables[key])
			}
		}
		var refs []string
		for _, e := range evs {
			if e.Kind == workflow.KindFiled {
				refs = dossier.BlobRefs(e.Kind, e.Body)
			}
		}
		if len(refs) != 2 {
			t.Errorf("the filing event names %d stored files, want 2: %v", len(refs), refs)
		}
	})

	t.Run("TheStartUpSweepKeepsThem", func(t *testing.T) {
		refs, err := core.ReferencedBlobs(env.Store)
		if err != nil {
			t.Fatal(err)
		}
		for key := range filedDocuments {
			if sum := v.State.Flow.Latest(key).SHA256; !refs[sum] {
				t.Errorf("the sweep would remove %s (%s): no event references it", key, sum)
			}
		}
	})

	t.Run("GeneratedDeliverablesAreNotUploaded", func(t *testing.T) {
		_, err := env.Dossiers.AttachReader(id, "ns.7.application", "forged.pdf", strings.NewReader("%PDF-1.7"), "", nil)
		if apperr.Code(err) != "workflow.generated_deliverable" {
			t.Fatalf("attaching a generated deliverable by hand: %v", err)
		}
	})
}

// TestFilingWithoutDocumentsStillFolds: a filing made before the app made
// its documents names none, and folds as it did.
func TestFilingWithoutDocumentsStillFolds(t *testing.T) {
	env, _, id, _ := filingDossier(t)
	v, err := env.Dossiers.File(id, "")
	if err != nil {
		t.Fatal(err)
	}
	if v.State.Flow.Phase != workflow.PhaseExecution || len(v.State.Flow.Deliverables["ns.7.application"]) != 0 {
		t.Fatalf("a filing without documents: phase %q, versions %+v", v.State.Flow.Phase, v.State.Flow.Deliverables["ns.7.application"])
	}
}

// TestFilingIsRefusedBeforeAnythingIsMade: a profile that may not file
// gets the fold's refusal and nothing is stored.
func TestFilingIsRefusedBeforeAnythingIsMade(t *testing.T) {
	env, d, id, signer := filingDossier(t)
	stored := func() int {
		n := 0
		if err := env.Dossiers.Blobs.Each(func(string, string, int64) error { n++; return nil }); err != nil {
			t.Fatal(err)
		}
		return n
	}
	had := stored()
	if err := d.As("cio"); err != nil {
		t.Fatal(err)
	}
	_, outs, err := env.Documents().File(id, "", "zh", signer)
	if apperr.Code(err) != "workflow.not_permitted" || outs != nil {
		t.Fatalf("filing as the CIO: %v, %d documents", err, len(outs))
	}
	if v, _ := env.Dossiers.Get(id); v.State.Flow.Phase != workflow.PhaseFiling || stored() != had {
		t.Fatalf("the refused filing left phase %s and %d stored files (%d before)", v.State.Flow.Phase, stored(), had)
	}
}
