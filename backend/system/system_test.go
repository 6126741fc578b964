package system_test

import (
	"errors"
	"slices"
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

// TestCodesIgnoreCase: CRM and crm are the same system. A new code is
// stored in upper case; creating crm while CRM exists is refused naming
// both; lookups, updates, calls and deletion find a system whatever the
// case typed; an entry stored in lower case earlier stays readable under
// its own code.
func TestCodesIgnoreCase(t *testing.T) {
	env := testenv.Open(t, "", "张伟")
	env.AddSystem(t, "CRM")
	valid := system.System{Name: "客户关系管理（重复）", Department: "业务应用部", Owner: "李娜", Class: "java"}

	t.Run("CreatingTheSameCodeInOtherCaseIsRefused", func(t *testing.T) {
		s := valid
		s.Code = "crm"
		_, err := env.Systems.Save(s, true)
		var e *apperr.Error
		if !errors.As(err, &e) || e.Code != "system.exists" || e.Params["code"] != "crm" || e.Params["existing"] != "CRM" {
			t.Fatalf("err = %v, want system.exists naming crm and the registered CRM", err)
		}
		if list, _ := env.Systems.List(); len(list) != 1 {
			t.Fatalf("register holds %d systems, want 1", len(list))
		}
	})
	t.Run("NewCodesAreStoredInUpperCase", func(t *testing.T) {
		s := valid
		s.Code = " oa-portal "
		saved, err := env.Systems.Save(s, true)
		if err != nil || saved.Code != "OA-PORTAL" {
			t.Fatalf("saved %q, %v; want OA-PORTAL", saved.Code, err)
		}
	})
	t.Run("LookupIgnoresCase", func(t *testing.T) {
		for _, code := range []string{"crm", "Crm", " CRM "} {
			if s, err := env.Systems.Get(code); err != nil || s.Code != "CRM" {
				t.Errorf("Get(%q) = %q, %v", code, s.Code, err)
			}
		}
		if _, err := env.Systems.Get("crmx"); apperr.Code(err) != "system.not_found" {
			t.Errorf("Get(crmx): %v", err)
		}
	})
	t.Run("CallsAndUpdatesIgnoreCase", func(t *testing.T) {
		s := valid
		s.Code, s.Calls = "lease", []string{"crm", "CRM", "oa-portal"}
		saved, err := env.Systems.Save(s, true)
		if err != nil || !slices.Equal(saved.Calls, []string{"CRM", "OA-PORTAL"}) {
			t.Fatalf("calls saved as %q, %v", saved.Calls, err)
		}
		s.Code, s.Calls, s.Name = "Lease", []string{"lease"}, "融资租赁"
		if _, err := env.Systems.Save(s, false); apperr.Code(err) != "system.calls_self" {
			t.Fatalf("calling itself in another case: %v", err)
		}
		if err := env.Systems.Delete("oa-portal", nil); apperr.Code(err) != "system.in_use" {
			t.Fatalf("deleting a called system in lower case: %v", err)
		}
		s.Calls = nil
		if saved, err := env.Systems.Save(s, false); err != nil || saved.Code != "LEASE" || saved.Name != "融资租赁" {
			t.Fatalf("update as Lease: %+v, %v", saved, err)
		}
	})
	t.Run("AnEmptyCodeAsksToBeFilledIn", func(t *testing.T) {
		s := valid
		s.Code = "  "
		if _, err := env.Systems.Save(s, true); apperr.Code(err) != "system.code_required" {
			t.Fatalf("empty code: %v, want system.code_required", err)
		}
	})
	t.Run("ALowerCaseEntryStoredEarlierStaysReadable", func(t *testing.T) {
		old := system.System{Code: "hr", Name: "人力资源系统", Department: "业务应用部", Owner: "李娜", Class: "java"}
		if err := env.Store.Put("sys", "hr", old); err != nil {
			t.Fatal(err)
		}
		for _, code := range []string{"hr", "HR"} {
			if s, err := env.Systems.Get(code); err != nil || s.Code != "hr" {
				t.Errorf("Get(%q) = %q, %v", code, s.Code, err)
			}
		}
		s := valid
		s.Code = "HR"
		if _, err := env.Systems.Save(s, true); apperr.Code(err) != "system.exists" {
			t.Fatalf("HR next to hr: %v", err)
		}
		old.Owner = "王芳"
		old.Code = "HR"
		if saved, err := env.Systems.Save(old, false); err != nil || saved.Code != "hr" || saved.Owner != "王芳" {
			t.Fatalf("update of hr: %+v, %v", saved, err)
		}
		if err := env.Systems.Delete("HR", nil); err != nil {
			t.Fatal(err)
		}
		if _, err := env.Systems.Get("hr"); apperr.Code(err) != "system.not_found" {
			t.Fatalf("hr still there: %v", err)
		}
	})
}

// TestRegisterReadsChangesOfItsFolder: what the register keeps between
// reads is its own business: a system changed through another register of
// the same folder shows at once, and changing a system a read returned
// changes nothing stored.
func TestRegisterReadsChangesOfItsFolder(t *testing.T) {
	env := testenv.Open(t, "", "张伟")
	env.AddSystem(t, "ESB")
	crm := env.AddSystem(t, "CRM", "ESB")
	if _, err := env.Systems.Get("crm"); err != nil {
		t.Fatal(err)
	}
	other := system.NewRegister(env.Store, env.Zone)
	crm.Name = "客户关系管理系统二期"
	if _, err := other.Save(crm, false); err != nil {
		t.Fatal(err)
	}
	got, err := env.Systems.Get("CRM")
	if err != nil || got.Name != crm.Name {
		t.Fatalf("after another register saved: %+v, %v", got, err)
	}
	got.Calls[0] = "CHANGED"
	list, _ := env.Systems.List()
	list[0].Calls = append(list[0].Calls, "X")
	again, _ := env.Systems.Get("CRM")
	if again.Calls[0] != "ESB" || len(again.Calls) != 1 {
		t.Fatalf("a returned copy reached the register: %v", again.Calls)
	}
	if err := other.Delete("CRM", func(string) (bool, error) { return false, nil }); err != nil {
		t.Fatal(err)
	}
	if _, err := env.Systems.Get("CRM"); !apperr.HasCode(err, "system.not_found") {
		t.Fatalf("deleted elsewhere, still got: %v", err)
	}
}
