// Package crashtest drives a real data folder the way the app does, for
// the crash tests: a Writer opens the folder with core.Open and writes
// through the real services (a profile created and unlocked, systems,
// release dossiers walked through their whole workflow, attachments from a
// few bytes to a few megabytes, some of them refused), printing one line
// per acknowledged write. The tests run it in a child process, kill it
// with SIGKILL at random moments and check, after each kill, that the
// folder holds everything the writer acknowledged and nothing else.
package crashtest

import (
	"crypto/ed25519"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"time"

	"golive/backend/apperr"
	"golive/backend/core"
	"golive/backend/demo"
	"golive/backend/dossier"
	"golive/backend/keys"
	"golive/backend/profile"
	"golive/backend/system"
	"golive/backend/template"
	"golive/backend/workflow"
)

// Lines the writer prints, one per acknowledged write, each after the
// call that made it returned without error.
const (
	// LineOpen is printed once core.Open returned (the sweep is done).
	LineOpen = "OPEN"
	// LineProfile "P <id>": a profile was created.
	LineProfile = "P"
	// LineSystem "S <code>": a system was registered.
	LineSystem = "S"
	// LineEvent "E <dossier> <event id>": an event was committed.
	LineEvent = "E"
	// LineBlob "B <sha256> <size>": an attachment's file was kept.
	LineBlob = "B"
	// LineRefused "R <dossier> <code>": an attachment was refused, as
	// the writer meant it to be.
	LineRefused = "R"
)

// Passphrase protects the writer's profile.
const Passphrase = "crash-writer-passphrase"

// fastKDF keeps unlocking cheap: the writer's key protects nothing.
var fastKDF = keys.KDF{Time: 1, MemoryKiB: 1024, Threads: 1}

// systems the writer registers.
var systems = []system.System{
	{Code: "CRM", Name: "Customer Relationship Management", Department: "Business Applications", Owner: "Li Na", Class: "java"},
	{Code: "ESB", Name: "Enterprise Service Bus", Department: "Core Applications", Owner: "Liu Yang", Class: "java"},
}

// Writer writes into one data folder until it is killed or an operation
// fails unexpectedly.
type Writer struct {
	c   *core.Core
	d   *demo.Driver
	out io.Writer
	rng *rand.Rand
	// me is the writer's own profile, unlocked; key its key.
	me  profile.Summary
	key ed25519.PrivateKey
}

// Run opens dir with core.Open and writes: it continues from whatever the
// folder holds (a profile made by an earlier run is unlocked, unfinished
// dossiers are taken further), and stops after ops operations (0: never,
// only an error or a kill ends it). seed drives every choice.
func Run(dir string, seed uint64, out io.Writer, ops int) error {
	w, err := Open(dir, seed, out)
	if err != nil {
		return err
	}
	defer w.Close()
	for n := 0; ops == 0 || n < ops; n++ {
		if err := w.Step(); err != nil {
			return err
		}
	}
	return nil
}

// Open opens dir with core.Open, prints LineOpen, and readies a writer:
// its profile unlocked (created the first time), its systems registered.
func Open(dir string, seed uint64, out io.Writer) (*Writer, error) {
	c, err := core.Open(dir)
	if err != nil {
		return nil, err
	}
	fmt.Fprintln(out, LineOpen)
	c.Profiles.KDF = fastKDF
	w := &Writer{c: c, out: out, rng: rand.New(rand.NewPCG(seed, 0x6f6c6976))}
	if err := w.setUp(); err != nil {
		_ = c.Close()
		return nil, err
	}
	return w, nil
}

// Core is the open folder the writer writes to.
func (w *Writer) Core() *core.Core { return w.c }

// Close closes the folder.
func (w *Writer) Close() error { return w.c.Close() }

// Step does one operation (see next).
func (w *Writer) Step() error { return w.next() }

// AsSelf makes the writer's own profile current, for a test's own calls.
func (w *Writer) AsSelf() { w.asMe() }

