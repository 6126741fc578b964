package printable

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"golive/backend/apperr"
	"golive/backend/dossier"
	"golive/backend/keys"
	"golive/backend/template"
	"golive/backend/window"
	"golive/backend/workflow"
	"golive/backend/zone"
)

// Source is what a dossier document is made from.
type Source struct {
	// View is the dossier as dossier.Service.Get returns it.
	View dossier.View
	// Template is the template the dossier pins.
	Template *template.Template
	// Names maps public keys (hex) to people's names, from signed sources
	// only (backend/people: the roster, then verified identity cards).
	Names map[string]string
	// Lang is the document language.
	Lang Lang
}

// TimeLayout is how documents print times, in the dossier's zone.
const TimeLayout = "2006-01-02 15:04"

// numberCodes abbreviate the kinds in document numbers.
var numberCodes = map[string]string{
	KindConfirmation: "CF", KindApprovals: "AR", KindTestConfirmation: "TC", KindUserConfirmation: "UC",
	KindArchiveIndex: "AI", KindReleaseNote: "RN", KindPlan: "WP", KindApplication: "RA", KindOpinions: "AO",
}

// Build makes the content of a dossier document of kind. Codes:
// printable.bad_kind, printable.no_flow (the dossier's type or mode has no flow).
func Build(kind string, src Source) (*Content, error) {
	if !IsKind(kind) || kind == KindPlan {
		return nil, apperr.New("printable.bad_kind", "kind", kind)
	}
	st := src.View.State
	if st.Plan == nil || st.Flow == nil || src.Template == nil {
		return nil, apperr.New("printable.no_flow", "dossier", st.ID)
	}
	b := &builder{Source: src, l: src.Lang, st: &st, tpl: src.Template, loc: zone.Load(st.Zone)}
	if b.l == "" {
		b.l = Zh
	}
	c := &Content{Kind: kind, Lang: b.l, Title: b.title(kind), Organisation: b.l.T(src.Template.Organisation)}
	c.Event, c.Heads = LatestHead(src.View), nil
	if len(st.Heads) > 1 {
		c.Heads = append([]string(nil), st.Heads...)
		sort.Strings(c.Heads)
	}
	c.Number = fmt.Sprintf("%s-%s-%s", st.ID, numberCodes[kind], short(c.Event))
	c.Dossier = b.header()
	if st.NotFullyTested {
		c.Notes = append(c.Notes, b.l.L("f.emergency"))
	}
	if st.Override {
		c.Notes = append(c.Notes, b.l.L("f.override"))
	}
	approvals, approvalSigs := b.approvals()
	switch kind {
	case KindConfirmation:
		c.Release, c.Checklist, c.Approvals = b.release(), b.checklist(), approvals
		c.Signatures = approvalSigs
	case KindApprovals:
		c.Approvals, c.History = approvals, b.history()
		c.Signatures = approvalSigs
	case KindTestConfirmation, KindUserConfirmation:
		c.Release = b.release()
		c.Attempts, c.Postponements, c.Confirmation = b.attempts(), b.postponements(), b.confirmation()
		c.Signatures = append(approvalSigs, b.execSignatures()...)
	case KindArchiveIndex:
		c.Documents, c.Deliverables = b.documents(), b.deliverables()
		c.Signatures = append(approvalSigs, b.execSignatures()...)
		if a := st.Flow.Archive; a != nil {
			c.Signatures = append(c.Signatures, b.sig(SignedArchive, a.By, a.At))
		}
	case KindReleaseNote:
		c.Release, c.Attempts = b.release(), b.attempts()
		c.Signatures = approvalSigs
	case KindApplication:
		c.Release, c.Deliverables = b.release(), b.submitted()
		c.Approvals, c.Signatures = b.only(approvals, approvalSigs, template.KindStart)
	case KindOpinions:
		c.Approvals, c.Signatures = b.only(approvals, approvalSigs, template.KindSequential, template.KindCountersign)
	}
	if c.Signatures == nil {
		c.Signatures = []Signature{}
	}
	return c, nil
}

