package roster_test

import (
	"bytes"
	"crypto/ed25519"
	"strings"
	"testing"

	"golive/backend/apperr"
	"golive/backend/keys"
	"golive/backend/ledger"
	"golive/backend/profile"
	"golive/backend/roster"
)

// withRoles makes the folder's unlocked profile (f.signer) hold roles.
func withRoles(f *folder, roles ...string) {
	f.svc.Signer = func() (profile.Summary, ed25519.PrivateKey, error) {
		if f.signer == "" {
			return profile.Summary{}, nil, apperr.New("profile.locked")
		}
		return profile.Summary{Identity: profile.Identity{Roles: roles}}, key(f.signer), nil
	}
}

// published is a folder whose PMO published versions 1 and 2 of
// baseRoster (version 2 adds a delegation), and its exported file.
func published(t testing.TB) (*folder, []byte) {
	t.Helper()
	f := openFolder(t, "pmo")
	f.publish(t, baseRoster())
	r2 := baseRoster()
	r2.Delegations = []roster.Delegation{{ID: "d1", For: "cio", To: "cs", Roles: []string{"cio"}, Start: "2027-02-01", End: "2027-02-10"}}
	f.publish(t, r2)
	b, n, err := f.svc.Export()
	if err != nil || n != 2 {
		t.Fatalf("Export: %d versions, %v", n, err)
	}
	return f, b
}

// isPinned reports whether the folder pins a PMO key.
func isPinned(t *testing.T, f *folder) bool {
	t.Helper()
	_, ok, err := f.svc.Pinned()
	if err != nil {
		t.Fatal(err)
	}
	return ok
}

func TestRosterFileTravelsToAnotherFolder(t *testing.T) {
	_, file := published(t)
	if !bytes.HasPrefix(file, []byte(`{"format":"golive-roster/1","events":[`)) {
		t.Fatalf("file starts %q", file[:40])
	}
	parsed, err := roster.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	other := openFolder(t, "")
	fp := keys.FingerprintHex(pub("pmo"))

	t.Run("PreviewShowsTheRootAndWritesNothing", func(t *testing.T) {
		p, err := other.svc.Preview(parsed)
		if err != nil {
			t.Fatal(err)
		}
		if p.Fingerprint != fp || p.RootName != "庞敏" || p.RootID != "pmo" || p.Versions != 2 || p.Latest != 2 ||
			p.New != 2 || p.Pin != roster.PinNone || p.Organisation != "远东宏信" || p.People != len(baseRoster().People) {
			t.Fatalf("preview %+v", p)
		}
		if len(other.stored(t)) != 0 || isPinned(t, other) {
			t.Fatal("preview wrote to the folder")
		}
	})
	t.Run("AcceptWithoutConfirmationAsksForTheFingerprint", func(t *testing.T) {
		_, err := other.svc.Accept(parsed, "")
		assertCode(t, err, roster.CodeNotPinned)
		var e *apperr.Error
		if !asCoded(err, &e) || e.Params["fingerprint"] != fp {
			t.Fatalf("params %+v", e)
		}
		if len(other.stored(t)) != 0 || isPinned(t, other) {
			t.Fatal("a refused accept wrote to the folder")
		}
	})
	t.Run("AWrongFingerprintChangesNothing", func(t *testing.T) {
		wrong := keys.FingerprintHex(pub("cio"))
		_, err := other.svc.Accept(parsed, wrong)
		assertCode(t, err, roster.CodeFingerprintMismatch)
		if len(other.stored(t)) != 0 || isPinned(t, other) {
			t.Fatal("a refused accept wrote to the folder")
		}
	})
	t.Run("TheConfirmedFingerprintPinsAndImports", func(t *testing.T) {
		res, err := other.svc.Accept(parsed, strings.ToLower(strings.ReplaceAll(fp, " ", "")))
		if err != nil {
			t.Fatal(err)
		}
		if res.Added != 2 || res.Versions != 2 {
			t.Fatalf("result %+v", res)
		}
		pin, ok, _ := other.svc.Pinned()
		if !ok || pin.PublicKey != pub("pmo") || pin.Fingerprint != fp {
			t.Fatalf("pin %+v", pin)
		}
		v, ok, err := other.svc.InForce()
		if err != nil || !ok || v.Version != 2 || len(v.Delegations) != 1 {
			t.Fatalf("in force %+v %v", v, err)
		}
	})
	t.Run("AcceptingAgainAddsNothing", func(t *testing.T) {
		res, err := other.svc.Accept(parsed, "")
		if err != nil || res.Added != 0 || res.Versions != 2 {
			t.Fatalf("again: %+v %v", res, err)
		}
		p, err := other.svc.Preview(parsed)
		if err != nil || p.Pin != roster.PinSame || p.New != 0 {
			t.Fatalf("preview %+v %v", p, err)
		}
	})
}

