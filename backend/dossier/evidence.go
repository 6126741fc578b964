package dossier

import (
	"io"
	"mime"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"golive/backend/apperr"
	"golive/backend/blob"
	"golive/backend/template"
	"golive/backend/workflow"
)

// EvidenceFile is a file attached as a checklist item's evidence, kept in
// the blob store like a deliverable's version and carried by exchange
// files (BlobRefs).
type EvidenceFile struct {
	SHA256 string `json:"sha256"`
	Name   string `json:"name"`
	Size   int64  `json:"size"`
	Mime   string `json:"mime,omitempty"`
}

// EvidenceChoice is a deliverable of the dossier a checklist item's
// evidence may link to.
type EvidenceChoice struct {
	// Key is the deliverable key: a deliverable id or "doc:<document>".
	Key string `json:"key"`
	// Name is the deliverable's name.
	Name template.Text `json:"name"`
	// Versions counts the versions attached so far.
	Versions int `json:"versions"`
}

// ChecklistLink is what a checklist item with links_to points at in the
// dossier: the runbook's steps or its scenario tests, as recorded so far
// (the release operator records them in the execution).
type ChecklistLink struct {
	// Kind is template.LinksRunbook or template.LinksScenarioTests.
	Kind string `json:"kind"`
	// Rows counts the runbook steps or scenario tests recorded.
	Rows int `json:"rows"`
	// Done counts the steps ended ok, or the tests passed.
	Done int `json:"done"`
}

var sha256Hex = regexp.MustCompile(`^[0-9a-f]{64}$`)

// checkEvidence refuses a checklist event whose evidence links to no
// deliverable of the dossier's plan (dossier.unknown_deliverable) or names
// a malformed file (dossier.bad_evidence), and fills the history params.
func (f *replay) checkEvidence(b checklistBody, p map[string]string) error {
	if b.Deliverable != "" {
		p["deliverable"] = b.Deliverable
		if f.st.Plan == nil {
			return apperr.New("dossier.unknown_deliverable", "deliverable", b.Deliverable)
		}
		if _, ok := f.st.Plan.Deliverable(b.Deliverable); !ok {
			return apperr.New("dossier.unknown_deliverable", "deliverable", b.Deliverable)
		}
	}
	if b.File != nil {
		p["file"] = b.File.Name
		if !sha256Hex.MatchString(b.File.SHA256) || b.File.Size <= 0 || strings.TrimSpace(b.File.Name) == "" {
			return apperr.New("dossier.bad_evidence")
		}
	}
	return nil
}

// evidenceChoices lists the deliverables of plan an item may link to, in
// plan order, then the standard documents; each key once.
func evidenceChoices(st State) []EvidenceChoice {
	out := []EvidenceChoice{}
	if st.Plan == nil {
		return out
	}
	seen := map[string]bool{}
	add := func(key string, name template.Text) {
		if seen[key] {
			return
		}
		seen[key] = true
		n := 0
		if st.Flow != nil {
			n = len(st.Flow.Deliverables[key])
		}
		out = append(out, EvidenceChoice{Key: key, Name: name, Versions: n})
	}
	for _, s := range st.Plan.Steps {
		for _, d := range s.Deliverables {
			add(d.ID, d.Name)
		}
		for _, r := range s.Rows {
			for _, d := range r.Deliverables {
				add(d.ID, d.Name)
			}
		}
	}
	for _, d := range st.Plan.Documents {
		add(workflow.DocPrefix+d.ID, d.Name)
	}
	return out
}

// checklistLinks returns, by item id, what the template's linked items
// point at in st.
func checklistLinks(st State, tpl *template.Template) map[string]ChecklistLink {
	out := map[string]ChecklistLink{}
	if tpl == nil {
		return out
	}
	var ex workflow.Execution
	if st.Flow != nil {
		ex = st.Flow.Execution
	}
	for _, it := range tpl.Checklist {
		switch it.LinksTo {
		case template.LinksRunbook:
			l := ChecklistLink{Kind: it.LinksTo, Rows: len(ex.Runbook)}
			for _, r := range ex.Runbook {
				if r.Result == "ok" {
					l.Done++
				}
			}
			out[it.ID] = l
		case template.LinksScenarioTests:
			l := ChecklistLink{Kind: it.LinksTo, Rows: len(ex.Tests)}
			for _, t := range ex.Tests {
				if t.Passed {
					l.Done++
				}
			}
			out[it.ID] = l
		}
	}
	return out
}

