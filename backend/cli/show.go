package cli

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"golive/backend/apperr"
	"golive/backend/core"
	"golive/backend/dossier"
	"golive/backend/keys"
	"golive/backend/people"
	"golive/backend/template"
	"golive/backend/window"
	"golive/backend/workflow"
)

func init() {
	register("show", "golive show ID [--json] [--lang en] [--data DIR]  one dossier: state, tasks, deliverables, checklist, history", runShow)
}

// showJSON is what show --json prints (field names documented in the
// README; they do not change).
type showJSON struct {
	ID             string `json:"id"`
	Title          string `json:"title"`
	System         string `json:"system"`
	SystemName     string `json:"system_name"`
	Type           string `json:"type"`
	TypeName       string `json:"type_name"`
	Mode           string `json:"mode"`
	ModeName       string `json:"mode_name"`
	Version        string `json:"version"`
	Stage          string `json:"stage"`
	StageName      string `json:"stage_name"`
	Phase          string `json:"phase"`
	PhaseName      string `json:"phase_name"`
	PlannedAt      string `json:"planned_at"`
	Window         string `json:"window"`
	WindowState    string `json:"window_state"`
	Entity         string `json:"entity"`
	ProjectManager string `json:"project_manager"`
	SystemOwner    string `json:"system_owner"`
	Template       string `json:"template"`
	OutOfScope     string `json:"out_of_scope"`
	NotFullyTested bool   `json:"not_fully_tested"`
	Override       bool   `json:"override"`
	CreatedAt      string `json:"created_at"`
	CreatedBy      string `json:"created_by"`
	UpdatedAt      string `json:"updated_at"`
	// Rostered is true when the folder has a roster: waits_for then names
	// the people a task waits for; without one, tasks wait for a role.
	Rostered     bool              `json:"rostered"`
	Tasks        []showTask        `json:"tasks"`
	Deliverables []showDeliverable `json:"deliverables"`
	Checklist    []showChecklist   `json:"checklist"`
	History      []showEvent       `json:"history"`
}

// showTask is one task of the dossier.
type showTask struct {
	Kind     string `json:"kind"`
	KindName string `json:"kind_name"`
	Step     string `json:"step"`
	StepName string `json:"step_name"`
	Row      string `json:"row"`
	Role     string `json:"role"`
	RoleName string `json:"role_name"`
	Since    string `json:"since"`
	// DelegateName names who a decision was transferred to, "" for none.
	DelegateName string       `json:"delegate_name"`
	Urges        int          `json:"urges"`
	WaitsFor     []showWaiter `json:"waits_for"`
}

// showWaiter is one person of the roster a task waits for.
type showWaiter struct {
	Person    string `json:"person"`
	Name      string `json:"name"`
	Delegated bool   `json:"delegated"`
}

// showDeliverable is one deliverable with its newest version.
type showDeliverable struct {
	Key  string `json:"key"`
	Name string `json:"name"`
	// Source is "uploaded" (attached by a person), "generated" (made by
	// GoLive from what a step records) or "hash_only" (recorded by name,
	// size and SHA-256, the file kept elsewhere: the release package).
	Source   string `json:"source"`
	Version  int    `json:"version"`
	Versions int    `json:"versions"`
	FileName string `json:"file_name"`
	Size     int64  `json:"size"`
	SHA256   string `json:"sha256"`
	At       string `json:"at"`
	ByName   string `json:"by_name"`
	Note     string `json:"note"`
}

// showChecklist is one item of the preparation checklist.
type showChecklist struct {
	Item        string `json:"item"`
	Group       string `json:"group"`
	No          int    `json:"no"`
	Title       string `json:"title"`
	Status      string `json:"status"`
	StatusName  string `json:"status_name"`
	Note        string `json:"note"`
	Deliverable string `json:"deliverable"`
	File        string `json:"file"`
	At          string `json:"at"`
	ByName      string `json:"by_name"`
}

// showEvent is one event of the history, oldest first.
type showEvent struct {
	Event       string            `json:"event"`
	Time        string            `json:"time"`
	Kind        string            `json:"kind"`
	Action      string            `json:"action"`
	Author      string            `json:"author"`
	AuthorName  string            `json:"author_name"`
	Step        string            `json:"step"`
	Note        string            `json:"note"`
	Ignored     bool              `json:"ignored"`
	IgnoredCode string            `json:"ignored_code"`
	Params      map[string]string `json:"params"`
}

func runShow(args []string, out io.Writer) error {
	r := newReadCommand("show")
	return r.run(args, out, func(rest []string) error {
		if len(rest) == 0 {
			return usageErr(apperr.New("cli.needs_id"))
		}
		if err := r.noArgs(rest[1:]); err != nil {
			return err
		}
		c, err := openDataReadOnly(*r.dir)
		if err != nil {
			return err
		}
		defer c.Close()
		s, err := showDossier(c, r.l, strings.TrimSpace(rest[0]))
		if err != nil {
			return err
		}
		if *r.asJSON {
			return printJSON(out, s)
		}
		printShow(out, r.l, s)
		return nil
	})
}

