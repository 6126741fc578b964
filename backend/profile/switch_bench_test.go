package profile_test

import (
	"testing"
	"time"

	"golang.org/x/crypto/argon2"

	"golive/backend/internal/testenv"
	"golive/backend/keys"
	"golive/backend/profile"
)

// bareDerivation runs one argon2id derivation at keys.DefaultKDF, the cost
// every real profile's key is sealed with, and returns how long it took.
func bareDerivation() time.Duration {
	k := keys.DefaultKDF
	salt := make([]byte, 16)
	t := time.Now()
	argon2.IDKey([]byte("correct horse battery"), salt, k.Time, k.MemoryKiB, k.Threads, 32)
	return time.Since(t)
}

// BenchmarkSwitch measures what changing who is signed in costs, at the
// default key-derivation cost (argon2id, 1 pass, 64 MiB, 2 threads), as
// the app does it (core.Unlock: the profile key and the PDF signer;
// core.Switch). Each operation is timed between bare derivations of the
// same cost, so the figure that compares across machines and loads is
// "x-argon2id": the operation's time over one bare derivation's, in the
// same run. Unlock should cost about 1 (one derivation), switching back to
// a profile unlocked earlier in the session about 0.
//
//	go test -run '^$' -bench Switch -benchtime 10x ./backend/profile/
func BenchmarkSwitch(b *testing.B) {
	env := testenv.Open(b, "", "张伟", "project_manager")
	c := env.Core
	c.Profiles.KDF = keys.DefaultKDF
	var ids []string
	for _, r := range []profile.CreateRequest{
		{Name: "李娜", Department: "业务应用部", Roles: []string{"system_owner"}, Passphrase: "passphrase-li"},
		{Name: "王强", Department: "信息科技部", Roles: []string{"pmo"}, Passphrase: "passphrase-wang"},
	} {
		p, err := c.CreateProfile(r)
		if err != nil {
			b.Fatal(err)
		}
		ids = append(ids, p.ID)
	}
	pass := map[string]string{ids[0]: "passphrase-li", ids[1]: "passphrase-wang"}
	run := func(b *testing.B, op func(id string)) {
		var spent, bare time.Duration
		bareDerivation() // the heap grows to a derivation's 64 MiB once
		for i := 0; b.Loop(); i++ {
			// The bare derivation runs before the operation one time and
			// after it the next, so neither always finds the heap warm.
			if i%2 == 0 {
				bare += bareDerivation()
			}
			t := time.Now()
			op(ids[i%2])
			spent += time.Since(t)
			if i%2 == 1 {
				bare += bareDerivation()
			}
		}
		b.ReportMetric(float64(spent.Milliseconds())/float64(b.N), "ms/switch")
		b.ReportMetric(float64(bare.Milliseconds())/float64(b.N), "ms/argon2id")
		b.ReportMetric(float64(spent)/float64(bare), "x-argon2id")
	}
	b.Run("Unlock", func(b *testing.B) {
		run(b, func(id string) {
			c.Lock()
			if _, err := c.Unlock(id, pass[id]); err != nil {
				b.Fatal(err)
			}
			if _, err := c.PDFSigner(); err != nil {
				b.Fatal(err)
			}
		})
	})
	b.Run("SwitchBack", func(b *testing.B) {
		for _, id := range ids {
			if _, err := c.Unlock(id, pass[id]); err != nil {
				b.Fatal(err)
			}
		}
		run(b, func(id string) {
			if _, err := c.Switch(id); err != nil {
				b.Fatal(err)
			}
			if _, err := c.PDFSigner(); err != nil {
				b.Fatal(err)
			}
		})
	})
}
