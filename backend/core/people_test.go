package core_test

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golive/backend/core"
	"golive/backend/demo"
	"golive/backend/documents"
	"golive/backend/identity"
	"golive/backend/internal/testenv"
	"golive/backend/keys"
	"golive/backend/people"
	"golive/backend/printable"
	"golive/backend/profile"
	"golive/backend/roster"
	"golive/backend/store"
	"golive/backend/verify"
)

// The tests of this file check that names come from signed sources only
// (backend/people): an identity record edited on disk, or one added for a
// stranger's key, renames nobody in a history, a PDF or a verification.

// pdfText returns the text of a PDF as pdftotext reads it.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext is not installed: apt-get install -y poppler-utils (make test installs it)")
	}
	f := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(f, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", f, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	return string(out)
}

// profileSummary returns the profile with id.
func profileSummary(t *testing.T, c *core.Core, id string) profile.Summary {
	t.Helper()
	list, err := c.Profiles.List()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range list {
		if p.ID == id {
			return p
		}
	}
	t.Fatalf("no profile %s", id)
	return profile.Summary{}
}

// exportConfirmation signs the dossier's confirmation with the profile
// holding role.
func exportConfirmation(t *testing.T, c *core.Core, role, id string) documents.Output {
	t.Helper()
	return exportAs(t, c, profileWithRole(t, c, role), id)
}

// exportAs signs the dossier's confirmation with sample profile pid.
func exportAs(t *testing.T, c *core.Core, pid, id string) documents.Output {
	t.Helper()
	if _, err := c.Unlock(pid, demo.SamplePassphrase); err != nil {
		t.Fatal(err)
	}
	signer, err := c.PDFSigner()
	if err != nil {
		t.Fatal(err)
	}
	out, err := c.Documents().PDF(documents.Request{Kind: printable.KindConfirmation, Dossier: id}, signer)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// rawIdent writes value as the raw "ident" record of key pub in the
// folder at dir, with the folder closed: what anyone with the disk can do.
func rawIdent(t *testing.T, dir, pub string, value []byte) {
	t.Helper()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.Put("ident", pub, json.RawMessage(value)); err != nil {
		t.Fatal(err)
	}
}

// identRecord returns the raw "ident" record of key pub.
func identRecord(t *testing.T, c *core.Core, pub string) []byte {
	t.Helper()
	var raw json.RawMessage
	if err := c.Store.Get("ident", pub, &raw); err != nil {
		t.Fatal(err)
	}
	return raw
}

// authorNames returns the names the dossier's history gives the events of
// key pub.
func authorNames(t *testing.T, c *core.Core, id, pub string) []string {
	t.Helper()
	v, err := c.Dossiers.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, h := range v.History {
		if h.Author == pub {
			out = append(out, h.AuthorName)
		}
	}
	if len(out) == 0 {
		t.Fatalf("no event of %s in %s", pub, id)
	}
	return out
}

// reopen closes c, applies the edits to its folder on disk and opens it
// again, closed when t ends.
func reopen(t *testing.T, c *core.Core, edits ...func(dir string)) *core.Core {
	t.Helper()
	dir, clock := c.Store.Dir(), c.Clock
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	for _, edit := range edits {
		edit(dir)
	}
	n, err := core.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = n.Close() })
	n.Clock = clock
	return n
}

// creator returns the profile that created dossier id.
func creator(t *testing.T, c *core.Core, id string) profile.Summary {
	t.Helper()
	v, err := c.Dossiers.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	list, err := c.Profiles.List()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range list {
		if p.PublicKey == v.History[0].Author {
			return p
		}
	}
	t.Fatal("the creator is no profile of the folder")
	return profile.Summary{}
}

