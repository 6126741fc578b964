package dossier

import (
	"encoding/json"
	"io"
	"mime"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"golive/backend/apperr"
	"golive/backend/blob"
	"golive/backend/profile"
	"golive/backend/template"
	"golive/backend/window"
	"golive/backend/workflow"
)

// act appends one workflow event built from the state by body. The fold
// decides whether the event is allowed; a refused event is never written.
func (s *Service) act(id, kind string, body func(st State, me profile.Summary) (any, error)) (View, error) {
	me, _, err := s.profiles.Signer()
	if err != nil {
		return View{}, err
	}
	chain, err := s.chain()
	if err != nil {
		return View{}, err
	}
	return s.append(id, func(st State, tpl *template.Template) (string, any, error) {
		if st.Flow == nil || st.Plan == nil {
			return "", nil, apperr.New("workflow.no_flow", "type", st.Type)
		}
		if _, ok := chain.Tip(); ok && tpl != nil {
			// With a roster the event claims the role the step needs
			// and the fold asks the roster whether the key holds it; the
			// roles a profile claims for itself no longer matter.
			me.Roles = me.Roles[:0:0]
			for _, r := range tpl.Roles {
				me.Roles = append(me.Roles, r.ID)
			}
		}
		b, err := body(st, me)
		if err != nil {
			return kind, b, err
		}
		b, err = s.underRoster(b)
		return kind, b, err
	})
}

// underRoster adds to a workflow body the id of the roster version in
// force ("roster"), which the fold judges the event's author under; a
// folder without a roster leaves the body as it is.
func (s *Service) underRoster(body any) (any, error) {
	chain, err := s.chain()
	if err != nil || chain == nil {
		return body, err
	}
	tip, ok := chain.Tip()
	if !ok {
		return body, nil
	}
	raw, err := json.Marshal(body)
	if err != nil {
		return nil, apperr.Wrap(err, "workflow.bad_body", "kind", "roster")
	}
	fields := map[string]json.RawMessage{}
	if err := json.Unmarshal(raw, &fields); err != nil {
		return nil, apperr.Wrap(err, "workflow.bad_body", "kind", "roster")
	}
	fields["roster"], _ = json.Marshal(tip.Event)
	return fields, nil
}

// roleFor returns want when the profile holds it, else "" (the fold then
// refuses with workflow.not_permitted naming the role needed).
func roleFor(me profile.Summary, want string) string {
	if slices.Contains(me.Roles, want) {
		return want
	}
	return ""
}

// Attach copies the file at path into the blob store and adds it as a new
// version of deliverable (a step deliverable id, or "doc:<document>").
func (s *Service) Attach(id, deliverable, path, note string, progress blob.Progress) (View, error) {
	f, err := os.Open(path)
	if err != nil {
		return View{}, apperr.Wrap(err, "blob.unreadable", "path", path)
	}
	defer f.Close()
	return s.AttachReader(id, deliverable, filepath.Base(path), f, note, progress)
}

// AttachReader is Attach for contents read from r under the file name name.
func (s *Service) AttachReader(id, deliverable, name string, r io.Reader, note string, progress blob.Progress) (View, error) {
	if s.Blobs == nil {
		return View{}, apperr.New("blob.unavailable")
	}
	if _, err := s.Get(id); err != nil {
		return View{}, err
	}
	// The file is staged, and kept only once the event referencing it is
	// committed: a refused attachment leaves nothing in the blob store.
	staged, err := s.Blobs.Stage(r, 0, progress)
	if err != nil {
		return View{}, err
	}
	v, err := s.act(id, workflow.KindAttached, func(State, profile.Summary) (any, error) {
		return workflow.AttachBody{Deliverable: deliverable, SHA256: staged.SHA256, Name: name, Size: staged.Size,
			Mime: mime.TypeByExtension(strings.ToLower(filepath.Ext(name))), Note: note}, nil
	})
	return v, s.settle(id, staged, err)
}

// RecordPackage records the release package at path by name, size and
// SHA-256 only (computed here, with progress), without copying it.
func (s *Service) RecordPackage(id, deliverable, path, note string, progress blob.Progress) (View, error) {
	f, err := os.Open(path)
	if err != nil {
		return View{}, apperr.Wrap(err, "blob.unreadable", "path", path)
	}
	defer f.Close()
	return s.RecordPackageReader(id, deliverable, filepath.Base(path), f, note, progress)
}

