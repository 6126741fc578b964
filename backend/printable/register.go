package printable

import (
	"time"

	"golive/backend/template"
	"golive/backend/workflow"
	"golive/backend/zone"
)

// StepGroup is one approval role of the register: a column group
// (approver, decision, time) shared by every flow that has the role.
type StepGroup struct {
	// Key identifies the group: "start", "sign/<role>", "cs/<row>",
	// "seq/<role>" or "filing".
	Key string `json:"key"`
	// Label names it, e.g. 部门审批 or 会签·客户服务部总监.
	Label string `json:"label"`
}

// RegisterRow is one dossier in the approval register (审批登记簿).
type RegisterRow struct {
	ID, SystemCode, SystemName, Title, Type, Mode, Version, Stage, Phase, Result string
	// Entity is the subsidiary or legal entity (法人主体) of the dossier.
	Entity string
	// Class is the system's class in the system register ("java"), and
	// ClassName its name; Department the system's owning department. All
	// are "" for a system not registered (set by the register's maker).
	Class, ClassName, Department string
	// WindowID is the release window the dossier targets ("2026-12-10-java")
	// or, without one, its planned release day; Window names it for people
	// ("2026-12-10 周四 19:00–23:00 · Java"), as the dossier's documents do.
	WindowID, Window string
	// Times are zero when the step has not happened.
	PlannedAt, CreatedAt, SubmittedAt, ApprovedAt, ReleasedAt, ConfirmedAt, ArchivedAt time.Time
	Emergency                                                                          bool
	Postponements                                                                      int
	// Confirmations and Failures count the release confirmations, earlier
	// attempts included, and those that reported a failure.
	Confirmations, Failures int
	// Steps holds the decisions by StepGroup key.
	Steps map[string]StepCell
}

// StepCell is one decision in the register.
type StepCell struct {
	Approver string
	Decision string
	At       time.Time
	// Waited is how long the decision was pending (0 for the submission).
	Waited time.Duration
}

// Register is the approval register's content.
type Register struct {
	// Title is the sheet title, e.g. 审批登记簿.
	Title string
	// Filter describes the selection, e.g. "2026 · CRM".
	Filter string
	// Groups are the column groups in order.
	Groups []StepGroup
	Rows   []RegisterRow
	Lang   Lang
}

// groupKey returns the register group of one slot of a plan step.
func groupKey(s workflow.Step, row string) string {
	switch {
	case s.Kind == template.KindStart:
		return "start"
	case s.Inserted:
		return "sign/" + s.Role
	case s.Kind == template.KindCountersign:
		return "cs/" + row
	case s.Kind == template.KindFiling:
		return "filing"
	}
	return "seq/" + s.Role
}

// StepGroups returns the register's column groups for tpl: every approval
// role of every flow, in flow order, the modes' signature steps right
// after the start, and the filing last.
func StepGroups(tpl *template.Template, l Lang) []StepGroup {
	var out []StepGroup
	seen := map[string]bool{}
	add := func(key, label string) {
		if !seen[key] {
			seen[key] = true
			out = append(out, StepGroup{Key: key, Label: label})
		}
	}
	var filing *StepGroup
	for _, f := range tpl.Flows {
		for _, s := range f.Steps {
			ws := workflow.Step{Step: s}
			switch s.Kind {
			case template.KindStart:
				add("start", l.T(s.Name))
				for _, m := range tpl.Modes {
					if m.SignatureStep != nil {
						add(groupKey(workflow.Step{Step: *m.SignatureStep, Inserted: true}, ""), l.T(m.SignatureStep.Name))
					}
				}
			case template.KindCountersign:
				for _, r := range s.Rows {
					label := l.T(r.Label)
					if label == "" {
						if role, ok := tpl.Role(r.Role); ok {
							label = l.T(role.Name)
						}
					}
					add(groupKey(ws, r.ID), l.L("c.cs")+label)
				}
			case template.KindSequential:
				add(groupKey(ws, ""), l.T(s.Name))
			case template.KindFiling:
				filing = &StepGroup{Key: "filing", Label: l.T(s.Name)}
			}
		}
	}
	if filing != nil {
		add(filing.Key, filing.Label)
	}
	return out
}

