package profile_test

import (
	"encoding/json"
	"testing"

	"golive/backend/identity"
	"golive/backend/internal/testenv"
)

// TestCardsAreSigned: a profile's identity is stored as its signed card;
// a record edited on disk, an unsigned record from before cards, or a card
// filed under another key is not read back. Reading never writes; the
// owner's unlock writes his card again.
func TestCardsAreSigned(t *testing.T) {
	env := testenv.Open(t, "", "张伟", "project_manager")
	p := env.Profile
	cards, err := env.Profiles.Cards()
	if err != nil {
		t.Fatal(err)
	}
	own, ok := cards[p.PublicKey]
	if !ok || own.Name != "张伟" || own.Department != "应用开发部" || own.Fingerprint != p.Fingerprint {
		t.Fatalf("own card = %+v (%v)", own, ok)
	}
	put := func(key string, v []byte) {
		t.Helper()
		if err := env.Store.Put("ident", key, json.RawMessage(v)); err != nil {
			t.Fatal(err)
		}
	}
	named := func() string {
		t.Helper()
		ids, err := env.Profiles.Identities()
		if err != nil {
			t.Fatal(err)
		}
		return ids[p.PublicKey].Name
	}
	var m map[string]any
	_ = json.Unmarshal(own.File(), &m)
	m["name"] = "李四"
	edited, _ := json.Marshal(m)
	old, _ := json.Marshal(map[string]any{"public_key": p.PublicKey, "name": "李四", "department": "x", "roles": []string{"pmo"}})
	other, _ := identity.Parse(own.File())
	for what, raw := range map[string][]byte{"edited": edited, "unsigned": old, "not a card": []byte(`"李四"`)} {
		put(p.PublicKey, raw)
		if n := named(); n != "" {
			t.Fatalf("an %s record names the key %q", what, n)
		}
	}
	// A valid card filed under another key names nobody.
	put("00"+p.PublicKey[2:], other.File())
	if ids, _ := env.Profiles.Identities(); len(ids) != 0 {
		t.Fatalf("identities = %+v", ids)
	}
	if _, err := env.Profiles.List(); err != nil {
		t.Fatal(err)
	}
	var raw json.RawMessage
	if err := env.Store.Get("ident", p.PublicKey, &raw); err != nil || string(raw) != string(old) && string(raw) != string(edited) && string(raw) != `"李四"` {
		t.Fatalf("a read rewrote the record: %s %v", raw, err)
	}
	if _, err := env.Profiles.Unlock(p.ID, "passphrase-123"); err != nil {
		t.Fatal(err)
	}
	if n := named(); n != "张伟" {
		t.Fatalf("after unlock the key is named %q", n)
	}
	t.Run("StoreCardRefusesATamperedCard", func(t *testing.T) {
		bad := own
		bad.Name = "李四"
		if _, err := env.Profiles.StoreCard(bad); err == nil {
			t.Fatal("a tampered card was stored")
		}
		if n := named(); n != "张伟" {
			t.Fatalf("the key is named %q", n)
		}
	})
}
