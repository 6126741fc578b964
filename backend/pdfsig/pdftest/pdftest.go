// Package pdftest builds the altered PDFs that the tests of pdfsig,
// verify and documents check: incremental updates appended to a real
// export, objects written back, deflate bombs. It is for tests only; the
// application never imports it.
package pdftest

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"sort"
	"strconv"

	"golive/backend/pdfsig/pdfobj"
)

// Write serialises o as PDF syntax. Strings are written in hex.
func Write(o pdfobj.Object) []byte {
	var b bytes.Buffer
	write(&b, o)
	return b.Bytes()
}

func write(b *bytes.Buffer, o pdfobj.Object) {
	switch x := o.(type) {
	case nil:
		b.WriteString("null")
	case bool:
		b.WriteString(strconv.FormatBool(x))
	case int:
		b.WriteString(strconv.Itoa(x))
	case int64:
		b.WriteString(strconv.FormatInt(x, 10))
	case float64:
		b.WriteString(strconv.FormatFloat(x, 'f', -1, 64))
	case pdfobj.Name:
		b.WriteString("/" + string(x))
	case string:
		b.WriteString("<" + hex.EncodeToString([]byte(x)) + ">")
	case pdfobj.String:
		b.WriteString("<" + hex.EncodeToString(x.Bytes) + ">")
	case pdfobj.Ref:
		fmt.Fprintf(b, "%d %d R", x.Num, x.Gen)
	case pdfobj.Array:
		b.WriteString("[")
		for i, e := range x {
			if i > 0 {
				b.WriteString(" ")
			}
			write(b, e)
		}
		b.WriteString("]")
	case pdfobj.Dict:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, string(k))
		}
		sort.Strings(keys)
		b.WriteString("<<")
		for _, k := range keys {
			b.WriteString("/" + k + " ")
			write(b, x[pdfobj.Name(k)])
			b.WriteString(" ")
		}
		b.WriteString(">>")
	default:
		panic(fmt.Sprintf("pdftest: cannot write %T", o))
	}
}

// Stream returns the body of a stream object: dict with /Length set, then
// data.
func Stream(dict pdfobj.Dict, data []byte) []byte {
	d := pdfobj.Dict{}
	for k, v := range dict {
		d[k] = v
	}
	d["Length"] = len(data)
	out := append(Write(d), "\nstream\n"...)
	out = append(out, data...)
	return append(out, "\nendstream"...)
}

// Deflate compresses b as a FlateDecode stream holds it (zlib).
func Deflate(b []byte) []byte {
	var buf bytes.Buffer
	w, _ := zlib.NewWriterLevel(&buf, zlib.BestCompression)
	_, _ = w.Write(b)
	_ = w.Close()
	return buf.Bytes()
}

// ZeroBomb returns a zlib stream that inflates to n zero bytes (n is
// rounded up to whole MiB) while taking about a thousandth of that: the
// compressed form of one MiB of zeros, repeated. Building it costs a few
// milliseconds whatever n is.
func ZeroBomb(n int64) []byte {
	const chunk = 1 << 20
	var block bytes.Buffer
	w, _ := flate.NewWriter(&block, flate.BestCompression)
	_, _ = w.Write(make([]byte, chunk))
	_ = w.Flush() // byte-aligned, so the block can be repeated
	body := bytes.Clone(block.Bytes())
	block.Reset()
	_ = w.Close() // the final, empty block
	tail := block.Bytes()
	count := (n + chunk - 1) / chunk
	out := make([]byte, 0, 2+int(count)*len(body)+len(tail)+4)
	out = append(out, 0x78, 0xDA) // zlib header, best compression
	for i := int64(0); i < count; i++ {
		out = append(out, body...)
	}
	out = append(out, tail...)
	// Adler-32 of count MiB of zeros: a stays 1, b adds 1 per byte.
	total := count * chunk
	sum := uint32(total%65521)<<16 | 1
	return binary.BigEndian.AppendUint32(out, sum)
}

