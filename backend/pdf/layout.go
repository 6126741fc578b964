package pdf

import (
	"strings"
	"unicode"

	"github.com/jung-kurt/gofpdf"
)

// Page geometry in millimetres: A4 portrait with print-ready margins
// (a 20 mm binding edge on the left).
const (
	pageW    = 210.0
	pageH    = 297.0
	marginL  = 20.0
	marginR  = 16.0
	marginT  = 22.0 // below the header
	marginB  = 20.0 // above the footer
	contentW = pageW - marginL - marginR
	ptToMM   = 25.4 / 72
	cellPad  = 1.4
	leading  = 1.32
	bottomY  = pageH - marginB
)

// Colours (RGB).
type rgb struct{ r, g, b int }

var (
	black   = rgb{25, 25, 25}
	grey    = rgb{110, 110, 110}
	light   = rgb{236, 239, 243}
	rule    = rgb{120, 128, 140}
	accent  = rgb{31, 58, 95}
	green   = rgb{27, 110, 55}
	orange  = rgb{170, 100, 0}
	red     = rgb{170, 35, 30}
	wmColor = rgb{200, 40, 40}
)

// style is a font face, size and colour.
type style struct {
	bold  bool
	size  float64
	color rgb
}

var (
	sBody   = style{false, 9, black}
	sSmall  = style{false, 7.5, grey}
	sCell   = style{false, 8.2, black}
	sHead   = style{true, 8.2, black}
	sLabel  = style{false, 8.2, grey}
	sTitle  = style{true, 17, black}
	sSect   = style{true, 10.5, accent}
	sStrong = style{true, 9, black}
)

// widthKey caches rune widths per face and size.
type widthKey struct {
	bold bool
	size float64
	r    rune
}

// page wraps gofpdf with the text measuring and drawing GoLive needs.
type page struct {
	f      *gofpdf.Fpdf
	cur    style
	widths map[widthKey]float64
}

func (p *page) setStyle(s style) {
	fam := famRegular
	if s.bold {
		fam = famBold
	}
	p.f.SetFont(fam, "", s.size)
	p.f.SetTextColor(s.color.r, s.color.g, s.color.b)
	p.cur = s
}

// lineH is the line height of s in mm.
func lineH(s style) float64 { return s.size * ptToMM * leading }

func (p *page) runeW(r rune) float64 {
	k := widthKey{p.cur.bold, p.cur.size, r}
	w, ok := p.widths[k]
	if !ok {
		w = p.f.GetStringWidth(string(r))
		p.widths[k] = w
	}
	return w
}

func (p *page) textW(s string) float64 {
	w := 0.0
	for _, r := range s {
		w += p.runeW(r)
	}
	return w
}

// isBreakable reports whether a line may break before or after r without
// a space: CJK ideographs, kana and full-width punctuation.
func isBreakable(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x30FF) || (r >= 0xFF00 && r <= 0xFFEF)
}

// noLineStart are characters that must not begin a line (禁则).
const noLineStart = "，。、；：？！）》」』】,.;:?!)"

// wrap breaks text into lines no wider than w in the current style:
// between CJK characters anywhere, Latin text at spaces, and a word wider
// than the line by characters.
func (p *page) wrap(text string, w float64) []string {
	var out []string
	for _, para := range strings.Split(strings.ReplaceAll(text, "\r", ""), "\n") {
		out = append(out, p.wrapLine(para, w)...)
	}
	if len(out) == 0 {
		out = []string{""}
	}
	return out
}

