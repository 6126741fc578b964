package pdfobj

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
)

// File is a parsed PDF file.
type File struct {
	data []byte
	revs []*Revision
	// EOF is the offset just after the last "%%EOF" marker.
	EOF int
}

// Revision is one cross-reference table of a file and the trailer after
// it: the file as it stood when that table was written.
type Revision struct {
	f     *File
	index int
	// Trailer is the revision's trailer dictionary.
	Trailer Dict
	// Xref is the offset of the revision's cross-reference table.
	Xref    int
	entries map[int]entry
	cache   map[Ref]Object
	loading map[Ref]bool
}

type entry struct {
	offset, gen int
	free        bool
}

// parser reads objects from a lexer with up to two tokens of lookahead.
type parser struct {
	lx     lexer
	unread []token
}

func newParser(b []byte, at int) *parser { return &parser{lx: lexer{b: b, pos: at}} }

func (p *parser) read() (token, error) {
	if n := len(p.unread); n > 0 {
		t := p.unread[n-1]
		p.unread = p.unread[:n-1]
		return t, nil
	}
	return p.lx.next()
}

func (p *parser) back(t token) { p.unread = append(p.unread, t) }

func (p *parser) keyword(want string) (token, error) {
	t, err := p.read()
	if err != nil {
		return t, err
	}
	if t.kind != tKeyword || string(t.s) != want {
		return t, malformed(t.start, "%s expected", want)
	}
	return t, nil
}

func (p *parser) integer() (int64, error) {
	t, err := p.read()
	if err != nil {
		return 0, err
	}
	if t.kind != tInt {
		return 0, malformed(t.start, "integer expected")
	}
	return t.i, nil
}

// object reads one direct object (a reference stays a Ref).
func (p *parser) object(depth int) (Object, error) {
	if depth > MaxDepth {
		return nil, malformed(p.lx.pos, "nested deeper than %d", MaxDepth)
	}
	t, err := p.read()
	if err != nil {
		return nil, err
	}
	switch t.kind {
	case tInt:
		if ref, ok, err := p.ref(t); err != nil || ok {
			return ref, err
		}
		return t.i, nil
	case tReal:
		return t.f, nil
	case tName:
		return Name(t.s), nil
	case tString:
		return String{Bytes: t.s, Start: t.start, End: t.end, Hex: t.hex}, nil
	case tArrayOpen:
		var a Array
		for {
			t, err := p.read()
			if err != nil {
				return nil, err
			}
			if t.kind == tArrayClose {
				return a, nil
			}
			if len(a) == MaxArray {
				return nil, malformed(t.start, "array longer than %d", MaxArray)
			}
			p.back(t)
			o, err := p.object(depth + 1)
			if err != nil {
				return nil, err
			}
			a = append(a, o)
		}
	case tDictOpen:
		d := Dict{}
		for {
			t, err := p.read()
			if err != nil {
				return nil, err
			}
			if t.kind == tDictClose {
				return d, nil
			}
			if t.kind != tName {
				return nil, malformed(t.start, "dictionary key expected")
			}
			k := Name(t.s)
			if len(d) == MaxDict {
				return nil, malformed(t.start, "dictionary larger than %d", MaxDict)
			}
			if _, dup := d[k]; dup {
				return nil, malformed(t.start, "key /%s appears twice in one dictionary", k)
			}
			o, err := p.object(depth + 1)
			if err != nil {
				return nil, err
			}
			d[k] = o
		}
	case tKeyword:
		switch string(t.s) {
		case "true":
			return true, nil
		case "false":
			return false, nil
		case "null":
			return nil, nil
		}
	}
	return nil, malformed(t.start, "object expected")
}

// ref reads "G R" after the integer t, if they follow.
func (p *parser) ref(t token) (Ref, bool, error) {
	t2, err := p.read()
	if err != nil {
		return Ref{}, false, err
	}
	if t2.kind != tInt {
		p.back(t2)
		return Ref{}, false, nil
	}
	t3, err := p.read()
	if err != nil {
		return Ref{}, false, err
	}
	if t3.kind != tKeyword || string(t3.s) != "R" {
		p.back(t3)
		p.back(t2)
		return Ref{}, false, nil
	}
	if t.i < 0 || t.i >= MaxObjects || t2.i < 0 || t2.i > 65535 {
		return Ref{}, false, malformed(t.start, "reference out of range")
	}
	return Ref{Num: int(t.i), Gen: int(t2.i)}, true, nil
}

