package verify

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"

	"golive/backend/apperr"
	"golive/backend/documents"
	"golive/backend/keys"
	"golive/backend/pdfsig"
	"golive/backend/pdfsig/pdfobj"
	"golive/backend/people"
	"golive/backend/printable"
	"golive/backend/profile"
	"golive/backend/template"
	"golive/backend/workflow"
)

// Statuses of a report, worst last.
const (
	// Match: the signature is valid and the document says what the local
	// store says.
	Match = "match"
	// Differs: the signature is valid but the document and the local store
	// disagree (see Differences).
	Differs = "differs"
	// Unknown: the dossier (or the plan) cannot be checked against the
	// local store.
	Unknown = "unknown"
	// Invalid: the digital signature is missing or broken, or the file is
	// not a GoLive document.
	Invalid = "invalid"
)

// MaxDifferences bounds the differences a report lists.
const MaxDifferences = 40

// MaxFileSize bounds the PDF files Check reads: GoLive's documents weigh
// a few hundred kilobytes.
const MaxFileSize = 32 << 20

// MaxEmbeddedFile bounds each embedded file (the payload and the content)
// once inflated.
const MaxEmbeddedFile = 8 << 20

// Report is the outcome of a check.
type Report struct {
	// Status is Match, Differs, Unknown or Invalid.
	Status string `json:"status"`
	// Signature is the digital signature's check.
	Signature Signature `json:"signature"`
	// Payload is the document's verification payload, when readable.
	Payload *printable.Payload `json:"payload,omitempty"`
	// Title is the document's title.
	Title string `json:"title,omitempty"`
	// Signed lists the signatures the payload states, in its order, each
	// with what it was for in words (see SignedFor); empty without a
	// readable payload.
	Signed []SignedFor `json:"signed"`
	// NewerEvents counts the dossier's events in the store that the
	// document does not reflect (it was made earlier); not a difference.
	NewerEvents int `json:"newer_events"`
	// Differences lists what the document and the store disagree on.
	Differences []Difference `json:"differences"`
	// Problems are the coded reasons for a status other than Match.
	Problems []Problem `json:"problems"`
}

// OK reports whether everything matches.
func (r Report) OK() bool { return r.Status == Match }

// Signature describes the digital signature.
type Signature struct {
	// Valid is true when the signature is intact and covers the file.
	Valid bool `json:"valid"`
	// Signer is the signer's name from a signed source (backend/people):
	// the roster, or else a verified identity card; "" when neither names
	// the key.
	Signer string `json:"signer"`
	// Source is where Signer comes from: "roster", "card" (self-declared,
	// see verify.signer_not_in_roster) or "".
	Source string `json:"source"`
	// Fingerprint is the signing identity's key fingerprint.
	Fingerprint string `json:"fingerprint"`
	// Certificate is the certificate's fingerprint.
	Certificate string `json:"certificate"`
	// Known is true when the roster lists the key, or it is the key of a
	// profile of this folder.
	Known bool `json:"known"`
	// Sample is true when it is a sample profile.
	Sample bool `json:"sample"`
	// SignedAt is the stated signing time, RFC 3339.
	SignedAt string `json:"signed_at,omitempty"`
}

// SignedFor is one signature a document states, named for people.
type SignedFor struct {
	// For is what was signed as the payload says it: a decision slot
	// ("up.2.countersign/cs"), the filing step, a sign-off ("released").
	For string `json:"for"`
	// Label names For in both languages: from the dossier's pinned
	// template when this folder holds the dossier ("子部门会签审批 ·
	// 客户服务部总监", printable.SignedFor), else as the document prints
	// it, in the document's language.
	Label template.Text `json:"label"`
	// Fingerprint is the signer's key fingerprint, 32 hex digits.
	Fingerprint string `json:"fp"`
	// How is printable.HowSelf or printable.HowWitnessed.
	How string `json:"how"`
}

// Difference is one field on which the document and the store disagree.
type Difference struct {
	// Field is a path into the content, e.g. "approvals[1].rows[0].remark".
	Field string `json:"field"`
	// Document and Store are the two values ("" when absent).
	Document string `json:"document"`
	Store    string `json:"store"`
}

// Problem is a coded reason, for the UI to translate.
type Problem struct {
	Code   string            `json:"code"`
	Params map[string]string `json:"params,omitempty"`
	// Message is an English sentence for the CLI.
	Message string `json:"message"`
}

func (r *Report) problem(err error, status string) {
	var e *apperr.Error
	p := Problem{Code: apperr.Code(err), Message: err.Error()}
	if errors.As(err, &e) {
		p.Params = e.Params
		if e.Detail != "" {
			p.Message = e.Detail
		}
	}
	r.Problems = append(r.Problems, p)
	r.worse(status)
}