// RecordPackageReader is RecordPackage for contents read from r.
func (s *Service) RecordPackageReader(id, deliverable, name string, r io.Reader, note string, progress blob.Progress) (View, error) {
	info, err := blob.Hash(r, progress)
	if err != nil {
		return View{}, err
	}
	return s.act(id, workflow.KindAttached, func(State, profile.Summary) (any, error) {
		return workflow.AttachBody{Deliverable: deliverable, SHA256: info.SHA256, Name: name, Size: info.Size, HashOnly: true, Note: note}, nil
	})
}

// Submit starts the approval flow with the start step's answers.
func (s *Service) Submit(id string, answers map[string]workflow.Answer, comment string) (View, error) {
	return s.act(id, workflow.KindSubmitted, func(st State, me profile.Summary) (any, error) {
		return workflow.SubmitBody{Role: roleFor(me, st.Plan.Start().Role), Answers: answers, Comment: comment}, nil
	})
}

// DecideRequest is one approver's decision on a slot.
type DecideRequest struct {
	Step     string                     `json:"step"`
	Row      string                     `json:"row"`
	Decision string                     `json:"decision"`
	ReturnTo string                     `json:"return_to"`
	Comment  string                     `json:"comment"`
	Answers  map[string]workflow.Answer `json:"answers"`
	// Witness, when set, records the decision as a 在场签字: the approver
	// it names signed by hand on this screen (see WitnessRequest).
	Witness *WitnessRequest `json:"witness,omitempty"`
}

// Decide approves or returns a pending slot. With r.Witness the decision
// is a 在场签字: the image is checked and stored (workflow.witness_image_*
// codes), and the event, signed by the unlocked profile's key, claims the
// slot's role for the approver it names; the fold judges it by the roster.
func (s *Service) Decide(id string, r DecideRequest) (View, error) {
	witness, image, err := s.storeWitness(r.Witness)
	if err != nil {
		return View{}, err
	}
	v, err := s.act(id, workflow.KindDecided, func(st State, me profile.Summary) (any, error) {
		spec, _ := st.Plan.Slot(r.Step, r.Row)
		role := roleFor(me, spec.Role)
		if witness != nil {
			role = spec.Role
		}
		return workflow.DecideBody{Step: r.Step, Row: r.Row, Role: role, Decision: r.Decision,
			ReturnTo: r.ReturnTo, Comment: r.Comment, Answers: r.Answers, Witness: witness}, nil
	})
	return v, s.settle(id, image, err)
}

// Withdraw takes back a submission no one has decided on yet.
func (s *Service) Withdraw(id, comment string) (View, error) {
	return s.act(id, workflow.KindWithdrawn, func(st State, me profile.Summary) (any, error) {
		return workflow.WithdrawBody{Role: roleFor(me, st.Plan.Start().Role), Comment: comment}, nil
	})
}

// Transfer hands a pending decision to the person with public key to.
// Code workflow.bad_delegate for an unknown person.
func (s *Service) Transfer(id, step, row, to, comment string) (View, error) {
	dir, err := s.People()
	if err != nil {
		return View{}, err
	}
	who, ok := dir.Lookup(to)
	if !ok {
		return View{}, apperr.New("workflow.bad_delegate")
	}
	return s.act(id, workflow.KindTransferred, func(st State, me profile.Summary) (any, error) {
		spec, _ := st.Plan.Slot(step, row)
		return workflow.TransferBody{Step: step, Row: row, Role: roleFor(me, spec.Role), To: to, ToName: who.Name, Comment: comment}, nil
	})
}

// Comment records a comment on a step without deciding.
func (s *Service) Comment(id, step, row, text string) (View, error) {
	return s.act(id, workflow.KindCommented, func(State, profile.Summary) (any, error) {
		return workflow.CommentBody{Step: step, Row: row, Text: text}, nil
	})
}

// Urge reminds the pending approver of a slot.
func (s *Service) Urge(id, step, row, comment string) (View, error) {
	return s.act(id, workflow.KindUrged, func(State, profile.Summary) (any, error) {
		return workflow.UrgeBody{Step: step, Row: row, Comment: comment}, nil
	})
}

