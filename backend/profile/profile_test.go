package profile_test

import (
	"testing"

	"golive/backend/apperr"
	"golive/backend/internal/testenv"
	"golive/backend/profile"
)

func TestProfiles(t *testing.T) {
	env := testenv.Open(t, "", "张伟", "project_manager", "system_owner")
	p := env.Profile
	if len(p.Fingerprint) != 39 || p.ID == "" || !p.Default || len(p.Roles) != 2 {
		t.Fatalf("profile = %+v", p)
	}
	t.Run("WrongPassphraseChangesNothing", func(t *testing.T) {
		second, err := env.Profiles.Create(profile.CreateRequest{Name: "李娜", Department: "业务应用部", Roles: []string{"system_owner"}, Passphrase: "another-pass"})
		if err != nil {
			t.Fatal(err)
		}
		if env.Profiles.Current().ID != second.ID || second.Default {
			t.Fatal("the new profile should be current and not default")
		}
		_, err = env.Profiles.Unlock(p.ID, "passphrase-124")
		if apperr.Code(err) != "keys.wrong_passphrase" {
			t.Fatalf("code = %q", apperr.Code(err))
		}
		if env.Profiles.Current().ID != second.ID {
			t.Fatal("a failed unlock switched the current profile")
		}
		if got, err := env.Profiles.Unlock(p.ID, "passphrase-123"); err != nil || got.ID != p.ID || !got.Default {
			t.Fatalf("unlock = %+v, %v", got, err)
		}
		list, _ := env.Profiles.List()
		if len(list) != 2 || list[0].ID != p.ID {
			t.Fatalf("list = %+v", list)
		}
	})
	bad := []struct {
		name string
		req  profile.CreateRequest
		code string
	}{
		{"NoName", profile.CreateRequest{Department: "x", Roles: []string{"pmo"}, Passphrase: "12345678"}, "profile.name_required"},
		{"NoDepartment", profile.CreateRequest{Name: "x", Roles: []string{"pmo"}, Passphrase: "12345678"}, "profile.department_required"},
		{"NoRoles", profile.CreateRequest{Name: "x", Department: "x", Passphrase: "12345678"}, "profile.roles_required"},
		{"UnknownRole", profile.CreateRequest{Name: "x", Department: "x", Roles: []string{"king"}, Passphrase: "12345678"}, "profile.unknown_role"},
		{"WeakPassphrase", profile.CreateRequest{Name: "x", Department: "x", Roles: []string{"pmo"}, Passphrase: "1234"}, "keys.weak_passphrase"},
	}
	for _, b := range bad {
		t.Run(b.name, func(t *testing.T) {
			before, _ := env.Profiles.List()
			_, err := env.Profiles.Create(b.req)
			if apperr.Code(err) != b.code {
				t.Fatalf("code = %q, want %q", apperr.Code(err), b.code)
			}
			after, _ := env.Profiles.List()
			if len(after) != len(before) {
				t.Fatal("a refused profile was stored")
			}
		})
	}
	t.Run("UnknownProfile", func(t *testing.T) {
		if _, err := env.Profiles.Unlock("nope", "x"); apperr.Code(err) != "profile.not_found" {
			t.Fatalf("code = %q", apperr.Code(err))
		}
	})
	t.Run("LockForgetsKey", func(t *testing.T) {
		env.Profiles.Lock()
		if _, _, err := env.Profiles.Signer(); apperr.Code(err) != "profile.locked" || env.Profiles.Current() != nil {
			t.Fatal("locked profile can still sign")
		}
	})
}

// TestUnreadableDefaultIsAnError: when the folder's default-profile
// setting cannot be read, unlocking says so instead of unlocking the
// profile as if it were not the default.
func TestUnreadableDefaultIsAnError(t *testing.T) {
	env := testenv.Open(t, "", "张伟")
	p := env.Profile
	env.Profiles.Lock()
	if err := env.Store.Put("set", "default_profile", 42); err != nil {
		t.Fatal(err)
	}
	if _, err := env.Profiles.Unlock(p.ID, "passphrase-123"); apperr.Code(err) != "store.read_failed" {
		t.Fatalf("unlock with an unreadable default: code = %q (%v), want store.read_failed", apperr.Code(err), err)
	}
	if env.Profiles.Current() != nil {
		t.Fatal("a failed unlock made a profile current")
	}
	if _, err := env.Profiles.List(); apperr.Code(err) != "store.read_failed" {
		t.Fatalf("list with an unreadable default: code = %q", apperr.Code(err))
	}
	if err := env.Store.Put("set", "default_profile", p.ID); err != nil {
		t.Fatal(err)
	}
	if got, err := env.Profiles.Unlock(p.ID, "passphrase-123"); err != nil || !got.Default {
		t.Fatalf("unlock after repair = %+v, %v", got, err)
	}
}