// LatestHead returns the head of the dossier's log with the latest time
// (ties broken by id): the event a document made now is made from.
func LatestHead(v dossier.View) string {
	at := map[string]time.Time{}
	for _, h := range v.History {
		at[h.Event] = h.At
	}
	best := ""
	for _, h := range v.State.Heads {
		if best == "" || at[h].After(at[best]) || (at[h].Equal(at[best]) && h > best) {
			best = h
		}
	}
	return best
}

func short(id string) string {
	if len(id) > 8 {
		return id[:8]
	}
	return id
}

type builder struct {
	Source
	l   Lang
	st  *dossier.State
	tpl *template.Template
	loc *time.Location
}

func (b *builder) title(kind string) string {
	docID := map[string]string{KindConfirmation: "application_confirmation", KindTestConfirmation: "release_test_confirmation", KindReleaseNote: "release_note"}[kind]
	if d, ok := b.tpl.Document(docID); ok {
		return b.l.T(d.Name)
	}
	// A document the filing makes is called what its deliverable is.
	for _, d := range b.st.Plan.Produced() {
		if d.Produces == kind && b.l.T(d.Name) != "" {
			return b.l.T(d.Name)
		}
	}
	return b.l.L("title." + kind)
}

// only keeps the sections of the steps of kinds (an inserted emergency
// signature counts by its own kind) and the signatures their rows hold.
func (b *builder) only(secs []Section, sigs []Signature, kinds ...string) ([]Section, []Signature) {
	var out []Section
	slots := map[string]bool{}
	for _, s := range secs {
		if slices.Contains(kinds, s.Kind) {
			out = append(out, s)
			for _, r := range s.Rows {
				slots[r.Slot] = true
			}
		}
	}
	var kept []Signature
	for _, s := range sigs {
		if slots[s.For] {
			kept = append(kept, s)
		}
	}
	return out, kept
}

// submitted lists the current version of every deliverable of the start
// step: what the submission put forward, with its SHA-256.
func (b *builder) submitted() []DeliverableRow {
	out := []DeliverableRow{}
	start := b.st.Plan.Start()
	if start == nil {
		return out
	}
	for _, d := range start.Deliverables {
		v := b.st.Flow.Latest(d.ID)
		if v == nil {
			continue
		}
		r := DeliverableRow{Key: d.ID, Name: b.l.T(d.Name), Step: b.l.T(start.Name), Version: v.No, File: v.Name, Size: v.Size, SHA256: v.SHA256,
			By: b.name(v.By), At: b.time(v.At), Current: true}
		if v.HashOnly {
			r.Note = b.l.L("v.hashonly")
		}
		out = append(out, r)
	}
	return out
}

func (b *builder) time(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(b.loc).Format(TimeLayout)
}

// timeText formats an RFC 3339 (or local) time string from a runbook.
func (b *builder) timeText(s string) string {
	if s == "" {
		return ""
	}
	t, err := zone.ParseTime(s, b.loc, "printable.bad_time")
	if err != nil {
		return s
	}
	return b.time(t)
}

// name returns the person with public key pub.
func (b *builder) name(pub string) string {
	if n := b.Names[pub]; n != "" {
		return n
	}
	if fp := keys.FingerprintHex(pub); fp != "" {
		return fp[:9]
	}
	return pub
}

func (b *builder) role(id string) string {
	if r, ok := b.tpl.Role(id); ok {
		return b.l.T(r.Name)
	}
	return id
}

func (b *builder) header() *Header {
	st := b.st
	h := &Header{ID: st.ID, Title: st.Title, SystemCode: st.SystemCode, Version: st.Version, PlannedAt: b.time(st.PlannedAt), Window: b.window(),
		PM: st.ProjectManager, Owner: st.SystemOwner, Template: st.Template, Emergency: st.NotFullyTested, Override: st.Override,
		Entity: st.Entity, ReleaseMethod: st.ReleaseMethod}
	h.System = st.SystemCode
	if b.View.SystemName != "" {
		h.System = st.SystemCode + " " + b.View.SystemName
	}
	if !st.PlannedAt.IsZero() {
		h.PlannedDate = st.PlannedAt.In(b.loc).Format(time.DateOnly)
	}
	if rt, ok := b.tpl.ReleaseType(st.Type); ok {
		h.Type = b.l.T(rt.Name)
		for _, o := range rt.Subtypes {
			if o.ID == st.Subtype {
				h.Type += " · " + b.l.T(o.Name)
			}
		}
	}
	if m, ok := b.tpl.Mode(st.Mode); ok {
		h.Mode = b.l.T(m.Name)
	}
	if s, ok := b.tpl.Stage(st.Stage); ok {
		h.Stage = b.l.T(s.Title)
	}
	h.Phase = b.l.L("p." + st.Flow.Phase)
	h.Created = b.name(st.CreatedBy) + " · " + b.time(st.CreatedAt)
	return h
}

