package xlsx

import (
	"bytes"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"golive/backend/apperr"
	"golive/backend/roster"
	"golive/backend/template"
)

// The roster workbook (组织名册) has three sheets, read by position so
// their names do not matter; row 1 of each holds the headers, in any order,
// in Chinese, English or both ("编号/ID"):
//
//  1. People (人员): 编号/ID, 姓名/Name, 部门/Department (required);
//     子部门/Sub-department, 职务/Title, 公钥/Public key (64 hex digits;
//     several separated by spaces, commas or line breaks), 角色/Roles
//     (template role ids or their Chinese or English names, separated by
//     、 , ， ; or line breaks).
//  2. Systems (系统分工, optional): 系统/System, 所属部门/Department
//     (required); 所属子部门/Sub-department, 系统所有人/Owner id,
//     系统发布岗/Dev lead id, 监督人/Supervisor id (person ids of sheet 1).
//  3. Heads (部门负责人, optional): 部门/Department, 负责人编号/Head id
//     (required); 子部门/Sub-department.
//
// Blank rows are skipped. Each sheet holds at most MaxRosterRows rows
// after the header, and the file at most MaxRosterBytes bytes.

// Limits of a roster workbook.
const (
	// MaxRosterRows is the most data rows a roster sheet may hold.
	MaxRosterRows = 10000
	// MaxRosterBytes is the largest roster workbook read.
	MaxRosterBytes = 8 << 20
	// maxRosterCell is the longest cell value read, in characters.
	maxRosterCell = 1000
)

// Sheet names WriteRoster gives the three sheets.
const (
	RosterPeopleSheet  = "人员 People"
	RosterSystemsSheet = "系统分工 Systems"
	RosterHeadsSheet   = "部门负责人 Heads"
)

// Codes of a refused roster workbook. Cell codes carry the params sheet,
// row (1-based, as Excel numbers it), column (its letter), header and
// value.
const (
	// CodeRosterUnreadable: the file is not an Excel workbook (.xlsx).
	CodeRosterUnreadable = "roster.sheet_unreadable"
	// CodeRosterTooLarge: the file is larger than MaxRosterBytes, or a
	// sheet has more than MaxRosterRows rows (params: sheet, max).
	CodeRosterTooLarge = "roster.sheet_too_large"
	// CodeRosterNoColumn: a required column is missing (params: sheet, column).
	CodeRosterNoColumn = "roster.sheet_column_missing"
	// CodeRosterEmptyCell: a required cell is empty.
	CodeRosterEmptyCell = "roster.sheet_empty_cell"
	// CodeRosterLongCell: a cell holds more than 1,000 characters, or
	// control characters.
	CodeRosterLongCell = "roster.sheet_bad_text"
	// CodeRosterUnknownRole: a role is not one of the template's.
	CodeRosterUnknownRole = "roster.sheet_unknown_role"
	// CodeRosterScopedRole: a role the template scopes to a dossier
	// (system owner, release operator, …) is granted to a person outright;
	// such roles come from the systems and heads sheets.
	CodeRosterScopedRole = "roster.sheet_scoped_role"
	// CodeRosterBadKey: a public key is not 64 hex digits.
	CodeRosterBadKey = "roster.sheet_bad_key"
	// CodeRosterUnknownPerson: a person id names nobody in the people sheet.
	CodeRosterUnknownPerson = "roster.sheet_unknown_person"
	// CodeRosterDuplicate: a person id, key, system or unit occurs twice.
	CodeRosterDuplicate = "roster.sheet_duplicate"
)

// rosterColumn is one column of a roster sheet.
type rosterColumn struct {
	key      string
	header   string // as WriteRoster writes it
	aliases  []string
	required bool
}

