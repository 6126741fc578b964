package ledger

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"sort"
	"unicode/utf8"

	"golive/backend/apperr"
)

// maxDepth bounds the nesting of arrays and objects CanonicalJSON accepts.
const maxDepth = 512

// CanonicalJSON returns the canonical JSON encoding of v. A json.RawMessage or
// []byte is taken as JSON text and re-canonicalized; any other value is first
// encoded with encoding/json (HTML escaping off).
//
// The canonical form has object members sorted by key (byte-wise on the
// UTF-8 key), no insignificant whitespace, numbers exactly as written (1.0
// stays 1.0, 1e3 stays 1e3), and strings written with the minimal escaping
// described in the package documentation (no HTML escaping, non-ASCII kept
// as UTF-8). Invalid JSON, invalid UTF-8, duplicate object keys, trailing
// data and nesting deeper than 512 are rejected with code
// ledger.invalid_json.
func CanonicalJSON(v any) (json.RawMessage, error) {
	switch x := v.(type) {
	case json.RawMessage:
		return canonicalize(x, false)
	case []byte:
		return canonicalize(x, false)
	}
	buf := bytes.NewBuffer(make([]byte, 0, 256))
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, apperr.Wrap(err, CodeInvalidJSON)
	}
	// Often canonical already (encoding/json sorts map keys), and ours.
	return canonicalize(bytes.TrimSuffix(buf.Bytes(), []byte{'\n'}), true)
}

func invalidJSON(format string, args ...any) error {
	return apperr.New(CodeInvalidJSON).WithDetail(format, args...)
}

// canonicalize writes text in canonical form in work linear in its
// length, whatever its nesting: every byte is copied a bounded number of
// times. Input whose object keys are already sorted (canonical input, as
// every stored event's body) is written straight through; other input is
// first read into a tree whose members are then sorted and written once.
// (Sorting each object's already written members in place would copy a
// nested value once per enclosing object: 512 times for the deepest.)
// Text already canonical is returned as it is when it is the caller's own
// to give (own), and copied otherwise.
func canonicalize(text []byte, own bool) (json.RawMessage, error) {
	if !utf8.Valid(text) {
		return nil, invalidJSON("invalid UTF-8")
	}
	if isCanonical(text) {
		if own {
			return text, nil
		}
		return append(json.RawMessage(nil), text...), nil
	}
	return canonicalizeSlowly(text)
}

// canonicalizeSlowly is canonicalize's way for text (valid UTF-8) not
// known canonical: decode and write again.
func canonicalizeSlowly(text []byte) (json.RawMessage, error) {
	out, err := canonicalizeWith(text, func(dec *json.Decoder, tok json.Token, dst []byte) ([]byte, error) {
		return appendSorted(dst, dec, tok, 0)
	})
	if !errors.Is(err, errUnsorted) {
		return out, err
	}
	var tr tree
	return canonicalizeWith(text, func(dec *json.Decoder, tok json.Token, dst []byte) ([]byte, error) {
		root, err := tr.read(dec, tok, 0)
		if err != nil {
			return nil, err
		}
		return tr.appendNode(dst, root)
	})
}

// canonicalizeWith decodes the one JSON value of text with write, which
// appends its canonical form, and refuses trailing data.
func canonicalizeWith(text []byte, write func(*json.Decoder, json.Token, []byte) ([]byte, error)) (json.RawMessage, error) {
	dec := json.NewDecoder(bytes.NewReader(text))
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, invalidJSON("empty input")
		}
		return nil, apperr.Wrap(err, CodeInvalidJSON)
	}
	out, err := write(dec, tok, make([]byte, 0, len(text)))
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, invalidJSON("trailing data after JSON value")
	}
	return out, nil
}

// errUnsorted stops appendSorted at the first object whose keys are not in
// canonical order.
var errUnsorted = errors.New("object keys not sorted")

// appendScalar appends the canonical form of a token that is not a
// delimiter.
func appendScalar(dst []byte, tok json.Token) ([]byte, error) {
	switch v := tok.(type) {
	case string:
		return appendString(dst, v), nil
	case json.Number:
		return append(dst, v...), nil
	case bool:
		if v {
			return append(dst, "true"...), nil
		}
		return append(dst, "false"...), nil
	case nil:
		return append(dst, "null"...), nil
	default:
		return nil, invalidJSON("unexpected token %T", tok)
	}
}

