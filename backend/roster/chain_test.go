package roster_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"golive/backend/apperr"
	"golive/backend/keys"
	"golive/backend/ledger"
	"golive/backend/roster"
	"golive/backend/store"
)

// secondVersion moves the CIO role from cio to a new person and keeps
// cio's events up to none (an empty cutoff).
func secondVersion() roster.Roster {
	r := baseRoster()
	r.Note = "new CIO"
	r.People[1].Roles = nil
	r.People = append(r.People, roster.Person{ID: "cio2", Name: "程新", Department: "company_leadership", Keys: keysOf("cio2"), Roles: []string{"cio"}})
	r.Cutoffs = []roster.Cutoff{{Person: "cio", Heads: []string{}}}
	return r
}

func TestPublishThenImportIntoAnotherFolder(t *testing.T) {
	pmo := openFolder(t, "pmo")
	v1 := pmo.publish(t, baseRoster())
	v2 := pmo.publish(t, secondVersion())
	if v1.Version != 1 || v2.Version != 2 {
		t.Fatalf("versions = %d, %d", v1.Version, v2.Version)
	}
	if pin, ok, err := pmo.svc.Pinned(); err != nil || !ok || pin.PublicKey != pub("pmo") {
		t.Fatalf("publishing version 1 pins the PMO's key: %+v %v %v", pin, ok, err)
	}
	infos, err := pmo.svc.Versions()
	if err != nil {
		t.Fatal(err)
	}
	if len(infos) != 2 || infos[1].Event != v2.Event || infos[1].Publisher != "庞敏" || infos[1].Note != "new CIO" || infos[1].People != 13 {
		t.Fatalf("Versions = %+v", infos)
	}

	other := openFolder(t, "")
	sent := pmo.stored(t)
	_, err = other.svc.Import(sent)
	assertCode(t, err, roster.CodeNotPinned)
	if fp := err.(*apperr.Error).Params["fingerprint"]; fp != keys.FingerprintHex(pub("pmo")) {
		t.Fatalf("not_pinned names fingerprint %q, want the root's", fp)
	}

	t.Run("a mistyped fingerprint is refused", func(t *testing.T) {
		wrong := keys.FingerprintHex(pub("cio"))
		_, err := other.svc.Pin(pub("pmo"), wrong)
		assertCode(t, err, roster.CodeFingerprintMismatch)
	})

	// The user confirms it, typed in lower case without spaces.
	confirmed := strings.ToLower(strings.ReplaceAll(keys.FingerprintHex(pub("pmo")), " ", ""))
	if _, err := other.svc.Pin(pub("pmo"), confirmed); err != nil {
		t.Fatalf("Pin: %v", err)
	}
	res, err := other.svc.Import(sent)
	if err != nil {
		t.Fatalf("Import: %v", err)
	}
	if res.Added != 2 || res.Versions != 2 || res.Tip != v2.Event {
		t.Fatalf("Import = %+v", res)
	}
	inForce, ok, err := other.svc.InForce()
	if err != nil || !ok || inForce.Event != v2.Event || inForce.Note != "new CIO" {
		t.Fatalf("InForce = %+v %v %v", inForce, ok, err)
	}
	if res, err := other.svc.Import(sent); err != nil || res.Added != 0 {
		t.Fatalf("re-import = %+v, %v; want nothing added", res, err)
	}

	t.Run("the pin cannot be replaced", func(t *testing.T) {
		_, err := other.svc.Pin(pub("cio"), keys.FingerprintHex(pub("cio")))
		assertCode(t, err, roster.CodeAlreadyPinned)
		if _, err := other.svc.Pin(pub("pmo"), keys.FingerprintHex(pub("pmo"))); err != nil {
			t.Errorf("pinning the same key again: %v", err)
		}
	})

	t.Run("the chain survives reopening the store", func(t *testing.T) {
		dir := other.st.Dir()
		other.st.Close()
		st, err := store.Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		c, err := roster.NewService(st, nil, nil, shanghai).Chain()
		if err != nil || c.Len() != 2 {
			t.Fatalf("Chain = %v, %v", c.Len(), err)
		}
	})
}

