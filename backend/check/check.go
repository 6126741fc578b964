// Package check walks a whole data folder — its database files, the
// ledger, the checkpoints, the dossier index, the records and the
// attachments — and reports everything that is wrong, without changing
// anything. `golive check` prints its report; the settings page shows it.
package check

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"golive/backend/apperr"
	"golive/backend/core"
	"golive/backend/ledger"
	"golive/backend/store"
)

// Areas, in the order they are checked.
const (
	// AreaFiles is the database files (MANIFEST, tables, checksums).
	AreaFiles = "files"
	// AreaLedger is the signed events of every stream.
	AreaLedger = "ledger"
	// AreaCheckpoints is the checkpoints (events known, now gone).
	AreaCheckpoints = "checkpoints"
	// AreaIndex is the dossier index against the ledger.
	AreaIndex = "index"
	// AreaRecords is the other records (systems, profiles, settings…).
	AreaRecords = "records"
	// AreaBlobs is the attachments and handwriting images.
	AreaBlobs = "blobs"
)

// Finding is one thing found wrong.
type Finding struct {
	// Area is one of the Area… constants.
	Area string `json:"area"`
	// Problem is a short stable name, e.g. "table_damaged",
	// "event_corrupt", "events_missing", "index_stale", "blob_missing".
	Problem string `json:"problem"`
	// Subject is what it is about: a file, a stream, a record key, a hash.
	Subject string `json:"subject"`
	// Detail says more, in English, for the log and the terminal.
	Detail string `json:"detail,omitempty"`
}

// Area is what was checked in one area.
type Area struct {
	// Name is one of the Area… constants.
	Name string `json:"name"`
	// Checked counts the items checked (files, events, records, blobs).
	Checked int `json:"checked"`
	// Problems counts the findings in the area.
	Problems int `json:"problems"`
	// Skipped is true when the area could not be checked (the files are
	// too damaged to open the store).
	Skipped bool `json:"skipped"`
}

// Report is the result of a check.
type Report struct {
	// Dir is the data folder checked.
	Dir string `json:"dir"`
	// Areas lists each area in order.
	Areas []Area `json:"areas"`
	// Findings lists every problem, by area.
	Findings []Finding `json:"findings"`
	// OK is true when nothing is wrong and every area was checked.
	OK bool `json:"ok"`
}

// done sets OK from the areas and findings; Dir and Open end with it.
func (r *Report) done() Report {
	r.OK = len(r.Findings) == 0
	for _, a := range r.Areas {
		r.OK = r.OK && !a.Skipped
	}
	return *r
}

// Progress is told which area is being checked.
type Progress func(area string)

// Dir checks the data folder dir without writing to it: it inspects the
// files, then opens the store read-only (OpenDamaged when only data blocks
// are damaged, so what is readable is still checked). Codes:
// store.not_found, store.already_open (the app holds the folder: check it
// from the app's settings page), store.needs_recovery.
func Dir(dir string, progress Progress) (Report, error) {
	r := Report{Dir: dir}
	tell(progress, AreaFiles)
	h, err := store.Inspect(dir, true)
	if err != nil {
		return r, err
	}
	if !h.Store {
		return r, apperr.New("store.not_found", "dir", dir)
	}
	files := Area{Name: AreaFiles, Checked: 1}
	for _, d := range h.Damage {
		r.add(&files, Finding{Area: AreaFiles, Problem: d.Problem, Subject: d.File, Detail: d.Detail})
	}
	r.Areas = append(r.Areas, files)
	if !h.Whole() && !h.DamagedBlocksOnly {
		for _, name := range []string{AreaLedger, AreaCheckpoints, AreaIndex, AreaRecords, AreaBlobs} {
			r.Areas = append(r.Areas, Area{Name: name, Skipped: true})
		}
		return r.done(), nil
	}
	// Every block was verified just now: open without verifying them again
	// (OpenDamaged inspects the index only), damaged blocks or not.
	c, err := core.OpenDamaged(dir)
	if err != nil {
		return r, err
	}
	defer c.Close()
	r.walk(c, progress)
	return r.done(), nil
}

// Open checks the data folder c has open (the app's settings page): the
// tables through the open store, then everything else as Dir does.
func Open(c *core.Core, progress Progress) Report {
	r := Report{Dir: c.Store.Dir()}
	tell(progress, AreaFiles)
	files := Area{Name: AreaFiles, Checked: 1}
	damage := c.Damaged()
	for _, d := range damage {
		r.add(&files, Finding{Area: AreaFiles, Problem: d.Problem, Subject: d.File, Detail: d.Detail})
	}
	if len(damage) == 0 {
		if err := c.Store.VerifyTables(); err != nil {
			r.add(&files, Finding{Area: AreaFiles, Problem: store.ProblemTableDamaged, Subject: "*.sst", Detail: detail(err)})
		}
	}
	r.Areas = append(r.Areas, files)
	r.walk(c, progress)
	return r.done()
}

