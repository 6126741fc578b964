package app

import (
	"slices"
	"testing"

	"golive/backend/core"
)

func TestDialogCatalogueIsComplete(t *testing.T) {
	zh, en := dialogText["zh-CN"], dialogText["en"]
	for _, lang := range []map[string]string{zh, en} {
		for k, v := range lang {
			if zh[k] == "" || en[k] == "" {
				t.Errorf("key %q lacks a zh-CN or en text (%q)", k, v)
			}
		}
	}
	for d, filters := range dialogFilters {
		if zh[string(d)] == "" || en[string(d)] == "" {
			t.Errorf("dialog %s has no title in both languages", d)
		}
		for _, f := range filters {
			if zh[f.name] == "" || en[f.name] == "" {
				t.Errorf("filter %s of %s has no name in both languages", f.name, d)
			}
		}
	}
	if len(dialogText) != 2 {
		t.Errorf("languages: %d, want zh-CN and en", len(dialogText))
	}
}

// TestDialogsFollowTheLanguagePreference checks the verify dialog's title
// and filter in the default (Chinese) and in English once chosen.
func TestDialogsFollowTheLanguagePreference(t *testing.T) {
	c, err := core.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	title, filters := dialogStrings(dialogLanguage(c), dialogVerifyPDF)
	if title != "选择要验证的 PDF" || len(filters) != 1 || filters[0].DisplayName != "PDF 文档 (*.pdf)" || filters[0].Pattern != "*.pdf" {
		t.Fatalf("default: %q %+v", title, filters)
	}
	if err := c.SetPreferences(core.Preferences{Language: "en"}); err != nil {
		t.Fatal(err)
	}
	title, filters = dialogStrings(dialogLanguage(c), dialogVerifyPDF)
	if title != "Choose a PDF to verify" || filters[0].DisplayName != "PDF documents (*.pdf)" {
		t.Fatalf("en: %q %+v", title, filters)
	}
	if title, filters := dialogStrings("en", dialogAttach); title != "Choose a file to attach" || len(filters) != 0 {
		t.Fatalf("attach: %q %+v", title, filters)
	}
	if dialogLanguage(nil) != "zh-CN" || !slices.Contains([]string{"zh-CN", "en"}, dialogLanguage(c)) {
		t.Fatal("no folder must mean zh-CN")
	}
}
