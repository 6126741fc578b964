package core_test

import (
	"bytes"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"golive/backend/core"
	"golive/backend/documents"
	"golive/backend/pdf"
	"golive/backend/printable"
	"golive/backend/roster"
	"golive/backend/verify"
	"golive/backend/workflow"
)

// TestWitnessedDecisionInTheOutputs: a witnessed decision by a delegate
// shows as 在场签字 and 代审批 in the confirmation PDF (with the approver's
// name, and his handwriting drawn in the 会签 grid: the page has more ink
// than the same page rendered without the image), the document still
// verifies, and the register marks the decision.
func TestWitnessedDecisionInTheOutputs(t *testing.T) {
	for _, tool := range []string{"pdftotext", "pdftoppm"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is not installed: apt-get install -y poppler-utils", tool)
		}
	}
	var cio string
	c, id, row, director, owner, personOf := witnessSetupWith(t, func(c *core.Core) func(r *roster.Roster, p map[string]string, row workflow.Slot) {
		cio = profileWithRole(t, c, "cio")
		return func(r *roster.Roster, p map[string]string, row workflow.Slot) {
			r.Delegations = append(r.Delegations, roster.Delegation{ID: "D1", For: p[profileWithRole(t, c, row.Role)], To: p[cio],
				Roles: []string{row.Role}, Start: "2026-11-01", End: "2026-12-31"})
		}
	})
	unlock(t, c, owner)
	v, err := witnessed(t, c, id, row, personOf[cio])
	if err != nil {
		t.Fatalf("witnessed decision: %v", err)
	}
	d := slotOf(v, row.Step, row.Row).Decision
	if d == nil || d.Witness == nil || d.For != personOf[director] {
		t.Fatalf("decision %+v", d)
	}
	approver, forName := d.PersonName, d.ForName

	signer, err := c.PDFSigner()
	if err != nil {
		t.Fatal(err)
	}
	svc := c.Documents()
	for _, lang := range []string{"zh", "en"} {
		out, err := svc.PDF(documents.Request{Kind: printable.KindConfirmation, Dossier: id, Lang: lang}, signer)
		if err != nil {
			t.Fatalf("%s confirmation: %v", lang, err)
		}
		path := filepath.Join(t.TempDir(), "cf.pdf")
		if err := os.WriteFile(path, out.PDF, 0o600); err != nil {
			t.Fatal(err)
		}
		text, err := exec.Command("pdftotext", "-raw", path, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		flat := strings.Join(strings.Fields(string(text)), "")
		want := map[string][]string{
			"zh": {"在场签字", "代" + forName + "审批", approver},
			"en": {"(witnessed)", "onbehalfof" + strings.ReplaceAll(forName, " ", ""), approver},
		}[lang]
		for _, w := range want {
			if !strings.Contains(flat, strings.ReplaceAll(w, " ", "")) {
				t.Errorf("%s confirmation does not print %q", lang, w)
			}
		}
		if r := verify.Check(out.PDF, svc); !r.OK() {
			t.Errorf("%s confirmation does not verify: %+v", lang, r.Problems)
		}
	}

	// The handwriting is drawn: the same content without the image has
	// less ink.
	content, err := svc.Content(documents.Request{Kind: printable.KindConfirmation, Dossier: id})
	if err != nil {
		t.Fatal(err)
	}
	p, err := printable.NewPayload(content)
	if err != nil {
		t.Fatal(err)
	}
	ink := func(images func(string) ([]byte, error)) int {
		res, err := pdf.Render(content, p, pdf.Options{Images: images})
		if err != nil {
			t.Fatal(err)
		}
		dir := t.TempDir()
		path := filepath.Join(dir, "doc.pdf")
		if err := os.WriteFile(path, res.PDF, 0o600); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command("pdftoppm", "-png", "-r", "100", path, filepath.Join(dir, "page")).CombinedOutput(); err != nil {
			t.Fatalf("pdftoppm: %v %s", err, out)
		}
		pages, _ := filepath.Glob(filepath.Join(dir, "page*.png"))
		n := 0
		for _, pg := range pages {
			b, err := os.ReadFile(pg)
			if err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			bd := img.Bounds()
			for y := bd.Min.Y; y < bd.Max.Y; y++ {
				for x := bd.Min.X; x < bd.Max.X; x++ {
					r, g, b, _ := img.At(x, y).RGBA()
					if (r+g+b)/3 < 0xE000 {
						n++
					}
				}
			}
		}
		return n
	}
	with, without := ink(c.Dossiers.WitnessImages()), ink(nil)
	if with < without+40 {
		t.Errorf("dark pixels with the handwriting %d, without %d: the signature is not drawn", with, without)
	}

	// The register marks the decision.
	var buf bytes.Buffer
	if _, err := svc.Register(documents.RegisterFilter{}, &buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows(f.GetSheetName(0))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range rows {
		if len(r) == 0 || r[0] != id {
			continue
		}
		for i, cell := range r {
			if strings.Contains(cell, "在场签字") && strings.Contains(cell, "代 "+forName+" 审批") && i > 0 && r[i-1] == approver {
				found = true
			}
		}
	}
	if !found {
		t.Errorf("the register row of %s does not show %s with 在场签字 and 代 %s 审批", id, approver, forName)
	}
}
