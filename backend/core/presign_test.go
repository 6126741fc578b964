package core_test

import (
	"bytes"
	"crypto/ed25519"
	"testing"
	"time"

	"golive/backend/core"
	"golive/backend/internal/testenv"
	"golive/backend/ledger"
)

// TestAppSignsWithNoncesMadeAhead: in the app (OpenForApp) an unlocked
// profile's key signs with nonces made ahead — signatures that verify and
// are not RFC 8032's deterministic ones; after Close the key signs as RFC
// 8032 does again (its supply is stopped and wiped). Commands (Open) sign
// deterministically.
func TestAppSignsWithNoncesMadeAhead(t *testing.T) {
	dir := t.TempDir()
	env := testenv.Open(t, dir, "张伟", "project_manager")
	key := env.Profiles.UnlockedKey()
	msg := []byte("golive")
	if !bytes.Equal(ledger.Sign(key, msg), ed25519.Sign(key, msg)) {
		t.Fatal("a command's unlocked key signs with nonces made ahead")
	}
	id := env.Profile.ID
	if err := env.Close(); err != nil {
		t.Fatal(err)
	}

	c, err := core.OpenForApp(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, err := c.Unlock(id, "passphrase-123"); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		sig := ledger.Sign(key, msg)
		if !ed25519.Verify(key.Public().(ed25519.PublicKey), msg, sig) {
			t.Fatal("the app's signature does not verify")
		}
		if !bytes.Equal(sig, ed25519.Sign(key, msg)) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("5 s after unlocking in the app no signature used a nonce made ahead")
		}
		time.Sleep(time.Millisecond)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(ledger.Sign(key, msg), ed25519.Sign(key, msg)) {
		t.Fatal("after Close the key still signs with nonces made ahead")
	}
}
