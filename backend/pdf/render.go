package pdf

import (
	"bytes"
	"fmt"
	"time"

	"github.com/jung-kurt/gofpdf"

	"golive/backend/apperr"
	"golive/backend/printable"
)

// Options are the facts about an export that are not document content.
type Options struct {
	// Fonts are the faces to embed; zero means DefaultFonts.
	Fonts Fonts
	// Sample puts the 示例 / SAMPLE watermark on every page: the exporting
	// profile is a sample profile.
	Sample bool
	// Exporter names the exporting profile, e.g. "张伟 · 3F2A 91C0 …".
	Exporter string
	// Certificate is the fingerprint of the certificate that signs the file.
	Certificate string
	// Generated is when the document is made; it is printed and is the
	// file's creation and modification date, with its zone (zero: now,
	// in the machine's zone).
	Generated time.Time
	// Creator names the producing application.
	Creator string
	// Images returns a signature image (PNG or JPEG) by its SHA-256: the
	// handwriting of a 在场签字, drawn in the approver's cell of the
	// approval grid. Nil, or an image it cannot give, leaves the cell's
	// space blank.
	Images func(sha256 string) ([]byte, error)
}

// Result is a rendered document.
type Result struct {
	// PDF is the file.
	PDF []byte
	// Pages is its page count.
	Pages int
}

// Render lays out c with its payload p. Codes: pdf.font_missing,
// pdf.font_invalid, pdf.render_failed.
func Render(c *printable.Content, p printable.Payload, opt Options) (res Result, err error) {
	defer func() {
		// gofpdf panics on a few malformed inputs (fonts above all).
		if r := recover(); r != nil {
			res, err = Result{}, apperr.New("pdf.render_failed", "kind", c.Kind).WithDetail("%v", r)
		}
	}()
	fonts := opt.Fonts
	if fonts.Regular == nil {
		if fonts, err = DefaultFonts(); err != nil {
			return Result{}, err
		}
	}
	f := gofpdf.New("P", "mm", "A4", "")
	pg := &page{f: f, widths: map[widthKey]float64{}}
	fonts.register(f)
	if err := f.Error(); err != nil {
		return Result{}, apperr.Wrap(err, "pdf.font_invalid", "file", RegularFile)
	}
	f.SetMargins(marginL, marginT, marginR)
	f.SetAutoPageBreak(false, marginB)
	f.AliasNbPages(aliasPages)
	f.SetTitle(c.Title, true)
	f.SetSubject(c.Number, true)
	f.SetAuthor(opt.Exporter, true)
	creator := opt.Creator
	if creator == "" {
		creator = "GoLive"
	}
	f.SetCreator(creator, true)
	generated := opt.Generated
	if generated.IsZero() {
		generated = time.Now()
	}
	generated = generated.Truncate(time.Second)
	// Both dates are the same instant; zonedDates adds the zone gofpdf
	// leaves out.
	f.SetCreationDate(generated)
	f.SetModificationDate(generated)
	f.SetCatalogSort(true)
	r := &renderer{page: pg, c: c, p: p, opt: opt, l: c.Lang}
	f.SetHeaderFuncMode(r.header, true)
	f.SetFooterFunc(r.footer)
	f.AddPage()
	r.body()
	r.verification()
	content, err := c.Canonical()
	if err != nil {
		return Result{}, err
	}
	f.SetAttachments([]gofpdf.Attachment{
		{Content: p.JSON(), Filename: printable.PayloadFile, Description: "GoLive verification payload"},
		{Content: content, Filename: printable.ContentFile, Description: "GoLive document content"},
	})
	pages := f.PageNo()
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		return Result{}, apperr.Wrap(err, "pdf.render_failed", "kind", c.Kind)
	}
	doc, err := zonedDates(tagSubsetFonts(buf.Bytes()), generated)
	if err != nil {
		return Result{}, err
	}
	return Result{PDF: doc, Pages: pages}, nil
}

// aliasPages is replaced by the page count when the file is written.
const aliasPages = "{nb}"

// renderer writes one document.
type renderer struct {
	*page
	c   *printable.Content
	p   printable.Payload
	opt Options
	l   printable.Lang
	// sections counts the numbered section headings so far.
	sections int
}

