package printable_test

import (
	"strings"
	"testing"

	"golive/backend/apperr"
	"golive/backend/printable"
	"golive/backend/template"
)

func TestLang(t *testing.T) {
	for in, want := range map[string]printable.Lang{"": printable.Zh, "zh-CN": printable.Zh, "EN": printable.En, "en-us": printable.En} {
		if got, err := printable.ParseLang(in); err != nil || got != want {
			t.Errorf("ParseLang(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := printable.ParseLang("fr"); apperr.Code(err) != "printable.bad_lang" {
		t.Fatalf("err = %v", err)
	}
	if printable.En.L("title.confirmation") != "Go-live Application Confirmation" || printable.Zh.L("v.approved") != "同意" {
		t.Fatal("labels")
	}
}

func TestPayload(t *testing.T) {
	c := &printable.Content{Kind: printable.KindConfirmation, Lang: printable.Zh, Title: "系统上线申请确认书", Number: "R26X-CF-1",
		Dossier: &printable.Header{ID: "R26X"}, Event: strings.Repeat("a", 64),
		Signatures: []printable.Signature{{For: "up.1.start", Name: "张伟", Fingerprint: "3F2A 91C0 0000 0000 0000 0000 0000 0000"}}}
	p, err := printable.NewPayload(c)
	if err != nil {
		t.Fatal(err)
	}
	if p.Dossier != "R26X" || len(p.Digest) != 64 || p.Signed[0].Fingerprint != "3F2A91C0000000000000000000000000" || p.Signed[0].How != printable.HowSelf {
		t.Fatalf("payload %+v", p)
	}
	back, err := printable.ParsePayload(p.JSON())
	if err != nil || back.Digest != p.Digest || back.Event != c.Event {
		t.Fatalf("round trip %+v, %v", back, err)
	}
	c.Title += "!"
	if again, _ := printable.NewPayload(c); again.Digest == p.Digest {
		t.Fatal("the digest ignores the content")
	}
	if _, err := printable.ParsePayload([]byte(`{"format":"other"}`)); apperr.Code(err) != "printable.bad_payload" {
		t.Fatalf("err = %v", err)
	}
}

func TestStepGroups(t *testing.T) {
	g := printable.StepGroups(template.MustDefault(), printable.Zh)
	var keys []string
	for _, x := range g {
		keys = append(keys, x.Key)
	}
	got := strings.Join(keys, " ")
	want := "start sign/applicant_dept_head cs/cs cs/biz_apps cs/data_integration cs/basic_apps cs/app_dev cs/infrastructure " +
		"seq/owning_subdept_director seq/pmo_director seq/info_mgmt_gm seq/cio filing"
	if got != want {
		t.Fatalf("groups\n got %s\nwant %s", got, want)
	}
}

func TestBuildPlan(t *testing.T) {
	rows := []printable.PlanRow{{Date: "2026-12-10", Start: "19:00", End: "23:00", Name: "12月第2周", Status: "已发布"}}
	a, err := printable.BuildPlan(2026, rows, template.Text{Zh: "远东宏信有限公司"}, printable.Zh)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := printable.BuildPlan(2026, rows, template.Text{Zh: "远东宏信有限公司"}, printable.Zh)
	if a.Number != b.Number || !strings.HasPrefix(a.Number, "WP-2026-") || a.Title != "2026 发布窗口计划" {
		t.Fatalf("plan %+v", a)
	}
}
