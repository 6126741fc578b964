package dossier

import (
	"strings"

	"golive/backend/workflow"
)

// compactChunk is how many rows compactRows packs into one string.
const compactChunk = 256

// compactRows moves what the rows of a freshly read list point at into a
// few large allocations: the text of every compactChunk rows into one
// string (each field a substring of it), every row's tasks and content
// references into one backing array each, every time into its row's zone.
// Decoding leaves each row's fields in dozens of small allocations among
// the decoder's garbage, and the list lives as long as the app: without
// this the heap keeps about twice the list's size in half-empty spans.
func compactRows(rows []listedRow) {
	nTasks, nRefs := 0, 0
	for i := range rows {
		nTasks += len(rows[i].sum.Tasks)
		nRefs += len(rows[i].sum.ContentRefs)
	}
	tasks := make([]workflow.Task, 0, nTasks)
	refs := make([]string, 0, nRefs)
	for i := range rows {
		s := &rows[i].sum
		loc := zoneOf(s.Zone)
		s.PlannedAt, s.UpdatedAt = s.PlannedAt.In(loc), s.UpdatedAt.In(loc)
		if s.Tasks != nil {
			from := len(tasks)
			tasks = append(tasks, s.Tasks...)
			s.Tasks = tasks[from:len(tasks):len(tasks)]
			for j := range s.Tasks {
				s.Tasks[j].Since = s.Tasks[j].Since.In(loc)
			}
		}
		if s.ContentRefs != nil {
			from := len(refs)
			refs = append(refs, s.ContentRefs...)
			s.ContentRefs = refs[from:len(refs):len(refs)]
		}
	}
	for start := 0; start < len(rows); start += compactChunk {
		chunk := rows[start:min(start+compactChunk, len(rows))]
		var fields []*string
		for i := range chunk {
			fields = append(fields, textOf(&chunk[i])...)
		}
		n := 0
		for _, f := range fields {
			n += len(*f)
		}
		var b strings.Builder
		b.Grow(n)
		for _, f := range fields {
			b.WriteString(*f)
		}
		all, at := b.String(), 0
		for _, f := range fields {
			*f = all[at : at+len(*f)]
			at += len(*f)
		}
	}
}

// textOf points at every string a list row holds.
func textOf(r *listedRow) []*string {
	s := &r.sum
	out := []*string{&r.hay, &s.ID, &s.Title, &s.SystemCode, &s.Type, &s.Subtype, &s.Mode, &s.Version, &s.Stage, &s.Zone,
		&s.ProjectManager, &s.Window, &s.WindowState, &s.SystemName, &s.Phase, &s.CreatedBy, &s.Entity, &s.OutOfScope}
	for i := range s.ContentRefs {
		out = append(out, &s.ContentRefs[i])
	}
	for i := range s.Tasks {
		t := &s.Tasks[i]
		out = append(out, &t.Kind, &t.Step, &t.Row, &t.Role, &t.Delegate)
	}
	return out
}
