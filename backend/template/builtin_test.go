package template_test

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"

	"golive/backend/template"
)

// shipped holds the SHA-256 of every built-in template file by key. A
// dossier pins a template by key, so a built-in version must never change
// once shipped: a change to default.json takes a new version (and a
// revision entry), and the file of the version it replaces moves to
// earlier/ unchanged, where template.Earlier serves it.
var shipped = map[string]string{
	"golive.release@2.4":   "14b946f8acaeaf23f2e6fece1207b95b58f7523e69ee522c877ec23ed8c3077c",
	"golive.release@2.4.1": "e38d34a5811d3b5c881107943a83ccb905148db0699846d65c4345f4ababef8e",
	"golive.release@2.4.2": "1ee25a1a74a3ef7900e517d4991b7b97f7317283f928aaa81e712ba8c8242967",
	"golive.release@2.4.3": "b6ceea6980622a40a8cfadc6777c14e60aeb5787006e910c2b6b0488683043c2",
}

func sum(t *testing.T, path string) string {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.Sum256(raw)
	return hex.EncodeToString(h[:])
}

func TestBuiltinVersionsNeverChange(t *testing.T) {
	def := template.MustDefault()
	if got, want := sum(t, "default.json"), shipped[def.Key()]; got != want {
		t.Fatalf("default.json changed under the shipped key %s (sha256 %s): give it a new version, keep the shipped file in earlier/ and record both here", def.Key(), got)
	}
	earlier, err := template.Earlier()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range earlier {
		path := filepath.Join("earlier", e.Key()+".json")
		if got, want := sum(t, path), shipped[e.Key()]; got != want {
			t.Errorf("%s changed (sha256 %s, shipped %s)", path, got, want)
		}
	}
	if len(earlier)+1 != len(shipped) {
		t.Errorf("%d built-in versions embedded, %d shipped: a shipped version was dropped", len(earlier)+1, len(shipped))
	}
}
