package meeting

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"golive/backend/apperr"
	"golive/backend/dossier"
	"golive/backend/printable"
	"golive/backend/template"
)

// Renderer makes the signed PDF of a document's content (core wires the
// documents service and the unlocked profile's PDF signer).
type Renderer func(c *printable.Content) (pdf []byte, fileName string, err error)

// Close makes the meeting's minutes (会议纪要) in lang as a signed PDF and
// attaches them to every dossier the meeting decided on (a review.minutes
// event each, carrying the attendance and its signatures). Closing again
// after an interruption attaches the same minutes where they are still
// missing. Codes: profile.locked, meeting.not_found, meeting.not_local,
// meeting.not_chair_here (another profile opened it),
// meeting.no_decisions, printable.bad_lang, the renderer's, and
// dossier.AttachMinutes's.
func (s *Service) Close(id, lang string, render Renderer) (Meeting, error) {
	l, err := printable.ParseLang(lang)
	if err != nil {
		return Meeting{}, err
	}
	m, err := s.Get(id)
	if err != nil {
		return Meeting{}, err
	}
	if !m.Local {
		return Meeting{}, apperr.New("meeting.not_local", "meeting", id)
	}
	key, _, err := s.Me()
	if err != nil {
		return Meeting{}, err
	}
	if key != m.Chair {
		return Meeting{}, apperr.New("meeting.not_chair_here", "chair", m.ChairName)
	}
	b, err := s.Board(id)
	if err != nil {
		return Meeting{}, err
	}
	if b.Decided == 0 {
		return Meeting{}, apperr.New("meeting.no_decisions")
	}
	if m.Minutes == nil {
		content := printable.BuildMinutes(m.Title, s.minutesOf(b, l), s.Dossiers.Template().Organisation, l)
		doc, name, err := render(content)
		if err != nil {
			return Meeting{}, err
		}
		info, err := s.Dossiers.Blobs.Put(bytes.NewReader(doc), int64(len(doc))+1, nil)
		if err != nil {
			return Meeting{}, err
		}
		m.Minutes = &dossier.EvidenceFile{SHA256: info.SHA256, Name: name, Size: info.Size, Mime: "application/pdf"}
		// Kept first: the record references the file (the sweep keeps
		// it) and a retry attaches these same minutes.
		if err := s.Store.Put(bucket, m.ID, m); err != nil {
			return Meeting{}, err
		}
	}
	for _, r := range b.Rows {
		if r.Decision == nil || r.Decision.Minutes != nil {
			continue
		}
		body := dossier.ReviewMinutesBody{Meeting: m.ID, Title: m.Title, HeldAt: m.HeldAt.Format(time.RFC3339), File: *m.Minutes,
			Attendance: m.Attendance}
		if _, err := s.Dossiers.AttachMinutes(r.Dossier.ID, body); err != nil {
			return m, err
		}
	}
	return m, nil
}

// minutesOf turns the board into the minutes' content in l.
func (s *Service) minutesOf(b Board, l printable.Lang) printable.Minutes {
	m, tpl := b.Meeting, s.Dossiers.Template()
	out := printable.Minutes{Meeting: m.ID, Window: m.Window, Chair: m.ChairName, HeldAt: m.HeldAt.Format("2006-01-02 15:04 MST"), Place: m.Place}
	if m.Window != "" {
		if w, err := s.Dossiers.Windows.Window(m.Window); err == nil {
			out.Window = l.T(w.Name())
		}
	}
	for _, a := range m.Attendance {
		out.Attendance = append(out.Attendance, printable.MinutesAttendee{Name: a.Name, Department: a.Department,
			Status: l.L("attend." + a.Status), Delegate: a.Delegate, Signature: a.Signature})
	}
	for i, r := range b.Rows {
		it := printable.MinutesItem{No: i + 1, Dossier: r.Dossier.ID, System: r.Dossier.SystemCode, Title: r.Dossier.Title, Readiness: readiness(r, tpl, l)}
		if d := r.Decision; d != nil {
			it.Decision, it.Conditions, it.Remark = l.L("review."+d.Decision), d.Conditions, d.Remark
			if d.Decision == dossier.ReviewPostpone && d.Window != "" {
				it.Window = "→ " + d.Window
				if w, err := s.Dossiers.Windows.Window(d.Window); err == nil {
					it.Window = "→ " + l.T(w.Name())
				}
			}
		}
		out.Agenda = append(out.Agenda, it)
	}
	return out
}

// readiness is a row's findings as one line per check, in l.
func readiness(r Row, tpl *template.Template, l printable.Lang) string {
	var lines []string
	for _, c := range r.Checks {
		if c.Level == LevelOK && c.Code != CheckChecklist {
			continue
		}
		line := l.L("rd." + c.Code)
		switch c.Code {
		case CheckChecklist:
			line = fmt.Sprintf("%s %d/%d", line, r.Dossier.ChecklistDone, r.Dossier.ChecklistTotal)
		case CheckDeliverables, CheckConditions, CheckStale:
			line += "：" + joinTexts(c.Names, l)
		case CheckApprovals:
			var roles []string
			for _, t := range c.Tasks {
				name := t.Role
				if role, ok := tpl.Role(t.Role); ok {
					name = l.T(role.Name)
				}
				roles = append(roles, name)
			}
			line += "：" + strings.Join(roles, "、")
			if len(c.People) > 0 {
				line += "（" + strings.Join(c.People, "、") + "）"
			}
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

func joinTexts(ts []template.Text, l printable.Lang) string {
	var out []string
	for _, t := range ts {
		out = append(out, l.T(t))
	}
	return strings.Join(out, "、")
}
