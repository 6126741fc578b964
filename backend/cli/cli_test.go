package cli_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golive/backend/cli"
	"golive/backend/core"
)

func run(args ...string) (string, error) {
	var out bytes.Buffer
	err := cli.Run(args, &out)
	return out.String(), err
}

func TestDemo(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "sample")
	out, err := run("demo", "--data", dir)
	if err != nil {
		t.Fatal(err)
	}
	var profiles, systems, dossiers, events int
	if _, err := fmt.Sscanf(out[strings.Index(out, ": ")+2:], "%d profiles, %d systems, %d dossiers, %d events", &profiles, &systems, &dossiers, &events); err != nil || systems < 12 || dossiers < 40 || events < dossiers {
		t.Fatalf("demo printed %q (%v)", out, err)
	}
	t.Run("RefusesNonEmptyFolder", func(t *testing.T) {
		_, err := run("demo", "--data", dir)
		if err == nil || !strings.Contains(err.Error(), "already holds data") {
			t.Fatalf("err = %v", err)
		}
		other := t.TempDir()
		if err := os.WriteFile(filepath.Join(other, "notes.txt"), []byte("mine"), 0o600); err != nil {
			t.Fatal(err)
		}
		_, err = run("demo", "--data", other)
		if err == nil || !strings.Contains(err.Error(), "not empty") {
			t.Fatalf("err = %v", err)
		}
		if entries, _ := os.ReadDir(other); len(entries) != 1 {
			t.Fatal("demo wrote into a folder that was not a GoLive store")
		}
	})
	t.Run("NeedsData", func(t *testing.T) {
		_, err := run("demo")
		if err == nil || !strings.Contains(err.Error(), "--data") {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("FolderOpenElsewhere", func(t *testing.T) {
		busy := t.TempDir()
		c, err := core.Open(busy)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		err = cli.Run([]string{"demo", "--data", busy}, &bytes.Buffer{})
		if err == nil || !strings.Contains(err.Error(), "already open") {
			t.Fatalf("err = %v, want the folder reported as already open", err)
		}
	})
	t.Run("UnknownCommand", func(t *testing.T) {
		if _, err := run("frobnicate"); err == nil || !strings.Contains(err.Error(), "unknown command") {
			t.Fatalf("err = %v", err)
		}
	})
}

func TestExplainAlreadyOpen(t *testing.T) {
	dir := t.TempDir()
	c, err := core.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	_, err = core.Open(dir)
	msg := cli.Explain(err).Error()
	if !strings.Contains(msg, "already open in another GoLive") || !strings.Contains(msg, dir) {
		t.Fatalf("message = %q", msg)
	}
}
