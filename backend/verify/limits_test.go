package verify_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jung-kurt/gofpdf"

	"golive/backend/internal/procmem"
	"golive/backend/pdfsig/pdfobj"
	"golive/backend/pdfsig/pdftest"
	"golive/backend/printable"
	"golive/backend/verify"
)

// childEnv names the PDF a child process of this test binary verifies.
const childEnv = "GOLIVE_VERIFY_CHILD"

func TestMain(m *testing.M) {
	if path := os.Getenv(childEnv); path != "" {
		verifyChild(path)
		return
	}
	os.Exit(m.Run())
}

// verifyChild checks the file at path as `golive verify` does and prints
// the problems, the time taken and the peak memory.
func verifyChild(path string) {
	start := time.Now()
	rep, err := verify.CheckFile(path, nil)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	var codes []string
	for _, p := range rep.Problems {
		codes = append(codes, p.Code)
	}
	fmt.Printf("problems %s\nelapsed %s\n", strings.Join(codes, " "), time.Since(start))
	procmem.Report()
}

// smallPDF is a one-page gofpdf document embedding a verification
// payload and content (which do not match: no store is needed to reach
// the checks of the streams).
func smallPDF(tb testing.TB) []byte {
	tb.Helper()
	doc := gofpdf.New("P", "mm", "A4", "")
	doc.SetFont("Helvetica", "", 12)
	doc.AddPage()
	doc.Text(20, 20, "GoLive document")
	doc.SetAttachments([]gofpdf.Attachment{
		{Content: []byte(`{"format":"golive-verify/1"}`), Filename: printable.PayloadFile},
		{Content: []byte(`{}`), Filename: printable.ContentFile},
	})
	var b bytes.Buffer
	if err := doc.Output(&b); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

// bombPDF is smallPDF whose payload stream is replaced (as a later
// revision) by one that inflates to size bytes of zeros: deflated once
// (about a thousandth of size) or, when twice, deflated again (a few
// kilobytes whatever the size).
func bombPDF(tb testing.TB, size int64, twice bool) []byte {
	tb.Helper()
	doc := smallPDF(tb)
	files, err := pdftest.EmbeddedFiles(doc)
	if err != nil {
		tb.Fatal(err)
	}
	data := pdftest.ZeroBomb(size)
	filter := pdfobj.Object(pdfobj.Name("FlateDecode"))
	if twice {
		data = pdftest.Deflate(data)
		filter = pdfobj.Array{pdfobj.Name("FlateDecode"), pdfobj.Name("FlateDecode")}
	}
	bomb := pdftest.Stream(pdfobj.Dict{"Type": pdfobj.Name("EmbeddedFile"), "Filter": filter}, data)
	out, err := pdftest.Update(doc, map[int][]byte{files[printable.PayloadFile].Num: bomb})
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// contentBombPDF is smallPDF whose page content is replaced by a stream
// inflating to 1 GiB.
func contentBombPDF(tb testing.TB) []byte {
	tb.Helper()
	doc := smallPDF(tb)
	_, page, err := pdftest.Page(doc, 0)
	if err != nil {
		tb.Fatal(err)
	}
	bomb := pdftest.Stream(pdfobj.Dict{"Filter": pdfobj.Name("FlateDecode")}, pdftest.ZeroBomb(1<<30))
	out, err := pdftest.Update(doc, map[int][]byte{page["Contents"].(pdfobj.Ref).Num: bomb})
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// TestInflatingStreamsAreRefused verifies, each in a child process whose
// peak memory is measured, a 1 MB PDF whose attachment inflates to 1 GiB,
// a 40 kB one whose attachment inflates to 16 GiB and a 1 MB one whose
// page content inflates to 1 GiB.
func TestInflatingStreamsAreRefused(t *testing.T) {
	const maxPeakKB = 100 * 1024
	for _, tc := range []struct {
		name, code string
		doc        func(testing.TB) []byte
	}{
		{"Attachment1GiBFromOneMegabyte", "verify.payload_too_large", func(tb testing.TB) []byte { return bombPDF(tb, 1<<30, false) }},
		{"Attachment16GiBDeflatedTwice", "verify.payload_too_large", func(tb testing.TB) []byte { return bombPDF(tb, 16<<30, true) }},
		{"PageContent1GiB", "verify.pages_too_large", contentBombPDF},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := tc.doc(t)
			if len(doc) > 2<<20 {
				t.Fatalf("the bomb PDF weighs %d bytes", len(doc))
			}
			path := filepath.Join(t.TempDir(), "bomb.pdf")
			if err := os.WriteFile(path, doc, 0o600); err != nil {
				t.Fatal(err)
			}
			out, kb, err := procmem.Child("^$", childEnv+"="+path)
			if err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			if !strings.Contains(string(out), tc.code) {
				t.Fatalf("not refused with %s:\n%s", tc.code, out)
			}
			if kb == 0 {
				t.Skip("peak memory cannot be measured here (no /proc)")
			}
			if kb > maxPeakKB {
				t.Fatalf("verifying a %d-byte PDF peaked at %d kB (limit %d kB)\n%s", len(doc), kb, maxPeakKB, out)
			}
			t.Logf("%d-byte PDF: refused with a peak of %d kB\n%s", len(doc), kb, out)
		})
	}
}

// BenchmarkRefuseInflatingAttachment measures how long refusing the
// 1 GiB attachment of a 1 MB PDF takes (well under a second: it stops
// after MaxEmbeddedFile bytes).
func BenchmarkRefuseInflatingAttachment(b *testing.B) {
	doc := bombPDF(b, 1<<30, false)
	b.SetBytes(int64(len(doc)))
	for b.Loop() {
		r := verify.Check(doc, nil)
		if len(r.Problems) < 2 || r.Problems[1].Code != "verify.payload_too_large" {
			b.Fatalf("problems %+v", r.Problems)
		}
	}
}