// File files the approved flow (流程备案).
func (s *Service) File(id, comment string) (View, error) {
	return s.act(id, workflow.KindFiled, func(st State, me profile.Summary) (any, error) {
		role := ""
		if f := st.Plan.StepOfKind(template.KindFiling); f != nil {
			role = roleFor(me, f.Role)
		}
		return workflow.SignoffBody{Role: role, Comment: comment}, nil
	})
}

// SaveRunbook replaces the current attempt's runbook and scenario tests.
func (s *Service) SaveRunbook(id string, runbook []workflow.RunbookRow, tests []workflow.TestRow) (View, error) {
	return s.act(id, workflow.KindRunbook, func(st State, me profile.Summary) (any, error) {
		return workflow.RunbookBody{Role: roleFor(me, st.Plan.Settings.ReleaseOperatorRole), Runbook: runbook, Tests: tests}, nil
	})
}

// CheckPackage re-hashes the package file actually deployed and records
// whether it matches the approved one.
func (s *Service) CheckPackage(id, path string, progress blob.Progress) (View, error) {
	f, err := os.Open(path)
	if err != nil {
		return View{}, apperr.Wrap(err, "blob.unreadable", "path", path)
	}
	defer f.Close()
	return s.CheckPackageReader(id, filepath.Base(path), f, progress)
}

// CheckPackageReader is CheckPackage for contents read from r.
func (s *Service) CheckPackageReader(id, name string, r io.Reader, progress blob.Progress) (View, error) {
	info, err := blob.Hash(r, progress)
	if err != nil {
		return View{}, err
	}
	return s.act(id, workflow.KindPackageChecked, func(st State, me profile.Summary) (any, error) {
		return workflow.PackageCheckBody{Role: roleFor(me, st.Plan.Settings.ReleaseOperatorRole), Name: name, Size: info.Size, SHA256: info.SHA256}, nil
	})
}

// operatorSignoff records an override, the release or the supervision.
func (s *Service) operatorSignoff(id, kind, comment string, supervisor bool) (View, error) {
	return s.act(id, kind, func(st State, me profile.Summary) (any, error) {
		want := st.Plan.Settings.ReleaseOperatorRole
		if supervisor {
			want = st.Plan.Settings.SupervisorRole
		}
		return workflow.SignoffBody{Role: roleFor(me, want), Comment: comment}, nil
	})
}

// Override accepts a package hash mismatch with an explanation.
func (s *Service) Override(id, reason string) (View, error) {
	return s.operatorSignoff(id, workflow.KindOverride, reason, false)
}

// Release records that the release operator finished the release.
func (s *Service) Release(id, comment string) (View, error) {
	return s.operatorSignoff(id, workflow.KindReleased, comment, false)
}

// Supervise records the supervisor's sign-off of the execution.
func (s *Service) Supervise(id, comment string) (View, error) {
	return s.operatorSignoff(id, workflow.KindSupervised, comment, true)
}

// SameDayTest records the requesting side's test on release day.
func (s *Service) SameDayTest(id, confirmedBy, testedAt, note string) (View, error) {
	return s.act(id, workflow.KindSameDayTest, func(State, profile.Summary) (any, error) {
		return workflow.SameDayTestBody{ConfirmedBy: confirmedBy, TestedAt: testedAt, Note: note}, nil
	})
}

// Confirm records the release's success or failure.
func (s *Service) Confirm(id string, success bool, answers map[string]workflow.Answer, rollback, comment string) (View, error) {
	return s.act(id, workflow.KindConfirmed, func(st State, me profile.Summary) (any, error) {
		return workflow.ConfirmBody{Role: roleFor(me, st.Plan.Confirm().Role), Success: success, Answers: answers, Rollback: rollback, Comment: comment}, nil
	})
}

