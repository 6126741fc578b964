package documents_test

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"golive/backend/documents"
	"golive/backend/dossier"
	"golive/backend/internal/testenv"
	"golive/backend/pdfsig"
	"golive/backend/printable"
	"golive/backend/verify"
	"golive/backend/workflow"
)

// Words the approvers of printedDossier write besides 同意.
const (
	approvedThenDismissed = "已核对接口测试报告，回退方案可行"
	commentOnly           = "请发布当晚安排开发值守"
	returnReason          = "缺少与ESB的联调记录"
)

// printedDossier is a planned CRM upgrade in the 2026-12-10 java window
// whose countersign saw an approval with a comment, a comment without a
// decision and a return with its reason, then was approved by everyone
// with 同意 after the second submission. It returns the folder, the
// dossier id and a signer.
func printedDossier(t *testing.T) (*testenv.Env, string, *pdfsig.Signer) {
	t.Helper()
	s := func(v string) *string { return &v }
	env, d, id := submittedDossier(t, "system_owner", "CRM", dossier.Fields{
		Title: s("CRM 十二月需求发布"), Type: s("upgrade"), Subtype: s("cr"), Mode: s("planned"), Version: s("3.2.0"),
		PlannedAt: s("2026-12-10T19:00"), Window: s("2026-12-10-java"), ProjectManager: s("张伟"), SystemOwner: s("李娜"),
	}, "张伟")
	p, err := d.Pending(id)
	mustDo(t, err)
	if len(p) < 3 {
		t.Fatalf("the countersign waits on %d rows", len(p))
	}
	mustDo(t, d.Decide(id, p[0].Step, p[0].Row, workflow.DecisionApprove, "", approvedThenDismissed))
	mustDo(t, d.As(p[1].Role))
	_, err = env.Dossiers.Comment(id, p[1].Step, p[1].Row, commentOnly)
	mustDo(t, err)
	mustDo(t, d.Decide(id, p[2].Step, p[2].Row, workflow.DecisionReturn, "", returnReason))
	mustDo(t, d.Submit(id))
	mustDo(t, d.ApproveAll(id))
	return env, id, testSigner(t, env)
}

// generated is when the documents of TestPrintedDetails are made.
var generated = time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)

func TestPrintedDetails(t *testing.T) {
	env, id, signer := printedDossier(t)
	svc := env.Documents()
	svc.Now = func() time.Time { return generated }
	docs := map[string]documents.Output{}
	for _, lang := range []string{"zh", "en"} {
		out, err := svc.PDF(documents.Request{Kind: printable.KindConfirmation, Dossier: id, Lang: lang}, signer)
		if err != nil {
			t.Fatal(err)
		}
		if rep := verify.Check(out.PDF, svc); !rep.OK() {
			t.Fatalf("%s confirmation does not verify: %+v", lang, rep.Problems)
		}
		docs[lang] = out
	}
	text := func(t *testing.T, lang string, args ...string) string {
		t.Helper()
		return tool(t, "pdftotext", append(append([]string{"-enc", "UTF-8"}, args...), writeTemp(t, "doc.pdf", docs[lang].PDF), "-")...)
	}
	flat := func(s string) string { return strings.Join(strings.Fields(s), "") }

	t.Run("EveryCommentOfTheApproversIsPrinted", func(t *testing.T) {
		got := flat(text(t, "zh"))
		for _, w := range []string{approvedThenDismissed, commentOnly, returnReason, "退回", "评论"} {
			if !strings.Contains(got, flat(w)) {
				t.Errorf("the confirmation does not print %q", w)
			}
		}
		if en := flat(text(t, "en")); !strings.Contains(en, returnReason) || !strings.Contains(en, "Returned") {
			t.Errorf("the English confirmation does not print the return and its reason")
		}
	})

	t.Run("TheWindowIsPrintedByItsName", func(t *testing.T) {
		for lang, name := range map[string]string{"zh": "2026-12-10 周四 19:00–23:00 · Java", "en": "2026-12-10 Thursday 19:00–23:00 · Java"} {
			got := text(t, lang)
			if !strings.Contains(flat(got), flat(name)) {
				t.Errorf("%s: the window is not printed as %q", lang, name)
			}
			if strings.Contains(got, "2026-12-10-java") {
				t.Errorf("%s: the window's id is printed", lang)
			}
		}
	})

	t.Run("CreationAndModificationDateAreOneInstantWithItsZone", func(t *testing.T) {
		for lang, out := range docs {
			info := tool(t, "pdfinfo", "-isodates", writeTemp(t, "doc.pdf", out.PDF))
			created := regexp.MustCompile(`(?m)^CreationDate:\s+(\S+)$`).FindStringSubmatch(info)
			modified := regexp.MustCompile(`(?m)^ModDate:\s+(\S+)$`).FindStringSubmatch(info)
			// 10:00 UTC is 18:00 in Shanghai, the folder's zone.
			if created == nil || modified == nil || created[1] != "2026-11-30T18:00:00+08" || modified[1] != created[1] {
				t.Errorf("%s: pdfinfo -isodates says CreationDate %v, ModDate %v; want both 2026-11-30T18:00:00+08\n%s", lang, created, modified, info)
			}
		}
	})

	t.Run("EnglishGroupNamesAreWholeWords", func(t *testing.T) {
		got := text(t, "en", "-layout")
		if !regexp.MustCompile(`(?m)^\s*Precondition\s`).MatchString(got) || strings.Contains(got, "Preconditi\n") {
			t.Errorf("the Kind column breaks Precondition:\n%s", got)
		}
	})
}
