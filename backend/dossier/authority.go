package dossier

import (
	"encoding/json"
	"slices"
	"time"

	"golive/backend/ledger"
	"golive/backend/roster"
	"golive/backend/template"
	"golive/backend/workflow"
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
func authority(chain *roster.Chain, tpl *template.Template, ordered []ledger.Event) *judge {
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
	j := &judge{chain: chain, tpl: tpl, root: root, adopted: adopted, parents: parents, inPast: inPast, deeds: map[string]roster.Deed{}, pending: map[string]roster.Deed{}}
	return j
}

// judge decides workflow events under the roster and keeps the deeds of
// the events that counted, for the separation-of-duties rules.
type judge struct {
	chain   *roster.Chain
	tpl     *template.Template
	root    string
	adopted []string
	parents map[string][]string
	inPast  func(string, []string) bool
	// deeds are the counted events' deeds by event id, done the same in
	// fold order; pending the deed of the event being applied, kept once
	// the workflow applies it.
	deeds, pending map[string]roster.Deed
	done           []roster.Deed
}

// check returns why e's author may not act in role on the dossier in
// state st: a roster.* code, nil when the event counts. The deed of an
// event that counts waits in pending until the workflow applied it.
func (j *judge) check(st *State, e ledger.Event, role string) error {
	deed, err := j.verdict(st, e, role)
	if err != nil {
		return err
	}
	j.pending[e.ID] = deed
	return nil
}

// verdict is check without keeping the deed: the roster's verdict on e's
// author in role, then the separation-of-duties rules against the deeds
// that counted so far.
func (j *judge) verdict(st *State, e ledger.Event, role string) (roster.Deed, error) {
	var c rosterClaim
	_ = e.Decode(&c) // the workflow decodes the body itself and refuses a bad one
	version := c.Roster
	if version == "" {
		// Made before the folder had a roster: it counts as recorded
		// when the first version adopted it, else it is judged there.
		if e.ID != "" && (slices.Contains(j.adopted, e.ID) || ancestor(j.parents, e.ID, j.adopted)) {
			// Its deed still binds the separation of duties, by the
			// person the first version lists the key for.
			deed := roster.Deed{Event: e.ID, Role: role}
			if p, ok := j.chain.PersonOf(j.root, e.Author); ok {
				deed.Person = p.ID
			}
			return deed, nil
		}
		version = j.root
	}
	d := roster.Dossier{Template: j.tpl, System: st.SystemCode, InPast: j.inPast}
	if st.Flow != nil && st.Flow.Submission != nil {
		if p, ok := j.chain.PersonOf(version, st.Flow.Submission.By); ok {
			d.Applicant = p.ID
		}
	}
	v := j.authorize(d, e, version, role)
	if err := v.Err(); err != nil {
		return roster.Deed{}, err
	}
	deed := v.Deed()
	if err := j.duties(st, e, deed); err != nil {
		return roster.Deed{}, err
	}
	return deed, nil
}

// probe returns what an act of key at time at, made now under the roster
// in force, would count for on the dossier in state st: the fold's own
// verdict on an event of that kind on slot step/row, so that the actions
// offered are exactly those the fold will accept (workflow.Actor.Probe).
func (j *judge) probe(st State, key string, at time.Time) func(kind, step, row, role string) error {
	tip, _ := j.chain.Tip()
	return func(kind, step, row, role string) error {
		body, err := json.Marshal(map[string]string{"step": step, "row": row, "roster": tip.Event})
		if err != nil {
			return err
		}
		_, err = j.verdict(&st, ledger.Event{Author: key, Time: at, Kind: kind, Body: body}, role)
		return err
	}
}

// roles lists every role of the judge's template: with a roster, the
// roster decides which of them a profile holds (Actor.Probe).
func (j *judge) roles() []string {
	out := make([]string, 0, len(j.tpl.Roles))
	for _, r := range j.tpl.Roles {
		out = append(out, r.ID)
	}
	return out
}

// duties applies the separation-of-duties rules to deed, an event of e's
// kind: a decision never comes from the submission's person, one person
// fills one row of a countersign step (unless the template allows it),
// and the roles of a settings.separate group are held by different people
// over the whole dossier.
func (j *judge) duties(st *State, e ledger.Event, deed roster.Deed) error {
	if e.Kind == workflow.KindDecided && st.Flow != nil {
		if sub := st.Flow.Submission; sub != nil {
			if sd, ok := j.deeds[sub.Event]; ok {
				if err := roster.CheckOwnSubmission(sd, deed); err != nil {
					return err
				}
			}
		}
		var b workflow.DecideBody
		if e.Decode(&b) == nil && b.Row != "" {
			var filled []roster.Deed
			for _, s := range st.Flow.Slots {
				if s.Step == b.Step && s.Row != b.Row && s.Decision != nil {
					if d, ok := j.deeds[s.Decision.Event]; ok {
						filled = append(filled, d)
					}
				}
			}
			if err := roster.CheckCountersign(j.tpl.Settings, filled, deed); err != nil {
				return err
			}
		}
	}
	return roster.CheckSeparation(j.tpl.Settings, j.done, deed)
}

// counted keeps the deed of event id, which the workflow applied.
func (j *judge) counted(id string) {
	if d, ok := j.pending[id]; ok {
		j.deeds[id] = d
		j.done = append(j.done, d)
		delete(j.pending, id)
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
