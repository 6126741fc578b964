package backup_test

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"golive/backend/backup"
	"golive/backend/core"
	"golive/backend/demo"
	"golive/backend/dossier"
	"golive/backend/pdfsig"
	"golive/backend/workflow"
)

// archiveFolder opens a copy of the sample with its default profile as
// the signer, and returns an archived dossier and one that is not.
func archiveFolder(t *testing.T) (c *core.Core, signer *pdfsig.Signer, archived, open string) {
	t.Helper()
	c, err := core.Open(sampleCopy(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	c.Clock = sampleClock
	list, err := c.Profiles.List()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range list {
		if p.Default {
			signer, err = pdfsig.Open(c.Profiles, p.ID, demo.SamplePassphrase, c.Template().Organisation.Zh, c.Now())
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	ds, err := c.Dossiers.List(dossier.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range ds {
		switch {
		case d.Phase == workflow.PhaseArchived && archived == "":
			archived = d.ID
		case d.Phase != workflow.PhaseArchived && open == "":
			open = d.ID
		}
	}
	if signer == nil || archived == "" || open == "" {
		t.Fatalf("sample: signer %v, archived %q, open %q", signer != nil, archived, open)
	}
	return c, signer, archived, open
}

func exportArchive(t *testing.T, c *core.Core, signer *pdfsig.Signer, id string) (string, backup.ArchiveResult) {
	t.Helper()
	out := filepath.Join(t.TempDir(), id+".zip")
	res, err := backup.ExportDossier(context.Background(), c, signer, backup.ArchiveRequest{Dossier: id, Lang: "zh"}, out, backup.Options{Now: sampleClock, AppVersion: "test"})
	if err != nil {
		t.Fatal(err)
	}
	return out, res
}

// TestDossierArchive: the package of an archived dossier holds its events,
// the roster's, its attachments and its signed PDFs, a README in Chinese,
// and checks offline; a dossier not yet archived is refused.
func TestDossierArchive(t *testing.T) {
	c, signer, archived, open := archiveFolder(t)
	file, res := exportArchive(t, c, signer, archived)
	if res.Counts.Events < 10 || res.Counts.RosterEvents < 2 || res.Counts.Blobs < 1 || res.Documents[0] != "confirmation" {
		t.Fatalf("archive: %+v", res)
	}
	t.Logf("archive of %s: %+v", archived, res)
	z := readZip(t, file)
	readme := string(z.data[backup.ReadmeName])
	for _, want := range []string{archived, "golive verify", "\u6838\u9a8c"} { // "verify" in Chinese
		if !strings.Contains(readme, want) {
			t.Fatalf("the README does not say %q", want)
		}
	}
	rep, err := backup.VerifyArchive(context.Background(), file, "")
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK || rep.Phase != workflow.PhaseArchived || len(rep.Documents) != len(res.Documents) || rep.RosterRoot == "" || rep.Attachments != res.Counts.Blobs {
		t.Fatalf("verify: %+v", rep)
	}
	for _, d := range rep.Documents {
		if !d.Report.OK() || !d.Report.Signature.Known {
			t.Fatalf("%s: %+v", d.Name, d.Report)
		}
	}
	t.Run("RootFingerprint", func(t *testing.T) {
		rep, err := backup.VerifyArchive(context.Background(), file, strings.ToLower(rep.RosterRoot))
		if err != nil || !rep.OK {
			t.Fatalf("the root's own fingerprint: %+v %v", rep.Problems, err)
		}
		rep, err = backup.VerifyArchive(context.Background(), file, "0000 0000 0000 0000 0000 0000 0000 0000")
		if err != nil || rep.OK || rep.Problems[0].Code != "backup.archive_root_mismatch" {
			t.Fatalf("another fingerprint: %+v %v", rep.Problems, err)
		}
	})
	t.Run("NotArchived", func(t *testing.T) {
		_, err := backup.ExportDossier(context.Background(), c, signer, backup.ArchiveRequest{Dossier: open}, filepath.Join(t.TempDir(), "x.zip"), backup.Options{})
		wantCode(t, err, "backup.not_archived")
	})
	t.Run("ChangedAttachment", func(t *testing.T) {
		// A replaced attachment, declared in the manifest under its new hash.
		z := readZip(t, file)
		name := z.firstBlob(t)
		forged := []byte("not the approved package")
		delete(z.data, name)
		for i, n := range z.names {
			if n == name {
				z.names = append(z.names[:i], z.names[i+1:]...)
			}
		}
		for i, e := range z.manifest.Entries {
			if e.Name == name {
				z.manifest.Entries = append(z.manifest.Entries[:i], z.manifest.Entries[i+1:]...)
				break
			}
		}
		z.set(backup.BlobEntryName(sha(forged)), forged, true)
		out := filepath.Join(t.TempDir(), "forged.zip")
		z.write(t, out)
		rep, err := backup.VerifyArchive(context.Background(), out, "")
		if err != nil || rep.OK || !hasProblem(rep, "backup.archive_unreferenced") {
			t.Fatalf("a replaced attachment: %+v %v", rep.Problems, err)
		}
	})
	t.Run("ForgedEvent", func(t *testing.T) {
		// An event's kind changed after it was signed, the manifest updated.
		z := readZip(t, file)
		lines := bytes.SplitAfter(z.data[backup.EventsName], []byte("\n"))
		lines[1] = bytes.Replace(lines[1], []byte(`"kind":"`), []byte(`"kind":"x`), 1)
		z.set(backup.EventsName, bytes.Join(lines, nil), true)
		out := filepath.Join(t.TempDir(), "forged.zip")
		z.write(t, out)
		_, err := backup.VerifyArchive(context.Background(), out, "")
		wantCode(t, err, "backup.bad_event")
	})
	t.Run("ProfileSmuggledIn", func(t *testing.T) {
		z := readZip(t, file)
		b := append(z.data[backup.RecordsName], []byte(`{"k":"prof/x","v":{"public_key":"00"}}`+"\n")...)
		z.set(backup.RecordsName, b, true)
		z.manifest.Counts.Records++
		out := filepath.Join(t.TempDir(), "forged.zip")
		z.write(t, out)
		_, err := backup.VerifyArchive(context.Background(), out, "")
		wantCode(t, err, "backup.bad_record")
	})
	t.Run("ConfirmationOfAnotherDossier", func(t *testing.T) {
		z := readZip(t, file)
		other := ""
		ds, _ := c.Dossiers.List(dossier.Filter{})
		for _, d := range ds {
			if d.Phase == workflow.PhaseArchived && d.ID != archived {
				other = d.ID
			}
		}
		if other == "" {
			t.Skip("the sample has one archived dossier")
		}
		otherFile, _ := exportArchive(t, c, signer, other)
		oz := readZip(t, otherFile)
		z.set("documents/confirmation.pdf", oz.data["documents/confirmation.pdf"], true)
		out := filepath.Join(t.TempDir(), "swapped.zip")
		z.write(t, out)
		rep, err := backup.VerifyArchive(context.Background(), out, "")
		if err != nil || rep.OK || !hasProblem(rep, "backup.archive_document") {
			t.Fatalf("another dossier's confirmation: %+v %v", rep.Problems, err)
		}
	})
	t.Run("ABackupIsNotAnArchive", func(t *testing.T) {
		_, err := backup.VerifyArchive(context.Background(), sampleBackup(t), "")
		wantCode(t, err, "backup.unknown_format")
	})
}

func hasProblem(r backup.ArchiveReport, code string) bool {
	for _, p := range r.Problems {
		if p.Code == code {
			return true
		}
	}
	return false
}
