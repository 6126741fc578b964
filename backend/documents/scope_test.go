package documents_test

import (
	"bytes"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"

	"golive/backend/documents"
	"golive/backend/dossier"
	"golive/backend/printable"
)

// TestRegisterListsEntityAndSkipsOutOfScope: the approval register has a
// 法人主体 column filled from each dossier, and a change put on record as
// out of scope, which had no approvals, is not one of its rows.
func TestRegisterListsEntityAndSkipsOutOfScope(t *testing.T) {
	c := openSample(t)
	oos, err := c.Dossiers.RecordOutOfScope(dossier.OutOfScopeRequest{SystemCode: "CRM", Title: "参数表刷新", Entity: "远东宏信有限公司",
		Kind: "configuration", Reason: "仅修改配置参数，不涉及程序代码"})
	if err != nil {
		t.Fatal(err)
	}
	svc := c.Documents()
	reg, err := svc.RegisterContent(documents.RegisterFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if slices.ContainsFunc(reg.Rows, func(r printable.RegisterRow) bool { return r.ID == oos.State.ID }) {
		t.Fatal("the register lists a change out of scope")
	}
	var buf bytes.Buffer
	if _, err := svc.Register(documents.RegisterFilter{}, &buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("审批登记簿")
	if err != nil {
		t.Fatal(err)
	}
	col := slices.Index(rows[0], "法人主体")
	if col < 0 {
		t.Fatalf("no 法人主体 column in %q", rows[0])
	}
	filled := 0
	for i, r := range reg.Rows {
		if r.Entity != "" && col < len(rows[i+1]) && rows[i+1][col] == r.Entity {
			filled++
		}
	}
	if filled != len(reg.Rows) {
		t.Fatalf("%d of %d rows carry their dossier's legal entity", filled, len(reg.Rows))
	}
}
