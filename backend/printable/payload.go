package printable

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"

	"golive/backend/apperr"
	"golive/backend/template"
)

// PayloadFormat identifies the payload's layout; a verifier refuses any
// other.
const PayloadFormat = "golive-verify/1"

// Names of the files a PDF embeds: the payload and the content it hashes.
const (
	PayloadFile = "golive-verification.json"
	ContentFile = "golive-content.json"
)

// Payload is the verification data a document carries, in its
// verification block, its QR code and as an embedded file.
type Payload struct {
	// Format is PayloadFormat.
	Format string `json:"format"`
	// Kind is the document kind.
	Kind string `json:"kind"`
	// Number is the document number.
	Number string `json:"number"`
	// Lang is the document language.
	Lang Lang `json:"lang"`
	// Dossier is the dossier id ("" for the plan).
	Dossier string `json:"dossier,omitempty"`
	// Event is the latest head the document was made from; Heads lists
	// every head when the log has more than one.
	Event string   `json:"event,omitempty"`
	Heads []string `json:"heads,omitempty"`
	// Year is the plan's year.
	Year int `json:"year,omitempty"`
	// Digest is the SHA-256 (hex) of the content's canonical JSON.
	Digest string `json:"sha256"`
	// Signed lists every signature the document shows.
	Signed []Signed `json:"signed"`
}

// Signed is one signature in a payload.
type Signed struct {
	// For is what was signed (a slot key, "filing", "released", …).
	For string `json:"for"`
	// Fingerprint is the signer's key fingerprint without its spaces
	// (32 hex digits), to keep the QR code small.
	Fingerprint string `json:"fp"`
	// How is "self" (the signer's own key) or "witnessed".
	How string `json:"how"`
}

// Ways a signature was made.
const (
	HowSelf      = "self"
	HowWitnessed = "witnessed"
)

// Canonical returns the content as the JSON its digest is taken of.
func (c *Content) Canonical() ([]byte, error) {
	b, err := json.Marshal(c)
	if err != nil {
		return nil, apperr.Wrap(err, apperr.Internal)
	}
	return b, nil
}

// NewPayload returns the payload of c.
func NewPayload(c *Content) (Payload, error) {
	raw, err := c.Canonical()
	if err != nil {
		return Payload{}, err
	}
	sum := sha256.Sum256(raw)
	p := Payload{Format: PayloadFormat, Kind: c.Kind, Number: c.Number, Lang: c.Lang, Event: c.Event, Heads: c.Heads,
		Year: c.Year, Digest: hex.EncodeToString(sum[:]), Signed: []Signed{}}
	if c.Dossier != nil {
		p.Dossier = c.Dossier.ID
	}
	for _, s := range c.Signatures {
		how := HowSelf
		if s.Witnessed {
			how = HowWitnessed
		}
		p.Signed = append(p.Signed, Signed{For: s.For, Fingerprint: strings.ReplaceAll(s.Fingerprint, " ", ""), How: how})
	}
	return p, nil
}

// JSON encodes p compactly, as the QR code holds it.
func (p Payload) JSON() []byte {
	b, _ := json.Marshal(p)
	return b
}

// ParsePayload decodes a payload. Code printable.bad_payload.
func ParsePayload(b []byte) (Payload, error) {
	var p Payload
	if err := json.Unmarshal(b, &p); err != nil {
		return Payload{}, apperr.Wrap(err, "printable.bad_payload")
	}
	if p.Format != PayloadFormat {
		return Payload{}, apperr.New("printable.bad_payload").WithDetail("unknown payload format %q", p.Format)
	}
	return p, nil
}

// ParseContent decodes a document's embedded content. Code
// printable.bad_payload.
func ParseContent(b []byte) (*Content, error) {
	var c Content
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, apperr.Wrap(err, "printable.bad_payload")
	}
	return &c, nil
}

// BuildPlan makes the content of the year's window plan from rows (see
// PlanRow), for organisation in lang.
func BuildPlan(year int, rows []PlanRow, organisation template.Text, lang Lang) (*Content, error) {
	if lang == "" {
		lang = Zh
	}
	if rows == nil {
		rows = []PlanRow{}
	}
	raw, err := json.Marshal(rows)
	if err != nil {
		return nil, apperr.Wrap(err, apperr.Internal)
	}
	sum := sha256.Sum256(raw)
	return &Content{Kind: KindPlan, Lang: lang, Title: fmt.Sprintf("%d %s", year, lang.L("title.plan")),
		Number: fmt.Sprintf("WP-%d-%s", year, strings.ToUpper(hex.EncodeToString(sum[:4]))), Organisation: lang.T(organisation),
		Year: year, Windows: rows, Signatures: []Signature{}}, nil
}
