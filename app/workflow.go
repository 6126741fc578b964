package app

import (
	"bytes"
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"golive/backend/apperr"
	"golive/backend/blob"
	"golive/backend/dossier"
	"golive/backend/window"
	"golive/backend/workflow"
)

// Submit starts the approval flow.
func (d *DossierAPI) Submit(id string, answers map[string]workflow.Answer, comment string) (dossier.View, error) {
	return result(d.c.Dossiers.Submit(id, answers, comment))
}

// CheckSubmit answers whether Submit with answers would be accepted now,
// recording nothing: it resolves when it would, and rejects with the
// refusal (naming everything missing) when not.
func (d *DossierAPI) CheckSubmit(id string, answers map[string]workflow.Answer) error {
	return fail(d.c.Dossiers.CheckSubmit(id, answers))
}

// CheckDecide answers whether Decide with req would be accepted now,
// recording nothing.
func (d *DossierAPI) CheckDecide(id string, req dossier.DecideRequest) error {
	return fail(d.c.Dossiers.CheckDecide(id, req))
}

// CheckConfirm answers whether Confirm would be accepted now, recording
// nothing.
func (d *DossierAPI) CheckConfirm(id string, success bool, answers map[string]workflow.Answer, rollback string) error {
	return fail(d.c.Dossiers.CheckConfirm(id, success, answers, rollback))
}

// Decide approves or returns a pending step or countersign row.
func (d *DossierAPI) Decide(id string, req dossier.DecideRequest) (dossier.View, error) {
	return result(d.c.Dossiers.Decide(id, req))
}

// Needs says what a decision on slot step/row of dossier id asks with the
// answers being prepared: the approval items asked and the deliverables
// required after the template's conditions. The screens ask again as the
// answers change.
func (d *DossierAPI) Needs(id, step, row string, answers map[string]workflow.Answer) (workflow.Needs, error) {
	return result(d.c.Dossiers.Needs(id, step, row, answers))
}

// Withdraw takes back a submission nobody decided on yet.
func (d *DossierAPI) Withdraw(id, comment string) (dossier.View, error) {
	return result(d.c.Dossiers.Withdraw(id, comment))
}

// Transfer hands a pending decision to a named person (public key).
func (d *DossierAPI) Transfer(id, step, row, to, comment string) (dossier.View, error) {
	return result(d.c.Dossiers.Transfer(id, step, row, to, comment))
}

// Comment comments on a step without deciding.
func (d *DossierAPI) Comment(id, step, row, text string) (dossier.View, error) {
	return result(d.c.Dossiers.Comment(id, step, row, text))
}

// Urge reminds a pending approver.
func (d *DossierAPI) Urge(id, step, row, comment string) (dossier.View, error) {
	return result(d.c.Dossiers.Urge(id, step, row, comment))
}

// File files the approved flow (流程备案) and makes the documents its step
// generates (发布申请, 审批意见): signed PDFs in the language of the app's
// preferences (Chinese unless English is chosen), stored and recorded by
// the filing as versions of their deliverables.
func (d *DossierAPI) File(id, comment string) (dossier.View, error) {
	signer, err := d.c.PDFSigner()
	if err != nil {
		return dossier.View{}, fail(err)
	}
	lang := "zh"
	if p, err := d.c.Preferences(); err == nil && p.Language == "en" {
		lang = "en"
	}
	v, _, err := d.c.Documents().File(id, comment, lang, signer)
	return result(v, err)
}

// SaveRunbook replaces the runbook and scenario tests of this attempt.
func (d *DossierAPI) SaveRunbook(id string, runbook []workflow.RunbookRow, tests []workflow.TestRow) (dossier.View, error) {
	return result(d.c.Dossiers.SaveRunbook(id, runbook, tests))
}

// Override accepts a package hash mismatch with a reason.
func (d *DossierAPI) Override(id, reason string) (dossier.View, error) {
	return result(d.c.Dossiers.Override(id, reason))
}

// Release records the release as done.
func (d *DossierAPI) Release(id, comment string) (dossier.View, error) {
	return result(d.c.Dossiers.Release(id, comment))
}

// Supervise signs off the execution (监督核查).
func (d *DossierAPI) Supervise(id, comment string) (dossier.View, error) {
	return result(d.c.Dossiers.Supervise(id, comment))
}

// SaveOnCall records the development department's on-call support during
// the release.
func (d *DossierAPI) SaveOnCall(id string, rows []workflow.OnCall) (dossier.View, error) {
	return result(d.c.Dossiers.SaveOnCall(id, rows))
}

// SameDayTest records the requesting side's same-day test: signed by the
// business user's own profile, or by hand witnessed here (r.Witness).
func (d *DossierAPI) SameDayTest(id string, r dossier.SameDayTestRequest) (dossier.View, error) {
	return result(d.c.Dossiers.SameDayTest(id, r))
}

// Confirm records the release's success or failure.
func (d *DossierAPI) Confirm(id string, success bool, answers map[string]workflow.Answer, rollback, comment string) (dossier.View, error) {
	return result(d.c.Dossiers.Confirm(id, success, answers, rollback, comment))
}

// Postpone moves the release (顺延) to the window windowID, or, without
// one, to plannedAt (new systems, emergency releases).
func (d *DossierAPI) Postpone(id string, productionUnchanged bool, reason, plan, plannedAt, windowID string) (dossier.View, error) {
	return result(d.c.Dossiers.Postpone(id, productionUnchanged, reason, plan, plannedAt, windowID))
}

// ProposePostponement returns the next open window of the dossier's system
// class: where a postponement lands by default.
func (d *DossierAPI) ProposePostponement(id string) (window.Window, error) {
	return result(d.c.Dossiers.ProposePostponement(id))
}

