package meeting

import (
	"errors"
	"slices"
	"sort"
	"time"

	"golive/backend/apperr"
	"golive/backend/dossier"
	"golive/backend/template"
	"golive/backend/workflow"
)

// Readiness levels, worst first.
const (
	LevelBlock = "block"
	LevelWarn  = "warn"
	LevelOK    = "ok"
)

// Check codes of the readiness board (each a message in the catalogue:
// meeting.check.<code>).
const (
	CheckChecklist    = "checklist"
	CheckConditions   = "conditions"
	CheckDeliverables = "deliverables"
	CheckApprovals    = "approvals"
	CheckWindow       = "window"
	CheckEmergency    = "emergency"
	CheckPackage      = "package"
	CheckSubmitted    = "submitted"
	CheckStale        = "stale"
)

// Check is one finding of the readiness board on a dossier.
type Check struct {
	Code  string `json:"code"`
	Level string `json:"level"`
	// Count is how many things the finding is about (items open,
	// deliverables missing, approvals pending).
	Count int `json:"count"`
	// Names are what is missing or pending, in both languages.
	Names []template.Text `json:"names"`
	// Tasks are the pending tasks (CheckApprovals): the roles they wait
	// for; People the names of the people of the roster in force they
	// wait for (none without a roster).
	Tasks  []workflow.Task `json:"tasks,omitempty"`
	People []string        `json:"people,omitempty"`
	// Warnings are the calendar's warnings (CheckWindow).
	Warnings []WindowWarning `json:"warnings,omitempty"`
}

// WindowWarning is a calendar warning on the dossier's window.
type WindowWarning struct {
	Code   string                   `json:"code"`
	Params map[string]string        `json:"params,omitempty"`
	Names  map[string]template.Text `json:"names,omitempty"`
}

// Row is one dossier of the agenda with its readiness.
type Row struct {
	Dossier dossier.Summary `json:"dossier"`
	// Level is the worst level of Checks.
	Level  string  `json:"level"`
	Checks []Check `json:"checks"`
	// Decision is this meeting's latest decision on the dossier, nil
	// before one.
	Decision *dossier.Review `json:"decision"`
	// Refusal is why no decision can be recorded on it now (e.g.
	// review.after_submission), nil when one can.
	Refusal *apperr.Error `json:"refusal"`
	// Proposed is where a postponement would move it: the next open
	// window of its class, nil when there is none.
	Proposed *ProposedWindow `json:"proposed"`
	// Windows are the display names, in both languages, of the windows the
	// row names by id: the dossier's and a postponement's target.
	Windows map[string]template.Text `json:"windows"`
}

// ProposedWindow names the window a postponement proposes.
type ProposedWindow struct {
	ID    string        `json:"id"`
	Name  template.Text `json:"name"`
	Start time.Time     `json:"start"`
}

// Board is a meeting with its agenda's readiness, worst first.
type Board struct {
	Meeting Meeting `json:"meeting"`
	Rows    []Row   `json:"rows"`
	// Blocked, Warned and Ready count the rows by level; Decided those
	// with a decision of this meeting.
	Blocked int `json:"blocked"`
	Warned  int `json:"warned"`
	Ready   int `json:"ready"`
	Decided int `json:"decided"`
}

func levelRank(l string) int {
	switch l {
	case LevelBlock:
		return 0
	case LevelWarn:
		return 1
	}
	return 2
}

