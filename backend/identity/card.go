package identity

import (
	"bytes"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // Parse checks zone names wherever it runs, with or without the host's zone database
	"unicode"
	"unicode/utf8"

	"golive/backend/apperr"
	"golive/backend/keys"
	"golive/backend/ledger"
)

// Format is the value of a card's "format" member.
const Format = "golive-identity/1"

// SignedPrefix starts the bytes a card's signature covers, so that a card
// signature can never pass for an event's or a document's.
const SignedPrefix = "GoLive identity card v1\n"

// FileExt is the extension of a card file.
const FileExt = ".golive-id"

// The lines around the text block.
const (
	BeginLine = "-----BEGIN GOLIVE IDENTITY-----"
	EndLine   = "-----END GOLIVE IDENTITY-----"
)

// MaxSize bounds the input Parse reads, in bytes: a card is well under
// 2 KiB in either form.
const MaxSize = 64 << 10

// Bounds on the text members, in characters.
const (
	// MaxName bounds the name, as for a profile.
	MaxName = 64
	// MaxUnit bounds the department, sub-department and title.
	MaxUnit = 128
)

// Card is an identity card. Its members are exactly those of the file.
type Card struct {
	// Format is always Format.
	Format string `json:"format"`
	// Name is the person's name.
	Name string `json:"name"`
	// Department is the person's department.
	Department string `json:"department"`
	// SubDepartment is the sub-department within Department, or "".
	SubDepartment string `json:"sub_department"`
	// Title is the person's job title, or "".
	Title string `json:"title"`
	// PublicKey is the Ed25519 public key in lowercase hex.
	PublicKey string `json:"public_key"`
	// Fingerprint is keys.Fingerprint of the public key.
	Fingerprint string `json:"fingerprint"`
	// CreatedAt is when the card was made, with the offset of Zone.
	CreatedAt time.Time `json:"created_at"`
	// Zone is the IANA name of the zone CreatedAt was written in.
	Zone string `json:"zone"`
	// Signature is the Ed25519 signature in lowercase hex.
	Signature string `json:"signature"`
}

// Person is what a card says about its maker.
type Person struct {
	// Name is required.
	Name string
	// Department is required.
	Department string
	// SubDepartment is optional.
	SubDepartment string
	// Title is optional.
	Title string
}

// Make returns the card of who, signed by key, made at the instant at in
// its location (whose name must be an IANA zone, e.g. Asia/Shanghai). The
// time is kept to the second. It refuses what Parse would refuse, with
// the same codes.
func Make(who Person, key ed25519.PrivateKey, at time.Time) (Card, error) {
	if len(key) != ed25519.PrivateKeySize {
		return Card{}, apperr.New("identity.bad_public_key").WithDetail("the signing key has %d bytes", len(key))
	}
	pub := key.Public().(ed25519.PublicKey)
	c := Card{
		Format:        Format,
		Name:          strings.TrimSpace(who.Name),
		Department:    strings.TrimSpace(who.Department),
		SubDepartment: strings.TrimSpace(who.SubDepartment),
		Title:         strings.TrimSpace(who.Title),
		PublicKey:     hex.EncodeToString(pub),
		Fingerprint:   keys.Fingerprint(pub),
		CreatedAt:     at.Truncate(time.Second),
		Zone:          at.Location().String(),
	}
	if err := c.checkContent(); err != nil {
		return Card{}, err
	}
	msg, err := c.signedBytes()
	if err != nil {
		return Card{}, err
	}
	c.Signature = hex.EncodeToString(ed25519.Sign(key, msg))
	return c, nil
}

// File returns the card as its .golive-id file: indented JSON and a
// newline.
func (c Card) File() []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	_ = enc.Encode(c) // a Card of strings and a time always encodes
	return buf.Bytes()
}

// Text returns the card as a block to paste: the file's bytes in base64
// between BeginLine and EndLine, ending with a newline.
func (c Card) Text() string {
	enc := base64.StdEncoding.EncodeToString(c.File())
	var b strings.Builder
	b.WriteString(BeginLine + "\n")
	for len(enc) > 64 {
		b.WriteString(enc[:64] + "\n")
		enc = enc[64:]
	}
	b.WriteString(enc + "\n" + EndLine + "\n")
	return b.String()
}

