package dossier

import (
	"slices"

	"golive/backend/ledger"
	"golive/backend/roster"
	"golive/backend/template"
)

// rosterClaim is the part of a workflow event's body naming the roster
// version it was made under.
type rosterClaim struct {
	Roster string `json:"roster"`
}

// authority returns the fold's judge of workflow events under chain, or
// nil when the folder has no roster (roles are then taken as claimed).
//
// An event names, in its body's "roster" field, the id of the roster
// version it was made under. An event that names none was made before the
// folder had a roster: it counts as recorded when the first version adopted
// it (it is one of Roster.Adopted or in their causal past), and is judged
// under the first version otherwise (a forgery without a claim gains
// nothing). The dossier's facts are its system and, once submitted,
// the submitter's person in that version; InPast walks the dossier's own
// event graph.
func authority(chain *roster.Chain, tpl *template.Template, ordered []ledger.Event) func(*State, ledger.Event, string) error {
	if chain == nil || chain.Len() == 0 {
		return nil
	}
	first := chain.Versions()[0]
	root := first.Event
	parents := make(map[string][]string, len(ordered))
	for _, e := range ordered {
		parents[e.ID] = e.Parents
	}
	inPast := func(event string, heads []string) bool { return ancestor(parents, event, heads) }
	var adopted []string
	for _, h := range first.Adopted {
		if _, ok := parents[h]; ok {
			adopted = append(adopted, h)
		}
	}
	return func(st *State, e ledger.Event, role string) error {
		var c rosterClaim
		_ = e.Decode(&c) // the workflow decodes the body itself and refuses a bad one
		version := c.Roster
		if version == "" {
			// Made before the folder had a roster: it counts as recorded
			// when the first version adopted it, else it is judged there.
			if slices.Contains(adopted, e.ID) || ancestor(parents, e.ID, adopted) {
				return nil
			}
			version = root
		}
		d := roster.Dossier{Template: tpl, System: st.SystemCode, InPast: inPast}
		if st.Flow != nil && st.Flow.Submission != nil {
			if p, ok := chain.PersonOf(version, st.Flow.Submission.By); ok {
				d.Applicant = p.ID
			}
		}
		return roster.Authorize(chain, d, roster.ActOf(e, version), role).Err()
	}
}

// ancestor reports whether event is a parent, transitively, of any of
// heads in the graph parents.
func ancestor(parents map[string][]string, event string, heads []string) bool {
	seen := map[string]bool{}
	stack := append([]string(nil), heads...)
	for len(stack) > 0 {
		id := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, p := range parents[id] {
			if p == event {
				return true
			}
			if !seen[p] {
				seen[p] = true
				stack = append(stack, p)
			}
		}
	}
	return false
}
