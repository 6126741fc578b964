// Package documents makes GoLive's documents from a data folder: signed
// PDFs of a dossier (backend/printable for the content, backend/pdf for the
// layout, backend/pdfsig for the signature), the Excel workbooks
// (backend/xlsx), and the standard documents attached to their dossier in
// one call. The desktop app and the CLI both use a Service.
package documents

import (
	"fmt"
	"strings"
	"time"

	"golive/backend/apperr"
	"golive/backend/dossier"
	"golive/backend/ledger"
	"golive/backend/pdf"
	"golive/backend/pdfsig"
	"golive/backend/printable"
	"golive/backend/profile"
	"golive/backend/store"
	"golive/backend/system"
	"golive/backend/template"
)

// PlanSource returns the published windows of a year with the dossiers
// planned in them, for the 发布窗口计划 documents; backend/window provides
// it.
type PlanSource func(year int, lang printable.Lang) ([]printable.PlanRow, error)

// Service makes documents from one data folder.
type Service struct {
	// Store holds the dossier events (for documents made at a past head).
	Store *store.Store
	// Dossiers, Profiles and Systems are the folder's services.
	Dossiers *dossier.Service
	Profiles *profile.Service
	Systems  *system.Register
	// Resolve returns a pinned template; Template the current one.
	Resolve  func(key string) (*template.Template, error)
	Template func() *template.Template
	// Plans provides the window plan; nil until backend/window is wired,
	// when plan documents fail with documents.no_plan_source.
	Plans PlanSource
	// WindowOf names a dossier's release window in the register; nil means
	// the window it targets, else its planned release day, "2026-12-10".
	WindowOf func(st dossier.State) string
	// Now is the clock; Zone the zone generation times are printed in.
	Now  func() time.Time
	Zone *time.Location
	// Creator names the application in the PDF metadata.
	Creator string
	// Minutes returns the stored minutes PDF of a review meeting, for
	// verification (codes meeting.not_found, meeting.no_minutes); nil when
	// not wired.
	Minutes func(meeting string) ([]byte, error)
	// Fonts overrides the embedded fonts (tests); zero means the default.
	Fonts pdf.Fonts
}

// Request names one document.
type Request struct {
	// Kind is a printable kind (confirmation, approvals, …, plan).
	Kind string `json:"kind"`
	// Dossier is the dossier id (every kind but plan).
	Dossier string `json:"dossier"`
	// Year is the plan's year.
	Year int `json:"year"`
	// Lang is "zh" (default) or "en".
	Lang string `json:"lang"`
}

// Output is a made document.
type Output struct {
	// PDF is the signed file.
	PDF []byte
	// Pages is its page count.
	Pages int
	// FileName is a suggested file name.
	FileName string
	// Payload is the verification payload it carries.
	Payload printable.Payload
	// Content is what it shows.
	Content *printable.Content
}

// Content builds the content of req as the folder holds it now. Codes:
// printable.bad_kind, printable.bad_lang, dossier.not_found,
// documents.no_plan_source.
func (s *Service) Content(req Request) (*printable.Content, error) {
	lang, err := printable.ParseLang(req.Lang)
	if err != nil {
		return nil, err
	}
	if !printable.IsKind(req.Kind) {
		return nil, apperr.New("printable.bad_kind", "kind", req.Kind)
	}
	if req.Kind == printable.KindPlan {
		if s.Plans == nil {
			return nil, apperr.New("documents.no_plan_source").WithDetail("the window plan is not wired to documents.Service.Plans yet")
		}
		rows, err := s.Plans(req.Year, lang)
		if err != nil {
			return nil, err
		}
		return printable.BuildPlan(req.Year, rows, s.Template().Organisation, lang)
	}
	v, err := s.Dossiers.Get(strings.TrimSpace(req.Dossier))
	if err != nil {
		return nil, err
	}
	// Folded from the events, like a verifier will: the view Get returns
	// also follows the window plan in force (its planned time), which is
	// not part of the dossier's signed record.
	return s.ContentAt(req.Kind, v.State.ID, v.State.Heads, lang)
}

func (s *Service) build(kind string, v dossier.View, lang printable.Lang) (*printable.Content, error) {
	if v.State.OutOfScope != nil {
		// A change out of scope is only on record: it has no release
		// documents.
		return nil, apperr.New("dossier.out_of_scope", "kind", kind)
	}
	tpl, err := s.Resolve(v.State.Template)
	if err != nil {
		return nil, err
	}
	names, err := s.names()
	if err != nil {
		return nil, err
	}
	return printable.Build(kind, printable.Source{View: v, Template: tpl, Names: names, Lang: lang})
}

// names maps public keys to names from signed sources only
// (backend/people: the roster, then verified identity cards).
func (s *Service) names() (map[string]string, error) {
	dir, err := s.Dossiers.People()
	if err != nil {
		return nil, err
	}
	return dir.Names(), nil
}

