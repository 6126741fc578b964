package pdf

const qrSize = 44.0

// verification writes the verification block: what the document was
// made from, who signed what with which key, and a QR code holding the
// payload.
func (r *renderer) verification() {
	f := r.f
	payload := string(r.p.JSON())
	// Level L: a printed archive copy is clean, and the code stays
	// coarse enough to scan.
	code, err := encodeQR(payload)
	leftW := contentW - qrSize - 6
	mono := style{false, 6.8, black}
	type line struct {
		label, value string
		st           style
	}
	var lines []line
	add := func(key, v string, st style) {
		if v != "" {
			lines = append(lines, line{r.l.L(key), v, st})
		}
	}
	if r.c.Dossier != nil {
		add("f.id", r.c.Dossier.ID, sStrongCell)
	}
	add("f.number", r.c.Number, sCell)
	add("f.event", r.c.Event, mono)
	if len(r.c.Heads) > 1 {
		h := ""
		for i, x := range r.c.Heads {
			if i > 0 {
				h += "\n"
			}
			h += x
		}
		add("f.heads", h, mono)
	}
	add("f.digest", r.p.Digest, mono)
	if !r.opt.Generated.IsZero() {
		add("f.generated", r.opt.Generated.Format("2006-01-02 15:04:05 -07:00"), sCell)
	}
	add("f.exporter", r.opt.Exporter, sCell)
	add("f.cert", r.opt.Certificate, mono)
	const lw = 22.0
	h := 0.0
	wrapped := make([][]string, len(lines))
	for i, l := range lines {
		r.setStyle(l.st)
		wrapped[i] = r.wrap(l.value, leftW-lw-2)
		h += float64(len(wrapped[i]))*lineH(l.st) + 0.8
	}
	boxH := max(h+6, qrSize+8)
	r.ensure(boxH + 14 + 8*float64(min(len(r.c.Signatures), 3)))
	r.section(r.l.L("sec.verify"))
	x0, y0 := marginL, f.GetY()
	r.draw(accent)
	f.SetLineWidth(0.35)
	f.Rect(x0, y0, contentW, boxH, "D")
	f.SetLineWidth(0.2)
	y := y0 + 3
	for i, l := range lines {
		r.text(x0+2, y, lw, []string{l.label}, sLabel, "L")
		y += r.text(x0+2+lw, y, leftW-lw-2, wrapped[i], l.st, "L") + 0.8
	}
	if err == nil {
		r.drawQR(code, pageW-marginR-qrSize-3, y0+3, qrSize)
	}
	r.text(pageW-marginR-qrSize-3, y0+3+qrSize+0.5, qrSize, []string{"QR: " + r.l.L("sec.verify")}, sSmall, "C")
	f.SetY(y0 + boxH + 3)
	if len(r.c.Signatures) > 0 {
		cols := []column{{r.l.L("c.for"), 50, ""}, {r.l.L("c.signer"), 22, ""}, {r.l.L("c.fingerprint"), 58, ""}, {r.l.L("c.how"), 18, "C"}, {r.l.L("c.time"), contentW - 148, ""}}
		var rows [][]cell
		for _, s := range r.c.Signatures {
			how := r.l.L("v.self")
			if s.Witnessed {
				how = r.l.L("v.witnessed")
			}
			rows = append(rows, []cell{{text: s.Label}, {text: s.Name}, {text: s.Fingerprint, style: &mono}, {text: how}, {text: s.At}})
		}
		r.table(cols, rows)
	}
	r.paragraph(r.l.L("f.verifyhint"), sSmall)
}

// drawQR draws the code's dark modules as filled rectangles (vector, so
// it prints sharply at any size), one per horizontal run, inside a quiet
// zone of white.
func (r *renderer) drawQR(code *qrCode, x, y, size float64) {
	n := code.dim
	m := size / float64(n+2) // one module of quiet zone on each side
	r.fill(rgb{255, 255, 255})
	r.f.Rect(x, y, size, size, "F")
	r.fill(rgb{0, 0, 0})
	for py := 0; py < n; py++ {
		for px := 0; px < n; {
			if !code.Dark(px, py) {
				px++
				continue
			}
			run := px
			for run < n && code.Dark(run, py) {
				run++
			}
			r.f.Rect(x+m*float64(px+1), y+m*float64(py+1), m*float64(run-px)+0.01, m+0.01, "F")
			px = run
		}
	}
}
