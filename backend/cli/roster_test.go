package cli_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"golive/backend/apperr"
	"golive/backend/cli"
	"golive/backend/core"
	"golive/backend/profile"
	"golive/backend/roster"
	"golive/backend/template"
	"golive/backend/xlsx"
)

// writeWorkbook writes sheets (rows of cells, header first) as an .xlsx
// file at path.
func writeWorkbook(t *testing.T, path string, sheets ...[][]string) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, rows := range sheets {
		name := fmt.Sprintf("Sheet%d", i+1)
		if i > 0 {
			if _, err := f.NewSheet(name); err != nil {
				t.Fatal(err)
			}
		}
		for r, row := range rows {
			cells := make([]any, len(row))
			for j, c := range row {
				cells[j] = c
			}
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(name, cell, &cells); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// rosterSheets builds the three sheets of a roster workbook for the
// sample profiles of a demo folder: one person per profile (E01, E02, …)
// with its key and, for a global role, the role (the pmo by id, others by
// their Chinese name); CRM's system owner, release operator and supervisor
// on the systems sheet; the owning sub-department director as head of
// 业务应用部. It returns the sheets and the people's ids by role.
func rosterSheets(t *testing.T, list []profile.Summary, tpl *template.Template) ([][][]string, map[string]string) {
	t.Helper()
	people := [][]string{{"编号/ID", "姓名/Name", "部门/Department", "子部门/Sub-department", "职务/Title", "公钥/Public key", "角色/Roles"}}
	ids := map[string]string{}
	for i, p := range list {
		id := fmt.Sprintf("E%02d", i+1)
		role := p.Roles[0]
		ids[role] = id
		cell := ""
		if r, ok := tpl.Role(role); ok && r.Scope == template.ScopeGlobal {
			cell = r.Name.Zh
			if role == "pmo" {
				cell = "pmo"
			}
		}
		dept := p.Department
		if dept == "" {
			dept = "信息科技部"
		}
		people = append(people, []string{id, p.Name, dept, "", "", p.PublicKey, cell})
	}
	systems := [][]string{{"系统/System", "所属部门/Department", "系统所有人/Owner id", "系统发布岗/Dev lead id", "监督人/Supervisor id"},
		{"CRM", "业务应用部", ids["system_owner"], ids["release_operator"], ids["release_supervisor"]}}
	heads := [][]string{{"部门", "子部门", "负责人编号"}, {"业务应用部", "", ids["owning_subdept_director"]}}
	return [][][]string{people, systems, heads}, ids
}

func TestRosterCommands(t *testing.T) {
	// The sample portfolio without its roster: the commands below build
	// one from a workbook (TestDemoHasARoster covers the sample's own).
	dir := filepath.Join(t.TempDir(), "sample")
	c, err := core.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.LoadSampleWithoutRoster(); err != nil {
		t.Fatal(err)
	}
	list, err := c.Profiles.List()
	if err != nil {
		t.Fatal(err)
	}
	tpl := c.Template()
	sheets, ids := rosterSheets(t, list, tpl)
	c.Close()
	var pmo, cio profile.Summary
	for _, p := range list {
		switch p.Roles[0] {
		case "pmo":
			pmo = p
		case "cio":
			cio = p
		}
	}
	if pmo.ID == "" || cio.ID == "" {
		t.Fatalf("the sample has no pmo or cio profile: %+v", list)
	}
	files := t.TempDir()
	book := filepath.Join(files, "roster.xlsx")
	writeWorkbook(t, book, sheets...)

	t.Run("HelpDocumentsTheLayout", func(t *testing.T) {
		msg, _ := run("help")
		for _, w := range []string{"golive roster show", "golive roster import F.xlsx", "golive roster publish", "负责人编号/Head id", "系统发布岗/Dev lead id"} {
			if !strings.Contains(msg, w) {
				t.Fatalf("help lacks %q:\n%s", w, msg)
			}
		}
	})
	t.Run("ShowWithoutRosterFails", func(t *testing.T) {
		_, err := run("roster", "show", "--data", dir)
		wantFailure(t, err, cli.CodeNoRoster, "no roster has been published")
	})
	t.Run("ExportWithoutRosterFails", func(t *testing.T) {
		_, err := run("roster", "export", "--out", filepath.Join(t.TempDir(), "r.golive-roster"), "--data", dir)
		wantFailure(t, err, roster.CodeNone, "nothing to export")
	})
	t.Run("PublishWithoutDraftFails", func(t *testing.T) {
		_, err := run("roster", "publish", "--profile", pmo.ID, "--data", dir)
		wantFailure(t, err, roster.CodeNoDraft, "no roster draft")
	})
	t.Run("ImportSavesADraft", func(t *testing.T) {
		msg, err := run("roster", "import", book, "--data", dir)
		if err != nil {
			t.Fatal(err)
		}
		want := fmt.Sprintf("%d people, %d keys, 1 systems, 1 heads, PMO: %s", len(list), len(list), ids["pmo"])
		if !strings.Contains(msg, want) || !strings.Contains(msg, "not published") {
			t.Fatalf("printed %q, want %q", msg, want)
		}
		_, err = run("roster", "show", "--data", dir)
		wantFailure(t, err, cli.CodeNoRoster, "a draft is waiting")
	})
	t.Run("BadSheetsChangeNothing", func(t *testing.T) {
		before := storeRecords(t, dir)
		cases := []struct {
			name, code, words string
			edit              func(s [][][]string)
		}{
			{"UnknownRole", xlsx.CodeRosterUnknownRole, `row 3, column G (角色/Roles) names the role "火星人"`,
				func(s [][][]string) { s[0][2][6] = "pmo、火星人" }},
			{"ScopedRole", xlsx.CodeRosterScopedRole, "row 2, column G", func(s [][][]string) { s[0][1][6] = "system_owner" }},
			{"BadKey", xlsx.CodeRosterBadKey, `row 4, column F (公钥/Public key) holds "xyz"`, func(s [][][]string) { s[0][3][5] = "xyz" }},
			{"MissingName", xlsx.CodeRosterEmptyCell, "row 5, column B (姓名/Name) is empty", func(s [][][]string) { s[0][4][1] = "" }},
			{"DuplicateID", xlsx.CodeRosterDuplicate, `row 3, column A (编号/ID) repeats "E01"`, func(s [][][]string) { s[0][2][0] = "E01" }},
			{"UnknownOwner", xlsx.CodeRosterUnknownPerson, `sheet "Sheet2", row 2, column C`, func(s [][][]string) { s[1][1][2] = "E99" }},
			{"UnknownHead", xlsx.CodeRosterUnknownPerson, `sheet "Sheet3", row 2, column C`, func(s [][][]string) { s[2][1][2] = "nobody" }},
			{"NoNameColumn", xlsx.CodeRosterNoColumn, "has no column 姓名/Name", func(s [][][]string) { s[0][0][1] = "Nickname" }},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				s, _ := rosterSheets(t, list, tpl)
				tc.edit(s)
				bad := filepath.Join(files, tc.name+".xlsx")
				writeWorkbook(t, bad, s...)
				_, err := run("roster", "import", bad, "--data", dir)
				wantFailure(t, err, tc.code, tc.words)
			})
		}
		t.Run("NotAWorkbook", func(t *testing.T) {
			bad := filepath.Join(files, "notes.xlsx")
			if err := os.WriteFile(bad, []byte("just text"), 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := run("roster", "import", bad, "--data", dir)
			wantFailure(t, err, xlsx.CodeRosterUnreadable, "not an Excel workbook")
		})
		sameRecords(t, before, storeRecords(t, dir))
	})
	t.Run("PublishByNonPMOIsRefused", func(t *testing.T) {
		before := storeRecords(t, dir)
		_, err := run("roster", "publish", "--profile", cio.ID, "--data", dir)
		wantFailure(t, err, roster.CodeNotPMO, "may not publish roster version 1")
		sameRecords(t, before, storeRecords(t, dir))
	})
	t.Run("PublishAsPMO", func(t *testing.T) {
		t.Setenv("GOLIVE_PASSPHRASE", "")
		msg, err := run("roster", "publish", "--profile", pmo.Name, "--note", "首版名册", "--data", dir)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(msg, "published roster version 1") || !strings.Contains(msg, pmo.Fingerprint) {
			t.Fatalf("printed %q", msg)
		}
	})
	t.Run("ShowPrintsVersion1", func(t *testing.T) {
		msg, err := run("roster", "show", "--data", dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range []string{"roster version 1 of ", "pinned PMO key: " + pmo.Fingerprint, "PMO:            " + pmo.Name + " (" + ids["pmo"] + ")",
			"note:           首版名册", "roles: pmo", "key:   " + cio.Fingerprint, "CRM  业务应用部", "业务应用部: "} {
			if !strings.Contains(msg, w) {
				t.Fatalf("show lacks %q:\n%s", w, msg)
			}
		}
		for _, p := range list {
			if !strings.Contains(msg, p.Name) {
				t.Fatalf("show lacks %s:\n%s", p.Name, msg)
			}
		}
	})
	t.Run("ShowJSONParses", func(t *testing.T) {
		msg, err := run("roster", "show", "--json", "--data", dir)
		if err != nil {
			t.Fatal(err)
		}
		var got struct {
			Version           int    `json:"version"`
			Organisation      string `json:"organisation"`
			PinnedFingerprint string `json:"pinned_fingerprint"`
			PMO               []string
			People            []struct {
				ID    string   `json:"id"`
				Name  string   `json:"name"`
				Roles []string `json:"roles"`
				Keys  []struct {
					Public string `json:"public"`
				} `json:"keys"`
			} `json:"people"`
			Systems []roster.Assignment `json:"systems"`
			Event   string              `json:"event"`
		}
		if err := json.Unmarshal([]byte(msg), &got); err != nil {
			t.Fatalf("%v\n%s", err, msg)
		}
		if got.Version != 1 || got.PinnedFingerprint != pmo.Fingerprint || len(got.People) != len(list) || got.Event == "" ||
			len(got.PMO) != 1 || got.PMO[0] != ids["pmo"] || got.Organisation == "" || len(got.Systems) != 1 {
			t.Fatalf("json %+v", got)
		}
	})
	t.Run("PublishAgainByNonPMOIsRefused", func(t *testing.T) {
		_, err := run("roster", "publish", "--profile", cio.ID, "--data", dir)
		wantFailure(t, err, roster.CodeNotPMO, "may not publish roster version 2")
		if code := apperr.Code(err); code != roster.CodeNotPMO {
			t.Fatal(code)
		}
	})
	file := filepath.Join(files, "org.golive-roster")
	t.Run("ExportWritesTheRosterFile", func(t *testing.T) {
		msg, err := run("roster", "export", "--out", file, "--data", dir)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(msg, "roster versions, rooted in the PMO key "+pmo.Fingerprint) {
			t.Fatalf("printed %q", msg)
		}
	})
	t.Run("AcceptInAnotherFolderAfterConfirmingTheFingerprint", func(t *testing.T) {
		other := filepath.Join(t.TempDir(), "other")
		msg, err := run("roster", "accept", file, "--data", other)
		wantFailure(t, err, roster.CodeNotPinned, `repeat with --fingerprint "`+pmo.Fingerprint+`"`)
		if !strings.Contains(msg, "PMO key fingerprint:     "+pmo.Fingerprint) || !strings.Contains(msg, pmo.Name) {
			t.Fatalf("printed %q", msg)
		}
		_, err = run("roster", "show", "--data", other)
		wantFailure(t, err, cli.CodeNoRoster, "no roster has been published")
		before := storeRecords(t, other)
		_, err = run("roster", "accept", file, "--fingerprint", cio.Fingerprint, "--data", other)
		wantFailure(t, err, roster.CodeFingerprintMismatch, "is not that of the file's PMO key")
		sameRecords(t, before, storeRecords(t, other))
		msg, err = run("roster", "accept", file, "--fingerprint", strings.ToLower(pmo.Fingerprint), "--data", other)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(msg, "accepted: ") || !strings.Contains(msg, "versions added") {
			t.Fatalf("printed %q", msg)
		}
		msg, err = run("roster", "show", "--data", other)
		if err != nil || !strings.Contains(msg, "pinned PMO key: "+pmo.Fingerprint) {
			t.Fatalf("show: %v\n%s", err, msg)
		}
	})
	t.Run("AFolderPinnedToAnotherKeyRefuses", func(t *testing.T) {
		other := filepath.Join(t.TempDir(), "pinned")
		oc, err := core.Open(other)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := oc.Roster.Pin(cio.PublicKey, cio.Fingerprint); err != nil {
			t.Fatal(err)
		}
		oc.Close()
		before := storeRecords(t, other)
		_, err = run("roster", "accept", file, "--fingerprint", pmo.Fingerprint, "--data", other)
		wantFailure(t, err, roster.CodeForeignRoot, "this folder trusts the PMO key "+cio.Fingerprint)
		sameRecords(t, before, storeRecords(t, other))
	})
	t.Run("AcceptRefusesWhatIsNotARosterFile", func(t *testing.T) {
		_, err := run("roster", "accept", book, "--data", t.TempDir())
		wantFailure(t, err, roster.CodeFileMalformed, "is not a readable roster file")
	})
}

// TestDemoHasARoster: `golive demo` writes the sample's organisation
// roster, two versions by the sample PMO, the second revoking a key, which
// `golive roster show` prints.
func TestDemoHasARoster(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "sample")
	if _, err := run("demo", "--data", dir); err != nil {
		t.Fatal(err)
	}
	msg, err := run("roster", "show", "--data", dir)
	if err != nil {
		t.Fatal(err)
	}
	// CRM's line names the unit the sample roster gives it.
	c, err := core.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	chain, err := c.Roster.Chain()
	c.Close()
	if err != nil {
		t.Fatal(err)
	}
	tip, _ := chain.Tip()
	crm := ""
	for _, a := range tip.Systems {
		if a.System == "CRM" {
			crm = "CRM  " + a.Department + " / " + a.SubDepartment
		}
	}
	if crm == "" {
		t.Fatal("the sample roster assigns CRM to no unit")
	}
	for _, w := range []string{"roster version 2 of ", "郭鹏", crm} {
		if !strings.Contains(msg, w) {
			t.Fatalf("show lacks %q:\n%s", w, msg)
		}
	}
}
