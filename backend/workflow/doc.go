// Package workflow is the approval and release state machine of a dossier,
// driven entirely by the process template's data: it has no code path per
// step name, only per step kind (start, sequential, countersign, filing,
// execution, confirmation, postpone).
//
// A Plan is the effective step list for a dossier's release type and mode:
// the template flow, with the mode's signature step (the emergency
// signature of the applicant's department head) inserted right after the
// start step. Approval steps are made of slots: one per sequential step,
// one per countersign row; a slot is waiting, pending or approved.
//
// Apply folds one signed event into a State. It checks the event against
// the state first and returns a coded error, changing nothing, when the
// event is not allowed there; the dossier fold records such an event in
// the history as ignored, and the dossier service refuses to write it, so
// one set of rules serves both.
//
// # Phases
//
//	draft → approval → [filing] → execution → confirmation → confirmed → archived
//	                                    ↑                  ↘ failed
//	                                    └──── postponed ←──────┘
//
// # Rules for concurrent decisions
//
// Events are applied in ledger.Order (parents first, then time, then id).
// A decision applies only to a pending slot, so when two copies of a
// dossier each record a decision on the same slot and are merged, the
// decision earlier in that order wins and the later one is kept in the
// history, marked ignored (code workflow.not_pending). The same holds for a
// decision that meets a return or a withdrawal made concurrently: whichever
// comes first in the order takes effect. A return reopens every step from
// its target on; a withdrawal is only possible while no decision was made
// since the submission.
//
// # Stale approvals
//
// An approval records the SHA-256 of every deliverable it covers: its own
// slot's deliverables and the start step's. When a new version of a covered
// deliverable is attached before the release is done, the approval is
// dismissed (the slot is pending again, marked stale with the deliverable
// that changed), like a code review dismissed by a new commit.
//
// Steps are decided in order, and a dismissal does not change that: a later
// step is never pending, nor approved afresh, while an earlier step has a
// slot that is not approved. So when a dismissal reopens a slot of step k,
// every pending slot of a step after k goes back to waiting and loses its
// delegate and urges; a decision on it is refused (workflow.not_pending)
// until step k is approved again, and then it is pending again, as after
// any approval. Approved slots of later steps keep their decision unless
// they covered the changed deliverable themselves (then they are stale and
// wait too). In the default flow: when one of the six countersign rows is
// dismissed after all six approved, the department step, already pending,
// waits again until that row approves again.
//
// # Who may act
//
// Every action has a gate: the phase it is allowed in and who may take it
// (a role, the slot's delegate, the submitter). Apply checks an event
// against its gate before its content, and ActionsFor asks the same gates
// for a profile (an Actor with all its roles), so what the dossier view
// offers and what Apply accepts cannot drift apart.
package workflow
