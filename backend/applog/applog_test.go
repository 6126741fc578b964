package applog_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golive/backend/applog"
)

// lines parses every JSON line of the file at path.
func lines(t *testing.T, path string) []map[string]any {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []map[string]any
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("%s: line %q is not JSON: %v", path, sc.Text(), err)
		}
		out = append(out, m)
	}
	return out
}

func TestOpenWritesJSONLinesIntoTheDataFolder(t *testing.T) {
	dir := t.TempDir()
	l := applog.Open(dir, applog.Options{})
	want := filepath.Join(dir, "logs", "golive.log")
	if l.Path() != want {
		t.Fatalf("Path() = %q, want %q", l.Path(), want)
	}
	l.Info("command", "cmd", "demo", "outcome", "ok")
	if got := l.Internal("ExportPDF", errors.New("disk on fire")); got != want {
		t.Fatalf("Internal returned %q", got)
	}
	l.Close()
	got := lines(t, want)
	if len(got) != 2 || got[0]["cmd"] != "demo" || got[1]["level"] != "ERROR" || got[1]["error"] != "disk on fire" || got[1]["where"] != "ExportPDF" {
		t.Fatalf("log holds %v", got)
	}
}

func TestMissingFolderIsNotCreated(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nope")
	var fallback bytes.Buffer
	l := applog.Open(missing, applog.Options{Fallback: &fallback})
	l.Info("command", "cmd", "windows")
	if l.Path() != "" {
		t.Fatalf("Path() = %q for a missing folder", l.Path())
	}
	if _, err := os.Stat(missing); !os.IsNotExist(err) {
		t.Fatalf("logging created %s (%v)", missing, err)
	}
	if !strings.Contains(fallback.String(), `"cmd":"windows"`) {
		t.Fatalf("fallback got %q", fallback.String())
	}
	// Without a fallback the lines are dropped and nothing fails.
	applog.Open(missing, applog.Options{}).Info("dropped")
	applog.Discard().Info("dropped")
}

func TestSecretsNeverReachTheLog(t *testing.T) {
	const pass = "correct-horse-battery-42"
	t.Setenv(applog.PassphraseEnv, pass)
	dir := t.TempDir()
	l := applog.Open(dir, applog.Options{})
	l.Info("unlock failed", "profile", "p-1", "passphrase", "typed-secret-77", "args", []string{"--token", pass})
	l.Internal("Unlock", fmt.Errorf("cannot decrypt with %q", pass))
	l.Error("msg with "+pass, "password", "pw-99")
	l.Close()
	b, err := os.ReadFile(l.Path())
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{pass, "typed-secret-77", "pw-99"} {
		if bytes.Contains(b, []byte(s)) {
			t.Errorf("the log holds %q:\n%s", s, b)
		}
	}
	if n := len(lines(t, l.Path())); n != 3 || !bytes.Contains(b, []byte(`"profile":"p-1"`)) {
		t.Fatalf("want 3 lines naming the profile, got %d:\n%s", n, b)
	}
}

// TestRotation writes numbered lines into a small log and checks that no
// file outgrows the limit, only Keep old files remain, and reading them
// oldest first gives the latest lines in order, the newest in golive.log.
func TestRotation(t *testing.T) {
	dir := t.TempDir()
	const max = 400
	l := applog.Open(dir, applog.Options{MaxBytes: max, Keep: 2})
	for i := range 60 {
		l.Info("line", "n", i)
	}
	l.Close()
	logs := filepath.Join(dir, "logs")
	entries, _ := os.ReadDir(logs)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, ",") != "golive.log,golive.log.1,golive.log.2" {
		t.Fatalf("log folder holds %v", names)
	}
	var seq []int
	for _, name := range []string{"golive.log.2", "golive.log.1", "golive.log"} {
		path := filepath.Join(logs, name)
		if fi, _ := os.Stat(path); fi.Size() > max {
			t.Errorf("%s is %d bytes, more than %d", name, fi.Size(), max)
		}
		for _, m := range lines(t, path) {
			seq = append(seq, int(m["n"].(float64)))
		}
	}
	if len(seq) == 0 || seq[len(seq)-1] != 59 {
		t.Fatalf("lines %v do not end with the newest", seq)
	}
	for i := 1; i < len(seq); i++ {
		if seq[i] != seq[i-1]+1 {
			t.Fatalf("lines out of order or missing: %v", seq)
		}
	}
	// A reopened log appends to the current file and keeps rotating.
	l = applog.Open(dir, applog.Options{MaxBytes: max, Keep: 2})
	l.Info("line", "n", 60)
	l.Close()
	got := lines(t, filepath.Join(logs, "golive.log"))
	if got[len(got)-1]["n"].(float64) != 60 {
		t.Fatalf("reopened log ends with %v", got[len(got)-1])
	}
}

func TestRedactArgs(t *testing.T) {
	got := strings.Join(applog.RedactArgs([]string{"--data", "D", "--passphrase", "p1", "--secret=s2", "--year", "2026"}), " ")
	if got != "--data D --passphrase [redacted] --secret=[redacted] --year 2026" {
		t.Fatalf("RedactArgs = %q", got)
	}
}