// RegisterRowOf makes the register row of the dossier in src; window
// is its release window's id, or the day it is planned for (WindowID).
// The window it targets is named as its documents name it.
func RegisterRowOf(src Source, window string) RegisterRow {
	st := src.View.State
	l := src.Lang
	if l == "" {
		l = Zh
	}
	b := &builder{Source: src, l: l, st: &st, tpl: src.Template, loc: zone.Load(st.Zone)}
	r := RegisterRow{ID: st.ID, SystemCode: st.SystemCode, SystemName: src.View.SystemName, Title: st.Title, Version: st.Version, Entity: st.Entity,
		WindowID: window, Window: window, PlannedAt: st.PlannedAt, CreatedAt: st.CreatedAt, Emergency: st.NotFullyTested, Steps: map[string]StepCell{}}
	if window != "" && window == st.Window && src.Template != nil {
		r.Window = b.window()
	}
	if tpl := src.Template; tpl != nil {
		if rt, ok := tpl.ReleaseType(st.Type); ok {
			r.Type = l.T(rt.Name)
			for _, o := range rt.Subtypes {
				if o.ID == st.Subtype {
					r.Type += "·" + l.T(o.Name)
				}
			}
		}
		if m, ok := tpl.Mode(st.Mode); ok {
			r.Mode = l.T(m.Name)
		}
		if s, ok := tpl.Stage(st.Stage); ok {
			r.Stage = l.T(s.Name)
		}
	}
	if st.Flow == nil || st.Plan == nil {
		return r
	}
	fl := st.Flow
	r.Phase = l.L("p." + fl.Phase)
	r.Postponements = len(fl.Postponements)
	if fl.Submission != nil {
		r.SubmittedAt = fl.Submission.At
	}
	approvedAll := fl.Phase != workflow.PhaseDraft && fl.Phase != workflow.PhaseApproval
	for _, step := range st.Plan.Steps {
		if step.Kind == template.KindFiling {
			if f := fl.Filing; f != nil {
				r.Steps["filing"] = StepCell{Approver: b.name(f.By), Decision: l.L("v.filed"), At: f.At}
			}
			continue
		}
		if !step.Approval {
			continue
		}
		rows := []string{""}
		if step.Kind == template.KindCountersign {
			rows = rows[:0]
			for _, x := range step.Rows {
				rows = append(rows, x.ID)
			}
		}
		for _, row := range rows {
			s := b.slot(step.ID, row)
			if s == nil {
				continue
			}
			c := StepCell{}
			switch {
			case s.Status == workflow.SlotApproved && s.Decision != nil:
				approver, mark, _ := b.decisionMarks(s.Decision)
				c = StepCell{Approver: approver, Decision: l.L("v.approved") + mark, At: s.Decision.At}
				if !s.PendingSince.IsZero() && s.Decision.At.After(s.PendingSince) {
					c.Waited = s.Decision.At.Sub(s.PendingSince)
				}
				if step.Kind == template.KindStart {
					c.Decision = l.L("v.submitted")
				}
				if approvedAll && s.Decision.At.After(r.ApprovedAt) {
					r.ApprovedAt = s.Decision.At
				}
			case s.Status == workflow.SlotPending && fl.Phase != workflow.PhaseDraft:
				c.Decision = l.L("v.pending")
				if s.Stale != nil {
					c.Decision = l.L("v.stale")
				}
			default:
				continue
			}
			r.Steps[groupKey(step, row)] = c
		}
	}
	if rel := fl.Execution.Released; rel != nil {
		r.ReleasedAt = rel.At
	} else if n := len(fl.PastAttempts); n > 0 && fl.PastAttempts[n-1].Released != nil {
		r.ReleasedAt = fl.PastAttempts[n-1].Released.At
	}
	for _, c := range fl.PastConfirmations {
		r.Confirmations++
		if !c.Success {
			r.Failures++
		}
	}
	if c := fl.Confirmation; c != nil {
		r.Confirmations++
		if !c.Success {
			r.Failures++
		}
		r.ConfirmedAt = c.At
		r.Result = l.L("v.failure")
		if c.Success {
			r.Result = l.L("v.success")
		}
	} else if n := len(fl.PastConfirmations); n > 0 {
		r.Result = l.L("v.failure")
	}
	if a := fl.Archive; a != nil {
		r.ArchivedAt = a.At
	}
	return r
}
