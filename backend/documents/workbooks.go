package documents

import (
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"golive/backend/apperr"
	"golive/backend/dossier"
	"golive/backend/printable"
	"golive/backend/system"
	"golive/backend/template"
	windowpkg "golive/backend/window"
	"golive/backend/xlsx"
	"golive/backend/zone"
)

// RegisterFilter selects the register's dossiers; zero fields match all.
type RegisterFilter struct {
	// Year is the planned release's year.
	Year int `json:"year"`
	// Quarter (1-4) is the planned release's quarter, of Year when set.
	Quarter int `json:"quarter"`
	// Window is a release window id ("2027-03-11-java") or a day
	// ("2026-12-10"): dossiers targeting that window or planned that day.
	Window string `json:"window"`
	// System is a system code.
	System string `json:"system"`
	// Lang is "zh" (default) or "en".
	Lang string `json:"lang"`
}

// String describes the filter for titles, e.g. "2026 · CRM".
func (f RegisterFilter) String() string {
	var parts []string
	if f.Year != 0 {
		parts = append(parts, strconv.Itoa(f.Year))
	}
	if f.Quarter != 0 {
		parts = append(parts, "Q"+strconv.Itoa(f.Quarter))
	}
	if f.Window != "" {
		parts = append(parts, f.Window)
	}
	if f.System != "" {
		parts = append(parts, f.System)
	}
	return strings.Join(parts, " · ")
}

// windowOf names the release window of a dossier in the register and the
// statistics: the window it targets ("2027-03-11-java"), else its planned
// release day ("2026-12-10") in the dossier's zone, unless WindowOf is set.
func (s *Service) windowOf(st dossier.State) string {
	if s.WindowOf != nil {
		return s.WindowOf(st)
	}
	if st.Window != "" {
		return st.Window
	}
	return plannedDay(st)
}

// plannedDay is the day of the planned release in the dossier's zone.
func plannedDay(st dossier.State) string {
	if st.PlannedAt.IsZero() {
		return ""
	}
	return st.PlannedAt.In(zone.Load(st.Zone)).Format(time.DateOnly)
}

// quarterOf is the quarter (1-4) of t's month.
func quarterOf(t time.Time) int { return (int(t.Month())-1)/3 + 1 }

// RegisterContent collects the register's rows, oldest planned release
// first. Codes: printable.bad_lang, documents.bad_quarter.
func (s *Service) RegisterContent(f RegisterFilter) (printable.Register, error) {
	lang, err := printable.ParseLang(f.Lang)
	if err != nil {
		return printable.Register{}, err
	}
	if f.Quarter < 0 || f.Quarter > 4 {
		return printable.Register{}, apperr.New("documents.bad_quarter", "quarter", strconv.Itoa(f.Quarter))
	}
	list, err := s.Dossiers.List(dossier.Filter{SystemCode: strings.TrimSpace(f.System)})
	if err != nil {
		return printable.Register{}, err
	}
	names, err := s.names()
	if err != nil {
		return printable.Register{}, err
	}
	systems, err := s.systemsByCode()
	if err != nil {
		return printable.Register{}, err
	}
	reg := printable.Register{Title: lang.L("title.register"), Filter: f.String(), Lang: lang, Rows: []printable.RegisterRow{}}
	reg.Groups = printable.StepGroups(s.Template(), lang)
	have := map[string]bool{}
	for _, g := range reg.Groups {
		have[g.Key] = true
	}
	pinned := map[string]*template.Template{}
	for _, sum := range list {
		if f.Year != 0 && (sum.PlannedAt.IsZero() || sum.PlannedAt.Year() != f.Year) {
			continue
		}
		if f.Quarter != 0 && (sum.PlannedAt.IsZero() || quarterOf(sum.PlannedAt) != f.Quarter) {
			continue
		}
		v, err := s.Dossiers.Get(sum.ID)
		if err != nil {
			return printable.Register{}, err
		}
		if v.State.OutOfScope != nil {
			continue // a change out of scope has no approvals to register
		}
		window := s.windowOf(v.State)
		if f.Window != "" && window != f.Window && plannedDay(v.State) != f.Window {
			continue
		}
		tpl, ok := pinned[v.State.Template]
		if !ok {
			if tpl, err = s.Resolve(v.State.Template); err != nil {
				return printable.Register{}, err
			}
			pinned[v.State.Template] = tpl
			for _, g := range printable.StepGroups(tpl, lang) {
				if !have[g.Key] {
					have[g.Key] = true
					reg.Groups = append(reg.Groups, g)
				}
			}
		}
		row := printable.RegisterRowOf(printable.Source{View: v, Template: tpl, Names: names, Lang: lang}, window)
		if sys, ok := systems[strings.ToUpper(row.SystemCode)]; ok {
			row.Class, row.ClassName, row.Department = sys.Class, windowpkg.ClassName(sys.Class, string(lang)), sys.Department
		}
		reg.Rows = append(reg.Rows, row)
	}
	sort.SliceStable(reg.Rows, func(i, j int) bool {
		a, b := reg.Rows[i], reg.Rows[j]
		if !a.PlannedAt.Equal(b.PlannedAt) {
			return a.PlannedAt.Before(b.PlannedAt)
		}
		return a.ID < b.ID
	})
	return reg, nil
}

