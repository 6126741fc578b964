package documents_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"golive/backend/documents"
	"golive/backend/printable"
)

// The 2026-12-10 java window by its name, as the calendar shows it.
var javaWindow = map[string]string{"zh": "2026-12-10 周四 19:00–23:00 · Java", "en": "2026-12-10 Thursday 19:00–23:00 · Java"}

// TestWindowsAreShownByTheirNames: the register workbook, the statistics
// and the window plan PDF name a release window the way the calendar and
// the dossier documents do, never by its id ("2026-12-10-java").
func TestWindowsAreShownByTheirNames(t *testing.T) {
	env, id, signer := printedDossier(t)
	svc := env.Documents()
	const windowID = "2026-12-10-java"

	t.Run("Register", func(t *testing.T) {
		for lang, name := range javaWindow {
			f := documents.RegisterFilter{Year: 2026, Lang: lang}
			reg, err := svc.RegisterContent(f)
			if err != nil {
				t.Fatal(err)
			}
			if len(reg.Rows) != 1 || reg.Rows[0].ID != id || reg.Rows[0].Window != name {
				t.Fatalf("%s: the register's row names the window %q, want %q", lang, reg.Rows[0].Window, name)
			}
			var buf bytes.Buffer
			if _, err := svc.Register(f, &buf); err != nil {
				t.Fatal(err)
			}
			x, err := excelize.OpenReader(&buf)
			if err != nil {
				t.Fatal(err)
			}
			rows, err := x.GetRows(x.GetSheetName(0))
			_ = x.Close()
			if err != nil || len(rows) != 2 {
				t.Fatalf("%s: %d rows (%v)", lang, len(rows), err)
			}
			if !contains(rows[1], name) || strings.Contains(strings.Join(rows[1], "|"), windowID) {
				t.Errorf("%s: the workbook's row %q does not name the window %q", lang, rows[1], name)
			}
		}
		// A window is still chosen by its id.
		if reg, err := svc.RegisterContent(documents.RegisterFilter{Window: windowID}); err != nil || len(reg.Rows) != 1 {
			t.Errorf("filtering the register by window %s: %d rows, %v", windowID, len(reg.Rows), err)
		}
	})

	t.Run("Statistics", func(t *testing.T) {
		reg, err := svc.RegisterContent(documents.RegisterFilter{Year: 2026})
		if err != nil {
			t.Fatal(err)
		}
		s := printable.BuildStats(reg)
		if len(s.ByWindow) != 1 || s.ByWindow[0].Label != javaWindow["zh"] {
			t.Fatalf("the statistics by window: %+v", s.ByWindow)
		}
	})

	t.Run("PlanPDF", func(t *testing.T) {
		for lang, name := range javaWindow {
			c, err := svc.Content(documents.Request{Kind: printable.KindPlan, Year: 2026, Lang: lang})
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, w := range c.Windows {
				if strings.HasPrefix(w.Name, "2026-") && strings.Contains(w.Name, "-java") {
					t.Fatalf("%s: the plan names a window by its id %q", lang, w.Name)
				}
				found = found || w.Name == name
			}
			if !found {
				t.Fatalf("%s: the plan has no window named %q", lang, name)
			}
			out, err := svc.PDF(documents.Request{Kind: printable.KindPlan, Year: 2026, Lang: lang}, signer)
			if err != nil {
				t.Fatal(err)
			}
			text := tool(t, "pdftotext", "-enc", "UTF-8", writeTemp(t, "plan.pdf", out.PDF), "-")
			flat := strings.Join(strings.Fields(text), "")
			if !strings.Contains(flat, strings.Join(strings.Fields(name), "")) || strings.Contains(text, windowID) {
				t.Errorf("%s: the plan PDF does not print the window as %q", lang, name)
			}
		}
	})
}