// Revision is the latest revision of doc, parsed.
func Revision(doc []byte) (*pdfobj.Revision, error) {
	f, err := pdfobj.Parse(doc)
	if err != nil {
		return nil, err
	}
	return f.Latest(), nil
}

// NextObject returns the first object number doc's latest trailer leaves
// free (its /Size).
func NextObject(doc []byte) (int, error) {
	rev, err := Revision(doc)
	if err != nil {
		return 0, err
	}
	n, ok := pdfobj.Int(rev.Trailer["Size"])
	if !ok {
		return 0, fmt.Errorf("pdftest: trailer without /Size")
	}
	return int(n), nil
}

// Update appends an incremental update to doc that defines objects
// (number → body, without "N 0 obj" and "endobj"), as PDF editors do: a
// cross-reference table for them and a trailer whose /Prev is doc's
// last table. The trailer keeps doc's /Root and /Info.
func Update(doc []byte, objects map[int][]byte) ([]byte, error) {
	rev, err := Revision(doc)
	if err != nil {
		return nil, err
	}
	size, _ := pdfobj.Int(rev.Trailer["Size"])
	nums := make([]int, 0, len(objects))
	for n := range objects {
		nums = append(nums, n)
		size = max(size, int64(n+1))
	}
	sort.Ints(nums)
	out := bytes.Clone(doc)
	if !bytes.HasSuffix(out, []byte("\n")) {
		out = append(out, '\n')
	}
	offsets := map[int]int{}
	for _, n := range nums {
		offsets[n] = len(out)
		out = fmt.Appendf(out, "%d 0 obj\n", n)
		out = append(out, objects[n]...)
		out = append(out, "\nendobj\n"...)
	}
	xref := len(out)
	out = append(out, "xref\n"...)
	for _, n := range nums {
		out = fmt.Appendf(out, "%d 1\n%010d 00000 n \n", n, offsets[n])
	}
	trailer := pdfobj.Dict{"Size": size, "Root": rev.Trailer["Root"], "Prev": rev.Xref}
	if info, ok := rev.Trailer["Info"]; ok {
		trailer["Info"] = info
	}
	out = append(out, "trailer\n"...)
	out = append(out, Write(trailer)...)
	out = fmt.Appendf(out, "\nstartxref\n%d\n%%%%EOF\n", xref)
	return out, nil
}

// Page returns the reference and dictionary of page i (from 0) of doc,
// for a tree of one level as gofpdf writes it.
func Page(doc []byte, i int) (pdfobj.Ref, pdfobj.Dict, error) {
	rev, err := Revision(doc)
	if err != nil {
		return pdfobj.Ref{}, nil, err
	}
	root, err := rev.GetDict(rev.Trailer, "Root")
	if err != nil {
		return pdfobj.Ref{}, nil, err
	}
	pages, err := rev.GetDict(root, "Pages")
	if err != nil {
		return pdfobj.Ref{}, nil, err
	}
	kids, _ := pages["Kids"].(pdfobj.Array)
	if i >= len(kids) {
		return pdfobj.Ref{}, nil, fmt.Errorf("pdftest: no page %d", i)
	}
	ref, _ := kids[i].(pdfobj.Ref)
	o, err := rev.Resolve(ref)
	if err != nil {
		return pdfobj.Ref{}, nil, err
	}
	page, _ := o.(pdfobj.Dict)
	return ref, page, nil
}

// EmbeddedFiles returns the references of the embedded file streams of
// doc by file name.
func EmbeddedFiles(doc []byte) (map[string]pdfobj.Ref, error) {
	rev, err := Revision(doc)
	if err != nil {
		return nil, err
	}
	specs, err := rev.EmbeddedFileSpecs()
	if err != nil {
		return nil, err
	}
	out := map[string]pdfobj.Ref{}
	for _, sd := range specs {
		efd, _ := sd["EF"].(pdfobj.Dict)
		ref, _ := efd["F"].(pdfobj.Ref)
		name, _ := sd["UF"].(pdfobj.String)
		out[name.Text()] = ref
	}
	return out, nil
}

