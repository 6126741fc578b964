package documents

import (
	"golive/backend/dossier"
	"golive/backend/pdfsig"
	"golive/backend/printable"
)

// File files the approved flow of dossier id (流程备案) and makes its
// documents: for every generated deliverable of the filing step that
// names one (template.Deliverable.Produces: 发布申请, 审批意见) the
// document of that kind, in lang, from the dossier as it is before the
// filing, signed by signer (the unlocked profile, who files). The filing
// event carries each file's SHA-256, name and size and the files are
// stored with it (dossier.Service.FileWith), so every copy of the dossier
// folds the same versions and `golive verify` checks each file against
// the log up to the event it was made from. A filing the profile may not
// make is refused before anything is rendered. Codes: those of
// dossier.Service.CheckFile and FileWith, of ContentAt and of PDF.
func (s *Service) File(id, comment, lang string, signer *pdfsig.Signer) (dossier.View, []Output, error) {
	if err := s.Dossiers.CheckFile(id); err != nil {
		return dossier.View{}, nil, err
	}
	l, err := printable.ParseLang(lang)
	if err != nil {
		return dossier.View{}, nil, err
	}
	v, err := s.Dossiers.Get(id)
	if err != nil {
		return dossier.View{}, nil, err
	}
	var outs []Output
	var docs []dossier.FiledDocument
	// Every document is made from the same heads: the dossier as filed.
	for _, d := range v.State.Plan.Produced() {
		c, err := s.ContentAt(d.Produces, v.State.ID, v.State.Heads, l)
		if err != nil {
			return dossier.View{}, nil, err
		}
		out, err := s.render(c, signer)
		if err != nil {
			return dossier.View{}, nil, err
		}
		outs = append(outs, out)
		docs = append(docs, dossier.FiledDocument{Deliverable: d.ID, Name: out.FileName, Note: "GoLive " + out.Content.Number, Data: out.PDF})
	}
	v, err = s.Dossiers.FileWith(id, comment, docs)
	return v, outs, err
}
