package cli_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	badger "github.com/dgraph-io/badger/v4"

	"golive/backend/apperr"
	"golive/backend/cli"
	"golive/backend/core"
	"golive/backend/identity"
	"golive/backend/internal/testenv"
	"golive/backend/profile"
	"golive/backend/store"
)

// profileFolder makes a data folder holding one real profile, 陈思, with
// the passphrase "passphrase-123", and returns the folder and the profile.
func profileFolder(t *testing.T) (string, profile.Summary) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "data")
	c, err := core.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.Profiles.KDF = testenv.FastKDF
	p, err := c.Profiles.Create(profile.CreateRequest{Name: "陈思", Department: "项目管理部", Roles: []string{"pmo"}, Passphrase: "passphrase-123"})
	if err != nil {
		t.Fatal(err)
	}
	return dir, p
}

// storeRecords returns every key and value of the store in dir.
func storeRecords(t *testing.T, dir string) map[string]string {
	t.Helper()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	out := map[string]string{}
	err = st.DB().View(func(txn *badger.Txn) error {
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

func sameRecords(t *testing.T, before, after map[string]string) {
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

func wantFailure(t *testing.T, err error, code, words string) {
	t.Helper()
	if err == nil || apperr.Code(err) != code || !strings.Contains(err.Error(), words) {
		t.Fatalf("err = %v (code %q), want %s saying %q", err, apperr.Code(err), code, words)
	}
}

func TestIdentityHelp(t *testing.T) {
	msg, err := run("help")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"golive identity export --out F.golive-id", "golive identity show F", "golive identity backup --out F.golive-key", "golive identity restore F.golive-key"} {
		if !strings.Contains(msg, want) {
			t.Fatalf("help lacks %q:\n%s", want, msg)
		}
	}
	if !cli.IsCommand("identity") {
		t.Fatal("identity is not a command")
	}
	if _, err := run("identity"); err == nil || !strings.Contains(err.Error(), "backup, export, import, restore, show") {
		t.Fatalf("identity alone: %v", err)
	}
	if _, err := run("identity", "burn"); err == nil || !strings.Contains(err.Error(), "unknown identity subcommand") {
		t.Fatalf("identity burn: %v", err)
	}
}

func TestIdentityCard(t *testing.T) {
	dir, p := profileFolder(t)
	out := t.TempDir()
	card := filepath.Join(out, "chensi.golive-id")
	t.Run("ExportNeedsThePassphrase", func(t *testing.T) {
		t.Setenv("GOLIVE_PASSPHRASE", "")
		if _, err := run("identity", "export", "--out", card, "--data", dir); err == nil || !strings.Contains(err.Error(), "GOLIVE_PASSPHRASE") {
			t.Fatalf("without a passphrase: %v", err)
		}
		t.Setenv("GOLIVE_PASSPHRASE", "passphrase-124")
		_, err := run("identity", "export", "--out", card, "--data", dir)
		wantFailure(t, err, "keys.wrong_passphrase", "wrong passphrase for profile 陈思")
		if _, err := os.Stat(card); !os.IsNotExist(err) {
			t.Fatalf("a refused export left a file: %v", err)
		}
	})
	t.Setenv("GOLIVE_PASSPHRASE", "passphrase-123")
	msg, err := run("identity", "export", "--out", card, "--data", dir, "--sub-department", "发布管理组", "--title", "高级经理")
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(card)
	if err != nil {
		t.Fatal(err)
	}
	got, err := identity.Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "陈思" || got.Department != "项目管理部" || got.SubDepartment != "发布管理组" || got.Title != "高级经理" ||
		got.PublicKey != p.PublicKey || got.Fingerprint != p.Fingerprint || got.Zone != "Asia/Shanghai" {
		t.Fatalf("card = %+v", got)
	}
	block := msg[strings.Index(msg, identity.BeginLine):]
	if pasted, err := identity.Parse([]byte(block)); err != nil || pasted.Signature != got.Signature {
		t.Fatalf("the printed block: %v\n%s", err, msg)
	}
	t.Run("Show", func(t *testing.T) {
		msg, err := run("identity", "show", card)
		if err != nil || !strings.Contains(msg, "VALID identity card") || !strings.Contains(msg, "陈思") ||
			!strings.Contains(msg, p.Fingerprint) || !strings.Contains(msg, "(Asia/Shanghai)") || !strings.Contains(msg, "高级经理") {
			t.Fatalf("%v\n%s", err, msg)
		}
	})
	t.Run("ShowPastedBlock", func(t *testing.T) {
		defer cli.SetStdin(strings.NewReader("您好，我的身份卡：\n" + block + "\n谢谢"))()
		msg, err := run("identity", "show", "-")
		if err != nil || !strings.Contains(msg, p.Fingerprint) {
			t.Fatalf("%v\n%s", err, msg)
		}
	})
	write := func(name string, b []byte) string {
		f := filepath.Join(out, name)
		if err := os.WriteFile(f, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return f
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	m["extra"] = "x"
	extra, _ := json.Marshal(m)
	refused := []struct {
		name, file, code, words string
	}{
		{"Tampered", write("tampered.golive-id", bytes.Replace(b, []byte("高级经理"), []byte("首席信息官"), 1)), "identity.bad_signature", "signature does not verify"},
		{"Truncated", write("cut.golive-id", b[:len(b)/2]), "identity.truncated", "stops early"},
		{"TruncatedBlock", write("cut.txt", []byte(block[:len(block)/2])), "identity.truncated", "stops early"},
		{"Oversized", write("huge.golive-id", append(bytes.Clone(b), bytes.Repeat([]byte{' '}, identity.MaxSize)...)), "identity.too_large", "larger than 65536 bytes"},
		{"ExtraField", write("extra.golive-id", extra), "identity.unknown_field", `field "extra"`},
	}
	for _, r := range refused {
		t.Run("ShowRefuses"+r.name, func(t *testing.T) {
			msg, err := run("identity", "show", r.file)
			wantFailure(t, err, r.code, r.words)
			if !strings.Contains(msg, "NOT VALID") || strings.Contains(msg, p.Fingerprint) {
				t.Fatalf("printed %q", msg)
			}
		})
	}
	t.Run("Mistakes", func(t *testing.T) {
		for _, c := range []struct {
			args []string
			want string
		}{
			{[]string{"identity", "export", "--data", dir}, "--out is required"},
			{[]string{"identity", "export", "--out", card, "--profile", "nobody", "--data", dir}, `no profile "nobody"`},
			{[]string{"identity", "show"}, "needs the card"},
			{[]string{"identity", "show", filepath.Join(out, "missing.golive-id")}, "cannot read"},
			{[]string{"identity", "show", card, "more"}, "unexpected argument"},
		} {
			if _, err := run(c.args...); err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("%v: %v, want %q", c.args, err, c.want)
			}
		}
	})
}

func TestIdentityBackupAndRestore(t *testing.T) {
	dirA, p := profileFolder(t)
	out := t.TempDir()
	backup := filepath.Join(out, "chensi.golive-key")
	t.Setenv("GOLIVE_PASSPHRASE", "passphrase-124")
	_, err := run("identity", "backup", "--out", backup, "--data", dirA)
	wantFailure(t, err, "keys.wrong_passphrase", "wrong passphrase for profile 陈思")
	t.Setenv("GOLIVE_PASSPHRASE", "passphrase-123")
	msg, err := run("identity", "backup", "--out", backup, "--data", dirA)
	if err != nil || !strings.Contains(msg, p.Fingerprint) {
		t.Fatalf("%v\n%s", err, msg)
	}
	fi, err := os.Stat(backup)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("backup file: %v, %v", fi.Mode(), err)
	}
	data, err := os.ReadFile(backup)
	if err != nil {
		t.Fatal(err)
	}

	// A folder with a profile of its own, which refused restores must leave as it is.
	dirC, _ := profileFolder(t)
	before := storeRecords(t, dirC)
	write := func(name string, b []byte) string {
		f := filepath.Join(out, name)
		if err := os.WriteFile(f, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return f
	}
	var bk profile.Backup
	if err := json.Unmarshal(data, &bk); err != nil {
		t.Fatal(err)
	}
	bk.Sealed.Box[0] ^= 0x80
	flipped, _ := json.Marshal(bk)
	refused := []struct {
		name, file, pass, code, words string
	}{
		{"WrongPassphrase", backup, "passphrase-124", "keys.wrong_passphrase", "wrong passphrase for the key backup"},
		{"Tampered", write("tampered.golive-key", bytes.Replace(data, []byte("项目管理部"), []byte("信息科技部"), 1)), "passphrase-123", "profile.bad_backup", "signature does not verify"},
		{"FlippedKeyByte", write("flipped.golive-key", flipped), "passphrase-123", "profile.bad_backup", "signature does not verify"},
		{"Truncated", write("cut.golive-key", data[:len(data)-40]), "passphrase-123", "profile.bad_backup", "stops early"},
		{"Huge", write("huge.golive-key", append(bytes.Clone(data), bytes.Repeat([]byte{'\n'}, profile.MaxBackupSize)...)), "passphrase-123", "profile.backup_too_large", "not a key backup"},
	}
	for _, r := range refused {
		t.Run("Refuses"+r.name, func(t *testing.T) {
			t.Setenv("GOLIVE_PASSPHRASE", r.pass)
			_, err := run("identity", "restore", r.file, "--data", dirC)
			wantFailure(t, err, r.code, r.words)
			sameRecords(t, before, storeRecords(t, dirC))
		})
	}

	dirB := filepath.Join(t.TempDir(), "new-laptop")
	msg, err = run("identity", "restore", backup, "--data", dirB)
	if err != nil || !strings.Contains(msg, "restored profile 陈思 ("+p.ID+")") || !strings.Contains(msg, "default profile") {
		t.Fatalf("%v\n%s", err, msg)
	}
	t.Run("RestoreTwiceIsRefused", func(t *testing.T) {
		before := storeRecords(t, dirB)
		_, err := run("identity", "restore", backup, "--data", dirB)
		wantFailure(t, err, "profile.exists", "already holds that key")
		sameRecords(t, before, storeRecords(t, dirB))
	})
	t.Run("SignsOnTheNewLaptopWithTheSameKey", func(t *testing.T) {
		card := filepath.Join(out, "from-b.golive-id")
		if _, err := run("identity", "export", "--out", card, "--data", dirB); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(card)
		if err != nil {
			t.Fatal(err)
		}
		c, err := identity.Parse(b)
		if err != nil || c.PublicKey != p.PublicKey || c.Name != "陈思" {
			t.Fatalf("card made on B = %+v, %v; the key of A is %s", c, err, p.PublicKey)
		}
		if msg, err := run("identity", "show", card); err != nil || !strings.Contains(msg, p.Fingerprint) {
			t.Fatalf("%v\n%s", err, msg)
		}
	})
	t.Run("Mistakes", func(t *testing.T) {
		for _, c := range []struct {
			args []string
			want string
		}{
			{[]string{"identity", "backup", "--data", dirA}, "--out is required"},
			{[]string{"identity", "restore", "--data", dirB}, "needs the key backup"},
			{[]string{"identity", "restore", "-", "--data", dirB}, "reads a file, not stdin"},
			{[]string{"identity", "restore", filepath.Join(out, "missing.golive-key"), "--data", dirB}, "cannot read"},
		} {
			if _, err := run(c.args...); err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("%v: %v, want %q", c.args, err, c.want)
			}
		}
	})
}
