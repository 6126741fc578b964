package app

import "golive/backend/dossier"

// RecordOutOfScope puts on record a change the process excludes from its
// scope (data-only change, software/hardware upgrade or replacement,
// configuration update without program code change), with its reason; it
// follows no approval flow.
func (d *DossierAPI) RecordOutOfScope(req dossier.OutOfScopeRequest) (dossier.View, error) {
	return result(d.c.Dossiers.RecordOutOfScope(req))
}

// RecordPostReview records the post-release review (事后复盘) of a
// confirmed release whose mode asks for one.
func (d *DossierAPI) RecordPostReview(id string, r dossier.PostReviewRequest) (dossier.View, error) {
	return result(d.c.Dossiers.RecordPostReview(id, r))
}
