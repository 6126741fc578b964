package check

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"golive/backend/core"
)

// blobs checks that every blob an event references is stored with the
// contents its name promises, and that no stored blob is an orphan (the
// app's start-up sweep removes orphans; check only reports them).
func (r *Report) blobs(c *core.Core) {
	a := Area{Name: AreaBlobs}
	defer func() { r.Areas = append(r.Areas, a) }()
	refs, err := core.ReferencedBlobs(c.Store)
	// Orphans are told only when every event could be read: with damaged
	// tables some references may be unreadable.
	sure := err == nil && !r.damagedFiles()
	if err != nil {
		r.add(&a, Finding{Area: AreaBlobs, Problem: "unreadable", Subject: "ev/", Detail: detail(err)})
	}
	root := filepath.Join(c.Store.Dir(), "blobs", "sha256")
	stored := map[string]bool{}
	_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		if len(rel) == 65 && rel[2] == filepath.Separator {
			stored[rel[:2]+rel[3:]] = true
		}
		return nil
	})
	sums := make([]string, 0, len(refs))
	for sum := range refs {
		sums = append(sums, sum)
	}
	sort.Strings(sums)
	for _, sum := range sums {
		a.Checked++
		if !stored[sum] {
			r.add(&a, Finding{Area: AreaBlobs, Problem: "blob_missing", Subject: sum})
			continue
		}
		if got, err := hashFile(filepath.Join(root, sum[:2], sum[2:])); err != nil || got != sum {
			d := "contents do not match the name"
			if err != nil {
				d = err.Error()
			}
			r.add(&a, Finding{Area: AreaBlobs, Problem: "blob_damaged", Subject: sum, Detail: d})
		}
	}
	var orphans []string
	for sum := range stored {
		if sure && !refs[sum] {
			orphans = append(orphans, sum)
		}
	}
	sort.Strings(orphans)
	for _, sum := range orphans {
		a.Checked++
		r.add(&a, Finding{Area: AreaBlobs, Problem: "blob_orphan", Subject: sum, Detail: "no event references it"})
	}
}

func hashFile(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// damagedFiles reports whether the files area found damage.
func (r *Report) damagedFiles() bool {
	for _, f := range r.Findings {
		if f.Area == AreaFiles {
			return true
		}
	}
	return false
}