// Archive freezes a confirmed dossier.
func (d *DossierAPI) Archive(id string, notApplicable map[string]string) (dossier.View, error) {
	return result(d.c.Dossiers.Archive(id, notApplicable))
}

// Inbox lists what waits for the current profile, oldest first.
func (d *DossierAPI) Inbox() ([]dossier.InboxItem, error) { return result(d.c.Dossiers.Inbox()) }

// AttachUpload attaches a small file sent by the window as base64.
// Code blob.too_large above blob.MaxUpload (use AttachFromDialog).
func (d *DossierAPI) AttachUpload(id, deliverable, name, dataBase64, note string) (dossier.View, error) {
	if int64(base64.StdEncoding.DecodedLen(len(dataBase64))) > blob.MaxUpload {
		return dossier.View{}, fail(blob.UploadTooLarge())
	}
	raw, err := base64.StdEncoding.DecodeString(dataBase64)
	if err != nil {
		return dossier.View{}, fail(apperr.Wrap(err, "blob.bad_upload"))
	}
	return result(d.c.Dossiers.AttachReader(id, deliverable, filepath.Base(name), bytes.NewReader(raw), note, nil))
}

// attachFile attaches the file at path, streaming it with progress
// events (AttachFromDialog, tests, AttachPath).
func (d *DossierAPI) attachFile(id, deliverable, path, note string) (dossier.View, error) {
	return result(d.c.Dossiers.Attach(id, deliverable, path, note, d.progress("attach", path)))
}

// recordPackageAt is RecordPackageFromDialog for a known path (tests,
// RecordPackagePath).
func (d *DossierAPI) recordPackageAt(id, deliverable, path string) (dossier.View, error) {
	return result(d.c.Dossiers.RecordPackage(id, deliverable, path, "", d.progress("hash", path)))
}

// checkPackageAt is CheckPackageFromDialog for a known path (tests,
// CheckPackagePath).
func (d *DossierAPI) checkPackageAt(id, path string) (dossier.View, error) {
	return result(d.c.Dossiers.CheckPackage(id, path, d.progress("hash", path)))
}

// SaveDeliverable writes a stored version out to a place the user picks.
// It returns the path written, or "" when cancelled.
func (d *DossierAPI) SaveDeliverable(sha256, name string) (string, error) {
	path, err := saveFile(d.ctx, d.c, dialogSaveDeliverable, filepath.Base(name), fileSubject(name))
	if err != nil || path == "" {
		return "", fail(err)
	}
	return path, fail(d.c.Dossiers.Blobs.CopyTo(sha256, path, d.progress("save", path)))
}

// OpenDeliverable opens a stored version with the system's default
// application, from a copy in the temporary folder. The copy must outlive
// the call (the viewer reads it after), so copies older than a day are
// removed on the next call, and a copy that could not be opened at once.
func (d *DossierAPI) OpenDeliverable(sha256, name string) error {
	pruneOpenCopies(os.TempDir(), time.Now().Add(-openCopyAge))
	dir, err := os.MkdirTemp("", openCopyPrefix+"*")
	if err != nil {
		return fail(apperr.Wrap(err, "blob.io", "path", os.TempDir()))
	}
	path := filepath.Join(dir, filepath.Base(name))
	err = d.c.Dossiers.Blobs.CopyTo(sha256, path, nil)
	if err == nil {
		err = openWithSystem(path)
	}
	if err != nil {
		_ = os.RemoveAll(dir)
	}
	return fail(err)
}

// openCopyPrefix starts the name of the folders OpenDeliverable copies a
// file into; openCopyAge is how long such a folder is kept.
const (
	openCopyPrefix = "golive-open-"
	openCopyAge    = 24 * time.Hour
)

// pruneOpenCopies removes the folders of OpenDeliverable in tmp last
// changed before cutoff (a file a viewer still holds open on Windows stays
// until a later call).
func pruneOpenCopies(tmp string, cutoff time.Time) {
	entries, err := os.ReadDir(tmp)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), openCopyPrefix) {
			continue
		}
		if fi, err := e.Info(); err == nil && fi.ModTime().Before(cutoff) {
			_ = os.RemoveAll(filepath.Join(tmp, e.Name()))
		}
	}
}

// progress reports long file work to the window as "progress" events:
// {op, path, done, total}.
func (d *DossierAPI) progress(op, path string) func(int64) {
	var total int64
	if fi, err := os.Stat(path); err == nil {
		total = fi.Size()
	}
	var last int64
	return func(done int64) {
		if d.ctx == nil || (done-last < 8<<20 && done != total) {
			return
		}
		last = done
		runtime.EventsEmit(d.ctx, "progress", map[string]any{"op": op, "path": path, "done": done, "total": total})
	}
}

// Candidates lists who may decide a slot under the roster in force (the
// approver picker of a 在场签字, the people a decision can be transferred
// to). Code roster.none without a roster.
func (d *DossierAPI) Candidates(id, step, row string) ([]dossier.Candidate, error) {
	return result(d.c.Dossiers.Candidates(id, step, row))
}

// SignatureImage returns the handwritten signature (or scanned page) of a
// witnessed decision of dossier id by its SHA-256, as a data: URL; code
// dossier.signature_not_found when no decision of that dossier names it.
func (d *DossierAPI) SignatureImage(id, sha256 string) (string, error) {
	return result(d.c.Dossiers.SignatureImage(id, sha256))
}

// TransferTargets lists whom a pending decision of dossier id can be
// transferred to (转交): the roster's people with a valid key. Code
// roster.none without a roster (the window then asks for a key).
func (d *DossierAPI) TransferTargets(id string) ([]dossier.TransferTarget, error) {
	return result(d.c.Dossiers.TransferTargets(id))
}