func TestRotation(t *testing.T) {
	pmo := openFolder(t, "pmo")
	pmo.publish(t, baseRoster())

	// Version 2, signed with the old key, gives the PMO a new key and
	// revokes the old one.
	r := baseRoster()
	person(t, &r, "pmo").Keys = keysOf("pmo-2028")
	r.Revocations = []roster.Revocation{{Key: pub("pmo"), Heads: []string{}, Reason: "rotation"}}
	pmo.publish(t, r)

	t.Run("the old key can no longer sign", func(t *testing.T) {
		_, err := pmo.svc.Publish(r)
		assertCode(t, err, roster.CodeNotPMO)
	})

	pmo.signer = "pmo-2028"
	r.Revocations = nil
	r.Note = "signed with the new key"
	v3 := pmo.publish(t, r)

	other := openFolder(t, "")
	if _, err := other.svc.Pin(pub("pmo"), keys.FingerprintHex(pub("pmo"))); err != nil {
		t.Fatal(err)
	}
	res, err := other.svc.Import(pmo.stored(t))
	if err != nil || res.Versions != 3 || res.Tip != v3.Event {
		t.Fatalf("Import of a rotated chain = %+v, %v", res, err)
	}
	c, _ := other.svc.Chain()
	if rev, n, ok := c.Revoked(pub("pmo")); !ok || n != 2 || rev.Reason != "rotation" {
		t.Fatalf("Revoked = %+v %d %v", rev, n, ok)
	}
}

func TestForgedVersions(t *testing.T) {
	pmo := openFolder(t, "pmo")
	v1 := pmo.publish(t, baseRoster())
	sent := pmo.stored(t)

	forge := func(t *testing.T, by string, r roster.Roster) ledger.Event {
		t.Helper()
		r.Version = 2
		e, err := ledger.New(roster.Stream, []string{v1.Event}, roster.KindPublished, r, day("2027-02-01"), key(by))
		if err != nil {
			t.Fatal(err)
		}
		return e
	}
	// The CIO, a real person with a real key but no PMO, makes himself
	// template editor.
	promoted := baseRoster()
	person(t, &promoted, "cio").Roles = []string{"cio", "pmo"}
	byCIO := forge(t, "cio", promoted)

	tampered := forge(t, "pmo", baseRoster())
	tampered.Body = json.RawMessage(strings.Replace(string(tampered.Body), `"roles":["cio"]`, `"roles":["cio","pmo"]`, 1))
	if !strings.Contains(string(tampered.Body), `"cio","pmo"`) {
		t.Fatal("the tampering did not apply")
	}
	resigned := byCIO
	resigned.Author = pub("pmo") // claims the PMO wrote what the CIO signed
	badSig := forge(t, "pmo", promoted)
	badSig.Sig = byCIO.Sig // the PMO's content, someone else's signature

	cases := []struct {
		name  string
		event ledger.Event
		code  string
	}{
		{"signed by a key that is not the PMO's", byCIO, roster.CodeNotPMO},
		{"body changed after signing", tampered, ledger.CodeBadID},
		{"author swapped for the PMO", resigned, ledger.CodeBadID},
		{"signature not the PMO's", badSig, ledger.CodeBadSignature},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			other := openFolder(t, "")
			if _, err := other.svc.Pin(pub("pmo"), keys.FingerprintHex(pub("pmo"))); err != nil {
				t.Fatal(err)
			}
			_, err := other.svc.Import(append(slices.Clone(sent), c.event))
			assertCode(t, err, c.code)
			if n := len(other.stored(t)); n != 0 {
				t.Fatalf("a refused import stored %d events; want none (all or nothing)", n)
			}
			if _, err := pmo.svc.Import([]ledger.Event{c.event}); apperr.Code(err) != c.code {
				t.Fatalf("import into the PMO's own folder: %v, want %s", err, c.code)
			}
		})
	}

	t.Run("the CIO cannot publish either", func(t *testing.T) {
		pmo.signer = "cio"
		defer func() { pmo.signer = "pmo" }()
		_, err := pmo.svc.Publish(promoted)
		assertCode(t, err, roster.CodeNotPMO)
	})
}

