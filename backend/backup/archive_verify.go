package backup

import (
	"context"
	"errors"
	"io"
	"sort"
	"strings"

	"golive/backend/apperr"
	"golive/backend/core"
	"golive/backend/dossier"
	"golive/backend/ledger"
	"golive/backend/roster"
	"golive/backend/verify"
	"golive/backend/workflow"
)

// ArchiveReport is the outcome of VerifyArchive.
type ArchiveReport struct {
	// OK is true when every check passed.
	OK bool `json:"ok"`
	// Dossier and Title name the archived dossier; Phase is its phase as
	// folded from the archive's events.
	Dossier string `json:"dossier"`
	Title   string `json:"title"`
	Phase   string `json:"phase"`
	// Events and RosterEvents count the verified events.
	Events       int `json:"events"`
	RosterEvents int `json:"roster_events"`
	// Attachments counts the attachment files checked.
	Attachments int `json:"attachments"`
	// RosterRoot is the fingerprint of the roster's root (PMO) key the
	// archive carries; compare it with the one the PMO publishes.
	RosterRoot string `json:"roster_root"`
	// Documents are the PDFs, each with its check against the events.
	Documents []DocumentCheck `json:"documents"`
	// Problems are the coded reasons OK is false.
	Problems []verify.Problem `json:"problems"`
}

// DocumentCheck is the check of one PDF of the archive.
type DocumentCheck struct {
	Name   string        `json:"name"`
	Report verify.Report `json:"report"`
}

func (r *ArchiveReport) problem(err error) {
	var e *apperr.Error
	p := verify.Problem{Code: apperr.Code(err), Message: err.Error()}
	if errors.As(err, &e) {
		p.Params = e.Params
	}
	r.Problems = append(r.Problems, p)
}

// VerifyArchive checks the dossier archive file offline: the file against
// its manifest (as Restore does), every event's signature, the roster's
// chain from its root key, the dossier folded from its events (archived),
// every stored attachment its events name, and each PDF against the
// events inside the archive (verify.Check over a store held in memory,
// loaded with the archive's events and records only). With fingerprint
// (spaces and case ignored) the roster's root key must have it. A file
// that cannot be read as an archive is an error (the codes of
// openContainer); anything else that does not check is a problem in the
// report, which is OK only without one.
func VerifyArchive(ctx context.Context, file, fingerprint string) (ArchiveReport, error) {
	r := ArchiveReport{Documents: []DocumentCheck{}, Problems: []verify.Problem{}}
	c, err := openContainer(file, archiveKind)
	if err != nil {
		return r, err
	}
	defer c.close()
	if err := c.verify(ctx, nil); err != nil {
		return r, err
	}
	r.Dossier, r.Title = c.m.Dossier, c.m.Title
	mem, err := core.OpenNothing()
	if err != nil {
		return r, err
	}
	defer mem.Close()
	if err := c.loadArchive(mem, &r); err != nil {
		return r, err
	}
	if pin, ok, err := mem.Roster.Pinned(); err == nil && ok {
		r.RosterRoot = pin.Fingerprint
	}
	if fingerprint != "" && normalFP(fingerprint) != normalFP(r.RosterRoot) {
		r.problem(apperr.New("backup.archive_root_mismatch", "fingerprint", r.RosterRoot, "want", fingerprint))
	}
	if _, err := mem.Roster.Chain(); err != nil {
		r.problem(err)
	}
	v, err := mem.Dossiers.Get(c.m.Dossier)
	if err != nil {
		r.problem(err)
	} else {
		c.checkDossier(v, &r)
	}
	c.checkDocuments(mem, &r)
	r.OK = len(r.Problems) == 0
	return r, nil
}

