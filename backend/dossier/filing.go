package dossier

import (
	"bytes"
	"mime"
	"path/filepath"
	"strings"

	"golive/backend/apperr"
	"golive/backend/blob"
	"golive/backend/profile"
	"golive/backend/template"
	"golive/backend/workflow"
)

// FiledDocument is a document made for a generated deliverable of the
// filing step (发布申请, 审批意见), to be stored and recorded by the filing.
type FiledDocument struct {
	// Deliverable is the generated deliverable's id.
	Deliverable string
	// Name is the file name, Note what the file is (its number).
	Name, Note string
	// Data is the file (a signed PDF).
	Data []byte
}

// File files the approved flow (流程备案) without documents: what a
// filing was before the app made them. The app files with FileWith
// (documents.Service.File makes the documents).
func (s *Service) File(id, comment string) (View, error) {
	return s.FileWith(id, comment, nil)
}

// FileWith files the approved flow (流程备案) with docs, the documents
// made for the filing step's generated deliverables: each is stored in
// the blob store and the filing event names it (workflow.FileBody), so
// the fold records it as a version of its deliverable and an exchange or
// a sync carries it to every copy. A refused filing stores nothing.
// Codes: those of the fold (workflow.bad_phase, workflow.not_permitted,
// workflow.unknown_deliverable …) and of blob.Store.Stage.
func (s *Service) FileWith(id, comment string, docs []FiledDocument) (View, error) {
	var staged []*blob.Staged
	var files []workflow.GeneratedFile
	if len(docs) > 0 && s.Blobs == nil {
		return View{}, apperr.New("blob.unavailable")
	}
	for _, d := range docs {
		b, err := s.Blobs.Stage(bytes.NewReader(d.Data), 0, nil)
		if err != nil {
			for _, x := range staged {
				x.Discard()
			}
			return View{}, err
		}
		staged = append(staged, b)
		files = append(files, workflow.GeneratedFile{Deliverable: d.Deliverable, SHA256: b.SHA256, Name: d.Name, Size: b.Size,
			Mime: mime.TypeByExtension(strings.ToLower(filepath.Ext(d.Name))), Note: d.Note})
	}
	v, err := s.act(id, workflow.KindFiled, fileBody(comment, files))
	for _, b := range staged {
		err = s.settle(id, b, err)
	}
	return v, err
}

// CheckFile is File, judged and not recorded: nil when the profile may
// file the dossier now, else the fold's refusal. Nothing is stored.
func (s *Service) CheckFile(id string) error {
	return s.judge(id, workflow.KindFiled, fileBody("", nil))
}

// fileBody builds the body of a filing (FileWith, CheckFile).
func fileBody(comment string, files []workflow.GeneratedFile) func(State, profile.Summary) (any, error) {
	return func(st State, me profile.Summary) (any, error) {
		role := ""
		if f := st.Plan.StepOfKind(template.KindFiling); f != nil {
			role = roleFor(me, f.Role)
		}
		return workflow.FileBody{Role: role, Comment: comment, Files: files}, nil
	}
}
