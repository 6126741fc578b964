package core_test

import (
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"os"
	"sync"
	"testing"
	"time"

	"golive/backend/core"
	"golive/backend/demo"
	"golive/backend/dossier"
	"golive/backend/ledger"
	"golive/backend/roster"
	"golive/backend/store"
	"golive/backend/template"
	"golive/backend/workflow"
)

// publishSampleRoster publishes, as the sample PMO, a roster naming every
// sample profile with its global roles.
func publishSampleRoster(t *testing.T, c *core.Core) {
	t.Helper()
	publishRosterWith(t, c, nil)
}

// publishRosterWith publishes, as the sample PMO, a roster naming every
// sample profile with its global roles, after edit (given the person id of
// each profile id) changed it.
func publishRosterWith(t *testing.T, c *core.Core, edit func(r *roster.Roster, personOf map[string]string)) {
	t.Helper()
	tpl := c.Template()
	profiles, err := c.Profiles.List()
	if err != nil {
		t.Fatal(err)
	}
	draft := roster.Roster{Version: 1, Organisation: "远东示例"}
	personOf := map[string]string{}
	pmoID := ""
	for i, p := range profiles {
		dept := p.Department
		if dept == "" {
			dept = "信息管理部"
		}
		person := roster.Person{ID: fmt.Sprintf("P%03d", i), Name: p.Name, Department: dept,
			Keys: []roster.Key{{Public: p.PublicKey}}}
		personOf[p.ID] = person.ID
		for _, r := range p.Roles {
			if role, ok := tpl.Role(r); ok && role.Scope == "" {
				person.Roles = append(person.Roles, r)
			}
			if r == "pmo" {
				pmoID = person.ID
			}
		}
		draft.People = append(draft.People, person)
	}
	draft.PMO = []string{pmoID}
	if edit != nil {
		edit(&draft, personOf)
	}
	pmo := profileWithRole(t, c, "pmo")
	if _, err := c.Unlock(pmo, demo.SamplePassphrase); err != nil {
		t.Fatal(err)
	}
	if _, err := c.PublishRoster(draft); err != nil {
		t.Fatalf("publish roster: %v", err)
	}
}

func profileWithRole(t *testing.T, c *core.Core, role string) string {
	t.Helper()
	list, err := c.Profiles.List()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range list {
		for _, r := range p.Roles {
			if r == role {
				return p.ID
			}
		}
	}
	t.Fatalf("no sample profile holds %s", role)
	return ""
}

// TestForgedRoleEventsHaveNoEffect: once the folder has a roster, a
// decision signed by a key that is nobody's — claiming the very role the
// slot waits for — is kept in the history, ignored as roster.unknown_key,
// and changes nothing; the real director's decision still counts.
func TestForgedRoleEventsHaveNoEffect(t *testing.T) {
	c, id := sampleAt(t, "upgrade", "countersign")
	publishSampleRoster(t, c)

	v, err := c.Dossiers.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	var slot workflow.Slot
	for _, s := range v.State.Flow.Slots {
		if s.Status == workflow.SlotPending && s.Row != "" {
			slot = s
			break
		}
	}
	if slot.Step == "" {
		t.Fatal("no pending countersign row")
	}
	_, stranger, _ := ed25519.GenerateKey(rand.Reader)
	forged, err := ledger.New(id, v.State.Heads, workflow.KindDecided, workflow.DecideBody{
		Step: slot.Step, Row: slot.Row, Role: slot.Role, Decision: workflow.DecisionApprove, Answers: map[string]workflow.Answer{},
	}, c.Now().Add(time.Minute), stranger)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Dossiers.Import([]ledger.Event{forged}); err != nil {
		t.Fatal(err)
	}
	v, err = c.Dossiers.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	last := v.History[len(v.History)-1]
	if last.Event != forged.ID || !last.Ignored || last.IgnoredCode != roster.CodeUnknownKey {
		t.Fatalf("forged decision: ignored=%v code=%q, want ignored with %s", last.Ignored, last.IgnoredCode, roster.CodeUnknownKey)
	}
	for _, s := range v.State.Flow.Slots {
		if s.Step == slot.Step && s.Row == slot.Row && s.Status != workflow.SlotPending {
			t.Fatalf("the forged decision moved the slot to %s", s.Status)
		}
	}

	// The director who holds the role in the roster decides for real.
	if _, err := c.Unlock(profileWithRole(t, c, slot.Role), demo.SamplePassphrase); err != nil {
		t.Fatal(err)
	}
	answers := map[string]workflow.Answer{}
	for _, st := range v.State.Plan.Steps {
		for _, r := range st.Rows {
			if st.ID == slot.Step && r.ID == slot.Row {
				for _, it := range r.Items {
					answers[it.ID] = workflow.Answer{Yes: true}
				}
			}
		}
	}
	v, err = c.Dossiers.Decide(id, dossier.DecideRequest{Step: slot.Step, Row: slot.Row, Decision: workflow.DecisionApprove, Answers: answers})
	if err != nil {
		t.Fatalf("the director's own decision: %v", err)
	}
	for _, s := range v.State.Flow.Slots {
		if s.Step == slot.Step && s.Row == slot.Row && s.Status != workflow.SlotApproved {
			t.Fatalf("the director's decision left the slot %s", s.Status)
		}
	}
}