// appendSorted appends the value that starts with tok, as long as every
// object's keys come in strictly increasing order (errUnsorted otherwise;
// a key given twice in a row is refused as a duplicate).
func appendSorted(dst []byte, dec *json.Decoder, tok json.Token, depth int) ([]byte, error) {
	d, ok := tok.(json.Delim)
	if !ok {
		return appendScalar(dst, tok)
	}
	if depth >= maxDepth {
		return nil, invalidJSON("nesting deeper than %d", maxDepth)
	}
	switch d {
	case '[':
		dst = append(dst, '[')
		for i := 0; ; i++ {
			t, err := dec.Token()
			if err != nil {
				return nil, wrapSyntax(err)
			}
			if t == json.Delim(']') {
				return append(dst, ']'), nil
			}
			if i > 0 {
				dst = append(dst, ',')
			}
			if dst, err = appendSorted(dst, dec, t, depth+1); err != nil {
				return nil, err
			}
		}
	case '{':
		dst = append(dst, '{')
		prev := ""
		for i := 0; ; i++ {
			t, err := dec.Token()
			if err != nil {
				return nil, wrapSyntax(err)
			}
			if t == json.Delim('}') {
				return append(dst, '}'), nil
			}
			key, ok := t.(string)
			if !ok {
				return nil, invalidJSON("object key is not a string")
			}
			if i > 0 {
				if key == prev {
					return nil, invalidJSON("duplicate object key %q", key)
				}
				if key < prev {
					return nil, errUnsorted
				}
				dst = append(dst, ',')
			}
			prev = key
			dst = appendString(dst, key)
			dst = append(dst, ':')
			vt, err := dec.Token()
			if err != nil {
				return nil, wrapSyntax(err)
			}
			if dst, err = appendSorted(dst, dec, vt, depth+1); err != nil {
				return nil, err
			}
		}
	default:
		return nil, invalidJSON("unexpected %q", rune(d))
	}
}

// tree holds a JSON value read whole: the canonical bytes of its scalars
// in one buffer, and a node per value.
type tree struct {
	scalars []byte
	nodes   []node
}

// node is one value of a tree: a scalar (the span lo:hi of scalars), an
// array or an object (kids, with keys for an object's members).
type node struct {
	kind   byte // 's', '[' or '{'
	lo, hi int
	keys   []string
	kids   []int
}

// read reads the value that starts with tok and returns its node's index.
func (tr *tree) read(dec *json.Decoder, tok json.Token, depth int) (int, error) {
	d, ok := tok.(json.Delim)
	if !ok {
		lo := len(tr.scalars)
		b, err := appendScalar(tr.scalars, tok)
		if err != nil {
			return 0, err
		}
		tr.scalars = b
		tr.nodes = append(tr.nodes, node{kind: 's', lo: lo, hi: len(b)})
		return len(tr.nodes) - 1, nil
	}
	if depth >= maxDepth {
		return 0, invalidJSON("nesting deeper than %d", maxDepth)
	}
	if d != '[' && d != '{' {
		return 0, invalidJSON("unexpected %q", rune(d))
	}
	var keys []string
	var kids []int
	for {
		t, err := dec.Token()
		if err != nil {
			return 0, wrapSyntax(err)
		}
		if t == json.Delim(']') || t == json.Delim('}') {
			break
		}
		if d == '{' {
			key, ok := t.(string)
			if !ok {
				return 0, invalidJSON("object key is not a string")
			}
			keys = append(keys, key)
			if t, err = dec.Token(); err != nil {
				return 0, wrapSyntax(err)
			}
		}
		k, err := tr.read(dec, t, depth+1)
		if err != nil {
			return 0, err
		}
		kids = append(kids, k)
	}
	if d == '{' {
		// Sort the members by key, keeping keys and kids together.
		idx := make([]int, len(keys))
		for i := range idx {
			idx[i] = i
		}
		sort.Slice(idx, func(a, b int) bool { return keys[idx[a]] < keys[idx[b]] })
		sk, sn := make([]string, len(keys)), make([]int, len(kids))
		for i, j := range idx {
			sk[i], sn[i] = keys[j], kids[j]
			if i > 0 && sk[i-1] == sk[i] {
				return 0, invalidJSON("duplicate object key %q", sk[i])
			}
		}
		keys, kids = sk, sn
	}
	tr.nodes = append(tr.nodes, node{kind: byte(d), keys: keys, kids: kids})
	return len(tr.nodes) - 1, nil
}

// appendNode appends node n's canonical form.
func (tr *tree) appendNode(dst []byte, n int) ([]byte, error) {
	nd := &tr.nodes[n]
	if nd.kind == 's' {
		return append(dst, tr.scalars[nd.lo:nd.hi]...), nil
	}
	dst = append(dst, nd.kind)
	for i, k := range nd.kids {
		if i > 0 {
			dst = append(dst, ',')
		}
		if nd.kind == '{' {
			dst = appendString(dst, nd.keys[i])
			dst = append(dst, ':')
		}
		var err error
		if dst, err = tr.appendNode(dst, k); err != nil {
			return nil, err
		}
	}
	if nd.kind == '{' {
		return append(dst, '}'), nil
	}
	return append(dst, ']'), nil
}

func wrapSyntax(err error) error {
	if errors.Is(err, io.EOF) {
		return invalidJSON("unexpected end of JSON input")
	}
	return apperr.Wrap(err, CodeInvalidJSON)
}

const hexDigits = "0123456789abcdef"