func (r *renderer) header() {
	if r.opt.Sample {
		r.watermark()
	}
	f := r.f
	r.text(marginL, 9, contentW, []string{r.c.Organisation}, style{true, 9.5, accent}, "L")
	r.text(marginL, 9.4, contentW, []string{r.label("f.number") + r.c.Number}, sSmall, "R")
	if r.opt.Sample {
		// Also in the header, upright: the diagonal watermark is not text
		// that extraction tools return.
		r.text(marginL, 9, contentW, []string{"示例 / SAMPLE"}, style{true, 9, wmColor}, "C")
	}
	r.draw(accent)
	f.SetLineWidth(0.5)
	f.Line(marginL, 15.2, pageW-marginR, 15.2)
	f.SetLineWidth(0.15)
	f.Line(marginL, 16, pageW-marginR, 16)
	f.SetLineWidth(0.2)
}

func (r *renderer) footer() {
	f := r.f
	y := pageH - 13
	r.draw(rule)
	f.SetLineWidth(0.15)
	f.Line(marginL, y, pageW-marginR, y)
	left := "GoLive · " + r.c.Title
	r.text(marginL, y+1.5, contentW/2, []string{left}, sSmall, "L")
	if r.c.Dossier != nil {
		r.text(marginL, y+1.5, contentW, []string{r.c.Dossier.ID}, sSmall, "R")
	}
	var num string
	if r.l == printable.En {
		num = fmt.Sprintf("Page %d of %s", f.PageNo(), aliasPages)
	} else {
		num = fmt.Sprintf("第 %d 页 / 共 %s 页", f.PageNo(), aliasPages)
	}
	// The alias is wider than the number it becomes; centre the text as
	// it will read with a one-digit page count.
	r.setStyle(sSmall)
	w := r.textW(num) - r.textW(aliasPages) + r.textW("0")
	r.text(marginL+(contentW-w)/2, y+1.5, w, []string{num}, sSmall, "L")
}

// watermark writes 示例 / SAMPLE across the page, under the content.
func (r *renderer) watermark() {
	f := r.f
	f.SetAlpha(0.13, "Normal")
	f.TransformBegin()
	f.TransformRotate(35, pageW/2, pageH/2)
	st := style{true, 70, wmColor}
	r.text(0, pageH/2-22, pageW, []string{"示例"}, st, "C")
	r.text(0, pageH/2+6, pageW, []string{"SAMPLE"}, style{true, 54, wmColor}, "C")
	f.TransformEnd()
	f.SetAlpha(1, "Normal")
}

// title writes the document title, the notes under it and the sample
// notice.
func (r *renderer) title() {
	f := r.f
	f.SetY(marginT + 2)
	h := r.text(marginL, f.GetY(), contentW, []string{r.c.Title}, sTitle, "C")
	f.SetY(f.GetY() + h + 1)
	if r.c.Dossier != nil {
		sub := r.c.Dossier.ID + " · " + r.c.Dossier.System + " · " + r.c.Dossier.Version
		h = r.text(marginL, f.GetY(), contentW, []string{sub}, sSmall, "C")
		f.SetY(f.GetY() + h + 3)
	} else {
		f.SetY(f.GetY() + 3)
	}
	for _, n := range r.c.Notes {
		st := style{true, 9, red}
		r.setStyle(st)
		lines := r.wrap(n, contentW-6)
		bh := float64(len(lines))*lineH(st) + 3
		r.draw(red)
		f.SetLineWidth(0.4)
		f.Rect(marginL, f.GetY(), contentW, bh, "D")
		f.SetLineWidth(0.2)
		r.text(marginL+3, f.GetY()+1.5, contentW-6, lines, st, "L")
		f.SetY(f.GetY() + bh + 2)
	}
}

// body writes the kind's sections.
func (r *renderer) body() {
	r.title()
	switch r.c.Kind {
	case printable.KindConfirmation:
		r.summary()
		r.releaseContent("sec.content")
		r.checklist()
		r.approvalGrid(true)
	case printable.KindApprovals:
		r.summary()
		r.approvalGrid(false)
		r.history()
	case printable.KindTestConfirmation:
		r.summary()
		r.attemptsSection(true)
		r.postponements()
		r.confirmation()
	case printable.KindUserConfirmation:
		r.summary()
		r.releaseContent("sec.content")
		r.attemptsSection(false)
		r.postponements()
		r.confirmation()
	case printable.KindArchiveIndex:
		r.summary()
		r.documents()
		r.deliverables()
	case printable.KindReleaseNote:
		r.summary()
		r.releaseContent("sec.content")
		r.releaseSteps()
	case printable.KindApplication:
		r.summary()
		r.releaseContent("sec.content")
		r.approvalSections("sec.submission", true)
		r.deliverablesSection("sec.submitted")
	case printable.KindOpinions:
		r.summary()
		r.approvalSections("sec.approvals", true)
	case printable.KindPlan:
		r.plan()
	case printable.KindMinutes:
		r.minutes()
	}
}