func TestAFolderPinnedToAnotherKeyRefusesTheFile(t *testing.T) {
	_, file := published(t)
	parsed, err := roster.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	other := openFolder(t, "")
	if _, err := other.svc.Pin(pub("cio"), keys.FingerprintHex(pub("cio"))); err != nil {
		t.Fatal(err)
	}
	p, err := other.svc.Preview(parsed)
	if err != nil || p.Pin != roster.PinForeign || p.PinnedFingerprint != keys.FingerprintHex(pub("cio")) {
		t.Fatalf("preview %+v %v", p, err)
	}
	_, err = other.svc.Accept(parsed, keys.FingerprintHex(pub("pmo")))
	assertCode(t, err, roster.CodeForeignRoot)
	if len(other.stored(t)) != 0 {
		t.Fatal("the refused file was stored")
	}
}

// TestAForgedVersionRefusesTheWholeFile: version 2 signed by someone the
// first version does not name as PMO refuses the file, and the folder
// stays unpinned.
func TestAForgedVersionRefusesTheWholeFile(t *testing.T) {
	evs := events(t, signed{"pmo", baseRoster()}, signed{"cio", baseRoster()})
	file := fileOf(t, evs...)
	parsed, err := roster.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	other := openFolder(t, "")
	_, err = other.svc.Preview(parsed)
	assertCode(t, err, roster.CodeNotPMO)
	_, err = other.svc.Accept(parsed, keys.FingerprintHex(pub("pmo")))
	assertCode(t, err, roster.CodeNotPMO)
	if len(other.stored(t)) != 0 || isPinned(t, other) {
		t.Fatal("a refused file changed the folder")
	}
}

// fileOf writes events as a roster file, as Export does.
func fileOf(t *testing.T, evs ...ledger.Event) []byte {
	t.Helper()
	var b bytes.Buffer
	b.WriteString(`{"format":"golive-roster/1","events":[`)
	for i, e := range evs {
		w, err := ledger.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(w)
	}
	b.WriteString("]}")
	return b.Bytes()
}

func TestBadRosterFilesAreRefused(t *testing.T) {
	_, good := published(t)
	evs := events(t, signed{"pmo", baseRoster()}, signed{"pmo", baseRoster()})
	tampered := bytes.Replace(fileOf(t, evs...), []byte("庞敏"), []byte("庞明"), 1)
	cases := []struct {
		name string
		file []byte
		code string
	}{
		{"NotJSON", []byte("PK\x03\x04 a workbook"), roster.CodeFileMalformed},
		{"OtherFormat", []byte(`{"format":"golive-identity/1","events":[]}`), roster.CodeFileFormat},
		{"NoFormat", []byte(`{"events":[]}`), roster.CodeFileFormat},
		{"UnknownMember", bytes.Replace(good, []byte(`"events"`), []byte(`"extra":1,"events"`), 1), roster.CodeFileMalformed},
		{"TrailingData", append(append([]byte{}, good...), []byte(`{}`)...), roster.CodeFileMalformed},
		{"NoEvents", []byte(`{"format":"golive-roster/1","events":[]}`), roster.CodeFileEmpty},
		{"TamperedEvent", tampered, roster.CodeFileMalformed},
		{"TooLarge", bytes.Repeat([]byte(" "), roster.MaxFileBytes+1), roster.CodeFileTooLarge},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := roster.ReadFile(bytes.NewReader(tc.file))
			assertCode(t, err, tc.code)
		})
	}
	t.Run("NoFirstVersion", func(t *testing.T) {
		parsed, err := roster.ParseFile(fileOf(t, evs[1]))
		if err != nil {
			t.Fatal(err)
		}
		other := openFolder(t, "")
		_, err = other.svc.Preview(parsed)
		assertCode(t, err, roster.CodeFileRoots)
		_, err = other.svc.Accept(parsed, keys.FingerprintHex(pub("pmo")))
		assertCode(t, err, roster.CodeFileRoots)
	})
	t.Run("NothingToExport", func(t *testing.T) {
		_, _, err := openFolder(t, "pmo").svc.Export()
		assertCode(t, err, roster.CodeNone)
	})
}

