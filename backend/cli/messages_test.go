package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// catalogue reads the messages of a frontend i18n file (a TypeScript
// object literal, one key a line) into "const.path.to.key" -> text.
// Spreads and values not on their key's line are skipped.
func catalogue(t *testing.T, name string) map[string]string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "..", "frontend", "src", "i18n", name))
	if err != nil {
		t.Fatal(err)
	}
	var (
		open  = regexp.MustCompile(`^\s*(?:export\s+)?const\s+(\w+)(?::\s*\w+)?\s*=\s*\{\s*$`)
		inner = regexp.MustCompile(`^\s*(\w+|'[^']+'):\s*\{\s*$`)
		close = regexp.MustCompile(`^\s*\},?\s*$`)
		leaf  = regexp.MustCompile(`^\s*(\w+):\s*'((?:[^'\\]|\\.)*)',?\s*$`)
	)
	out := map[string]string{}
	var path []string
	for _, line := range strings.Split(string(raw), "\n") {
		switch {
		case open.MatchString(line):
			path = []string{open.FindStringSubmatch(line)[1]}
		case inner.MatchString(line) && len(path) > 0:
			path = append(path, strings.Trim(inner.FindStringSubmatch(line)[1], "'"))
		case close.MatchString(line) && len(path) > 0:
			path = path[:len(path)-1]
		case leaf.MatchString(line) && len(path) > 0:
			m := leaf.FindStringSubmatch(line)
			text := strings.NewReplacer(`\'`, `'`, `\\`, `\`).Replace(m[2])
			out[strings.Join(append(append([]string{}, path...), m[1]), ".")] = text
		}
	}
	return out
}

// TestCLIMessagesMatchTheFrontend: the texts of the read commands' error
// codes and task kinds are the frontend catalogue's, word for word, in
// both languages, so the terminal and the window say the same thing: a
// code of the CLI's own (cli.*) in cli.zh-CN.ts / cli.en.ts (merged into
// the catalogue as errors.cli), any other under errors.<code>, a task
// kind under inbox.kinds. Every cli.* code the package raises has a text.
func TestCLIMessagesMatchTheFrontend(t *testing.T) {
	zh, en := catalogue(t, "zh-CN.ts"), catalogue(t, "en.ts")
	cliZh, cliEn := catalogue(t, "cli.zh-CN.ts"), catalogue(t, "cli.en.ts")
	if len(zh) < 500 || len(en) < 500 || len(cliZh) == 0 {
		t.Fatalf("the catalogues were not read: %d, %d, %d messages", len(zh), len(en), len(cliZh))
	}
	for _, f := range []string{"zh-CN.ts", "en.ts"} {
		raw, _ := os.ReadFile(filepath.Join("..", "..", "frontend", "src", "i18n", f))
		if !strings.Contains(string(raw), "\n    cli: cliErrors,\n") {
			t.Errorf("%s does not merge cliErrors as errors.cli", f)
		}
	}
	check := func(what string, got map[string]string, key, text string) {
		t.Helper()
		if have, ok := got[key]; !ok {
			t.Errorf("%s: the frontend has no %s", what, key)
		} else if have != text {
			t.Errorf("%s: %s is\n  %q in the frontend,\n  %q in backend/cli", what, key, have, text)
		}
	}
	for code, text := range errorTexts {
		ns, key, _ := strings.Cut(code, ".")
		if ns == "cli" {
			check(code, cliZh, "cliErrors."+key, text.Zh)
			check(code, cliEn, "cliErrors."+key, text.En)
			continue
		}
		if ns == "meeting" || ns == "review" {
			// The meeting's codes live in meeting.*.ts (merged as
			// errors.meeting and errors.review).
			check(code, catalogue(t, "meeting.zh-CN.ts"), ns+"Errors."+key, text.Zh)
			check(code, catalogue(t, "meeting.en.ts"), ns+"Errors."+key, text.En)
			continue
		}
		check(code, zh, "zhCN.errors."+code, text.Zh)
		check(code, en, "en.errors."+code, text.En)
	}
	for k := range cliZh {
		if _, ok := errorTexts["cli."+strings.TrimPrefix(k, "cliErrors.")]; !ok {
			t.Errorf("cli.zh-CN.ts has %s, which backend/cli does not know", k)
		}
	}
	// Every cli.* code this package raises has its text.
	sources, _ := filepath.Glob("*.go")
	raised := regexp.MustCompile(`apperr\.(?:New|Wrap)\([^"()]*"(cli\.[a-z_]+)"`)
	found := 0
	for _, f := range sources {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range raised.FindAllStringSubmatch(string(raw), -1) {
			found++
			if _, ok := errorTexts[m[1]]; !ok {
				t.Errorf("%s raises %s, which has no text in errorTexts (lang.go) nor in cli.zh-CN.ts", f, m[1])
			}
		}
	}
	if found < 10 {
		t.Errorf("found %d cli.* codes raised in the package's sources", found)
	}
	for kind, text := range taskKinds {
		check("task "+kind, zh, "zhCN.inbox.kinds."+kind, text.Zh)
		check("task "+kind, en, "en.inbox.kinds."+kind, text.En)
	}
}