// Postpone moves the release (顺延) to the release window windowID —
// whose start becomes the planned time — or, with windowID "", to
// plannedAt (new systems and emergency releases set their own time).
func (s *Service) Postpone(id string, productionUnchanged bool, reason, plan, plannedAt, windowID string) (View, error) {
	if windowID != "" {
		f := Fields{Window: &windowID}
		cur, err := s.Get(id)
		if err != nil {
			return View{}, err
		}
		if err := s.checkWindow(cur.State.SystemCode, cur.State.Type, cur.State.Mode, &f, false); err != nil {
			return View{}, err
		}
		if f.PlannedAt != nil {
			plannedAt = *f.PlannedAt
		}
	}
	return s.act(id, workflow.KindPostponed, func(st State, me profile.Summary) (any, error) {
		role := ""
		if p := st.Plan.StepOfKind(template.KindPostpone); p != nil {
			role = roleFor(me, p.Role)
		}
		if windowID == "" && needsWindow(st.Type, st.Mode) && s.Windows != nil {
			return nil, apperr.New("dossier.window_required")
		}
		return workflow.PostponeBody{Role: role, ProductionUnchanged: productionUnchanged, Reason: reason, Plan: plan, PlannedAt: plannedAt, Window: windowID}, nil
	})
}

// Archive freezes a confirmed dossier; notApplicable explains each
// standard document that is absent.
func (s *Service) Archive(id string, notApplicable map[string]string) (View, error) {
	return s.act(id, workflow.KindArchived, func(st State, me profile.Summary) (any, error) {
		return workflow.ArchiveBody{Role: s.claimOne(st, me, workflow.KindArchived, st.Plan.Settings.ArchiveRoles), NotApplicable: notApplicable}, nil
	})
}

// claimOne returns the first of roles the profile me may act in with an
// event of kind on the dossier in state st, "" for none (the fold then
// names the roles needed): by the roster's verdict, the fold's own, when
// the folder has a roster; else by the roles the profile claims.
func (s *Service) claimOne(st State, me profile.Summary, kind string, roles []string) string {
	if v, err := s.get(st.ID); err == nil && v.authority != nil {
		probe := v.authority.probe(v.State, me.PublicKey, s.Now().In(zoneOf(st.Zone)))
		for _, r := range roles {
			if probe(kind, "", "", r) == nil {
				return r
			}
		}
		return ""
	}
	for _, r := range roles {
		if slices.Contains(me.Roles, r) {
			return r
		}
	}
	return ""
}

// InboxItem is one task waiting for the current profile.
type InboxItem struct {
	workflow.Task
	Dossier        string    `json:"dossier"`
	Title          string    `json:"title"`
	SystemCode     string    `json:"system_code"`
	SystemName     string    `json:"system_name"`
	Mode           string    `json:"mode"`
	NotFullyTested bool      `json:"not_fully_tested"`
	PlannedAt      time.Time `json:"planned_at"`
	// Delegated is true when the task was transferred to this profile.
	Delegated bool `json:"delegated"`
}

// Inbox lists what waits for the unlocked profile (待我审批), oldest
// first: decisions for its roles or transferred to it, and the other tasks
// its roles carry (submit, file, execute, supervise, confirm, postpone,
// archive).
func (s *Service) Inbox() ([]InboxItem, error) {
	me, _, err := s.profiles.Signer()
	if err != nil {
		return nil, err
	}
	list, err := s.List(Filter{})
	if err != nil {
		return nil, err
	}
	chain, err := s.chain()
	if err != nil {
		return nil, err
	}
	_, rostered := chain.Tip()
	out := []InboxItem{}
	for _, d := range list {
		waits, err := s.waitsOn(d, rostered)
		if err != nil {
			return nil, err
		}
		// The people preparing a release are told when the PMO moved,
		// cancelled or froze its window before it was released.
		if d.WindowState != "" && d.WindowState != window.StateOpen && d.CreatedBy == me.PublicKey &&
			slices.Contains([]string{workflow.PhaseDraft, workflow.PhaseApproval, workflow.PhaseFiling, workflow.PhaseExecution}, d.Phase) {
			out = append(out, InboxItem{Task: workflow.Task{Kind: "window_changed", Role: "", Since: d.UpdatedAt}, Dossier: d.ID, Title: d.Title,
				SystemCode: d.SystemCode, SystemName: d.SystemName, Mode: d.Mode, NotFullyTested: d.NotFullyTested, PlannedAt: d.PlannedAt})
		}
		for _, t := range d.Tasks {
			ok, delegated := waits(t, me.PublicKey, me.Roles)
			if !ok {
				continue
			}
			out = append(out, InboxItem{Task: t, Dossier: d.ID, Title: d.Title, SystemCode: d.SystemCode, SystemName: d.SystemName,
				Mode: d.Mode, NotFullyTested: d.NotFullyTested, PlannedAt: d.PlannedAt, Delegated: delegated})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].Since.Equal(out[j].Since) {
			return out[i].Since.Before(out[j].Since)
		}
		return out[i].Dossier < out[j].Dossier
	})
	return out, nil
}

