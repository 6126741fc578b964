package check

import (
	"sort"

	"golive/backend/blob"
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
	stored := map[string]string{}
	if err := c.Dossiers.Blobs.Each(func(sum, path string, _ int64) error {
		stored[sum] = path
		return nil
	}); err != nil {
		r.add(&a, Finding{Area: AreaBlobs, Problem: "unreadable", Subject: "blobs/", Detail: err.Error()})
	}
	sums := make([]string, 0, len(refs))
	for sum := range refs {
		sums = append(sums, sum)
	}
	sort.Strings(sums)
	for _, sum := range sums {
		a.Checked++
		path, ok := stored[sum]
		if !ok {
			r.add(&a, Finding{Area: AreaBlobs, Problem: "blob_missing", Subject: sum})
			continue
		}
		if got, err := blob.HashFile(path, nil); err != nil || got.SHA256 != sum {
			d := "contents do not match the name"
			if err != nil {
				d = detail(err)
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

// damagedFiles reports whether the files area found damage.
func (r *Report) damagedFiles() bool {
	for _, f := range r.Findings {
		if f.Area == AreaFiles {
			return true
		}
	}
	return false
}
