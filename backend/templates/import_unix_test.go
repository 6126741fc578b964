//go:build unix

package templates_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"golive/backend/apperr"
	"golive/backend/internal/testenv"
	"golive/backend/templates"
)

// Import used to check the size the file system reports and then read the
// whole file: a named pipe (size 0) could feed it any amount, and a valid
// template after megabytes of blanks went in. It now reads at most
// MaxImportBytes and one byte and refuses what is over.
func TestImportRefusesAFileOverTheLimitWhateverItsReportedSize(t *testing.T) {
	env := testenv.Open(t, "", "PMO \u738b", "pmo")
	reg := env.Templates
	tpl := reg.Current().Clone()
	tpl.Version = "9.9"
	body := mustJSON(t, tpl)
	before, _ := reg.List()

	pipe := filepath.Join(t.TempDir(), "template.json")
	if err := syscall.Mkfifo(pipe, 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	go func() {
		w, err := os.OpenFile(pipe, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		defer w.Close()
		// Blanks are allowed before a JSON value: only the size is wrong.
		_, _ = w.Write([]byte(strings.Repeat(" ", templates.MaxImportBytes)))
		_, _ = w.Write(body)
	}()
	_, err := reg.Import(pipe, "x", []string{"pmo"})
	var ae *apperr.Error
	if apperr.Code(err) != "template.too_large" || !errors.As(err, &ae) || ae.Params["max"] != "4 MiB" {
		t.Fatalf("err = %v, want template.too_large naming 4 MiB", err)
	}
	if after, _ := reg.List(); len(after) != len(before) {
		t.Fatalf("%d versions after a refused import, want %d", len(after), len(before))
	}

	t.Run("a regular file over the limit", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "big.json")
		if err := os.WriteFile(path, append([]byte(strings.Repeat(" ", templates.MaxImportBytes)), body...), 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := reg.Import(path, "x", []string{"pmo"}); apperr.Code(err) != "template.too_large" {
			t.Fatalf("err = %v", err)
		}
	})
}
