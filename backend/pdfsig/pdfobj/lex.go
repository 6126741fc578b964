package pdfobj

import (
	"bytes"
	"strconv"
)

// kind is the kind of a token.
type kind int

const (
	tEOF kind = iota
	tInt
	tReal
	tName
	tString
	tKeyword
	tDictOpen
	tDictClose
	tArrayOpen
	tArrayClose
)

// token is one lexical token and where it lies in the input.
type token struct {
	kind       kind
	start, end int
	i          int64
	f          float64
	s          []byte // a name, a string's bytes or a keyword
	hex        bool   // a string written <…>
}

// lexer splits PDF syntax (PDF 32000-1 §7.2) into tokens.
type lexer struct {
	b   []byte
	pos int
}

func isSpace(c byte) bool {
	return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' '
}

func isDelim(c byte) bool {
	return bytes.IndexByte([]byte("()<>[]{}/%"), c) >= 0
}

// skip passes whitespace and comments.
func (l *lexer) skip() {
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		switch {
		case isSpace(c):
			l.pos++
		case c == '%':
			for l.pos < len(l.b) && l.b[l.pos] != '\n' && l.b[l.pos] != '\r' {
				l.pos++
			}
		default:
			return
		}
	}
}

// next returns the next token; a malformed one is ErrMalformed.
func (l *lexer) next() (token, error) {
	l.skip()
	t := token{start: l.pos}
	if l.pos >= len(l.b) {
		t.kind, t.end = tEOF, l.pos
		return t, nil
	}
	c := l.b[l.pos]
	var err error
	switch {
	case c == '<' && l.pos+1 < len(l.b) && l.b[l.pos+1] == '<':
		t.kind, l.pos = tDictOpen, l.pos+2
	case c == '>' && l.pos+1 < len(l.b) && l.b[l.pos+1] == '>':
		t.kind, l.pos = tDictClose, l.pos+2
	case c == '[':
		t.kind, l.pos = tArrayOpen, l.pos+1
	case c == ']':
		t.kind, l.pos = tArrayClose, l.pos+1
	case c == '<':
		t.kind, t.hex = tString, true
		t.s, err = l.hexString()
	case c == '(':
		t.kind = tString
		t.s, err = l.literal()
	case c == '/':
		t.kind = tName
		t.s, err = l.name()
	case c == '{' || c == '}':
		// PostScript procedures appear in no content GoLive reads.
		t.kind, t.s, l.pos = tKeyword, []byte{c}, l.pos+1
	case isDelim(c):
		return t, malformed(l.pos, "unexpected %q", c)
	default:
		word := l.word()
		t.s = word
		if n, ok := number(word); ok {
			t.kind, t.f = tReal, n
			if i, err := strconv.ParseInt(string(word), 10, 64); err == nil {
				t.kind, t.i = tInt, i
			}
		} else {
			t.kind = tKeyword
		}
	}
	t.end = l.pos
	return t, err
}

// word reads a run of regular characters.
func (l *lexer) word() []byte {
	start := l.pos
	for l.pos < len(l.b) && !isSpace(l.b[l.pos]) && !isDelim(l.b[l.pos]) {
		l.pos++
	}
	return l.b[start:l.pos]
}

// number reports whether w is a PDF number and its value.
func number(w []byte) (float64, bool) {
	if len(w) == 0 || len(w) > 32 {
		return 0, false
	}
	digits := 0
	for i, c := range w {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case (c == '+' || c == '-') && i == 0, c == '.':
		default:
			return 0, false
		}
	}
	if digits == 0 || bytes.Count(w, []byte(".")) > 1 {
		return 0, false
	}
	s := string(w)
	if s[len(s)-1] == '.' {
		s += "0"
	}
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil
}

func (l *lexer) name() ([]byte, error) {
	l.pos++ // '/'
	raw := l.word()
	if bytes.IndexByte(raw, '#') < 0 {
		return raw, nil
	}
	out := make([]byte, 0, len(raw))
	for i := 0; i < len(raw); i++ {
		if raw[i] != '#' {
			out = append(out, raw[i])
			continue
		}
		if i+2 >= len(raw) {
			return nil, malformed(l.pos, "bad name escape")
		}
		hi, lo := unhex(raw[i+1]), unhex(raw[i+2])
		if hi < 0 || lo < 0 {
			return nil, malformed(l.pos, "bad name escape")
		}
		out = append(out, byte(hi<<4|lo))
		i += 2
	}
	return out, nil
}

func unhex(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

func (l *lexer) hexString() ([]byte, error) {
	l.pos++ // '<'
	var out []byte
	half := -1
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		switch {
		case c == '>':
			if half >= 0 {
				out = append(out, byte(half<<4))
			}
			return out, nil
		case isSpace(c):
		default:
			v := unhex(c)
			if v < 0 {
				return nil, malformed(l.pos-1, "bad hex digit %q", c)
			}
			if half < 0 {
				half = v
			} else {
				out = append(out, byte(half<<4|v))
				half = -1
			}
		}
	}
	return nil, malformed(l.pos, "unterminated hex string")
}

func (l *lexer) literal() ([]byte, error) {
	l.pos++ // '('
	var out []byte
	depth := 1
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return out, nil
			}
		case '\r':
			// An end of line in a string reads as \n (§7.3.4.2).
			if l.pos < len(l.b) && l.b[l.pos] == '\n' {
				l.pos++
			}
			c = '\n'
		case '\\':
			if l.pos >= len(l.b) {
				return nil, malformed(l.pos, "unterminated string")
			}
			e := l.b[l.pos]
			l.pos++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r':
				if l.pos < len(l.b) && l.b[l.pos] == '\n' {
					l.pos++
				}
				continue
			case '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && l.pos < len(l.b) && l.b[l.pos] >= '0' && l.b[l.pos] <= '7'; k++ {
						v = v*8 + int(l.b[l.pos]-'0')
						l.pos++
					}
					c = byte(v)
				} else {
					c = e // \( \) \\ and any other escaped character
				}
			}
		}
		out = append(out, c)
	}
	return nil, malformed(l.pos, "unterminated string")
}