// TestNoOneDecidesHisOwnSubmission: with a roster, the person who submitted
// a dossier cannot approve it, even holding the director's role there and
// signing with his own key; another director can.
func TestNoOneDecidesHisOwnSubmission(t *testing.T) {
	c, id := sampleAt(t, "upgrade", "returned")
	v, err := c.Dossiers.Get(id)
	if err != nil || v.State.Flow.Phase != workflow.PhaseDraft {
		t.Fatalf("returned sample dossier: %v %v", v.State.Flow, err)
	}
	// The roster gives the system owner (who submits this upgrade) the
	// customer-service director's post as well, and assigns the system.
	owner := profileWithRole(t, c, "system_owner")
	publishRosterWith(t, c, func(r *roster.Roster, personOf map[string]string) {
		for i := range r.People {
			if r.People[i].ID == personOf[owner] {
				r.People[i].Roles = append(r.People[i].Roles, "cs_director")
			}
		}
		r.Systems = append(r.Systems, roster.Assignment{System: v.State.SystemCode, Department: "业务应用部", Owner: personOf[owner],
			DevLead: personOf[profileWithRole(t, c, "release_operator")], Supervisor: personOf[profileWithRole(t, c, "release_supervisor")]})
	})

	if _, err := c.Unlock(owner, demo.SamplePassphrase); err != nil {
		t.Fatal(err)
	}
	start := v.State.Plan.Steps[0]
	v, err = c.Dossiers.Submit(id, yesTo(start.Items), "重新提交")
	if err != nil {
		t.Fatalf("the system owner resubmits: %v", err)
	}
	row := workflow.Slot{}
	for _, s := range v.State.Flow.Slots {
		if s.Role == "cs_director" && s.Status == workflow.SlotPending {
			row = s
		}
	}
	if row.Step == "" {
		t.Fatal("no pending customer-service row")
	}
	// His own key, his roster post: still his own submission.
	tpl := c.Template()
	role, _ := tpl.Role("system_owner")
	me := demo.SampleActor(tpl, *role, "", time.Time{})
	var items []template.Item
	for _, st := range v.State.Plan.Steps {
		for _, r := range st.Rows {
			if st.ID == row.Step && r.ID == row.Row {
				items = r.Items
			}
		}
	}
	own, err := ledger.New(id, v.State.Heads, workflow.KindDecided, map[string]any{
		"step": row.Step, "row": row.Row, "role": "cs_director", "decision": workflow.DecisionApprove, "answers": yesTo(items),
		"roster": mustTip(t, c),
	}, c.Now().Add(time.Minute), me.Key)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Dossiers.Import([]ledger.Event{own}); err != nil {
		t.Fatal(err)
	}
	v, err = c.Dossiers.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	last := v.History[len(v.History)-1]
	if last.Event != own.ID || !last.Ignored || last.IgnoredCode != roster.CodeOwnSubmission {
		t.Fatalf("own decision: ignored=%v code=%q, want %s", last.Ignored, last.IgnoredCode, roster.CodeOwnSubmission)
	}
	// The real customer-service director may.
	if _, err := c.Unlock(profileWithRole(t, c, "cs_director"), demo.SamplePassphrase); err != nil {
		t.Fatal(err)
	}
	for _, st := range v.State.Plan.Steps {
		for _, r := range st.Rows {
			if st.ID == row.Step && r.ID == row.Row {
				if _, err := c.Dossiers.Decide(id, dossier.DecideRequest{Step: row.Step, Row: row.Row, Decision: workflow.DecisionApprove, Answers: yesTo(r.Items)}); err != nil {
					t.Fatalf("the director's decision: %v", err)
				}
			}
		}
	}
}