// window names the release window the dossier targets, from its signed
// record and pinned template only (a verifier rebuilds it the same way):
// the planned date and start the window gave when it was chosen, the end
// its class's rule puts after that start, and the class the window id
// names — "2026-12-10 周四 19:00–23:00 · Java". "" without a window; the id
// itself when the record cannot name it.
func (b *builder) window() string {
	st := b.st
	class := window.ClassOf(st.Window)
	if st.Window == "" || class == "" || st.PlannedAt.IsZero() {
		return st.Window
	}
	start := st.PlannedAt.In(b.loc)
	end := ""
	if r, ok := b.tpl.WindowSettings().WindowRule(class); ok {
		from, ok1 := template.ClockMinutes(r.Start)
		to, ok2 := template.ClockMinutes(r.End)
		if ok1 && ok2 && to > from {
			end = start.Add(time.Duration(to-from) * time.Minute).Format("15:04")
		}
	}
	return b.l.T(window.Label(start.Format(time.DateOnly), start.Format("15:04"), end, class))
}

func (b *builder) release() []ContentRow {
	out := []ContentRow{}
	for _, c := range b.st.Content {
		out = append(out, ContentRow{Kind: b.l.L("v." + c.Kind), Ref: c.Ref, Title: c.Title})
	}
	return out
}

func (b *builder) checklist() []ChecklistRow {
	var out []ChecklistRow
	for _, g := range []string{template.GroupPrecondition, template.GroupPlan} {
		for _, it := range b.tpl.ChecklistGroup(g) {
			e := b.st.Checklist[it.ID]
			status := e.Status
			if status == "" {
				status = dossier.StatusNotStarted
			}
			r := ChecklistRow{Group: b.l.L("g." + g), No: it.No, Title: b.l.T(it.Title), Status: b.l.L("st." + status),
				Done: status == dossier.StatusDone || status == dossier.StatusNotApplicable, Note: e.Note}
			if e.By != "" {
				r.By, r.At = b.name(e.By), b.time(e.At)
			}
			out = append(out, r)
		}
	}
	return out
}

func (b *builder) slot(step, row string) *workflow.Slot {
	for i := range b.st.Flow.Slots {
		if s := &b.st.Flow.Slots[i]; s.Step == step && s.Row == row {
			return s
		}
	}
	return nil
}

// approvals lays out the approval steps and the filing, and returns the
// signatures they hold.
func (b *builder) approvals() ([]Section, []Signature) {
	var out []Section
	var sigs []Signature
	for _, step := range b.st.Plan.Steps {
		sec := Section{Step: step.ID, No: step.No, Name: b.l.T(step.Name), Kind: step.Kind, Inserted: step.Inserted}
		switch {
		case step.Kind == template.KindCountersign:
			for _, r := range step.Rows {
				label := b.l.T(r.Label)
				if label == "" {
					label = b.role(r.Role)
				}
				sec.Rows = append(sec.Rows, b.approvalRow(step, r.ID, label, r.Items))
			}
		case step.Approval:
			label := b.l.T(step.RoleLabel)
			if label == "" {
				label = b.role(step.Role)
			}
			sec.Rows = append(sec.Rows, b.approvalRow(step, "", label, step.Items))
		case step.Kind == template.KindFiling:
			row := ApprovalRow{Slot: step.ID, Role: b.role(step.Role), Decision: b.l.L("v.notfiled")}
			if f := b.st.Flow.Filing; f != nil {
				row.Approver, row.Fingerprint, row.Decision, row.Approved = b.name(f.By), keys.FingerprintHex(f.By), b.l.L("v.filed"), true
				row.Remark, row.At = f.Comment, b.time(f.At)
				sigs = append(sigs, b.sig(step.ID, f.By, f.At))
			}
			sec.Rows = append(sec.Rows, row)
		default:
			continue
		}
		for _, r := range sec.Rows {
			if r.Approved && step.Kind != template.KindFiling {
				s := b.slot(step.ID, strings.TrimPrefix(strings.TrimPrefix(r.Slot, step.ID), "/"))
				sig := b.sig(r.Slot, s.Decision.By, s.Decision.At)
				if s.Decision.Witness != nil {
					sig.Name, sig.Witnessed = r.Approver, true
				}
				sigs = append(sigs, sig)
			}
		}
		out = append(out, sec)
	}
	return out, sigs
}

