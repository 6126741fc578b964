package core_test

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"golive/backend/apperr"
	"golive/backend/blob"
	"golive/backend/check"
	"golive/backend/core"
	"golive/backend/dossier"
	"golive/backend/exchange"
	"golive/backend/exchange/exchangetest"
	"golive/backend/keys"
	"golive/backend/ledger"
	"golive/backend/roster"
	"golive/backend/system"
	"golive/backend/template"
	"golive/backend/window"
)

// exchangeSample returns a copy of the sample folder (see sampleAt) with
// the sample roster published by the sample PMO, who stays unlocked, and
// the sample dossier with the most attachments and their digests.
func exchangeSample(t *testing.T) (c *core.Core, id string, sums []string) {
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
	publishSampleRoster(t, c)
	streams, err := c.Store.EventIDs()
	if err != nil {
		t.Fatal(err)
	}
	names := make([]string, 0, len(streams))
	for s := range streams {
		names = append(names, s)
	}
	sort.Strings(names)
	for _, s := range names {
		if s == roster.Stream || strings.HasPrefix(s, "plan-") {
			continue
		}
		evs, err := c.Store.Events(s)
		if err != nil {
			t.Fatal(err)
		}
		var refs []string
		for _, e := range evs {
			for _, sum := range dossier.BlobRefs(e.Kind, e.Body) {
				if c.Dossiers.Blobs.Has(sum) {
					refs = append(refs, sum)
				}
			}
		}
		if len(refs) > len(sums) {
			id, sums = s, refs
		}
	}
	if id == "" {
		t.Fatal("no sample dossier with attachments")
	}
	return c, id, sums
}

// emptyFolder opens a new data folder on the sample clock.
func emptyFolder(t *testing.T) *core.Core {
	t.Helper()
	c, err := core.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	c.Clock = sampleClock(c)
	return c
}

// fingerprintOf is the fingerprint of the PMO key c pins.
func fingerprintOf(t *testing.T, c *core.Core) string {
	t.Helper()
	pin, ok, err := c.Roster.Pinned()
	if err != nil || !ok {
		t.Fatalf("pinned: %v, %v", ok, err)
	}
	return keys.FingerprintHex(pin.PublicKey)
}

// exportTo writes an exchange file of req from c into a new folder.
func exportTo(t *testing.T, c *core.Core, name string, req core.ExportRequest) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), name+exchange.Ext)
	if _, err := c.Export(context.Background(), out, req, nil); err != nil {
		t.Fatalf("export %s: %v", name, err)
	}
	return out
}

// fileEvents counts the events an exchange file holds.
func fileEvents(t *testing.T, path string) []ledger.Event {
	t.Helper()
	f, err := exchange.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return f.Events
}