// TestEditedIdentityRecordRenamesNobody: the identity record of the
// dossier's applicant is edited on disk to say 李四. Without a roster the
// edited record no longer verifies and is ignored: his events show his
// key's fingerprint, in the history and in a new confirmation, never
// 李四, until he unlocks his profile, which writes his card again. Under
// a roster the same edit changes nothing: the history, a new
// confirmation's text and the verification of a confirmation made before
// all keep his name.
func TestEditedIdentityRecordRenamesNobody(t *testing.T) {
	c, id := sampleAt(t, "upgrade", "confirmed")
	who := creator(t, c, id)
	// rename reads the applicant's record now and returns the edit that
	// writes it back saying 李四.
	rename := func() func(dir string) {
		raw := identRecord(t, c, who.PublicKey)
		if !bytes.Contains(raw, []byte(who.Name)) {
			t.Fatalf("the record of %s's key does not name him: %s", who.Name, raw)
		}
		edited := bytes.ReplaceAll(raw, []byte(who.Name), []byte("李四"))
		return func(dir string) { rawIdent(t, dir, who.PublicKey, edited) }
	}
	noLisi := func(what string, b []byte) {
		t.Helper()
		if bytes.Contains(b, []byte("李四")) {
			t.Fatalf("%s names 李四:\n%s", what, b)
		}
	}
	before := exportConfirmation(t, c, "pmo", id)
	if !strings.Contains(pdfText(t, before.PDF), who.Name) {
		t.Fatalf("the confirmation does not name %s to begin with", who.Name)
	}

	// Without a roster: the fingerprint, never the edited name.
	c = reopen(t, c, rename())
	for _, n := range authorNames(t, c, id, who.PublicKey) {
		if n != "" {
			t.Fatalf("history names %s's event %q after his record was edited", who.Name, n)
		}
	}
	out := exportConfirmation(t, c, "pmo", id)
	text := pdfText(t, out.PDF)
	noLisi("the confirmation", []byte(text))
	fp := strings.ReplaceAll(who.Fingerprint, " ", "")
	if !strings.Contains(strings.ReplaceAll(text, " ", ""), fp[:8]) {
		t.Fatalf("the confirmation should show the fingerprint %s:\n%s", fp[:8], text)
	}
	rep, _ := json.Marshal(verify.Check(before.PDF, c.Documents()))
	noLisi("verify", rep)

	// His own unlock writes his card again.
	if _, err := c.Unlock(who.ID, demo.SamplePassphrase); err != nil {
		t.Fatal(err)
	}
	if got := authorNames(t, c, id, who.PublicKey); got[0] != who.Name {
		t.Fatalf("after unlocking, the history says %q", got[0])
	}
	if r := verify.Check(before.PDF, c.Documents()); r.Status != verify.Match {
		t.Fatalf("after unlocking: %s %+v %+v", r.Status, r.Problems, r.Differences)
	}

	// Under a roster: nothing changes.
	publishSampleRoster(t, c)
	c = reopen(t, c, rename())
	for _, n := range authorNames(t, c, id, who.PublicKey) {
		if n != who.Name {
			t.Fatalf("history names %s's event %q under the roster", who.Name, n)
		}
	}
	r := verify.Check(before.PDF, c.Documents())
	if r.Status != verify.Match || len(r.Differences) != 0 || r.Signature.Source != people.SourceRoster {
		t.Fatalf("under the roster the earlier confirmation is %s: %+v %+v", r.Status, r.Problems, r.Differences)
	}
	after := exportConfirmation(t, c, "pmo", id)
	text = pdfText(t, after.PDF)
	noLisi("the new confirmation", []byte(text))
	if !strings.Contains(text, who.Name) {
		t.Fatalf("the new confirmation does not name %s:\n%s", who.Name, text)
	}
	rep, _ = json.Marshal(verify.Check(after.PDF, c.Documents()))
	noLisi("verify", rep)
}

