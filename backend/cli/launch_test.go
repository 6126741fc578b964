package cli_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golive/backend/cli"
)

// golive runs the test binary as "golive args…" (TestMain) with stdin
// from a file that is no terminal, and returns what it printed and its
// exit status.
func golive(t *testing.T, args ...string) (stdout, stderr string, status int) {
	t.Helper()
	in, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	var out, errOut bytes.Buffer
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childArgs+"="+strings.Join(args, "\x1f"))
	cmd.Stdin, cmd.Stdout, cmd.Stderr = in, &out, &errOut
	err = cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		status = exit.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	return out.String(), errOut.String(), status
}

// TestUnknownCommand: "golive lsit" (no such command) says so, prints the
// help and exits 2, without opening a window.
func TestUnknownCommand(t *testing.T) {
	for _, args := range [][]string{{"lsit"}, {"--data", t.TempDir(), "lsit"}} {
		out, errOut, status := golive(t, args...)
		if status != 2 {
			t.Errorf("golive %v: exit %d, want 2 (stdout %q, stderr %q)", args, status, out, errOut)
		}
		if !strings.Contains(errOut, `unknown command "lsit"`) {
			t.Errorf("golive %v: stderr %q does not say unknown command", args, errOut)
		}
		if !strings.Contains(errOut, "Usage:") || !strings.Contains(errOut, "golive demo --data DIR") || !strings.Contains(errOut, "open the desktop app") {
			t.Errorf("golive %v: stderr %q holds no help", args, errOut)
		}
		if strings.Contains(out, "would open the window") {
			t.Errorf("golive %v: would open the window", args)
		}
	}
}

// TestExportWithoutPassphrase: a real profile's passphrase is asked on the
// terminal; with no terminal and no GOLIVE_PASSPHRASE the command says
// that it has none and how to give one, and writes nothing.
func TestExportWithoutPassphrase(t *testing.T) {
	dir, id, pid := sampleFolder(t)
	pdf := filepath.Join(t.TempDir(), "approvals.pdf")
	t.Setenv("GOLIVE_PASSPHRASE", "")
	_, errOut, status := golive(t, "export", "pdf", "--dossier", id, "--kind", "approvals", "--out", pdf, "--profile", pid, "--data", dir)
	if status != 1 {
		t.Fatalf("exit %d, want 1 (stderr %q)", status, errOut)
	}
	for _, want := range []string{"no passphrase for profile 陈思", "not started in a terminal", "GOLIVE_PASSPHRASE"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr %q lacks %q", errOut, want)
		}
	}
	if _, err := os.Stat(pdf); !os.IsNotExist(err) {
		t.Errorf("a PDF was written without a passphrase: %v", err)
	}
}

// TestClassify: what main does with a command line. The window opens for
// no argument, --data DIR, the Wails dev flags and exchange files; a
// command runs also after --data DIR; anything else is unknown.
func TestClassify(t *testing.T) {
	for _, c := range []struct {
		args []string
		kind cli.LaunchKind
		rest []string // the command's arguments, or the unknown argument
	}{
		{nil, cli.LaunchWindow, nil},
		{[]string{"--data", "/srv/golive"}, cli.LaunchWindow, nil},
		{[]string{"--data=/srv/golive"}, cli.LaunchWindow, nil},
		{[]string{"-data", "list"}, cli.LaunchWindow, nil}, // a folder named "list"
		{[]string{"-assetdir", "frontend/dist", "-devserver", "localhost:34115", "--data", "d"}, cli.LaunchWindow, nil},
		{[]string{"-loglevel", "Debug", "-frontenddevserverurl", "http://localhost:5173"}, cli.LaunchWindow, nil},
		{[]string{"R26CRM0001.golive"}, cli.LaunchWindow, nil},
		{[]string{"--data", "d", "/home/li/Downloads/reply.GOLIVE"}, cli.LaunchWindow, nil},
		{[]string{"version"}, cli.LaunchCommand, []string{"version"}},
		{[]string{"export", "pdf", "--out", "f.pdf"}, cli.LaunchCommand, []string{"export", "pdf", "--out", "f.pdf"}},
		{[]string{"--data", "d", "windows", "--year", "2027"}, cli.LaunchCommand, []string{"windows", "--data", "d", "--year", "2027"}},
		{[]string{"--data=d", "check"}, cli.LaunchCommand, []string{"check", "--data=d"}},
		{[]string{"--help"}, cli.LaunchHelp, nil},
		{[]string{"-h"}, cli.LaunchHelp, nil},
		{[]string{"lsit"}, cli.LaunchUnknown, []string{"lsit"}},
		{[]string{"--data", "d", "lsit"}, cli.LaunchUnknown, []string{"lsit"}},
		{[]string{"release.zip"}, cli.LaunchUnknown, []string{"release.zip"}},
		{[]string{"R26CRM0001.golive", "lsit"}, cli.LaunchUnknown, []string{"lsit"}},
		{[]string{"--data", "d", "list", "--json"}, cli.LaunchCommand, []string{"list", "--data", "d", "--json"}},
		{[]string{"show", "R26CRM0001", "--lang", "en"}, cli.LaunchCommand, []string{"show", "R26CRM0001", "--lang", "en"}},
	} {
		l := cli.Classify(c.args)
		got := l.Args
		if l.Kind == cli.LaunchUnknown {
			got = []string{l.Arg}
		}
		if l.Kind != c.kind || !slices.Equal(got, c.rest) {
			t.Errorf("Classify(%q) = %d %q, want %d %q", c.args, l.Kind, got, c.kind, c.rest)
		}
	}
}

// TestMainStatus: the exit statuses main passes on, and where the help goes.
func TestMainStatus(t *testing.T) {
	var out, errOut bytes.Buffer
	if window, status := cli.Main([]string{"--data", "d"}, &out, &errOut); !window || status != 0 || out.Len()+errOut.Len() > 0 {
		t.Fatalf("window arguments: window %v, status %d, printed %q %q", window, status, out.String(), errOut.String())
	}
	if window, status := cli.Main([]string{"--help"}, &out, &errOut); window || status != 0 || !strings.Contains(out.String(), "golive help") {
		t.Fatalf("--help: window %v, status %d, printed %q", window, status, out.String())
	}
	out.Reset()
	if window, status := cli.Main([]string{"version"}, &out, &errOut); window || status != 0 || !strings.HasPrefix(out.String(), "golive ") {
		t.Fatalf("version: window %v, status %d, printed %q", window, status, out.String())
	}
	if window, status := cli.Main([]string{"demo"}, &out, &errOut); window || status != 1 || !strings.Contains(errOut.String(), "golive: golive demo needs --data") {
		t.Fatalf("a failing command: window %v, status %d, stderr %q", window, status, errOut.String())
	}
}