var (
	peopleColumns = []rosterColumn{
		{"id", "编号/ID", []string{"编号", "工号", "员工编号", "id"}, true},
		{"name", "姓名/Name", []string{"姓名", "name"}, true},
		{"department", "部门/Department", []string{"部门", "department", "dept"}, true},
		{"sub", "子部门/Sub-department", []string{"子部门", "科室", "sub-department", "subdepartment", "sub department"}, false},
		{"title", "职务/Title", []string{"职务", "title"}, false},
		{"key", "公钥/Public key", []string{"公钥", "public key", "publickey", "key"}, false},
		{"roles", "角色/Roles", []string{"角色", "roles", "role"}, false},
	}
	systemColumns = []rosterColumn{
		{"system", "系统/System", []string{"系统", "系统代码", "system", "system code"}, true},
		{"department", "所属部门/Department", []string{"所属部门", "部门", "department", "dept"}, true},
		{"sub", "所属子部门/Sub-department", []string{"所属子部门", "子部门", "sub-department", "subdepartment", "sub department"}, false},
		{"owner", "系统所有人/Owner id", []string{"系统所有人", "系统所有人编号", "owner", "owner id"}, false},
		{"dev_lead", "系统发布岗/Dev lead id", []string{"系统发布岗", "系统发布岗编号", "dev lead", "dev lead id", "release operator"}, false},
		{"supervisor", "监督人/Supervisor id", []string{"监督人", "监督人编号", "supervisor", "supervisor id"}, false},
	}
	headColumns = []rosterColumn{
		{"department", "部门/Department", []string{"部门", "department", "dept"}, true},
		{"sub", "子部门/Sub-department", []string{"子部门", "科室", "sub-department", "subdepartment", "sub department"}, false},
		{"person", "负责人编号/Head id", []string{"负责人编号", "负责人", "head", "head id"}, true},
	}
)

// headerMatches reports whether a header cell names c: the whole header or
// one of its "/"-separated parts equals an alias, case and spaces aside.
func headerMatches(cell string, c rosterColumn) bool {
	norm := func(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }
	parts := append([]string{cell}, strings.FieldsFunc(cell, func(r rune) bool { return r == '/' || r == '／' || r == '|' })...)
	for _, p := range parts {
		p = norm(p)
		for _, a := range c.aliases {
			if p == a {
				return true
			}
		}
	}
	return false
}

// rosterSheet reads one sheet's rows as maps of column key to trimmed value.
type rosterSheet struct {
	name    string
	cols    []rosterColumn
	index   map[string]int // column key → 0-based column
	headers []string
}

// cellErr is a coded error naming a cell of the sheet.
func (s *rosterSheet) cellErr(code string, row int, key, value string) *apperr.Error {
	col := s.index[key]
	return apperr.New(code, "sheet", s.name, "row", strconv.Itoa(row), "column", colName(col+1), "header", s.headers[col], "value", value)
}

// rosterRow is one data row: its Excel row number and its values.
type rosterRow struct {
	n    int
	vals map[string]string
}

// readRosterSheet reads a sheet's header and rows, at most MaxRosterRows
// of them, checking required columns and cells and the text of every cell.
func readRosterSheet(f *excelize.File, name string, cols []rosterColumn) (*rosterSheet, []rosterRow, error) {
	rows, err := f.Rows(name)
	if err != nil {
		return nil, nil, apperr.Wrap(err, CodeRosterUnreadable, "sheet", name)
	}
	defer rows.Close()
	s := &rosterSheet{name: name, cols: cols, index: map[string]int{}}
	var out []rosterRow
	n := 0
	for rows.Next() {
		n++
		cells, err := rows.Columns()
		if err != nil {
			return nil, nil, apperr.Wrap(err, CodeRosterUnreadable, "sheet", name)
		}
		if n == 1 {
			s.headers = cells
			for i, h := range cells {
				for _, c := range cols {
					if _, seen := s.index[c.key]; !seen && headerMatches(h, c) {
						s.index[c.key] = i
						break
					}
				}
			}
			for _, c := range cols {
				if _, ok := s.index[c.key]; c.required && !ok {
					return nil, nil, apperr.New(CodeRosterNoColumn, "sheet", name, "column", c.header)
				}
			}
			continue
		}
		if n-1 > MaxRosterRows {
			return nil, nil, apperr.New(CodeRosterTooLarge, "sheet", name, "max", strconv.Itoa(MaxRosterRows))
		}
		vals := map[string]string{}
		blank := true
		for _, c := range cols {
			i, ok := s.index[c.key]
			if !ok || i >= len(cells) {
				continue
			}
			v := strings.TrimSpace(cells[i])
			if v != "" {
				blank = false
			}
			if utf8.RuneCountInString(v) > maxRosterCell || strings.ContainsFunc(v, func(r rune) bool { return r < 0x20 && r != '\n' && r != '\t' && r != '\r' }) {
				return nil, nil, s.cellErr(CodeRosterLongCell, n, c.key, "")
			}
			vals[c.key] = v
		}
		if blank {
			continue
		}
		for _, c := range cols {
			if c.required && vals[c.key] == "" {
				return nil, nil, s.cellErr(CodeRosterEmptyCell, n, c.key, "")
			}
		}
		out = append(out, rosterRow{n: n, vals: vals})
	}
	if err := rows.Error(); err != nil {
		return nil, nil, apperr.Wrap(err, CodeRosterUnreadable, "sheet", name)
	}
	if n == 0 {
		for _, c := range cols {
			if c.required {
				return nil, nil, apperr.New(CodeRosterNoColumn, "sheet", name, "column", c.header)
			}
		}
	}
	return s, out, nil
}

