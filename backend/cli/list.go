package cli

import (
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"golive/backend/apperr"
	"golive/backend/core"
	"golive/backend/dossier"
	"golive/backend/template"
	"golive/backend/workflow"
)

func init() {
	register("list", "golive list [--year Y] [--stage S] [--system C] [--window W] [--json] [--lang en] [--data DIR]  list the dossiers", runList)
}

// listJSON is what list --json prints (field names documented in the
// README; they do not change).
type listJSON struct {
	Dossiers []listDossier `json:"dossiers"`
}

// listDossier is one dossier of list --json.
type listDossier struct {
	ID              string `json:"id"`
	Title           string `json:"title"`
	System          string `json:"system"`
	SystemName      string `json:"system_name"`
	Type            string `json:"type"`
	Mode            string `json:"mode"`
	Version         string `json:"version"`
	Stage           string `json:"stage"`
	StageName       string `json:"stage_name"`
	Phase           string `json:"phase"`
	PhaseName       string `json:"phase_name"`
	Window          string `json:"window"`
	WindowState     string `json:"window_state"`
	PlannedAt       string `json:"planned_at"`
	UpdatedAt       string `json:"updated_at"`
	ProjectManager  string `json:"project_manager"`
	Entity          string `json:"entity"`
	OutOfScope      string `json:"out_of_scope"`
	NotFullyTested  bool   `json:"not_fully_tested"`
	ChecklistDone   int    `json:"checklist_done"`
	ChecklistTotal  int    `json:"checklist_total"`
	OpenTrialIssues int    `json:"open_trial_issues"`
}

// listFilter is what list's flags select: the service's filter (stage,
// system) and the year and window of the planned release, as the
// register selects them (documents.RegisterFilter).
type listFilter struct {
	dossier.Filter
	Year   int
	Window string
}

// match reports whether d passes the year and window of f (the service
// has matched the rest): planned in Year, in the dossier's zone; targeting
// Window, or planned that day when Window is a day.
func (f listFilter) match(d dossier.Summary) bool {
	if f.Year != 0 && (d.PlannedAt.IsZero() || d.PlannedAt.Year() != f.Year) {
		return false
	}
	if f.Window != "" && d.Window != f.Window && (d.PlannedAt.IsZero() || d.PlannedAt.Format(time.DateOnly) != f.Window) {
		return false
	}
	return true
}

