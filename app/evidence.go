package app

import (
	"bytes"
	"encoding/base64"
	"path/filepath"

	"golive/backend/apperr"
	"golive/backend/blob"
	"golive/backend/dossier"
)

// AttachChecklistUpload attaches a small file sent by the window as base64
// as a checklist item's evidence. Codes: blob.too_large above
// blob.MaxUpload, dossier.evidence_empty for an empty file.
func (d *DossierAPI) AttachChecklistUpload(id, item, name, dataBase64 string) (dossier.View, error) {
	if int64(base64.StdEncoding.DecodedLen(len(dataBase64))) > blob.MaxUpload {
		return dossier.View{}, fail(blob.UploadTooLarge())
	}
	raw, err := base64.StdEncoding.DecodeString(dataBase64)
	if err != nil {
		return dossier.View{}, fail(apperr.Wrap(err, "blob.bad_upload"))
	}
	return result(d.c.Dossiers.AttachChecklistReader(id, item, filepath.Base(name), bytes.NewReader(raw), nil))
}

// RemoveChecklistFile takes the evidence file off a checklist item.
func (d *DossierAPI) RemoveChecklistFile(id, item string) (dossier.View, error) {
	return result(d.c.Dossiers.RemoveChecklistFile(id, item))
}

// LinkChecklistDeliverable links a checklist item's evidence to a
// deliverable of the dossier ("" removes the link). Code
// dossier.unknown_deliverable.
func (d *DossierAPI) LinkChecklistDeliverable(id, item, deliverable string) (dossier.View, error) {
	return result(d.c.Dossiers.LinkChecklistDeliverable(id, item, deliverable))
}

// OpenTrialIssue records an issue found in the trial run after go-live.
func (d *DossierAPI) OpenTrialIssue(id string, req dossier.TrialIssueRequest) (dossier.View, error) {
	return result(d.c.Dossiers.OpenTrialIssue(id, req))
}

// CloseTrialIssue closes a trial-run issue with its resolution.
func (d *DossierAPI) CloseTrialIssue(id, issue, resolution string) (dossier.View, error) {
	return result(d.c.Dossiers.CloseTrialIssue(id, issue, resolution))
}