func asCoded(err error, e **apperr.Error) bool {
	x, ok := err.(*apperr.Error)
	*e = x
	return ok
}

func TestEditingTheDraft(t *testing.T) {
	f := openFolder(t, "pmo")
	withRoles(f, "pmo")
	r := baseRoster()
	r.PMO = nil // the editor derives the PMO from the pmo role
	t.Run("ASelfDelegationIsRefusedAndChangesNothing", func(t *testing.T) {
		bad := r
		bad.Delegations = []roster.Delegation{{ID: "d1", For: "cio", To: "cio", Roles: []string{"cio"}, Start: "2027-02-01", End: "2027-02-10"}}
		_, err := f.svc.EditDraft(bad, "edit")
		assertCode(t, err, roster.CodeBadDelegation)
		if _, ok, _ := f.svc.Draft(); ok {
			t.Fatal("a refused edit saved a draft")
		}
	})
	t.Run("AValidEditIsSavedWithThePMOOfTheRoles", func(t *testing.T) {
		good := r
		good.Delegations = []roster.Delegation{{ID: "d1", For: "cio", To: "cs", Roles: []string{"cio"}, Start: "2027-02-01", End: "2027-02-10"}}
		d, err := f.svc.EditDraft(good, "edit")
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Roster.PMO) != 1 || d.Roster.PMO[0] != "pmo" || d.Roster.Version != 1 || len(d.Roster.Delegations) != 1 {
			t.Fatalf("draft %+v", d.Roster)
		}
		o, err := f.svc.Overview()
		if err != nil || o.Draft == nil || o.Draft.Problem != nil || !o.MayEdit || o.InForce != nil {
			t.Fatalf("overview %+v %v", o, err)
		}
		if o.Keys[pub("cio")].Fingerprint != keys.FingerprintHex(pub("cio")) {
			t.Fatalf("keys %+v", o.Keys)
		}
	})
	t.Run("SomeoneWithoutThePMORoleMayNotEdit", func(t *testing.T) {
		other := openFolder(t, "cio")
		withRoles(other, "cio")
		_, err := other.svc.EditDraft(r, "edit")
		assertCode(t, err, roster.CodeNotPMO)
		o, err := other.svc.Overview()
		if err != nil || o.MayEdit {
			t.Fatalf("overview %+v %v", o, err)
		}
	})
	t.Run("AfterPublishingOnlyThePMOOfTheVersionInForceEdits", func(t *testing.T) {
		d, _, _ := f.svc.Draft()
		f.publish(t, d.Roster)
		f.signer = "cio"
		withRoles(f, "pmo") // holding the role is not enough once a roster names the PMO
		_, err := f.svc.DraftFromInForce()
		assertCode(t, err, roster.CodeNotPMO)
		f.signer = "pmo"
		d2, err := f.svc.DraftFromInForce()
		if err != nil || d2.Roster.Version != 2 || len(d2.Roster.Delegations) != 1 {
			t.Fatalf("draft from in force %+v %v", d2.Roster, err)
		}
		o, err := f.svc.Overview()
		if err != nil || o.InForce == nil || o.InForce.Roster.Version != 1 || o.Me != "pmo" || len(o.Versions) != 1 || o.Draft.Problem != nil {
			t.Fatalf("overview %+v %v", o, err)
		}
	})
	t.Run("RevokedKeysAreMarked", func(t *testing.T) {
		d, _, _ := f.svc.Draft()
		next := d.Roster
		person(t, &next, "cs").Keys = keysOf("cs-2")
		next.Revocations = []roster.Revocation{{Key: pub("cs"), Heads: []string{}, Reason: "lost laptop"}}
		next.Cutoffs = []roster.Cutoff{}
		if _, err := f.svc.EditDraft(next, "edit"); err != nil {
			t.Fatal(err)
		}
		d, _, _ = f.svc.Draft()
		f.publish(t, d.Roster)
		o, err := f.svc.Overview()
		if err != nil {
			t.Fatal(err)
		}
		if k := o.Keys[pub("cs")]; k.RevokedIn != 2 || k.Reason != "lost laptop" {
			t.Fatalf("revoked key %+v", k)
		}
		if o.Draft == nil || o.Draft.Problem == nil || o.Draft.Problem.Code != roster.CodeBadRevocation {
			t.Fatalf("the draft revoking an already revoked key should not be publishable: %+v", o.Draft)
		}
	})
}