func (p *page) wrapLine(s string, w float64) []string {
	// Tokens: a CJK character, a run of spaces, or a run of other characters.
	var toks []string
	rs := []rune(s)
	for i := 0; i < len(rs); {
		j := i + 1
		switch {
		case isBreakable(rs[i]):
		case rs[i] == ' ':
			for j < len(rs) && rs[j] == ' ' {
				j++
			}
		default: // a word, which may break after a hyphen
			for j < len(rs) && rs[j] != ' ' && !isBreakable(rs[j]) && rs[j-1] != '-' {
				j++
			}
		}
		toks = append(toks, string(rs[i:j]))
		i = j
	}
	var lines []string
	var line strings.Builder
	lw := 0.0
	flush := func() {
		lines = append(lines, strings.TrimRight(line.String(), " "))
		line.Reset()
		lw = 0
	}
	for _, t := range toks {
		tw := p.textW(t)
		// Closing punctuation may hang half into the cell padding rather
		// than start a line (CJK full-width punctuation is drawn in the
		// left half of its box).
		hangs := lw > 0 && len([]rune(t)) == 1 && strings.ContainsAny(t, noLineStart) && lw+tw/2 <= w
		if lw+tw <= w || hangs {
			line.WriteString(t)
			lw += tw
			continue
		}
		if t[0] == ' ' {
			flush()
			continue
		}
		if lw > 0 {
			flush()
		}
		if tw <= w {
			line.WriteString(t)
			lw = tw
			continue
		}
		for _, r := range t { // a word wider than the line
			rw := p.runeW(r)
			if lw+rw > w && lw > 0 {
				flush()
			}
			line.WriteRune(r)
			lw += rw
		}
	}
	if line.Len() > 0 || len(lines) == 0 {
		flush()
	}
	return lines
}

// wordW returns the width in style st of the widest word of texts: the
// narrowest a cell can be without breaking a word (CJK text breaks
// between any two characters, so each counts alone).
func (p *page) wordW(st style, texts ...string) float64 {
	p.setStyle(st)
	w := 0.0
	for _, t := range texts {
		for _, word := range strings.Fields(t) {
			run := []rune{}
			flush := func() {
				w = max(w, p.textW(string(run)))
				run = run[:0]
			}
			for _, r := range word {
				if isBreakable(r) {
					flush()
					w = max(w, p.runeW(r))
					continue
				}
				run = append(run, r)
			}
			flush()
		}
	}
	return w
}

// text writes lines at (x, y) in style s, left-aligned unless align is
// "C" or "R" within width w; it returns the height used.
func (p *page) text(x, y, w float64, lines []string, s style, align string) float64 {
	p.setStyle(s)
	lh := lineH(s)
	for i, l := range lines {
		dx := 0.0
		switch align {
		case "C":
			dx = (w - p.textW(l)) / 2
		case "R":
			dx = w - p.textW(l)
		}
		// Text is placed by its baseline: ascent is about 0.88 of the size.
		p.f.Text(x+dx, y+float64(i)*lh+s.size*ptToMM*0.9+(lh-s.size*ptToMM)/2, l)
	}
	return float64(len(lines)) * lh
}

// paragraph writes wrapped text across the content width and moves down.
func (p *page) paragraph(s string, st style) {
	p.setStyle(st)
	lines := p.wrap(s, contentW)
	h := float64(len(lines)) * lineH(st)
	p.ensure(h)
	p.text(marginL, p.f.GetY(), contentW, lines, st, "L")
	p.f.SetY(p.f.GetY() + h + 1)
}

// ensure starts a new page unless h millimetres fit on this one.
func (p *page) ensure(h float64) bool {
	if p.f.GetY()+h > bottomY {
		p.f.AddPage()
		return true
	}
	return false
}

func (p *page) fill(c rgb) { p.f.SetFillColor(c.r, c.g, c.b) }
func (p *page) draw(c rgb) { p.f.SetDrawColor(c.r, c.g, c.b) }

// section writes a section heading with an accent bar.
func (p *page) section(title string) {
	p.ensure(16)
	y := p.f.GetY() + 2.5
	p.fill(accent)
	p.f.Rect(marginL, y+0.6, 1.2, 4.4, "F")
	p.text(marginL+3, y, contentW, []string{title}, sSect, "L")
	p.f.SetY(y + 7)
}

// column is one column of a table.
type column struct {
	title string
	w     float64
	align string
}

// cell is one table cell: text with an optional style.
type cell struct {
	text  string
	style *style
}

