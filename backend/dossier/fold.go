package dossier

import (
	"encoding/json"
	"errors"
	"sort"
	"strconv"
	"strings"
	"time"

	"golive/backend/apperr"
	"golive/backend/keys"
	"golive/backend/ledger"
	"golive/backend/roster"
	"golive/backend/template"
	"golive/backend/workflow"
	"golive/backend/zone"
)

// StageOrder is the stage track in order.
var StageOrder = []string{StagePlanning, StagePreparation, StageApproval, StageExecution, StageConfirmation, StageArchive}

func stageIndex(s string) int {
	for i, v := range StageOrder {
		if v == s {
			return i
		}
	}
	return -1
}

// Resolver returns the template pinned under key ("id@version").
type Resolver func(key string) (*template.Template, error)

// Fold computes a dossier's state and history from its events, in any
// order. It is pure: the same set of events always gives the same result.
// It returns dossier.empty for no events, dossier.no_creation when the log
// has no dossier.created root, the resolver's error for an unknown
// template, and the ledger's errors for a broken DAG.
//
// chain is the folder's organisation roster: when it has a version, every
// workflow event counts only if roster.Authorize lets its author act in the
// role the step needs (see doc.go, "Authority"); nil or empty takes the
// role an event claims at its word.
func Fold(events []ledger.Event, resolve Resolver, chain *roster.Chain) (State, []HistoryEntry, error) {
	st, hist, _, _, err := fold(events, resolve, chain)
	return st, hist, err
}

// fold is Fold that also returns why each ignored event was ignored, and
// the judge that decided them (nil without a roster), which can still
// answer what a new event would count for.
func fold(events []ledger.Event, resolve Resolver, chain *roster.Chain) (State, []HistoryEntry, map[string]error, *judge, error) {
	if len(events) == 0 {
		return State{}, nil, nil, nil, apperr.New("dossier.empty")
	}
	ordered, err := ledger.Order(events)
	if err != nil {
		return State{}, nil, nil, nil, err
	}
	first := ordered[0]
	if first.Kind != KindCreated || len(first.Parents) != 0 {
		return State{}, nil, nil, nil, apperr.New("dossier.no_creation", "dossier", first.Dossier)
	}
	var created createdBody
	if err := first.Decode(&created); err != nil {
		return State{}, nil, nil, nil, apperr.Wrap(err, "dossier.no_creation", "dossier", first.Dossier)
	}
	tpl, err := resolve(created.Template)
	if err != nil {
		return State{}, nil, nil, nil, err
	}
	f := &replay{tpl: tpl, auth: authority(chain, tpl, ordered)}
	hist := make([]HistoryEntry, 0, len(ordered))
	ignored := map[string]error{}
	// phase and phaseSince follow when the workflow entered the phase it
	// is in: what a task of that phase has waited since.
	phase, phaseSince := "", time.Time{}
	for _, e := range ordered {
		h := HistoryEntry{Event: e.ID, Kind: e.Kind, Author: e.Author, Fingerprint: keys.FingerprintHex(e.Author), At: e.Time, Params: map[string]string{}}
		if err := f.apply(e, h.Params); err != nil {
			h.Ignored, h.IgnoredCode = true, apperr.Code(err)
			ignored[e.ID] = err
		}
		f.st.UpdatedAt = e.Time
		if f.st.Flow != nil && f.st.Flow.Phase != phase {
			phase, phaseSince = f.st.Flow.Phase, e.Time
		}
		hist = append(hist, h)
	}
	st := f.st
	st.Heads = ledger.Heads(ordered)
	st.Events = len(ordered)
	st.Stage = stageOf(st)
	st.Links = checklistLinks(st, tpl)
	if st.Flow != nil {
		st.Tasks = st.Flow.Tasks(st.Plan)
		for i := range st.Tasks {
			// A task the workflow gives no time of its own (submit, file,
			// execute) has waited since its phase began.
			if st.Tasks[i].Since.IsZero() {
				st.Tasks[i].Since = phaseSince
			}
		}
		st.Override = st.Flow.Execution.Override != nil
	}
	return st, hist, ignored, f.auth, nil
}

// stageOf maps the workflow phase onto the stage track; before submission
// the checklist decides between planning and preparation.
func stageOf(st State) string {
	if st.Flow == nil {
		return st.Stage
	}
	switch st.Flow.Phase {
	case workflow.PhaseApproval, workflow.PhaseFiling:
		return StageApproval
	case workflow.PhaseExecution:
		return StageExecution
	case workflow.PhaseConfirmation, workflow.PhaseFailed, workflow.PhaseConfirmed:
		return StageConfirmation
	case workflow.PhaseArchived:
		return StageArchive
	}
	return st.Stage
}

// replay carries the fold's state between events.
type replay struct {
	tpl *template.Template
	st  State
	// auth judges a workflow event's author in a role against the roster,
	// given the state so far; nil when the folder has no roster.
	auth *judge
}

