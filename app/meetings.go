package app

import (
	"context"
	"path/filepath"

	"golive/backend/apperr"
	"golive/backend/core"
	"golive/backend/dossier"
	"golive/backend/meeting"
)

// MeetingAPI runs the go-live review meetings (项目上线评审会) on the
// chair's laptop: agenda and readiness board, attendance with witnessed
// signatures, decisions and the signed minutes.
type MeetingAPI struct {
	c   *core.Core
	ctx context.Context
}

// List returns every meeting, newest first: those chaired here and those
// known from the dossiers' review events.
func (m *MeetingAPI) List() ([]meeting.Meeting, error) { return result(m.c.Meetings.List()) }

// Create opens a meeting for a window or an ad-hoc list of dossiers.
func (m *MeetingAPI) Create(req meeting.CreateRequest) (meeting.Meeting, error) {
	return result(m.c.Meetings.Create(req))
}

// Board returns the meeting with its agenda's readiness, worst first.
func (m *MeetingAPI) Board(id string) (meeting.Board, error) { return result(m.c.Meetings.Board(id)) }

// SetAgenda replaces the agenda's dossiers.
func (m *MeetingAPI) SetAgenda(id string, dossiers []string) (meeting.Meeting, error) {
	return result(m.c.Meetings.SetAgenda(id, dossiers))
}

// SetAttendance records who is present, delegated or absent.
func (m *MeetingAPI) SetAttendance(id string, list []dossier.Attendee) (meeting.Meeting, error) {
	return result(m.c.Meetings.SetAttendance(id, list))
}

// Sign keeps attendee i's handwritten signature, a PNG as a data URL or
// base64 (the signature pad's output).
func (m *MeetingAPI) Sign(id string, i int, image string) (meeting.Meeting, error) {
	return result(m.c.Meetings.Sign(id, i, image))
}

// Decide records the meeting's decision on one dossier of its agenda: a
// signed event of that dossier.
func (m *MeetingAPI) Decide(id, dossierID string, d dossier.ReviewDecidedBody) (dossier.View, error) {
	return result(m.c.Meetings.Decide(id, dossierID, d))
}

// Close makes the signed minutes in lang and attaches them to every
// dossier the meeting decided on.
func (m *MeetingAPI) Close(id, lang string) (meeting.Meeting, error) {
	return result(m.c.CloseMeeting(id, lang))
}

// ExportMinutes saves the meeting's minutes where the user picks.
func (m *MeetingAPI) ExportMinutes(id string) (Exported, error) {
	mt, err := m.c.Meetings.Get(id)
	if err != nil {
		return Exported{}, fail(err)
	}
	if mt.Minutes == nil {
		return Exported{}, fail(apperr.New("meeting.no_minutes", "meeting", id))
	}
	path, err := saveFile(m.ctx, m.c, dialogExportPDF, filepath.Base(mt.Minutes.Name))
	if err != nil || path == "" {
		return Exported{}, fail(err)
	}
	f, err := m.c.Meetings.MinutesFile(id, path)
	if err != nil {
		return Exported{}, fail(err)
	}
	return Exported{Path: path, Bytes: int(f.Size)}, nil
}
