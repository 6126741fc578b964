package pdf

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/jung-kurt/gofpdf"

	"golive/backend/apperr"
)

func TestFonts(t *testing.T) {
	t.Run("Embedded", func(t *testing.T) {
		f, err := DefaultFonts()
		if err != nil {
			t.Fatalf("%v (code %s)", err, apperr.Code(err))
		}
		if len(f.Regular) < 1<<20 || len(f.Bold) < 1<<20 || bytes.Equal(f.Regular, f.Bold) {
			t.Fatal("the regular and bold faces should be two different full fonts")
		}
	})
	t.Run("MissingIsCoded", func(t *testing.T) {
		_, err := LoadFonts(fstest.MapFS{"fonts/README.md": {Data: []byte("x")}}, "fonts")
		if apperr.Code(err) != "pdf.font_missing" || !strings.Contains(err.Error(), "fetch-fonts.sh") {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("InvalidIsCoded", func(t *testing.T) {
		for name, data := range map[string][]byte{
			"otf":     append([]byte("OTTO"), make([]byte, 64)...),
			"ttc":     append([]byte("ttcf"), make([]byte, 64)...),
			"garbage": append([]byte{0, 1, 0, 0}, bytes.Repeat([]byte{7}, 64)...),
		} {
			fs := fstest.MapFS{"f/" + RegularFile: {Data: data}, "f/" + BoldFile: {Data: data}}
			if _, err := LoadFonts(fs, "f"); apperr.Code(err) != "pdf.font_invalid" {
				t.Errorf("%s: err = %v", name, err)
			}
		}
	})
}

func TestSubsetNamesKeepOffsets(t *testing.T) {
	for _, p := range [][2]string{{"utf8" + famRegular, subRegular}, {"utf8" + famBold, subBold}} {
		if len(p[0]) != len(p[1]) {
			t.Errorf("%s (%d) and %s (%d) differ in length: renaming would break the xref offsets", p[0], len(p[0]), p[1], len(p[1]))
		}
		tag := p[1][:7]
		if strings.ToUpper(tag[:6]) != tag[:6] || tag[6] != '+' {
			t.Errorf("%s is not a subset tag", tag)
		}
	}
}

func TestWrap(t *testing.T) {
	fonts, err := DefaultFonts()
	if err != nil {
		t.Fatal(err)
	}
	f := gofpdf.New("P", "mm", "A4", "")
	fonts.register(f)
	f.AddPage()
	p := &page{f: f, widths: map[widthKey]float64{}}
	p.setStyle(sCell)
	cases := []struct {
		text string
		w    float64
		want []string
	}{
		{"审批流程启动", 100, []string{"审批流程启动"}},
		{"审批流程启动", p.textW("审批流"), []string{"审批流", "程启动"}},
		{"Go live tonight", p.textW("Go live to"), []string{"Go live", "tonight"}},
		{"第一行\n第二行", 100, []string{"第一行", "第二行"}},
		{"abcdefghij", p.textW("abcde"), []string{"abcde", "fghij"}},
		{"同意，", p.textW("同意") + p.textW("，")*0.6, []string{"同意，"}},
		{"同意，", p.textW("同意"), []string{"同意", "，"}},
		{"", 10, []string{""}},
		{"Sub-department", p.textW("department "), []string{"Sub-", "department"}},
	}
	for _, c := range cases {
		got := p.wrap(c.text, c.w)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("wrap(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}