// Parse reads the structure of a PDF file: the cross-reference tables
// from the last one back. Objects are read when resolved. Codes:
// ErrMalformed, ErrUnsupported.
func Parse(data []byte) (f *File, err error) {
	defer catch(&err)
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		return nil, fmt.Errorf("%w: no %%PDF- header", ErrMalformed)
	}
	eof := bytes.LastIndex(data, []byte("%%EOF"))
	if eof < 0 {
		return nil, fmt.Errorf("%w: no %%%%EOF marker", ErrMalformed)
	}
	sx := bytes.LastIndex(data[:eof], []byte("startxref"))
	if sx < 0 {
		return nil, malformed(eof, "no startxref before %%EOF")
	}
	f = &File{data: data, EOF: eof + len("%%EOF")}
	p := newParser(data[:eof], sx)
	if _, err := p.keyword("startxref"); err != nil {
		return nil, err
	}
	at, err := p.integer()
	if err != nil {
		return nil, err
	}
	seen := map[int64]bool{}
	entries := 0
	for {
		if at <= 0 || at >= int64(len(data)) || seen[at] {
			return nil, malformed(sx, "cross-reference offset %d is not in the file or loops", at)
		}
		if len(f.revs) == MaxRevisions {
			return nil, unsupported("more than %d revisions", MaxRevisions)
		}
		seen[at] = true
		rev, err := f.section(int(at))
		if err != nil {
			return nil, err
		}
		if entries += len(rev.entries); entries > MaxObjects {
			return nil, unsupported("more than %d cross-reference entries", MaxObjects)
		}
		rev.index = len(f.revs)
		f.revs = append(f.revs, rev)
		prev, ok := rev.Trailer["Prev"]
		if !ok {
			break
		}
		if at, ok = Int(prev); !ok {
			return nil, malformed(rev.Xref, "/Prev is not an integer")
		}
	}
	return f, nil
}

// section reads the cross-reference table at and its trailer.
func (f *File) section(at int) (*Revision, error) {
	p := newParser(f.data, at)
	t, err := p.read()
	if err != nil {
		return nil, err
	}
	if t.kind == tInt {
		return nil, unsupported("cross-reference streams (PDF 1.5) are not written by GoLive")
	}
	if t.kind != tKeyword || string(t.s) != "xref" {
		return nil, malformed(at, "xref expected")
	}
	rev := &Revision{f: f, Xref: at, entries: map[int]entry{}, cache: map[Ref]Object{}, loading: map[Ref]bool{}}
	for {
		t, err := p.read()
		if err != nil {
			return nil, err
		}
		if t.kind == tKeyword && string(t.s) == "trailer" {
			break
		}
		if t.kind != tInt {
			return nil, malformed(t.start, "cross-reference subsection expected")
		}
		first := t.i
		count, err := p.integer()
		if err != nil {
			return nil, err
		}
		// Each entry takes at least six bytes ("0 0 n "): a count the
		// rest of the file cannot hold is a lie, refused before looping.
		if first < 0 || count < 0 || first+count > MaxObjects || count*6 > int64(len(f.data)-p.lx.pos) {
			return nil, malformed(t.start, "cross-reference subsection %d %d out of range", first, count)
		}
		for i := int64(0); i < count; i++ {
			off, err := p.integer()
			if err != nil {
				return nil, err
			}
			gen, err := p.integer()
			if err != nil {
				return nil, err
			}
			kw, err := p.read()
			if err != nil {
				return nil, err
			}
			if kw.kind != tKeyword || (string(kw.s) != "n" && string(kw.s) != "f") || off < 0 || gen < 0 || gen > 65535 {
				return nil, malformed(kw.start, "bad cross-reference entry")
			}
			rev.entries[int(first+i)] = entry{offset: int(off), gen: int(gen), free: string(kw.s) == "f"}
		}
	}
	o, err := p.object(0)
	if err != nil {
		return nil, err
	}
	d, ok := o.(Dict)
	if !ok {
		return nil, malformed(at, "trailer is not a dictionary")
	}
	if _, enc := d["Encrypt"]; enc {
		return nil, unsupported("encrypted PDF")
	}
	if _, hybrid := d["XRefStm"]; hybrid {
		return nil, unsupported("cross-reference streams (PDF 1.5) are not written by GoLive")
	}
	rev.Trailer = d
	return rev, nil
}

// Revisions returns the file's revisions, newest first.
func (f *File) Revisions() []*Revision { return f.revs }

// Latest is the newest revision: the file as a reader shows it.
func (f *File) Latest() *Revision { return f.revs[0] }

// lookup finds ref's entry in this revision or an older one.
func (r *Revision) lookup(ref Ref) (entry, bool) {
	for _, rev := range r.f.revs[r.index:] {
		if e, ok := rev.entries[ref.Num]; ok {
			return e, true
		}
	}
	return entry{}, false
}

// Resolve follows o while it is a reference; a reference to an object
// the revision does not define is null.
func (r *Revision) Resolve(o Object) (_ Object, err error) {
	defer catch(&err)
	for depth := 0; ; depth++ {
		ref, ok := o.(Ref)
		if !ok {
			return o, nil
		}
		if depth == MaxDepth {
			return nil, malformed(0, "references nested deeper than %d", MaxDepth)
		}
		if o, err = r.load(ref); err != nil {
			return nil, err
		}
	}
}

// Get returns d[key], resolved.
func (r *Revision) Get(d Dict, key Name) (Object, error) { return r.Resolve(d[key]) }

// GetDict returns d[key] resolved as a dictionary (a stream's dictionary
// for a stream), or nil when it is absent or something else.
func (r *Revision) GetDict(d Dict, key Name) (Dict, error) {
	o, err := r.Get(d, key)
	switch x := o.(type) {
	case Dict:
		return x, err
	case *Stream:
		return x.Dict, err
	}
	return nil, err
}

