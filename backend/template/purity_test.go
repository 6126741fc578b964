package template_test

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestImportsStayPure: the template is data plus its validation. Nothing
// it imports, directly or through other GoLive packages, may reach the
// store or a module outside the standard library (Badger above all), so
// the template can be read, validated and edited anywhere.
func TestImportsStayPure(t *testing.T) {
	root, module := moduleRoot(t)
	const forbidden = "/backend/store"
	seen := map[string]bool{}
	var walk func(pkg string, chain []string)
	walk = func(pkg string, chain []string) {
		if seen[pkg] {
			return
		}
		seen[pkg] = true
		chain = append(chain, pkg)
		dir := filepath.Join(root, filepath.FromSlash(strings.TrimPrefix(pkg, module+"/")))
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no Go files for %s in %s (%v)", pkg, dir, err)
		}
		for _, file := range files {
			if strings.HasSuffix(file, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(token.NewFileSet(), file, nil, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range f.Imports {
				path, _ := strconv.Unquote(imp.Path.Value)
				switch {
				case path == module+forbidden:
					t.Errorf("template reaches the store: %s -> %s", strings.Join(chain, " -> "), path)
				case strings.HasPrefix(path, module+"/"):
					walk(path, chain)
				case strings.Contains(strings.Split(path, "/")[0], "."):
					t.Errorf("template reaches a module outside the standard library: %s -> %s", strings.Join(chain, " -> "), path)
				}
			}
		}
	}
	walk(module+"/backend/template", nil)
}

// moduleRoot returns the directory holding go.mod and the module's path.
func moduleRoot(t *testing.T) (dir, module string) {
	t.Helper()
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for {
		raw, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil {
			for _, line := range strings.Split(string(raw), "\n") {
				if rest, ok := strings.CutPrefix(strings.TrimSpace(line), "module "); ok {
					return dir, strings.TrimSpace(rest)
				}
			}
			t.Fatal("go.mod names no module")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's directory")
		}
		dir = parent
	}
}