// splitList splits a cell holding several values.
func splitList(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return r == '、' || r == ',' || r == '，' || r == ';' || r == '；' || r == '\n' || r == '\r'
	})
}

// roleID resolves a role cell entry: a template role id (any case), or
// its Chinese or English name.
func roleID(t *template.Template, s string) (*template.Role, bool) {
	s = strings.TrimSpace(s)
	if r, ok := t.Role(s); ok {
		return r, true
	}
	for i := range t.Roles {
		r := &t.Roles[i]
		if strings.EqualFold(r.ID, s) || r.Name.Zh == s || strings.EqualFold(r.Name.En, s) {
			return r, true
		}
	}
	return nil, false
}

// ReadRoster reads a roster workbook (see the layout above) into a draft
// roster for template t: people with their keys and global roles, system
// assignments and unit heads. The draft's PMO lists the people holding
// the template's "pmo" role; its Version and Organisation are left for
// the caller. The file is read through a limit, so a huge one is refused
// without being read whole. Codes: the CodeRoster… codes above, each
// naming the sheet, row and column.
func ReadRoster(r io.Reader, t *template.Template) (roster.Roster, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxRosterBytes+1))
	if err != nil {
		return roster.Roster{}, apperr.Wrap(err, CodeRosterUnreadable)
	}
	if len(b) > MaxRosterBytes {
		return roster.Roster{}, apperr.New(CodeRosterTooLarge, "sheet", "", "max", strconv.Itoa(MaxRosterBytes)+" bytes")
	}
	f, err := excelize.OpenReader(bytes.NewReader(b), excelize.Options{UnzipSizeLimit: 16 * MaxRosterBytes, UnzipXMLSizeLimit: 4 * MaxRosterBytes})
	if err != nil {
		return roster.Roster{}, apperr.Wrap(err, CodeRosterUnreadable)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return roster.Roster{}, apperr.New(CodeRosterUnreadable)
	}
	out := roster.Roster{PMO: []string{}, People: []roster.Person{}}
	people := map[string]bool{}
	if err := readPeople(f, sheets[0], t, &out, people); err != nil {
		return roster.Roster{}, err
	}
	if len(sheets) > 1 {
		if err := readSystems(f, sheets[1], &out, people); err != nil {
			return roster.Roster{}, err
		}
	}
	if len(sheets) > 2 {
		if err := readHeads(f, sheets[2], &out, people); err != nil {
			return roster.Roster{}, err
		}
	}
	return out, nil
}

func readPeople(f *excelize.File, name string, t *template.Template, out *roster.Roster, people map[string]bool) error {
	s, rows, err := readRosterSheet(f, name, peopleColumns)
	if err != nil {
		return err
	}
	keys := map[string]bool{}
	for _, row := range rows {
		v := row.vals
		if people[v["id"]] {
			return s.cellErr(CodeRosterDuplicate, row.n, "id", v["id"])
		}
		people[v["id"]] = true
		p := roster.Person{ID: v["id"], Name: v["name"], Department: v["department"], SubDepartment: v["sub"], Title: v["title"],
			Keys: []roster.Key{}}
		for _, k := range strings.FieldsFunc(v["key"], func(r rune) bool {
			return r == ' ' || r == ',' || r == '，' || r == '、' || r == '\n' || r == '\r' || r == '\t'
		}) {
			k = strings.ToLower(k)
			if !isHex(k, 64) {
				return s.cellErr(CodeRosterBadKey, row.n, "key", k)
			}
			if keys[k] {
				return s.cellErr(CodeRosterDuplicate, row.n, "key", k)
			}
			keys[k] = true
			p.Keys = append(p.Keys, roster.Key{Public: k})
		}
		for _, entry := range splitList(v["roles"]) {
			entry = strings.TrimSpace(entry)
			if entry == "" {
				continue
			}
			role, ok := roleID(t, entry)
			if !ok {
				return s.cellErr(CodeRosterUnknownRole, row.n, "roles", entry)
			}
			if role.Scope != template.ScopeGlobal {
				return s.cellErr(CodeRosterScopedRole, row.n, "roles", entry)
			}
			if !contains(p.Roles, role.ID) {
				p.Roles = append(p.Roles, role.ID)
			}
			if role.ID == "pmo" && !contains(out.PMO, p.ID) {
				out.PMO = append(out.PMO, p.ID)
			}
		}
		out.People = append(out.People, p)
	}
	return nil
}

