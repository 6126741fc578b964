package verify

import (
	"encoding/json"
	"testing"
)

func TestDiffNamesFields(t *testing.T) {
	var a, b any
	_ = json.Unmarshal([]byte(`{"dossier":{"system":"CRM 客户关系管理系统","id":"R1"},"approvals":[{"rows":[{"remark":"同意"}]}],"extra":"x"}`), &a)
	_ = json.Unmarshal([]byte(`{"dossier":{"system":"CRM 新名称","id":"R1"},"approvals":[{"rows":[{"remark":"同意"},{"remark":"补充"}]}]}`), &b)
	var out []Difference
	diff("", a, b, &out)
	want := []Difference{
		{Field: "approvals[0].rows[1]", Document: "", Store: `{"remark":"补充"}`},
		{Field: "dossier.system", Document: "CRM 客户关系管理系统", Store: "CRM 新名称"},
		{Field: "extra", Document: "x", Store: ""},
	}
	if len(out) != len(want) {
		t.Fatalf("diff = %+v", out)
	}
	for i := range want {
		if out[i] != want[i] {
			t.Errorf("diff[%d] = %+v, want %+v", i, out[i], want[i])
		}
	}
}

func TestNotAPDF(t *testing.T) {
	rep := Check([]byte("not a pdf"), nil)
	if rep.Status != Invalid || len(rep.Problems) != 2 || rep.Problems[0].Code != "pdfsig.unreadable" || rep.Problems[1].Code != "verify.no_payload" {
		t.Fatalf("garbage: %+v", rep)
	}
}
