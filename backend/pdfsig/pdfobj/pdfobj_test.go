package pdfobj_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/jung-kurt/gofpdf"

	"golive/backend/pdfsig/pdfobj"
	"golive/backend/pdfsig/pdftest"
)

// gofpdfDoc is a two-page PDF in a core font with one attachment.
func gofpdfDoc(t testing.TB) []byte {
	t.Helper()
	doc := gofpdf.New("P", "mm", "A4", "")
	doc.SetFont("Helvetica", "", 12)
	doc.AddPage()
	doc.Text(20, 20, "First (page) \\ one")
	doc.AddPage()
	doc.Text(20, 20, "Second page")
	doc.SetAttachments([]gofpdf.Attachment{{Content: []byte(`{"hello":"world"}`), Filename: "a.json"}})
	var b bytes.Buffer
	if err := doc.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// handmade assembles a PDF from object bodies (object i+1 is objs[i]) with
// a correct cross-reference table, so that each test varies one thing.
func handmade(objs ...string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, x)
	return b.Bytes()
}

// onePage is a catalog and a page showing content in font F1 (fontObj).
func onePage(content []byte, fontObj string) []byte {
	return handmade(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
		fontObj,
		string(pdftest.Stream(pdfobj.Dict{}, content)),
	)
}

func TestParseGofpdf(t *testing.T) {
	doc := gofpdfDoc(t)
	f, err := pdfobj.Parse(doc)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Revisions()) != 1 || f.EOF != bytes.LastIndex(doc, []byte("%%EOF"))+5 {
		t.Fatalf("revisions %d, EOF %d", len(f.Revisions()), f.EOF)
	}
	pages, err := f.Latest().Pages(1 << 20)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 2 || strings.Join(pages[0].Runs, "|") != `First (page) \ one` || strings.Join(pages[1].Runs, "|") != "Second page" {
		t.Fatalf("pages = %q", pages)
	}
	files, err := pdftest.EmbeddedFiles(doc)
	if err != nil || len(files) != 1 {
		t.Fatalf("embedded files %v, %v", files, err)
	}
	rev := f.Latest()
	o, err := rev.Resolve(files["a.json"])
	if err != nil {
		t.Fatal(err)
	}
	b, err := rev.Decode(o.(*pdfobj.Stream), 100)
	if err != nil || string(b) != `{"hello":"world"}` {
		t.Fatalf("attachment %q, %v", b, err)
	}
	if _, err := rev.Decode(o.(*pdfobj.Stream), 5); !errors.Is(err, pdfobj.ErrTooLarge) {
		t.Fatalf("a 17-byte file under a 5-byte limit: %v", err)
	}
	t.Run("IncrementalUpdateIsANewRevision", func(t *testing.T) {
		font, two, err := pdftest.FontOf(doc, 1, "Helvetica")
		if err != nil {
			t.Fatal(err)
		}
		up, err := pdftest.Overlay(doc, 1, pdftest.PaintOver(10, 10, 50, 12, font, two, 10, "added"))
		if err != nil {
			t.Fatal(err)
		}
		f, err := pdfobj.Parse(up)
		if err != nil {
			t.Fatal(err)
		}
		if len(f.Revisions()) != 2 {
			t.Fatalf("%d revisions", len(f.Revisions()))
		}
		now, err := f.Latest().Pages(1 << 20)
		if err != nil {
			t.Fatal(err)
		}
		then, err := f.Revisions()[1].Pages(1 << 20)
		if err != nil {
			t.Fatal(err)
		}
		if len(now) != 2 || strings.Join(now[1].Runs, "|") != "Second page|added" || strings.Join(then[1].Runs, "|") != "Second page" {
			t.Fatalf("now %q, then %q", now, then)
		}
	})
}

func TestTextThroughToUnicode(t *testing.T) {
	cmap := "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n" +
		"1 begincodespacerange <0000> <FFFF> endcodespacerange\n" +
		"2 beginbfchar <0001> <4E0A> <0002> <7EBF> endbfchar\n" +
		"2 beginbfrange <0010> <0012> <0041> <0020> <0021> [<53D1> <5E03>] endbfrange\n" +
		"endcmap CMapName currentdict /CMap defineresource pop end end"
	font := "<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [] /ToUnicode 6 0 R >>"
	content := "BT /F1 12 Tf 10 10 Td <00010002> Tj [<0010> -200 <00110012>] TJ (\x00\x20\x00\x21) ' ET"
	doc := handmade(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
		font,
		string(pdftest.Stream(pdfobj.Dict{}, []byte(content))),
		string(pdftest.Stream(pdfobj.Dict{}, []byte(cmap))),
	)
	f, err := pdfobj.Parse(doc)
	if err != nil {
		t.Fatal(err)
	}
	pages, err := f.Latest().Pages(1 << 20)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(pages[0].Runs, "|"); got != "上线|ABC|发布" {
		t.Fatalf("runs = %q", got)
	}
}

