package dossier_test

import (
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"golive/backend/apperr"
	"golive/backend/demo"
	"golive/backend/dossier"
	"golive/backend/ledger"
	"golive/backend/template"
	"golive/backend/workflow"
	"golive/backend/zone"
)

// scene is a dossier driven to one moment of its workflow.
type scene struct {
	name string
	st   dossier.State
}

// scenes drives dossiers of type typ to every phase (and, in execution,
// to the moments before and after the release and after a package
// mismatch) and returns their states.
func (f *flowEnv) scenes(t *testing.T, typ string) []scene {
	t.Helper()
	var out []scene
	add := func(name, id string) { out = append(out, scene{name, f.state(t, id)}) }
	for _, p := range []string{workflow.PhaseDraft, workflow.PhaseApproval, workflow.PhaseFiling, workflow.PhaseExecution,
		workflow.PhaseConfirmation, workflow.PhaseFailed, workflow.PhaseConfirmed, workflow.PhaseArchived} {
		if p == workflow.PhaseFiling && typ != "new_system" {
			continue // the upgrade flow files nothing
		}
		add(p, f.to(t, typ, p))
	}
	id := f.to(t, typ, workflow.PhaseExecution)
	must(t, f.d.Execute(id, false, false))
	add("execution/released", id)
	id = f.to(t, typ, workflow.PhaseExecution)
	must(t, f.d.Runbook(id, true))
	must(t, f.d.As("release_operator"))
	_, err := f.Dossiers.CheckPackageReader(id, "deployed.zip", strings.NewReader("another build"), nil)
	must(t, err)
	add("execution/mismatch", id)
	id = f.to(t, typ, workflow.PhaseApproval)
	must(t, f.d.ApproveStep(id, 1))
	add("approval/decided", id)
	return out
}

// actor is a sample actor (or, for "outsider", someone holding no role
// of the template) as the workflow sees a profile.
func (f *flowEnv) actor(role string) *workflow.Actor {
	if a, ok := f.d.Actors[role]; ok {
		return &workflow.Actor{PublicKey: a.Summary.PublicKey, Roles: a.Summary.Roles}
	}
	return &workflow.Actor{PublicKey: hex.EncodeToString(outsiderKey.Public().(ed25519.PublicKey)), Roles: []string{"outsider"}}
}

// outsiderKey signs for someone holding no role of the template.
var outsiderKey = ed25519.NewKeyFromSeed(make([]byte, ed25519.SeedSize))

// flags lists the names of the boolean actions that are true.
func flags(a workflow.Actions) []string {
	var out []string
	for _, f := range []struct {
		name string
		on   bool
	}{{"submit", a.Submit}, {"withdraw", a.Withdraw}, {"comment", a.Comment}, {"attach", a.Attach}, {"file", a.File},
		{"runbook", a.Runbook}, {"package_check", a.PackageCheck}, {"override", a.Override}, {"release", a.Release},
		{"supervise", a.Supervise}, {"same_day_test", a.SameDayTest}, {"confirm", a.Confirm}, {"postpone", a.Postpone},
		{"archive", a.Archive}} {
		if f.on {
			out = append(out, f.name)
		}
	}
	return out
}