// windowValue is a window id ("2027-03-11-java", an added one
// "2027-03-11-java-x1") or a day ("2026-12-10").
var windowValue = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})(-[a-z0-9_]+(-x\d+)?)?$`)

// parseYear reads --year: "" for none, else a year GoLive plans
// (2000-2100). Code cli.bad_year, a usage error.
func parseYear(s string) (int, error) {
	if s == "" {
		return 0, nil
	}
	y, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || y < 2000 || y > 2100 {
		return 0, usageErr(apperr.New("cli.bad_year", "value", s))
	}
	return y, nil
}

// parseWindow reads --window. Code cli.bad_window, a usage error.
func parseWindow(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	m := windowValue.FindStringSubmatch(s)
	if m == nil {
		return "", usageErr(apperr.New("cli.bad_window", "value", s))
	}
	if _, err := time.Parse(time.DateOnly, m[1]); err != nil {
		return "", usageErr(apperr.New("cli.bad_window", "value", s))
	}
	return s, nil
}

// checkStage refuses a stage the template does not have (code
// cli.bad_stage, a usage error, listing the stages).
func checkStage(tpl *template.Template, l lang, stage string) error {
	if stage == "" {
		return nil
	}
	ids := append(tpl.StageIDs(), dossier.StageOutOfScope)
	if slices.Contains(ids, stage) {
		return nil
	}
	var names []string
	for _, id := range ids {
		names = append(names, id+" ("+stageName(tpl, l, id)+")")
	}
	return usageErr(apperr.New("cli.bad_stage", "value", stage, "stages", strings.Join(names, ", ")))
}

// checkSystem returns the registered code of system (case ignored), or
// cli.bad_system, a usage error listing the registered codes.
func checkSystem(c *core.Core, system string) (string, error) {
	if system == "" {
		return "", nil
	}
	all, err := c.Systems.List()
	if err != nil {
		return "", err
	}
	var codes []string
	for _, s := range all {
		if strings.EqualFold(s.Code, strings.TrimSpace(system)) {
			return s.Code, nil
		}
		codes = append(codes, s.Code)
	}
	return "", usageErr(apperr.New("cli.bad_system", "value", system, "systems", strings.Join(codes, ", ")))
}

// stageName names stage id in l by the template (the stage's short
// name; "out_of_scope" by its own words).
func stageName(tpl *template.Template, l lang, id string) string {
	if s, ok := tpl.Stage(id); ok {
		return l.T(s.Name)
	}
	if id == dossier.StageOutOfScope {
		return l.L("show.out_of_scope")
	}
	return id
}

// phaseName names a workflow phase in l (workflow.PhaseNames).
func phaseName(l lang, phase string) string {
	if t, ok := workflow.PhaseNames[phase]; ok {
		return l.T(t)
	}
	return phase
}

// timeText is t in RFC 3339 with its zone's offset, "" for no time.
func timeText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}

// shortTime is t as a table shows it ("2026-12-10 19:00"), "" for none.
func shortTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02 15:04")
}

func runList(args []string, out io.Writer) error {
	r := newReadCommand("list")
	year := r.fs.String("year", "", "only dossiers planned in this year")
	stage := r.fs.String("stage", "", "only dossiers in this stage (a template stage id)")
	system := r.fs.String("system", "", "only dossiers of this system (its code)")
	win := r.fs.String("window", "", "only dossiers targeting this window id, or planned this day (YYYY-MM-DD)")
	return r.run(args, out, func(rest []string) error {
		if err := r.noArgs(rest); err != nil {
			return err
		}
		f := listFilter{Filter: dossier.Filter{Stage: strings.TrimSpace(*stage)}}
		var err error
		if f.Year, err = parseYear(*year); err != nil {
			return err
		}
		if f.Window, err = parseWindow(*win); err != nil {
			return err
		}
		c, err := openDataReadOnly(*r.dir)
		if err != nil {
			return err
		}
		defer c.Close()
		tpl := c.Template()
		if err := checkStage(tpl, r.l, f.Stage); err != nil {
			return err
		}
		if f.SystemCode, err = checkSystem(c, *system); err != nil {
			return err
		}
		list, err := listDossiers(c, f)
		if err != nil {
			return err
		}
		rows := make([]listDossier, 0, len(list))
		for _, d := range list {
			rows = append(rows, listDossier{ID: d.ID, Title: d.Title, System: d.SystemCode, SystemName: d.SystemName, Type: d.Type,
				Mode: d.Mode, Version: d.Version, Stage: d.Stage, StageName: stageName(tpl, r.l, d.Stage), Phase: d.Phase,
				PhaseName: phaseName(r.l, d.Phase), Window: d.Window, WindowState: d.WindowState, PlannedAt: timeText(d.PlannedAt),
				UpdatedAt: timeText(d.UpdatedAt), ProjectManager: d.ProjectManager, Entity: d.Entity, OutOfScope: d.OutOfScope,
				NotFullyTested: d.NotFullyTested, ChecklistDone: d.ChecklistDone, ChecklistTotal: d.ChecklistTotal, OpenTrialIssues: d.OpenTrialIssues})
		}
		if *r.asJSON {
			return printJSON(out, listJSON{Dossiers: rows})
		}
		if len(rows) == 0 {
			_, err := io.WriteString(out, r.l.L("list.none")+"\n")
			return err
		}
		l := r.l
		head := []string{l.L("list.id"), l.L("list.system"), l.L("list.stage"), l.L("list.phase"), l.L("list.window"), l.L("list.planned"), l.L("list.title")}
		var table [][]string
		for i, d := range rows {
			table = append(table, []string{d.ID, d.System, d.StageName, d.PhaseName, d.Window, shortTime(list[i].PlannedAt), d.Title})
		}
		printTable(out, head, table)
		_, err = io.WriteString(out, l.sprintf("list.count", len(rows))+"\n")
		return err
	})
}

// listDossiers returns the dossiers f selects, latest planned first
// (dossier.Service.List).
func listDossiers(c *core.Core, f listFilter) ([]dossier.Summary, error) {
	all, err := c.Dossiers.List(f.Filter)
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(all, func(d dossier.Summary) bool { return !f.match(d) }), nil
}
