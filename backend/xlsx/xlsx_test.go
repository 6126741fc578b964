package xlsx_test

import (
	"bytes"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"golive/backend/printable"
	"golive/backend/xlsx"
)

func TestRegisterCells(t *testing.T) {
	reg := synthetic(3)
	reg.Rows[1].Emergency, reg.Rows[1].Mode = true, "紧急发布"
	reg.Rows[2].ArchivedAt = time.Time{}
	var buf bytes.Buffer
	if err := xlsx.WriteRegister(&buf, reg); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	const sheet = "审批登记簿"
	t.Run("WallClockOfTheDossierZone", func(t *testing.T) {
		// 2026-02-01 09:00 +08:00 must read 09:00, not 01:00 UTC.
		if v, _ := f.GetCellValue(sheet, "I2"); v != "2026-02-01 09:00" {
			t.Fatalf("I2 = %q", v)
		}
	})
	t.Run("EmptyDatesStayEmpty", func(t *testing.T) {
		if v, _ := f.GetCellValue(sheet, "S4"); v != "" {
			t.Fatalf("S4 = %q", v)
		}
	})
	t.Run("EmergencyInRed", func(t *testing.T) {
		id, _ := f.GetCellStyle(sheet, "F3")
		st, _ := f.GetStyle(id)
		if st.Font == nil || !st.Font.Bold || st.Font.Color != "AA231E" {
			t.Fatalf("F3 style %+v", st.Font)
		}
	})
	t.Run("Numbers", func(t *testing.T) {
		if typ, _ := f.GetCellType(sheet, "R2"); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
			t.Fatalf("postponements cell type %v", typ)
		}
	})
	t.Run("EmptyRegister", func(t *testing.T) {
		var b bytes.Buffer
		if err := xlsx.WriteRegister(&b, printable.Register{Groups: reg.Groups}); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("English", func(t *testing.T) {
		reg := synthetic(1)
		reg.Lang = printable.En
		if h := xlsx.RegisterHeaders(reg); h[0] != "No." || h[8] != "Planned" {
			t.Fatalf("headers %q", h[:9])
		}
	})
}
