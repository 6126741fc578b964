package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golive/backend/core"
	"golive/backend/dossier"
	"golive/backend/profile"
	"golive/backend/workflow"
)

// sampleFolder writes the sample portfolio into a new folder, adds a
// non-sample profile (passphrase "passphrase-123") and returns the folder,
// the id of an archived dossier and the new profile's id.
func sampleFolder(t *testing.T) (dir, id, profileID string) {
	t.Helper()
	dir = filepath.Join(t.TempDir(), "sample")
	if _, err := run("demo", "--data", dir); err != nil {
		t.Fatal(err)
	}
	c, err := core.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	list, err := c.Dossiers.List(dossier.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range list {
		if s.Phase == workflow.PhaseArchived {
			id = s.ID
		}
	}
	p, err := c.Profiles.Create(profile.CreateRequest{Name: "陈思", Department: "项目管理部", Roles: []string{"pmo"}, Passphrase: "passphrase-123"})
	if err != nil {
		t.Fatal(err)
	}
	return dir, id, p.ID
}

func TestDocumentCommands(t *testing.T) {
	dir, id, pid := sampleFolder(t)
	out := t.TempDir()
	pdf := filepath.Join(out, "confirmation.pdf")
	t.Run("ExportPDFNeedsNoPassphraseInASampleFolder", func(t *testing.T) {
		t.Setenv("GOLIVE_PASSPHRASE", "")
		msg, err := run("export", "pdf", "--dossier", id, "--kind", "confirmation", "--out", pdf, "--data", dir)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(msg, "示例 / SAMPLE") || !strings.Contains(msg, "系统上线申请确认书") {
			t.Fatalf("printed %q", msg)
		}
	})
	t.Run("VerifyMatches", func(t *testing.T) {
		msg, err := run("verify", pdf, "--data", dir)
		if err != nil || !strings.Contains(msg, "MATCH") || !strings.Contains(msg, "signature: valid") {
			t.Fatalf("verify: %v\n%s", err, msg)
		}
		// What each signature was for, by its step's (and row's) name as
		// the document prints it, never the slot's id.
		if !strings.Contains(msg, "signed:    审批流程启动") || !strings.Contains(msg, "会签审批 · ") || strings.Contains(msg, "countersign/") {
			t.Fatalf("verify names the signatures by their ids:\n%s", msg)
		}
	})
	t.Run("VerifyFailsOnAFlippedByte", func(t *testing.T) {
		b, err := os.ReadFile(pdf)
		if err != nil {
			t.Fatal(err)
		}
		i := bytes.Index(b, []byte("stream\n"))
		b[i+20] ^= 0x20
		bad := filepath.Join(out, "bad.pdf")
		if err := os.WriteFile(bad, b, 0o600); err != nil {
			t.Fatal(err)
		}
		msg, err := run("verify", bad, "--data", dir)
		if err == nil || !strings.Contains(err.Error(), "the file was changed after it was signed") || !strings.Contains(msg, "pdfsig.digest_mismatch") {
			t.Fatalf("verify of a changed file: %v\n%s", err, msg)
		}
	})
	t.Run("VerifyUnknownDossier", func(t *testing.T) {
		empty := t.TempDir()
		msg, err := run("verify", "--data", empty, pdf)
		if err == nil || !strings.Contains(msg, "UNKNOWN") || !strings.Contains(err.Error(), "not in this data folder") {
			t.Fatalf("verify in another folder: %v\n%s", err, msg)
		}
	})
	t.Run("Register", func(t *testing.T) {
		xlsx := filepath.Join(out, "register.xlsx")
		msg, err := run("export", "register", "--year", "2026", "--out", xlsx, "--data", dir)
		if err != nil || !strings.Contains(msg, "审批登记簿") {
			t.Fatalf("%v %q", err, msg)
		}
		if fi, err := os.Stat(xlsx); err != nil || fi.Size() < 5000 {
			t.Fatalf("register file: %v", err)
		}
	})
	t.Run("PassphraseOfARealProfile", func(t *testing.T) {
		f := filepath.Join(out, "by-pmo.pdf")
		t.Setenv("GOLIVE_PASSPHRASE", "")
		if _, err := run("export", "pdf", "--dossier", id, "--kind", "approvals", "--out", f, "--profile", pid, "--data", dir); err == nil ||
			!strings.Contains(err.Error(), "GOLIVE_PASSPHRASE") {
			t.Fatalf("without a passphrase: %v", err)
		}
		t.Setenv("GOLIVE_PASSPHRASE", "passphrase-124")
		if _, err := run("export", "pdf", "--dossier", id, "--kind", "approvals", "--out", f, "--profile", pid, "--data", dir); err == nil ||
			!strings.Contains(err.Error(), "wrong passphrase") {
			t.Fatalf("with a wrong passphrase: %v", err)
		}
		t.Setenv("GOLIVE_PASSPHRASE", "passphrase-123")
		msg, err := run("export", "pdf", "--dossier", id, "--kind", "approvals", "--out", f, "--profile", "陈思", "--data", dir)
		if err != nil || strings.Contains(msg, "SAMPLE") || !strings.Contains(msg, "signed by 陈思") {
			t.Fatalf("%v %q", err, msg)
		}
		if msg, err := run("verify", f, "--data", dir); err != nil {
			t.Fatalf("verify: %v\n%s", err, msg)
		}
	})
	t.Run("Mistakes", func(t *testing.T) {
		for _, c := range []struct {
			args []string
			want string
		}{
			{[]string{"export", "pdf", "--kind", "confirmation", "--out", "x.pdf", "--data", dir}, "--dossier is required"},
			{[]string{"export", "pdf", "--dossier", id, "--kind", "invoice", "--out", "x.pdf", "--data", dir}, "unknown document kind"},
			{[]string{"export", "pdf", "--dossier", "R26NOSUCH", "--out", "x.pdf", "--data", dir}, "no dossier R26NOSUCH"},
			{[]string{"export", "pdf", "--dossier", id, "--data", dir}, "--out is required"},
			{[]string{"export", "pdf", "--dossier", id, "--kind", "plan", "--out", "x.pdf", "--data", dir}, "--year"},
			{[]string{"verify", "--data", dir}, "needs the PDF"},
			{[]string{"verify", filepath.Join(out, "missing.pdf"), "--data", dir}, "cannot read"},
			{[]string{"generate", "--dossier", id, "--doc", "user_test_report", "--data", dir}, "cannot be generated"},
		} {
			if _, err := run(c.args...); err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("%v: err = %v, want %q", c.args, err, c.want)
			}
		}
	})
}
