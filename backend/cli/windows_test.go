package cli_test

import (
	"bytes"
	"crypto/ed25519"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golive/backend/core"
	"golive/backend/ics"
	"golive/backend/profile"
	"golive/backend/window"
)

func lines(out string) []string { return strings.Split(strings.TrimRight(out, "\n"), "\n") }

// windowLines returns the lines that print a window (they start with a date).
func windowLines(out string) []string {
	var ws []string
	for _, l := range lines(out) {
		if len(l) > 10 && l[4] == '-' && l[7] == '-' && l[10] == ' ' {
			ws = append(ws, l)
		}
	}
	return ws
}

func find(t *testing.T, ls []string, prefix string) string {
	t.Helper()
	for _, l := range ls {
		if strings.HasPrefix(l, prefix) {
			return l
		}
	}
	t.Fatalf("no line starts with %q", prefix)
	return ""
}

func TestWindowsCommand(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name    string
		args    []string
		first   string
		second  string
		windows int
		want    map[string][]string // line prefix -> fragments it must hold
	}{
		{"generated 2027, all classes", []string{"windows", "--year", "2027", "--data", dir},
			"no published plan for 2027; showing the generated plan", "2027-01-14 Thu 19:00-23:00 java", 120,
			map[string][]string{
				"2027-02-11 Thu 19:00-23:00 java     cancelled":         {"2027-02-11-java", "2027-02-11 is a holiday (春节)", "no earlier working day"},
				"120 windows: 115 open, 0 moved, 5 cancelled, 0 frozen": nil,
				"freeze 2027-02-02 to 2027-02-13: 春节":                   nil,
			}},
		{"2026 java only, with the Spring Festival freeze", []string{"windows", "--year", "2026", "--class", "java", "--data", dir},
			"no published plan for 2026; showing the generated plan", "2026-01-08 Thu 19:00-23:00 java", 24,
			map[string][]string{
				"2026-02-12 Thu 19:00-23:00 java     frozen": {"2026-02-12-java", "3 working days before 春节 (2026-02-15 to 2026-02-23, 9 days off)"},
				"2026-02-26 Thu 19:00-23:00 java     open":   {"2026-02-26-java"},
			}},
		{"a year without holiday data says so", []string{"windows", "--year", "2031", "--class", "web", "--data", dir},
			"no published plan for 2031; showing the generated plan", "warning: no holiday data for 2031", 24, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, err := run(c.args...)
			if err != nil {
				t.Fatal(err)
			}
			ls := lines(out)
			if ls[0] != c.first || !strings.HasPrefix(ls[1], c.second) {
				t.Fatalf("output begins\n%s\n%s", ls[0], ls[1])
			}
			if n := len(windowLines(out)); n != c.windows {
				t.Fatalf("%d window lines, want %d", n, c.windows)
			}
			for prefix, frags := range c.want {
				l := find(t, ls, prefix)
				for _, f := range frags {
					if !strings.Contains(l, f) {
						t.Errorf("line %q lacks %q", l, f)
					}
				}
			}
		})
	}
}

func TestWindowsPublishedAndExport(t *testing.T) {
	dir := t.TempDir()
	c, err := core.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	priv := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{9}, ed25519.SeedSize))
	pub := priv.Public().(ed25519.PublicKey)
	c.Profiles.ActAs(profile.Summary{ID: profile.IDFor(pub), Identity: profile.Identity{PublicKey: hex.EncodeToString(pub), Name: "发布窗口管理岗", Roles: []string{"window_manager"}}}, priv)
	if _, err := c.Windows.Move(2027, "2027-03-11-java", "2027-03-10", "", "", "审计"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Windows.Publish(2027, "年度计划"); err != nil {
		t.Fatal(err)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}

	out, err := run("windows", "--year", "2027", "--class", "java", "--data", dir)
	if err != nil {
		t.Fatal(err)
	}
	ls := lines(out)
	if !strings.HasPrefix(ls[0], "published plan for 2027, version 1 (published ") {
		t.Fatalf("first line %q", ls[0])
	}
	moved := find(t, ls, "2027-03-10 Wed 19:00-23:00 java     moved")
	if !strings.Contains(moved, "2027-03-11-java") || !strings.Contains(moved, "moved by hand from 2027-03-11 to 2027-03-10 19:00-23:00: 审计") {
		t.Fatalf("moved line %q", moved)
	}

	file := filepath.Join(t.TempDir(), "plan-2027.ics")
	out, err = run("export", "plan", "--year", "2027", "--out", file, "--data", dir)
	if err != nil {
		t.Fatal(err)
	}
	if ls := lines(out); !strings.HasPrefix(ls[0], "published plan for 2027, version 1") || ls[len(ls)-1] != "wrote 120 windows and 2 freeze periods of the 2027 plan to "+file {
		t.Fatalf("output %q", out)
	}
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	cal, err := ics.Parse(bytes.NewReader(raw), time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	if len(cal.Events) != 122 {
		t.Fatalf("%d events", len(cal.Events))
	}
	for _, ev := range cal.Events {
		if ev.Props[window.PropWindow] != "2027-03-11-java" {
			continue
		}
		if ev.Start.Format("2006-01-02 15:04 MST") != "2027-03-10 19:00 CST" || ev.Start.Location().String() != "Asia/Shanghai" || ev.Sequence != 1 {
			t.Fatalf("moved window event starts %v (seq %d)", ev.Start, ev.Sequence)
		}
	}

	t.Run("generated plan export says so", func(t *testing.T) {
		f := filepath.Join(t.TempDir(), "p.ics")
		out, err := run("export", "plan", "--year", "2026", "--class", "web", "--out", f, "--data", dir)
		if err != nil || lines(out)[0] != "no published plan for 2026; showing the generated plan" || !strings.Contains(out, "wrote 24 windows and 2 freeze periods") {
			t.Fatalf("%q, %v", out, err)
		}
	})
}

func TestWindowsErrors(t *testing.T) {
	// An empty GoLive folder: the commands below only read it.
	dir := t.TempDir()
	c, err := core.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	c.Close()
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"unknown class", []string{"windows", "--year", "2027", "--class", "cobol", "--data", dir}, `unknown class "cobol"`},
		{"year out of range", []string{"windows", "--year", "1800", "--data", dir}, "year 1800 is outside"},
		{"export without --out", []string{"export", "plan", "--year", "2027", "--data", dir}, "needs --out"},
		{"export into a missing folder", []string{"export", "plan", "--year", "2027", "--data", dir, "--out", filepath.Join(dir, "no", "such", "p.ics")}, "cannot write"},
		{"bad flag", []string{"windows", "--yaer", "2027"}, "yaer"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := run(c.args...)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v, want %q", err, c.want)
			}
		})
	}
	t.Run("folder open elsewhere", func(t *testing.T) {
		busy := t.TempDir()
		c, err := core.Open(busy)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		if _, err := run("windows", "--year", "2027", "--data", busy); err == nil || !strings.Contains(err.Error(), "already open") {
			t.Fatalf("err = %v", err)
		}
	})
}