// submitted reports whether the approval flow has started.
func (f *replay) submitted() bool {
	return f.st.Flow != nil && f.st.Flow.Phase != workflow.PhaseDraft
}

// replan rebuilds the plan after the type or mode changed in draft.
func (f *replay) replan() {
	p, err := workflow.NewPlan(f.tpl, f.st.Type, f.st.Mode)
	if err != nil {
		f.st.Plan, f.st.Flow = nil, nil
		return
	}
	deliverables := map[string][]workflow.Version{}
	if f.st.Flow != nil {
		deliverables = f.st.Flow.Deliverables
	}
	f.st.Plan, f.st.Flow = p, workflow.NewState(p)
	f.st.Flow.Deliverables = deliverables
	f.st.NotFullyTested = p.NotFullyTested
}

// apply folds one event into the state and fills the history params. It
// returns why an event was recorded but not applied.
func (f *replay) apply(e ledger.Event, p map[string]string) error {
	st := &f.st
	archived := st.Flow != nil && st.Flow.Phase == workflow.PhaseArchived
	if st.OutOfScope != nil && e.Kind != KindCreated && e.Kind != KindNote {
		// A change out of scope is only on record: it takes notes, and
		// nothing of a release.
		return apperr.New("dossier.out_of_scope", "kind", e.Kind)
	}
	switch e.Kind {
	case KindCreated:
		var b createdBody
		if st.ID != "" {
			return apperr.New("dossier.duplicate_creation")
		}
		if err := e.Decode(&b); err != nil {
			return apperr.Wrap(err, "workflow.bad_body", "kind", e.Kind)
		}
		st.ID, st.Template, st.SystemCode, st.Zone, st.WebFacing = e.Dossier, b.Template, b.SystemCode, b.Zone, b.WebFacing
		st.Stage = StagePlanning
		st.Checklist = map[string]ChecklistEntry{}
		st.Content = []ContentItem{}
		st.Reviews, st.Conditions = []Review{}, []Condition{}
		st.CreatedAt, st.CreatedBy = e.Time, e.Author
		st.LateRecord = b.LateRecord
		applyFields(st, b.Fields)
		if b.OutOfScope != nil {
			o := *b.OutOfScope
			st.OutOfScope, st.Stage = &o, StageOutOfScope
			p["out_of_scope"] = o.Kind
		} else {
			f.replan()
		}
		p["title"], p["system"] = st.Title, st.SystemCode
		if b.LateRecord != "" {
			p["late_record"] = b.LateRecord
		}
	case KindUpdated:
		var fl Fields
		if archived {
			return apperr.New("dossier.archived")
		}
		if err := e.Decode(&fl); err != nil {
			return apperr.Wrap(err, "workflow.bad_body", "kind", e.Kind)
		}
		if f.submitted() && lockedFields(fl) {
			return apperr.New("dossier.locked", "fields", strings.Join(fieldNames(fl), ","))
		}
		p["fields"] = strings.Join(fieldNames(fl), ",")
		applyFields(st, fl)
		if fl.Type != nil || fl.Mode != nil {
			f.replan()
		}
	case KindChecklist:
		var b checklistBody
		if archived {
			return apperr.New("dossier.archived")
		}
		if f.submitted() {
			return apperr.New("dossier.locked", "fields", "checklist")
		}
		if err := e.Decode(&b); err != nil {
			return apperr.Wrap(err, "workflow.bad_body", "kind", e.Kind)
		}
		p["item"], p["status"], p["note"] = b.Item, b.Status, b.Note
		if err := f.checkEvidence(b, p); err != nil {
			return err
		}
		st.Checklist[b.Item] = ChecklistEntry{Item: b.Item, Status: b.Status, Note: b.Note, Deliverable: b.Deliverable, File: b.File,
			By: e.Author, At: e.Time, Event: e.ID}
		if st.Stage == StagePlanning {
			st.Stage = StagePreparation
		}
	case KindStage:
		var b stageBody
		if err := e.Decode(&b); err != nil {
			return apperr.Wrap(err, "workflow.bad_body", "kind", e.Kind)
		}
		p["from"], p["to"], p["note"] = b.From, b.To, b.Note
		if f.submitted() || st.Stage != StagePlanning || b.To != StagePreparation {
			return apperr.New("dossier.bad_stage", "from", st.Stage, "to", b.To)
		}
		st.Stage = b.To
	case KindTrialOpened, KindTrialClosed:
		return f.applyTrial(e, p)
	case KindReviewDecided, KindReviewMinutes:
		return f.applyReview(e, p)
	case KindNote:
		var b noteBody
		if err := e.Decode(&b); err != nil {
			return apperr.Wrap(err, "workflow.bad_body", "kind", e.Kind)
		}
		p["text"] = b.Text
		st.Notes++
	default:
		if !workflow.IsKind(e.Kind) || st.Flow == nil {
			return apperr.New("dossier.unknown_event", "kind", e.Kind)
		}
		bodyParams(e, p)
		if e.Kind == workflow.KindSubmitted {
			if err := f.checklistRefusal(e); err != nil {
				return err
			}
			if st.Plan.ReleaseMethodRequired && strings.TrimSpace(st.ReleaseMethod) == "" {
				return apperr.New("dossier.release_method_required", "field", "release_method")
			}
		}
		if e.Kind == workflow.KindArchived && st.Flow.Phase == workflow.PhaseConfirmed {
			if err := archiveRefusal(*st, f.tpl.Settings); err != nil {
				return err
			}
		}
		df := st.facts()
		if f.auth != nil {
			df.Authority = func(e ledger.Event, role string) error { return f.auth.check(st, e, role) }
			df.Delegate = f.auth.delegate
		}
		eff, err := workflow.Apply(df, st.Flow, e)
		if err != nil {
			return err
		}
		if f.auth != nil {
			f.auth.counted(e.ID)
			f.auth.stamp(st.Flow, e)
		}
		if eff.PlannedAt != nil {
			st.PlannedAt = *eff.PlannedAt
		}
		if eff.Window != nil {
			st.Window = *eff.Window
		}
	}
	return nil
}

