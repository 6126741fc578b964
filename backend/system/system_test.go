package system_test

import (
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"golive/backend/apperr"
	"golive/backend/internal/testenv"
	"golive/backend/system"
)

func TestRegister(t *testing.T) {
	env := testenv.Open(t, "", "张伟")
	env.AddSystem(t, "ESB")
	crm := env.AddSystem(t, "CRM", "ESB", "ESB", " ")
	if len(crm.Calls) != 1 || crm.UpdatedAt.Location().String() != "Asia/Shanghai" {
		t.Fatalf("saved %+v", crm)
	}
	valid := system.System{Code: "LEASE", Name: "融资租赁业务系统", Department: "业务应用部", Owner: "李娜", Class: "java"}
	bad := []struct {
		name string
		mod  func(*system.System)
		code string
	}{
		{"BadCode", func(s *system.System) { s.Code = "租赁" }, "system.code_invalid"},
		{"NoName", func(s *system.System) { s.Name = "" }, "system.name_required"},
		{"NoDepartment", func(s *system.System) { s.Department = " " }, "system.department_required"},
		{"NoOwner", func(s *system.System) { s.Owner = "" }, "system.owner_required"},
		{"BadClass", func(s *system.System) { s.Class = "cobol" }, "system.class_invalid"},
		{"CallsSelf", func(s *system.System) { s.Calls = []string{"LEASE"} }, "system.calls_self"},
		{"CallsUnknown", func(s *system.System) { s.Calls = []string{"NOPE"} }, "system.unknown_call"},
		{"Duplicate", func(s *system.System) { s.Code = "CRM" }, "system.exists"},
	}
	for _, b := range bad {
		t.Run(b.name, func(t *testing.T) {
			s := valid
			b.mod(&s)
			_, err := env.Systems.Save(s, true)
			if apperr.Code(err) != b.code {
				t.Fatalf("code = %q, want %q", apperr.Code(err), b.code)
			}
			list, _ := env.Systems.List()
			if len(list) != 2 {
				t.Fatal("a refused system was stored")
			}
		})
	}
	t.Run("UpdateNeedsExisting", func(t *testing.T) {
		if _, err := env.Systems.Save(valid, false); apperr.Code(err) != "system.not_found" {
			t.Fatalf("code = %q", apperr.Code(err))
		}
	})
	t.Run("DeleteRefusedWhileCalled", func(t *testing.T) {
		if err := env.Systems.Delete("ESB", nil); apperr.Code(err) != "system.in_use" {
			t.Fatalf("code = %q", apperr.Code(err))
		}
		if err := env.Systems.Delete("CRM", func(string) (bool, error) { return true, nil }); apperr.Code(err) != "system.in_use" {
			t.Fatalf("code = %q", apperr.Code(err))
		}
		// A dossier that cannot be read does not mean "unused" (the index
		// is only a cache: the ledger is what is read).
		broken := []byte("ev/R26BROKEN/" + strings.Repeat("0", 64))
		setRaw := func(v []byte) {
			t.Helper()
			err := env.Store.DB().Update(func(txn *badger.Txn) error {
				if v == nil {
					return txn.Delete(broken)
				}
				return txn.Set(broken, v)
			})
			if err != nil {
				t.Fatal(err)
			}
		}
		setRaw([]byte("not a dossier event"))
		if err := env.Systems.Delete("CRM", env.Dossiers.HasSystem); apperr.Code(err) != "store.corrupt" {
			t.Fatalf("delete with an unreadable dossier: code = %q, want store.corrupt", apperr.Code(err))
		}
		if _, err := env.Systems.Get("CRM"); err != nil {
			t.Fatal("the system was deleted although its use could not be told")
		}
		setRaw(nil)
		if err := env.Systems.Delete("CRM", env.Dossiers.HasSystem); err != nil {
			t.Fatal(err)
		}
		if _, err := env.Systems.Get("CRM"); apperr.Code(err) != "system.not_found" {
			t.Fatal("deleted system still there")
		}
	})
}
