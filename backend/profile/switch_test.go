package profile_test

import (
	"strings"
	"testing"

	"golive/backend/apperr"
	"golive/backend/internal/testenv"
	"golive/backend/keys"
	"golive/backend/profile"
)

// derivationsIn returns how many argon2id derivations f ran.
func derivationsIn(f func()) uint64 {
	before := keys.Derivations()
	f()
	return keys.Derivations() - before
}

// TestSwitchCost: making a profile, unlocking another and unlocking the
// first again each derive the passphrase key once, however many keys the
// profile holds (its Ed25519 key and its PDF certificate's key), so a
// switch costs one argon2id derivation at the full default cost, not two
// or four.
func TestSwitchCost(t *testing.T) {
	env := testenv.Open(t, "", "张伟", "project_manager")
	c := env.Core
	var li profile.Summary
	n := derivationsIn(func() {
		var err error
		li, err = c.CreateProfile(profile.CreateRequest{Name: "李娜", Department: "业务应用部", Roles: []string{"system_owner"}, Passphrase: "passphrase-456"})
		if err != nil {
			t.Fatal(err)
		}
	})
	if n != 1 {
		t.Errorf("making a profile (key sealed, certificate issued) ran %d key derivations, want 1", n)
	}
	if _, err := c.PDFSigner(); err != nil {
		t.Fatalf("the new profile cannot sign PDFs: %v", err)
	}
	for _, step := range []struct {
		id, pass string
	}{{env.Profile.ID, "passphrase-123"}, {li.ID, "passphrase-456"}, {env.Profile.ID, "passphrase-123"}} {
		n := derivationsIn(func() {
			if _, err := c.Unlock(step.id, step.pass); err != nil {
				t.Fatal(err)
			}
		})
		if n != 1 {
			t.Errorf("unlocking profile %s ran %d key derivations, want 1", step.id, n)
		}
		if s, err := c.PDFSigner(); err != nil || s.Profile.ID != step.id {
			t.Fatalf("after unlocking %s the PDF signer is %+v, %v", step.id, s, err)
		}
	}
}

// TestSwitchBack: a profile unlocked once in this session is made current
// again without its passphrase and without any key derivation, keeps
// signing (its PDF signer too), and is marked unlocked in Overview; after
// Lock every profile needs its passphrase again, and Switch says which.
func TestSwitchBack(t *testing.T) {
	env := testenv.Open(t, "", "张伟", "project_manager")
	c := env.Core
	zhang := env.Profile
	li, err := c.CreateProfile(profile.CreateRequest{Name: "李娜", Department: "业务应用部", Roles: []string{"system_owner"}, Passphrase: "passphrase-456"})
	if err != nil {
		t.Fatal(err)
	}
	unlocked := func() map[string]bool {
		t.Helper()
		list, err := c.Profiles.Overview()
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]bool{}
		for _, p := range list {
			out[p.Name] = p.Unlocked
		}
		return out
	}
	// 张伟 was made by the profile service alone in this session, so he
	// is held too (making a profile unlocks it).
	if got := unlocked(); !got["张伟"] || !got["李娜"] {
		t.Fatalf("unlocked = %v, want both", got)
	}
	for _, p := range []profile.Summary{zhang, li, zhang} {
		n := derivationsIn(func() {
			got, err := c.Switch(p.ID)
			if err != nil || got.ID != p.ID {
				t.Fatalf("switch to %s = %+v, %v", p.Name, got, err)
			}
		})
		if n != 0 {
			t.Errorf("switching back to %s ran %d key derivations, want 0", p.Name, n)
		}
		if cur := c.Profiles.Current(); cur == nil || cur.ID != p.ID || !cur.Unlocked {
			t.Fatalf("current = %+v, want %s", cur, p.Name)
		}
		if s, err := c.PDFSigner(); err != nil || s.Profile.ID != p.ID {
			t.Fatalf("PDF signer after switching to %s: %+v, %v", p.Name, s, err)
		}
	}

	c.Lock()
	if got := unlocked(); got["张伟"] || got["李娜"] {
		t.Fatalf("after Lock unlocked = %v, want none", got)
	}
	_, err = c.Switch(li.ID)
	if apperr.Code(err) != "profile.not_unlocked" || !strings.Contains(err.Error(), "李娜") {
		t.Fatalf("switch after lock: %v, want profile.not_unlocked naming 李娜", err)
	}
	if c.Profiles.Current() != nil {
		t.Fatal("a refused switch made a profile current")
	}
	if _, err := c.Switch("0000000000000000"); apperr.Code(err) != "profile.not_found" {
		t.Fatalf("switch to an unknown profile: code %q", apperr.Code(err))
	}
	if _, err := c.Unlock(li.ID, "passphrase-456"); err != nil {
		t.Fatal(err)
	}
	if got := unlocked(); got["张伟"] || !got["李娜"] {
		t.Fatalf("after unlocking 李娜 unlocked = %v", got)
	}
}
