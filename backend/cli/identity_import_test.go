package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golive/backend/cli"
	"golive/backend/core"
	"golive/backend/identity"
	"golive/backend/keys"
	"golive/backend/people"
)

// colleagueCard returns a card of 王磊 made with a fresh key, and its text
// block.
func colleagueCard(t *testing.T) identity.Card {
	t.Helper()
	_, priv, err := keys.Generate()
	if err != nil {
		t.Fatal(err)
	}
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Fatal(err)
	}
	c, err := identity.Make(identity.Person{Name: "王磊", Department: "业务应用部", SubDepartment: "租赁系统组"}, priv, time.Date(2026, 11, 27, 10, 0, 0, 0, loc))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestIdentityImport: a PMO stores a colleague's card, from a file or a
// pasted block; the folder then names the key, marked self-declared. A
// tampered card is refused with identity.bad_signature and nothing is
// written.
func TestIdentityImport(t *testing.T) {
	dir, _ := profileFolder(t)
	card := colleagueCard(t)
	files := t.TempDir()

	t.Run("TamperedCardWritesNothing", func(t *testing.T) {
		bad := filepath.Join(files, "tampered"+identity.FileExt)
		if err := os.WriteFile(bad, []byte(strings.Replace(string(card.File()), "王磊", "张伟", 1)), 0o644); err != nil {
			t.Fatal(err)
		}
		before := storeRecords(t, dir)
		msg, err := run("identity", "import", bad, "--data", dir)
		wantFailure(t, err, "identity.bad_signature", "signature does not verify")
		if !strings.Contains(msg, "NOT VALID") {
			t.Fatalf("output: %s", msg)
		}
		sameRecords(t, before, storeRecords(t, dir))
	})

	t.Run("NoFileNoWrite", func(t *testing.T) {
		before := storeRecords(t, dir)
		if _, err := run("identity", "import", "--data", dir); err == nil || !strings.Contains(err.Error(), "needs the card") {
			t.Fatalf("without a card: %v", err)
		}
		sameRecords(t, before, storeRecords(t, dir))
	})

	t.Run("PastedBlock", func(t *testing.T) {
		stdin := strings.NewReader("您好，这是王磊的身份卡：\n\n" + card.Text())
		restore := cli.SetStdin(stdin)
		defer restore()
		msg, err := run("identity", "import", "-", "--data", dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"王磊", card.Fingerprint, "self-declared"} {
			if !strings.Contains(msg, want) {
				t.Fatalf("output lacks %q:\n%s", want, msg)
			}
		}
		c, err := core.Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		d, err := c.People()
		if err != nil {
			t.Fatal(err)
		}
		e, ok := d.Lookup(card.PublicKey)
		if !ok || e.Name != "王磊" || e.SubDepartment != "租赁系统组" || e.Source != people.SourceCard {
			t.Fatalf("the colleague is %+v (%v)", e, ok)
		}
	})
}
