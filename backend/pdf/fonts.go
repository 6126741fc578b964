package pdf

import (
	"bytes"
	"embed"
	"io/fs"
	"strings"
	"sync"

	"github.com/jung-kurt/gofpdf"

	"golive/backend/apperr"
)

// fontFiles holds backend/pdf/fonts as written by scripts/fetch-fonts.sh.
// The folder always holds its README, so the package compiles without the
// fonts; documents then fail with pdf.font_missing.
//
//go:embed fonts
var fontFiles embed.FS

// Font file names inside the fonts folder.
const (
	RegularFile = "NotoSansSC-Regular.ttf"
	BoldFile    = "NotoSansSC-Bold.ttf"
)

// The families the faces are registered under. gofpdf names an embedded
// UTF-8 font "utf8"+family; tagSubsetFonts renames it to a subset name
// ("ABCDEF+Name", PDF 32000-1 §9.6.4) of the same length, so the byte
// offsets of the file stay valid. The family lengths are chosen for that.
const (
	famRegular = "golive-zh-reg" // "utf8golive-zh-reg" -> "GLVREG+NotoSansSC"
	famBold    = "golive-zh-bold-700"
	subRegular = "GLVREG+NotoSansSC"
	subBold    = "GLVBLD+NotoSansSC-Bold"
)

// Fonts are the two faces every document uses.
type Fonts struct {
	// Regular is the body face (Noto Sans SC 400).
	Regular []byte
	// Bold is the face of headings and emphasis (Noto Sans SC 700).
	Bold []byte
}

var (
	defaultOnce  sync.Once
	defaultFonts Fonts
	defaultErr   error
)

// DefaultFonts returns the embedded Noto Sans SC faces. Codes:
// pdf.font_missing when scripts/fetch-fonts.sh was not run before the
// build, pdf.font_invalid when a file is not a usable TrueType font.
func DefaultFonts() (Fonts, error) {
	defaultOnce.Do(func() { defaultFonts, defaultErr = LoadFonts(fontFiles, "fonts") })
	return defaultFonts, defaultErr
}

// LoadFonts reads RegularFile and BoldFile from dir in fsys and checks
// that gofpdf can use them. Codes: pdf.font_missing, pdf.font_invalid.
func LoadFonts(fsys fs.FS, dir string) (Fonts, error) {
	var f Fonts
	for _, x := range []struct {
		name string
		dst  *[]byte
	}{{RegularFile, &f.Regular}, {BoldFile, &f.Bold}} {
		b, err := fs.ReadFile(fsys, strings.TrimPrefix(dir+"/"+x.name, "/"))
		if err != nil {
			return Fonts{}, apperr.Wrap(err, "pdf.font_missing", "file", x.name).
				WithDetail("font %s is missing: run scripts/fetch-fonts.sh before building", x.name)
		}
		if err := checkFont(x.name, b); err != nil {
			return Fonts{}, err
		}
		*x.dst = b
	}
	return f, nil
}

// checkFont registers b with a scratch document and checks what gofpdf
// silently gets wrong: a font it cannot parse is simply not registered,
// and a font without Latin glyphs renders digits as empty boxes.
func checkFont(name string, b []byte) (err error) {
	defer func() {
		// gofpdf's TrueType parser panics on some malformed fonts.
		if r := recover(); r != nil {
			err = apperr.New("pdf.font_invalid", "file", name).WithDetail("%s cannot be parsed: %v", name, r)
		}
	}()
	if len(b) < 12 || !(bytes.Equal(b[:4], []byte{0, 1, 0, 0}) || bytes.Equal(b[:4], []byte("true"))) {
		return apperr.New("pdf.font_invalid", "file", name).WithDetail("%s is not a TrueType (glyf) font; .ttc and CFF/OTF fonts are not supported", name)
	}
	doc := gofpdf.New("P", "mm", "A4", "")
	doc.AddUTF8FontFromBytes("check", "", b)
	doc.AddPage()
	doc.SetFont("check", "", 10)
	if err := doc.Error(); err != nil {
		return apperr.Wrap(err, "pdf.font_invalid", "file", name)
	}
	desc := doc.GetFontDesc("check", "")
	if desc.Ascent <= 0 || desc.FontBBox.Xmax <= desc.FontBBox.Xmin {
		return apperr.New("pdf.font_invalid", "file", name).WithDetail("%s has no usable metrics", name)
	}
	for _, s := range []string{"0123456789", "ABCXYZ abcxyz", "上线发布审批"} {
		if doc.GetStringWidth(s) <= 0 {
			return apperr.New("pdf.font_invalid", "file", name).WithDetail("%s has no glyphs for %q", name, s)
		}
	}
	return nil
}

// register adds the faces to doc.
func (f Fonts) register(doc *gofpdf.Fpdf) {
	doc.AddUTF8FontFromBytes(famRegular, "", f.Regular)
	doc.AddUTF8FontFromBytes(famBold, "", f.Bold)
}

// tagSubsetFonts gives the embedded subset fonts subset names.
func tagSubsetFonts(b []byte) []byte {
	for _, r := range [][2]string{{"/utf8" + famRegular, "/" + subRegular}, {"/utf8" + famBold, "/" + subBold}} {
		b = bytes.ReplaceAll(b, []byte(r[0]), []byte(r[1]))
	}
	return b
}