// facts are what the workflow reads of the dossier besides its own state.
func (st *State) facts() workflow.DossierFacts {
	return workflow.DossierFacts{Plan: st.Plan, Zone: zoneOf(st.Zone), PlannedAt: st.PlannedAt, WebFacing: st.WebFacing}
}

// checklistMissing lists, in template order, the preparation items
// neither done nor marked not applicable; the approval flow starts only
// when there are none.
func (f *replay) checklistMissing() []string {
	var ids []string
	for _, it := range f.tpl.Checklist {
		c := f.st.Checklist[it.ID]
		if c.Status != StatusDone && c.Status != StatusNotApplicable {
			ids = append(ids, it.ID)
		}
	}
	for _, c := range f.st.Conditions {
		if e := f.st.Checklist[c.ID]; e.Status != StatusDone && e.Status != StatusNotApplicable {
			ids = append(ids, c.ID)
		}
	}
	return ids
}

// checklistRefusal refuses submission e while the preparation checklist
// is not done: dossier.checklist_incomplete with "missing" (how many),
// "checklist" (the item ids) and, so that one refusal names everything,
// the start step's unanswered "items" and absent "deliverables" as the
// workflow would name them. Nil when the checklist is done.
func (f *replay) checklistRefusal(e ledger.Event) error {
	ids := f.checklistMissing()
	if len(ids) == 0 {
		return nil
	}
	refusal := apperr.New("dossier.checklist_incomplete", "missing", strconv.Itoa(len(ids)), "checklist", strings.Join(ids, ","), "items", "", "deliverables", "")
	var b workflow.SubmitBody
	if err := e.Decode(&b); err != nil {
		return refusal
	}
	var also *apperr.Error
	if errors.As(f.st.Flow.SubmissionMissing(f.st.facts(), b.Answers), &also) && also.Code == "workflow.incomplete" {
		refusal.Params["items"], refusal.Params["deliverables"] = also.Params["items"], also.Params["deliverables"]
	}
	return refusal
}

// lockedFields reports whether a patch touches what the approvals cover.
func lockedFields(f Fields) bool {
	return f.Type != nil || f.Subtype != nil || f.Mode != nil || f.Version != nil || f.Content != nil || f.PlannedAt != nil || f.Window != nil ||
		f.ReleaseMethod != nil
}

// bodyParams copies the scalar fields of a workflow event body into the
// history params, for the timeline's messages.
func bodyParams(e ledger.Event, p map[string]string) {
	var m map[string]any
	if json.Unmarshal(e.Body, &m) != nil {
		return
	}
	for k, v := range m {
		switch x := v.(type) {
		case string:
			if x != "" {
				p[k] = x
			}
		case bool:
			p[k] = strconv.FormatBool(x)
		case float64:
			p[k] = strconv.FormatFloat(x, 'f', -1, 64)
		}
	}
}

func applyFields(st *State, f Fields) {
	set := func(dst *string, v *string) {
		if v != nil {
			*dst = *v
		}
	}
	set(&st.Title, f.Title)
	set(&st.Type, f.Type)
	set(&st.Subtype, f.Subtype)
	set(&st.Mode, f.Mode)
	set(&st.Version, f.Version)
	set(&st.ProjectManager, f.ProjectManager)
	set(&st.SystemOwner, f.SystemOwner)
	set(&st.Window, f.Window)
	set(&st.Entity, f.Entity)
	set(&st.ReleaseMethod, f.ReleaseMethod)
	if f.Content != nil {
		st.Content = append([]ContentItem{}, (*f.Content)...)
	}
	if f.PlannedAt != nil {
		if t, err := ParseTime(*f.PlannedAt, zoneOf(st.Zone)); err == nil {
			st.PlannedAt = t
		}
	}
}

