package documents_test

import (
	"bytes"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/jung-kurt/gofpdf"

	"golive/backend/documents"
	"golive/backend/dossier"
	"golive/backend/internal/budget"
	"golive/backend/internal/procmem"
	"golive/backend/keys"
	"golive/backend/pdf"
	"golive/backend/pdfsig"
	"golive/backend/printable"
	"golive/backend/profile"
)

// The benchmarks compare a signed confirmation PDF of a 60-event dossier
// with plain gofpdf writing the same text in the same font, and report the
// peak resident memory of each, measured in a child process that does
// nothing else (VmHWM).

const benchEvents = 60

// sixtyEvents returns an archived new-system dossier padded with notes to
// 60 events.
func sixtyEvents(b *testing.B) dossier.View {
	b.Helper()
	c := openSample(b)
	signer(b, c) // unlocks the default profile, which writes the notes
	v := find(b, c, "archived new-system with at most 60 events", func(v dossier.View) bool {
		return archivedNewSystem(v) && v.State.Events <= benchEvents
	})
	for i := v.State.Events; i < benchEvents; i++ {
		var err error
		if v, err = c.Dossiers.AddNote(v.State.ID, fmt.Sprintf("归档后补充说明 %d：已核对归档材料与发布记录一致。", i)); err != nil {
			b.Fatal(err)
		}
	}
	if v.State.Events != benchEvents {
		b.Fatalf("%d events", v.State.Events)
	}
	return v
}

// BenchmarkBudgetConfirmationPDF makes the signed confirmation PDF of a
// 60-event dossier as the app does (content from the folder, layout,
// signature) against plain gofpdf writing the content's text in the same
// two faces, unsigned; it also reports the file's size and the peak
// resident memory of each in a child process.
func BenchmarkBudgetConfirmationPDF(b *testing.B) {
	v := sixtyEvents(b)
	c := openSample(b)
	svc, s := c.Documents(), signer(b, c)
	content, err := svc.Content(documents.Request{Kind: printable.KindConfirmation, Dossier: v.State.ID})
	if err != nil {
		b.Fatal(err)
	}
	fonts, err := pdf.DefaultFonts()
	if err != nil {
		b.Fatal(err)
	}
	var out documents.Output
	var pages int
	budget.Compare(b, func() {
		var err error
		if out, err = svc.PDF(documents.Request{Kind: printable.KindConfirmation, Dossier: v.State.ID}, s); err != nil {
			b.Fatal(err)
		}
	}, func() {
		_, pages = plainPDF(b, fonts, content)
	})
	b.ReportMetric(float64(len(out.PDF))/1024, "KB")
	b.ReportMetric(float64(out.Pages), "pages")
	b.ReportMetric(float64(pages), "base-pages")
	b.ReportMetric(childPeak(b, "render", contentFile(b, out.Content)), "MB")
	b.ReportMetric(childPeak(b, "plain", contentFile(b, content)), "base-MB")
}

// texts lists every string of the content, in order.
func texts(c *printable.Content) []string {
	raw, _ := json.Marshal(c)
	var v any
	_ = json.Unmarshal(raw, &v)
	var out []string
	var walk func(any)
	walk = func(x any) {
		switch y := x.(type) {
		case map[string]any:
			keys := make([]string, 0, len(y))
			for k := range y {
				keys = append(keys, k)
			}
			for _, k := range keys {
				walk(y[k])
			}
		case []any:
			for _, e := range y {
				walk(e)
			}
		case string:
			if y != "" {
				out = append(out, y)
			}
		}
	}
	walk(v)
	return out
}

// plainPDF writes the content's text with gofpdf's own MultiCell in the
// same two faces, unsigned: the baseline.
func plainPDF(tb testing.TB, fonts pdf.Fonts, c *printable.Content) (int, int) {
	f := gofpdf.New("P", "mm", "A4", "")
	f.AddUTF8FontFromBytes("r", "", fonts.Regular)
	f.AddUTF8FontFromBytes("b", "", fonts.Bold)
	f.AddPage()
	f.SetFont("b", "", 16)
	f.MultiCell(0, 8, c.Title, "", "C", false)
	f.SetFont("r", "", 8.2)
	for _, s := range texts(c) {
		f.MultiCell(0, 4, s, "1", "L", false)
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		tb.Fatal(err)
	}
	return buf.Len(), f.PageNo()
}

func contentFile(b *testing.B, c *printable.Content) string {
	raw, err := c.Canonical()
	if err != nil {
		b.Fatal(err)
	}
	p := filepath.Join(b.TempDir(), "content.json")
	if err := os.WriteFile(p, raw, 0o600); err != nil {
		b.Fatal(err)
	}
	return p
}

// childPeak runs this test binary again to do one job three times and
// returns the child's peak resident set in MB.
func childPeak(b *testing.B, job, input string) float64 {
	b.Helper()
	out, kb, err := procmem.Child("^$", "GOLIVE_BENCH_CHILD="+job, "GOLIVE_BENCH_INPUT="+input)
	if err != nil {
		b.Fatalf("%v\n%s", err, out)
	}
	return float64(kb) / 1024
}

// benchChild is the child's side of childPeak; TestMain runs it instead of
// the tests when GOLIVE_BENCH_CHILD is set.
func benchChild(job, input string) {
	raw, err := os.ReadFile(input)
	if err != nil {
		panic(err)
	}
	c, err := printable.ParseContent(raw)
	if err != nil {
		panic(err)
	}
	fonts, err := pdf.DefaultFonts()
	if err != nil {
		panic(err)
	}
	seed := make([]byte, ed25519.SeedSize)
	id := ed25519.NewKeyFromSeed(seed)
	pub := id.Public().(ed25519.PublicKey)
	sum := profile.Summary{ID: profile.IDFor(pub), Identity: profile.Identity{PublicKey: hex.EncodeToString(pub), Name: "bench"}, Fingerprint: keys.Fingerprint(pub)}
	for range 3 {
		switch job {
		case "render":
			p, err := printable.NewPayload(c)
			if err != nil {
				panic(err)
			}
			res, err := pdf.Render(c, p, pdf.Options{Fonts: fonts})
			if err != nil {
				panic(err)
			}
			s, err := pdfsig.NewSigner(sum, id, "bench", clock)
			if err != nil {
				panic(err)
			}
			if _, err := s.Sign(res.PDF, pdfsig.Info{At: clock}); err != nil {
				panic(err)
			}
		case "plain":
			plainPDF(&testing.B{}, fonts, c)
		}
	}
	procmem.Report()
}