// waitsOn returns the inbox's rule for dossier d: whether task t waits
// for the holder of key, who claims roles, and whether by a transfer to
// him. With a roster (rostered) the roster says whose task it is, by the
// fold's own rules (scoped roles, delegations, duties); without one the
// roles claimed do. A draft waits only for the person preparing it.
func (s *Service) waitsOn(d Summary, rostered bool) (func(t workflow.Task, key string, roles []string) (waits, delegated bool), error) {
	var probe func(key string) func(kind, step, row, role string) error
	if rostered && len(d.Tasks) > 0 {
		v, err := s.get(d.ID)
		if err != nil {
			return nil, err
		}
		if j := v.authority; j != nil {
			at := s.Now().In(zoneOf(v.State.Zone))
			probe = func(key string) func(kind, step, row, role string) error { return j.probe(v.State, key, at) }
		}
	}
	return func(t workflow.Task, key string, roles []string) (bool, bool) {
		delegated := t.Delegate != "" && t.Delegate == key
		holds := false
		if probe != nil {
			holds = probe(key)(taskKinds[t.Kind], t.Step, t.Row, t.Role) == nil
		} else {
			holds = slices.Contains(roles, t.Role)
		}
		if !delegated && !holds {
			return false, false
		}
		if t.Kind == "submit" && d.CreatedBy != key {
			return false, false // a draft waits for the person preparing it
		}
		return true, delegated
	}, nil
}

// Waiter is a person of the roster in force whom one of a dossier's tasks
// waits for.
type Waiter struct {
	// Person is his roster id; Key the key the task waits on.
	Person string `json:"person"`
	Key    string `json:"key"`
	// Task is the task; Delegated is true when it was transferred to him.
	Task      workflow.Task `json:"task"`
	Delegated bool          `json:"delegated"`
}

// WaitsFor lists who of the roster in force the open tasks of dossier id
// wait for, by the rule of Inbox (each person with each of his keys the
// chain has not revoked; a person once per task). Notices of a filed flow
// are left out. Codes: dossier.not_found, roster.none (no roster).
func (s *Service) WaitsFor(id string) ([]Waiter, error) {
	v, err := s.get(id)
	if err != nil {
		return nil, err
	}
	chain, err := s.chain()
	if err != nil {
		return nil, err
	}
	tip, ok := chain.Tip()
	if !ok {
		return nil, apperr.New(workflow.CodeNoRoster)
	}
	d := s.summarize(v.State)
	waits, err := s.waitsOn(d, true)
	if err != nil {
		return nil, err
	}
	out := []Waiter{}
	for _, t := range d.Tasks {
		if t.Kind == "filed" {
			continue
		}
		for _, p := range tip.People {
			for _, k := range p.Keys {
				if _, _, revoked := chain.Revoked(k.Public); revoked {
					continue
				}
				if ok, delegated := waits(t, k.Public, p.Roles); ok {
					out = append(out, Waiter{Person: p.ID, Key: k.Public, Task: t, Delegated: delegated})
					break
				}
			}
		}
	}
	return out, nil
}

// taskKinds maps each kind of workflow.Task onto the event that does it,
// for asking the roster whose task it is; a filing notice (filed) asks as
// a comment would, by role alone.
var taskKinds = map[string]string{
	"submit": workflow.KindSubmitted, "file": workflow.KindFiled, "execute": workflow.KindReleased,
	"supervise": workflow.KindSupervised, "confirm": workflow.KindConfirmed, "postpone": workflow.KindPostponed,
	"archive": workflow.KindArchived, "filed": workflow.KindCommented, "decide": workflow.KindDecided,
}