// loadArchive verifies and stores the archive's records and events in the
// memory store of mem.
func (c *container) loadArchive(mem *core.Core, r *ArchiveReport) error {
	wb := mem.Store.DB().NewWriteBatch()
	defer wb.Cancel()
	_, err := c.eachRecord(RecordsName, func(key, value []byte) error {
		if !archiveRecord(string(key)) {
			return apperr.New("backup.bad_record", "line", "", "problem", "bucket")
		}
		return wb.Set(append([]byte(nil), key...), append([]byte(nil), value...))
	})
	if err == nil {
		err = wb.Flush()
	}
	mem.Store.Invalidate()
	if err != nil {
		return err
	}
	var events []ledger.Event
	r.Events, err = c.eachEvent(EventsName, c.m.Dossier, func(_ []byte, e ledger.Event) error { events = append(events, e); return nil })
	if err != nil {
		return err
	}
	var rosterEvents []ledger.Event
	r.RosterEvents, err = c.eachEvent(RosterEventsName, roster.Stream, func(_ []byte, e ledger.Event) error {
		rosterEvents = append(rosterEvents, e)
		return nil
	})
	if err != nil {
		return err
	}
	if r.Events != c.m.Counts.Events || r.RosterEvents != c.m.Counts.RosterEvents {
		return apperr.New("backup.count_mismatch", "what", "events")
	}
	if _, err := mem.Store.Commit(append(events, rosterEvents...)); err != nil {
		return err
	}
	mem.Roster.Reload()
	return nil
}

// checkDossier checks the folded dossier: archived, every stored
// attachment present, every attachment file named by an event.
func (c *container) checkDossier(v dossier.View, r *ArchiveReport) {
	if v.State.Flow != nil {
		r.Phase = v.State.Flow.Phase
	}
	if r.Phase != workflow.PhaseArchived {
		r.problem(apperr.New("backup.not_archived", "dossier", v.State.ID, "phase", r.Phase))
	}
	named := map[string]bool{}
	_, _ = c.eachEvent(EventsName, "", func(_ []byte, e ledger.Event) error {
		for _, s := range hashesIn(e.Body) {
			named[s] = true
		}
		return nil
	})
	if v.State.Flow != nil {
		for _, vs := range v.State.Flow.Deliverables {
			for _, ver := range vs {
				if ver.HashOnly {
					continue
				}
				named[ver.SHA256] = true
				if _, ok := c.Entry(BlobEntryName(ver.SHA256)); !ok {
					r.problem(apperr.New("backup.attachment_missing", "sha256", ver.SHA256, "name", ver.Name))
				}
			}
		}
	}
	for _, e := range c.m.Entries {
		if sum, ok := blobSum(e.Name); ok {
			r.Attachments++
			if !named[sum] {
				r.problem(apperr.New("backup.archive_unreferenced", "sha256", sum))
			}
		}
	}
}

// checkDocuments verifies each PDF against the events in mem; the
// confirmation must be there.
func (c *container) checkDocuments(mem *core.Core, r *ArchiveReport) {
	svc := mem.Documents()
	var names []string
	for _, e := range c.Entries {
		if strings.HasPrefix(e.Name, DocumentsPrefix) {
			names = append(names, e.Name)
		}
	}
	sort.Strings(names)
	if _, ok := c.Entry(DocumentsPrefix + "confirmation.pdf"); !ok {
		r.problem(apperr.New("backup.archive_no_confirmation"))
	}
	for _, name := range names {
		rc, err := c.open(name)
		if err != nil {
			r.problem(err)
			continue
		}
		b, err := io.ReadAll(io.LimitReader(rc, verify.MaxFileSize+1))
		_ = rc.Close()
		if err != nil {
			r.problem(err)
			continue
		}
		rep := verify.Check(b, svc)
		r.Documents = append(r.Documents, DocumentCheck{Name: name, Report: rep})
		if !rep.OK() {
			r.problem(apperr.New("backup.archive_document", "name", name, "status", rep.Status))
		} else if rep.Payload == nil || rep.Payload.Dossier != c.m.Dossier {
			r.problem(apperr.New("backup.archive_document", "name", name, "status", "other_dossier"))
		}
	}
}

// normalFP drops spaces and case of a fingerprint.
func normalFP(s string) string { return strings.ToUpper(strings.Join(strings.Fields(s), "")) }
