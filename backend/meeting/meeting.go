// Package meeting runs the go-live review meeting (项目上线评审会) on the
// chair's laptop: the agenda of a release window (or an ad-hoc list) with
// each dossier's readiness, worst first; the attendance from the roster
// with witnessed handwritten signatures; the decisions, each a signed
// event on its dossier (dossier.RecordReview); and the signed minutes
// (会议纪要), attached to every dossier the meeting decided on.
//
// The meeting itself is the chair's working record, kept in the folder's
// "meeting" bucket and never sent: what travels to everyone (by sync or
// exchange file) are the dossiers' review events, which carry the
// decision, the minutes PDF and the attendees' signatures. A folder that
// only received them still lists the meeting (from its dossiers) and can
// export its minutes.
package meeting

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"golive/backend/apperr"
	"golive/backend/dossier"
	"golive/backend/store"
)

// bucket holds the chair's meetings by id.
const bucket = "meeting"

// MaxSignature bounds a signature image read back for the minutes; the
// images kept are checked to be far smaller (dossier.MaxWitnessImage).
const MaxSignature = 2 << 20

// Meeting is one review meeting.
type Meeting struct {
	// ID is "rm-" and a date and a random suffix, e.g. rm-20261210-3fa2.
	ID    string `json:"id"`
	Title string `json:"title"`
	// Window is the release window reviewed, or the day of the windows
	// reviewed ("2027-01-28"), "" for an ad-hoc list.
	Window string `json:"window"`
	// Dossiers is the agenda, in the order added.
	Dossiers []string `json:"dossiers"`
	// HeldAt is when the meeting is held, with its zone.
	HeldAt time.Time `json:"held_at"`
	Place  string    `json:"place"`
	// Chair is the chair's public key; ChairName his name.
	Chair     string `json:"chair"`
	ChairName string `json:"chair_name"`
	// Attendance is the attendance list.
	Attendance []dossier.Attendee `json:"attendance"`
	// Minutes is the signed minutes once the meeting is closed.
	Minutes *dossier.EvidenceFile `json:"minutes,omitempty"`
	// Local is true for a meeting this folder holds (it was chaired
	// here); false for one known only from its dossiers' events.
	Local     bool      `json:"local"`
	CreatedAt time.Time `json:"created_at"`
}

// Closed reports whether the minutes were made.
func (m Meeting) Closed() bool { return m.Minutes != nil }

// CreateRequest opens a meeting.
type CreateRequest struct {
	Title string `json:"title"`
	// Window is the window whose dossiers make the agenda, or a day
	// ("2027-01-28": every window of that evening); Dossiers an ad-hoc
	// list (added after the window's).
	Window   string   `json:"window"`
	Dossiers []string `json:"dossiers"`
	// HeldAt is when it is held ("2026-12-08 14:00" or RFC 3339); "" is
	// now.
	HeldAt string `json:"held_at"`
	Place  string `json:"place"`
}

// Service keeps the chair's meetings.
type Service struct {
	Store    *store.Store
	Dossiers *dossier.Service
	// Me returns the unlocked profile's public key and name (profile.locked
	// when none is).
	Me func() (key, name string, err error)
	// Now and Zone are the clock and the zone new times are stored in.
	Now  func() time.Time
	Zone *time.Location
}

func (s *Service) now() time.Time {
	t := time.Now()
	if s.Now != nil {
		t = s.Now()
	}
	if s.Zone != nil {
		t = t.In(s.Zone)
	}
	return t.Truncate(time.Second)
}