func readSystems(f *excelize.File, name string, out *roster.Roster, people map[string]bool) error {
	s, rows, err := readRosterSheet(f, name, systemColumns)
	if err != nil {
		return err
	}
	seen := map[string]bool{}
	for _, row := range rows {
		v := row.vals
		if seen[v["system"]] {
			return s.cellErr(CodeRosterDuplicate, row.n, "system", v["system"])
		}
		seen[v["system"]] = true
		for _, k := range []string{"owner", "dev_lead", "supervisor"} {
			if v[k] != "" && !people[v[k]] {
				return s.cellErr(CodeRosterUnknownPerson, row.n, k, v[k])
			}
		}
		out.Systems = append(out.Systems, roster.Assignment{System: v["system"], Department: v["department"], SubDepartment: v["sub"],
			Owner: v["owner"], DevLead: v["dev_lead"], Supervisor: v["supervisor"]})
	}
	return nil
}

func readHeads(f *excelize.File, name string, out *roster.Roster, people map[string]bool) error {
	s, rows, err := readRosterSheet(f, name, headColumns)
	if err != nil {
		return err
	}
	seen := map[[2]string]bool{}
	for _, row := range rows {
		v := row.vals
		u := [2]string{v["department"], v["sub"]}
		if seen[u] {
			return s.cellErr(CodeRosterDuplicate, row.n, "department", v["department"]+" "+v["sub"])
		}
		seen[u] = true
		if !people[v["person"]] {
			return s.cellErr(CodeRosterUnknownPerson, row.n, "person", v["person"])
		}
		out.Heads = append(out.Heads, roster.Head{Department: v["department"], SubDepartment: v["sub"], Person: v["person"]})
	}
	return nil
}

func isHex(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// WriteRoster writes r as a roster workbook ReadRoster reads back: the
// people, systems and heads sheets, roles by their Chinese names in t
// (ids for roles t does not have), keys one per line.
func WriteRoster(w io.Writer, r roster.Roster, t *template.Template) error {
	f := excelize.NewFile()
	defer f.Close()
	props(f, "组织名册 Roster")
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	headers := func(cols []rosterColumn) []any {
		out := make([]any, len(cols))
		for i, c := range cols {
			out[i] = c.header
		}
		return out
	}
	var people, systems, heads [][]any
	for _, p := range r.People {
		var ks, roles []string
		for _, k := range p.Keys {
			ks = append(ks, k.Public)
		}
		for _, id := range p.Roles {
			if role, ok := t.Role(id); ok && role.Name.Zh != "" {
				id = role.Name.Zh
			}
			roles = append(roles, id)
		}
		people = append(people, []any{p.ID, p.Name, p.Department, p.SubDepartment, p.Title, strings.Join(ks, "\n"), strings.Join(roles, "、")})
	}
	for _, a := range r.Systems {
		systems = append(systems, []any{a.System, a.Department, a.SubDepartment, a.Owner, a.DevLead, a.Supervisor})
	}
	for _, h := range r.Heads {
		heads = append(heads, []any{h.Department, h.SubDepartment, h.Person})
	}
	sheets := []struct {
		name string
		cols []rosterColumn
		rows [][]any
	}{{RosterPeopleSheet, peopleColumns, people}, {RosterSystemsSheet, systemColumns, systems}, {RosterHeadsSheet, headColumns, heads}}
	for i, sh := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", sh.name); err != nil {
				return apperr.Wrap(err, "xlsx.write_failed")
			}
		} else if _, err := f.NewSheet(sh.name); err != nil {
			return apperr.Wrap(err, "xlsx.write_failed")
		}
		hs := headers(sh.cols)
		if err := f.SetSheetRow(sh.name, "A1", &hs); err != nil {
			return apperr.Wrap(err, "xlsx.write_failed")
		}
		_ = f.SetCellStyle(sh.name, "A1", cellName(len(sh.cols), 1), st.head)
		for j, c := range sh.cols {
			_ = f.SetColWidth(sh.name, colName(j+1), colName(j+1), max(12, displayWidth(c.header)+2))
		}
		if sh.name == RosterPeopleSheet {
			_ = f.SetColWidth(sh.name, "F", "F", 66)
		}
		for j, row := range sh.rows {
			if err := f.SetSheetRow(sh.name, cellName(1, j+2), &row); err != nil {
				return apperr.Wrap(err, "xlsx.write_failed")
			}
		}
	}
	return write(f, w)
}