func tell(p Progress, area string) {
	if p != nil {
		p(area)
	}
}

func (r *Report) add(a *Area, f Finding) {
	a.Problems++
	r.Findings = append(r.Findings, f)
}

// walk checks everything behind the files.
func (r *Report) walk(c *core.Core, progress Progress) {
	tell(progress, AreaLedger)
	r.ledger(c)
	tell(progress, AreaIndex)
	r.index(c)
	tell(progress, AreaRecords)
	r.records(c)
	tell(progress, AreaBlobs)
	r.blobs(c)
}

// ledger checks every stream's events (decoding, signatures, keys,
// parents) and checkpoints.
func (r *Report) ledger(c *core.Core) {
	led := Area{Name: AreaLedger}
	cks := Area{Name: AreaCheckpoints}
	streams, err := c.Store.EventIDs()
	if err != nil {
		r.add(&led, Finding{Area: AreaLedger, Problem: "unreadable", Subject: "ev/", Detail: err.Error()})
		r.Areas = append(r.Areas, led, cks)
		return
	}
	names := make([]string, 0, len(streams))
	for s := range streams {
		names = append(names, s)
	}
	sort.Strings(names)
	for _, s := range names {
		evs, err := c.Store.EventsAsStored(s)
		led.Checked += len(streams[s])
		if err != nil {
			r.add(&led, Finding{Area: AreaLedger, Problem: "event_corrupt", Subject: s, Detail: detail(err)})
		} else if _, err := ledger.Order(evs); err != nil {
			problem := "ledger_broken"
			if apperr.HasCode(err, ledger.CodeMissingParent) {
				problem = "events_missing"
			}
			r.add(&led, Finding{Area: AreaLedger, Problem: problem, Subject: s, Detail: detail(err)})
		}
		list, err := c.Store.Checkpoints(s)
		cks.Checked += len(list)
		if err != nil {
			r.add(&cks, Finding{Area: AreaCheckpoints, Problem: "checkpoint_corrupt", Subject: s, Detail: detail(err)})
			continue
		}
		gone, short, err := c.Store.Missing(s)
		if err != nil {
			r.add(&cks, Finding{Area: AreaCheckpoints, Problem: "checkpoint_corrupt", Subject: s, Detail: detail(err)})
			continue
		}
		if len(gone) > 0 || short > 0 {
			r.add(&cks, Finding{Area: AreaCheckpoints, Problem: "events_missing", Subject: s,
				Detail: fmt.Sprintf("%d events known earlier are gone; missing heads: %s", max(len(gone), short), strings.Join(gone, ", "))})
		}
	}
	r.Areas = append(r.Areas, led, cks)
}

// index compares the dossier index with the ledger.
func (r *Report) index(c *core.Core) {
	a := Area{Name: AreaIndex}
	checked, problems, err := c.Dossiers.CheckIndex()
	a.Checked = checked
	if err != nil {
		r.add(&a, Finding{Area: AreaIndex, Problem: "unreadable", Subject: "dz/", Detail: detail(err)})
	}
	for _, p := range problems {
		r.add(&a, Finding{Area: AreaIndex, Problem: "index_" + p.Problem, Subject: p.ID})
	}
	r.Areas = append(r.Areas, a)
}

// records checks that every record other than events and checkpoints is
// readable JSON.
func (r *Report) records(c *core.Core) {
	a := Area{Name: AreaRecords}
	err := c.Store.DB().View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{PrefetchValues: true, PrefetchSize: 64})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			key := string(it.Item().Key())
			if strings.HasPrefix(key, "ev/") || strings.HasPrefix(key, "ck/") {
				continue
			}
			a.Checked++
			err := it.Item().Value(func(v []byte) error {
				if !json.Valid(v) {
					r.add(&a, Finding{Area: AreaRecords, Problem: "record_unreadable", Subject: key})
				}
				return nil
			})
			if err != nil {
				r.add(&a, Finding{Area: AreaRecords, Problem: "record_unreadable", Subject: key, Detail: err.Error()})
			}
		}
		return nil
	})
	if err != nil {
		r.add(&a, Finding{Area: AreaRecords, Problem: "unreadable", Subject: "records", Detail: err.Error()})
	}
	r.Areas = append(r.Areas, a)
}

// detail is err's message without its code prefix.
func detail(err error) string {
	var ae *apperr.Error
	if errors.As(err, &ae) {
		parts := []string{ae.Code}
		keys := make([]string, 0, len(ae.Params))
		for k := range ae.Params {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			parts = append(parts, k+"="+ae.Params[k])
		}
		if ae.Detail != "" {
			parts = append(parts, ae.Detail)
		}
		return strings.Join(parts, " ")
	}
	return err.Error()
}