// ContentAt rebuilds the content of a dossier document as it was made
// from the log up to heads (the document's payload names them): what a
// verifier compares a document with. Codes: dossier.not_found,
// documents.unknown_event (a head is not in the folder's log).
func (s *Service) ContentAt(kind, id string, heads []string, lang printable.Lang) (*printable.Content, error) {
	evs, err := s.Store.Events(id)
	if err != nil {
		return nil, err
	}
	if len(evs) == 0 {
		return nil, apperr.New("dossier.not_found", "id", id)
	}
	byID := make(map[string]ledger.Event, len(evs))
	for _, e := range evs {
		byID[e.ID] = e
	}
	var sub []ledger.Event
	seen := map[string]bool{}
	stack := append([]string(nil), heads...)
	for len(stack) > 0 {
		h := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[h] {
			continue
		}
		e, ok := byID[h]
		if !ok {
			return nil, apperr.New("documents.unknown_event", "dossier", id, "event", h)
		}
		seen[h] = true
		sub = append(sub, e)
		stack = append(stack, e.Parents...)
	}
	chain, err := s.Dossiers.RosterChain()
	if err != nil {
		return nil, err
	}
	st, hist, err := dossier.Fold(sub, s.Resolve, chain)
	if err != nil {
		return nil, err
	}
	// Names from signed sources only (backend/people), as the view does.
	dir, err := s.Dossiers.People()
	if err != nil {
		return nil, err
	}
	for i := range hist {
		hist[i].AuthorName = dir.Name(hist[i].Author)
	}
	v := dossier.View{State: st, History: hist}
	if sys, err := s.Systems.Get(st.SystemCode); err == nil {
		v.SystemName = sys.Name
	}
	return s.build(kind, v, lang)
}

// PDF makes the document req, signed by signer. Codes: those of Content,
// pdf.font_missing, pdf.font_invalid, pdf.render_failed,
// pdfsig.sign_failed.
func (s *Service) PDF(req Request, signer *pdfsig.Signer) (Output, error) {
	c, err := s.Content(req)
	if err != nil {
		return Output{}, err
	}
	return s.render(c, signer)
}

// Render lays out content c made elsewhere (a review meeting's minutes)
// and signs it with signer. Codes: profile.locked, pdf.*, pdfsig.*.
func (s *Service) Render(c *printable.Content, signer *pdfsig.Signer) (Output, error) {
	return s.render(c, signer)
}

func (s *Service) render(c *printable.Content, signer *pdfsig.Signer) (Output, error) {
	if signer == nil {
		return Output{}, apperr.New("profile.locked")
	}
	p, err := printable.NewPayload(c)
	if err != nil {
		return Output{}, err
	}
	now := s.now()
	res, err := pdf.Render(c, p, pdf.Options{
		Fonts:       s.Fonts,
		Sample:      signer.Sample(),
		Exporter:    signer.Profile.Name + " · " + signer.Profile.Fingerprint,
		Certificate: signer.Stored.Fingerprint,
		Generated:   now,
		Creator:     s.Creator,
		Images:      s.Dossiers.WitnessImages(),
	})
	if err != nil {
		return Output{}, err
	}
	org := s.Template().Organisation.En
	signed, err := signer.Sign(res.PDF, pdfsig.Info{Reason: "GoLive " + c.Kind + " " + c.Number, Location: org, At: now})
	if err != nil {
		return Output{}, err
	}
	return Output{PDF: signed, Pages: res.Pages, FileName: FileName(c), Payload: p, Content: c}, nil
}

func (s *Service) now() time.Time {
	now := time.Now()
	if s.Now != nil {
		now = s.Now()
	}
	if s.Zone != nil {
		now = now.In(s.Zone)
	}
	return now.Truncate(time.Second)
}

// FileName suggests a file name for c: its number and title.
func FileName(c *printable.Content) string {
	return sanitize(c.Number+"_"+c.Title) + ".pdf"
}

func sanitize(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>| `, r) {
			return '_'
		}
		return r
	}, s)
}

// Generatable are the standard documents Generate makes: the template
// document id and the kind that renders it. 用户测试报告 is a blank
// workbook (UserTestTemplate) that people fill in, not generated.
var Generatable = map[string]string{
	"release_note":              printable.KindReleaseNote,
	"application_confirmation":  printable.KindConfirmation,
	"release_test_confirmation": printable.KindTestConfirmation,
}

// Generate makes standard document docID (see Generatable) of dossier id,
// signed by signer, and attaches it to the dossier as a new version of
// the matching deliverable: the step deliverable that is this document
// when there is one (the start step's, or a later step's copy of it, only
// while the dossier is a draft, so that generating never dismisses an
// approval), else "doc:<docID>".
// The signer's profile must be the unlocked one. Codes:
// documents.not_generatable and those of PDF and dossier.AttachReader.
func (s *Service) Generate(id, docID, lang string, signer *pdfsig.Signer) (dossier.View, Output, error) {
	kind, ok := Generatable[docID]
	if !ok {
		return dossier.View{}, Output{}, apperr.New("documents.not_generatable", "document", docID)
	}
	out, err := s.PDF(Request{Kind: kind, Dossier: id, Lang: lang}, signer)
	if err != nil {
		return dossier.View{}, Output{}, err
	}
	v, err := s.Dossiers.Get(id)
	if err != nil {
		return dossier.View{}, Output{}, err
	}
	key := DeliverableFor(v.State, docID)
	note := fmt.Sprintf("GoLive %s %s", out.Content.Number, out.Payload.Digest[:12])
	v, err = s.Dossiers.AttachReader(id, key, out.FileName, strings.NewReader(string(out.PDF)), note, nil)
	return v, out, err
}

// DeliverableFor returns the deliverable key a generated standard
// document docID is attached under (see Generate).
func DeliverableFor(st dossier.State, docID string) string {
	if st.Plan != nil {
		for _, step := range st.Plan.Steps {
			if step.Kind == template.KindStart && st.Flow != nil && st.Flow.Phase != "draft" {
				continue
			}
			for _, d := range step.Deliverables {
				// A later step's copy of the start step's document (SameAs)
				// is the start step's deliverable: skipped with it.
				if d.Document == docID && !d.Generated && !d.HashOnly && d.SameAs == "" {
					return d.ID
				}
			}
		}
	}
	return "doc:" + docID
}
