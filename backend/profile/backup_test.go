package profile_test

import (
	"bytes"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"testing"
	"time"

	badger "github.com/dgraph-io/badger/v4"

	"golive/backend/apperr"
	"golive/backend/core"
	"golive/backend/internal/testenv"
	"golive/backend/keys"
	"golive/backend/ledger"
	"golive/backend/profile"
	"golive/backend/store"
)

// snapshot returns every key and value of st, to show that a refused
// import wrote nothing.
func snapshot(t testing.TB, st *store.Store) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := st.DB().View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.DefaultIteratorOptions)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			out[string(it.Item().KeyCopy(nil))] = string(v)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sameStore(t testing.TB, before, after map[string]string) {
	t.Helper()
	if len(before) != len(after) {
		t.Fatalf("the store went from %d to %d records", len(before), len(after))
	}
	for k, v := range before {
		if after[k] != v {
			t.Fatalf("record %q changed", k)
		}
	}
}

// openFolder opens a second, empty data folder.
func openFolder(t testing.TB, dir string) *core.Core {
	t.Helper()
	c, err := core.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	return c
}

// resign decodes a backup, lets fn change it and signs it again with key,
// as someone holding the key could.
func resign(t testing.TB, data []byte, key ed25519.PrivateKey, fn func(b *profile.Backup)) []byte {
	t.Helper()
	var b profile.Backup
	if err := json.Unmarshal(data, &b); err != nil {
		t.Fatal(err)
	}
	fn(&b)
	b.Signature = ""
	canon, err := ledger.CanonicalJSON(b)
	if err != nil {
		t.Fatal(err)
	}
	b.Signature = hex.EncodeToString(ed25519.Sign(key, append([]byte(profile.BackupSignedPrefix), canon...)))
	out, err := json.Marshal(b)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestBackupMovesTheKeyToAnotherFolder(t *testing.T) {
	a := testenv.Open(t, "", "陈思", "pmo", "project_manager")
	data, err := a.Profiles.Export(a.Profile.ID, "passphrase-123")
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(data, []byte("passphrase-123")) || !bytes.Contains(data, []byte(profile.BackupFormat)) {
		t.Fatalf("backup = %s", data)
	}
	t.Run("ExportNeedsThePassphrase", func(t *testing.T) {
		_, err := a.Profiles.Export(a.Profile.ID, "passphrase-124")
		if apperr.Code(err) != "keys.wrong_passphrase" {
			t.Fatalf("code = %q", apperr.Code(err))
		}
		_, err = a.Profiles.Export("0000000000000000", "passphrase-123")
		if apperr.Code(err) != "profile.not_found" {
			t.Fatalf("code = %q", apperr.Code(err))
		}
	})
	t.Run("TheKeyIsAlreadyInItsOwnFolder", func(t *testing.T) {
		before := snapshot(t, a.Store)
		_, err := a.Profiles.Import(data, "passphrase-123")
		if apperr.Code(err) != "profile.exists" {
			t.Fatalf("code = %q", apperr.Code(err))
		}
		sameStore(t, before, snapshot(t, a.Store))
	})

	dirB := t.TempDir()
	b := openFolder(t, dirB)
	b.Profiles.Now = func() time.Time { return time.Date(2027, 1, 1, 0, 0, 0, 0, b.Zone) }
	empty := snapshot(t, b.Store)
	_, key, err := a.Profiles.Signer()
	if err != nil {
		t.Fatal(err)
	}
	refused := []struct {
		name, code, problem string
		data                []byte
		passphrase          string
	}{
		{"WrongPassphrase", "keys.wrong_passphrase", "", data, "passphrase-124"},
		{"ChangedName", "profile.bad_backup", "signature", bytes.Replace(data, []byte("陈思"), []byte("王五"), 1), "passphrase-123"},
		{"ChangedRoles", "profile.bad_backup", "signature", bytes.Replace(data, []byte(`"pmo"`), []byte(`"cio"`), 1), "passphrase-123"},
		{"FlippedBoxByte", "profile.bad_backup", "signature", flipInBox(t, data), "passphrase-123"},
		{"Truncated", "profile.bad_backup", "truncated", data[:len(data)/2], "passphrase-123"},
		{"Empty", "profile.bad_backup", "truncated", nil, "passphrase-123"},
		{"ExtraField", "profile.bad_backup", "unknown_field", bytes.Replace(data, []byte(`"format":`), []byte(`"note": "x", "format":`), 1), "passphrase-123"},
		{"ExtraSealedField", "profile.bad_backup", "unknown_field", bytes.Replace(data, []byte(`"nonce":`), []byte(`"mac": "x", "nonce":`), 1), "passphrase-123"},
		{"DuplicateMember", "profile.bad_backup", "malformed", bytes.Replace(data, []byte(`"format":`), []byte(`"format": "x", "format":`), 1), "passphrase-123"},
		{"TwoBackups", "profile.bad_backup", "malformed", append(bytes.Clone(data), data...), "passphrase-123"},
		{"Huge", "profile.backup_too_large", "", append(bytes.Clone(data), bytes.Repeat([]byte(" "), profile.MaxBackupSize)...), "passphrase-123"},
		{"OtherFormat", "profile.bad_backup", "format", resign(t, data, key, func(b *profile.Backup) { b.Format = "golive-key-backup/9" }), "passphrase-123"},
		// Signed by the key itself, so only the bounds on the stored
		// settings stop a file that asks for 8 GiB of memory.
		{"HugeKDF", "keys.kdf_out_of_range", "", resign(t, data, key, func(b *profile.Backup) { b.Sealed.KDF.MemoryKiB = 8 << 20 }), "passphrase-123"},
		{"UnknownRole", "profile.unknown_role", "", resign(t, data, key, func(b *profile.Backup) { b.Profile.Roles = []string{"king"} }), "passphrase-123"},
	}
	for _, r := range refused {
		t.Run("Refuses"+r.name, func(t *testing.T) {
			_, err := b.Profiles.Import(r.data, r.passphrase)
			var e *apperr.Error
			if !errors.As(err, &e) || e.Code != r.code || (r.problem != "" && e.Params["problem"] != r.problem) {
				t.Fatalf("err = %v, want %s %s", err, r.code, r.problem)
			}
			sameStore(t, empty, snapshot(t, b.Store))
			if b.Profiles.Current() != nil {
				t.Fatal("a refused import unlocked a profile")
			}
		})
	}

	got, err := b.Profiles.Import(data, "passphrase-123")
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != a.Profile.ID || got.PublicKey != a.Profile.PublicKey || got.Fingerprint != a.Profile.Fingerprint ||
		got.Name != "陈思" || len(got.Roles) != 2 || !got.Default || !got.CreatedAt.Equal(a.Profile.CreatedAt) {
		t.Fatalf("imported %+v, exported %+v", got, a.Profile)
	}
	t.Run("ASecondImportIsRefused", func(t *testing.T) {
		before := snapshot(t, b.Store)
		_, err := b.Profiles.Import(data, "passphrase-123")
		if apperr.Code(err) != "profile.exists" {
			t.Fatalf("code = %q", apperr.Code(err))
		}
		sameStore(t, before, snapshot(t, b.Store))
	})
	t.Run("SignsInTheNewFolderWithTheSameKey", func(t *testing.T) {
		if err := b.Close(); err != nil {
			t.Fatal(err)
		}
		b = openFolder(t, dirB)
		list, err := b.Profiles.List()
		if err != nil || len(list) != 1 || !list[0].Default {
			t.Fatalf("list = %+v, %v", list, err)
		}
		if _, err := b.Profiles.Unlock(list[0].ID, "passphrase-124"); apperr.Code(err) != "keys.wrong_passphrase" {
			t.Fatalf("unlock with a wrong passphrase: %v", err)
		}
		if _, err := b.Profiles.Unlock(list[0].ID, "passphrase-123"); err != nil {
			t.Fatal(err)
		}
		_, priv, err := b.Profiles.Signer()
		if err != nil {
			t.Fatal(err)
		}
		ev, err := ledger.New("R-1", nil, "note.added", map[string]string{"text": "在新电脑上签名"}, time.Date(2027, 1, 2, 9, 0, 0, 0, b.Zone), priv)
		if err != nil {
			t.Fatal(err)
		}
		if ev.Author != a.Profile.PublicKey || ev.Verify() != nil {
			t.Fatalf("event by %s (%v), the exported key is %s", ev.Author, ev.Verify(), a.Profile.PublicKey)
		}
		pub, _ := hex.DecodeString(a.Profile.PublicKey)
		msg := []byte("同一把钥匙")
		if !ed25519.Verify(pub, msg, ed25519.Sign(priv, msg)) {
			t.Fatal("a signature made in the new folder does not verify with the exported public key")
		}
		ids, err := b.Profiles.Identities()
		if err != nil || ids[a.Profile.PublicKey].Name != "陈思" {
			t.Fatalf("identities = %+v, %v", ids, err)
		}
	})
}

// flipInBox flips a bit of the sealed key's box.
func flipInBox(t testing.TB, data []byte) []byte {
	t.Helper()
	var b profile.Backup
	if err := json.Unmarshal(data, &b); err != nil {
		t.Fatal(err)
	}
	b.Sealed.Box[3] ^= 0x01
	out, err := json.Marshal(b)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestBackupKeepsKeysSealedFormat(t *testing.T) {
	env := testenv.Open(t, "", "张伟")
	data, err := env.Profiles.Export(env.Profile.ID, "passphrase-123")
	if err != nil {
		t.Fatal(err)
	}
	b, err := profile.ParseBackup(data)
	if err != nil {
		t.Fatal(err)
	}
	// The box opens with keys.Open alone: the backup is keys' own format.
	priv, err := keys.Open(b.Sealed, "passphrase-123")
	if err != nil || hex.EncodeToString(priv.Public().(ed25519.PublicKey)) != env.Profile.PublicKey {
		t.Fatalf("open = %v", err)
	}
	if b.Sealed.KDF.MemoryKiB != testenv.FastKDF.MemoryKiB {
		t.Fatalf("kdf = %+v", b.Sealed.KDF)
	}
}