// isDay reports whether s is a day, "2006-01-02", rather than a window id.
func isDay(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

func (s *Service) zone() *time.Location {
	if s.Zone != nil {
		return s.Zone
	}
	return time.Local
}

// Create opens a meeting chaired by the unlocked profile. Codes:
// profile.locked, meeting.title_required, meeting.empty_agenda (no dossier
// in the window nor the list), dossier.not_found, dossier.bad_time.
func (s *Service) Create(req CreateRequest) (Meeting, error) {
	key, name, err := s.Me()
	if err != nil {
		return Meeting{}, err
	}
	m := Meeting{Title: strings.TrimSpace(req.Title), Window: strings.TrimSpace(req.Window), Place: strings.TrimSpace(req.Place),
		Chair: key, ChairName: name, Attendance: []dossier.Attendee{}, Dossiers: []string{}, Local: true, CreatedAt: s.now()}
	if m.Title == "" {
		return Meeting{}, apperr.New("meeting.title_required")
	}
	m.HeldAt = m.CreatedAt
	if strings.TrimSpace(req.HeldAt) != "" {
		if m.HeldAt, err = dossier.ParseTime(req.HeldAt, s.Zone); err != nil {
			return Meeting{}, err
		}
	}
	if m.Window != "" {
		list, err := s.Dossiers.List(dossier.Filter{})
		if err != nil {
			return Meeting{}, err
		}
		day := isDay(m.Window)
		for _, d := range list {
			if d.OutOfScope != "" || d.Window == "" {
				continue
			}
			if d.Window == m.Window || day && d.PlannedAt.In(s.zone()).Format(time.DateOnly) == m.Window {
				m.Dossiers = append(m.Dossiers, d.ID)
			}
		}
	}
	for _, id := range req.Dossiers {
		if slices.Contains(m.Dossiers, id) {
			continue
		}
		if _, err := s.Dossiers.Get(id); err != nil {
			return Meeting{}, err
		}
		m.Dossiers = append(m.Dossiers, id)
	}
	if len(m.Dossiers) == 0 {
		return Meeting{}, apperr.New("meeting.empty_agenda", "window", m.Window)
	}
	// The id is the day and a digest of who opened what when: the same
	// on every run of the same clock (the recorded fixtures), and another
	// meeting of the same second gets the next digest.
	for n := 0; ; n++ {
		sum := sha256.Sum256([]byte(m.Chair + "\x00" + m.CreatedAt.Format(time.RFC3339Nano) + "\x00" + m.Title + "\x00" + strconv.Itoa(n)))
		m.ID = "rm-" + m.HeldAt.Format("20060102") + "-" + hex.EncodeToString(sum[:2])
		var other Meeting
		if err := s.Store.Get(bucket, m.ID, &other); apperr.HasCode(err, "store.not_found") {
			break
		} else if err != nil {
			return Meeting{}, err
		}
	}
	return m, s.Store.Put(bucket, m.ID, m)
}

// Get returns meeting id: the one kept here, else the one its dossiers'
// events name. Code meeting.not_found.
func (s *Service) Get(id string) (Meeting, error) {
	var m Meeting
	err := s.Store.Get(bucket, id, &m)
	if err == nil {
		return m, nil
	}
	if !apperr.HasCode(err, "store.not_found") {
		return Meeting{}, err
	}
	all, err := s.known()
	if err != nil {
		return Meeting{}, err
	}
	for _, k := range all {
		if k.ID == id {
			return k, nil
		}
	}
	return Meeting{}, apperr.New("meeting.not_found", "meeting", id)
}

// List returns every meeting: those kept here and those known from the
// dossiers' review events, newest first.
func (s *Service) List() ([]Meeting, error) {
	out := []Meeting{}
	seen := map[string]bool{}
	err := s.Store.Each(bucket, func(_ string, raw []byte) error {
		var m Meeting
		if err := json.Unmarshal(raw, &m); err != nil {
			return err
		}
		seen[m.ID] = true
		out = append(out, m)
		return nil
	})
	if err != nil {
		return nil, err
	}
	known, err := s.known()
	if err != nil {
		return nil, err
	}
	for _, k := range known {
		if !seen[k.ID] {
			out = append(out, k)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].HeldAt.After(out[j].HeldAt) })
	return out, nil
}

// known gathers the meetings the dossiers' review events name.
func (s *Service) known() ([]Meeting, error) {
	list, err := s.Dossiers.List(dossier.Filter{})
	if err != nil {
		return nil, err
	}
	by := map[string]*Meeting{}
	var order []string
	for _, d := range list {
		v, err := s.Dossiers.Get(d.ID)
		if err != nil {
			return nil, err
		}
		for _, r := range v.State.Reviews {
			m := by[r.Meeting]
			if m == nil {
				m = &Meeting{ID: r.Meeting, Title: r.Title, Chair: r.By, HeldAt: r.At, Dossiers: []string{}, Attendance: []dossier.Attendee{}}
				by[r.Meeting] = m
				order = append(order, r.Meeting)
			}
			if !slices.Contains(m.Dossiers, d.ID) {
				m.Dossiers = append(m.Dossiers, d.ID)
			}
			if r.Minutes != nil {
				f := *r.Minutes
				m.Minutes = &f
				m.HeldAt = r.HeldAt
			}
		}
	}
	out := make([]Meeting, 0, len(order))
	for _, id := range order {
		out = append(out, *by[id])
	}
	return out, nil
}

// local returns the meeting kept here, refusing one that is closed.
// Codes: meeting.not_found, meeting.not_local (known only from its
// dossiers), meeting.closed.
func (s *Service) local(id string) (Meeting, error) {
	m, err := s.Get(id)
	if err != nil {
		return Meeting{}, err
	}
	if !m.Local {
		return Meeting{}, apperr.New("meeting.not_local", "meeting", id)
	}
	if m.Closed() {
		return Meeting{}, apperr.New("meeting.closed", "meeting", id)
	}
	return m, nil
}

// SetAgenda replaces the agenda's dossiers. Codes: those of local,
// meeting.empty_agenda, dossier.not_found.
func (s *Service) SetAgenda(id string, dossiers []string) (Meeting, error) {
	m, err := s.local(id)
	if err != nil {
		return Meeting{}, err
	}
	out := []string{}
	for _, d := range dossiers {
		if slices.Contains(out, d) {
			continue
		}
		if _, err := s.Dossiers.Get(d); err != nil {
			return Meeting{}, err
		}
		out = append(out, d)
	}
	if len(out) == 0 {
		return Meeting{}, apperr.New("meeting.empty_agenda", "window", m.Window)
	}
	m.Dossiers = out
	return m, s.Store.Put(bucket, m.ID, m)
}