// offset returns where the object ref starts in the file, as this
// revision finds it; ok is false when the revision does not define it.
func (r *Revision) offset(ref Ref) (int, bool) {
	e, ok := r.lookup(ref)
	if !ok || e.free || e.gen != ref.Gen {
		return 0, false
	}
	return e.offset, true
}

// load reads the indirect object ref.
func (r *Revision) load(ref Ref) (Object, error) {
	if o, ok := r.cache[ref]; ok {
		return o, nil
	}
	at, ok := r.offset(ref)
	if !ok {
		return nil, nil
	}
	if r.loading[ref] {
		return nil, malformed(at, "object %d refers to itself", ref.Num)
	}
	r.loading[ref] = true
	defer delete(r.loading, ref)
	data := r.f.data
	if at >= len(data) {
		return nil, malformed(at, "object %d lies beyond the end of the file", ref.Num)
	}
	p := newParser(data, at)
	num, err := p.integer()
	if err != nil {
		return nil, err
	}
	gen, err := p.integer()
	if err != nil {
		return nil, err
	}
	if num != int64(ref.Num) || gen != int64(ref.Gen) {
		return nil, malformed(at, "object %d %d found where %d %d was expected", num, gen, ref.Num, ref.Gen)
	}
	if _, err := p.keyword("obj"); err != nil {
		return nil, err
	}
	o, err := p.object(0)
	if err != nil {
		return nil, err
	}
	t, err := p.read()
	if err != nil {
		return nil, err
	}
	if t.kind == tKeyword && string(t.s) == "stream" {
		if o, err = r.stream(o, t.end); err != nil {
			return nil, err
		}
		s := o.(*Stream)
		p = newParser(data, s.Offset+s.Length)
		if _, err := p.keyword("endstream"); err != nil {
			return nil, err
		}
		t, err = p.read()
		if err != nil {
			return nil, err
		}
	}
	if t.kind != tKeyword || string(t.s) != "endobj" {
		return nil, malformed(t.start, "endobj expected after object %d", ref.Num)
	}
	r.cache[ref] = o
	return o, nil
}

// stream makes the stream whose dictionary is o and whose keyword ends
// at pos.
func (r *Revision) stream(o Object, pos int) (*Stream, error) {
	d, ok := o.(Dict)
	if !ok {
		return nil, malformed(pos, "stream without a dictionary")
	}
	data := r.f.data
	switch {
	case pos+1 < len(data) && data[pos] == '\r' && data[pos+1] == '\n':
		pos += 2
	case pos < len(data) && data[pos] == '\n':
		pos++
	default:
		return nil, malformed(pos, "stream keyword not followed by an end of line")
	}
	lo, err := r.Get(d, "Length")
	if err != nil {
		return nil, err
	}
	n, ok := Int(lo)
	if !ok || n < 0 || n > int64(len(data)-pos) {
		return nil, malformed(pos, "stream /Length is missing or runs past the end of the file")
	}
	return &Stream{Dict: d, Offset: pos, Length: int(n)}, nil
}

// Raw returns the stream's encoded data.
func (r *Revision) Raw(s *Stream) []byte { return r.f.data[s.Offset : s.Offset+s.Length] }

// Decode returns the stream's data decoded, at most limit bytes: more is
// ErrTooLarge, found without decoding further. Only FlateDecode (up to
// MaxFilters times) without parameters is supported.
func (r *Revision) Decode(s *Stream, limit int) (_ []byte, err error) {
	defer catch(&err)
	fo, err := r.Get(s.Dict, "Filter")
	if err != nil {
		return nil, err
	}
	var filters []Object
	switch x := fo.(type) {
	case nil:
	case Name:
		filters = []Object{x}
	case Array:
		filters = x
	default:
		return nil, malformed(s.Offset, "bad /Filter")
	}
	if len(filters) > MaxFilters {
		return nil, unsupported("%d filters on one stream", len(filters))
	}
	if parms, err := r.Get(s.Dict, "DecodeParms"); err != nil || parms != nil {
		return nil, errors.Join(err, unsupported("stream decode parameters"))
	}
	if _, ext := s.Dict["F"]; ext {
		return nil, unsupported("external stream data")
	}
	var rd io.Reader = bytes.NewReader(r.Raw(s))
	for _, fl := range filters {
		fl, err := r.Resolve(fl)
		if err != nil {
			return nil, err
		}
		if fl != Name("FlateDecode") {
			return nil, unsupported("filter %v", fl)
		}
		zr, err := zlib.NewReader(rd)
		if err != nil {
			return nil, malformed(s.Offset, "FlateDecode: %v", err)
		}
		rd = zr
	}
	out, err := io.ReadAll(io.LimitReader(rd, int64(limit)+1))
	if len(out) > limit {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, limit)
	}
	if err != nil {
		return nil, malformed(s.Offset, "FlateDecode: %v", err)
	}
	return out, nil
}