// Register writes the approval register (审批登记簿) of the dossiers f
// selects to w and returns how many rows it holds. Codes: printable.bad_lang,
// xlsx.write_failed.
func (s *Service) Register(f RegisterFilter, w io.Writer) (int, error) {
	reg, err := s.RegisterContent(f)
	if err != nil {
		return 0, err
	}
	return len(reg.Rows), xlsx.WriteRegister(w, reg)
}

// systemsByCode returns the system register by upper-case code (empty
// without a register).
func (s *Service) systemsByCode() (map[string]system.System, error) {
	out := map[string]system.System{}
	if s.Systems == nil {
		return out, nil
	}
	list, err := s.Systems.List()
	if err != nil {
		return nil, err
	}
	for _, sys := range list {
		out[strings.ToUpper(sys.Code)] = sys
	}
	return out, nil
}

// StatsContent computes the release statistics (发布统计) of the dossiers f
// selects: what the statistics workbook prints and the dashboard shows.
// Codes: printable.bad_lang, documents.bad_quarter.
func (s *Service) StatsContent(f RegisterFilter) (printable.Stats, error) {
	reg, err := s.RegisterContent(f)
	if err != nil {
		return printable.Stats{}, err
	}
	return printable.BuildStats(reg), nil
}

// Stats writes the release statistics (发布统计) of the dossiers f selects.
// Codes: those of StatsContent, xlsx.write_failed.
func (s *Service) Stats(f RegisterFilter, w io.Writer) error {
	st, err := s.StatsContent(f)
	if err != nil {
		return err
	}
	return xlsx.WriteStats(w, st)
}

// PlanWorkbook writes the year's window plan (发布窗口计划). Code
// documents.no_plan_source until Plans is wired.
func (s *Service) PlanWorkbook(year int, lang string, w io.Writer) error {
	l, err := printable.ParseLang(lang)
	if err != nil {
		return err
	}
	if s.Plans == nil {
		return apperr.New("documents.no_plan_source").WithDetail("the window plan is not wired to documents.Service.Plans yet")
	}
	rows, err := s.Plans(year, l)
	if err != nil {
		return err
	}
	return xlsx.WritePlan(w, year, rows, l)
}

// UserTestTemplate writes a blank 用户测试报告 workbook, pre-filled with the
// dossier's system, version and release content when id is not empty.
func (s *Service) UserTestTemplate(id, lang string, w io.Writer) error {
	l, err := printable.ParseLang(lang)
	if err != nil {
		return err
	}
	u := xlsx.UserTest{Organisation: l.T(s.Template().Organisation), Lang: l}
	if id != "" {
		v, err := s.Dossiers.Get(id)
		if err != nil {
			return err
		}
		u.System = strings.TrimSpace(v.State.SystemCode + " " + v.SystemName)
		u.Version, u.Dossier = v.State.Version, v.State.ID
		for _, c := range v.State.Content {
			u.Modules = append(u.Modules, c.Ref+" "+c.Title)
		}
	}
	return xlsx.WriteUserTestTemplate(w, u)
}
