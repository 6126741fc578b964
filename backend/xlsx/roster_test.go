package xlsx_test

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"golive/backend/apperr"
	"golive/backend/roster"
	"golive/backend/template"
	"golive/backend/xlsx"
)

func sampleRoster() roster.Roster {
	k := func(c string) roster.Key { return roster.Key{Public: strings.Repeat(c, 64)} }
	return roster.Roster{
		PMO: []string{"P1"},
		People: []roster.Person{
			{ID: "P1", Name: "王芳", Department: "项目管理部", Title: "PMO", Keys: []roster.Key{k("a")}, Roles: []string{"pmo"}},
			{ID: "P2", Name: "李雷", Department: "信息科技部", SubDepartment: "开发一组", Keys: []roster.Key{k("b"), k("c")}, Roles: []string{"cio", "cs_director"}},
			{ID: "P3", Name: "韩梅梅", Department: "业务应用部", Keys: []roster.Key{}},
		},
		Systems: []roster.Assignment{{System: "CRM", Department: "业务应用部", SubDepartment: "开发一组", Owner: "P3", DevLead: "P2"}},
		Heads:   []roster.Head{{Department: "业务应用部", Person: "P3"}, {Department: "信息科技部", SubDepartment: "开发一组", Person: "P2"}},
	}
}

func TestRosterWorkbookRoundTrip(t *testing.T) {
	tpl := template.MustDefault()
	want := sampleRoster()
	var buf bytes.Buffer
	if err := xlsx.WriteRoster(&buf, want, tpl); err != nil {
		t.Fatal(err)
	}
	got, err := xlsx.ReadRoster(bytes.NewReader(buf.Bytes()), tpl)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("read back\n%+v\nwant\n%+v", got, want)
	}
	t.Run("RolesByChineseName", func(t *testing.T) {
		f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		r, _ := tpl.Role("pmo")
		if v, _ := f.GetCellValue(xlsx.RosterPeopleSheet, "G2"); v != r.Name.Zh {
			t.Fatalf("G2 = %q, want %q", v, r.Name.Zh)
		}
	})
}

// book writes one people sheet with the given rows after a header.
func book(t *testing.T, header []any, rows ...[]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	if err := sw.SetRow("A1", header); err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, r); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestReadRosterHeadersAndLimits(t *testing.T) {
	tpl := template.MustDefault()
	t.Run("EnglishHeadersAnyOrderBlankRowsSkipped", func(t *testing.T) {
		cio, _ := tpl.Role("cio")
		b := book(t, []any{"Roles", "Name", "ID", "Department", "Public key"},
			[]any{"PMO, " + cio.Name.En, "Ann", "A1", "IT", strings.Repeat("AB", 32)},
			[]any{},
			[]any{"", "Bob", "B2", "IT", ""})
		r, err := xlsx.ReadRoster(bytes.NewReader(b), tpl)
		if err != nil {
			t.Fatal(err)
		}
		if len(r.People) != 2 || !reflect.DeepEqual(r.People[0].Roles, []string{"pmo", "cio"}) || !reflect.DeepEqual(r.PMO, []string{"A1"}) ||
			r.People[0].Keys[0].Public != strings.Repeat("ab", 32) {
			t.Fatalf("%+v", r)
		}
	})
	t.Run("TooManyRows", func(t *testing.T) {
		rows := make([][]any, xlsx.MaxRosterRows+1)
		for i := range rows {
			rows[i] = []any{"P", "x", "IT"}
		}
		b := book(t, []any{"编号", "姓名", "部门"}, rows...)
		_, err := xlsx.ReadRoster(bytes.NewReader(b), tpl)
		if apperr.Code(err) != xlsx.CodeRosterTooLarge {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("HugeFileRefusedUnread", func(t *testing.T) {
		r := &countingReader{}
		_, err := xlsx.ReadRoster(r, tpl)
		if apperr.Code(err) != xlsx.CodeRosterTooLarge || r.n > xlsx.MaxRosterBytes+1 {
			t.Fatalf("err = %v after %d bytes", err, r.n)
		}
	})
	t.Run("CellCodesNameSheetRowColumn", func(t *testing.T) {
		b := book(t, []any{"编号/ID", "姓名/Name", "部门/Department"}, []any{"P1", "甲", "IT"}, []any{"P2", "乙", ""})
		_, err := xlsx.ReadRoster(bytes.NewReader(b), tpl)
		var e *apperr.Error
		if !apperrAs(err, &e) || e.Code != xlsx.CodeRosterEmptyCell || e.Params["sheet"] != "Sheet1" || e.Params["row"] != "3" ||
			e.Params["column"] != "C" || e.Params["header"] != "部门/Department" {
			t.Fatalf("err = %v", err)
		}
	})
}

// countingReader is an endless stream of zeros that counts what was read.
type countingReader struct{ n int }

func (r *countingReader) Read(p []byte) (int, error) {
	clear(p)
	r.n += len(p)
	return len(p), nil
}

func apperrAs(err error, e **apperr.Error) bool {
	x, ok := err.(*apperr.Error)
	if ok {
		*e = x
	}
	return ok
}