func (b *builder) approvalRow(step workflow.Step, row, label string, items []template.Item) ApprovalRow {
	r := ApprovalRow{Slot: workflow.SlotKey(step.ID, row), Role: label}
	s := b.slot(step.ID, row)
	if s == nil {
		r.Decision = b.l.L("v.waiting")
		return r
	}
	d := s.Decision
	switch {
	case s.Status == workflow.SlotApproved && d != nil:
		r.Approved = true
		r.Approver, r.Fingerprint, r.Remark, r.At = b.name(d.By), keys.FingerprintHex(d.By), d.Comment, b.time(d.At)
		r.Decision = b.l.L("v.approved")
		if step.Kind == template.KindStart {
			r.Decision = b.l.L("v.submitted")
		}
		if d.Delegated {
			r.Decision += b.l.L("v.delegated")
		}
		var mark string
		r.Approver, mark, r.For = b.decisionMarks(d)
		r.Decision += mark
		if d.Witness != nil {
			r.Witnessed, r.Handwriting = true, d.Witness.Image
			r.Remark = strings.TrimSpace(b.l.L("d.witnessed_by") + b.name(d.By) + "\n" + d.Comment)
		}
	case s.Status == workflow.SlotPending && s.Stale != nil:
		r.Decision = b.l.L("v.stale")
	case s.Status == workflow.SlotPending:
		r.Decision = b.l.L("v.pending")
	default:
		r.Decision = b.l.L("v.waiting")
	}
	if s.Delegate != "" && !r.Approved {
		r.Remark = b.l.L("d.delegate") + s.DelegateName
	}
	current := ""
	if r.Approved {
		current = d.Event
	}
	r.Comments = b.comments(step, row, current)
	for _, it := range items {
		ir := ItemRow{Text: b.l.T(it.Text)}
		if d != nil && r.Approved {
			if a, ok := d.Answers[it.ID]; ok {
				ir.Yes, ir.Remark = a.Yes, a.Remark
				ir.Answer = b.l.L("v.no")
				if a.Yes {
					ir.Answer = b.l.L("v.yes")
				}
			}
		}
		r.Items = append(r.Items, ir)
	}
	return r
}

// decisionMarks returns who a decision counts for and the marks its
// decision text carries: for a 在场签字 the approver who signed by hand
// (not the device owner whose key signed the event) and "（在场签字）"; for
// a decision the roster counted by delegation "（代 X 审批）" and X, the
// name of the person acted for ("" when none).
func (b *builder) decisionMarks(d *workflow.Decision) (approver, mark, forName string) {
	approver = b.name(d.By)
	if d.Witness != nil {
		approver = d.PersonName
		if approver == "" {
			approver = d.Witness.Person
		}
		mark += b.l.L("v.witnessmark")
	}
	if d.For != "" {
		forName = d.ForName
		if forName == "" {
			forName = d.For
		}
		mark += fmt.Sprintf(b.l.L("v.onbehalf"), forName)
	}
	return approver, mark, forName
}

// sig is the signature what (a slot key, a step id or a sign-off, see
// SignedFor) that by made at at.
func (b *builder) sig(what, by string, at time.Time) Signature {
	label, ok := SignedFor(b.st.Plan, b.tpl, what)
	text := b.l.T(label)
	if !ok {
		text = what
	}
	return Signature{For: what, Label: text, Name: b.name(by), Fingerprint: keys.FingerprintHex(by), At: b.time(at)}
}