// TestStrangerClaimingAName: a stranger exports a dossier's confirmation
// signed with his own key (his profile then leaves the folder), and adds to
// the victim's folder an identity record, then a real card, claiming the
// name of the dossier's applicant. Under the roster the verification never
// reports a MATCH by a known signer: an unsigned record is ignored
// (verify.unknown_signer), a card is reported as the self-declared name it
// is (verify.signer_not_in_roster). The real applicant still signs a
// MATCH.
func TestStrangerClaimingAName(t *testing.T) {
	victim, id := sampleAt(t, "upgrade", "confirmed")
	publishSampleRoster(t, victim)
	who := creator(t, victim, id)
	// The stranger's profile signs the export, then leaves the folder: his
	// key is no profile of it any more, as if he had worked on a copy.
	victim.Profiles.KDF = testenv.FastKDF
	stranger, err := victim.CreateProfile(profile.CreateRequest{Name: who.Name, Department: who.Department, Roles: who.Roles, Passphrase: "stranger-pass"})
	if err != nil {
		t.Fatal(err)
	}
	signer, err := victim.PDFSigner()
	if err != nil {
		t.Fatal(err)
	}
	forged, err := victim.Documents().PDF(documents.Request{Kind: printable.KindConfirmation, Dossier: id}, signer)
	if err != nil {
		t.Fatal(err)
	}
	card := identityOf(t, victim)
	victim = reopen(t, victim, func(dir string) {
		st, err := store.Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		if _, err := st.Commit(nil, store.Put{Bucket: "prof", Key: stranger.ID}, store.Put{Bucket: "ident", Key: stranger.PublicKey}); err != nil {
			t.Fatal(err)
		}
	})
	check := func(when string) verify.Report {
		t.Helper()
		rep := verify.Check(forged.PDF, victim.Documents())
		if len(rep.Differences) != 0 {
			t.Fatalf("%s: the copied dossier differs: %+v", when, rep.Differences)
		}
		if rep.Status == verify.Match || rep.Signature.Known {
			t.Fatalf("%s: the stranger's PDF verifies as %s, known=%v, signer %q", when, rep.Status, rep.Signature.Known, rep.Signature.Signer)
		}
		return rep
	}
	if rep := check("before any record"); !hasCode(rep, "verify.unknown_signer") || rep.Signature.Signer != "" {
		t.Fatalf("before any record: %+v", rep)
	}

	// An unsigned record, as folders held before cards.
	old, _ := json.Marshal(profile.Identity{PublicKey: stranger.PublicKey, Name: who.Name, Department: who.Department, Roles: who.Roles})
	victim = reopen(t, victim, func(dir string) { rawIdent(t, dir, stranger.PublicKey, old) })
	if rep := check("unsigned record"); !hasCode(rep, "verify.unknown_signer") || rep.Signature.Signer != "" {
		t.Fatalf("an unsigned record named the stranger: %+v", rep.Signature)
	}

	// A real card, signed by the stranger's key.
	if _, err := victim.ImportCard([]byte(card.Text())); err != nil {
		t.Fatal(err)
	}
	rep := check("card")
	if !hasCode(rep, "verify.signer_not_in_roster") || hasCode(rep, "verify.unknown_signer") ||
		rep.Signature.Signer != who.Name || rep.Signature.Source != people.SourceCard {
		t.Fatalf("a card named the stranger: %+v %+v", rep.Signature, rep.Problems)
	}
	dir, err := victim.People()
	if err != nil {
		t.Fatal(err)
	}
	if e, _ := dir.Lookup(stranger.PublicKey); e.Source != people.SourceCard || e.Person != "" {
		t.Fatalf("the stranger is %+v", e)
	}
	if e, _ := dir.Lookup(who.PublicKey); e.Source != people.SourceRoster || e.Person == "" {
		t.Fatalf("the applicant is %+v", e)
	}

	// The real applicant's own export matches.
	out := exportAs(t, victim, who.ID, id)
	rep = verify.Check(out.PDF, victim.Documents())
	if rep.Status != verify.Match || !rep.Signature.Known || rep.Signature.Signer != who.Name || rep.Signature.Source != people.SourceRoster {
		t.Fatalf("%s's own export: %s %+v %+v", who.Name, rep.Status, rep.Signature, rep.Problems)
	}
}

// identityOf returns the unlocked profile's identity card.
func identityOf(t *testing.T, c *core.Core) identity.Card {
	t.Helper()
	card, err := c.IdentityCard("", "")
	if err != nil {
		t.Fatal(err)
	}
	return card
}