// appendString writes s (valid UTF-8) as a JSON string: '"' and '\' are
// escaped as \" and \\, U+0008, U+0009, U+000A, U+000C, U+000D as \b \t \n \f
// \r, other bytes below 0x20 as \u00xx (lowercase hex); every other byte is
// written as is.
func appendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		dst = append(dst, s[start:i]...)
		switch c {
		case '"', '\\':
			dst = append(dst, '\\', c)
		case '\b':
			dst = append(dst, '\\', 'b')
		case '\t':
			dst = append(dst, '\\', 't')
		case '\n':
			dst = append(dst, '\\', 'n')
		case '\f':
			dst = append(dst, '\\', 'f')
		case '\r':
			dst = append(dst, '\\', 'r')
		default:
			dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
		}
		start = i + 1
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// isCanonical reports whether text (valid UTF-8) is one JSON value already
// in canonical form, in one pass without decoding it: the form every
// stored event's body has and encoding/json's output of a map usually
// has. It answers false for some canonical text it does not judge (an
// object key with an escape, nesting near the limit); canonicalize then
// takes its ordinary way, which also gives the errors.
func isCanonical(text []byte) bool {
	n, ok := scanValue(text, 0, 0)
	return ok && n == len(text)
}

// scanValue returns where the canonical value at text[i:] ends.
func scanValue(b []byte, i, depth int) (int, bool) {
	if i >= len(b) {
		return 0, false
	}
	switch c := b[i]; c {
	case '"':
		end, _, ok := scanString(b, i)
		return end, ok
	case '{', '[':
		if depth+1 >= maxDepth {
			return 0, false
		}
		closer := byte('}')
		if c == '[' {
			closer = ']'
		}
		i++
		if i < len(b) && b[i] == closer {
			return i + 1, true
		}
		var prev []byte
		for first := true; ; first = false {
			if c == '{' {
				end, escaped, ok := scanString(b, i)
				if !ok || escaped || end >= len(b) || b[end] != ':' {
					return 0, false
				}
				key := b[i+1 : end-1]
				if !first && bytes.Compare(prev, key) >= 0 {
					return 0, false
				}
				prev, i = key, end+1
			}
			var ok bool
			if i, ok = scanValue(b, i, depth+1); !ok || i >= len(b) {
				return 0, false
			}
			switch b[i] {
			case closer:
				return i + 1, true
			case ',':
				i++
			default:
				return 0, false
			}
		}
	case 't':
		return scanLiteral(b, i, "true")
	case 'f':
		return scanLiteral(b, i, "false")
	case 'n':
		return scanLiteral(b, i, "null")
	default:
		return scanNumber(b, i)
	}
}

func scanLiteral(b []byte, i int, lit string) (int, bool) {
	if len(b)-i < len(lit) || string(b[i:i+len(lit)]) != lit {
		return 0, false
	}
	return i + len(lit), true
}

// scanString returns where the string at b[i] (a '"') ends and whether it
// holds an escape; ok only when it is written as appendString writes it.
func scanString(b []byte, i int) (end int, escaped, ok bool) {
	if i >= len(b) || b[i] != '"' {
		return 0, false, false
	}
	for j := i + 1; j < len(b); {
		switch c := b[j]; {
		case c == '"':
			return j + 1, escaped, true
		case c < 0x20:
			return 0, false, false
		case c == '\\':
			escaped = true
			if j+1 >= len(b) {
				return 0, false, false
			}
			switch b[j+1] {
			case '"', '\\', 'b', 't', 'n', 'f', 'r':
				j += 2
			case 'u':
				// Only \u00xx, lowercase, for a control character
				// without a short form.
				if j+6 > len(b) || b[j+2] != '0' || b[j+3] != '0' {
					return 0, false, false
				}
				hi, lo := b[j+4], b[j+5]
				if hi != '0' && hi != '1' || !(lo >= '0' && lo <= '9' || lo >= 'a' && lo <= 'f') {
					return 0, false, false
				}
				switch v := (hi-'0')<<4 | hexValue(lo); v {
				case '\b', '\t', '\n', '\f', '\r':
					return 0, false, false
				}
				j += 6
			default:
				return 0, false, false
			}
		default:
			j++
		}
	}
	return 0, false, false
}

func hexValue(c byte) byte {
	if c <= '9' {
		return c - '0'
	}
	return c - 'a' + 10
}

// scanNumber returns where the JSON number at b[i] ends.
func scanNumber(b []byte, i int) (int, bool) {
	digits := func(j int) int {
		for j < len(b) && b[j] >= '0' && b[j] <= '9' {
			j++
		}
		return j
	}
	j := i
	if j < len(b) && b[j] == '-' {
		j++
	}
	switch {
	case j < len(b) && b[j] == '0':
		j++
	case j < len(b) && b[j] >= '1' && b[j] <= '9':
		j = digits(j + 1)
	default:
		return 0, false
	}
	if j < len(b) && b[j] == '.' {
		k := digits(j + 1)
		if k == j+1 {
			return 0, false
		}
		j = k
	}
	if j < len(b) && (b[j] == 'e' || b[j] == 'E') {
		j++
		if j < len(b) && (b[j] == '+' || b[j] == '-') {
			j++
		}
		k := digits(j)
		if k == j {
			return 0, false
		}
		j = k
	}
	return j, true
}
