package roster

import (
	"time"

	"golive/backend/apperr"
)

// CodeNoDraft: the data folder holds no roster draft to publish.
const CodeNoDraft = "roster.no_draft"

// keyDraft is the record of the folder's draft: "roster/draft".
const keyDraft = "draft"

// Draft is the roster a data folder is preparing for the PMO to publish:
// a local record, never signed or exchanged. Saving a new draft replaces
// the old one; publishing leaves it in place.
type Draft struct {
	// Roster is the draft; its Version is set when it is published.
	Roster Roster `json:"roster"`
	// Source says where the draft came from, e.g. the workbook's file name.
	Source string `json:"source"`
	// SavedAt is when the draft was saved, in the folder's zone.
	SavedAt time.Time `json:"saved_at"`
}

// SaveDraft replaces the folder's draft with r, normalized (Normalize),
// noting where it came from. It does not validate r: a draft may be
// incomplete until it is published. Codes: store codes.
func (s *Service) SaveDraft(r Roster, source string) (Draft, error) {
	c, err := cloneRoster(r)
	if err != nil {
		return Draft{}, err
	}
	c.Normalize()
	d := Draft{Roster: c, Source: source, SavedAt: s.Now().In(s.Zone)}
	if err := s.st.Put(bucket, keyDraft, d); err != nil {
		return Draft{}, err
	}
	return d, nil
}

// Draft returns the folder's draft, and false when there is none. Codes:
// store codes.
func (s *Service) Draft() (Draft, bool, error) {
	var d Draft
	err := s.st.Get(bucket, keyDraft, &d)
	if apperr.HasCode(err, "store.not_found") {
		return Draft{}, false, nil
	}
	if err != nil {
		return Draft{}, false, err
	}
	return d, true, nil
}