// RawObject returns the body of object ref in doc as written (for a
// stream, its dictionary and data), to copy it into another file.
func RawObject(doc []byte, ref pdfobj.Ref) ([]byte, error) {
	rev, err := Revision(doc)
	if err != nil {
		return nil, err
	}
	o, err := rev.Resolve(ref)
	if err != nil {
		return nil, err
	}
	if s, ok := o.(*pdfobj.Stream); ok {
		return Stream(s.Dict, rev.Raw(s)), nil
	}
	return Write(o), nil
}

// FakeByteRange is a /ByteRange claiming that the whole file is signed,
// with a placeholder for the file's length that SetLength fills in: the
// text a forger leaves in an incremental update to fool a verifier that
// reads the last /ByteRange of the file.
const FakeByteRange = "/ByteRange [0 0 0 ##########]"

// SetLength writes len(doc) into the placeholder of every FakeByteRange
// in doc (the length does not change).
func SetLength(doc []byte) []byte {
	n := fmt.Appendf(nil, "%010d", len(doc))
	return bytes.ReplaceAll(doc, []byte("##########"), n)
}

// Overlay appends an incremental update that draws content over page i
// (a new content stream after the page's own) and adds annots (the
// bodies of annotation dictionaries, as written) to it.
func Overlay(doc []byte, i int, content []byte, annots ...[]byte) ([]byte, error) {
	ref, page, err := Page(doc, i)
	if err != nil {
		return nil, err
	}
	next, err := NextObject(doc)
	if err != nil {
		return nil, err
	}
	objects := map[int][]byte{next: Stream(pdfobj.Dict{}, content)}
	np := pdfobj.Dict{}
	for k, v := range page {
		np[k] = v
	}
	switch c := page["Contents"].(type) {
	case pdfobj.Array:
		np["Contents"] = append(append(pdfobj.Array{}, c...), pdfobj.Ref{Num: next})
	default:
		np["Contents"] = pdfobj.Array{c, pdfobj.Ref{Num: next}}
	}
	var refs pdfobj.Array
	for k, a := range annots {
		objects[next+1+k] = a
		refs = append(refs, pdfobj.Ref{Num: next + 1 + k})
	}
	if len(refs) > 0 {
		np["Annots"] = refs
	}
	objects[ref.Num] = Write(np)
	return Update(doc, objects)
}

// FontOf returns the resource name of a font of page i of doc whose
// /BaseFont contains base, and whether it is a Type0 (two-byte) font.
func FontOf(doc []byte, i int, base string) (pdfobj.Name, bool, error) {
	rev, err := Revision(doc)
	if err != nil {
		return "", false, err
	}
	_, page, err := Page(doc, i)
	if err != nil {
		return "", false, err
	}
	res, err := rev.GetDict(page, "Resources")
	if err != nil {
		return "", false, err
	}
	fonts, err := rev.GetDict(res, "Font")
	if err != nil {
		return "", false, err
	}
	for name := range fonts {
		f, err := rev.GetDict(fonts, name)
		if err != nil {
			return "", false, err
		}
		if bf, _ := f["BaseFont"].(pdfobj.Name); bytes.Contains([]byte(bf), []byte(base)) {
			return name, f["Subtype"] == pdfobj.Name("Type0"), nil
		}
	}
	return "", false, fmt.Errorf("pdftest: page %d has no font %s", i, base)
}

// PaintOver returns content that covers the rectangle at (x, y), w by h
// points, with white and writes text on it in black, in font at size
// (twoByte for a Type0 font with Identity-H, as gofpdf embeds TrueType
// fonts).
func PaintOver(x, y, w, h float64, font pdfobj.Name, twoByte bool, size float64, text string) []byte {
	var s []byte
	if twoByte {
		for _, r := range text {
			s = append(s, byte(r>>8), byte(r))
		}
	} else {
		s = []byte(text)
	}
	return fmt.Appendf(nil, "q 1 g %.2f %.2f %.2f %.2f re f 0 g BT /%s %.2f Tf %.2f %.2f Td <%x> Tj ET Q\n",
		x, y, w, h, font, size, x+1.5, y+3, s)
}
