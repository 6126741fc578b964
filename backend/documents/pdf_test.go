package documents_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golive/backend/apperr"
	"golive/backend/documents"
	"golive/backend/dossier"
	"golive/backend/printable"
	"golive/backend/verify"
	"golive/backend/workflow"
)

// pdfCase is one document checked with poppler.
type pdfCase struct {
	kind, lang string
	// what picks the dossier.
	what string
	pick func(v dossier.View) bool
	// pages bounds the page count.
	minPages, maxPages int
}

func TestPDFKinds(t *testing.T) {
	c := openSample(t)
	svc := c.Documents()
	s := signer(t, c)
	postponed := func(v dossier.View) bool { return v.State.Flow != nil && len(v.State.Flow.Postponements) > 0 }
	returned := func(v dossier.View) bool {
		for _, h := range v.History {
			if h.Kind == workflow.KindDecided && h.Params["decision"] == workflow.DecisionReturn {
				return true
			}
		}
		return false
	}
	emergency := func(v dossier.View) bool {
		return v.State.Mode == "emergency" && v.State.Flow != nil && v.State.Flow.Phase == workflow.PhaseArchived
	}
	cases := []pdfCase{
		{printable.KindConfirmation, "zh", "archived new-system", archivedNewSystem, 2, 5},
		{printable.KindConfirmation, "en", "archived new-system", archivedNewSystem, 2, 5},
		{printable.KindConfirmation, "zh", "emergency", emergency, 2, 5},
		{printable.KindApprovals, "zh", "returned", returned, 2, 6},
		{printable.KindTestConfirmation, "zh", "postponed", postponed, 2, 5},
		{printable.KindUserConfirmation, "zh", "archived new-system", archivedNewSystem, 2, 5},
		{printable.KindArchiveIndex, "zh", "archived new-system", archivedNewSystem, 2, 5},
		{printable.KindReleaseNote, "en", "archived new-system", archivedNewSystem, 1, 4},
		{printable.KindApplication, "zh", "archived new-system", archivedNewSystem, 1, 4},
		{printable.KindApplication, "en", "archived new-system", archivedNewSystem, 1, 4},
		{printable.KindOpinions, "zh", "archived new-system", archivedNewSystem, 1, 5},
		{printable.KindOpinions, "en", "emergency", emergency, 1, 5},
	}
	for _, tc := range cases {
		t.Run(tc.kind+"/"+tc.lang+"/"+strings.ReplaceAll(tc.what, " ", "-"), func(t *testing.T) {
			v := find(t, c, tc.what, tc.pick)
			out, err := svc.PDF(documents.Request{Kind: tc.kind, Dossier: v.State.ID, Lang: tc.lang}, s)
			if err != nil {
				t.Fatal(err)
			}
			checkPDF(t, out, tc, svc)
		})
	}
	t.Run("Plan", func(t *testing.T) {
		svc := c.Documents()
		svc.Plans = fakePlan
		out, err := svc.PDF(documents.Request{Kind: printable.KindPlan, Year: 2026}, s)
		if err != nil {
			t.Fatal(err)
		}
		checkPDF(t, out, pdfCase{kind: printable.KindPlan, minPages: 1, maxPages: 3}, svc)
	})
	t.Run("PlanWithoutSource", func(t *testing.T) {
		svc := *svc
		svc.Plans = nil
		_, err := svc.PDF(documents.Request{Kind: printable.KindPlan, Year: 2026}, s)
		if apperr.Code(err) != "documents.no_plan_source" {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("UnknownKindAndDossier", func(t *testing.T) {
		if _, err := svc.PDF(documents.Request{Kind: "invoice", Dossier: "R26X"}, s); apperr.Code(err) != "printable.bad_kind" {
			t.Fatalf("err = %v", err)
		}
		if _, err := svc.PDF(documents.Request{Kind: printable.KindConfirmation, Dossier: "R26NOSUCH"}, s); apperr.Code(err) != "dossier.not_found" {
			t.Fatalf("err = %v", err)
		}
		if _, err := svc.PDF(documents.Request{Kind: printable.KindConfirmation, Dossier: "R26NOSUCH", Lang: "fr"}, s); apperr.Code(err) != "printable.bad_lang" {
			t.Fatalf("err = %v", err)
		}
	})
}

// fakePlan stands in for backend/window until it is wired.
func fakePlan(year int, _ printable.Lang) ([]printable.PlanRow, error) {
	var rows []printable.PlanRow
	for m := 1; m <= 12; m++ {
		for _, d := range []int{10, 24} {
			r := printable.PlanRow{Date: strconv.Itoa(year) + "-" + two(m) + "-" + two(d), Start: "19:00", End: "23:00",
				Name: strconv.Itoa(m) + "月窗口", Classes: []string{"java"}, Status: "已发布"}
			if m == 12 && d == 24 {
				r.Status, r.Note = "封网", "年终封网"
			} else if m == 6 {
				r.Dossiers = []printable.PlanDossier{{ID: "R26DEMO00001", System: "CRM", Title: "客户关系管理系统 需求变更发布"}}
			}
			rows = append(rows, r)
		}
	}
	return rows, nil
}

func two(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

var pagesLine = regexp.MustCompile(`(?m)^Pages:\s+(\d+)$`)

func checkPDF(t *testing.T, out documents.Output, tc pdfCase, svc *documents.Service) {
	t.Helper()
	f := writeTemp(t, "doc.pdf", out.PDF)
	if keep := os.Getenv("GOLIVE_KEEP_PDF"); keep != "" { // to look at them
		_ = os.WriteFile(filepath.Join(keep, strings.ReplaceAll(t.Name(), "/", "_")+".pdf"), out.PDF, 0o644)
	}
	info := tool(t, "pdfinfo", f)
	if !strings.Contains(info, "(A4)") {
		t.Errorf("pdfinfo does not say A4:\n%s", info)
	}
	m := pagesLine.FindStringSubmatch(info)
	if m == nil || m[1] != strconv.Itoa(out.Pages) || out.Pages < tc.minPages || out.Pages > tc.maxPages {
		t.Errorf("pages: pdfinfo %v, renderer %d, expected %d-%d", m, out.Pages, tc.minPages, tc.maxPages)
	}
	fonts := tool(t, "pdffonts", f)
	for _, name := range []string{"GLVREG+NotoSansSC", "GLVBLD+NotoSansSC-Bold"} {
		if !regexp.MustCompile(regexp.QuoteMeta(name) + `\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes`).MatchString(fonts) {
			t.Errorf("pdffonts does not show %s embedded as a subset:\n%s", name, fonts)
		}
	}
	text := tool(t, "pdftotext", "-enc", "UTF-8", f, "-")
	want := []string{out.Content.Title, out.Content.Number, out.Content.Organisation}
	if out.Content.Dossier != nil {
		want = append(want, out.Content.Dossier.ID, out.Content.Dossier.PlannedAt[:10])
	}
	for _, sg := range out.Content.Signatures {
		want = append(want, sg.Name, sg.At[:10])
	}
	for _, sec := range out.Content.Approvals {
		for _, r := range sec.Rows {
			if r.Approved {
				want = append(want, r.Decision)
			}
		}
	}
	if out.Content.Kind == printable.KindPlan {
		want = append(want, "封网", "2026-06-10")
	}
	if out.Content.Lang == printable.Zh {
		want = append(want, "第 1 页 / 共 "+strconv.Itoa(out.Pages)+" 页", "示例")
	} else {
		want = append(want, "Page 1 of "+strconv.Itoa(out.Pages), "SAMPLE")
	}
	flat := strings.Join(strings.Fields(text), "")
	for _, w := range want {
		if !strings.Contains(flat, strings.Join(strings.Fields(w), "")) {
			t.Errorf("pdftotext lacks %q", w)
		}
	}
	if ink := inkShare(t, f); ink < 0.01 || ink > 0.6 {
		t.Errorf("page 1 renders %.1f%% ink: blank or broken", ink*100)
	}
	if sig := tool(t, "pdfsig", f); !strings.Contains(sig, "Signature is Valid") {
		t.Errorf("pdfsig:\n%s", sig)
	}
	rep := verify.Check(out.PDF, svc)
	if !rep.OK() || !rep.Signature.Valid || !rep.Signature.Sample || rep.Payload == nil || rep.Payload.Digest != out.Payload.Digest {
		t.Errorf("verify: %+v", rep)
	}
	bad := flip(t, out.PDF)
	rep = verify.Check(bad, svc)
	if rep.Status != verify.Invalid || len(rep.Problems) == 0 || rep.Problems[0].Code != "pdfsig.digest_mismatch" ||
		!strings.Contains(rep.Problems[0].Message, "changed after it was signed") {
		t.Errorf("verify after a flipped byte: %+v", rep)
	}
	if sig := tool(t, "pdfsig", writeTemp(t, "bad.pdf", bad)); !strings.Contains(sig, "Digest Mismatch") {
		t.Errorf("pdfsig after a flipped byte:\n%s", sig)
	}
}