var rank = map[string]int{Match: 0, Differs: 1, Unknown: 2, Invalid: 3}

func (r *Report) worse(status string) {
	if rank[status] > rank[r.Status] {
		r.Status = status
	}
}

// CheckFile is Check for the file at path, reading no more than
// MaxFileSize bytes and one. Code verify.unreadable when the file cannot
// be read.
func CheckFile(path string, svc *documents.Service) (Report, error) {
	f, err := os.Open(path)
	if err != nil {
		return Report{}, apperr.Wrap(err, "verify.unreadable", "path", path)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return Report{}, apperr.Wrap(err, "verify.unreadable", "path", path)
	}
	return Check(b, svc), nil
}

// Check verifies doc's digital signature, compares its pages with its
// embedded payload and content, and those with the store behind svc (see
// the package comment). svc is required: without a data folder, pass the
// Documents of core.OpenNothing, as `golive verify` does. A doc over
// MaxFileSize bytes is refused (verify.file_too_large) unread.
func Check(doc []byte, svc *documents.Service) Report {
	r := Report{Status: Match, Signed: []SignedFor{}, Differences: []Difference{}, Problems: []Problem{}}
	r.check(doc, svc)
	r.signerProblem()
	return r
}

func (r *Report) check(doc []byte, svc *documents.Service) {
	if len(doc) > MaxFileSize {
		r.problem(apperr.New("verify.file_too_large", "max", "32 MiB").
			WithDetail("the file is larger than %d bytes, far larger than any GoLive document", MaxFileSize), Invalid)
		return
	}
	res, err := pdfsig.Verify(doc)
	if err != nil {
		r.problem(err, Invalid)
	} else {
		r.Signature = Signature{Valid: true, Fingerprint: keys.Fingerprint(res.Identity), Certificate: profile.CertificateFingerprint(res.Certificate.Raw)}
		if !res.SignedAt.IsZero() {
			r.Signature.SignedAt = res.SignedAt.Format("2006-01-02T15:04:05Z07:00")
		}
		r.identify(hex.EncodeToString(res.Identity), svc)
	}
	f, err := pdfobj.Parse(doc)
	if err != nil {
		r.problem(apperr.Wrap(err, "verify.no_payload").WithDetail("the PDF cannot be read: %v", err), Invalid)
		return
	}
	files, err := embedded(f.Latest())
	if err != nil {
		r.problem(err, Invalid)
		return
	}
	p, err := printable.ParsePayload(files[printable.PayloadFile])
	if err != nil {
		r.problem(apperr.New("verify.not_golive").WithDetail("the PDF carries no GoLive verification payload"), Invalid)
		return
	}
	r.Payload = &p
	raw := files[printable.ContentFile]
	content, err := printable.ParseContent(raw)
	if err != nil {
		r.problem(err, Invalid)
		return
	}
	r.Title = content.Title
	sum := sha256.Sum256(raw)
	if hex.EncodeToString(sum[:]) != p.Digest {
		r.problem(apperr.New("verify.digest_mismatch").WithDetail("the embedded content does not match the payload's SHA-256"), Invalid)
	}
	if again, err := printable.NewPayload(content); err != nil || !bytes.Equal(again.JSON(), p.JSON()) {
		r.problem(apperr.New("verify.payload_mismatch").WithDetail("the payload does not match the embedded content"), Invalid)
	}
	r.checkPages(f.Latest(), content, p, r.Signature.Certificate)
	r.compare(p, content, svc)
	r.nameSigned(p, content, svc)
}

// nameSigned lists the payload's signatures with their labels: from the
// plan of the dossier as this folder holds it and its pinned template,
// else the labels the document's content gives them.
func (r *Report) nameSigned(p printable.Payload, c *printable.Content, svc *documents.Service) {
	var plan *workflow.Plan
	var tpl *template.Template
	if p.Dossier != "" {
		if v, err := svc.Dossiers.Get(p.Dossier); err == nil {
			plan = v.State.Plan
			tpl, _ = svc.Resolve(v.State.Template)
		}
	}
	for i, s := range p.Signed {
		label, ok := printable.SignedFor(plan, tpl, s.For)
		if !ok {
			label = template.Text{Zh: s.For, En: s.For}
			if i < len(c.Signatures) && c.Signatures[i].For == s.For && c.Signatures[i].Label != "" {
				label = template.Text{Zh: c.Signatures[i].Label, En: c.Signatures[i].Label}
			}
		}
		r.Signed = append(r.Signed, SignedFor{For: s.For, Label: label, Fingerprint: s.Fingerprint, How: s.How})
	}
}