// comments lists what was written on slot step/row besides the decision
// event current, oldest first (see ApprovalRow.Comments).
func (b *builder) comments(step workflow.Step, row, current string) []CommentRow {
	var out []CommentRow
	for _, h := range b.View.History {
		if h.Ignored || h.Event == current {
			continue
		}
		p := h.Params
		on := p["step"] == step.ID && p["row"] == row
		text, key := p["comment"], "a."+h.Kind
		switch {
		case h.Kind == workflow.KindSubmitted && step.Kind == template.KindStart:
		case h.Kind == workflow.KindDecided && on:
			key += "." + p["decision"]
		case h.Kind == workflow.KindTransferred && on:
		case h.Kind == workflow.KindCommented && on:
			text = p["text"]
		default:
			continue
		}
		if text = strings.TrimSpace(text); text == "" {
			continue
		}
		by := h.AuthorName
		if by == "" {
			by = b.name(h.Author)
		}
		out = append(out, CommentRow{At: b.time(h.At), By: by, Action: b.l.L(key), Text: text})
	}
	return out
}

// stepLabel names a step (and countersign row) for the history.
func (b *builder) stepLabel(step, row string) string {
	for _, s := range b.st.Plan.Steps {
		if s.ID != step {
			continue
		}
		name := b.l.T(s.Name)
		for _, r := range s.Rows {
			if r.ID == row {
				l := b.l.T(r.Label)
				if l == "" {
					l = b.role(r.Role)
				}
				name += " · " + l
			}
		}
		return name
	}
	return step
}

func (b *builder) history() []HistoryRow {
	out := []HistoryRow{}
	for _, h := range b.View.History {
		if h.Kind == dossier.KindChecklist {
			continue
		}
		p := h.Params
		key := "a." + h.Kind
		switch h.Kind {
		case workflow.KindDecided:
			key += "." + p["decision"]
		case workflow.KindConfirmed:
			key += "." + p["success"]
		}
		actor := h.AuthorName
		if actor == "" {
			actor = b.name(h.Author)
		}
		if r := p["role"]; r != "" {
			actor += "（" + b.role(r) + "）"
			if b.l == En {
				actor = strings.Replace(strings.Replace(actor, "（", " (", 1), "）", ")", 1)
			}
		}
		row := HistoryRow{At: b.time(h.At), Actor: actor, Action: b.l.L(key), Event: short(h.Event), Ignored: h.Ignored}
		if p["step"] != "" {
			row.Step = b.stepLabel(p["step"], p["row"])
		}
		row.Detail = b.detail(h)
		if h.Ignored {
			row.Action += b.l.L("v.ignored")
		}
		out = append(out, row)
	}
	return out
}

func (b *builder) detail(h dossier.HistoryEntry) string {
	p := h.Params
	var parts []string
	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	switch h.Kind {
	case dossier.KindCreated:
		add(p["system"] + " " + p["title"])
	case dossier.KindUpdated:
		add(b.l.L("d.fields") + p["fields"])
	case dossier.KindNote, workflow.KindCommented:
		add(p["text"])
	case workflow.KindAttached:
		name := p["deliverable"]
		if d, ok := b.st.Plan.Deliverable(p["deliverable"]); ok {
			name = b.l.T(d.Name)
		}
		sep := "："
		if b.l == En {
			sep = ": "
		}
		add(name + sep + p["name"])
	case workflow.KindTransferred:
		add(b.l.L("d.to") + p["to_name"])
	case workflow.KindPostponed:
		add(p["reason"])
		add(b.l.L("d.to_date") + b.timeText(p["planned_at"]))
	case workflow.KindConfirmed:
		if p["rollback"] != "" {
			add(b.l.L("d.rollback") + p["rollback"])
		}
	case workflow.KindSameDayTest:
		add(p["confirmed_by"] + " " + b.timeText(p["tested_at"]))
	}
	if p["return_to"] != "" {
		add(b.l.L("d.return_to") + b.stepLabel(p["return_to"], ""))
	}
	add(p["comment"])
	add(p["note"])
	if h.Kind == workflow.KindConfirmed || h.Kind == workflow.KindPostponed {
		add(p["plan"])
	}
	return strings.Join(parts, "；")
}