// showDossier gathers dossier id as show prints it, with names in l.
// Codes: dossier.not_found.
func showDossier(c *core.Core, l lang, id string) (showJSON, error) {
	v, err := c.Dossiers.Get(id)
	if err != nil {
		return showJSON{}, err
	}
	st := v.State
	tpl, err := c.ResolveTemplate(st.Template)
	if err != nil {
		return showJSON{}, err
	}
	dir, err := c.People()
	if err != nil {
		return showJSON{}, err
	}
	name := func(key string) string {
		if n := dir.Name(key); n != "" {
			return n
		}
		if key == "" {
			return ""
		}
		return keys.FingerprintHex(key)
	}
	s := showJSON{ID: st.ID, Title: st.Title, System: st.SystemCode, SystemName: v.SystemName, Type: st.Type, Mode: st.Mode,
		Version: st.Version, Stage: st.Stage, StageName: stageName(tpl, l, st.Stage), PlannedAt: timeText(st.PlannedAt),
		Window: st.Window, Entity: st.Entity, ProjectManager: st.ProjectManager, SystemOwner: st.SystemOwner, Template: st.Template,
		NotFullyTested: st.NotFullyTested, Override: st.Override, CreatedAt: timeText(st.CreatedAt), CreatedBy: name(st.CreatedBy),
		UpdatedAt: timeText(st.UpdatedAt), Tasks: []showTask{}, Deliverables: []showDeliverable{}, Checklist: []showChecklist{},
		History: []showEvent{}}
	if t, ok := tpl.ReleaseType(st.Type); ok {
		s.TypeName = l.T(t.Name)
	}
	if m, ok := tpl.Mode(st.Mode); ok {
		s.ModeName = l.T(m.Name)
	}
	if st.Flow != nil {
		s.Phase, s.PhaseName = st.Flow.Phase, phaseName(l, st.Flow.Phase)
	}
	if v.Window != nil {
		s.WindowState = v.Window.State
	}
	if st.OutOfScope != nil {
		s.OutOfScope = st.OutOfScope.Kind
	}
	if s.Tasks, s.Rostered, err = showTasks(c, tpl, l, v, dir); err != nil {
		return showJSON{}, err
	}
	s.Deliverables = showDeliverables(v, l, name)
	s.Checklist = showChecklistOf(tpl, l, st, name)
	for _, h := range v.History {
		author := h.AuthorName
		if author == "" {
			author = name(h.Author)
		}
		params := h.Params
		if params == nil {
			params = map[string]string{}
		}
		s.History = append(s.History, showEvent{Event: h.Event, Time: timeText(h.At), Kind: h.Kind, Action: actionName(l, h),
			Author: h.Author, AuthorName: author, Step: stepName(st.Plan, l, h.Params["step"], h.Params["row"], tpl), Note: eventNote(h.Params),
			Ignored: h.Ignored, IgnoredCode: h.IgnoredCode, Params: params})
	}
	return s, nil
}

// showTasks lists v's tasks, each with the people of the roster it waits
// for (dossier.Service.WaitsFor, the inbox's rule); rostered is false
// when the folder has no roster.
func showTasks(c *core.Core, tpl *template.Template, l lang, v dossier.View, dir *people.Directory) ([]showTask, bool, error) {
	waiters, err := c.Dossiers.WaitsFor(v.State.ID)
	rostered := err == nil
	if err != nil && !apperr.HasCode(err, workflow.CodeNoRoster) {
		return nil, false, err
	}
	out := []showTask{}
	for _, t := range v.State.Tasks {
		st := showTask{Kind: t.Kind, KindName: l.taskName(t.Kind), Step: t.Step, StepName: stepName(v.State.Plan, l, t.Step, t.Row, tpl),
			Row: t.Row, Role: t.Role, RoleName: roleName(tpl, l, t.Role), Since: timeText(t.Since), Urges: t.Urges, WaitsFor: []showWaiter{}}
		if t.Delegate != "" {
			st.DelegateName = dir.Name(t.Delegate)
			if st.DelegateName == "" {
				st.DelegateName = keys.FingerprintHex(t.Delegate)
			}
		}
		for _, w := range waiters {
			if w.Task.Kind == t.Kind && w.Task.Step == t.Step && w.Task.Row == t.Row && w.Task.Role == t.Role {
				st.WaitsFor = append(st.WaitsFor, showWaiter{Person: w.Person, Name: dir.Name(w.Key), Delegated: w.Delegated})
			}
		}
		out = append(out, st)
	}
	return out, rostered, nil
}