// snapshot is everything a data folder holds, logically: every Badger key
// with the digest of its value (events, index, pin, quarantine, records),
// every stored blob, and the names in the blob staging folder.
func snapshot(t *testing.T, c *core.Core) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := c.Store.DB().View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.DefaultIteratorOptions)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			sum := sha256.Sum256(v)
			out["db/"+string(it.Item().Key())] = hex.EncodeToString(sum[:])
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Dossiers.Blobs.Each(func(sum, _ string, size int64) error {
		out["blob/"+sum] = strconv.FormatInt(size, 10)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for _, name := range staged(t, c) {
		out["staging/"+name] = ""
	}
	return out
}

func jsonString(v any) string { b, _ := json.Marshal(v); return string(b) }

// staged lists the blob staging folder.
func staged(t *testing.T, c *core.Core) []string {
	t.Helper()
	list, err := os.ReadDir(filepath.Join(c.Store.Dir(), "blobs", "staging"))
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	var out []string
	for _, e := range list {
		out = append(out, e.Name())
	}
	return out
}

// sameSnapshot fails when before and after differ, naming what changed.
func sameSnapshot(t *testing.T, what string, before, after map[string]string) {
	t.Helper()
	var diff []string
	for k, v := range before {
		if w, ok := after[k]; !ok {
			diff = append(diff, "- "+k)
		} else if w != v {
			diff = append(diff, "~ "+k)
		}
	}
	for k := range after {
		if _, ok := before[k]; !ok {
			diff = append(diff, "+ "+k)
		}
	}
	if len(diff) > 0 {
		sort.Strings(diff)
		if len(diff) > 20 {
			diff = append(diff[:20], "…")
		}
		t.Fatalf("%s changed the folder:\n%s", what, strings.Join(diff, "\n"))
	}
}

// stateJSON is dossier id's folded state in c, as JSON.
func stateJSON(t *testing.T, c *core.Core, id string) string {
	t.Helper()
	v, err := c.Dossiers.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	return jsonString(v.State)
}

// TestExchangeRoundTrip: a dossier exported from one folder and imported
// into a new one shows the same state there, with its attachments, in a
// folder `golive check` finds clean; importing the file again, or an older
// file after a newer one, changes nothing.
func TestExchangeRoundTrip(t *testing.T) {
	a, id, sums := exchangeSample(t)
	fp := fingerprintOf(t, a)
	file := exportTo(t, a, "first", core.ExportRequest{Dossiers: []string{id}, Attachments: true, Purpose: "待客户服务部总监审批"})
	inFile := fileEvents(t, file)

	b := emptyFolder(t)
	rep, err := b.ImportFile(file, core.ImportOptions{Fingerprint: fp})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Pinned != fp || rep.Events != len(inFile) || rep.Roster != 1 || rep.Waiting != 0 || rep.Purpose != "待客户服务部总监审批" {
		t.Fatalf("report = %+v, file holds %d events", rep, len(inFile))
	}
	distinct := map[string]bool{}
	for _, s := range sums {
		distinct[s] = true
	}
	if rep.Blobs != len(distinct) || len(rep.Dossiers) != 1 || rep.Dossiers[0].ID != id || !rep.Dossiers[0].Created {
		t.Fatalf("report = %+v, want %d attachments of %s", rep, len(distinct), id)
	}
	if got, want := stateJSON(t, b, id), stateJSON(t, a, id); got != want {
		t.Fatalf("state in B:\n%s\nin A:\n%s", got, want)
	}
	for sum := range distinct {
		path, _, err := b.Dossiers.Blobs.Stat(sum)
		if err != nil {
			t.Fatal(err)
		}
		info, err := blob.HashFile(path, nil)
		if err != nil || info.SHA256 != sum {
			t.Fatalf("attachment %s hashes to %s, %v", sum, info.SHA256, err)
		}
	}
	listA, _ := a.Dossiers.List(dossier.Filter{})
	listB, err := b.Dossiers.List(dossier.Filter{})
	if err != nil || len(listB) != 1 {
		t.Fatalf("B lists %d dossiers, %v", len(listB), err)
	}
	for _, s := range listA {
		if s.ID == id && jsonString(s) != jsonString(listB[0]) {
			t.Fatalf("summary in B %s\nin A %s", jsonString(listB[0]), jsonString(s))
		}
	}
	if r := check.Open(b, nil); !r.OK {
		t.Fatalf("check of B: %+v", r.Findings)
	}
	if n, _ := b.Waiting(); n != 0 {
		t.Fatalf("%d waiting", n)
	}

	// From here on, B's clock moves: a replay must not even touch a time.
	tick := sampleClock(b)()
	b.Clock = func() time.Time { tick = tick.Add(time.Minute); return tick }
	t.Run("AgainChangesNothing", func(t *testing.T) {
		before, ids := snapshot(t, b), eventIDsOf(t, b)
		rep, err := b.ImportFile(file, core.ImportOptions{})
		if err != nil || !rep.Nothing() {
			t.Fatalf("again: %+v, %v", rep, err)
		}
		sameSnapshot(t, "importing the file again", before, snapshot(t, b))
		if jsonString(ids) != jsonString(eventIDsOf(t, b)) {
			t.Fatal("event ids changed")
		}
	})

	// A decision in A (a note), sent as a full file and as a reply.
	if _, err := a.Dossiers.AddNote(id, "已与客户服务部确认上线窗口"); err != nil {
		t.Fatal(err)
	}
	newer := exportTo(t, a, "newer", core.ExportRequest{Dossiers: []string{id}, Attachments: true})
	t.Run("ReplyHoldsOnlyTheNewEvents", func(t *testing.T) {
		og, err := a.Outgoing(core.ExportRequest{Dossiers: []string{id}, Since: file})
		if err != nil || og.Count != 1 || og.Events[0].Kind != dossier.KindNote {
			t.Fatalf("outgoing since the first file: %d events, %v", og.Count, err)
		}
		f, err := exchange.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		_ = f.Close()
		if og.Since != f.SHA256 {
			t.Fatalf("since %s, want %s", og.Since, f.SHA256)
		}
	})
	t.Run("NewerThenOlder", func(t *testing.T) {
		rep, err := b.ImportFile(newer, core.ImportOptions{})
		if err != nil || rep.Events != 1 || rep.Blobs != 0 || len(rep.Dossiers) != 1 || rep.Dossiers[0].New != 1 || rep.Dossiers[0].Created {
			t.Fatalf("newer: %+v, %v", rep, err)
		}
		if got, want := stateJSON(t, b, id), stateJSON(t, a, id); got != want {
			t.Fatal("B's state differs from A's after the newer file")
		}
		before := snapshot(t, b)
		for _, f := range []string{file, newer, file} {
			rep, err := b.ImportFile(f, core.ImportOptions{})
			if err != nil || !rep.Nothing() {
				t.Fatalf("replayed %s: %+v, %v", filepath.Base(f), rep, err)
			}
			sameSnapshot(t, "replaying "+filepath.Base(f), before, snapshot(t, b))
		}
	})
}

func eventIDsOf(t *testing.T, c *core.Core) map[string][]string {
	t.Helper()
	ids, err := c.Store.EventIDs()
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

// --- hostile files ------------------------------------------------------

// signer is the unlocked profile's key.
func signer(t *testing.T, c *core.Core) ed25519.PrivateKey {
	t.Helper()
	_, key, err := c.Profiles.Signer()
	if err != nil {
		t.Fatal(err)
	}
	return key
}

// headOf is the last event of stream in evs.
func headOf(evs []ledger.Event, stream string) ledger.Event {
	var h ledger.Event
	for _, e := range evs {
		if e.Dossier == stream {
			h = e
		}
	}
	return h
}

// TestImportRefusesHostileFiles: every kind of hostile exchange file is
// refused with its own code, and the folder it was offered to — a new
// one that pins nothing yet, and one that already holds the dossier —
// holds exactly what it held before: same events, records, attachments,
// no pin added, nothing staged.
func TestImportRefusesHostileFiles(t *testing.T) {
	a, id, _ := exchangeSample(t)
	fp := fingerprintOf(t, a)
	key := signer(t, a)
	valid := exportTo(t, a, "valid", core.ExportRequest{Dossiers: []string{id}, Attachments: true})
	validBytes, err := os.ReadFile(valid)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 12, 1, 11, 0, 0, 0, a.Zone)
	unlock(t, a, profileWithRole(t, a, "window_manager"))
	wmKey := signer(t, a) // the window manager's: he publishes window plans
	unlock(t, a, profileWithRole(t, a, "project_manager"))
	pmKey := signer(t, a) // a key the roster lists, not a PMO's
	pmoTip := func(t *testing.T, z *exchangetest.File) ledger.Event { return headOf(z.Events(t), roster.Stream) }

	fresh := emptyFolder(t)
	holder := emptyFolder(t)
	if _, err := holder.ImportFile(valid, core.ImportOptions{Fingerprint: fp}); err != nil {
		t.Fatal(err)
	}

	rewrite := func(edit func(t *testing.T, z *exchangetest.File)) func(t *testing.T) string {
		return func(t *testing.T) string {
			z := exchangetest.Read(t, valid)
			edit(t, z)
			path := filepath.Join(t.TempDir(), "hostile"+exchange.Ext)
			z.Write(t, path)
			return path
		}
	}
	cut := func(n int) func(t *testing.T) string {
		return func(t *testing.T) string {
			path := filepath.Join(t.TempDir(), "cut"+exchange.Ext)
			if err := os.WriteFile(path, validBytes[:n], 0o600); err != nil {
				t.Fatal(err)
			}
			return path
		}
	}
	addEntry := func(name string) func(t *testing.T, z *exchangetest.File) {
		return func(t *testing.T, z *exchangetest.File) {
			z.Add(name, []byte("owned"), zip.Store)
		}
	}
	// event signs a new event of stream by, or fails the test.
	event := func(t *testing.T, stream string, parents []string, kind string, body any, by ed25519.PrivateKey) ledger.Event {
		t.Helper()
		e, err := ledger.New(stream, parents, kind, body, now, by)
		if err != nil {
			t.Fatal(err)
		}
		return e
	}
	// foreignRoot is another organisation's first roster version, signed
	// by its PMO key them.
	foreignRoot := func(t *testing.T) (them ed25519.PrivateKey, v1 ledger.Event) {
		them = exchangetest.Key("other pmo")
		r := roster.Roster{Version: 1, Organisation: "别家公司", PMO: []string{"X001"},
			People: []roster.Person{{ID: "X001", Name: "外人", Department: "信息管理部", Keys: []roster.Key{{Public: exchangetest.PubHex(them)}}, Roles: []string{"pmo"}}}}
		return them, event(t, roster.Stream, nil, roster.KindPublished, r, them)
	}
	// otherOrg is the dossier as a folder rooted in another PMO key would
	// send it: its own roster, its own exporter.
	otherOrg := func(t *testing.T, z *exchangetest.File) {
		them, v1 := foreignRoot(t)
		var evs []ledger.Event
		for _, e := range z.Events(t) {
			if e.Dossier != roster.Stream {
				evs = append(evs, e)
			}
		}
		z.SetEvents(t, append(evs, v1))
		z.M.Body.Org = exchangetest.PubHex(them)
		z.Seal(t, them)
	}
	// resignedByUnknown re-signs the file by a key no roster lists.
	resignedByUnknown := func(t *testing.T, z *exchangetest.File) { z.Seal(t, exchangetest.Key("intruder")) }
	// unknownKeyNote adds a note to the dossier signed by a key no roster
	// lists; the exporter re-signs the file.
	unknownKeyNote := func(t *testing.T, z *exchangetest.File) {
		head := headOf(z.Events(t), id)
		z.AddEvents(t, event(t, id, []string{head.ID}, dossier.KindNote, map[string]string{"text": "已批准"}, exchangetest.Key("intruder")))
		z.Seal(t, key)
	}

	type attack struct {
		name string
		make func(t *testing.T) string
		code string
		// pinned offers the file to the folder that holds the dossier, else
		// to the new folder (with the right fingerprint).
		pinned bool
	}
	attacks := []attack{
		{"ZipSlip", rewrite(addEntry("../../evil.sh")), "exchange.bad_name", false},
		{"AbsoluteName", rewrite(addEntry("/etc/x")), "exchange.bad_name", false},
		{"DriveName", rewrite(addEntry("C:\\x")), "exchange.bad_name", false},
		{"BackslashName", rewrite(addEntry("blobs\\x")), "exchange.bad_name", false},
		{"DeclaredSmallInflatesBig", rewrite(func(t *testing.T, z *exchangetest.File) {
			z.Seal(t, key)
			for i, e := range z.M.Body.Entries {
				if e.Name == exchange.EventsName {
					z.M.Body.Entries[i].Size /= 2
				}
			}
			z.Sign(t, key)
		}), "exchange.entry_too_large", false},
		{"AttachmentBomb", rewrite(func(t *testing.T, z *exchangetest.File) {
			// Headers and manifest declare the attachment's size; its data
			// inflates far beyond it. Only reading it tells, late in the
			// import.
			exchangetest.Bomb(t, z.FirstBlob(t), 64<<20)
		}), "exchange.entry_too_large", false},
		{"RatioBeyondTheLimit", rewrite(func(t *testing.T, z *exchangetest.File) {
			zeros := make([]byte, 16<<20)
			z.AddBlob(zeros, zip.Deflate)
			z.Seal(t, key)
		}), "exchange.ratio", false},
		{"Truncated10", cut(len(validBytes) / 10), "exchange.truncated", false},
		{"Truncated50", cut(len(validBytes) / 2), "exchange.truncated", false},
		{"TruncatedLast100", cut(len(validBytes) - 100), "exchange.truncated", false},
		{"UnknownVersion", rewrite(func(t *testing.T, z *exchangetest.File) {
			z.M.Version = 2
			z.M.Body.Purpose = "format 2"
			z.Unsigned()
		}), "exchange.unknown_version", false},
		{"EventByteFlipped", rewrite(func(t *testing.T, z *exchangetest.File) {
			l := z.Lines(t)
			i := bytes.Index(l[1], []byte(`"time":"`)) + len(`"time":"`) + 3
			l[1][i] ^= 0x01 // a year 2026 becomes 2027
			z.SetLines(t, l)
		}), "exchange.bad_event", false},
		{"EventsReordered", rewrite(func(t *testing.T, z *exchangetest.File) {
			l := z.Lines(t)
			l[0], l[1] = l[1], l[0]
			z.SetLines(t, l)
		}), "exchange.hash_mismatch", false},
		{"AttachmentByteFlipped", rewrite(func(t *testing.T, z *exchangetest.File) {
			// The manifest as signed; the attachment's bytes changed: found
			// only when the import reads it, after everything else passed.
			e := z.FirstBlob(t)
			e.Data = append([]byte(nil), e.Data...)
			e.Data[len(e.Data)/2] ^= 0x01
		}), "exchange.hash_mismatch", false},
		{"AttachmentReplaced", rewrite(func(t *testing.T, z *exchangetest.File) {
			// The attachment replaced and the manifest re-signed: its name
			// no longer is its digest.
			e := z.FirstBlob(t)
			e.Data = []byte("%PDF-1.7 forged approval")
			z.Seal(t, key)
		}), "exchange.hash_mismatch", false},
		{"BodyChangedAfterSigning", rewrite(func(t *testing.T, z *exchangetest.File) {
			z.M.Body.Purpose = "待首席信息官审批"
			z.Unsigned()
		}), "exchange.bad_signature", false},
		{"ResignedByAnUnknownKey", rewrite(resignedByUnknown), "exchange.unknown_exporter", false},
		{"ResignedByAnUnknownKeyPinned", rewrite(resignedByUnknown), "exchange.unknown_exporter", true},
		{"EventByAnUnknownKey", rewrite(unknownKeyNote), "exchange.unknown_key", false},
		{"EventByAnUnknownKeyPinned", rewrite(unknownKeyNote), "exchange.unknown_key", true},
		{"ForgedRosterVersion", rewrite(func(t *testing.T, z *exchangetest.File) {
			// A second roster version naming the intruder, signed by him:
			// only a PMO key of the version in force may publish one.
			intruder := exchangetest.Key("intruder")
			tip := pmoTip(t, z)
			var r roster.Roster
			if err := tip.Decode(&r); err != nil {
				t.Fatal(err)
			}
			r.Version, r.Adopted = r.Version+1, nil
			r.People = append(r.People, roster.Person{ID: "X999", Name: "外人", Department: "信息管理部", Keys: []roster.Key{{Public: exchangetest.PubHex(intruder)}}, Roles: []string{"pmo"}})
			r.PMO = append(r.PMO, "X999")
			z.AddEvents(t, event(t, roster.Stream, []string{tip.ID}, roster.KindPublished, r, intruder))
			z.Seal(t, intruder)
		}), roster.CodeNotPMO, true},
		{"ForeignRosterSmuggled", rewrite(func(t *testing.T, z *exchangetest.File) {
			// Our own file, signed by our exporter, carrying another
			// organisation's first roster version as well.
			_, v1 := foreignRoot(t)
			z.AddEvents(t, v1)
			z.Seal(t, key)
		}), roster.CodeForeignRoot, true},
		{"BrokenWindowPlan", rewrite(func(t *testing.T, z *exchangetest.File) {
			// A window plan signed by the window manager's own key that is
			// no valid version of the year's plan (version 5 with no
			// version 1).
			z.AddEvents(t, event(t, window.Stream(2027), nil, window.KindPublished, window.Plan{Year: 2027, Version: 5}, wmKey))
			z.Seal(t, key)
		}), "window.plan_corrupt", true},
		{"WindowPlanByANonManager", rewrite(func(t *testing.T, z *exchangetest.File) {
			z.AddEvents(t, event(t, window.Stream(2027), nil, window.KindPublished, window.Plan{Year: 2027, Version: 1}, pmKey))
			z.Seal(t, pmKey)
		}), "exchange.plan_not_manager", true},
		{"WindowPlanByThePMO", rewrite(func(t *testing.T, z *exchangetest.File) {
			// The PMO edits the template; the windows are not his.
			z.AddEvents(t, event(t, window.Stream(2027), nil, window.KindPublished, window.Plan{Year: 2027, Version: 1}, key))
			z.Seal(t, key)
		}), "exchange.plan_not_manager", true},
		{"OtherOrganisation", rewrite(otherOrg), "exchange.other_organisation", true},
		{"OtherOrganisationUnpinned", rewrite(otherOrg), roster.CodeFingerprintMismatch, false},
		{"EventMovedToAnotherDossier", rewrite(func(t *testing.T, z *exchangetest.File) {
			l := z.Lines(t)
			l[2] = bytes.Replace(l[2], []byte(`"`+id+`"`), []byte(`"R26ZZZZZZZZZ"`), 1)
			z.SetLines(t, l)
			z.Seal(t, key)
		}), "exchange.bad_event", false},
		{"DuplicatedEventLines", rewrite(func(t *testing.T, z *exchangetest.File) {
			l := z.Lines(t)
			z.SetLines(t, append(l, l[0], l[1]))
			z.Seal(t, key)
		}), "exchange.duplicate_event", false},
		{"ExtraEntry", rewrite(func(t *testing.T, z *exchangetest.File) {
			z.AddBlob([]byte("not listed"), zip.Store)
		}), "exchange.extra_entry", false},
		{"MissingAttachment", rewrite(func(t *testing.T, z *exchangetest.File) { z.Drop(z.FirstBlob(t).Name) }), "exchange.missing_entry", false},
	}
	for _, at := range attacks {
		t.Run(at.name, func(t *testing.T) {
			path := at.make(t)
			target, opt := fresh, core.ImportOptions{Fingerprint: fp}
			if at.pinned {
				target, opt = holder, core.ImportOptions{}
			}
			before := snapshot(t, target)
			rep, err := target.ImportFile(path, opt)
			if err == nil {
				t.Fatalf("imported: %+v", rep)
			}
			if apperr.Code(err) != at.code {
				t.Fatalf("code %q (%v), want %s", apperr.Code(err), err, at.code)
			}
			t.Logf("%s: %v", at.name, err)
			sameSnapshot(t, "a refused import", before, snapshot(t, target))
		})
	}
	t.Run("NoFingerprint", func(t *testing.T) {
		before := snapshot(t, fresh)
		_, err := fresh.ImportFile(valid, core.ImportOptions{})
		var ae *apperr.Error
		if !errors.As(err, &ae) || ae.Code != roster.CodeNotPinned || ae.Params["fingerprint"] != fp {
			t.Fatalf("err = %v, want %s naming %s", err, roster.CodeNotPinned, fp)
		}
		_, err = fresh.ImportFile(valid, core.ImportOptions{Fingerprint: keys.FingerprintHex(exchangetest.PubHex(exchangetest.Key("x")))})
		if apperr.Code(err) != roster.CodeFingerprintMismatch {
			t.Fatalf("wrong fingerprint: %v", err)
		}
		sameSnapshot(t, "an import without the fingerprint", before, snapshot(t, fresh))
	})
	t.Run("TrustNewOnlyInAnEmptyFolder", func(t *testing.T) {
		// A folder holding something already never pins a key unasked.
		used := emptyFolder(t)
		if _, err := used.Systems.Save(system.System{Code: "OA", Name: "办公自动化", Department: "信息管理部", Owner: "王芳", Class: system.Classes[0]}, true); err != nil {
			t.Fatal(err)
		}
		before := snapshot(t, used)
		if _, err := used.ImportFile(valid, core.ImportOptions{TrustNew: true}); apperr.Code(err) != roster.CodeNotPinned {
			t.Fatalf("err = %v, want %s", err, roster.CodeNotPinned)
		}
		sameSnapshot(t, "trusting a new key in a used folder", before, snapshot(t, used))
		replica := emptyFolder(t)
		rep, err := replica.ImportFile(valid, core.ImportOptions{TrustNew: true})
		if err != nil || rep.Pinned != fp {
			t.Fatalf("replica: %+v, %v", rep, err)
		}
	})
	t.Run("TheNewFolderStillTakesTheValidFile", func(t *testing.T) {
		// The refusals left nothing behind that stops the real file.
		rep, err := fresh.ImportFile(valid, core.ImportOptions{Fingerprint: fp})
		if err != nil || rep.Events == 0 || rep.Pinned != fp {
			t.Fatalf("%+v, %v", rep, err)
		}
		if got, want := stateJSON(t, fresh, id), stateJSON(t, a, id); got != want {
			t.Fatal("state differs")
		}
	})
}

// TestImportIsAtomic: an import that fails late — after the pin, the
// events, the index and the quarantine were prepared and an attachment
// staged — writes none of them.
func TestImportIsAtomic(t *testing.T) {
	a, id, _ := exchangeSample(t)
	fp := fingerprintOf(t, a)
	key := signer(t, a)
	valid := exportTo(t, a, "valid", core.ExportRequest{Dossiers: []string{id}, Attachments: true})
	now := time.Date(2026, 12, 1, 11, 0, 0, 0, a.Zone)

	// The file also carries a template version and an event whose parent
	// nobody has (it would wait in the quarantine).
	raw, err := json.Marshal(a.Template())
	if err != nil {
		t.Fatal(err)
	}
	custom := func(name string) *template.Template {
		tpl, err := template.Parse(raw)
		if err != nil {
			t.Fatal(err)
		}
		tpl.Version, tpl.Name.Zh = "9.9", name
		return tpl
	}
	theirs, err := json.Marshal(custom("发布流程（总部版）"))
	if err != nil {
		t.Fatal(err)
	}
	orphan, err := ledger.New(id, []string{strings.Repeat("ab", 32)}, dossier.KindNote, map[string]string{"text": "稍后"}, now, key)
	if err != nil {
		t.Fatal(err)
	}
	z := exchangetest.Read(t, valid)
	z.AddEvents(t, orphan)
	z.Add(exchange.TemplatePrefix+exchangetest.SumHex(theirs)+".json", theirs, zip.Deflate)
	z.Seal(t, key)
	withTemplate := filepath.Join(t.TempDir(), "template"+exchange.Ext)
	z.Write(t, withTemplate)

	t.Run("TemplateConflict", func(t *testing.T) {
		b := emptyFolder(t)
		editor := b.Template().Settings.TemplateEditorRole
		if _, err := b.Templates.Save(custom("发布流程（分部版）"), "PMO", []string{editor}, false); err != nil {
			t.Fatal(err)
		}
		before := snapshot(t, b)
		_, err := b.ImportFile(withTemplate, core.ImportOptions{Fingerprint: fp})
		if apperr.Code(err) != "template.conflict" {
			t.Fatalf("err = %v, want template.conflict", err)
		}
		sameSnapshot(t, "a template conflict", before, snapshot(t, b))
		if _, ok, _ := b.Roster.Pinned(); ok {
			t.Fatal("pinned")
		}
		if n, _ := b.Waiting(); n != 0 {
			t.Fatalf("%d waiting", n)
		}
		if list, _ := b.Dossiers.List(dossier.Filter{}); len(list) != 0 {
			t.Fatalf("%d dossiers listed", len(list))
		}
		if s := staged(t, b); len(s) != 0 {
			t.Fatalf("staged: %v", s)
		}
	})
	t.Run("AttachmentFailsAfterOthersWereStaged", func(t *testing.T) {
		// The attachment the events reference last is damaged: the others
		// are staged before it turns out not to hash to its name.
		z := exchangetest.Read(t, withTemplate)
		var order []string
		seen := map[string]bool{}
		for _, e := range z.Events(t) {
			for _, sum := range dossier.BlobRefs(e.Kind, e.Body) {
				if !seen[sum] {
					seen[sum] = true
					order = append(order, sum)
				}
			}
		}
		if len(order) < 2 {
			t.Fatalf("the sample dossier references %d attachments", len(order))
		}
		last := z.Entry(t, exchange.BlobEntry(order[len(order)-1]))
		last.Data = append([]byte(nil), last.Data...)
		last.Data[0] ^= 0x01
		path := filepath.Join(t.TempDir(), "bad-blob"+exchange.Ext)
		z.Write(t, path)
		b := emptyFolder(t)
		before := snapshot(t, b)
		_, err := b.ImportFile(path, core.ImportOptions{Fingerprint: fp})
		if apperr.Code(err) != "exchange.hash_mismatch" {
			t.Fatalf("err = %v", err)
		}
		sameSnapshot(t, "a damaged attachment", before, snapshot(t, b))
		count := 0
		_ = b.Dossiers.Blobs.Each(func(string, string, int64) error { count++; return nil })
		if count != 0 || len(staged(t, b)) != 0 {
			t.Fatalf("%d blobs stored, staged %v", count, staged(t, b))
		}
	})
	t.Run("WithoutTheConflictItImports", func(t *testing.T) {
		b := emptyFolder(t)
		rep, err := b.ImportFile(withTemplate, core.ImportOptions{Fingerprint: fp})
		if err != nil || rep.Templates != 1 || rep.Waiting != 1 || rep.Pinned != fp {
			t.Fatalf("%+v, %v", rep, err)
		}
		if _, err := b.Templates.Get(custom("x").Key()); err != nil {
			t.Fatal(err)
		}
	})
}

// TestImportQuarantine: an event whose parent the folder lacks waits,
// outside the ledger, until a file brings the parent; then both are
// stored.
func TestImportQuarantine(t *testing.T) {
	a, id, _ := exchangeSample(t)
	fp := fingerprintOf(t, a)
	key := signer(t, a)
	first := exportTo(t, a, "first", core.ExportRequest{Dossiers: []string{id}, Attachments: true})
	b := emptyFolder(t)
	if _, err := b.ImportFile(first, core.ImportOptions{Fingerprint: fp}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Dossiers.AddNote(id, "第一条"); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Dossiers.AddNote(id, "第二条"); err != nil {
		t.Fatal(err)
	}
	reply := exportTo(t, a, "reply", core.ExportRequest{Dossiers: []string{id}, Since: first})
	evs := fileEvents(t, reply)
	if len(evs) != 2 {
		t.Fatalf("reply holds %d events", len(evs))
	}
	// The child alone: the same reply without its parent, re-signed by
	// the exporter.
	z := exchangetest.Read(t, reply)
	all := z.Events(t)
	var child, parent ledger.Event
	for _, e := range all {
		if len(e.Parents) == 1 && (e.Parents[0] == all[0].ID || e.Parents[0] == all[1].ID) {
			child = e
		}
	}
	for _, e := range all {
		if e.ID != child.ID && e.Dossier == id {
			parent = e
		}
	}
	if child.ID == "" || parent.ID == "" {
		t.Fatal("no parent and child in the reply")
	}
	var rest []ledger.Event
	for _, e := range all {
		if e.ID != parent.ID {
			rest = append(rest, e)
		}
	}
	z.SetEvents(t, rest)
	z.Seal(t, key)
	childOnly := filepath.Join(t.TempDir(), "child"+exchange.Ext)
	z.Write(t, childOnly)

	stored := func() map[string]bool {
		out := map[string]bool{}
		for _, e := range eventIDsOf(t, b)[id] {
			out[e] = true
		}
		return out
	}
	rep, err := b.ImportFile(childOnly, core.ImportOptions{})
	if err != nil || rep.Waiting != 1 || rep.Events != 0 {
		t.Fatalf("child alone: %+v, %v", rep, err)
	}
	if n, _ := b.Waiting(); n != 1 || stored()[child.ID] {
		t.Fatalf("waiting %d, child stored %v", n, stored()[child.ID])
	}
	before := stateJSON(t, b, id)
	// Offered again, it still waits and nothing else changes.
	snap := snapshot(t, b)
	if rep, err := b.ImportFile(childOnly, core.ImportOptions{}); err != nil || rep.Events != 0 || rep.Waiting != 1 {
		t.Fatalf("child again: %+v, %v", rep, err)
	}
	sameSnapshot(t, "the child offered again", snap, snapshot(t, b))
	if stateJSON(t, b, id) != before {
		t.Fatal("a waiting event changed the state")
	}

	rep, err = b.ImportFile(reply, core.ImportOptions{})
	if err != nil || rep.Waiting != 0 || rep.Events != 2 {
		t.Fatalf("with the parent: %+v, %v", rep, err)
	}
	if n, _ := b.Waiting(); n != 0 || !stored()[child.ID] || !stored()[parent.ID] {
		t.Fatalf("waiting %d, stored %v", n, stored())
	}
	if got, want := stateJSON(t, b, id), stateJSON(t, a, id); got != want {
		t.Fatal("B's state differs from A's")
	}
	if r := check.Open(b, nil); !r.OK {
		t.Fatalf("check: %+v", r.Findings)
	}
}