// identify names the signer from signed sources only (backend/people): a
// key the roster lists, or a profile's of this folder, is known; a key
// only a stored identity card names keeps that self-declared name but is
// not known.
func (r *Report) identify(pubHex string, svc *documents.Service) {
	if dir, err := svc.Dossiers.People(); err == nil {
		if e, ok := dir.Lookup(pubHex); ok {
			r.Signature.Signer, r.Signature.Source = e.Name, e.Source
			r.Signature.Known = e.Source == people.SourceRoster
		}
	}
	if list, err := svc.Profiles.List(); err == nil {
		for _, p := range list {
			if p.PublicKey == pubHex {
				r.Signature.Known = true
				r.Signature.Sample = p.Sample
			}
		}
	}
}

// signerProblem reports a signer this folder does not know; it comes
// after the problems about the content, which say more. A signer named
// only by his own identity card gets verify.signer_not_in_roster: the
// card proves he holds the key, not that he is who it says.
func (r *Report) signerProblem() {
	switch {
	case !r.Signature.Valid || r.Signature.Known:
	case r.Signature.Source == people.SourceCard:
		r.problem(apperr.New("verify.signer_not_in_roster", "fingerprint", r.Signature.Fingerprint, "name", r.Signature.Signer).
			WithDetail("the signing key %s is named %q only by its own identity card, not by the roster nor a profile of this folder", r.Signature.Fingerprint, r.Signature.Signer), Unknown)
	default:
		r.problem(apperr.New("verify.unknown_signer", "fingerprint", r.Signature.Fingerprint).
			WithDetail("the signing key %s is not in the roster nor a profile of this folder", r.Signature.Fingerprint), Unknown)
	}
}

// compare rebuilds the content from the store and lists the differences.
func (r *Report) compare(p printable.Payload, doc *printable.Content, svc *documents.Service) {
	var local *printable.Content
	var err error
	switch {
	case p.Kind == printable.KindPlan:
		local, err = svc.Content(documents.Request{Kind: printable.KindPlan, Year: p.Year, Lang: string(p.Lang)})
		if apperr.HasCode(err, "documents.no_plan_source") {
			r.problem(apperr.New("verify.plan_unchecked", "year", strconv.Itoa(p.Year)).WithDetail("window plans cannot be compared with this folder yet"), Unknown)
			return
		}
	case p.Kind == printable.KindMinutes:
		if doc.Minutes == nil || svc.Minutes == nil {
			r.problem(apperr.New("verify.not_golive").WithDetail("the minutes name no meeting"), Invalid)
			return
		}
		stored, serr := svc.Minutes(doc.Minutes.Meeting)
		if apperr.HasCode(serr, "meeting.not_found") || apperr.HasCode(serr, "meeting.no_minutes") {
			r.problem(apperr.New("verify.unknown_meeting", "meeting", doc.Minutes.Meeting).
				WithDetail("meeting %s has no minutes in this data folder", doc.Minutes.Meeting), Unknown)
			return
		}
		if serr != nil {
			r.problem(serr, Unknown)
			return
		}
		local, err = storedContent(stored)
	case p.Dossier == "":
		r.problem(apperr.New("verify.not_golive").WithDetail("the payload names no dossier"), Invalid)
		return
	default:
		if _, gerr := svc.Dossiers.Get(p.Dossier); apperr.HasCode(gerr, "dossier.not_found") {
			r.problem(apperr.New("verify.unknown_dossier", "dossier", p.Dossier).WithDetail("dossier %s is not in this data folder", p.Dossier), Unknown)
			return
		}
		heads := p.Heads
		if len(heads) == 0 {
			heads = []string{p.Event}
		}
		local, err = svc.ContentAt(p.Kind, p.Dossier, heads, p.Lang)
		if apperr.HasCode(err, "documents.unknown_event") {
			var e *apperr.Error
			errors.As(err, &e)
			r.problem(apperr.New("verify.unknown_event", "dossier", p.Dossier, "event", e.Params["event"]).
				WithDetail("event %s of the document is not in this folder's copy of dossier %s", e.Params["event"], p.Dossier), Differs)
			return
		}
		if err == nil {
			r.NewerEvents = newer(svc, p.Dossier, heads)
		}
	}
	if err != nil {
		r.problem(err, Unknown)
		return
	}
	a, _ := json.Marshal(doc)
	b, _ := json.Marshal(local)
	var av, bv any
	_ = json.Unmarshal(a, &av)
	_ = json.Unmarshal(b, &bv)
	diff("", av, bv, &r.Differences)
	if len(r.Differences) > 0 {
		r.problem(apperr.New("verify.differs", "count", strconv.Itoa(len(r.Differences))).
			WithDetail("the document differs from the store in %d field(s)", len(r.Differences)), Differs)
	}
}

