package app

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"golive/backend/core"
	"golive/backend/profile"
	"golive/backend/roster"
	"golive/backend/template"
)

// rosterCode returns the code and parameters of an error the bound API
// returned (coded, errlog_test.go).
func rosterCode(t *testing.T, err error) (string, map[string]string) {
	t.Helper()
	code, params, _ := coded(t, err)
	return code, params
}

// sampleRosterBook writes a roster workbook naming every sample profile
// with its key and global roles (the pmo by id, others by Chinese name);
// edit may change the people sheet's rows first.
func sampleRosterBook(t *testing.T, path string, list []profile.Summary, tpl *template.Template, edit func(rows [][]string)) {
	t.Helper()
	rows := [][]string{{"编号/ID", "姓名/Name", "部门/Department", "子部门/Sub-department", "职务/Title", "公钥/Public key", "角色/Roles"}}
	for i, p := range list {
		var roles []string
		for _, id := range p.Roles {
			if r, ok := tpl.Role(id); ok && r.Scope == template.ScopeGlobal {
				roles = append(roles, r.Name.Zh)
			}
		}
		dept := p.Department
		if dept == "" {
			dept = "信息科技部"
		}
		rows = append(rows, []string{fmt.Sprintf("E%02d", i+1), p.Name, dept, "", "", p.PublicKey, strings.Join(roles, "、")})
	}
	if edit != nil {
		edit(rows)
	}
	f := excelize.NewFile()
	defer f.Close()
	for r, row := range rows {
		cells := make([]any, len(row))
		for j, c := range row {
			cells[j] = c
		}
		cell, _ := excelize.CoordinatesToCellName(1, r+1)
		if err := f.SetSheetRow("Sheet1", cell, &cells); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// TestRosterPageFromWorkbookToAnotherFolder: the PMO imports a workbook
// (a folder of three profiles: PMO, CIO, project manager) into the draft,
// adds a delegation, publishes and exports the roster
// file; another folder previews it (the PMO's fingerprint), refuses it
// until the fingerprint is confirmed, then shows the same roster.
func TestRosterPageFromWorkbookToAnotherFolder(t *testing.T) {
	c, err := core.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	api := New(c, nil)
	const pass = "correct horse battery"
	pmo, err := api.Profiles.Create(profile.CreateRequest{Name: "庞敏", Department: "信息管理部", Roles: []string{"pmo"}, Passphrase: pass})
	if err != nil {
		t.Fatal(err)
	}
	cio, err := api.Profiles.Create(profile.CreateRequest{Name: "陈一鸥", Department: "公司领导", Roles: []string{"cio"}, Passphrase: pass})
	if err != nil {
		t.Fatal(err)
	}
	pm, err := api.Profiles.Create(profile.CreateRequest{Name: "潘明", Department: "业务运营部", Roles: []string{"project_manager"}, Passphrase: pass})
	if err != nil {
		t.Fatal(err)
	}
	list := []profile.Summary{pmo, cio, pm}
	files := t.TempDir()
	book := filepath.Join(files, "名册.xlsx")
	sampleRosterBook(t, book, list, c.Template(), nil)

	t.Run("ANonPMOMayNotImport", func(t *testing.T) {
		if _, err := api.Profiles.Unlock(pm.ID, pass); err != nil {
			t.Fatal(err)
		}
		o, err := api.Roster.Overview()
		if err != nil || o.MayEdit || o.Draft != nil || o.InForce != nil || o.Pinned {
			t.Fatalf("overview %+v %v", o, err)
		}
		_, err = api.Roster.importSheet(book)
		if code, _ := rosterCode(t, err); code != "roster.not_pmo" {
			t.Fatalf("code %s", code)
		}
	})
	if _, err := api.Profiles.Unlock(pmo.ID, pass); err != nil {
		t.Fatal(err)
	}
	t.Run("ABadSheetNamesTheCellAndChangesNothing", func(t *testing.T) {
		bad := filepath.Join(files, "bad.xlsx")
		sampleRosterBook(t, bad, list, c.Template(), func(rows [][]string) { rows[2][5] = "not-a-key" })
		_, err := api.Roster.importSheet(bad)
		code, params := rosterCode(t, err)
		if code != "roster.sheet_bad_key" || params["sheet"] != "Sheet1" || params["row"] != "3" || params["column"] != "F" {
			t.Fatalf("%s %v", code, params)
		}
		if o, _ := api.Roster.Overview(); o.Draft != nil {
			t.Fatal("a refused workbook saved a draft")
		}
	})
	var draftPeople int
	t.Run("ImportFillsTheDraft", func(t *testing.T) {
		got, err := api.Roster.importSheet(book)
		if err != nil {
			t.Fatal(err)
		}
		d := got.Overview.Draft
		if got.Path != book || d == nil || d.Source != "名册.xlsx" || len(d.Roster.People) != len(list) || d.Problem != nil || !got.Overview.MayEdit {
			t.Fatalf("import %+v", got)
		}
		if k := got.Overview.Keys[pmo.PublicKey]; k.Fingerprint != pmo.Fingerprint {
			t.Fatalf("key info %+v", k)
		}
		draftPeople = len(d.Roster.People)
	})
	t.Run("AnInvalidEditIsRefused", func(t *testing.T) {
		o, _ := api.Roster.Overview()
		r := o.Draft.Roster
		r.Delegations = append(r.Delegations, rosterDelegation("d1", r.People[0].ID, r.People[0].ID))
		_, err := api.Roster.SaveDraft(r)
		if code, _ := rosterCode(t, err); code != "roster.bad_delegation" {
			t.Fatalf("code %s", code)
		}
		if o2, _ := api.Roster.Overview(); len(o2.Draft.Roster.Delegations) != 0 {
			t.Fatal("a refused edit was saved")
		}
	})
	t.Run("AnEditIsSaved", func(t *testing.T) {
		o, _ := api.Roster.Overview()
		r := o.Draft.Roster
		r.Delegations = append(r.Delegations, rosterDelegation("d1", r.People[0].ID, r.People[1].ID))
		o, err := api.Roster.SaveDraft(r)
		if err != nil || len(o.Draft.Roster.Delegations) != 1 || o.Draft.Source != "名册.xlsx" {
			t.Fatalf("save %+v %v", o.Draft, err)
		}
	})
	t.Run("PublishSignsVersion1AndDropsTheDraft", func(t *testing.T) {
		o, err := api.Roster.Publish("首版")
		if err != nil {
			t.Fatal(err)
		}
		if o.InForce == nil || o.InForce.Roster.Version != 1 || o.InForce.Roster.Note != "首版" || o.Draft != nil ||
			!o.Pinned || o.PinnedFingerprint != pmo.Fingerprint || len(o.Versions) != 1 || o.Versions[0].Publisher != pmo.Name {
			t.Fatalf("after publish %+v", o)
		}
		_, err = api.Roster.Publish("again")
		if code, _ := rosterCode(t, err); code != "roster.no_draft" {
			t.Fatalf("code %s", code)
		}
	})
	file := filepath.Join(files, "roster.golive-roster")
	if err := api.Roster.exportTo(file); err != nil {
		t.Fatal(err)
	}
	t.Run("AnotherFolderConfirmsTheFingerprintBeforeAccepting", func(t *testing.T) {
		c2, err := core.Open(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		defer c2.Close()
		other := New(c2, nil)
		p, err := other.Roster.preview(file)
		if err != nil {
			t.Fatal(err)
		}
		if p.Path != file || p.Preview.Fingerprint != pmo.Fingerprint || p.Preview.RootName != pmo.Name || p.Preview.Versions != 1 || p.Preview.Pin != "none" {
			t.Fatalf("preview %+v", p)
		}
		_, err = other.Roster.Accept(file, "")
		if code, params := rosterCode(t, err); code != "roster.not_pinned" || params["fingerprint"] != pmo.Fingerprint {
			t.Fatalf("%s %v", code, params)
		}
		_, err = other.Roster.Accept(file, pm.Fingerprint)
		if code, _ := rosterCode(t, err); code != "roster.fingerprint_mismatch" {
			t.Fatalf("code %s", code)
		}
		if o, _ := other.Roster.Overview(); o.Pinned || o.InForce != nil {
			t.Fatal("a refused accept changed the folder")
		}
		o, err := other.Roster.Accept(file, pmo.Fingerprint)
		if err != nil || o.InForce == nil || len(o.InForce.Roster.People) != draftPeople || o.PinnedFingerprint != pmo.Fingerprint || o.MayEdit {
			t.Fatalf("accepted %+v %v", o, err)
		}
	})
	t.Run("ANonRosterFileIsRefused", func(t *testing.T) {
		_, err := api.Roster.preview(book)
		if code, _ := rosterCode(t, err); code != "roster.file_malformed" {
			t.Fatalf("code %s", code)
		}
	})
}

// rosterDelegation is a delegation of the cio role from one person to
// another in February 2027.
func rosterDelegation(id, from, to string) roster.Delegation {
	return roster.Delegation{ID: id, For: from, To: to, Roles: []string{"cio"}, Start: "2027-02-01", End: "2027-02-10"}
}
