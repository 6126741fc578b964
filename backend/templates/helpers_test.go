package templates_test

import (
	"encoding/json"
	"testing"

	"golive/backend/dossier"
)

func fields() dossier.Fields {
	s := func(v string) *string { return &v }
	return dossier.Fields{Title: s("发布"), Type: s("upgrade"), Subtype: s("cr"), Mode: s("planned"), Version: s("1.0"),
		PlannedAt: s("2026-12-10T19:00"), Window: s("2026-12-10-java"), ProjectManager: s("张伟"), SystemOwner: s("李娜")}
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