// newer counts the dossier's events that are not ancestors of heads.
func newer(svc *documents.Service, id string, heads []string) int {
	evs, err := svc.Store.Events(id)
	if err != nil {
		return 0
	}
	parents := map[string][]string{}
	for _, e := range evs {
		parents[e.ID] = e.Parents
	}
	seen := map[string]bool{}
	stack := append([]string(nil), heads...)
	for len(stack) > 0 {
		h := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if !seen[h] {
			seen[h] = true
			stack = append(stack, parents[h]...)
		}
	}
	return len(evs) - len(seen)
}

// diff appends the differences between a (the document) and b (the store).
func diff(path string, a, b any, out *[]Difference) {
	if len(*out) >= MaxDifferences {
		return
	}
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok {
			break
		}
		keys := map[string]bool{}
		for k := range x {
			keys[k] = true
		}
		for k := range y {
			keys[k] = true
		}
		sorted := make([]string, 0, len(keys))
		for k := range keys {
			sorted = append(sorted, k)
		}
		sort.Strings(sorted)
		for _, k := range sorted {
			p := k
			if path != "" {
				p = path + "." + k
			}
			diff(p, x[k], y[k], out)
		}
		return
	case []any:
		y, ok := b.([]any)
		if !ok {
			break
		}
		for i := 0; i < max(len(x), len(y)); i++ {
			var xi, yi any
			if i < len(x) {
				xi = x[i]
			}
			if i < len(y) {
				yi = y[i]
			}
			diff(fmt.Sprintf("%s[%d]", path, i), xi, yi, out)
		}
		return
	}
	as, bs := scalar(a), scalar(b)
	if as != bs {
		*out = append(*out, Difference{Field: path, Document: as, Store: bs})
	}
}

func scalar(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case map[string]any, []any:
		b, _ := json.Marshal(x)
		return string(b)
	}
	return fmt.Sprint(v)
}

// storedContent returns the content a GoLive PDF of this folder embeds
// (the minutes the chair stored). Codes: verify.no_payload and those of
// printable.ParseContent.
func storedContent(doc []byte) (*printable.Content, error) {
	f, err := pdfobj.Parse(doc)
	if err != nil {
		return nil, apperr.Wrap(err, "verify.no_payload")
	}
	files, err := embedded(f.Latest())
	if err != nil {
		return nil, err
	}
	return printable.ParseContent(files[printable.ContentFile])
}

// embedded returns the payload and the content a PDF embeds, by name,
// each inflated to at most MaxEmbeddedFile bytes; other embedded files
// are not read. Codes: verify.no_payload when the PDF embeds neither
// (or one of them twice), verify.payload_too_large.
func embedded(rev *pdfobj.Revision) (map[string][]byte, error) {
	specs, err := rev.EmbeddedFileSpecs()
	if err != nil {
		return nil, apperr.Wrap(err, "verify.no_payload").WithDetail("the PDF's embedded files cannot be read: %v", err)
	}
	files := map[string][]byte{}
	for _, spec := range specs {
		name := ""
		for _, k := range []pdfobj.Name{"UF", "F"} {
			if s, ok := spec[k].(pdfobj.String); ok && name == "" {
				name = strings.TrimSpace(s.Text())
			}
		}
		if name != printable.PayloadFile && name != printable.ContentFile {
			continue
		}
		if _, dup := files[name]; dup {
			return nil, apperr.New("verify.no_payload").WithDetail("the PDF embeds two files named %s", name)
		}
		ef, err := rev.GetDict(spec, "EF")
		if err != nil {
			return nil, apperr.Wrap(err, "verify.no_payload").WithDetail("embedded file %s cannot be read: %v", name, err)
		}
		o, err := rev.Get(ef, "F")
		st, ok := o.(*pdfobj.Stream)
		if err != nil || !ok {
			return nil, apperr.Wrap(errors.Join(err, pdfobj.ErrMalformed), "verify.no_payload").WithDetail("embedded file %s has no data", name)
		}
		b, err := rev.Decode(st, MaxEmbeddedFile)
		switch {
		case errors.Is(err, pdfobj.ErrTooLarge):
			return nil, apperr.New("verify.payload_too_large", "file", name, "max", "8 MiB").
				WithDetail("embedded file %s inflates to more than %d bytes, far more than any GoLive document embeds", name, MaxEmbeddedFile)
		case err != nil:
			return nil, apperr.Wrap(err, "verify.no_payload").WithDetail("embedded file %s cannot be read: %v", name, err)
		}
		files[name] = b
	}
	if len(files) == 0 {
		return nil, apperr.New("verify.no_payload").WithDetail("the PDF embeds no GoLive verification data")
	}
	return files, nil
}
