package templates_test

import (
	"os"
	"path/filepath"
	"testing"

	"golive/backend/apperr"
	"golive/backend/dossier"
	"golive/backend/internal/testenv"
	"golive/backend/template"
)

func TestRegistry(t *testing.T) {
	env := testenv.Open(t, "", "PMO 王", "pmo")
	reg := env.Templates
	pmo := []string{"pmo"}
	list, err := reg.List()
	if err != nil || len(list) != 4 || !list[0].Builtin || !list[0].Current || list[0].Key != "golive.release@2.4.3" {
		t.Fatalf("list = %+v, %v", list, err)
	}
	// The built-in versions of earlier builds stay, for the dossiers that
	// pinned them; they are not current.
	for i, key := range []string{"golive.release@2.4", "golive.release@2.4.1"} {
		if e := list[i+1]; !e.Builtin || e.Current || e.Key != key {
			t.Fatalf("earlier built-in %d = %+v, want %s", i, e, key)
		}
	}
	clone := template.MustDefault()
	clone.Version = "2.5"
	clone.Flows[1].Steps[3].Items = clone.Flows[1].Steps[3].Items[:2]
	clone.Revisions = append(clone.Revisions, template.Revision{Version: "2.5", Date: "2026-11-26", Author: "PMO 王", Note: template.Text{Zh: "精简PMO审批事项", En: "Fewer PMO items"}})

	t.Run("OnlyTheEditorRoleSaves", func(t *testing.T) {
		_, err := reg.Save(clone, "x", []string{"cio"}, true)
		if apperr.Code(err) != "template.not_permitted" {
			t.Fatalf("code = %q", apperr.Code(err))
		}
	})
	t.Run("InvalidIsRefused", func(t *testing.T) {
		bad := template.MustDefault()
		bad.Version = "9"
		bad.Flows[0].Steps[2].Role = "nobody"
		if _, err := reg.Save(bad, "x", pmo, false); apperr.Code(err) != "template.invalid" {
			t.Fatalf("code = %q", apperr.Code(err))
		}
	})
	env.AddSystem(t, "CRM")
	old, err := env.Dossiers.Create(dossier.CreateRequest{SystemCode: "CRM", Fields: fields()})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := reg.Save(clone, "PMO 王", pmo, true); err != nil {
		t.Fatal(err)
	}
	if _, err := reg.Save(clone, "PMO 王", pmo, false); apperr.Code(err) != "template.version_exists" {
		t.Fatalf("saving a version twice: %v", err)
	}
	t.Run("DossiersKeepTheirPinnedVersion", func(t *testing.T) {
		fresh, err := env.Dossiers.Create(dossier.CreateRequest{SystemCode: "CRM", Fields: fields()})
		if err != nil {
			t.Fatal(err)
		}
		if fresh.State.Template != "golive.release@2.5" || len(fresh.State.Plan.Steps[3].Items) != 2 {
			t.Fatalf("new dossier pinned %s", fresh.State.Template)
		}
		again, _ := env.Dossiers.Get(old.State.ID)
		if again.State.Template != "golive.release@2.4.3" || len(again.State.Plan.Steps[3].Items) != 4 {
			t.Fatalf("old dossier now on %s", again.State.Template)
		}
	})
	t.Run("ExportImportRoundTrip", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "tpl.json")
		if err := reg.Export("golive.release@2.5", path); err != nil {
			t.Fatal(err)
		}
		if _, err := reg.Import(path, "x", pmo); apperr.Code(err) != "template.version_exists" {
			t.Fatalf("re-import of an existing version: %v", err)
		}
		raw, _ := os.ReadFile(path)
		t2, err := template.Parse(raw)
		if err != nil || t2.Key() != "golive.release@2.5" {
			t.Fatalf("exported file does not parse back: %v", err)
		}
		t2.Version = "2.6"
		if err := os.WriteFile(path, mustJSON(t, t2), 0o600); err != nil {
			t.Fatal(err)
		}
		info, err := reg.Import(path, "x", pmo)
		if err != nil || info.Current {
			t.Fatalf("import = %+v, %v", info, err)
		}
		if err := os.WriteFile(path, []byte(`{"id":"x","unknown":1}`), 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := reg.Import(path, "x", pmo); apperr.Code(err) != "template.unknown_field" {
			t.Fatalf("bad file: %v", apperr.Code(err))
		}
		list, _ := reg.List()
		if len(list) != 6 {
			t.Fatalf("%d versions after a refused import, want 6", len(list))
		}
	})
}
