package pdfobj

import (
	"fmt"
	"sort"
	"unicode/utf16"
)

// Page is the text one page shows.
type Page struct {
	// Runs are the strings the page's content shows, one per text-showing
	// operator (Tj, TJ, ' and "), in the order it draws them. GoLive draws
	// every line of text with one Tj, so a run is a line as printed.
	Runs []string
}

// maxSaves bounds the nesting of q … Q in a content stream.
const maxSaves = 256

// budget is what is left of a caller's limit on decoded bytes.
type budget struct{ left int }

func (b *budget) decode(r *Revision, s *Stream) ([]byte, error) {
	out, err := r.Decode(s, b.left)
	if err != nil {
		return nil, err
	}
	b.left -= len(out)
	return out, nil
}

// Pages returns the text every page of the revision shows, decoding at
// most limit bytes of content streams and ToUnicode maps together (more
// is ErrTooLarge). Text is mapped to Unicode through each font's
// ToUnicode map (a Type0 font without one, Type3 fonts, form XObjects and
// inline images are ErrUnsupported: text GoLive could not read back; image
// XObjects, which show no text, are passed over).
func (r *Revision) Pages(limit int) (_ []Page, err error) {
	defer catch(&err)
	x := &extractor{r: r, b: &budget{left: limit}, fonts: map[Ref]*font{}, seen: map[Ref]bool{}}
	root, err := r.GetDict(r.Trailer, "Root")
	if err != nil {
		return nil, err
	}
	tree, err := r.Get(root, "Pages")
	if err != nil {
		return nil, err
	}
	if err := x.walk(root["Pages"], tree, nil, 0); err != nil {
		return nil, err
	}
	if len(x.pages) == 0 {
		return nil, fmt.Errorf("%w: the document has no pages", ErrMalformed)
	}
	return x.pages, nil
}

type extractor struct {
	r     *Revision
	b     *budget
	fonts map[Ref]*font
	seen  map[Ref]bool
	pages []Page
}

