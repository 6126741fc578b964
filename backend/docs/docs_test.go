package docs_test

import (
	"strings"
	"testing"

	"golive/backend/apperr"
	"golive/backend/docs"
	"golive/backend/template"
)

func TestLang(t *testing.T) {
	for in, want := range map[string]docs.Lang{"": docs.Zh, "zh-CN": docs.Zh, "EN": docs.En, "en-us": docs.En} {
		if got, err := docs.ParseLang(in); err != nil || got != want {
			t.Errorf("ParseLang(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := docs.ParseLang("fr"); apperr.Code(err) != "docs.bad_lang" {
		t.Fatalf("err = %v", err)
	}
	if docs.En.L("title.confirmation") != "Go-live Application Confirmation" || docs.Zh.L("v.approved") != "同意" {
		t.Fatal("labels")
	}
}

func TestPayload(t *testing.T) {
	c := &docs.Content{Kind: docs.KindConfirmation, Lang: docs.Zh, Title: "系统上线申请确认书", Number: "R26X-CF-1",
		Dossier: &docs.Header{ID: "R26X"}, Event: strings.Repeat("a", 64),
		Signatures: []docs.Signature{{For: "up.1.start", Name: "张伟", Fingerprint: "3F2A 91C0 0000 0000 0000 0000 0000 0000"}}}
	p, err := docs.NewPayload(c)
	if err != nil {
		t.Fatal(err)
	}
	if p.Dossier != "R26X" || len(p.Digest) != 64 || p.Signed[0].Fingerprint != "3F2A91C0000000000000000000000000" || p.Signed[0].How != docs.HowSelf {
		t.Fatalf("payload %+v", p)
	}
	back, err := docs.ParsePayload(p.JSON())
	if err != nil || back.Digest != p.Digest || back.Event != c.Event {
		t.Fatalf("round trip %+v, %v", back, err)
	}
	c.Title += "!"
	if again, _ := docs.NewPayload(c); again.Digest == p.Digest {
		t.Fatal("the digest ignores the content")
	}
	if _, err := docs.ParsePayload([]byte(`{"format":"other"}`)); apperr.Code(err) != "docs.bad_payload" {
		t.Fatalf("err = %v", err)
	}
}

func TestStepGroups(t *testing.T) {
	g := docs.StepGroups(template.MustDefault(), docs.Zh)
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
	rows := []docs.PlanRow{{Date: "2026-12-10", Start: "19:00", End: "23:00", Name: "12月第2周", Status: "已发布"}}
	a, err := docs.BuildPlan(2026, rows, template.Text{Zh: "远东宏信有限公司"}, docs.Zh)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := docs.BuildPlan(2026, rows, template.Text{Zh: "远东宏信有限公司"}, docs.Zh)
	if a.Number != b.Number || !strings.HasPrefix(a.Number, "WP-2026-") || a.Title != "2026 发布窗口计划" {
		t.Fatalf("plan %+v", a)
	}
}