// PublicKeyBytes returns the card's public key; the card must have passed
// Parse or come from Make.
func (c Card) PublicKeyBytes() ed25519.PublicKey {
	b, _ := hex.DecodeString(c.PublicKey)
	return b
}

// Read parses a card from r, reading at most MaxSize+1 bytes so that a
// huge input is refused without being read. Codes as Parse, and
// identity.read_failed.
func Read(r io.Reader) (Card, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return Card{}, apperr.Wrap(err, "identity.read_failed")
	}
	return Parse(b)
}

// Parse reads a card in either form, checks every member and verifies the
// signature. Codes: see the package documentation.
func Parse(b []byte) (Card, error) {
	if len(b) > MaxSize {
		return Card{}, apperr.New("identity.too_large", "max", strconv.Itoa(MaxSize)).
			WithDetail("the input holds more than %d bytes", MaxSize)
	}
	raw := b
	if i := bytes.Index(b, []byte(BeginLine)); i >= 0 {
		var err error
		if raw, err = unarmor(b[i+len(BeginLine):]); err != nil {
			return Card{}, err
		}
	}
	c, err := decode(raw)
	if err != nil {
		return Card{}, err
	}
	if err := c.check(); err != nil {
		return Card{}, err
	}
	return c, nil
}

// unarmor returns the bytes of the base64 between the begin line (already
// cut off) and the end line.
func unarmor(rest []byte) ([]byte, error) {
	j := bytes.Index(rest, []byte(EndLine))
	if j < 0 {
		return nil, apperr.New("identity.truncated").WithDetail("the text block has no line %s", EndLine)
	}
	if bytes.Contains(rest[j+len(EndLine):], []byte(BeginLine)) {
		return nil, apperr.New("identity.malformed").WithDetail("the text holds more than one identity block")
	}
	body := bytes.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, rest[:j])
	if i := bytes.IndexFunc(body, func(r rune) bool { return !isBase64(r) }); i >= 0 {
		return nil, apperr.New("identity.malformed").WithDetail("the text block holds %q, which is not base64", body[i:i+1])
	}
	out, err := base64.StdEncoding.Strict().DecodeString(string(body))
	if err != nil {
		// Only base64's own characters are left: a length or padding that
		// does not add up means the block was cut short.
		return nil, apperr.Wrap(err, "identity.truncated")
	}
	return out, nil
}

func isBase64(r rune) bool {
	return r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '+' || r == '/' || r == '='
}

// decode reads the JSON object strictly: one object, no member twice, no
// member the Card does not have, nothing after it.
func decode(raw []byte) (Card, error) {
	var c Card
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
			if u, uerr := strconv.Unquote(name); uerr == nil {
				name = u
			}
			return Card{}, apperr.New("identity.unknown_field", "field", name).WithDetail("the card has a member %q it should not have", name)
		}
		if errors.Is(err, io.ErrUnexpectedEOF) {
			return Card{}, apperr.Wrap(err, "identity.truncated")
		}
		if errors.Is(err, io.EOF) {
			return Card{}, apperr.New("identity.truncated").WithDetail("the input is empty")
		}
		return Card{}, apperr.Wrap(err, "identity.malformed")
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return Card{}, apperr.New("identity.malformed").WithDetail("data after the card's JSON object")
	}
	if !utf8.Valid(raw) {
		return Card{}, apperr.New("identity.malformed").WithDetail("the card is not UTF-8 text")
	}
	// Duplicate members decode silently (the last wins); canonicalizing
	// refuses them.
	if _, err := ledger.CanonicalJSON(json.RawMessage(raw)); err != nil {
		return Card{}, apperr.Wrap(err, "identity.malformed")
	}
	return c, nil
}