func hasCode(r verify.Report, code string) bool {
	for _, p := range r.Problems {
		if p.Code == code {
			return true
		}
	}
	return false
}

// TestRosterNameWinsOverCard: the roster names the dossier's applicant
// "<name>（发布）" in the 信息管理部; his own card still says <name>. The
// history, the people the app lists and a PDF all take the roster's name,
// and an old key the roster revoked keeps the name of the newest version
// listing its person.
func TestRosterNameWinsOverCard(t *testing.T) {
	c, id := sampleAt(t, "upgrade", "confirmed")
	zw := creator(t, c, id)
	zwID := zw.ID
	cards, err := c.Profiles.Cards()
	if err != nil || cards[zw.PublicKey].Name != zw.Name {
		t.Fatalf("%s's own card: %+v, %v", zw.Name, cards[zw.PublicKey], err)
	}
	publishRosterWith(t, c, func(r *roster.Roster, personOf map[string]string) {
		for i := range r.People {
			if r.People[i].ID == personOf[zwID] {
				r.People[i].Name, r.People[i].Department, r.People[i].SubDepartment = zw.Name+"（发布）", "信息管理部", "发布管理组"
			}
		}
	})
	for _, n := range authorNames(t, c, id, zw.PublicKey) {
		if n != zw.Name+"（发布）" {
			t.Fatalf("history says %q, the roster %s（发布）", n, zw.Name)
		}
	}
	dir, err := c.People()
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, e := range dir.All() {
		if e.PublicKey == zw.PublicKey {
			found = true
			if e.Name != zw.Name+"（发布）" || e.Source != people.SourceRoster || e.Department != "信息管理部" || e.SubDepartment != "发布管理组" || e.Person == "" {
				t.Fatalf("%s is listed as %+v", zw.Name, e)
			}
		}
	}
	if !found {
		t.Fatalf("%s is not listed", zw.Name)
	}
	text := pdfText(t, exportConfirmation(t, c, "pmo", id).PDF)
	if !strings.Contains(text, zw.Name+"（发布）") {
		t.Fatalf("the confirmation does not use the roster's name:\n%s", text)
	}

	t.Run("ARevokedKeyKeepsItsName", func(t *testing.T) {
		pub, _, err := keys.Generate()
		if err != nil {
			t.Fatal(err)
		}
		newPub := hex.EncodeToString(pub)
		chain, err := c.Roster.Chain()
		if err != nil {
			t.Fatal(err)
		}
		tip, _ := chain.Tip()
		// A deep copy: the chain's versions are not to be changed.
		var next roster.Roster
		b, _ := json.Marshal(tip.Roster)
		if err := json.Unmarshal(b, &next); err != nil {
			t.Fatal(err)
		}
		next.Version++
		for i := range next.People {
			for j, k := range next.People[i].Keys {
				if k.Public == zw.PublicKey {
					next.People[i].Keys[j] = roster.Key{Public: newPub}
					next.People[i].Name = zw.Name
				}
			}
		}
		next.Revocations = append(next.Revocations, roster.Revocation{Key: zw.PublicKey, Heads: vHeads(t, c, id)})
		if _, err := c.Unlock(profileWithRole(t, c, "pmo"), demo.SamplePassphrase); err != nil {
			t.Fatal(err)
		}
		if _, err := c.PublishRoster(next); err != nil {
			t.Fatalf("publish: %v", err)
		}
		for _, n := range authorNames(t, c, id, zw.PublicKey) {
			if n != zw.Name {
				t.Fatalf("the revoked key's events say %q, want the newest name %s", n, zw.Name)
			}
		}
		dir, err := c.People()
		if err != nil {
			t.Fatal(err)
		}
		if e, ok := dir.Lookup(newPub); !ok || e.Name != zw.Name || e.Source != people.SourceRoster {
			t.Fatalf("the new key is %+v", e)
		}
	})
}

func vHeads(t *testing.T, c *core.Core, id string) []string {
	t.Helper()
	v, err := c.Dossiers.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	return v.State.Heads
}