// setEvidence records item's status and note as they are with the evidence
// change applies to its entry; an item not started moves to in progress
// once it has evidence. Codes: dossier.archived, dossier.unknown_item and
// the fold's (dossier.unknown_deliverable, dossier.bad_evidence,
// dossier.locked).
func (s *Service) setEvidence(id, item string, change func(b *checklistBody)) (View, error) {
	return s.append(id, func(st State, tpl *template.Template) (string, any, error) {
		if st.Stage == StageArchive {
			return "", nil, apperr.New("dossier.archived", "id", id)
		}
		if _, ok := tpl.ChecklistItem(item); !ok {
			return "", nil, apperr.New("dossier.unknown_item", "item", item)
		}
		cur, ok := st.Checklist[item]
		b := checklistBody{Item: item, Status: StatusNotStarted}
		if ok {
			b = checklistBody{Item: item, Status: cur.Status, Note: cur.Note, Deliverable: cur.Deliverable, File: cur.File}
		}
		change(&b)
		if b.Status == StatusNotStarted && (b.File != nil || b.Deliverable != "") {
			b.Status = StatusInProgress
		}
		if ok && b.Status == cur.Status && b.Deliverable == cur.Deliverable && sameFile(b.File, cur.File) {
			return "", nil, apperr.New("dossier.nothing_changed")
		}
		return KindChecklist, b, nil
	})
}

func sameFile(a, b *EvidenceFile) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

// LinkChecklistDeliverable links item's evidence to the dossier
// deliverable key (a deliverable id or "doc:<document>"); "" removes the
// link. Code dossier.unknown_deliverable for a key the dossier's plan does
// not have.
func (s *Service) LinkChecklistDeliverable(id, item, deliverable string) (View, error) {
	deliverable = strings.TrimSpace(deliverable)
	return s.setEvidence(id, item, func(b *checklistBody) { b.Deliverable = deliverable })
}

// AttachChecklistFile attaches the file at path as item's evidence.
func (s *Service) AttachChecklistFile(id, item, path string, progress blob.Progress) (View, error) {
	f, err := os.Open(path)
	if err != nil {
		return View{}, apperr.Wrap(err, "blob.unreadable", "path", path)
	}
	defer f.Close()
	return s.AttachChecklistReader(id, item, filepath.Base(path), f, progress)
}

// AttachChecklistReader is AttachChecklistFile for contents read from r
// under the file name name: staged in the blob store with its size limit
// and digest, kept once the event is committed. An empty file is refused
// (dossier.evidence_empty).
func (s *Service) AttachChecklistReader(id, item, name string, r io.Reader, progress blob.Progress) (View, error) {
	if s.Blobs == nil {
		return View{}, apperr.New("blob.unavailable")
	}
	if _, err := s.Get(id); err != nil {
		return View{}, err
	}
	staged, err := s.Blobs.Stage(r, 0, progress)
	if err != nil {
		return View{}, err
	}
	if staged.Size == 0 {
		staged.Discard()
		return View{}, apperr.New("dossier.evidence_empty", "name", name)
	}
	file := &EvidenceFile{SHA256: staged.SHA256, Name: name, Size: staged.Size, Mime: mime.TypeByExtension(strings.ToLower(filepath.Ext(name)))}
	v, err := s.setEvidence(id, item, func(b *checklistBody) { b.File = file })
	return v, s.settle(id, staged, err)
}

// RemoveChecklistFile takes the evidence file off item (the history keeps
// it).
func (s *Service) RemoveChecklistFile(id, item string) (View, error) {
	return s.setEvidence(id, item, func(b *checklistBody) { b.File = nil })
}