// check checks the members and the signature of a decoded card.
func (c Card) check() error {
	if c.Format != Format {
		return apperr.New("identity.bad_format", "value", c.Format).WithDetail("the card's format is %q, not %q", c.Format, Format)
	}
	if err := c.checkContent(); err != nil {
		return err
	}
	if c.Fingerprint != keys.Fingerprint(c.PublicKeyBytes()) {
		return apperr.New("identity.fingerprint_mismatch").WithDetail("the fingerprint %q is not that of the card's public key", c.Fingerprint)
	}
	sig, err := hex.DecodeString(c.Signature)
	if c.Signature == "" {
		return apperr.New("identity.missing_field", "field", "signature")
	}
	if err != nil || len(sig) != ed25519.SignatureSize || c.Signature != strings.ToLower(c.Signature) {
		return apperr.New("identity.bad_signature").WithDetail("the signature is not %d bytes of lowercase hex", ed25519.SignatureSize)
	}
	msg, err := c.signedBytes()
	if err != nil {
		return err
	}
	if !ed25519.Verify(c.PublicKeyBytes(), msg, sig) {
		return apperr.New("identity.bad_signature").WithDetail("the signature does not verify: the card was changed after it was signed")
	}
	return nil
}

// checkContent checks the members Make fills in from its arguments.
func (c Card) checkContent() error {
	texts := []struct {
		field, value string
		max          int
		required     bool
	}{
		{"name", c.Name, MaxName, true},
		{"department", c.Department, MaxUnit, true},
		{"sub_department", c.SubDepartment, MaxUnit, false},
		{"title", c.Title, MaxUnit, false},
	}
	for _, t := range texts {
		switch {
		case t.required && strings.TrimSpace(t.value) == "":
			return apperr.New("identity.missing_field", "field", t.field)
		case utf8.RuneCountInString(t.value) > t.max:
			return apperr.New("identity.field_too_long", "field", t.field, "max", strconv.Itoa(t.max))
		case strings.IndexFunc(t.value, func(r rune) bool { return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == utf8.RuneError }) >= 0:
			return apperr.New("identity.bad_text", "field", t.field).WithDetail("the %s holds a control or invisible formatting character", t.field)
		}
	}
	pub, err := hex.DecodeString(c.PublicKey)
	switch {
	case c.PublicKey == "":
		return apperr.New("identity.missing_field", "field", "public_key")
	case err != nil || len(pub) != ed25519.PublicKeySize || c.PublicKey != strings.ToLower(c.PublicKey):
		return apperr.New("identity.bad_public_key").WithDetail("the public key is not %d bytes of lowercase hex", ed25519.PublicKeySize)
	case c.Fingerprint == "":
		return apperr.New("identity.missing_field", "field", "fingerprint")
	case c.CreatedAt.IsZero():
		return apperr.New("identity.missing_field", "field", "created_at")
	case c.Zone == "":
		return apperr.New("identity.missing_field", "field", "zone")
	}
	return c.checkTime()
}

// checkTime checks that Zone names a zone whose offset at CreatedAt is the
// offset CreatedAt was written with.
func (c Card) checkTime() error {
	loc, err := time.LoadLocation(c.Zone)
	if err != nil || c.Zone == "Local" {
		return apperr.New("identity.bad_time", "value", c.Zone).WithDetail("%q is not a time zone name", c.Zone)
	}
	_, want := c.CreatedAt.In(loc).Zone()
	if _, got := c.CreatedAt.Zone(); got != want {
		return apperr.New("identity.bad_time", "value", c.CreatedAt.Format(time.RFC3339)).
			WithDetail("the offset of %s is not that of %s", c.CreatedAt.Format(time.RFC3339), c.Zone)
	}
	return nil
}

// signedBytes returns what the signature covers: SignedPrefix and the
// canonical JSON of the card with "signature" empty.
func (c Card) signedBytes() ([]byte, error) {
	c.Signature = ""
	canon, err := ledger.CanonicalJSON(c)
	if err != nil {
		return nil, apperr.Wrap(err, apperr.Internal)
	}
	return append([]byte(SignedPrefix), canon...), nil
}
