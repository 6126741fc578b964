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
	var text []byte
	switch x := v.(type) {
	case json.RawMessage:
		text = x
	case []byte:
		text = x
	default:
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			return nil, apperr.Wrap(err, CodeInvalidJSON)
		}
		text = buf.Bytes()
	}
	return canonicalize(text)
}

func invalidJSON(format string, args ...any) error {
	return apperr.New(CodeInvalidJSON).WithDetail(format, args...)
}

func canonicalize(text []byte) (json.RawMessage, error) {
	if !utf8.Valid(text) {
		return nil, invalidJSON("invalid UTF-8")
	}
	dec := json.NewDecoder(bytes.NewReader(text))
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, invalidJSON("empty input")
		}
		return nil, apperr.Wrap(err, CodeInvalidJSON)
	}
	out, err := appendCanonValue(make([]byte, 0, len(text)), dec, tok, 0)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, invalidJSON("trailing data after JSON value")
	}
	return out, nil
}

type member struct {
	key string
	val []byte
}

func appendCanonValue(dst []byte, dec *json.Decoder, tok json.Token, depth int) ([]byte, error) {
	switch v := tok.(type) {
	case json.Delim:
		if depth >= maxDepth {
			return nil, invalidJSON("nesting deeper than %d", maxDepth)
		}
		switch v {
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
				if dst, err = appendCanonValue(dst, dec, t, depth+1); err != nil {
					return nil, err
				}
			}
		case '{':
			var ms []member
			for {
				t, err := dec.Token()
				if err != nil {
					return nil, wrapSyntax(err)
				}
				if t == json.Delim('}') {
					break
				}
				key, ok := t.(string)
				if !ok {
					return nil, invalidJSON("object key is not a string")
				}
				vt, err := dec.Token()
				if err != nil {
					return nil, wrapSyntax(err)
				}
				val, err := appendCanonValue(nil, dec, vt, depth+1)
				if err != nil {
					return nil, err
				}
				ms = append(ms, member{key, val})
			}
			sort.Slice(ms, func(i, j int) bool { return ms[i].key < ms[j].key })
			dst = append(dst, '{')
			for i, m := range ms {
				if i > 0 {
					if ms[i-1].key == m.key {
						return nil, invalidJSON("duplicate object key %q", m.key)
					}
					dst = append(dst, ',')
				}
				dst = appendString(dst, m.key)
				dst = append(dst, ':')
				dst = append(dst, m.val...)
			}
			return append(dst, '}'), nil
		default:
			return nil, invalidJSON("unexpected %q", rune(v))
		}
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