// walk reads the page tree node o (reached through ref, when a
// reference) with the resources it inherits.
func (x *extractor) walk(ref, o Object, inherited Dict, depth int) error {
	if depth > MaxDepth {
		return fmt.Errorf("%w: page tree deeper than %d", ErrMalformed, MaxDepth)
	}
	if rf, ok := ref.(Ref); ok {
		if x.seen[rf] {
			return fmt.Errorf("%w: page tree node %d appears twice", ErrMalformed, rf.Num)
		}
		x.seen[rf] = true
	}
	node, ok := o.(Dict)
	if !ok {
		return fmt.Errorf("%w: page tree node is not a dictionary", ErrMalformed)
	}
	res, err := x.r.GetDict(node, "Resources")
	if err != nil {
		return err
	}
	if res == nil {
		res = inherited
	}
	if node["Type"] == Name("Page") {
		if len(x.pages) == MaxPages {
			return unsupported("more than %d pages", MaxPages)
		}
		runs, err := x.page(node, res)
		if err != nil {
			return fmt.Errorf("page %d: %w", len(x.pages)+1, err)
		}
		x.pages = append(x.pages, Page{Runs: runs})
		return nil
	}
	kids, err := x.r.Get(node, "Kids")
	if err != nil {
		return err
	}
	arr, ok := kids.(Array)
	if !ok {
		return fmt.Errorf("%w: page tree node without /Kids", ErrMalformed)
	}
	for _, k := range arr {
		kid, err := x.r.Resolve(k)
		if err != nil {
			return err
		}
		if err := x.walk(k, kid, res, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// page returns the runs of one page.
func (x *extractor) page(node, res Dict) ([]string, error) {
	co, err := x.r.Get(node, "Contents")
	if err != nil {
		return nil, err
	}
	var streams []Object
	switch c := co.(type) {
	case *Stream:
		streams = []Object{c}
	case Array:
		streams = c
	case nil:
		return nil, nil
	default:
		return nil, fmt.Errorf("%w: bad page /Contents", ErrMalformed)
	}
	var content []byte
	for _, s := range streams {
		so, err := x.r.Resolve(s)
		if err != nil {
			return nil, err
		}
		st, ok := so.(*Stream)
		if !ok {
			return nil, fmt.Errorf("%w: page /Contents is not a stream", ErrMalformed)
		}
		b, err := x.b.decode(x.r, st)
		if err != nil {
			return nil, err
		}
		content = append(append(content, b...), '\n')
	}
	fonts, err := x.r.GetDict(res, "Font")
	if err != nil {
		return nil, err
	}
	xobjects, err := x.r.GetDict(res, "XObject")
	if err != nil {
		return nil, err
	}
	return x.show(content, fonts, xobjects)
}

// image reports whether name is an image XObject of the page (a picture,
// such as a handwritten signature, shows no text); a form XObject, which
// could show text this reader would not see, or a missing one is not.
func (x *extractor) image(xobjects Dict, name Object) bool {
	n, ok := name.(Name)
	if !ok || xobjects == nil {
		return false
	}
	o, err := x.r.Resolve(xobjects[n])
	if err != nil {
		return false
	}
	s, ok := o.(*Stream)
	return ok && s.Dict["Subtype"] == Name("Image")
}

// show interprets a content stream and returns the text it shows. Image
// XObjects are passed over; any other XObject is ErrUnsupported.
func (x *extractor) show(content []byte, fonts, xobjects Dict) ([]string, error) {
	p := newParser(content, 0)
	var operands []Object
	var cur *font
	var saved []*font
	var runs []string
	for {
		t, err := p.read()
		if err != nil {
			return nil, err
		}
		if t.kind == tEOF {
			return runs, nil
		}
		if t.kind != tKeyword || string(t.s) == "true" || string(t.s) == "false" || string(t.s) == "null" {
			if len(operands) == MaxOperands {
				return nil, fmt.Errorf("%w: more than %d operands for one operator", ErrMalformed, MaxOperands)
			}
			p.back(t)
			o, err := p.object(0)
			if err != nil {
				return nil, err
			}
			operands = append(operands, o)
			continue
		}
		op := string(t.s)
		var shown Object
		switch op {
		case "q":
			if len(saved) == maxSaves {
				return nil, unsupported("q nested deeper than %d", maxSaves)
			}
			saved = append(saved, cur)
		case "Q":
			if n := len(saved); n > 0 {
				cur, saved = saved[n-1], saved[:n-1]
			}
		case "Tf":
			if len(operands) != 2 {
				return nil, fmt.Errorf("%w: Tf needs a font and a size", ErrMalformed)
			}
			name, ok := operands[0].(Name)
			if !ok {
				return nil, fmt.Errorf("%w: Tf needs a font name", ErrMalformed)
			}
			if cur, err = x.font(fonts, name); err != nil {
				return nil, err
			}
		case "Tj", "'", "TJ":
			if len(operands) == 1 {
				shown = operands[0]
			}
		case `"`:
			if len(operands) == 3 {
				shown = operands[2]
			}
		case "Do":
			if len(operands) != 1 || !x.image(xobjects, operands[0]) {
				return nil, unsupported("XObjects (Do) in a page other than images")
			}
		case "BI", "ID", "EI":
			return nil, unsupported("inline images in a page")
		}
		operands = operands[:0]
		if op == "Tj" || op == "TJ" || op == "'" || op == `"` {
			run, err := cur.text(shown)
			if err != nil {
				return nil, err
			}
			runs = append(runs, run)
		}
	}
}

// font returns the font named in the page's resources.
func (x *extractor) font(fonts Dict, name Name) (*font, error) {
	ref, isRef := fonts[name].(Ref)
	if isRef {
		if f, ok := x.fonts[ref]; ok {
			return f, nil
		}
	}
	o, err := x.r.Resolve(fonts[name])
	if err != nil {
		return nil, err
	}
	d, ok := o.(Dict)
	if !ok {
		return nil, fmt.Errorf("%w: font /%s is not in the page's resources", ErrMalformed, name)
	}
	f := &font{}
	switch d["Subtype"] {
	case Name("Type0"):
		enc := d["Encoding"]
		if enc != Name("Identity-H") && enc != Name("Identity-V") {
			return nil, unsupported("font /%s: encoding %v", name, enc)
		}
		f.twoByte = true
	case Name("Type1"), Name("TrueType"), Name("MMType1"):
	default:
		return nil, unsupported("font /%s of subtype %v", name, d["Subtype"])
	}
	tu, err := x.r.Get(d, "ToUnicode")
	if err != nil {
		return nil, err
	}
	switch s := tu.(type) {
	case *Stream:
		b, err := x.b.decode(x.r, s)
		if err != nil {
			return nil, err
		}
		if f.cmap, err = parseCMap(b); err != nil {
			return nil, fmt.Errorf("font /%s: %w", name, err)
		}
	case nil:
		if f.twoByte {
			return nil, unsupported("font /%s has no ToUnicode map", name)
		}
	default:
		return nil, fmt.Errorf("%w: font /%s: bad /ToUnicode", ErrMalformed, name)
	}
	if isRef {
		x.fonts[ref] = f
	}
	return f, nil
}

// font maps the codes of shown strings to Unicode.
type font struct {
	twoByte bool
	cmap    *cmap // nil: one byte a character, read as Latin-1
}

// text decodes a Tj string or a TJ array.
func (f *font) text(o Object) (string, error) {
	if f == nil {
		return "", fmt.Errorf("%w: text shown before a font is chosen", ErrMalformed)
	}
	var units []uint16
	add := func(s String) {
		b := s.Bytes
		step := 1
		if f.twoByte {
			step = 2
		}
		for i := 0; i+step <= len(b); i += step {
			code := uint32(b[i])
			if f.twoByte {
				code = code<<8 | uint32(b[i+1])
			}
			if f.cmap == nil {
				units = append(units, uint16(code))
				continue
			}
			units = append(units, f.cmap.lookup(code)...)
		}
	}
	switch x := o.(type) {
	case String:
		add(x)
	case Array:
		for _, e := range x {
			if s, ok := e.(String); ok {
				add(s)
			}
		}
	default:
		return "", fmt.Errorf("%w: text operator without a string", ErrMalformed)
	}
	return string(utf16.Decode(units)), nil
}

// cmap is a ToUnicode map (bfchar and bfrange entries).
type cmap struct {
	chars  map[uint32][]uint16
	ranges []bfrange
}

type bfrange struct {
	lo, hi uint32
	dst    []uint16   // the first code's text; later codes add to its last unit
	each   [][]uint16 // or one text per code
}

// maxCMapEntries bounds the entries of one ToUnicode map.
const maxCMapEntries = 1 << 16

func (m *cmap) lookup(code uint32) []uint16 {
	if u, ok := m.chars[code]; ok {
		return u
	}
	// The ranges are sorted by their first code and, in a well-formed
	// map, do not overlap: the candidate is the last one starting at or
	// before code.
	i := sort.Search(len(m.ranges), func(i int) bool { return m.ranges[i].lo > code }) - 1
	if i < 0 || code > m.ranges[i].hi {
		return []uint16{0xFFFD}
	}
	r := m.ranges[i]
	off := code - r.lo
	if r.each != nil {
		if int(off) < len(r.each) {
			return r.each[off]
		}
		return []uint16{0xFFFD}
	}
	out := append([]uint16(nil), r.dst...)
	out[len(out)-1] += uint16(off)
	return out
}

func codeOf(s String) (uint32, bool) {
	if len(s.Bytes) == 0 || len(s.Bytes) > 4 {
		return 0, false
	}
	var c uint32
	for _, b := range s.Bytes {
		c = c<<8 | uint32(b)
	}
	return c, true
}

func unitsOf(s String) ([]uint16, bool) {
	b := s.Bytes
	if len(b) == 0 || len(b)%2 != 0 {
		return nil, false
	}
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	return u, true
}

// parseCMap reads the bfchar and bfrange sections of a ToUnicode CMap.
func parseCMap(b []byte) (*cmap, error) {
	m := &cmap{chars: map[uint32][]uint16{}}
	p := newParser(b, 0)
	bad := fmt.Errorf("%w: bad ToUnicode map", ErrMalformed)
	entries := 0
	for {
		t, err := p.read()
		if err != nil {
			return nil, err
		}
		if t.kind == tEOF {
			sort.SliceStable(m.ranges, func(i, j int) bool { return m.ranges[i].lo < m.ranges[j].lo })
			return m, nil
		}
		if t.kind != tKeyword {
			continue
		}
		switch string(t.s) {
		case "beginbfchar":
			for {
				src, end, err := p.entry("endbfchar")
				if err != nil {
					return nil, err
				}
				if end {
					break
				}
				dst, err := p.object(0)
				if err != nil {
					return nil, err
				}
				s, ok1 := src.(String)
				d, ok2 := dst.(String)
				code, ok3 := codeOf(s)
				u, ok4 := unitsOf(d)
				if !ok1 || !ok2 || !ok3 || !ok4 {
					return nil, bad
				}
				if entries++; entries > maxCMapEntries {
					return nil, unsupported("ToUnicode map with more than %d entries", maxCMapEntries)
				}
				m.chars[code] = u
			}
		case "beginbfrange":
			for {
				lo, end, err := p.entry("endbfrange")
				if err != nil {
					return nil, err
				}
				if end {
					break
				}
				hi, err := p.object(0)
				if err != nil {
					return nil, err
				}
				dst, err := p.object(0)
				if err != nil {
					return nil, err
				}
				ls, ok1 := lo.(String)
				hs, ok2 := hi.(String)
				l, ok3 := codeOf(ls)
				h, ok4 := codeOf(hs)
				if !ok1 || !ok2 || !ok3 || !ok4 || h < l {
					return nil, bad
				}
				r := bfrange{lo: l, hi: h}
				switch d := dst.(type) {
				case String:
					u, ok := unitsOf(d)
					if !ok {
						return nil, bad
					}
					r.dst = u
				case Array:
					if len(d) == 0 || uint64(len(d)) != uint64(h)-uint64(l)+1 {
						return nil, bad
					}
					for _, e := range d {
						s, _ := e.(String)
						u, ok := unitsOf(s)
						if !ok {
							return nil, bad
						}
						r.each = append(r.each, u)
					}
				default:
					return nil, bad
				}
				if entries++; entries > maxCMapEntries {
					return nil, unsupported("ToUnicode map with more than %d entries", maxCMapEntries)
				}
				m.ranges = append(m.ranges, r)
			}
		}
	}
}

// entry reads the first object of a CMap entry, or the keyword end that
// closes the section (end is then true).
func (p *parser) entry(end string) (Object, bool, error) {
	t, err := p.read()
	if err != nil {
		return nil, false, err
	}
	if t.kind == tKeyword && string(t.s) == end {
		return nil, true, nil
	}
	if t.kind == tEOF {
		return nil, false, malformed(t.start, "%s expected", end)
	}
	p.back(t)
	o, err := p.object(0)
	return o, false, err
}