// SetAttendance records the attendance list; signatures already given
// stay with their person. Codes: those of local, meeting.bad_attendance
// (an unknown status, a delegation without a delegate, a person twice, a
// nameless line).
func (s *Service) SetAttendance(id string, list []dossier.Attendee) (Meeting, error) {
	m, err := s.local(id)
	if err != nil {
		return Meeting{}, err
	}
	signed := map[string]string{}
	for _, a := range m.Attendance {
		signed[a.Person+"\x00"+a.Name] = a.Signature
	}
	seen := map[string]bool{}
	out := make([]dossier.Attendee, 0, len(list))
	for _, a := range list {
		a.Name, a.Delegate, a.Person = strings.TrimSpace(a.Name), strings.TrimSpace(a.Delegate), strings.TrimSpace(a.Person)
		k := a.Person + "\x00" + a.Name
		switch {
		case a.Name == "":
			return Meeting{}, apperr.New("meeting.bad_attendance", "name", a.Person)
		case a.Status != dossier.AttendPresent && a.Status != dossier.AttendDelegated && a.Status != dossier.AttendAbsent:
			return Meeting{}, apperr.New("meeting.bad_attendance", "name", a.Name, "status", a.Status)
		case a.Status == dossier.AttendDelegated && a.Delegate == "":
			return Meeting{}, apperr.New("meeting.delegate_required", "name", a.Name)
		case seen[k]:
			return Meeting{}, apperr.New("meeting.bad_attendance", "name", a.Name)
		}
		seen[k] = true
		a.Signature = signed[k]
		if a.Status == dossier.AttendAbsent {
			a.Signature = ""
		}
		out = append(out, a)
	}
	m.Attendance = out
	return m, s.Store.Put(bucket, m.ID, m)
}

// Sign keeps attendee i's handwritten signature, drawn on the chair's
// laptop: a PNG in base64 (a data: URL accepted), checked as a witnessed
// decision's signature is (dossier.SignatureImage). Codes: those of local,
// meeting.no_attendee, meeting.absent_signs, the workflow.witness_image_*
// codes of SignatureImage.
func (s *Service) Sign(id string, i int, image string) (Meeting, error) {
	m, err := s.local(id)
	if err != nil {
		return Meeting{}, err
	}
	if i < 0 || i >= len(m.Attendance) {
		return Meeting{}, apperr.New("meeting.no_attendee")
	}
	if m.Attendance[i].Status == dossier.AttendAbsent {
		return Meeting{}, apperr.New("meeting.absent_signs", "name", m.Attendance[i].Name)
	}
	raw, err := dossier.SignatureImage(image)
	if err != nil {
		return Meeting{}, err
	}
	info, err := s.Dossiers.Blobs.Put(bytes.NewReader(raw), MaxSignature, nil)
	if err != nil {
		return Meeting{}, err
	}
	m.Attendance[i].Signature = info.SHA256
	return m, s.Store.Put(bucket, m.ID, m)
}

// Decide records the meeting's decision on one dossier of its agenda as a
// signed event of that dossier (dossier.RecordReview). Codes: those of
// local, meeting.not_on_agenda, and RecordReview's.
func (s *Service) Decide(id, dossierID string, d dossier.ReviewDecidedBody) (dossier.View, error) {
	m, err := s.local(id)
	if err != nil {
		return dossier.View{}, err
	}
	if !slices.Contains(m.Dossiers, dossierID) {
		return dossier.View{}, apperr.New("meeting.not_on_agenda", "dossier", dossierID)
	}
	d.Meeting, d.Title = m.ID, m.Title
	return s.Dossiers.RecordReview(dossierID, d)
}

// MinutesFile copies the signed minutes of meeting id to out. Codes:
// meeting.not_found, meeting.no_minutes (not closed yet), blob.*.
func (s *Service) MinutesFile(id, out string) (dossier.EvidenceFile, error) {
	m, err := s.Get(id)
	if err != nil {
		return dossier.EvidenceFile{}, err
	}
	if m.Minutes == nil {
		return dossier.EvidenceFile{}, apperr.New("meeting.no_minutes", "meeting", id)
	}
	if err := s.Dossiers.Blobs.CopyTo(m.Minutes.SHA256, out, nil); err != nil {
		return dossier.EvidenceFile{}, err
	}
	return *m.Minutes, nil
}

// BlobRefs returns the blobs a stored meeting record (raw JSON of the
// meeting bucket) references: its attendees' signatures and its minutes,
// which the start-up sweep must keep before any event names them.
func BlobRefs(raw []byte) []string {
	var m Meeting
	if json.Unmarshal(raw, &m) != nil {
		return nil
	}
	var out []string
	for _, a := range m.Attendance {
		if a.Signature != "" {
			out = append(out, a.Signature)
		}
	}
	if m.Minutes != nil {
		out = append(out, m.Minutes.SHA256)
	}
	return out
}

// Bucket is the store bucket the meetings are kept in.
const Bucket = bucket