func TestForeignRoot(t *testing.T) {
	ours := openFolder(t, "pmo")
	ours.publish(t, baseRoster())

	// Another organisation's PMO builds a chain of its own.
	theirs := openFolder(t, "other-pmo")
	r := baseRoster()
	person(t, &r, "pmo").Keys = keysOf("other-pmo")
	theirs.publish(t, r)

	_, err := ours.svc.Import(theirs.stored(t))
	assertCode(t, err, roster.CodeForeignRoot)
	if n := len(ours.stored(t)); n != 1 {
		t.Fatalf("stored %d versions after a refused import, want 1", n)
	}

	t.Run("a folder pinned to our PMO refuses their first version", func(t *testing.T) {
		fresh := openFolder(t, "other-pmo")
		if _, err := fresh.svc.Pin(pub("pmo"), keys.FingerprintHex(pub("pmo"))); err != nil {
			t.Fatal(err)
		}
		_, err := fresh.svc.Publish(r)
		assertCode(t, err, roster.CodeForeignRoot)
	})

	t.Run("a first version must name its signer as PMO", func(t *testing.T) {
		fresh := openFolder(t, "cio")
		_, err := fresh.svc.Publish(baseRoster())
		assertCode(t, err, roster.CodeNotPMO)
	})
}

func TestImportNeedsEveryParent(t *testing.T) {
	pmo := openFolder(t, "pmo")
	pmo.publish(t, baseRoster())
	v2 := pmo.publish(t, secondVersion())
	var only []ledger.Event
	for _, e := range pmo.stored(t) {
		if e.ID == v2.Event {
			only = append(only, e)
		}
	}
	other := openFolder(t, "")
	if _, err := other.svc.Pin(pub("pmo"), keys.FingerprintHex(pub("pmo"))); err != nil {
		t.Fatal(err)
	}
	_, err := other.svc.Import(only)
	assertCode(t, err, roster.CodeMissingParent)
}