// setUp unlocks (or creates) the writer's profile, registers the systems
// and makes the sample actors who hold each role.
func (w *Writer) setUp() error {
	list, err := w.c.Profiles.List()
	if err != nil {
		return err
	}
	tpl := w.c.Template()
	if len(list) == 0 {
		p, err := w.c.Profiles.Create(profile.CreateRequest{Name: "Crash Writer", Department: "IT Management", Roles: []string{"project_manager"}, Passphrase: Passphrase})
		if err != nil {
			return err
		}
		fmt.Fprintln(w.out, LineProfile, p.ID)
		list = []profile.Summary{p}
	}
	if _, err := w.c.Profiles.Unlock(list[0].ID, Passphrase); err != nil {
		return err
	}
	if w.me, w.key, err = w.c.Profiles.Signer(); err != nil {
		return err
	}
	for _, s := range systems {
		if _, err := w.c.Systems.Get(s.Code); err == nil {
			continue
		} else if !apperr.HasCode(err, "system.not_found") {
			return err
		}
		if _, err := w.c.Systems.Save(s, true); err != nil {
			return err
		}
		fmt.Fprintln(w.out, LineSystem, s.Code)
	}
	w.d = &demo.Driver{Dossiers: w.c.Dossiers, Profiles: w.c.Profiles, Template: tpl, Actors: map[string]demo.Actor{},
		Clock: time.Now().In(w.c.Zone), Rng: w.rng}
	for _, role := range tpl.Roles {
		w.d.Actors[role.ID] = demo.SampleActor(tpl, role, "sample-"+role.ID, w.d.Clock)
	}
	return nil
}

// next does one operation: on an unfinished dossier picked at random, the
// next step of its workflow, or a new dossier when fewer than three are
// under way; now and then a note or an attachment the workflow refuses.
func (w *Writer) next() error {
	list, err := w.c.Dossiers.List(dossier.Filter{})
	if err != nil {
		return err
	}
	var open []string
	for _, s := range list {
		if s.Phase != workflow.PhaseArchived {
			open = append(open, s.ID)
		}
	}
	if len(open) < 3 {
		return w.create()
	}
	id := open[w.rng.IntN(len(open))]
	switch w.rng.IntN(12) {
	case 0:
		return w.refusedAttachment(id)
	case 1:
		w.asMe()
		return w.ack(w.c.Dossiers.AddNote(id, fmt.Sprintf("progress note %d", w.rng.IntN(1000))))
	}
	return w.advance(id)
}

// asMe makes the writer's own profile current.
func (w *Writer) asMe() { w.c.Profiles.ActAs(w.me, w.key) }

// ack prints the event a call committed: the only head of its dossier
// after it.
func (w *Writer) ack(v dossier.View, err error) error {
	if err != nil {
		return err
	}
	if len(v.State.Heads) != 1 {
		return fmt.Errorf("dossier %s has %d heads after a write", v.State.ID, len(v.State.Heads))
	}
	fmt.Fprintln(w.out, LineEvent, v.State.ID, v.State.Heads[0])
	return nil
}

// create starts a planned upgrade (or a new system) in the next open
// window of its system's class.
func (w *Writer) create() error {
	sys := systems[w.rng.IntN(len(systems))]
	typ, sub, role := "upgrade", "cr", "system_owner"
	if w.rng.IntN(3) == 0 {
		typ, sub, role = "new_system", "", "project_manager"
	}
	win, err := w.c.Windows.NextOpenWindow(sys.Class, time.Now().In(w.c.Zone))
	if err != nil {
		return err
	}
	str := func(s string) *string { return &s }
	req := dossier.CreateRequest{SystemCode: sys.Code, Fields: dossier.Fields{
		Title: str(sys.Name + " crash-test release"), Type: str(typ), Subtype: str(sub), Mode: str("planned"),
		Version: str(fmt.Sprintf("1.%d.%d", w.rng.IntN(10), w.rng.IntN(10))), Window: str(win.ID),
		ProjectManager: str("Crash Writer"), SystemOwner: str(sys.Owner),
		Content: &[]dossier.ContentItem{{Kind: "cr", Ref: fmt.Sprintf("CR-2026-%03d", w.rng.IntN(1000)), Title: "crash-test change"}},
	}}
	if typ == "new_system" {
		// A new system states how it is released before it is submitted.
		req.ReleaseMethod = str("crash-test cut-over in one window")
	}
	if err := w.d.As(role); err != nil {
		return err
	}
	return w.ack(w.c.Dossiers.Create(req))
}

