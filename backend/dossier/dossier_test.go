package dossier_test

import (
	"errors"
	"math/rand/v2"
	"testing"
	"time"

	"golive/backend/apperr"
	"golive/backend/dossier"
	"golive/backend/internal/testenv"
	"golive/backend/ledger"
)

func ptr[T any](v T) *T { return &v }

func upgradeRequest(code string) dossier.CreateRequest {
	return dossier.CreateRequest{SystemCode: code, Fields: dossier.Fields{
		Title: ptr("CRM 十二月需求发布"), Type: ptr("upgrade"), Subtype: ptr("cr"), Mode: ptr("planned"),
		Version: ptr("3.2.0"), PlannedAt: ptr("2026-12-10T19:00"), Window: ptr("2026-12-10-java"), ProjectManager: ptr("张伟"), SystemOwner: ptr("李娜"),
		Entity: ptr("远东宏信有限公司"), ReleaseMethod: ptr("停机全量部署，验证通过后开放访问"),
		Content: &[]dossier.ContentItem{{Kind: "cr", Ref: "CR-2026-118", Title: "客户360视图"}, {Kind: "bug", Ref: "BUG-2611-007", Title: "导出乱码"}},
	}}
}

func newDossier(t *testing.T, env *testenv.Env) dossier.View {
	t.Helper()
	v, err := env.Dossiers.Create(upgradeRequest("CRM"))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func code(t *testing.T, err error, want string) {
	t.Helper()
	if apperr.Code(err) != want {
		t.Fatalf("error code = %q (%v), want %q", apperr.Code(err), err, want)
	}
}

func TestCreate(t *testing.T) {
	env := testenv.Open(t, "", "张伟")
	env.AddSystem(t, "CRM")
	v := newDossier(t, env)
	st := v.State
	if st.Stage != dossier.StagePlanning || st.Title != "CRM 十二月需求发布" || st.Template != "golive.release@2.4.3" || len(st.Content) != 2 {
		t.Fatalf("state = %+v", st)
	}
	if got := st.PlannedAt.Format("2006-01-02 15:04 MST"); got != "2026-12-10 19:00 CST" || st.PlannedAt.Location().String() != "Asia/Shanghai" {
		t.Fatalf("planned at %s in %s, want 19:00 Asia/Shanghai", got, st.PlannedAt.Location())
	}
	if len(v.History) != 1 || v.History[0].AuthorName != "张伟" || v.History[0].Fingerprint != env.Profile.Fingerprint {
		t.Fatalf("history = %+v", v.History)
	}
	bad := []struct {
		name string
		mod  func(*dossier.CreateRequest)
		code string
	}{
		{"UnknownSystem", func(r *dossier.CreateRequest) { r.SystemCode = "NOPE" }, "system.not_found"},
		{"NoTitle", func(r *dossier.CreateRequest) { r.Title = ptr("  ") }, "dossier.title_required"},
		{"BadType", func(r *dossier.CreateRequest) { r.Type = ptr("patch") }, "dossier.bad_type"},
		{"UpgradeWithoutSubtype", func(r *dossier.CreateRequest) { r.Subtype = ptr("") }, "dossier.bad_subtype"},
		{"NewSystemWithSubtype", func(r *dossier.CreateRequest) { r.Type = ptr("new_system") }, "dossier.bad_subtype"},
		{"BadMode", func(r *dossier.CreateRequest) { r.Mode = ptr("urgent") }, "dossier.bad_mode"},
		{"ImpossibleDate", func(r *dossier.CreateRequest) { r.PlannedAt = ptr("2026-02-30T19:00") }, "dossier.bad_time"},
		{"NoVersion", func(r *dossier.CreateRequest) { r.Version = nil }, "dossier.version_required"},
		{"ContentWithoutRef", func(r *dossier.CreateRequest) {
			r.Content = &[]dossier.ContentItem{{Kind: "cr", Title: "x"}}
		}, "dossier.bad_content"},
		{"DuplicateContent", func(r *dossier.CreateRequest) {
			r.Content = &[]dossier.ContentItem{{Kind: "cr", Ref: "A", Title: "x"}, {Kind: "bug", Ref: "A", Title: "y"}}
		}, "dossier.bad_content"},
	}
	for _, b := range bad {
		t.Run(b.name, func(t *testing.T) {
			before, _ := env.Dossiers.List(dossier.Filter{})
			r := upgradeRequest("CRM")
			b.mod(&r)
			_, err := env.Dossiers.Create(r)
			code(t, err, b.code)
			after, _ := env.Dossiers.List(dossier.Filter{})
			if len(after) != len(before) {
				t.Fatal("a refused create stored a dossier")
			}
		})
	}
	t.Run("LockedProfileCannotSign", func(t *testing.T) {
		env.Profiles.Lock()
		defer env.Profiles.Unlock(env.Profile.ID, "passphrase-123")
		_, err := env.Dossiers.Create(upgradeRequest("CRM"))
		code(t, err, "profile.locked")
	})
}

func TestEditChecklistAndStages(t *testing.T) {
	env := testenv.Open(t, "", "张伟")
	env.AddSystem(t, "CRM")
	id := newDossier(t, env).State.ID

	v, err := env.Dossiers.Update(id, dossier.Fields{Version: ptr("3.2.1"), Title: ptr("CRM 十二月需求发布")})
	if err != nil || v.State.Version != "3.2.1" {
		t.Fatalf("update: %v %v", v.State.Version, err)
	}
	if p := v.History[len(v.History)-1].Params["fields"]; p != "version" {
		t.Fatalf("update recorded fields %q, want only the changed one", p)
	}
	_, err = env.Dossiers.Update(id, dossier.Fields{Version: ptr("3.2.1")})
	code(t, err, "dossier.nothing_changed")
	v, err = env.Dossiers.Update(id, dossier.Fields{Subtype: ptr("bugfix")})
	if err != nil || v.State.Subtype != "bugfix" {
		t.Fatalf("subtype-only patch: %v %v", v.State.Subtype, err)
	}

	_, err = env.Dossiers.SetChecklist(id, "pre.nope", dossier.StatusDone, "")
	code(t, err, "dossier.unknown_item")
	_, err = env.Dossiers.SetChecklist(id, "pre.review_meeting", "finished", "")
	code(t, err, "dossier.bad_status")
	_, err = env.Dossiers.SetChecklist(id, "pre.training", dossier.StatusNotApplicable, "")
	code(t, err, "dossier.reason_required")

	v, err = env.Dossiers.SetChecklist(id, "pre.review_meeting", dossier.StatusDone, "评审会纪要 2026-11-20")
	if err != nil {
		t.Fatal(err)
	}
	entry := v.State.Checklist["pre.review_meeting"]
	if entry.Status != dossier.StatusDone || entry.By != env.Profile.PublicKey || entry.At.IsZero() || v.State.Stage != dossier.StagePreparation {
		t.Fatalf("entry %+v stage %s", entry, v.State.Stage)
	}
	_, err = env.Dossiers.Advance(id, dossier.StageApproval, "")
	code(t, err, "dossier.bad_stage")
	t.Run("AdvanceFromPlanningByHand", func(t *testing.T) {
		other := newDossier(t, env).State.ID
		v, err := env.Dossiers.Advance(other, dossier.StagePreparation, "开始准备")
		if err != nil || v.State.Stage != dossier.StagePreparation {
			t.Fatalf("stage %s, %v", v.State.Stage, err)
		}
		_, err = env.Dossiers.Advance(other, dossier.StagePreparation, "")
		code(t, err, "dossier.bad_stage")
	})
	t.Run("SubmitNeedsTheChecklist", func(t *testing.T) {
		_, err := env.Dossiers.Submit(id, nil, "")
		code(t, err, "dossier.checklist_incomplete")
	})
	t.Run("ListFilters", func(t *testing.T) {
		for _, c := range []struct {
			f    dossier.Filter
			want int
		}{
			{dossier.Filter{}, 2},
			{dossier.Filter{Stage: dossier.StagePreparation, Text: "3.2.1"}, 1},
			{dossier.Filter{Stage: dossier.StagePlanning}, 0},
			{dossier.Filter{Month: "2026-12"}, 2},
			{dossier.Filter{Month: "2026-11"}, 0},
			{dossier.Filter{Text: "cr-2026-118"}, 2},
			{dossier.Filter{Text: "crm 系统 3.2.1"}, 1},
			{dossier.Filter{Text: "BUG-9999"}, 0},
			{dossier.Filter{Type: "new_system"}, 0},
			{dossier.Filter{Mode: "planned", SystemCode: "CRM"}, 2},
		} {
			got, err := env.Dossiers.List(c.f)
			if err != nil || len(got) != c.want {
				t.Errorf("filter %+v: %d rows (%v), want %d", c.f, len(got), err, c.want)
			}
		}
	})
}

// TestFoldDeterministic folds a dossier with two diverged branches and a
// merge in 150 random arrival orders and expects one state.
func TestFoldDeterministic(t *testing.T) {
	a := testenv.Open(t, "", "张伟")
	a.AddSystem(t, "CRM")
	id := newDossier(t, a).State.ID
	for _, it := range a.Template().Checklist[:4] {
		if _, err := a.Dossiers.SetChecklist(id, it.ID, dossier.StatusInProgress, "进行中"); err != nil {
			t.Fatal(err)
		}
	}
	base, _ := a.Store.Events(id)
	b := testenv.Open(t, "", "李娜", "system_owner")
	b.Clock.T = a.Clock.T
	b.AddSystem(t, "CRM")
	if err := b.Dossiers.Import(base); err != nil {
		t.Fatal(err)
	}
	// Diverge: both edit the version and one checklist item.
	if _, err := a.Dossiers.Update(id, dossier.Fields{Version: ptr("3.3.0-a")}); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Dossiers.Update(id, dossier.Fields{Version: ptr("3.3.0-b")}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Dossiers.SetChecklist(id, "pre.open_issues", dossier.StatusDone, "A 确认"); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Dossiers.SetChecklist(id, "pre.open_issues", dossier.StatusNotApplicable, "B 认为不适用"); err != nil {
		t.Fatal(err)
	}
	evA, _ := a.Store.Events(id)
	evB, _ := b.Store.Events(id)
	all := ledger.Merge(evA, evB)
	want, _, err := dossier.Fold(all, a.ResolveTemplate, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(want.Heads) != 2 {
		t.Fatalf("merged log has heads %v, want two diverged branches", want.Heads)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 150; i++ {
		shuffled := append([]ledger.Event{}, all...)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		got, _, err := dossier.Fold(shuffled, a.ResolveTemplate, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got.Version != want.Version || got.Checklist["pre.open_issues"] != want.Checklist["pre.open_issues"] || got.UpdatedAt != want.UpdatedAt || len(got.Heads) != 2 {
			t.Fatalf("shuffle %d folded to a different state", i)
		}
	}
}

// TestMergeDivergedCopies edits one dossier on two laptops, exchanges the
// events both ways, and expects both to reach the state the documented rule
// gives: per field and per checklist item, the later event wins.
func TestMergeDivergedCopies(t *testing.T) {
	a := testenv.Open(t, "", "张伟")
	a.AddSystem(t, "CRM")
	id := newDossier(t, a).State.ID
	base, _ := a.Store.Events(id)
	b := testenv.Open(t, "", "李娜", "system_owner")
	b.AddSystem(t, "CRM")
	if err := b.Dossiers.Import(base); err != nil {
		t.Fatal(err)
	}
	b.Clock.T = a.Clock.T.Add(time.Minute) // B's edits happen later
	mustDo(t, func() error {
		_, err := a.Dossiers.Update(id, dossier.Fields{Version: ptr("A-version"), Title: ptr("A 的标题")})
		return err
	})
	mustDo(t, func() error { _, err := b.Dossiers.Update(id, dossier.Fields{Version: ptr("B-version")}); return err })
	mustDo(t, func() error {
		_, err := a.Dossiers.SetChecklist(id, "pre.user_test", dossier.StatusDone, "用户测试报告已签字")
		return err
	})
	mustDo(t, func() error {
		_, err := b.Dossiers.SetChecklist(id, "pre.environment", dossier.StatusInProgress, "等待基础设施部")
		return err
	})
	evA, _ := a.Store.Events(id)
	evB, _ := b.Store.Events(id)
	mustDo(t, func() error { return a.Dossiers.Import(evB) })
	mustDo(t, func() error { return b.Dossiers.Import(evA) })
	va, err := a.Dossiers.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	vb, err := b.Dossiers.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []dossier.View{va, vb} {
		st := v.State
		if st.Version != "B-version" || st.Title != "A 的标题" || st.Checklist["pre.user_test"].Status != dossier.StatusDone ||
			st.Checklist["pre.environment"].Status != dossier.StatusInProgress || st.Events != 5 || len(st.Heads) != 2 {
			t.Fatalf("merged state %+v", st)
		}
	}
	// The next edit on either side joins the branches.
	v, err := a.Dossiers.AddNote(id, "合并后继续")
	if err != nil || len(v.State.Heads) != 1 {
		t.Fatalf("after merge edit heads = %v, %v", v.State.Heads, err)
	}
	list, _ := b.Dossiers.List(dossier.Filter{Text: "A 的标题"})
	if len(list) != 1 || list[0].Version != "B-version" {
		t.Fatalf("index after import = %+v", list)
	}
}

func mustDo(t *testing.T, f func() error) {
	t.Helper()
	if err := f(); err != nil {
		t.Fatal(err)
	}
}

func errorsAs(err error, target **apperr.Error) bool { return errors.As(err, target) }

// TestChecklistProgress: done and not-applicable items count, in progress
// does not; the view and the list row say the same.
func TestChecklistProgress(t *testing.T) {
	env := testenv.Open(t, "", "张伟")
	env.AddSystem(t, "CRM")
	id := newDossier(t, env).State.ID
	total := len(env.Template().Checklist)
	steps := []struct {
		item, status, note string
		done               int
	}{
		{"pre.review_meeting", dossier.StatusDone, "评审会纪要", 1},
		{"pre.training", dossier.StatusNotApplicable, "无界面变化，无需培训", 2},
		{"pre.user_test", dossier.StatusInProgress, "", 2},
		{"pre.review_meeting", dossier.StatusInProgress, "改期", 1},
	}
	for _, s := range steps {
		v, err := env.Dossiers.SetChecklist(id, s.item, s.status, s.note)
		if err != nil {
			t.Fatal(err)
		}
		if v.Progress != (dossier.Progress{Done: s.done, Total: total}) {
			t.Fatalf("after %s=%s: progress %+v, want %d of %d", s.item, s.status, v.Progress, s.done, total)
		}
		list, err := env.Dossiers.List(dossier.Filter{})
		if err != nil || len(list) != 1 || list[0].ChecklistDone != s.done || list[0].ChecklistTotal != total {
			t.Fatalf("list row %+v, %v; want %d of %d", list, err, s.done, total)
		}
	}
}
