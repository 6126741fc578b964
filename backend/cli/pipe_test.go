package cli_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golive/backend/store"
)

// childArgs is the environment variable that makes the test binary run as
// the golive command (TestMain), with the arguments separated by US (0x1f).
const childArgs = "GOLIVE_CLI_TEST_CHILD"

// runChild starts the test binary as "golive args…" with its output into
// a pipe whose reader is already gone, as "golive … | head" leaves it.
func runChild(t *testing.T, args ...string) error {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	_ = r.Close() // the reader went away before the command wrote a line
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childArgs+"="+strings.Join(args, "\x1f"))
	cmd.Stdout = w
	err = cmd.Run()
	_ = w.Close()
	return err
}

// TestReaderGoneLeavesTheFolderClosed: a command whose output nobody
// reads any more ("golive demo … | head -1") is not killed between two
// writes of its data folder: the folder is closed cleanly, and the next
// command that only reads opens it (a folder left open would need a
// recovery only a writing open may do).
func TestReaderGoneLeavesTheFolderClosed(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	if err := runChild(t, "demo", "--data", dir); err != nil {
		t.Fatalf("golive demo into a closed pipe: %v", err)
	}
	st, err := store.OpenReadOnly(dir)
	if err != nil {
		t.Fatalf("after the reader went away the folder does not open read-only: %v", err)
	}
	defer st.Close()
	ids, err := st.DossierIDs()
	if err != nil || len(ids) == 0 {
		t.Fatalf("the sample portfolio is not all there: %d dossiers, %v", len(ids), err)
	}
}