// showDeliverables lists the deliverables attached so far, in the plan's
// order, each with its newest version.
func showDeliverables(v dossier.View, l lang, name func(string) string) []showDeliverable {
	out := []showDeliverable{}
	st := v.State
	if st.Flow == nil {
		return out
	}
	var order []string
	seen := map[string]bool{}
	for _, ch := range v.EvidenceChoices {
		order, seen[ch.Key] = append(order, ch.Key), true
	}
	var others []string
	for k := range st.Flow.Deliverables {
		if !seen[k] {
			others = append(others, k)
		}
	}
	sort.Strings(others)
	for _, key := range append(order, others...) {
		vs := st.Flow.Deliverables[key]
		if len(vs) == 0 {
			continue
		}
		last := vs[len(vs)-1]
		d := showDeliverable{Key: key, Name: key, Source: "uploaded", Version: last.No, Versions: len(vs), FileName: last.Name,
			Size: last.Size, SHA256: last.SHA256, At: timeText(last.At), ByName: name(last.By), Note: last.Note}
		if st.Plan != nil {
			if td, ok := st.Plan.Deliverable(key); ok {
				d.Name = l.T(td.Name)
				if td.Generated {
					d.Source = "generated"
				}
			}
		}
		if last.HashOnly {
			d.Source = "hash_only"
		}
		out = append(out, d)
	}
	return out
}

// showChecklistOf lists the template's checklist items in order, then the
// dossier's review conditions (group "condition"), with where each stands.
func showChecklistOf(tpl *template.Template, l lang, st dossier.State, name func(string) string) []showChecklist {
	out := []showChecklist{}
	if st.OutOfScope != nil {
		return out
	}
	items := make([]template.ChecklistItem, 0, len(tpl.Checklist)+len(st.Conditions))
	items = append(items, tpl.Checklist...)
	// The conditions of a conditional pass (评审条件) are items too.
	for i, cond := range st.Conditions {
		items = append(items, template.ChecklistItem{ID: cond.ID, Group: "condition", No: i + 1, Title: template.Text{Zh: cond.Text, En: cond.Text}})
	}
	for _, it := range items {
		c := showChecklist{Item: it.ID, Group: it.Group, No: it.No, Title: l.T(it.Title), Status: dossier.StatusNotStarted}
		if e, ok := st.Checklist[it.ID]; ok {
			c.Status, c.Note, c.Deliverable, c.At, c.ByName = e.Status, e.Note, e.Deliverable, timeText(e.At), name(e.By)
			if e.File != nil {
				c.File = e.File.Name
			}
		}
		c.StatusName = statusName(l, c.Status)
		out = append(out, c)
	}
	return out
}

// statusName names a checklist status as the printed documents do
// (printable's "st.<status>" labels).
func statusName(l lang, status string) string {
	if t := l.printable().L("st." + status); t != "st."+status {
		return t
	}
	return status
}

// roleName names role id by the template, "" for none.
func roleName(tpl *template.Template, l lang, id string) string {
	if r, ok := tpl.Role(id); ok {
		return l.T(r.Name)
	}
	return id
}

// stepName names a step of plan (and a countersign row: its label, else
// its role's name), "" for none.
func stepName(plan *workflow.Plan, l lang, step, row string, tpl *template.Template) string {
	if plan == nil || step == "" {
		return ""
	}
	for _, s := range plan.Steps {
		if s.ID != step {
			continue
		}
		name := l.T(s.Name)
		for _, r := range s.Rows {
			if r.ID == row {
				label := l.T(r.Label)
				if label == "" {
					label = roleName(tpl, l, r.Role)
				}
				name += " · " + label
			}
		}
		return name
	}
	return step
}

// eventNote is what a person wrote with an event: its comment, note,
// text, reason, resolution or remark, the first that is not empty.
func eventNote(p map[string]string) string {
	for _, k := range []string{"comment", "note", "text", "reason", "resolution", "remark"} {
		if v := strings.TrimSpace(p[k]); v != "" {
			return v
		}
	}
	return ""
}

// actionName names what an event did, as the printed history does
// (printable's "a.<kind>" labels); the kind itself when it has none.
func actionName(l lang, h dossier.HistoryEntry) string {
	key := h.Kind
	switch h.Kind {
	case workflow.KindDecided:
		key += "." + h.Params["decision"]
	case workflow.KindConfirmed:
		key += "." + h.Params["success"]
	}
	if t := l.printable().L("a." + key); t != "a."+key {
		return t
	}
	return h.Kind
}

