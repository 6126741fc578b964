package core

import (
	"io"

	"golive/backend/apperr"
	"golive/backend/meeting"
	"golive/backend/printable"
)

// CloseMeeting makes the signed minutes of review meeting id in lang with
// the unlocked profile's PDF signer and attaches them to every dossier
// the meeting decided on (meeting.Service.Close). Codes: profile.locked
// and those of Close.
func (c *Core) CloseMeeting(id, lang string) (meeting.Meeting, error) {
	return c.Meetings.Close(id, lang, func(content *printable.Content) ([]byte, string, error) {
		signer, err := c.PDFSigner()
		if err != nil {
			return nil, "", err
		}
		out, err := c.Documents().Render(content, signer)
		if err != nil {
			return nil, "", err
		}
		return out.PDF, out.FileName, nil
	})
}

// minutesPDF returns the stored minutes of meeting id. Codes:
// meeting.not_found, meeting.no_minutes, blob.*.
func (c *Core) minutesPDF(id string) ([]byte, error) {
	m, err := c.Meetings.Get(id)
	if err != nil {
		return nil, err
	}
	if m.Minutes == nil {
		return nil, apperr.New("meeting.no_minutes", "meeting", id)
	}
	f, err := c.Dossiers.Blobs.Open(m.Minutes.SHA256)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, 64<<20))
}