// advance takes dossier id one step further along its workflow.
func (w *Writer) advance(id string) error {
	v, err := w.c.Dossiers.Get(id)
	if err != nil {
		return err
	}
	st, plan, flow := v.State, v.State.Plan, v.State.Flow
	tpl := w.c.Template()
	switch flow.Phase {
	case workflow.PhaseDraft:
		if err := w.d.As(plan.Start().Role); err != nil {
			return err
		}
		for _, it := range tpl.Checklist {
			if c, ok := st.Checklist[it.ID]; !ok || (c.Status != dossier.StatusDone && c.Status != dossier.StatusNotApplicable) {
				return w.ack(w.c.Dossiers.SetChecklist(id, it.ID, dossier.StatusDone, "confirmed"))
			}
		}
		for _, slot := range plan.Slots() {
			for _, del := range slot.Deliverables {
				if !del.Generated && del.Required && flow.Latest(del.ID) == nil {
					return w.attach(id, del)
				}
			}
		}
		return w.ack(w.c.Dossiers.Submit(id, demo.YesTo(plan.Start().Items, ""), "please approve"))
	case workflow.PhaseApproval:
		if w.rng.IntN(8) == 0 {
			// A new version of a start deliverable: approvals that
			// covered it are dismissed and asked again.
			for _, del := range plan.Start().Deliverables {
				if !del.Generated && !del.HashOnly {
					return w.attach(id, del)
				}
			}
		}
		for _, s := range flow.Slots {
			if s.Status == workflow.SlotPending {
				spec, _ := plan.Slot(s.Step, s.Row)
				if err := w.d.As(spec.Role); err != nil {
					return err
				}
				return w.ack(w.c.Dossiers.Decide(id, dossier.DecideRequest{Step: s.Step, Row: s.Row,
					Decision: workflow.DecisionApprove, Comment: "approved", Answers: demo.YesTo(spec.Items, "")}))
			}
		}
		return fmt.Errorf("dossier %s in approval has no pending slot", id)
	case workflow.PhaseFiling:
		if err := w.d.As(plan.StepOfKind(template.KindFiling).Role); err != nil {
			return err
		}
		return w.ack(w.c.Dossiers.File(id, "filed"))
	case workflow.PhaseExecution:
		return w.execute(v)
	case workflow.PhaseConfirmation:
		step := plan.Confirm()
		if err := w.d.As(step.Role); err != nil {
			return err
		}
		if plan.SameDayTest && flow.Execution.SameDayTest == nil {
			return w.sameDayTest(id, plan, flow)
		}
		for _, del := range step.Deliverables {
			if !del.Generated && del.Required && flow.Latest(del.ID) == nil {
				return w.attach(id, del)
			}
		}
		items := append(append([]template.Item(nil), step.Items...), plan.ConfirmationItems...)
		return w.ack(w.c.Dossiers.Confirm(id, true, demo.YesTo(items, ""), "", "released fine"))
	case workflow.PhaseConfirmed, workflow.PhaseFailed:
		return w.archive(v)
	}
	return fmt.Errorf("dossier %s in phase %s: nothing to do", id, flow.Phase)
}

// execute records the runbook, checks the package, releases and
// supervises, one of them per call.
func (w *Writer) execute(v dossier.View) error {
	id, plan, ex := v.State.ID, v.State.Plan, v.State.Flow.Execution
	if err := w.d.As(plan.Settings.ReleaseOperatorRole); err != nil {
		return err
	}
	if len(ex.Runbook) == 0 {
		return w.ack(w.c.Dossiers.SaveRunbook(id, []workflow.RunbookRow{{Action: "deploy the package", Operator: "sample", Result: "ok"}},
			[]workflow.TestRow{{Name: "smoke test", Expected: "ok", Actual: "ok", Passed: true}}))
	}
	if pkg, ok := plan.Package(); ok && ex.PackageCheck == nil {
		if latest := v.State.Flow.Latest(pkg.ID); latest != nil {
			return w.ack(w.c.Dossiers.CheckPackageReader(id, "deployed.zip", strings.NewReader(w.packageContent(id, pkg.ID, latest.No)), nil))
		}
	}
	if ex.Released == nil {
		return w.ack(w.c.Dossiers.Release(id, "done as the runbook says"))
	}
	if err := w.d.As(plan.Settings.SupervisorRole); err != nil {
		return err
	}
	return w.ack(w.c.Dossiers.Supervise(id, "supervised throughout"))
}