func TestRefused(t *testing.T) {
	helv := "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
	cases := []struct {
		name string
		doc  []byte
		want error
	}{
		{"NotAPDF", []byte("hello"), pdfobj.ErrMalformed},
		{"NoEOF", []byte("%PDF-1.4\n1 0 obj null endobj\n"), pdfobj.ErrMalformed},
		{"XrefLoop", selfPrev(handmade("<< >>")), pdfobj.ErrMalformed},
		{"XrefStream", []byte("%PDF-1.5\n1 0 obj << /Type /XRef >> stream\nx\nendstream endobj\nstartxref\n9\n%%EOF\n"), pdfobj.ErrUnsupported},
		{"LyingSubsectionCount", bytes.Replace(handmade("<< >>"), []byte("xref\n0 2"), []byte("xref\n0 999999"), 1), pdfobj.ErrMalformed},
		{"Encrypted", bytes.Replace(handmade("<< >>"), []byte("/Root 1 0 R"), []byte("/Root 1 0 R /Encrypt 1 0 R"), 1), pdfobj.ErrUnsupported},
		{"DuplicateKey", onePage([]byte("BT /F1 1 Tf (a) Tj ET"), "<< /Type /Font /Type /Font >>"), pdfobj.ErrMalformed},
		{"TooDeep", onePage([]byte("BT /F1 1 Tf (a) Tj ET"), strings.Repeat("[", 40)+strings.Repeat("]", 40)), pdfobj.ErrMalformed},
		{"XObject", onePage([]byte("q /Im1 Do Q"), helv), pdfobj.ErrUnsupported},
		{"InlineImage", onePage([]byte("BI /W 1 /H 1 ID x EI"), helv), pdfobj.ErrUnsupported},
		{"Type3Font", onePage([]byte("BT /F1 1 Tf (a) Tj ET"), "<< /Type /Font /Subtype /Type3 >>"), pdfobj.ErrUnsupported},
		{"Type0WithoutToUnicode", onePage([]byte("BT /F1 1 Tf <0001> Tj ET"), "<< /Type /Font /Subtype /Type0 /Encoding /Identity-H >>"), pdfobj.ErrUnsupported},
		{"TextWithoutFont", onePage([]byte("BT (a) Tj ET"), helv), pdfobj.ErrMalformed},
		{"BombInContent", handmade(
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
			"<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>",
			string(pdftest.Stream(pdfobj.Dict{"Filter": pdfobj.Name("FlateDecode")}, pdftest.ZeroBomb(64<<20))),
		), pdfobj.ErrTooLarge},
		{"OtherFilter", handmade(
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
			"<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>",
			string(pdftest.Stream(pdfobj.Dict{"Filter": pdfobj.Name("LZWDecode")}, []byte("x"))),
		), pdfobj.ErrUnsupported},
		{"PageTreeCycle", handmade(
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [2 0 R] /Count 1 >>",
		), pdfobj.ErrMalformed},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, err := pdfobj.Parse(c.doc)
			if err == nil {
				_, err = f.Latest().Pages(16 << 20)
			}
			if !errors.Is(err, c.want) {
				t.Fatalf("err = %v, want %v", err, c.want)
			}
		})
	}
}

// selfPrev makes doc's cross-reference table name itself as the previous one.
func selfPrev(doc []byte) []byte {
	x := bytes.LastIndex(doc, []byte("xref\n0 "))
	return bytes.Replace(doc, []byte("/Root 1 0 R"), fmt.Appendf(nil, "/Prev %d /Root 1 0 R", x), 1)
}

// FuzzParse reads arbitrary bytes as a PDF: every failure must be one of
// the package's errors, never a crash caught by its safety net.
func FuzzParse(f *testing.F) {
	f.Add(gofpdfDoc(f))
	f.Add(onePage([]byte("BT /F1 12 Tf 10 10 Td (a) Tj [(b) -20 (c)] TJ ET"), "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"))
	f.Add(selfPrev(handmade("<< /Type /Catalog /Pages 2 0 R >>")))
	f.Fuzz(func(t *testing.T, b []byte) {
		check := func(err error) {
			if err != nil && (strings.Contains(err.Error(), "internal error") ||
				!errors.Is(err, pdfobj.ErrMalformed) && !errors.Is(err, pdfobj.ErrUnsupported) && !errors.Is(err, pdfobj.ErrTooLarge)) {
				t.Fatalf("%v", err)
			}
		}
		file, err := pdfobj.Parse(b)
		check(err)
		if err != nil {
			return
		}
		for _, rev := range file.Revisions() {
			_, err := rev.Pages(1 << 20)
			check(err)
		}
	})
}