func fieldNames(f Fields) []string {
	var n []string
	add := func(ok bool, name string) {
		if ok {
			n = append(n, name)
		}
	}
	add(f.Title != nil, "title")
	add(f.Type != nil, "type")
	add(f.Subtype != nil, "subtype")
	add(f.Mode != nil, "mode")
	add(f.Version != nil, "version")
	add(f.Content != nil, "content")
	add(f.PlannedAt != nil, "planned_at")
	add(f.ProjectManager != nil, "project_manager")
	add(f.SystemOwner != nil, "system_owner")
	add(f.Window != nil, "window")
	add(f.Entity != nil, "entity")
	add(f.ReleaseMethod != nil, "release_method")
	return n
}

func zoneOf(name string) *time.Location { return zone.Load(name) }

// DefaultZone is Asia/Shanghai, the zone GoLive stores times in by default.
func DefaultZone() *time.Location { return zone.Default() }

// ParseTime reads a user-entered time in loc; see zone.ParseTime. The code
// is dossier.bad_time.
func ParseTime(s string, loc *time.Location) (time.Time, error) {
	return zone.ParseTime(s, loc, "dossier.bad_time")
}

// ChecklistProgress counts the checklist items of st that are done or not
// applicable, of total (the template's checklist size) and the dossier's
// conditions.
func ChecklistProgress(st State, total int) Progress {
	total += len(st.Conditions)
	done := 0
	for _, c := range st.Checklist {
		if c.Status == StatusDone || c.Status == StatusNotApplicable {
			done++
		}
	}
	return Progress{Done: done, Total: total}
}

// Summarize turns a state into its list row; total is the template's
// checklist size.
func Summarize(st State, total int) Summary {
	done := ChecklistProgress(st, total).Done
	refs := make([]string, 0, len(st.Content))
	for _, c := range st.Content {
		refs = append(refs, c.Ref+" "+c.Title)
	}
	sort.Strings(refs)
	oos := ""
	if st.OutOfScope != nil {
		oos = st.OutOfScope.Kind
	}
	return Summary{
		ID: st.ID, Title: st.Title, SystemCode: st.SystemCode, Type: st.Type, Subtype: st.Subtype,
		Mode: st.Mode, Version: st.Version, Stage: st.Stage, Zone: st.Zone, PlannedAt: st.PlannedAt, UpdatedAt: st.UpdatedAt,
		ProjectManager: st.ProjectManager, Window: st.Window, ContentRefs: refs, ChecklistDone: done, ChecklistTotal: total,
		Tasks: st.Tasks, NotFullyTested: st.NotFullyTested, Override: st.Override, CreatedBy: st.CreatedBy, Entity: st.Entity, OutOfScope: oos,
		Phase: phaseOf(st), OpenTrialIssues: st.OpenTrialIssues(),
	}
}

// Match reports whether s passes f; systemName is the system's name for the
// free-text search.
func (f Filter) Match(s Summary) bool { return f.matchAt(&s, false) }

// matchAt is Match; inZone reads s's planned time in its zone first (the
// list keeps the time as stored), which only the month filter needs: a
// stage chosen over twenty thousand rows need not look up a zone each.
func (f Filter) matchAt(s *Summary, inZone bool) bool {
	if (f.Stage != "" && f.Stage != s.Stage) || (f.SystemCode != "" && !strings.EqualFold(f.SystemCode, s.SystemCode)) ||
		(f.Type != "" && f.Type != s.Type) || (f.Mode != "" && f.Mode != s.Mode) {
		return false
	}
	if f.Month != "" {
		// A year ("2026") or a month ("2026-12") of the planned time, as
		// the summary's time reads (List gives it in the dossier's zone).
		layout := "2006-01"
		if len(f.Month) == len("2006") {
			layout = "2006"
		}
		planned := s.PlannedAt
		if inZone {
			planned = planned.In(zoneOf(s.Zone))
		}
		if planned.IsZero() || planned.Format(layout) != f.Month {
			return false
		}
	}
	if q := strings.ToLower(strings.TrimSpace(f.Text)); q != "" {
		hay := strings.ToLower(strings.Join(append([]string{s.ID, s.Title, s.SystemCode, s.SystemName, s.Version}, s.ContentRefs...), "\n"))
		for _, w := range strings.Fields(q) {
			if !strings.Contains(hay, w) {
				return false
			}
		}
	}
	return true
}

func phaseOf(st State) string {
	if st.Flow == nil {
		return ""
	}
	return st.Flow.Phase
}
