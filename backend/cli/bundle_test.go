package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golive/backend/apperr"
	"golive/backend/core"
	"golive/backend/demo"
	"golive/backend/exchange"
	"golive/backend/keys"
	"golive/backend/roster"
)

// TestBundleCommands: the project manager's folder sends a dossier as an
// exchange file; a director's new folder imports it (after confirming the
// PMO key's fingerprint), adds a note and replies with a file holding only
// that note, which the first folder imports.
func TestBundleCommands(t *testing.T) {
	dirA := filepath.Join(t.TempDir(), "pm")
	if _, err := run("demo", "--data", dirA); err != nil {
		t.Fatal(err)
	}
	_, id := dossiersByPhase(t, dirA)
	// The fingerprint of A's PMO key, and a director's profile to carry
	// over to B as his identity backup.
	c, err := core.Open(dirA)
	if err != nil {
		t.Fatal(err)
	}
	pin, ok, err := c.Roster.Pinned()
	if err != nil || !ok {
		t.Fatalf("A pins no PMO key: %v", err)
	}
	fp := keys.FingerprintHex(pin.PublicKey)
	list, err := c.Profiles.List()
	if err != nil {
		t.Fatal(err)
	}
	director := ""
	for _, p := range list {
		for _, r := range p.Roles {
			if r == "cs_director" && director == "" {
				director = p.ID
			}
		}
	}
	if director == "" {
		t.Fatal("no sample director")
	}
	identity, err := c.Profiles.Export(director, demo.SamplePassphrase)
	_ = c.Close()
	if err != nil {
		t.Fatal(err)
	}

	out := t.TempDir()
	file := filepath.Join(out, id+exchange.Ext)
	dirB := filepath.Join(t.TempDir(), "director")
	t.Run("Export", func(t *testing.T) {
		msg, err := run("bundle", "export", "--dossier", id, "--purpose", "待客户服务部总监审批", "--out", file, "--data", dirA)
		if err != nil {
			t.Fatal(err)
		}
		f, err := exchange.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if !strings.Contains(msg, "wrote "+file) || !strings.Contains(msg, id) || f.Body.Purpose != "待客户服务部总监审批" || len(f.Events) == 0 {
			t.Fatalf("printed %q; file holds %d events, purpose %q", msg, len(f.Events), f.Body.Purpose)
		}
	})
	t.Run("ImportNeedsTheFingerprint", func(t *testing.T) {
		_, err := run("bundle", "import", file, "--data", dirB)
		if apperr.Code(err) != roster.CodeNotPinned || !strings.Contains(err.Error(), fp) || !strings.Contains(err.Error(), "--fingerprint") {
			t.Fatalf("err = %v (code %q), want %s naming %s", err, apperr.Code(err), roster.CodeNotPinned, fp)
		}
		if ids := eventIDs(t, dirB); len(ids) != 0 {
			t.Fatalf("a refused import stored %d streams", len(ids))
		}
	})
	t.Run("Import", func(t *testing.T) {
		msg, err := run("bundle", "import", file, "--fingerprint", fp, "--data", dirB)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(msg, "pinned the organisation's PMO key "+fp) || !strings.Contains(msg, id) || !strings.Contains(msg, "added ") {
			t.Fatalf("printed %q", msg)
		}
		if a, b := eventIDs(t, dirA)[id], eventIDs(t, dirB)[id]; strings.Join(a, ",") != strings.Join(b, ",") {
			t.Fatalf("B holds %d events of %s, A %d", len(b), id, len(a))
		}
		msg, err = run("bundle", "import", file, "--data", dirB)
		if err != nil || !strings.Contains(msg, "nothing new") {
			t.Fatalf("again: %q, %v", msg, err)
		}
	})
	t.Run("RefusesACutFile", func(t *testing.T) {
		raw, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		cut := filepath.Join(out, "cut"+exchange.Ext)
		if err := os.WriteFile(cut, raw[:len(raw)/2], 0o600); err != nil {
			t.Fatal(err)
		}
		before := eventIDs(t, dirB)
		_, err = run("bundle", "import", cut, "--data", dirB)
		if apperr.Code(err) != "exchange.truncated" || !strings.Contains(err.Error(), "cut short") {
			t.Fatalf("err = %v", err)
		}
		if len(eventIDs(t, dirB)[id]) != len(before[id]) {
			t.Fatal("a refused file changed B")
		}
	})

	reply := filepath.Join(out, "reply"+exchange.Ext)
	t.Run("ReplySince", func(t *testing.T) {
		// The director restores his identity in B and adds a note there.
		c, err := core.Open(dirB)
		if err != nil {
			t.Fatal(err)
		}
		p, err := c.Profiles.Import(identity, demo.SamplePassphrase)
		if err == nil {
			_, err = c.Unlock(p.ID, demo.SamplePassphrase)
		}
		if err == nil {
			_, err = c.Dossiers.AddNote(id, "同意按计划窗口上线")
		}
		_ = c.Close()
		if err != nil {
			t.Fatal(err)
		}
		t.Setenv("GOLIVE_PASSPHRASE", demo.SamplePassphrase)
		msg, err := run("bundle", "export", "--dossier", id, "--since", file, "--profile", p.ID, "--out", reply, "--data", dirB)
		if err != nil {
			t.Fatal(err)
		}
		f, err := exchange.Open(reply)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		full, err := exchange.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		_ = full.Close()
		if len(f.Events) != 1 || f.Events[0].Dossier != id || f.Body.Since != full.SHA256 || !strings.Contains(msg, "1 events") {
			t.Fatalf("reply holds %d events, since %q; printed %q", len(f.Events), f.Body.Since, msg)
		}
		if f.Size >= full.Size/2 {
			t.Fatalf("reply of %d bytes, the full file %d", f.Size, full.Size)
		}
		t.Logf("reply after one note: %d bytes (the full file: %d)", f.Size, full.Size)
	})
	t.Run("ReplyImportedBack", func(t *testing.T) {
		before := len(eventIDs(t, dirA)[id])
		msg, err := run("bundle", "import", reply, "--data", dirA)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(msg, "added 1 events") || len(eventIDs(t, dirA)[id]) != before+1 {
			t.Fatalf("printed %q", msg)
		}
		if a, b := eventIDs(t, dirA)[id], eventIDs(t, dirB)[id]; strings.Join(a, ",") != strings.Join(b, ",") {
			t.Fatal("A and B hold different events")
		}
	})
	t.Run("Usage", func(t *testing.T) {
		for _, c := range []struct {
			args []string
			want string
		}{
			{[]string{"bundle", "export", "--out", file, "--data", dirA}, "--dossier"},
			{[]string{"bundle", "export", "--dossier", id, "--data", dirA}, "--out"},
			{[]string{"bundle", "import", "--data", dirA}, "usage"},
		} {
			if _, err := run(c.args...); err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("%v: %v, want %q", c.args, err, c.want)
			}
		}
	})
}
