package cli_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golive/backend/cli"
)

// TestMain points the default data folder at a folder that does not
// exist, so commands run without --data never log into the developer's
// own GoLive folder. Started with childArgs set, the test binary runs as
// the golive command instead (runChild).
func TestMain(m *testing.M) {
	if args := os.Getenv(childArgs); args != "" {
		// Run as the golive command (see runChild), as main does.
		window, status := cli.Main(strings.Split(args, "\x1f"), os.Stdout, os.Stderr)
		if window {
			fmt.Println("would open the window")
		}
		os.Exit(status)
	}
	os.Setenv("GOLIVE_DATA", filepath.Join(os.TempDir(), "golive-cli-test-no-such-folder"))
	status := m.Run()
	removeSharedSample()
	os.Exit(status)
}

// logLines parses every JSON line of every log file in dir/logs.
func logLines(t *testing.T, dir string) []map[string]any {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "logs", "golive.log*"))
	if len(files) == 0 {
		t.Fatalf("no log file in %s/logs", dir)
	}
	var out []map[string]any
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			var m map[string]any
			if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
				t.Fatalf("%s: %q is not JSON: %v", name, sc.Text(), err)
			}
			out = append(out, m)
		}
		f.Close()
	}
	return out
}

// linesOf returns the log lines of command cmd.
func linesOf(lines []map[string]any, cmd string) []map[string]any {
	var out []map[string]any
	for _, l := range lines {
		if l["cmd"] == cmd {
			out = append(out, l)
		}
	}
	return out
}

func TestEachCommandLogsALine(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "D")
	if _, err := run("demo", "--data", dir); err != nil {
		t.Fatal(err)
	}
	xlsx := filepath.Join(t.TempDir(), "r.xlsx")
	if _, err := run("export", "register", "--data", dir, "--year", "2026", "--out", xlsx); err != nil {
		t.Fatal(err)
	}
	if _, err := run("export", "pdf", "--dossier", "R26NOSUCH", "--out", filepath.Join(t.TempDir(), "x.pdf"), "--data", dir); err == nil {
		t.Fatal("export of a missing dossier succeeded")
	}
	out := filepath.Join(t.TempDir(), "x.pdf")
	if _, err := run("export", "pdf", "--dossier", "R26NOSUCH", "--out", out, "--data", dir, "--kind", "approvals"); err == nil {
		t.Fatal("export of a missing dossier succeeded")
	}
	lines := logLines(t, dir)
	demo, reg, pdf := linesOf(lines, "demo"), linesOf(lines, "export register"), linesOf(lines, "export pdf")
	if len(demo) != 1 || demo[0]["outcome"] != "ok" || demo[0]["level"] != "INFO" {
		t.Fatalf("demo lines: %v", demo)
	}
	// The register only reads: it leaves the folder, log included, as it was.
	if len(reg) != 0 {
		t.Fatalf("a read command logged into the folder: %v", reg)
	}
	if len(pdf) != 2 || pdf[1]["ms"] == nil {
		t.Fatalf("export pdf lines: %v", pdf)
	}
	if args, _ := json.Marshal(pdf[1]["args"]); string(args) != `["--dossier","R26NOSUCH","--out","`+out+`","--data","`+dir+`","--kind","approvals"]` {
		t.Fatalf("export pdf args logged as %s", args)
	}
	if pdf[0]["outcome"] != "failed" || pdf[0]["code"] != "dossier.not_found" || !strings.Contains(pdf[0]["error"].(string), "R26NOSUCH") {
		t.Fatalf("failed export lines: %v", pdf)
	}
}

func TestLoggingCreatesNoFolder(t *testing.T) {
	t.Run("ReadingAMissingFolder", func(t *testing.T) {
		missing := filepath.Join(t.TempDir(), "missing")
		_, _ = run("windows", "--year", "2027", "--data", missing)
		if _, err := os.Stat(filepath.Join(missing, "logs")); !os.IsNotExist(err) {
			t.Fatalf("a read on a missing folder left %s/logs (%v)", missing, err)
		}
	})
	t.Run("DemoRefusingAForeignFolder", func(t *testing.T) {
		other := t.TempDir()
		if err := os.WriteFile(filepath.Join(other, "notes.txt"), []byte("mine"), 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := run("demo", "--data", other); err == nil {
			t.Fatal("demo wrote into a foreign folder")
		}
		if _, err := os.Stat(filepath.Join(other, "logs")); !os.IsNotExist(err) {
			t.Fatalf("demo left a log in a folder it refused (%v)", err)
		}
	})
}

// TestPassphraseNeverLogged runs signing commands with a wrong and a right
// passphrase in GOLIVE_PASSPHRASE and checks that neither appears in any
// log file, while the failure is logged with its code.
func TestPassphraseNeverLogged(t *testing.T) {
	dir, id, pid := sampleFolder(t)
	const wrong = "wrong-horse-staple-913"
	f := filepath.Join(t.TempDir(), "by-pmo.pdf")
	t.Setenv("GOLIVE_PASSPHRASE", wrong)
	if _, err := run("export", "pdf", "--dossier", id, "--kind", "approvals", "--out", f, "--profile", pid, "--data", dir); err == nil {
		t.Fatal("a wrong passphrase signed")
	}
	t.Setenv("GOLIVE_PASSPHRASE", "passphrase-123")
	if _, err := run("export", "pdf", "--dossier", id, "--kind", "approvals", "--out", f, "--profile", pid, "--data", dir); err != nil {
		t.Fatal(err)
	}
	lines := linesOf(logLines(t, dir), "export pdf")
	if len(lines) != 2 || lines[0]["code"] != "keys.wrong_passphrase" || lines[1]["outcome"] != "ok" {
		t.Fatalf("the two exports logged as %v", lines)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "logs", "*"))
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, secret := range []string{wrong, "passphrase-123"} {
			if strings.Contains(string(b), secret) {
				t.Errorf("%s holds the passphrase %q", name, secret)
			}
		}
	}
}
