package workflow_test

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"testing"
	"time"

	"golive/backend/ledger"
	"golive/backend/template"
	"golive/backend/workflow"
	"golive/backend/zone"
)

// person is someone holding one role, with a key derived from it.
type person struct {
	key   ed25519.PrivateKey
	actor workflow.Actor
}

func personFor(role string) person {
	seed := sha256.Sum256([]byte("workflow-test/" + role))
	key := ed25519.NewKeyFromSeed(seed[:])
	return person{key: key, actor: workflow.Actor{PublicKey: hex.EncodeToString(key.Public().(ed25519.PublicKey)), Roles: []string{role}}}
}

// TestActionsForIsPure drives an upgrade's workflow state with signed
// events and nothing else (no store, no service) and asks ActionsFor what
// each person may do at each point.
func TestActionsForIsPure(t *testing.T) {
	tpl, err := template.Default()
	if err != nil {
		t.Fatal(err)
	}
	p, err := workflow.NewPlan(tpl, "upgrade", "planned")
	if err != nil {
		t.Fatal(err)
	}
	st := workflow.NewState(p)
	facts := workflow.DossierFacts{Plan: p, Zone: zone.Default(), PlannedAt: time.Date(2026, 12, 10, 19, 0, 0, 0, zone.Default())}
	at := time.Date(2026, 11, 30, 9, 0, 0, 0, zone.Default())
	apply := func(who person, kind string, body any) {
		t.Helper()
		at = at.Add(time.Minute)
		e, err := ledger.New("R26PURE", nil, kind, body, at, who.key)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := workflow.Apply(facts, st, e); err != nil {
			t.Fatalf("%s by %v: %v", kind, who.actor.Roles, err)
		}
	}
	owner, cs, outsider := personFor("system_owner"), personFor("cs_director"), personFor("nobody")

	t.Run("Draft", func(t *testing.T) {
		if a := workflow.ActionsFor(p, st, &owner.actor); !a.Submit || a.Withdraw || len(a.Decide) != 0 {
			t.Fatalf("the start role in a draft: %+v", a)
		}
		if a := workflow.ActionsFor(p, st, &cs.actor); a.Submit || !a.Attach || !a.Comment {
			t.Fatalf("another role in a draft: %+v", a)
		}
		if a := workflow.ActionsFor(p, st, nil); a.Submit || a.Comment || a.Decide == nil {
			t.Fatalf("no profile: %+v", a)
		}
	})

	start := p.Slots()[0]
	for i, d := range start.Deliverables {
		if d.Required && !d.Generated {
			sum := sha256.Sum256([]byte{byte(i)})
			apply(owner, workflow.KindAttached, workflow.AttachBody{Deliverable: d.ID, SHA256: hex.EncodeToString(sum[:]), Name: d.ID + ".docx", Size: 1})
		}
	}
	answers := map[string]workflow.Answer{}
	for _, it := range start.Items {
		answers[it.ID] = workflow.Answer{Yes: true}
	}
	apply(owner, workflow.KindSubmitted, workflow.SubmitBody{Role: "system_owner", Answers: answers})

	t.Run("Approval", func(t *testing.T) {
		a := workflow.ActionsFor(p, st, &cs.actor)
		if !slices.Equal(a.Decide, []string{"up.2.countersign/cs"}) || !slices.Equal(a.Transfer, a.Decide) || len(a.Urge) != 5 || a.Withdraw {
			t.Fatalf("the cs director in approval: %+v", a)
		}
		if a := workflow.ActionsFor(p, st, &owner.actor); !a.Withdraw || len(a.Decide) != 0 || len(a.Urge) != 6 {
			t.Fatalf("the submitter in approval: %+v", a)
		}
		if a := workflow.ActionsFor(p, st, &outsider.actor); a.Withdraw || len(a.Decide) != 0 || len(a.Urge) != 6 || !a.Attach {
			t.Fatalf("someone without a role in approval: %+v", a)
		}
	})
}