// Board computes the readiness board of meeting id: for each dossier of
// the agenda its checklist and conditions, the deliverables its
// submission still lacks, the approvals pending and who they wait for,
// the approvals dismissed because a deliverable changed after them,
// the calendar's warnings on its window (conflicts, a moved, cancelled or
// frozen window), an emergency mark and whether the release package's
// hash is recorded; worst first, then in agenda order.
func (s *Service) Board(id string) (Board, error) {
	m, err := s.Get(id)
	if err != nil {
		return Board{}, err
	}
	b := Board{Meeting: m, Rows: []Row{}}
	tpl := s.Dossiers.Template()
	total := len(tpl.Checklist)
	for _, did := range m.Dossiers {
		v, err := s.Dossiers.Get(did)
		if err != nil {
			return Board{}, err
		}
		row := s.row(m, v, total)
		b.Rows = append(b.Rows, row)
		switch row.Level {
		case LevelBlock:
			b.Blocked++
		case LevelWarn:
			b.Warned++
		default:
			b.Ready++
		}
		if row.Decision != nil {
			b.Decided++
		}
	}
	sort.SliceStable(b.Rows, func(i, j int) bool { return levelRank(b.Rows[i].Level) < levelRank(b.Rows[j].Level) })
	return b, nil
}

// row computes one agenda row.
func (s *Service) row(m Meeting, v dossier.View, total int) Row {
	st := v.State
	sum := dossier.Summarize(st, total)
	sum.SystemName = v.SystemName
	if v.Window != nil {
		sum.WindowState = v.Window.State
	}
	r := Row{Dossier: sum, Checks: []Check{}}
	add := func(c Check) {
		if c.Names == nil {
			c.Names = []template.Text{}
		}
		r.Checks = append(r.Checks, c)
	}
	submitted := st.Flow != nil && st.Flow.Phase != workflow.PhaseDraft

	// The checklist and the conditions of earlier meetings.
	tpl, _ := s.Dossiers.Resolve(st.Template)
	if tpl != nil {
		var open []template.Text
		for _, it := range tpl.Checklist {
			if e := st.Checklist[it.ID]; e.Status != dossier.StatusDone && e.Status != dossier.StatusNotApplicable {
				open = append(open, it.Title)
			}
		}
		lvl := LevelOK
		if len(open) > 0 {
			lvl = LevelWarn
		}
		add(Check{Code: CheckChecklist, Level: lvl, Count: len(open), Names: open})
	}
	var conds []template.Text
	for _, c := range st.Conditions {
		if e := st.Checklist[c.ID]; e.Status != dossier.StatusDone && e.Status != dossier.StatusNotApplicable {
			conds = append(conds, template.Text{Zh: c.Text, En: c.Text})
		}
	}
	if len(conds) > 0 {
		add(Check{Code: CheckConditions, Level: LevelWarn, Count: len(conds), Names: conds})
	}

	// What the submission still lacks; the release package's hash.
	if st.Plan != nil && st.Flow != nil {
		if start := st.Plan.Start(); start != nil && !submitted {
			var miss []template.Text
			for _, d := range start.Deliverables {
				if d.Generated || !d.Required || st.Flow.Latest(d.ID) != nil {
					continue
				}
				miss = append(miss, d.Name)
			}
			lvl := LevelOK
			if len(miss) > 0 {
				lvl = LevelWarn
			}
			add(Check{Code: CheckDeliverables, Level: lvl, Count: len(miss), Names: miss})
		}
		for _, step := range st.Plan.Steps {
			for _, d := range step.Deliverables {
				if d.HashOnly {
					lvl, n := LevelWarn, 0
					if st.Flow.Latest(d.ID) != nil {
						lvl, n = LevelOK, 1
					}
					add(Check{Code: CheckPackage, Level: lvl, Count: n, Names: []template.Text{d.Name}})
				}
			}
		}
	}

	// Approvals pending: who they wait for.
	var tasks []workflow.Task
	for _, t := range st.Tasks {
		if t.Kind == "decide" {
			tasks = append(tasks, t)
		}
	}
	if len(tasks) > 0 {
		add(Check{Code: CheckApprovals, Level: LevelWarn, Count: len(tasks), Tasks: tasks, People: s.waitingFor(st.ID)})
	}
	// Approvals dismissed because a deliverable changed after them.
	if st.Flow != nil && st.Plan != nil {
		var stale []template.Text
		seen := map[string]bool{}
		for _, sl := range st.Flow.Slots {
			if sl.Stale == nil || sl.Status != workflow.SlotPending || seen[sl.Stale.Deliverable] {
				continue
			}
			seen[sl.Stale.Deliverable] = true
			name := template.Text{Zh: sl.Stale.Deliverable, En: sl.Stale.Deliverable}
			if d, ok := st.Plan.Deliverable(sl.Stale.Deliverable); ok {
				name = d.Name
			}
			stale = append(stale, name)
		}
		if len(stale) > 0 {
			add(Check{Code: CheckStale, Level: LevelWarn, Count: len(stale), Names: stale})
		}
	}
	if submitted {
		add(Check{Code: CheckSubmitted, Level: LevelOK, Count: 0})
	}

	// The calendar: conflicts, a window moved, cancelled or frozen.
	if len(v.Warnings) > 0 {
		c := Check{Code: CheckWindow, Level: LevelWarn, Count: len(v.Warnings)}
		for _, w := range v.Warnings {
			c.Warnings = append(c.Warnings, WindowWarning{Code: w.Code, Params: w.Params, Names: w.Names})
			if w.Code == "window.cancelled" || w.Code == "window.frozen" || w.Code == "window.not_open_assigned" || w.Code == "window.unknown_window" || w.Code == "window.emergency_in_freeze" {
				c.Level = LevelBlock
			}
		}
		add(c)
	}
	if st.Mode == "emergency" || st.NotFullyTested {
		add(Check{Code: CheckEmergency, Level: LevelWarn, Count: 1})
	}

	r.Level = LevelOK
	for _, c := range r.Checks {
		if levelRank(c.Level) < levelRank(r.Level) {
			r.Level = c.Level
		}
	}
	for i := len(st.Reviews) - 1; i >= 0; i-- {
		if st.Reviews[i].Meeting == m.ID {
			d := st.Reviews[i]
			r.Decision = &d
			break
		}
	}
	r.Windows = map[string]template.Text{}
	for _, id := range []string{st.Window, decisionWindow(r.Decision)} {
		if id == "" || s.Dossiers.Windows == nil {
			continue
		}
		if w, err := s.Dossiers.Windows.Window(id); err == nil {
			r.Windows[id] = w.Name()
		}
	}
	probe := dossier.ReviewDecidedBody{Meeting: m.ID, Decision: dossier.ReviewPass}
	if err := dossier.ReviewRefusal(st, probe); err != nil {
		r.Refusal = asAppErr(err)
	}
	if r.Refusal == nil && st.Window != "" {
		if w, err := s.Dossiers.ProposePostponement(st.ID); err == nil {
			start, _ := w.Interval()
			r.Proposed = &ProposedWindow{ID: w.ID, Name: w.Name(), Start: start}
		}
	}
	return r
}

func asAppErr(err error) *apperr.Error {
	var e *apperr.Error
	if errors.As(err, &e) {
		return e
	}
	return apperr.Wrap(err, apperr.Internal)
}

// decisionWindow is the window a postponement moved the dossier to, ""
// for none.
func decisionWindow(d *dossier.Review) string {
	if d == nil || d.Decision != dossier.ReviewPostpone {
		return ""
	}
	return d.Window
}

// waitingFor names the people of the roster in force whom the dossier's
// pending decisions wait for, each once, in task order; nil without a
// roster.
func (s *Service) waitingFor(id string) []string {
	waits, err := s.Dossiers.WaitsFor(id)
	if err != nil {
		return nil
	}
	chain, err := s.Dossiers.RosterChain()
	if err != nil || chain == nil {
		return nil
	}
	tip, ok := chain.Tip()
	if !ok {
		return nil
	}
	names := map[string]string{}
	for _, p := range tip.People {
		names[p.ID] = p.Name
	}
	var out []string
	for _, w := range waits {
		if w.Task.Kind == "decide" && names[w.Person] != "" && !slices.Contains(out, names[w.Person]) {
			out = append(out, names[w.Person])
		}
	}
	return out
}
