package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"golive/backend/core"
	"golive/backend/demo"
	"golive/backend/documents"
	"golive/backend/dossier"
	"golive/backend/printable"
	"golive/backend/profile"
	"golive/backend/workflow"
)

// The read commands for scripts (list, show, inbox, stats) are tested on
// one sample portfolio, built once (sharedSample) and only ever read.

var shared struct {
	once sync.Once
	root string
	dir  string
	err  error
}

// sharedSample returns the folder of the sample portfolio the read
// commands' tests share; it is built on first use and removed by TestMain.
func sharedSample(t *testing.T) string {
	t.Helper()
	shared.once.Do(func() {
		shared.root, shared.err = os.MkdirTemp("", "golive-cli-read-")
		if shared.err != nil {
			return
		}
		shared.dir = filepath.Join(shared.root, "sample")
		_, shared.err = run("demo", "--data", shared.dir)
	})
	if shared.err != nil {
		t.Fatal(shared.err)
	}
	return shared.dir
}

// removeSharedSample removes the shared sample, if one was built.
func removeSharedSample() {
	if shared.root != "" {
		os.RemoveAll(shared.root)
	}
}

// reading opens dir read-only for the test's own look at it.
func reading(t *testing.T, dir string, look func(c *core.Core)) {
	t.Helper()
	c, err := core.OpenReadOnly(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	look(c)
}

// listed is one dossier of list --json, read into a map so that the test
// sees the field names a script sees.
type listed = map[string]any

func listJSON(t *testing.T, args ...string) []listed {
	t.Helper()
	out, err := run(append([]string{"list", "--json"}, args...)...)
	if err != nil {
		t.Fatalf("golive list --json %v: %v", args, err)
	}
	var got struct {
		Dossiers []listed `json:"dossiers"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("list --json printed %q: %v", out, err)
	}
	if got.Dossiers == nil {
		t.Fatalf("list --json printed no dossiers array: %s", out)
	}
	return got.Dossiers
}

func ids[T any](xs []T, id func(T) string) []string {
	out := []string{}
	for _, x := range xs {
		out = append(out, id(x))
	}
	return out
}

func listedID(d listed) string           { return d["id"].(string) }
func summaryID(d dossier.Summary) string { return d.ID }

// TestListCommand: list --json returns every dossier of the folder, in
// the service's order, with its id, title, system, stage and window;
// --stage and --system narrow as the service's filter does, --year and
// --window as the register selects (planned year; targeted window, or
// planned day); the table says the same in Chinese or English.
func TestListCommand(t *testing.T) {
	dir := sharedSample(t)
	var all, approval, crm []dossier.Summary
	reading(t, dir, func(c *core.Core) {
		var err error
		if all, err = c.Dossiers.List(dossier.Filter{}); err != nil {
			t.Fatal(err)
		}
		approval, _ = c.Dossiers.List(dossier.Filter{Stage: dossier.StageApproval})
		crm, _ = c.Dossiers.List(dossier.Filter{SystemCode: "CRM"})
	})
	if len(all) < 40 || len(approval) == 0 || len(crm) == 0 {
		t.Fatalf("sample: %d dossiers, %d in approval, %d of CRM", len(all), len(approval), len(crm))
	}

	got := listJSON(t, "--data", dir)
	if !slices.Equal(ids(got, listedID), ids(all, summaryID)) {
		t.Fatalf("list --json ids\n%v\nwant (dossier.Service.List)\n%v", ids(got, listedID), ids(all, summaryID))
	}
	for i, d := range got {
		s := all[i]
		want := map[string]string{"id": s.ID, "title": s.Title, "system": s.SystemCode, "system_name": s.SystemName,
			"stage": s.Stage, "phase": s.Phase, "window": s.Window, "window_state": s.WindowState}
		for k, v := range want {
			if d[k] != v {
				t.Errorf("%s: %s = %v, want %q", s.ID, k, d[k], v)
			}
		}
		if s.Title == "" || s.SystemCode == "" || s.Stage == "" || d["stage_name"] == "" {
			t.Errorf("%s lacks a title, system or stage: %v", s.ID, d)
		}
		if p, _ := d["planned_at"].(string); !s.PlannedAt.IsZero() {
			at, err := time.Parse(time.RFC3339, p)
			if err != nil || !at.Equal(s.PlannedAt) || !strings.HasSuffix(p, "+08:00") {
				t.Errorf("%s: planned_at %q, want %v in its zone (%v)", s.ID, p, s.PlannedAt, err)
			}
		}
	}

	t.Run("Filters", func(t *testing.T) {
		if g := listJSON(t, "--stage", "approval", "--data", dir); !slices.Equal(ids(g, listedID), ids(approval, summaryID)) {
			t.Errorf("--stage approval: %v, want %v", ids(g, listedID), ids(approval, summaryID))
		}
		if g := listJSON(t, "--system", "crm", "--data", dir); !slices.Equal(ids(g, listedID), ids(crm, summaryID)) {
			t.Errorf("--system crm: %v, want %v", ids(g, listedID), ids(crm, summaryID))
		}
		year := all[len(all)-1].PlannedAt.Year()
		var inYear []dossier.Summary
		byWindow := map[string][]dossier.Summary{}
		for _, s := range all {
			if !s.PlannedAt.IsZero() && s.PlannedAt.Year() == year {
				inYear = append(inYear, s)
			}
			if s.Window != "" {
				byWindow[s.Window] = append(byWindow[s.Window], s)
			}
		}
		if len(inYear) == 0 || len(inYear) == len(all) {
			t.Fatalf("the sample's year %d holds %d of %d dossiers: no test of --year", year, len(inYear), len(all))
		}
		if g := listJSON(t, "--year", strconv.Itoa(year), "--data", dir); !slices.Equal(ids(g, listedID), ids(inYear, summaryID)) {
			t.Errorf("--year %d: %v, want %v", year, ids(g, listedID), ids(inYear, summaryID))
		}
		var window string
		for w, ds := range byWindow {
			if len(ds) > len(byWindow[window]) || (len(ds) == len(byWindow[window]) && w < window) {
				window = w
			}
		}
		if g := listJSON(t, "--window", window, "--data", dir); !slices.Equal(ids(g, listedID), ids(byWindow[window], summaryID)) {
			t.Errorf("--window %s: %v, want %v", window, ids(g, listedID), ids(byWindow[window], summaryID))
		}
		// A day: the dossiers planned that day, with a window or not.
		day := window[:10]
		var onDay []dossier.Summary
		for _, s := range all {
			if s.Window == day || (!s.PlannedAt.IsZero() && s.PlannedAt.Format(time.DateOnly) == day) {
				onDay = append(onDay, s)
			}
		}
		if g := listJSON(t, "--window", day, "--data", dir); !slices.Equal(ids(g, listedID), ids(onDay, summaryID)) || len(onDay) < len(byWindow[window]) {
			t.Errorf("--window %s: %v, want %v", day, ids(g, listedID), ids(onDay, summaryID))
		}
		// Filters combine.
		var both []dossier.Summary
		for _, s := range approval {
			if !s.PlannedAt.IsZero() && s.PlannedAt.Year() == year {
				both = append(both, s)
			}
		}
		if g := listJSON(t, "--stage", "approval", "--year", strconv.Itoa(year), "--data", dir); !slices.Equal(ids(g, listedID), ids(both, summaryID)) {
			t.Errorf("--stage approval --year %d: %v, want %v", year, ids(g, listedID), ids(both, summaryID))
		}
	})

	t.Run("Table", func(t *testing.T) {
		out, err := run("list", "--stage", "approval", "--data", dir)
		if err != nil {
			t.Fatal(err)
		}
		ls := lines(out)
		if !strings.HasPrefix(ls[0], "编号") || !strings.Contains(ls[0], "发布窗口") || ls[len(ls)-1] != "共 "+strconv.Itoa(len(approval))+" 个发布档案" {
			t.Fatalf("the Chinese table:\n%s", out)
		}
		if len(ls) != len(approval)+2 || !strings.HasPrefix(ls[1], approval[0].ID+"  ") || !strings.Contains(ls[1], "审批") {
			t.Fatalf("the Chinese table's rows:\n%s", out)
		}
		out, err = run("list", "--stage", "approval", "--lang", "en", "--data", dir)
		if err != nil {
			t.Fatal(err)
		}
		ls = lines(out)
		if !strings.HasPrefix(ls[0], "ID ") || !strings.Contains(ls[0], "Window") || ls[len(ls)-1] != strconv.Itoa(len(approval))+" dossier(s)" || !strings.Contains(ls[1], "Approval") {
			t.Fatalf("the English table:\n%s", out)
		}
	})
}

// TestShowCommand: show --json of a dossier waiting in approval gives its
// state and stage, its tasks with the people of the roster they wait for
// (dossier.Service.WaitsFor), its deliverables with their newest version's
// SHA-256, every checklist item of the template and every event of its
// history; the text shows the same sections in the chosen language.
func TestShowCommand(t *testing.T) {
	dir := sharedSample(t)
	var v dossier.View
	var waiters []dossier.Waiter
	var checklist int
	reading(t, dir, func(c *core.Core) {
		list, err := c.Dossiers.List(dossier.Filter{Stage: dossier.StageApproval})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range list {
			if s.Phase == workflow.PhaseApproval && len(s.Tasks) > 1 {
				if v, err = c.Dossiers.Get(s.ID); err != nil {
					t.Fatal(err)
				}
				break
			}
		}
		if v.State.ID == "" {
			t.Fatal("no dossier waits in approval in the sample")
		}
		if waiters, err = c.Dossiers.WaitsFor(v.State.ID); err != nil {
			t.Fatal(err)
		}
		tpl, err := c.ResolveTemplate(v.State.Template)
		if err != nil {
			t.Fatal(err)
		}
		checklist = len(tpl.Checklist)
	})

	out, err := run("show", v.State.ID, "--json", "--data", dir)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		ID, Title, System, Stage, Phase string
		Rostered                        bool
		Tasks                           []struct {
			Kind, Step, Row, Role, Since string
			StepName                     string                          `json:"step_name"`
			WaitsFor                     []struct{ Person, Name string } `json:"waits_for"`
		}
		Deliverables []struct {
			Key, Name, Source, SHA256 string
			Version                   int
		}
		Checklist []struct{ Item, Status string }
		History   []struct {
			Event, Time, Kind string
			AuthorName        string `json:"author_name"`
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("show --json printed %q: %v", out, err)
	}
	st := v.State
	if got.ID != st.ID || got.Title != st.Title || got.System != st.SystemCode || got.Stage != st.Stage || got.Phase != st.Flow.Phase || !got.Rostered {
		t.Fatalf("show --json header: %+v", got)
	}
	if len(got.Tasks) != len(st.Tasks) {
		t.Fatalf("%d tasks, want %d", len(got.Tasks), len(st.Tasks))
	}
	for i, task := range st.Tasks {
		g := got.Tasks[i]
		if g.Kind != task.Kind || g.Step != task.Step || g.Row != task.Row || g.Role != task.Role || g.StepName == "" {
			t.Errorf("task %d: %+v, want %+v", i, g, task)
		}
		var want []string
		for _, w := range waiters {
			if w.Task.Step == task.Step && w.Task.Row == task.Row && w.Task.Kind == task.Kind {
				want = append(want, w.Person)
			}
		}
		var have []string
		for _, w := range g.WaitsFor {
			have = append(have, w.Person)
			if w.Name == "" {
				t.Errorf("task %d waits for %s without a name", i, w.Person)
			}
		}
		if len(want) == 0 || !slices.Equal(have, want) {
			t.Errorf("task %d waits for %v, want %v", i, have, want)
		}
	}
	attached := 0
	for key, vs := range st.Flow.Deliverables {
		if len(vs) == 0 {
			continue
		}
		attached++
		i := slices.IndexFunc(got.Deliverables, func(d struct {
			Key, Name, Source, SHA256 string
			Version                   int
		}) bool {
			return d.Key == key
		})
		if i < 0 {
			t.Errorf("deliverable %s is not shown", key)
			continue
		}
		last := vs[len(vs)-1]
		if d := got.Deliverables[i]; d.SHA256 != last.SHA256 || d.Version != last.No || d.Name == "" || d.Name == key ||
			(d.Source != "uploaded" && d.Source != "hash_only" && d.Source != "generated") || (last.HashOnly != (d.Source == "hash_only")) {
			t.Errorf("deliverable %s: %+v, want version %d %s", key, d, last.No, last.SHA256)
		}
	}
	if attached == 0 || len(got.Deliverables) != attached {
		t.Errorf("%d deliverables shown, %d attached", len(got.Deliverables), attached)
	}
	if len(got.Checklist) != checklist {
		t.Errorf("%d checklist items, the template has %d", len(got.Checklist), checklist)
	}
	if len(got.History) != len(v.History) {
		t.Fatalf("%d history events, want %d", len(got.History), len(v.History))
	}
	for i, h := range v.History {
		if g := got.History[i]; g.Event != h.Event || g.Kind != h.Kind || g.AuthorName == "" || g.Time != h.At.Format(time.RFC3339) {
			t.Errorf("event %d: %+v, want %s %s at %v", i, g, h.Event, h.Kind, h.At)
		}
	}

	for _, c := range []struct {
		lang     string
		sections []string
	}{
		{"zh-CN", []string{"发布档案 " + st.ID, "待办事项", "交付物", "准备清单", "历史记录", "等待 "}},
		{"en", []string{"Dossier " + st.ID, "Tasks", "Deliverables", "Checklist", "History", "waits for "}},
	} {
		out, err := run("show", v.State.ID, "--lang", c.lang, "--data", dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range c.sections {
			if !strings.Contains(out, s) {
				t.Errorf("show --lang %s lacks %q:\n%s", c.lang, s, out)
			}
		}
	}
}

// TestInboxCommand: inbox --profile P --json lists what the app's inbox
// (dossier.Service.Inbox, with P unlocked) lists for P, in the same
// order, without P's passphrase; P is an id or a name; a folder with one
// profile needs no --profile.
func TestInboxCommand(t *testing.T) {
	dir := sharedSample(t)
	// The app's inbox, computed on a copy (unlocking writes nothing the
	// test cares about, but the shared folder stays untouched).
	cp := copyFolder(t, dir)
	c, err := core.Open(cp)
	if err != nil {
		t.Fatal(err)
	}
	profiles, err := c.Profiles.List()
	if err != nil {
		t.Fatal(err)
	}
	type item struct{ Dossier, Kind, Step, Row, Since string }
	want := map[string][]item{}
	byName := map[string]profile.Summary{}
	for _, p := range profiles {
		byName[p.Name] = p
	}
	chosen := []string{"郭鹏", "张伟", "王芳", "马超"}
	for _, name := range chosen {
		p, ok := byName[name]
		if !ok {
			t.Fatalf("no sample profile %s", name)
		}
		if _, err := c.Unlock(p.ID, demo.SamplePassphrase); err != nil {
			t.Fatal(err)
		}
		items, err := c.Dossiers.Inbox()
		if err != nil {
			t.Fatal(err)
		}
		want[name] = []item{}
		for _, it := range items {
			want[name] = append(want[name], item{it.Dossier, it.Kind, it.Step, it.Row, it.Since.Format(time.RFC3339)})
		}
	}
	c.Close()
	total := 0
	for _, name := range chosen {
		p := byName[name]
		for _, who := range []string{p.ID, p.Name} {
			t.Setenv("GOLIVE_PASSPHRASE", "")
			out, err := run("inbox", "--profile", who, "--json", "--data", dir)
			if err != nil {
				t.Fatal(err)
			}
			var got struct {
				Profile struct {
					ID, Name string
					Roles    []string
				}
				Items []item
			}
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatalf("inbox --json printed %q: %v", out, err)
			}
			if got.Profile.ID != p.ID || got.Profile.Name != name || got.Items == nil || got.Profile.Roles == nil {
				t.Fatalf("inbox --profile %s: %+v", who, got)
			}
			if !slices.Equal(got.Items, want[name]) {
				t.Errorf("inbox --profile %s:\n%v\nwant (the app's inbox)\n%v", who, got.Items, want[name])
			}
		}
		total += len(want[name])
	}
	if total == 0 {
		t.Fatal("no sample profile has anything waiting: the test compares nothing")
	}

	t.Run("Table", func(t *testing.T) {
		out, err := run("inbox", "--profile", "郭鹏", "--data", dir)
		if err != nil || !strings.HasPrefix(out, "郭鹏（") || !strings.Contains(out, "共 "+strconv.Itoa(len(want["郭鹏"]))+" 项") {
			t.Fatalf("inbox table: %v\n%s", err, out)
		}
		out, err = run("inbox", "--profile", "郭鹏", "--lang", "en", "--data", dir)
		if err != nil || !strings.HasPrefix(out, "What waits for 郭鹏 (") || !strings.Contains(out, "Waiting since") {
			t.Fatalf("inbox table in English: %v\n%s", err, out)
		}
	})
	t.Run("TheOnlyProfile", func(t *testing.T) {
		one, p := profileFolder(t)
		out, err := run("inbox", "--json", "--data", one)
		if err != nil || !strings.Contains(out, `"id": "`+p.ID+`"`) || !strings.Contains(out, `"items": []`) {
			t.Fatalf("inbox of the only profile: %v\n%s", err, out)
		}
	})
}

// TestStatsCommand: stats --year Y --json holds the numbers
// printable.BuildStats computes from the year's register, bucket by
// bucket, under the CLI's own field names.
func TestStatsCommand(t *testing.T) {
	dir := sharedSample(t)
	var want printable.Stats
	reading(t, dir, func(c *core.Core) {
		reg, err := c.Documents().RegisterContent(documents.RegisterFilter{Year: 2026})
		if err != nil {
			t.Fatal(err)
		}
		want = printable.BuildStats(reg)
	})
	if want.Total.Dossiers == 0 || len(want.ByMonth) == 0 {
		t.Fatalf("the sample's 2026 statistics are empty: %+v", want.Total)
	}
	out, err := run("stats", "--year", "2026", "--json", "--data", dir)
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		Key               string             `json:"key"`
		Label             string             `json:"label"`
		Dossiers          int                `json:"dossiers"`
		Released          int                `json:"released"`
		Emergency         int                `json:"emergency"`
		EmergencyShare    float64            `json:"emergency_share"`
		Postponed         int                `json:"postponed"`
		PostponementRate  float64            `json:"postponement_rate"`
		Confirmations     int                `json:"confirmations"`
		Failures          int                `json:"failures"`
		ChangeFailureRate float64            `json:"change_failure_rate"`
		LeadTimeDays      float64            `json:"lead_time_days"`
		LeadSamples       int                `json:"lead_samples"`
		StepHours         map[string]float64 `json:"step_hours"`
		DossierIDs        []string           `json:"dossier_ids"`
	}
	var got struct {
		Year       int `json:"year"`
		StepGroups []struct {
			Key   string `json:"key"`
			Label string `json:"label"`
		} `json:"step_groups"`
		Total        row   `json:"total"`
		ByMonth      []row `json:"by_month"`
		ByWindow     []row `json:"by_window"`
		BySystem     []row `json:"by_system"`
		ByClass      []row `json:"by_class"`
		ByDepartment []row `json:"by_department"`
		Dossiers     []struct {
			ID       string `json:"id"`
			System   string `json:"system"`
			Released bool   `json:"released"`
		} `json:"dossiers"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("stats --json printed %q: %v", out, err)
	}
	same := func(what string, g row, w printable.StatsRow) {
		t.Helper()
		if g.Key != w.Key || g.Label != w.Label || g.Dossiers != w.Dossiers || g.Released != w.Released || g.Emergency != w.Emergency ||
			g.EmergencyShare != w.EmergencyShare || g.Postponed != w.Postponed || g.PostponementRate != w.PostponementRate ||
			g.Confirmations != w.Confirmations || g.Failures != w.Failures || g.ChangeFailureRate != w.ChangeFailureRate ||
			g.LeadTimeDays != w.LeadTimeDays || g.LeadSamples != w.LeadSamples || len(g.StepHours) != len(w.StepHours) ||
			!slices.Equal(g.DossierIDs, w.IDs) || g.DossierIDs == nil || g.StepHours == nil {
			t.Errorf("%s: %+v\nwant %+v", what, g, w)
		}
		for k, h := range w.StepHours {
			if g.StepHours[k] != h {
				t.Errorf("%s: step_hours[%s] = %v, want %v", what, k, g.StepHours[k], h)
			}
		}
	}
	if got.Year != 2026 || len(got.StepGroups) != len(want.Groups) {
		t.Fatalf("stats header: year %d, %d groups, want %d", got.Year, len(got.StepGroups), len(want.Groups))
	}
	same("total", got.Total, want.Total)
	if len(got.Dossiers) != len(want.Dossiers) || len(got.Dossiers) != want.Total.Dossiers {
		t.Errorf("%d dossiers listed, want %d", len(got.Dossiers), len(want.Dossiers))
	}
	for i, d := range want.Dossiers {
		if i < len(got.Dossiers) && (got.Dossiers[i].ID != d.ID || got.Dossiers[i].System != d.SystemCode || got.Dossiers[i].Released != d.Released) {
			t.Errorf("dossier %d: %+v, want %+v", i, got.Dossiers[i], d)
		}
	}
	for _, b := range []struct {
		name string
		got  []row
		want []printable.StatsRow
	}{{"by_month", got.ByMonth, want.ByMonth}, {"by_window", got.ByWindow, want.ByWindow}, {"by_system", got.BySystem, want.BySystem},
		{"by_class", got.ByClass, want.ByClass}, {"by_department", got.ByDepartment, want.ByDepartment}} {
		if len(b.got) != len(b.want) || b.got == nil {
			t.Errorf("%s: %d rows, want %d", b.name, len(b.got), len(b.want))
			continue
		}
		for i := range b.want {
			same(b.name+" "+b.want[i].Key, b.got[i], b.want[i])
		}
	}

	for lang, heads := range map[string][]string{"zh-CN": {"2026 年发布统计", "合计", "按月份", "按系统", "发布档案数"}, "en": {"Release statistics 2026", "Total", "By month", "By system", "Dossiers"}} {
		out, err := run("stats", "--year", "2026", "--lang", lang, "--data", dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range heads {
			if !strings.Contains(out, h) {
				t.Errorf("stats --lang %s lacks %q:\n%s", lang, h, out)
			}
		}
	}
}

// TestReadCommandsExitStatus: a command line the read commands cannot
// run as given exits 2 with a message in the chosen language (Chinese by
// default) naming what is wrong and, for a value out of a set, the valid
// values; a dossier or profile that is not there, or a folder that is not
// a GoLive folder, exits 1.
func TestReadCommandsExitStatus(t *testing.T) {
	dir := sharedSample(t)
	missing := filepath.Join(t.TempDir(), "none")
	for _, c := range []struct {
		args   []string
		status int
		says   []string
	}{
		{[]string{"list", "--year", "abc"}, 2, []string{"年份「abc」无效"}},
		{[]string{"list", "--year", "abc", "--lang", "en"}, 2, []string{"Year “abc” is not valid"}},
		{[]string{"list", "--stage", "bogus"}, 2, []string{"未知的阶段「bogus」", "planning (规划)", "archive (归档)"}},
		{[]string{"list", "--stage", "bogus", "--lang", "en"}, 2, []string{"Unknown stage “bogus”", "planning (Planning)"}},
		{[]string{"list", "--system", "NOSUCH"}, 2, []string{"没有应用系统「NOSUCH」", "CRM"}},
		{[]string{"list", "--window", "next-thursday"}, 2, []string{"发布窗口「next-thursday」无效"}},
		{[]string{"list", "--frobnicate"}, 2, []string{"命令行参数有误", "frobnicate"}},
		{[]string{"list", "--lang", "fr"}, 2, []string{"不支持的语言「fr」"}},
		{[]string{"list", "extra"}, 2, []string{"多余的参数：extra"}},
		{[]string{"show"}, 2, []string{"请给出发布档案编号"}},
		{[]string{"show", "R26NOSUCH", "--lang", "en"}, 1, []string{"Release dossier R26NOSUCH not found"}},
		{[]string{"show", "R26NOSUCH"}, 1, []string{"找不到发布档案 R26NOSUCH"}},
		{[]string{"stats"}, 2, []string{"请用 --year 给出年份"}},
		{[]string{"inbox"}, 2, []string{"有多个身份", "郭鹏"}},
		{[]string{"inbox", "--profile", "nobody"}, 1, []string{"没有身份「nobody」", "郭鹏"}},
	} {
		_, errOut, status := golive(t, append(c.args, "--data", dir)...)
		if status != c.status {
			t.Errorf("golive %v: exit %d, want %d (stderr %q)", c.args, status, c.status, errOut)
		}
		for _, s := range c.says {
			if !strings.Contains(errOut, s) {
				t.Errorf("golive %v: stderr %q lacks %q", c.args, errOut, s)
			}
		}
	}
	_, errOut, status := golive(t, "list", "--data", missing)
	if status != 1 || !strings.Contains(errOut, missing+" 不是 GoLive 数据文件夹") {
		t.Errorf("list of a missing folder: exit %d, stderr %q", status, errOut)
	}
	if _, err := os.Stat(missing); !os.IsNotExist(err) {
		t.Errorf("list created %s (%v)", missing, err)
	}
	if out, errOut, status := golive(t, "list", "--json", "--data", dir); status != 0 || !strings.HasPrefix(out, "{\n  \"dossiers\": [") {
		t.Errorf("list --json: exit %d, stderr %q", status, errOut)
	}
}
