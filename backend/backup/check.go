package backup

import (
	"golive/backend/apperr"
	"golive/backend/check"
	"golive/backend/core"
	"golive/backend/dossier"
)

// checkRestored runs the checks the app can do on the restored folder
// dir: it opens it read-only (the store verifies its tables), verifies
// the roster chain, folds every dossier, then runs the whole folder check
// (backend/check: ledger, checkpoints, index, records, blobs). It
// returns how many dossiers it folded. Code backup.check_failed (code,
// dossier) wrapping the failure.
func checkRestored(dir string) (int, error) {
	n, err := foldRestored(dir)
	if err != nil {
		return 0, err
	}
	rep, err := check.Dir(dir, nil)
	if err != nil {
		return 0, apperr.Wrap(err, "backup.check_failed", "code", apperr.Code(err), "dossier", "")
	}
	for _, f := range rep.Findings {
		// A stray attachment loses nothing (a file staged while its event
		// was still being decided, say): the first read-write open of the
		// restored folder sweeps it.
		if f.Problem == "blob_orphan" {
			continue
		}
		return 0, apperr.New("backup.check_failed", "code", "check."+f.Problem, "dossier", f.Subject)
	}
	for _, a := range rep.Areas {
		if a.Skipped {
			return 0, apperr.New("backup.check_failed", "code", "check."+a.Name, "dossier", "")
		}
	}
	return n, nil
}

// foldRestored opens the restored folder read-only, verifies the roster
// chain and folds every dossier; it returns how many it folded.
func foldRestored(dir string) (int, error) {
	c, err := core.OpenReadOnly(dir)
	if err != nil {
		return 0, apperr.Wrap(err, "backup.check_failed", "code", apperr.Code(err), "dossier", "")
	}
	defer c.Close()
	if _, err := c.Roster.Chain(); err != nil {
		return 0, apperr.Wrap(err, "backup.check_failed", "code", apperr.Code(err), "dossier", "")
	}
	list, err := c.Dossiers.List(dossier.Filter{})
	if err != nil {
		return 0, apperr.Wrap(err, "backup.check_failed", "code", apperr.Code(err), "dossier", "")
	}
	for _, s := range list {
		if _, err := c.Dossiers.Get(s.ID); err != nil {
			return 0, apperr.Wrap(err, "backup.check_failed", "code", apperr.Code(err), "dossier", s.ID)
		}
	}
	return len(list), nil
}
