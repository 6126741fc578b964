package documents_test

import (
	"bytes"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"golive/backend/core"
	"golive/backend/demo"
	"golive/backend/dossier"
	"golive/backend/internal/testenv"
	"golive/backend/pdfsig"
	"golive/backend/workflow"
)

// sample is one sample portfolio shared by the tests of this package.
var (
	sampleOnce sync.Once
	sampleCore *core.Core
	sampleErr  error
	sampleDir  string
)

// clock is the reference time of the shared sample: fixed, so that
// every run builds the same portfolio.
var clock = time.Date(2026, 11, 26, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))

func TestMain(m *testing.M) {
	if job := os.Getenv("GOLIVE_BENCH_CHILD"); job != "" {
		benchChild(job, os.Getenv("GOLIVE_BENCH_INPUT"))
		return
	}
	code := m.Run()
	if sampleCore != nil {
		_ = sampleCore.Close()
	}
	if sampleDir != "" {
		_ = os.RemoveAll(sampleDir)
	}
	os.Exit(code)
}

// openSample builds the sample portfolio (once) with core.Open and
// LoadSample, as `golive demo` does.
func openSample(t testing.TB) *core.Core {
	t.Helper()
	sampleOnce.Do(func() {
		sampleDir, sampleErr = os.MkdirTemp("", "golive-documents-test-")
		if sampleErr != nil {
			return
		}
		sampleCore, sampleErr = loadSample(sampleDir)
	})
	if sampleErr != nil {
		t.Fatal(sampleErr)
	}
	return sampleCore
}

func loadSample(dir string) (*core.Core, error) {
	c, err := core.Open(dir)
	if err != nil {
		return nil, err
	}
	c.Clock = func() time.Time { return clock }
	if _, err := c.LoadSample(); err != nil {
		c.Close()
		return nil, err
	}
	return c, nil
}

// signer opens the folder's default profile, a sample profile.
func signer(t testing.TB, c *core.Core) *pdfsig.Signer {
	t.Helper()
	list, err := c.Profiles.List()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range list {
		if p.Default {
			s, err := pdfsig.Open(c.Profiles, p.ID, demo.SamplePassphrase, "远东宏信有限公司", clock)
			if err != nil {
				t.Fatal(err)
			}
			return s
		}
	}
	t.Fatal("no default profile")
	return nil
}

// find returns the first sample dossier for which ok holds.
func find(t testing.TB, c *core.Core, what string, ok func(v dossier.View) bool) dossier.View {
	t.Helper()
	list, err := c.Dossiers.List(dossier.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range list {
		v, err := c.Dossiers.Get(s.ID)
		if err != nil {
			t.Fatal(err)
		}
		if ok(v) {
			return v
		}
	}
	t.Fatalf("the sample has no %s dossier", what)
	return dossier.View{}
}

func phase(p string) func(v dossier.View) bool {
	return func(v dossier.View) bool { return v.State.Flow != nil && v.State.Flow.Phase == p }
}

func archivedNewSystem(v dossier.View) bool {
	return v.State.Type == "new_system" && v.State.Flow != nil && v.State.Flow.Phase == workflow.PhaseArchived
}

// tool runs a command-line tool and returns its output; a missing tool
// fails the test with what to install.
func tool(t testing.TB, name string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		pkg := "poppler-utils"
		if name == "soffice" {
			pkg = "libreoffice-calc"
		}
		t.Fatalf("%s is not installed: apt-get install -y %s (make test installs it)", name, pkg)
	}
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil && name != "pdfsig" { // pdfsig exits non-zero for a bad signature
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// writeTemp writes b into the test's temporary folder.
func writeTemp(t testing.TB, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// inkShare renders page 1 of the PDF at 30 dpi and returns the share of
// pixels that are not near white.
func inkShare(t testing.TB, pdfPath string) float64 {
	t.Helper()
	prefix := filepath.Join(t.TempDir(), "page")
	tool(t, "pdftoppm", "-png", "-r", "30", "-f", "1", "-l", "1", "-singlefile", pdfPath, prefix)
	b, err := os.ReadFile(prefix + ".png")
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	bounds := img.Bounds()
	ink, all := 0, 0
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if (r+g+bl)/3 < 0xD800 {
				ink++
			}
			all++
		}
	}
	return float64(ink) / float64(all)
}

// flip changes one byte in the middle of the document's first content
// stream: inside the signed range, outside any structure a reader needs.
func flip(t testing.TB, doc []byte) []byte {
	t.Helper()
	i := bytes.Index(doc, []byte("stream\n"))
	if i < 0 {
		t.Fatal("no stream in the document")
	}
	bad := bytes.Clone(doc)
	bad[i+len("stream\n")+10] ^= 0x20
	return bad
}

// submittedDossier opens a folder with the systems ESB and code (which
// depends on ESB), creates a dossier of code with fields as role, gives
// everything it asks for and submits it. It returns the folder, its
// driver and the dossier id; name and roles are the folder's profile
// (testenv.Open).
func submittedDossier(t *testing.T, role, code string, fields dossier.Fields, name string, roles ...string) (*testenv.Env, *demo.Driver, string) {
	t.Helper()
	env := testenv.Open(t, "", name, roles...)
	env.AddSystem(t, "ESB")
	env.AddSystem(t, code, "ESB")
	d := env.Driver(t)
	mustDo(t, d.As(role))
	v, err := env.Dossiers.Create(dossier.CreateRequest{SystemCode: code, Fields: fields})
	mustDo(t, err)
	id := v.State.ID
	mustDo(t, d.Prepare(id, false))
	mustDo(t, d.Submit(id))
	return env, d, id
}

// testSigner opens the signer of env's profile.
func testSigner(t *testing.T, env *testenv.Env) *pdfsig.Signer {
	t.Helper()
	s, err := pdfsig.Open(env.Profiles, env.Profile.ID, "passphrase-123", "GoLive tests", env.Clock.T)
	mustDo(t, err)
	return s
}

// mustDo fails the test on err.
func mustDo(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