// table draws a ruled table whose header repeats on every page; rows grow
// to fit their wrapped text.
func (p *page) table(cols []column, rows [][]cell) {
	head := func() {
		p.setStyle(sHead)
		h := 0.0
		lines := make([][]string, len(cols))
		for i, c := range cols {
			lines[i] = p.wrap(c.title, c.w-2*cellPad)
			h = max(h, float64(len(lines[i]))*lineH(sHead)+2*cellPad)
		}
		p.ensure(h + lineH(sCell) + 2*cellPad)
		x, y := marginL, p.f.GetY()
		p.fill(light)
		p.draw(rule)
		p.f.SetLineWidth(0.2)
		for i, c := range cols {
			p.f.Rect(x, y, c.w, h, "FD")
			p.text(x+cellPad, y+cellPad, c.w-2*cellPad, lines[i], sHead, alignOf(c))
			x += c.w
		}
		p.f.SetY(y + h)
	}
	head()
	for _, r := range rows {
		lines := make([][]string, len(cols))
		h := 0.0
		for i, c := range cols {
			st := sCell
			if i < len(r) && r[i].style != nil {
				st = *r[i].style
			}
			p.setStyle(st)
			txt := ""
			if i < len(r) {
				txt = r[i].text
			}
			lines[i] = p.wrap(txt, c.w-2*cellPad)
			h = max(h, float64(len(lines[i]))*lineH(st)+2*cellPad)
		}
		if p.f.GetY()+h > bottomY {
			p.f.AddPage()
			head()
		}
		x, y := marginL, p.f.GetY()
		p.draw(rule)
		for i, c := range cols {
			p.f.Rect(x, y, c.w, h, "D")
			st := sCell
			if i < len(r) && r[i].style != nil {
				st = *r[i].style
			}
			p.text(x+cellPad, y+cellPad, c.w-2*cellPad, lines[i], st, alignOf(c))
			x += c.w
		}
		p.f.SetY(y + h)
	}
	p.f.SetY(p.f.GetY() + 2)
}

func alignOf(c column) string {
	if c.align == "" {
		return "L"
	}
	return c.align
}

// pair is one label and value of a summary grid; a wide pair takes a
// whole row.
type pair struct {
	label, value string
	style        *style
	wide         bool
}

// grid draws label/value pairs two to a row, like a form's header block.
func (p *page) grid(pairs []pair) {
	var rows [][]pair
	for i := 0; i < len(pairs); {
		if pairs[i].wide || i+1 >= len(pairs) || pairs[i+1].wide {
			rows = append(rows, pairs[i:i+1])
			i++
			continue
		}
		rows = append(rows, pairs[i:i+2])
		i += 2
	}
	const lw = 24.0
	for _, row := range rows {
		vw := contentW/2 - lw
		if len(row) == 1 {
			vw = contentW - lw
		}
		h := 0.0
		lines := make([][]string, 2*len(row))
		styles := make([]style, len(row))
		for j, pr := range row {
			styles[j] = sCell
			if pr.style != nil {
				styles[j] = *pr.style
			}
			p.setStyle(sLabel)
			lines[2*j] = p.wrap(pr.label, lw-2*cellPad)
			p.setStyle(styles[j])
			lines[2*j+1] = p.wrap(pr.value, vw-2*cellPad)
			h = max(h, float64(len(lines[2*j]))*lineH(sLabel)+2*cellPad, float64(len(lines[2*j+1]))*lineH(styles[j])+2*cellPad)
		}
		p.ensure(h)
		x, y := marginL, p.f.GetY()
		p.draw(rule)
		p.f.SetLineWidth(0.2)
		for j := range row {
			p.fill(light)
			p.f.Rect(x, y, lw, h, "FD")
			p.text(x+cellPad, y+cellPad, lw-2*cellPad, lines[2*j], sLabel, "L")
			p.f.Rect(x+lw, y, vw, h, "D")
			p.text(x+lw+cellPad, y+cellPad, vw-2*cellPad, lines[2*j+1], styles[j], "L")
			x += lw + vw
		}
		p.f.SetY(y + h)
	}
	p.f.SetY(p.f.GetY() + 2)
}