func (b *builder) attempts() []Attempt {
	var out []Attempt
	all := append(append([]workflow.Execution{}, b.st.Flow.PastAttempts...), b.st.Flow.Execution)
	for _, e := range all {
		a := Attempt{No: e.Attempt, Runbook: []RunbookRow{}, Tests: []TestRow{}}
		for _, r := range e.Runbook {
			res := map[string]string{"": b.l.L("v.open"), "ok": b.l.L("v.ok"), "failed": b.l.L("v.runfailed"), "skipped": b.l.L("v.skipped")}[r.Result]
			a.Runbook = append(a.Runbook, RunbookRow{No: r.No, Action: r.Action, Planned: b.timeText(r.PlannedAt), Started: b.timeText(r.StartedAt),
				Ended: b.timeText(r.EndedAt), Operator: r.Operator, Result: res, Notes: r.Notes})
		}
		for _, t := range e.Tests {
			passed := b.l.L("v.failed")
			if t.Passed {
				passed = b.l.L("v.passed")
			}
			a.Tests = append(a.Tests, TestRow{Name: t.Name, Expected: t.Expected, Actual: t.Actual, Passed: passed})
		}
		if pc := e.PackageCheck; pc != nil {
			m := b.l.L("v.match")
			if !pc.Match {
				m = b.l.L("v.mismatch")
			}
			a.Package = fmt.Sprintf("%s · %s · SHA-256 %s · %s", pc.Name, size(pc.Size), pc.SHA256, m)
		}
		if o := e.Override; o != nil {
			a.Override = b.signoff(o)
		}
		if r := e.Released; r != nil {
			a.Released = b.signoff(r)
		}
		if s := e.Supervised; s != nil {
			a.Supervised = b.signoff(s)
		}
		if s := e.SameDayTest; s != nil {
			who := s.ConfirmedBy
			switch {
			case s.Witness != nil && who == "":
				who = s.Witness.Person + " (" + b.l.L("d.witnessed") + ")"
			case s.Witness != nil:
				who += " (" + b.l.L("d.witnessed") + ")"
			case s.Role != "" && (who == "" || who == b.name(s.By)):
				who = b.name(s.By) + " · " + b.role(s.Role)
			}
			a.SameDay = strings.TrimSpace(who + " · " + b.time(s.TestedAt) + " · " + s.Comment)
		}
		var calls []string
		for _, c := range e.OnCall {
			calls = append(calls, strings.TrimSpace(c.Name+" · "+c.Phone+" · "+b.timeText(c.From)+" – "+b.timeText(c.Until)))
		}
		a.OnCall = strings.Join(calls, "; ")
		if len(a.Runbook) == 0 && len(a.Tests) == 0 && a.Released == "" && len(all) > 1 && e.Attempt == b.st.Flow.Execution.Attempt {
			continue // the current attempt has not started
		}
		out = append(out, a)
	}
	return out
}

func (b *builder) signoff(s *workflow.Signoff) string {
	out := b.name(s.By) + " · " + b.time(s.At)
	if s.Comment != "" {
		out += " · " + s.Comment
	}
	return out
}

func (b *builder) postponements() []PostponeRow {
	var out []PostponeRow
	for _, p := range b.st.Flow.Postponements {
		out = append(out, PostponeRow{Attempt: p.Attempt, By: b.name(p.By), At: b.time(p.At), From: b.time(p.From), To: b.time(p.To), Reason: p.Reason, Plan: p.Plan})
	}
	return out
}

func (b *builder) confirmation() *ConfirmRow {
	c := b.st.Flow.Confirmation
	if c == nil {
		return nil
	}
	r := &ConfirmRow{Success: c.Success, By: b.name(c.By), Role: b.role(c.Role), At: b.time(c.At), Rollback: c.Rollback, Comment: c.Comment}
	r.Result = b.l.L("v.failure")
	if c.Success {
		r.Result = b.l.L("v.success")
	}
	var items []template.Item
	if step := b.st.Plan.Confirm(); step != nil {
		items = append(items, step.Items...)
	}
	for _, it := range append(items, b.st.Plan.ConfirmationItems...) {
		a, ok := c.Answers[it.ID]
		ir := ItemRow{Text: b.l.T(it.Text), Yes: a.Yes, Remark: a.Remark}
		if ok {
			ir.Answer = b.l.L("v.no")
			if a.Yes {
				ir.Answer = b.l.L("v.yes")
			}
		}
		r.Items = append(r.Items, ir)
	}
	return r
}

