package workflow

import (
	"slices"
	"strings"

	"golive/backend/apperr"
	"golive/backend/ledger"
	"golive/backend/template"
)

// FileBody files the approved flow (流程备案). Files are the documents the
// filer's app made for the filing step's generated deliverables (发布申请,
// 审批意见: see template.Deliverable.Produces), each stored in the blob
// store by its SHA-256; the fold records each as a version of its
// deliverable, so every copy of the dossier holds the same versions. A
// filing made before the app made them carries none and folds as it did.
type FileBody struct {
	Role    string `json:"role"`
	Comment string `json:"comment"`
	// Files are the generated documents, at most one per deliverable.
	Files []GeneratedFile `json:"files,omitempty"`
}

// GeneratedFile is a document the app made for a generated deliverable.
type GeneratedFile struct {
	// Deliverable is the id of a generated deliverable of the step.
	Deliverable string `json:"deliverable"`
	// SHA256 is the file's digest (lowercase hex); the file is in the
	// blob store under it.
	SHA256 string `json:"sha256"`
	// Name is the file name, Size its length in bytes, Mime its type.
	Name string `json:"name"`
	Size int64  `json:"size"`
	Mime string `json:"mime,omitempty"`
	// Note says what the file is (its document number).
	Note string `json:"note,omitempty"`
}

// Produced returns the generated deliverables of the plan's filing step
// that name a document to make (template.Deliverable.Produces), in
// template order; none without a filing step.
func (p *Plan) Produced() []template.Deliverable {
	var out []template.Deliverable
	if f := p.StepOfKind(template.KindFiling); f != nil {
		for _, d := range f.Deliverables {
			if d.Generated && d.Produces != "" {
				out = append(out, d)
			}
		}
	}
	return out
}

func (st *State) file(df DossierFacts, e ledger.Event, b FileBody) error {
	if err := st.gateFile(df.Plan, claimant(df, e, b.Role)); err != nil {
		return err
	}
	if err := fileable(df.Plan, e, b.Files); err != nil {
		return err
	}
	st.Filing = signoff(e, b.Role, b.Comment)
	for _, f := range b.Files {
		st.Deliverables[f.Deliverable] = append(st.Deliverables[f.Deliverable], Version{
			No: len(st.Deliverables[f.Deliverable]) + 1, SHA256: f.SHA256, Name: strings.TrimSpace(f.Name), Size: f.Size, Mime: f.Mime,
			Note: strings.TrimSpace(f.Note), By: e.Author, At: e.Time, Event: e.ID,
		})
	}
	st.Phase = PhaseExecution
	st.afterExecutionChange()
	return nil
}

// fileable checks the documents a filing carries: each names a generated
// deliverable of the filing step (workflow.unknown_deliverable), once
// (workflow.bad_body), with a SHA-256 (workflow.bad_digest), a name and a
// size.
func fileable(p *Plan, e ledger.Event, files []GeneratedFile) error {
	step := p.StepOfKind(template.KindFiling)
	var seen []string
	for _, f := range files {
		ok := step != nil && slices.ContainsFunc(step.Deliverables, func(d template.Deliverable) bool { return d.ID == f.Deliverable && d.Generated })
		switch {
		case !ok:
			return apperr.New("workflow.unknown_deliverable", "deliverable", f.Deliverable)
		case !sha256Hex.MatchString(f.SHA256):
			return apperr.New("workflow.bad_digest", "sha256", f.SHA256)
		case strings.TrimSpace(f.Name) == "" || f.Size < 0 || slices.Contains(seen, f.Deliverable):
			return apperr.New("workflow.bad_body", "kind", e.Kind)
		}
		seen = append(seen, f.Deliverable)
	}
	return nil
}