// TestSuccessorRules: what Publish refuses in a new version, each with its
// own code.
func TestSuccessorRules(t *testing.T) {
	cases := []struct {
		name   string
		mutate func(t *testing.T, r *roster.Roster)
		code   string
	}{
		{"a key dropped without revocation", func(t *testing.T, r *roster.Roster) {
			person(t, r, "cs").Keys = keysOf("cs-new")
		}, roster.CodeKeyDropped},
		{"a key given to someone else", func(t *testing.T, r *roster.Roster) {
			person(t, r, "biz").Keys = append(person(t, r, "biz").Keys, roster.Key{Public: pub("cs")})
			person(t, r, "cs").Keys = nil
		}, roster.CodeKeyMoved},
		{"a revocation of a key never listed", func(t *testing.T, r *roster.Roster) {
			r.Revocations = []roster.Revocation{{Key: pub("stranger")}}
		}, roster.CodeBadRevocation},
		{"a role removed without a cutoff", func(t *testing.T, r *roster.Roster) {
			person(t, r, "cs").Roles = nil
		}, roster.CodeCutoffMissing},
		{"a dev lead replaced without a cutoff", func(t *testing.T, r *roster.Roster) {
			r.Systems[0].DevLead = "lead-b"
		}, roster.CodeCutoffMissing},
		{"a delegation ended without a cutoff", func(t *testing.T, r *roster.Roster) {
			r.Delegations = nil
		}, roster.CodeCutoffMissing},
		{"a scoped role granted outright", func(t *testing.T, r *roster.Roster) {
			person(t, r, "lead-b").Roles = []string{"release_operator"}
		}, roster.CodeScopedRole},
		{"a role the template does not know", func(t *testing.T, r *roster.Roster) {
			person(t, r, "cs").Roles = append(person(t, r, "cs").Roles, "astronaut")
		}, roster.CodeUnknownRole},
		{"a delegation to oneself", func(t *testing.T, r *roster.Roster) {
			r.Delegations[0].To = r.Delegations[0].For
		}, roster.CodeBadDelegation},
		{"a delegation ending before it starts", func(t *testing.T, r *roster.Roster) {
			r.Delegations[0].End = "2027-02-01"
		}, roster.CodeBadRange},
		{"a head naming nobody", func(t *testing.T, r *roster.Roster) {
			r.Heads[0].Person = "ghost"
		}, roster.CodeUnknownPerson},
		{"a key listed twice", func(t *testing.T, r *roster.Roster) {
			person(t, r, "biz").Keys = append(person(t, r, "biz").Keys, roster.Key{Public: pub("cs")})
		}, roster.CodeDuplicateKey},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pmo := openFolder(t, "pmo")
			base := baseRoster()
			base.Delegations = []roster.Delegation{{ID: "leave-1", For: "cs", To: "biz", Roles: []string{"cs_director"}, Start: "2027-03-01", End: "2027-03-10"}}
			pmo.publish(t, base)
			next := baseRoster()
			next.Delegations = slices.Clone(base.Delegations)
			c.mutate(t, &next)
			_, err := pmo.svc.Publish(next)
			assertCode(t, err, c.code)
			if infos, _ := pmo.svc.Versions(); len(infos) != 1 {
				t.Fatalf("a refused version was stored: %d versions", len(infos))
			}
		})
	}

	t.Run("a revoked key is never listed again", func(t *testing.T) {
		pmo := openFolder(t, "pmo")
		pmo.publish(t, baseRoster())
		r := baseRoster()
		person(t, &r, "cs").Keys = keysOf("cs-new")
		r.Revocations = []roster.Revocation{{Key: pub("cs"), Heads: []string{}}}
		pmo.publish(t, r)
		r.Revocations = nil
		person(t, &r, "cs").Keys = keysOf("cs-new", "cs")
		_, err := pmo.svc.Publish(r)
		assertCode(t, err, roster.CodeKeyReused)
	})
}

func TestForkFollowsTheLongerBranchThenTheSmallerID(t *testing.T) {
	root := events(t, signed{"pmo", baseRoster()})[0]
	child := func(parent ledger.Event, version int, note string) ledger.Event {
		r := baseRoster()
		r.Version, r.Note = version, note
		e, err := ledger.New(roster.Stream, []string{parent.ID}, roster.KindPublished, r, day("2027-02-01"), key("pmo"))
		if err != nil {
			t.Fatal(err)
		}
		return e
	}
	x, y := child(root, 2, "from the laptop"), child(root, 2, "from the desktop")
	small, large := x, y
	if large.ID < small.ID {
		small, large = large, small
	}
	tip := func(evs ...ledger.Event) string {
		t.Helper()
		c, err := roster.VerifyChain(evs, pub("pmo"))
		if err != nil {
			t.Fatal(err)
		}
		v, _ := c.Tip()
		return v.Event
	}
	if got := tip(root, large, small); got != small.ID {
		t.Errorf("equal branches: tip %s, want the smaller id %s", got, small.ID)
	}
	if got := tip(large, root, small); got != small.ID {
		t.Errorf("the order of the events changed the tip")
	}
	longer := child(large, 3, "on top")
	if got := tip(root, small, large, longer); got != longer.ID {
		t.Errorf("tip %s, want the longer branch's %s", got, longer.ID)
	}
}