// archive files the dossier away, explaining each absent document.
func (w *Writer) archive(v dossier.View) error {
	role := w.c.Template().Settings.ArchiveRoles[0]
	if err := w.d.As(role); err != nil {
		return err
	}
	present := v.State.Flow.DocumentsPresent(v.State.Plan)
	na := map[string]string{}
	for _, doc := range w.c.Template().Documents {
		if !present[doc.ID] {
			na[doc.ID] = "not part of a crash test"
		}
	}
	return w.ack(w.c.Dossiers.Archive(v.State.ID, na))
}

// packageContent is the release package of version n, recorded by hash.
func (w *Writer) packageContent(id, del string, n int) string {
	return fmt.Sprintf("release package %s %s v%d\n", id, del, n)
}

// attach adds a version of del: a package by hash only, anything else as
// a file of random size (mostly small, now and then a few megabytes).
// sameDayTest takes the same-day test one event further: the test
// confirmation the release type names is attached first, then the record
// is signed by the business confirmer's profile (typed under a template
// without same-day test roles).
func (w *Writer) sameDayTest(id string, plan *workflow.Plan, flow *workflow.State) error {
	if doc := plan.SameDayTestDocument; doc != "" && flow.Latest(workflow.DocPrefix+doc) == nil {
		return w.attach(id, template.Deliverable{ID: workflow.DocPrefix + doc})
	}
	if r := plan.SameDayTestConfirmerRole; r != "" {
		if err := w.d.As(r); err != nil {
			return err
		}
	}
	return w.ack(w.c.Dossiers.SameDayTest(id, dossier.SameDayTestRequest{ConfirmedBy: "Wang, requesting department",
		TestedAt: time.Now().In(w.c.Zone).Format(time.RFC3339), Note: "same-day test passed"}))
}

func (w *Writer) attach(id string, del template.Deliverable) error {
	w.asMe()
	if del.HashOnly {
		v, err := w.c.Dossiers.Get(id)
		if err != nil {
			return err
		}
		n := len(v.State.Flow.Deliverables[del.ID]) + 1
		return w.ack(w.c.Dossiers.RecordPackageReader(id, del.ID, fmt.Sprintf("release-v%d.zip", n), strings.NewReader(w.packageContent(id, del.ID, n)), "", nil))
	}
	size := 200 + w.rng.IntN(64<<10)
	if w.rng.IntN(10) == 0 {
		size = 1<<20 + w.rng.IntN(3<<20)
	}
	v, err := w.c.Dossiers.AttachReader(id, del.ID, del.ID+".docx", &randomReader{rng: rand.New(rand.NewPCG(w.rng.Uint64(), 1)), n: size}, "", nil)
	if err != nil {
		return err
	}
	if err := w.ack(v, nil); err != nil {
		return err
	}
	latest := v.State.Flow.Latest(del.ID)
	fmt.Fprintln(w.out, LineBlob, latest.SHA256, latest.Size)
	return nil
}

// refusedAttachment attaches a file to a deliverable the dossier does not
// have: the workflow refuses it, and its file must not stay.
func (w *Writer) refusedAttachment(id string) error {
	w.asMe()
	size := 100 + w.rng.IntN(256<<10)
	_, err := w.c.Dossiers.AttachReader(id, "no_such_deliverable", "refused.docx", &randomReader{rng: rand.New(rand.NewPCG(w.rng.Uint64(), 2)), n: size}, "", nil)
	if err == nil {
		return fmt.Errorf("an attachment to an unknown deliverable of %s was accepted", id)
	}
	if !apperr.HasCode(err, "workflow.unknown_deliverable") {
		return err
	}
	fmt.Fprintln(w.out, LineRefused, id, apperr.Code(err))
	return nil
}

// randomReader yields n pseudo-random bytes.
type randomReader struct {
	rng *rand.Rand
	n   int
}

func (r *randomReader) Read(p []byte) (int, error) {
	if r.n <= 0 {
		return 0, io.EOF
	}
	if len(p) > r.n {
		p = p[:r.n]
	}
	for i := range p {
		p[i] = byte(r.rng.Uint32())
	}
	r.n -= len(p)
	return len(p), nil
}
