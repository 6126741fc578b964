// Package pdfobj reads the structure of the PDF files GoLive writes — a
// gofpdf document plus the incremental update that signs it — with every
// cost bounded, so that a hostile file cannot make a verifier spend more
// than a known amount of memory or time.
//
// Parse reads the file from its end: the last %%EOF, the startxref before
// it and the chain of classic cross-reference tables (xref … trailer,
// linked by /Prev), one Revision per table, newest first. A Revision
// resolves indirect objects as that revision of the file defines them and
// decodes streams (no filter or FlateDecode only) into at most a given
// number of bytes. Strings keep their position in the file, which the
// signature check needs (the signed byte range must leave out exactly the
// signature's /Contents string). Pages extracts the text a page shows,
// through each font's ToUnicode map.
//
// What GoLive never writes is refused rather than half-read: cross-reference
// streams and object streams, encryption, filters other than FlateDecode,
// predictors, duplicate keys in a dictionary, nesting deeper than MaxDepth.
// Errors are ErrMalformed, ErrUnsupported or ErrTooLarge, wrapped with a
// description of the place.
package pdfobj

import (
	"errors"
	"fmt"
	"unicode/utf16"
)

// Sentinel errors. Every error of this package wraps one of them.
var (
	// ErrMalformed is returned when the file breaks the PDF syntax.
	ErrMalformed = errors.New("malformed PDF")
	// ErrUnsupported is returned for a PDF feature GoLive does not write
	// (cross-reference streams, encryption, other filters, XObjects in a
	// page, Type3 fonts …).
	ErrUnsupported = errors.New("PDF feature not supported")
	// ErrTooLarge is returned when decoding a stream would exceed the
	// limit the caller set.
	ErrTooLarge = errors.New("PDF stream larger than allowed")
)

// Limits on the structure, whatever the caller's limits on stream sizes.
const (
	// MaxDepth bounds the nesting of arrays and dictionaries, of page
	// trees and of references to references.
	MaxDepth = 32
	// MaxObjects bounds the object numbers, and the entries of all the
	// cross-reference tables together (a GoLive PDF has about forty).
	MaxObjects = 1 << 18
	// MaxArray and MaxDict bound the elements of one array and the keys
	// of one dictionary.
	MaxArray, MaxDict = 1 << 16, 1 << 12
	// MaxOperands bounds the operands before one content-stream operator.
	MaxOperands = 64
	// MaxRevisions bounds the chain of cross-reference tables.
	MaxRevisions = 64
	// MaxPages bounds the pages Pages reads.
	MaxPages = 10000
	// MaxFilters bounds the filters applied to one stream.
	MaxFilters = 4
)

func malformed(at int, format string, args ...any) error {
	return fmt.Errorf("%w at byte %d: %s", ErrMalformed, at, fmt.Sprintf(format, args...))
}

func unsupported(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrUnsupported, fmt.Sprintf(format, args...))
}

// catch turns a panic into ErrMalformed in *err: a reader of hostile files
// must not crash on a bug of its own. Every exported entry point defers it.
func catch(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("%w: internal error: %v", ErrMalformed, r)
	}
}

// Object is a PDF object: nil (null), bool, int64, float64, Name, String,
// Array, Dict, Ref or *Stream.
type Object any

// Name is a PDF name, without its slash and with #xx escapes decoded.
type Name string

// String is a PDF string with its place in the file.
type String struct {
	// Bytes are the decoded bytes.
	Bytes []byte
	// Start and End delimit the string as written, from its opening '('
	// or '<' to just after its closing ')' or '>'.
	Start, End int
	// Hex is true for a string written <…>.
	Hex bool
}

// Text decodes s as a PDF text string: UTF-16BE after a byte order mark,
// else PDFDocEncoding, read here as Latin-1 (the two agree on the
// printable ASCII GoLive writes).
func (s String) Text() string {
	b := s.Bytes
	if len(b) >= 2 && b[0] == 0xFE && b[1] == 0xFF {
		u := make([]uint16, 0, len(b)/2)
		for i := 2; i+1 < len(b); i += 2 {
			u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
		}
		return string(utf16.Decode(u))
	}
	r := make([]rune, len(b))
	for i, c := range b {
		r[i] = rune(c)
	}
	return string(r)
}

// Array is a PDF array.
type Array []Object

// Dict is a PDF dictionary.
type Dict map[Name]Object

// Ref is an indirect reference, "12 0 R".
type Ref struct {
	// Num and Gen are the object and generation numbers.
	Num, Gen int
}

// Stream is a stream object: its dictionary and where its data lies.
type Stream struct {
	// Dict is the stream's dictionary.
	Dict Dict
	// Offset and Length locate the encoded data in the file.
	Offset, Length int
}

// Int returns o as an integer.
func Int(o Object) (int64, bool) {
	i, ok := o.(int64)
	return i, ok
}
