package core_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"golive/backend/core"
	"golive/backend/demo"
	"golive/backend/dossier"
	"golive/backend/exchange"
	"golive/backend/workflow"
)

// profileOfKey returns the id of c's profile holding public key pub.
func profileOfKey(t *testing.T, c *core.Core, pub string) string {
	t.Helper()
	list, err := c.Profiles.List()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range list {
		if p.PublicKey == pub {
			return p.ID
		}
	}
	t.Fatalf("no profile holds key %s", pub)
	return ""
}

// waitingDecision finds a sample dossier waiting for a decision and who
// it waits for.
func waitingDecision(t *testing.T, c *core.Core) (dossier.Summary, dossier.Waiter) {
	t.Helper()
	list, err := c.Dossiers.List(dossier.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range list {
		for _, task := range d.Tasks {
			if task.Kind != "decide" {
				continue
			}
			ws, err := c.Dossiers.WaitsFor(d.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range ws {
				if w.Task.Kind == "decide" && w.Key != d.CreatedBy {
					return d, w
				}
			}
		}
	}
	t.Fatal("no sample dossier waits for a decision")
	return dossier.Summary{}, dossier.Waiter{}
}

// TestSendDecideReply: the project manager sends a dossier to the
// director it waits for, who imports it into his own new data folder,
// finds it in his inbox, approves, and replies with only his decision (a
// few KB); once the reply is imported both folders fold the dossier the
// same way, and neither has anything left to answer.
func TestSendDecideReply(t *testing.T) {
	ctx := context.Background()
	a, err := core.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = a.Close() })
	a.Clock = sampleClock(a)
	if _, err := a.LoadSample(); err != nil {
		t.Fatal(err)
	}
	d, w := waitingDecision(t, a)
	unlock(t, a, profileOfKey(t, a, d.CreatedBy))

	people, err := a.Recipients(d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(people) == 0 || people[0].Person != w.Person || !people[0].Waiting {
		t.Fatalf("the person the dossier waits for (%s) should come first, marked: %+v", w.Person, people[:min(2, len(people))])
	}
	for _, p := range people[1:] {
		if p.Person == w.Person {
			t.Fatalf("%s listed twice", p.Person)
		}
	}
	plan, err := a.SendPlan(d.ID, []string{w.Person}, true)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(plan.FileName, d.ID+"-\u5f85") || !strings.HasSuffix(plan.FileName, exchange.Ext) ||
		strings.ContainsAny(plan.FileName, `<>:"/\|?*`) || plan.Events == 0 {
		t.Fatalf("send plan: %+v", plan)
	}
	out := filepath.Join(t.TempDir(), plan.FileName)
	sent, err := a.Send(ctx, out, d.ID, []string{w.Person}, true, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sent.Count != plan.Events || sent.Size == 0 {
		t.Fatalf("sent %+v, planned %+v", sent, plan)
	}
	if body, err := exchange.Peek(out); err != nil || body.Purpose != plan.Purpose || len(body.For) != 1 || body.For[0] != w.Person {
		t.Fatalf("manifest %+v %v", body, err)
	}

	// The director's own folder: his key, restored, and nothing else.
	b, err := core.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = b.Close() })
	b.Clock = sampleClock(b)
	director := profileOfKey(t, a, w.Key)
	key, err := a.Profiles.Export(director, demo.SamplePassphrase)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.Profiles.Import(key, demo.SamplePassphrase); err != nil {
		t.Fatal(err)
	}
	pin, _, err := a.Roster.Pinned()
	if err != nil {
		t.Fatal(err)
	}
	rep, err := b.ImportFile(out, core.ImportOptions{Fingerprint: pin.Fingerprint})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Dossiers) != 1 || rep.Dossiers[0].ID != d.ID || !rep.Dossiers[0].Created {
		t.Fatalf("import report: %+v", rep.Dossiers)
	}
	if p, err := b.ReplyPlan(d.ID); err != nil || p.Possible || p.To == "" {
		t.Fatalf("nothing decided yet, nothing to reply: %+v %v", p, err)
	}
	unlock(t, b, director)
	inbox, err := b.Dossiers.Inbox()
	if err != nil {
		t.Fatal(err)
	}
	var task *workflow.Task
	for _, it := range inbox {
		if it.Dossier == d.ID && it.Kind == "decide" && it.Step == w.Task.Step && it.Row == w.Task.Row {
			task = &it.Task
		}
	}
	if task == nil {
		t.Fatalf("the director's inbox lacks the dossier: %+v", inbox)
	}
	v, err := b.Dossiers.Get(d.ID)
	if err != nil {
		t.Fatal(err)
	}
	spec, _ := v.State.Plan.Slot(task.Step, task.Row)
	if _, err := b.Dossiers.Decide(d.ID, dossier.DecideRequest{Step: task.Step, Row: task.Row, Decision: workflow.DecisionApprove,
		Comment: "ok", Answers: demo.YesTo(spec.Items, "")}); err != nil {
		t.Fatal(err)
	}

	rp, err := b.ReplyPlan(d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !rp.Possible || rp.Events != 1 || rp.DossierEvents != 1 || rp.To != people[0].Person && rp.To == "" {
		t.Fatalf("reply plan after one decision: %+v", rp)
	}
	back := filepath.Join(t.TempDir(), rp.FileName)
	reply, err := b.Reply(ctx, back, d.ID, nil)
	if err != nil {
		t.Fatal(err)
	}
	if reply.Count != 1 || reply.Size >= 20<<10 {
		t.Fatalf("a reply after one decision holds %d events in %d bytes", reply.Count, reply.Size)
	}
	t.Logf("reply after one approval: %d bytes (the file sent: %d bytes)", reply.Size, sent.Size)
	if body, err := exchange.Peek(back); err != nil || len(body.For) != 1 || body.Purpose != rp.Purpose {
		t.Fatalf("reply manifest %+v %v", body, err)
	}

	got, err := a.ImportFile(back, core.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got.Events != 1 || len(got.Dossiers) != 1 || got.Dossiers[0].New != 1 || len(got.Dossiers[0].Ignored) != 0 {
		t.Fatalf("reply import: %+v", got)
	}
	fold := func(c *core.Core) string {
		v, err := c.Dossiers.Get(d.ID)
		if err != nil {
			t.Fatal(err)
		}
		raw, err := json.Marshal(v.State)
		if err != nil {
			t.Fatal(err)
		}
		return string(raw)
	}
	if fa, fb := fold(a), fold(b); fa != fb {
		t.Fatalf("the folders fold the dossier differently:\n%s\n%s", fa, fb)
	}
	if p, err := a.ReplyPlan(d.ID); err != nil || p.Possible {
		t.Fatalf("the project manager holds nothing the director lacks: %+v %v", p, err)
	}
	if _, err := a.Reply(ctx, filepath.Join(t.TempDir(), "x.golive"), d.ID, nil); err == nil || !strings.Contains(err.Error(), "nothing_to_reply") {
		t.Fatalf("an empty reply should be refused, got %v", err)
	}
}

// TestFileName: suggested names keep what they say and lose what Windows
// refuses.
func TestFileName(t *testing.T) {
	for in, want := range map[string]string{
		"R26-0001-\u5f85a/b:c":        "R26-0001-\u5f85a_b_c.golive",
		`x<>"|?*\y. `:                 "x_______y.golive",
		"":                            "golive.golive",
		strings.Repeat("\u5ba1", 120): strings.Repeat("\u5ba1", 100) + ".golive",
	} {
		if got := core.FileName(in); got != want {
			t.Errorf("FileName(%q) = %q, want %q", in, got, want)
		}
	}
}