// execSignatures are the signed statements of the current attempt and its
// confirmation.
func (b *builder) execSignatures() []Signature {
	var out []Signature
	e := b.st.Flow.Execution
	if pc := e.PackageCheck; pc != nil {
		out = append(out, b.sig(SignedPackage, pc.By, pc.At))
	}
	if o := e.Override; o != nil {
		out = append(out, b.sig(SignedOverride, o.By, o.At))
	}
	if r := e.Released; r != nil {
		out = append(out, b.sig(SignedReleased, r.By, r.At))
	}
	if s := e.Supervised; s != nil {
		out = append(out, b.sig(SignedSupervised, s.By, s.At))
	}
	if s := e.SameDayTest; s != nil {
		out = append(out, b.sig(SignedSameDay, s.By, s.At))
	}
	if c := b.st.Flow.Confirmation; c != nil {
		out = append(out, b.sig(SignedConfirmed, c.By, c.At))
	}
	return out
}

func (b *builder) documents() []DocumentRow {
	present := b.st.Flow.DocumentsPresent(b.st.Plan)
	var out []DocumentRow
	for _, d := range b.st.Plan.Documents {
		r := DocumentRow{No: d.No, Name: b.l.T(d.Name), Present: present[d.ID]}
		switch {
		case r.Present:
			r.Status = b.l.L("v.present")
		case b.st.Flow.Archive != nil && b.st.Flow.Archive.NotApplicable[d.ID] != "":
			r.Status, r.Note = b.l.L("v.na"), b.st.Flow.Archive.NotApplicable[d.ID]
		default:
			r.Status = b.l.L("v.missing")
		}
		out = append(out, r)
	}
	return out
}

// deliverables lists every version in flow order, then standard documents
// attached on their own.
func (b *builder) deliverables() []DeliverableRow {
	type keyed struct{ key, name, step string }
	var order []keyed
	seen := map[string]bool{}
	for _, s := range b.st.Plan.Steps {
		for _, d := range s.Deliverables {
			order = append(order, keyed{d.ID, b.l.T(d.Name), b.l.T(s.Name)})
		}
		for _, r := range s.Rows {
			for _, d := range r.Deliverables {
				order = append(order, keyed{d.ID, b.l.T(d.Name), b.l.T(s.Name)})
			}
		}
	}
	var rest []string
	for k := range b.st.Flow.Deliverables {
		rest = append(rest, k)
	}
	sort.Strings(rest)
	for _, k := range rest {
		name := k
		if d, ok := b.st.Plan.Deliverable(k); ok {
			name = b.l.T(d.Name)
		}
		order = append(order, keyed{k, name, ""})
	}
	out := []DeliverableRow{}
	for _, k := range order {
		if seen[k.key] {
			continue
		}
		seen[k.key] = true
		vs := b.st.Flow.Deliverables[k.key]
		for i, v := range vs {
			r := DeliverableRow{Key: k.key, Name: k.name, Step: k.step, Version: v.No, File: v.Name, Size: v.Size, SHA256: v.SHA256,
				By: b.name(v.By), At: b.time(v.At), Current: i == len(vs)-1}
			if v.HashOnly {
				r.Note = b.l.L("v.hashonly")
			}
			if v.Note != "" {
				r.Note = strings.TrimSpace(r.Note + " " + v.Note)
			}
			out = append(out, r)
		}
	}
	return out
}

// size renders a byte count for people.
func size(n int64) string {
	switch {
	case n >= 1<<30:
		return strconv.FormatFloat(float64(n)/(1<<30), 'f', 1, 64) + " GB"
	case n >= 1<<20:
		return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MB"
	case n >= 1<<10:
		return strconv.FormatFloat(float64(n)/(1<<10), 'f', 1, 64) + " KB"
	}
	return strconv.FormatInt(n, 10) + " B"
}

// Size renders a byte count as documents print it ("12.4 KB").
func Size(n int64) string { return size(n) }