// TestActionsInEveryPhase lists, for a new-system release in every phase,
// what each person may do: the holder of the role each action needs, and
// someone who holds none.
func TestActionsInEveryPhase(t *testing.T) {
	f := newFlowEnv(t)
	scenes := f.scenes(t, "new_system")
	const (
		pm, cs, op, sup, out = "project_manager", "cs_director", "release_operator", "release_supervisor", "outsider"
	)
	base := "comment attach"
	// want[scene][actor] is the list of boolean actions allowed.
	want := map[string]map[string]string{
		workflow.PhaseDraft:     {pm: "submit " + base, cs: base, op: base, sup: base, out: base},
		workflow.PhaseApproval:  {pm: "withdraw " + base, cs: base, op: base, sup: base, out: base},
		"approval/decided":      {pm: base, cs: base, op: base, sup: base, out: base},
		workflow.PhaseFiling:    {pm: base + " file", cs: base, op: base, sup: base, out: base},
		workflow.PhaseExecution: {pm: base + " postpone", cs: base, op: base + " runbook package_check release", sup: base, out: base},
		"execution/mismatch":    {pm: base + " postpone", cs: base, op: base + " runbook package_check override release", sup: base, out: base},
		// The same-day test is collected by the project manager or the
		// system owner (guideline 6.4.3), no longer by anyone.
		"execution/released":       {pm: base + " same_day_test", cs: base, op: base, sup: base + " supervise", out: base},
		workflow.PhaseConfirmation: {pm: base + " same_day_test", cs: base, op: base + " confirm", sup: base, out: base},
		workflow.PhaseFailed:       {pm: base + " postpone", cs: base, op: base, sup: base, out: base},
		workflow.PhaseConfirmed:    {pm: base + " archive", cs: base, op: base, sup: base, out: base},
		workflow.PhaseArchived:     {pm: "comment", cs: "comment", op: "comment", sup: "comment", out: "comment"},
	}
	blocked := map[string]string{workflow.PhaseExecution: "workflow.runbook_incomplete", "execution/mismatch": "workflow.package_mismatch"}
	for _, sc := range scenes {
		for _, who := range []string{pm, cs, op, sup, out} {
			t.Run(sc.name+"/"+who, func(t *testing.T) {
				got := workflow.ActionsFor(sc.st.Plan, sc.st.Flow, f.actor(who))
				if g, w := strings.Join(flags(got), " "), want[sc.name][who]; !sameWords(g, w) {
					t.Errorf("allowed %q, want %q", g, w)
				}
				if w := blocked[sc.name]; got.Release && blockedCode(got) != w {
					t.Errorf("release blocked by %q, want %q", blockedCode(got), w)
				}
				// Decisions: in approval the six countersign rows are
				// pending; each row's director decides it, everyone else
				// may urge it.
				var pending []string
				for _, s := range sc.st.Flow.Slots {
					if s.Status == workflow.SlotPending && sc.st.Flow.Phase != workflow.PhaseDraft {
						pending = append(pending, s.Key())
					}
				}
				if strings.HasPrefix(sc.name, workflow.PhaseApproval) && len(pending) == 0 {
					t.Fatal("no pending slot in approval")
				}
				var decide []string
				if who == cs && slices.Contains(pending, "ns.2.countersign/cs") {
					decide = []string{"ns.2.countersign/cs"}
				}
				urge := slices.DeleteFunc(slices.Clone(pending), func(k string) bool { return slices.Contains(decide, k) })
				if !slices.Equal(got.Decide, nonNil(decide)) || !slices.Equal(got.Transfer, nonNil(decide)) || !slices.Equal(got.Urge, nonNil(urge)) {
					t.Errorf("decide %v transfer %v urge %v, want decide and transfer %v, urge %v", got.Decide, got.Transfer, got.Urge, decide, urge)
				}
			})
		}
	}

	t.Run("NoProfileMayDoNothing", func(t *testing.T) {
		for _, sc := range scenes {
			got := workflow.ActionsFor(sc.st.Plan, sc.st.Flow, nil)
			raw, _ := json.Marshal(got)
			if len(flags(got)) != 0 || got.Decide == nil || len(got.Decide)+len(got.Transfer)+len(got.Urge) != 0 || !strings.Contains(string(raw), `"decide":[]`) {
				t.Errorf("%s without a profile: %s", sc.name, raw)
			}
		}
	})

	t.Run("Withdraw", func(t *testing.T) {
		var approval dossier.State
		for _, sc := range scenes {
			if sc.name == workflow.PhaseApproval {
				approval = sc.st
			}
		}
		submitter := approval.Flow.Submission.By
		for _, c := range []struct {
			name  string
			actor workflow.Actor
			want  bool
		}{
			{"SubmitterWithoutTheRole", workflow.Actor{PublicKey: submitter}, true},
			{"StartRoleNotSubmitter", workflow.Actor{PublicKey: strings.Repeat("1e", 32), Roles: []string{pm}}, true},
			{"Neither", workflow.Actor{PublicKey: strings.Repeat("1e", 32), Roles: []string{cs}}, false},
		} {
			if got := workflow.ActionsFor(approval.Plan, approval.Flow, &c.actor).Withdraw; got != c.want {
				t.Errorf("%s: withdraw %v, want %v", c.name, got, c.want)
			}
		}
	})

	t.Run("Delegate", func(t *testing.T) {
		id := f.to(t, "new_system", workflow.PhaseApproval)
		delegate := f.d.Actors["pmo"].Summary
		must(t, f.d.As(cs))
		_, err := f.Dossiers.Transfer(id, "ns.2.countersign", "cs", delegate.PublicKey, "出差，转交")
		must(t, err)
		st := f.state(t, id)
		got := workflow.ActionsFor(st.Plan, st.Flow, f.actor("pmo"))
		if !slices.Equal(got.Decide, []string{"ns.2.countersign/cs"}) || !slices.Equal(got.Transfer, got.Decide) || len(got.Urge) != 5 {
			t.Errorf("delegate: decide %v transfer %v urge %v", got.Decide, got.Transfer, got.Urge)
		}
		if got := workflow.ActionsFor(st.Plan, st.Flow, f.actor(cs)); !slices.Equal(got.Decide, []string{"ns.2.countersign/cs"}) {
			t.Errorf("the row's director after the transfer: decide %v", got.Decide)
		}
	})
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func sameWords(a, b string) bool {
	x, y := strings.Fields(a), strings.Fields(b)
	slices.Sort(x)
	slices.Sort(y)
	return slices.Equal(x, y)
}

// TestActionsAgreeWithApply: for every moment of both flows and every
// person, an action is offered exactly when the workflow accepts a
// well-formed event for it from that person (urges: whoever may not decide
// the slot; the same-day test: only while the plan needs one and none is
// recorded; a release: when nothing blocks it).
func TestActionsAgreeWithApply(t *testing.T) {
	f := newFlowEnv(t)
	var scenes []scene
	for _, typ := range []string{"new_system", "upgrade"} {
		scenes = append(scenes, f.scenes(t, typ)...)
	}
	roles := []string{"outsider"}
	for _, r := range f.Template().Roles {
		roles = append(roles, r.ID)
	}
	other := hex.EncodeToString(make([]byte, 32))
	for _, sc := range scenes {
		for _, role := range roles {
			actor := f.actor(role)
			key := keyOf(f, role)
			got := workflow.ActionsFor(sc.st.Plan, sc.st.Flow, actor)
			try := newTrial(t, sc.st)
			accepts := func(kind string, body any) bool {
				t.Helper()
				return try.accepts(kind, body, key)
			}
			p := sc.st.Plan
			roleFor := func(want string) string {
				if actor.Holds(want) {
					return want
				}
				return ""
			}
			archiveRole := ""
			for _, r := range p.Settings.ArchiveRoles {
				if archiveRole == "" {
					archiveRole = roleFor(r)
				}
			}
			confirmItems := append(append([]template.Item(nil), p.Confirm().Items...), p.ConfirmationItems...)
			na := map[string]string{}
			for _, d := range p.Documents {
				na[d.ID] = "不适用"
			}
			planned := sc.st.PlannedAt.AddDate(0, 0, 14).Format(time.RFC3339)
			sameDay := sc.st.PlannedAt.Format(time.RFC3339)
			if r := sc.st.Flow.Execution.Released; r != nil {
				sameDay = r.At.Format(time.RFC3339)
			}
			start := p.Slots()[0]
			check := map[string][2]bool{
				"submit":   {got.Submit, accepts(workflow.KindSubmitted, workflow.SubmitBody{Role: roleFor(start.Role), Answers: demo.YesTo(start.Items, "")})},
				"withdraw": {got.Withdraw, accepts(workflow.KindWithdrawn, workflow.WithdrawBody{Role: roleFor(start.Role)})},
				"comment":  {got.Comment, accepts(workflow.KindCommented, workflow.CommentBody{Text: "意见"})},
				"attach": {got.Attach, accepts(workflow.KindAttached, workflow.AttachBody{Deliverable: workflow.DocPrefix + p.Documents[0].ID,
					SHA256: strings.Repeat("ab", 32), Name: "doc.pdf", Size: 1})},
				"file":          {got.File, accepts(workflow.KindFiled, workflow.SignoffBody{Role: roleFor(stepRole(p, "filing"))})},
				"runbook":       {got.Runbook, accepts(workflow.KindRunbook, workflow.RunbookBody{Role: roleFor(p.Settings.ReleaseOperatorRole), Runbook: []workflow.RunbookRow{{Action: "部署", Result: "ok"}}})},
				"package_check": {got.PackageCheck, accepts(workflow.KindPackageChecked, workflow.PackageCheckBody{Role: roleFor(p.Settings.ReleaseOperatorRole), Name: "p.zip", SHA256: strings.Repeat("cd", 32)})},
				"override":      {got.Override, accepts(workflow.KindOverride, workflow.SignoffBody{Role: roleFor(p.Settings.ReleaseOperatorRole), Comment: "现场修正"})},
				"release":       {got.Release && got.ReleaseBlocked == nil, accepts(workflow.KindReleased, workflow.SignoffBody{Role: roleFor(p.Settings.ReleaseOperatorRole)})},
				"supervise":     {got.Supervise, accepts(workflow.KindSupervised, workflow.SignoffBody{Role: roleFor(p.Settings.SupervisorRole)})},
				"same_day_test": {got.SameDayTest, p.SameDayTest && sc.st.Flow.Execution.SameDayTest == nil &&
					try.sameDayAccepts(actor, key, sameDay)},
				"confirm": {got.Confirm, accepts(workflow.KindConfirmed, workflow.ConfirmBody{Role: roleFor(p.Confirm().Role), Success: false,
					Answers: demo.YesTo(confirmItems, "否"), Rollback: "已回退"})},
				"postpone": {got.Postpone, accepts(workflow.KindPostponed, workflow.PostponeBody{Role: roleFor(stepRole(p, "postpone")), ProductionUnchanged: true,
					Reason: "回退", Plan: "顺延", PlannedAt: planned})},
				"archive": {got.Archive, accepts(workflow.KindArchived, workflow.ArchiveBody{Role: archiveRole, NotApplicable: na})},
			}
			for _, s := range sc.st.Flow.Slots {
				spec, _ := p.Slot(s.Step, s.Row)
				k := s.Key()
				check["decide "+k] = [2]bool{slices.Contains(got.Decide, k), accepts(workflow.KindDecided, workflow.DecideBody{Step: s.Step, Row: s.Row,
					Role: roleFor(spec.Role), Decision: workflow.DecisionApprove, Answers: demo.YesTo(spec.Items, "")})}
				to := other
				if to == actor.PublicKey {
					to = strings.Repeat("22", 32)
				}
				check["transfer "+k] = [2]bool{slices.Contains(got.Transfer, k), accepts(workflow.KindTransferred, workflow.TransferBody{Step: s.Step, Row: s.Row,
					Role: roleFor(spec.Role), To: to, ToName: "代理人"})}
				check["urge or decide "+k] = [2]bool{slices.Contains(got.Urge, k) != slices.Contains(got.Decide, k),
					accepts(workflow.KindUrged, workflow.UrgeBody{Step: s.Step, Row: s.Row, Comment: "请尽快"})}
			}
			for name, c := range check {
				if c[0] != c[1] {
					t.Errorf("%s %s, %s: offered %v, workflow accepts %v", sc.st.Type, sc.name, role+"/"+name, c[0], c[1])
				}
			}
		}
	}
}

// stepRole is the role of the plan's first step of kind, "" without one.
func stepRole(p *workflow.Plan, kind string) string {
	if s := p.StepOfKind(kind); s != nil {
		return s.Role
	}
	return ""
}

// keyOf returns the signing key of the sample actor for role, or the
// outsider's.
func keyOf(f *flowEnv, role string) ed25519.PrivateKey {
	if a, ok := f.d.Actors[role]; ok {
		return a.Key
	}
	return outsiderKey
}

// trial applies events to a copy of a dossier's workflow state, one at a
// time, each to the state as it was.
type trial struct {
	t    *testing.T
	st   dossier.State
	raw  []byte
	flow *workflow.State
}

func newTrial(t *testing.T, st dossier.State) *trial {
	raw, err := json.Marshal(st.Flow)
	must(t, err)
	return &trial{t: t, st: st, raw: raw}
}

// accepts applies one event signed with key and reports whether the
// workflow accepted it. A refused event leaves the state unchanged (Apply
// promises it), so the copy is made again only after an accepted one.
func (tr *trial) accepts(kind string, body any, key ed25519.PrivateKey) bool {
	tr.t.Helper()
	if tr.flow == nil {
		tr.flow = &workflow.State{}
		must(tr.t, json.Unmarshal(tr.raw, tr.flow))
	}
	st := tr.st
	e, err := ledger.New(st.ID, st.Heads, kind, body, st.UpdatedAt.Add(time.Minute), key)
	must(tr.t, err)
	_, err = workflow.Apply(workflow.DossierFacts{Plan: st.Plan, Zone: zone.Load(st.Zone), PlannedAt: st.PlannedAt}, tr.flow, e)
	if err == nil {
		tr.flow = nil
	}
	return err == nil
}

// sameDayAccepts reports whether the workflow lets actor record the
// same-day test once the test confirmation is attached: signed with their
// own key in the business confirmer role, or in a collecting role with a
// witnessed signature, which without a roster (as here) fails only for
// want of one (roster.none): the role itself was accepted.
func (tr *trial) sameDayAccepts(actor *workflow.Actor, key ed25519.PrivateKey, at string) bool {
	tr.t.Helper()
	p := tr.st.Plan
	flow := &workflow.State{}
	must(tr.t, json.Unmarshal(tr.raw, flow))
	facts := workflow.DossierFacts{Plan: p, Zone: zone.Load(tr.st.Zone), PlannedAt: tr.st.PlannedAt}
	heads, when := tr.st.Heads, tr.st.UpdatedAt.Add(time.Minute)
	if doc := p.SameDayTestDocument; doc != "" {
		e, err := ledger.New(tr.st.ID, heads, workflow.KindAttached, workflow.AttachBody{Deliverable: workflow.DocPrefix + doc,
			SHA256: strings.Repeat("ef", 32), Name: "test.pdf", Size: 1}, when, key)
		must(tr.t, err)
		if _, err := workflow.Apply(facts, flow, e); err != nil {
			return false
		}
		heads, when = []string{e.ID}, when.Add(time.Minute)
	}
	body := workflow.SameDayTestBody{ConfirmedBy: "需求部门 王经理", TestedAt: at}
	if len(p.SameDayTestRoles) > 0 {
		roles := p.SameDayTestRolesFor(*actor)
		if len(roles) > 0 {
			body.Role = roles[0]
		}
		if body.Role != p.SameDayTestConfirmerRole {
			body.Witness = &workflow.Witness{Person: "P-1", Image: strings.Repeat("ab", 32), Kind: workflow.WitnessHandwritten}
		}
	}
	e, err := ledger.New(tr.st.ID, heads, workflow.KindSameDayTest, body, when, key)
	must(tr.t, err)
	_, err = workflow.Apply(facts, flow, e)
	return err == nil || (body.Witness != nil && body.Role != "" && apperr.Code(err) == workflow.CodeNoRoster)
}

// TestViewCarriesTheProfilesActions: a dossier view says what the profile
// unlocked now may do, after a switch of profile too, and nothing when no
// profile is unlocked.
func TestViewCarriesTheProfilesActions(t *testing.T) {
	f := newFlowEnv(t)
	id := f.to(t, "upgrade", workflow.PhaseApproval)
	row := "up.2.countersign/cs"
	must(t, f.d.As("cs_director"))
	v, err := f.Dossiers.Get(id)
	must(t, err)
	if !slices.Equal(v.Actions.Decide, []string{row}) || len(v.Actions.Urge) != 5 || v.Actions.Withdraw {
		t.Fatalf("countersign director's actions %+v", v.Actions)
	}
	v, err = f.Dossiers.Decide(id, dossier.DecideRequest{Step: "up.2.countersign", Row: "cs", Decision: workflow.DecisionApprove,
		Answers: demo.YesTo(v.State.Plan.Steps[1].Rows[0].Items, "")})
	must(t, err)
	if len(v.Actions.Decide) != 0 || len(v.Actions.Urge) != 5 {
		t.Fatalf("after deciding, the view offers %+v", v.Actions)
	}
	must(t, f.d.As("system_owner"))
	v, err = f.Dossiers.Get(id)
	must(t, err)
	if v.Actions.Withdraw || !v.Actions.Attach || len(v.Actions.Decide) != 0 {
		t.Fatalf("the submitter after a decision may not withdraw: %+v", v.Actions)
	}
	f.Profiles.Lock()
	v, err = f.Dossiers.Get(id)
	must(t, err)
	raw, _ := json.Marshal(v.Actions)
	if len(flags(v.Actions)) != 0 || len(v.Actions.Urge) != 0 || !strings.Contains(string(raw), `"urge":[]`) {
		t.Fatalf("with no profile unlocked the view offers %s", raw)
	}
}

// blockedCode is the code of what blocks the release now, "" for nothing.
func blockedCode(a workflow.Actions) string {
	if a.ReleaseBlocked == nil {
		return ""
	}
	return a.ReleaseBlocked.Code
}