func yesTo(items []template.Item) map[string]workflow.Answer {
	out := map[string]workflow.Answer{}
	for _, it := range items {
		out[it.ID] = workflow.Answer{Yes: true}
	}
	return out
}

func mustTip(t *testing.T, c *core.Core) string {
	t.Helper()
	chain, err := c.Roster.Chain()
	if err != nil {
		t.Fatal(err)
	}
	v, ok := chain.Tip()
	if !ok {
		t.Fatal("no roster version")
	}
	return v.Event
}

// sampleAt opens a sample folder (without a roster) on a fixed clock and
// returns it with the id of the sample dossier of type typ its scenario
// left at target, the sample project manager unlocked as after
// LoadSample. The sample is built once per test binary and each test gets
// its own copy of the folder: the sample is deterministic on that clock.
func sampleAt(t *testing.T, typ, target string) (*core.Core, string) {
	t.Helper()
	sample.once.Do(func() { sample.dir, sample.placed, sample.err = buildSample() })
	if sample.err != nil {
		t.Fatal(sample.err)
	}
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(sample.dir)); err != nil {
		t.Fatal(err)
	}
	c, err := core.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	c.Clock = sampleClock(c)
	unlock(t, c, profileWithRole(t, c, "project_manager"))
	for _, p := range sample.placed {
		if p.Type == typ && p.Target == target {
			return c, p.ID
		}
	}
	t.Fatalf("no sample %s dossier at %s", typ, target)
	return nil, ""
}

// sample is the sample folder the core tests copy (see sampleAt).
var sample struct {
	once   sync.Once
	dir    string
	placed []demo.Placed
	err    error
}

func sampleClock(c *core.Core) func() time.Time {
	return func() time.Time { return time.Date(2026, 12, 1, 10, 0, 0, 0, c.Zone) }
}

func buildSample() (string, []demo.Placed, error) {
	dir, err := os.MkdirTemp("", "golive-core-sample-")
	if err != nil {
		return "", nil, err
	}
	c, err := core.Open(dir)
	if err != nil {
		return dir, nil, err
	}
	defer c.Close()
	c.Clock = sampleClock(c)
	sum, err := c.LoadSampleWithoutRoster()
	return dir, sum.Placed, err
}

// TestMain removes the sample folder the tests copied; as a benchmark's
// child (GOLIVE_BENCH_CHILD) it runs that job instead (bench_test.go),
// with the soft memory limit golive sets for itself (main.go), so that
// its memory is measured as shipped.
func TestMain(m *testing.M) {
	if job := os.Getenv("GOLIVE_BENCH_CHILD"); job != "" {
		store.LimitMemory()
		benchChild(job, os.Getenv("GOLIVE_BENCH_FOLDER"))
		return
	}
	code := m.Run()
	if sample.dir != "" {
		_ = os.RemoveAll(sample.dir)
	}
	os.Exit(code)
}