// printShow writes s for people: a header, then the tasks, the
// deliverables, the checklist and the history.
func printShow(out io.Writer, l lang, s showJSON) {
	fmt.Fprintf(out, "%s %s  %s\n", l.L("show.dossier"), s.ID, s.Title)
	field := func(label, value string) {
		if value != "" {
			fmt.Fprintf(out, "  %s%s %s\n", label, pad(label, 14), value)
		}
	}
	field(l.L("list.system"), strings.TrimSpace(s.System+" "+s.SystemName))
	field(l.L("show.type"), s.TypeName)
	field(l.L("show.mode"), s.ModeName)
	field(l.L("show.version"), s.Version)
	field(l.L("list.stage"), s.StageName)
	field(l.L("list.phase"), s.PhaseName)
	field(l.L("list.planned"), zonedRFC(s.PlannedAt))
	if s.Window != "" {
		field(l.L("list.window"), s.Window+" "+window.StateText(s.WindowState, string(l.printable())))
	}
	field(l.L("show.entity"), s.Entity)
	field(l.L("show.pm"), s.ProjectManager)
	field(l.L("show.out_of_scope"), s.OutOfScope)
	field(l.L("show.template"), s.Template)

	fmt.Fprintf(out, "\n%s\n", l.L("show.tasks"))
	if len(s.Tasks) == 0 {
		fmt.Fprintf(out, "  %s\n", l.L("show.no_tasks"))
	}
	for _, t := range s.Tasks {
		what := t.KindName
		if t.StepName != "" {
			what += " · " + t.StepName
		}
		if t.RoleName != "" && !strings.Contains(what, t.RoleName) {
			what += " (" + t.RoleName + ")"
		}
		who := ""
		switch {
		case len(t.WaitsFor) > 0:
			var names []string
			for _, w := range t.WaitsFor {
				names = append(names, w.Name)
			}
			who = l.L("show.waits_for") + " " + strings.Join(names, ", ")
		case !s.Rostered:
			who = l.L("show.roster_absent")
		case t.Kind != "filed":
			who = l.L("show.waits_for") + " " + l.L("show.no_one")
		}
		if t.DelegateName != "" {
			who += "; " + l.L("show.delegated_to") + " " + t.DelegateName
		}
		fmt.Fprintf(out, "  %s  %s %s  %s\n", what, l.L("show.since"), shortRFC(t.Since), who)
	}

	fmt.Fprintf(out, "\n%s\n", l.L("show.deliverables"))
	if len(s.Deliverables) == 0 {
		fmt.Fprintf(out, "  %s\n", l.L("show.no_files"))
	}
	var rows [][]string
	for _, d := range s.Deliverables {
		sum := d.SHA256
		if len(sum) > 16 {
			sum = sum[:16]
		}
		rows = append(rows, []string{"  " + d.Name, l.sprintf("show.version_no", d.Version), l.L("source." + d.Source), sum, d.FileName})
	}
	if len(rows) > 0 {
		printRows(out, rows)
	}

	if len(s.Checklist) > 0 {
		fmt.Fprintf(out, "\n%s\n", l.L("show.checklist"))
		rows = nil
		for _, c := range s.Checklist {
			rows = append(rows, []string{"  " + c.StatusName, c.Title, c.Note})
		}
		printRows(out, rows)
	}

	fmt.Fprintf(out, "\n%s\n", l.L("show.history"))
	rows = nil
	for _, h := range s.History {
		action := h.Action
		if h.Ignored {
			action += l.sprintf("show.ignored", h.IgnoredCode)
		}
		if h.Step != "" {
			action += " · " + h.Step
		}
		note := h.Note
		if d := h.Params["deliverable"]; d != "" && note == "" {
			note = deliverableName(s, d) + " " + h.Params["name"]
		}
		if to := h.Params["to_name"]; to != "" {
			note = strings.TrimSpace("→ " + to + " " + note)
		}
		rows = append(rows, []string{"  " + shortRFC(h.Time), h.AuthorName, action, note})
	}
	printRows(out, rows)
}

// deliverableName names deliverable key as s lists it, else the key.
func deliverableName(s showJSON, key string) string {
	for _, d := range s.Deliverables {
		if d.Key == key {
			return d.Name
		}
	}
	return key
}

// printRows writes rows aligned, without a heading.
func printRows(out io.Writer, rows [][]string) {
	printTable(out, nil, rows)
}

// shortRFC turns an RFC 3339 time into "2006-01-02 15:04".
func shortRFC(rfc string) string {
	if len(rfc) >= 16 {
		return rfc[:10] + " " + rfc[11:16]
	}
	return rfc
}

// zonedRFC turns an RFC 3339 time into "2006-01-02 15:04 +08:00".
func zonedRFC(rfc string) string {
	if len(rfc) >= 20 {
		return shortRFC(rfc) + " " + rfc[19:]
	}
	return rfc
}

// pad is the spaces that align a label of up to n cells.
func pad(label string, n int) string {
	if w := cells(label); w < n {
		return strings.Repeat(" ", n-w)
	}
	return " "
}
