package pdfobj_test

import (
	"errors"
	"strings"
	"testing"

	"golive/backend/pdfsig/pdfobj"
	"golive/backend/pdfsig/pdftest"
)

// withXObject is a one-page PDF whose page draws XObject /X1 between two
// lines of text; x is the XObject's dictionary.
func withXObject(x pdfobj.Dict) []byte {
	return handmade(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 4 0 R >> /XObject << /X1 6 0 R >> >> /Contents 5 0 R >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
		string(pdftest.Stream(pdfobj.Dict{}, []byte("BT /F1 9 Tf (above) Tj ET q 20 0 0 10 5 5 cm /X1 Do Q BT /F1 9 Tf (below) Tj ET"))),
		string(pdftest.Stream(x, []byte("BT /F1 9 Tf (hidden) Tj ET"))),
	)
}

// TestImageXObjects: a page may draw an image (a handwritten signature in
// the approval grid) and its text still reads back; a form XObject, whose
// text the reader would not see, is refused.
func TestImageXObjects(t *testing.T) {
	f, err := pdfobj.Parse(withXObject(pdfobj.Dict{"Type": pdfobj.Name("XObject"), "Subtype": pdfobj.Name("Image"),
		"Width": int64(1), "Height": int64(1), "ColorSpace": pdfobj.Name("DeviceGray"), "BitsPerComponent": int64(8)}))
	if err != nil {
		t.Fatal(err)
	}
	pages, err := f.Latest().Pages(1 << 20)
	if err != nil {
		t.Fatalf("page with an image: %v", err)
	}
	if got := strings.Join(pages[0].Runs, "|"); got != "above|below" {
		t.Fatalf("runs = %q", got)
	}
	f, err = pdfobj.Parse(withXObject(pdfobj.Dict{"Type": pdfobj.Name("XObject"), "Subtype": pdfobj.Name("Form"), "BBox": pdfobj.Array{int64(0), int64(0), int64(10), int64(10)}}))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Latest().Pages(1 << 20); !errors.Is(err, pdfobj.ErrUnsupported) {
		t.Fatalf("page with a form XObject: %v, want ErrUnsupported", err)
	}
}
