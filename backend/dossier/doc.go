// Package dossier holds a release dossier (发布档案): the event kinds its
// log is made of, the pure fold that turns a log into the dossier's state,
// and the service that appends signed events to a store.
//
// # Fold rules
//
// The fold takes the events in ledger.Order (parents first, then by time in
// UTC, then by id), so every copy that holds the same set of events computes
// the same state whatever order the events arrived in. Concurrent edits —
// events on diverged branches that were merged by union — resolve as:
//
//   - a field set on both branches (title, version, planned time, …): the
//     value of the event later in ledger.Order wins (last writer wins by
//     event time, ties by event id); the other value stays in the history;
//   - a checklist item set on both branches: the same, per item;
//   - the release content list is replaced as a whole by each edit, so two
//     concurrent edits do not interleave rows;
//   - a stage move that is no longer the next stage when it is folded (the
//     other branch already moved) is kept in the history and ignored in the
//     state, so the stage never jumps backwards or skips;
//   - once a dossier is archived only notes change it; later edits are
//     recorded in the history, marked as ignored.
//
// No event is rewritten or deleted: a correction is a new event.
//
// # Checklist evidence and trial-run issues
//
// A checklist.set event carries, besides the status and the note, the
// item's evidence: a file kept in the blob store (BlobRefs names it, so
// exchange files carry it and the sweep keeps it) and a link to a
// deliverable of the dossier's plan; a link the plan does not know is
// ignored (dossier.unknown_deliverable). Template items with links_to
// point at the runbook or its scenario tests (State.Links).
//
// After go-live (confirmation pending or confirmed) anyone may record a
// trial-run issue (trial_issue.opened); it is closed once
// (trial_issue.closed) by whoever recorded it, or by someone acting in one
// of the template's archive roles, judged by the roster when there is one.
// With settings.archive_waits_for_trial_issues the archive is refused
// while an issue is open (dossier.trial_issues_open).
//
// # What the viewer may do
//
// Every View the service returns carries Actions: what the profile
// unlocked at that moment may do on the dossier (workflow.ActionsFor, the
// same gates the fold applies). It is computed when the view is returned,
// never cached, so switching profiles changes it; with no profile
// unlocked it allows nothing.
//
// # The index is a cache
//
// Each commit also writes the dossier's Summary to the index (bucket "dz"),
// sealed to the ids of the events it was folded from. The index is not
// signed, so List trusts a record only while its seal matches the ledger's
// events as stored now (read from the keys alone), folds the dossier again
// when its record is missing, stale, edited or unreadable, and ignores a
// record whose dossier has no events. Ledger streams that are not dossiers
// (window plans "plan-<year>", the roster) have no dossier.created root and
// are skipped. A repaired summary is kept in memory, not written back: the
// next commit of that dossier rewrites its record.
//
// # Authority
//
// When the folder has an organisation roster (backend/roster), the fold
// judges every workflow event's author by it: the workflow's gates ask
// roster.Authorize whether the key may act in the role the step needs,
// under the roster version the event names in its body ("roster", stamped
// by the service when it signs an action). An event the roster does not
// let count stays in the history, ignored with its roster.* code (shown
// as 未授权), and changes nothing; the same events and roster give the same
// verdicts on every copy. Events made before the folder's first roster
// version count as recorded when that version adopted them (Adopted: the
// heads of every dossier at first publication, and their causal past);
// any other event that names no version is judged under the first one, so
// a forgery gains nothing by leaving the claim out. Without a roster the
// role an event claims is taken at its word.
//
// Separation of duties is checked on the events that counted, by person
// (two keys of one person are one person; a delegate and the one he stands
// for are both bound): a decision never comes from the person who made the
// current submission (roster.own_submission), one person fills one row of
// a countersign step unless the roster and settings.allow_double_post allow
// it (roster.double_post), and the roles of each settings.separate group
// (release operator, supervisor) are held by different people over the
// whole dossier (roster.duty_conflict).
//
// A decision the roster counts carries the person it counts for
// (Decision.Person) and, when it counted by delegation, the person acted
// for (Decision.For: 代审批, shown wherever decisions show).
//
// A witnessed decision (在场签字) is an approver's handwritten signature
// (or a scanned paper signature page) recorded on another person's
// screen: the event is signed by that device owner's key, names the
// approver by roster person id and carries the image by SHA-256 (kept in
// the blob store). It counts only when, in this order: the template step
// allows it (Step.Witnessed, else workflow.witness_not_allowed); a roster
// is in force and the event names its version (roster.none otherwise,
// even for events a first version adopted); the version lists the device
// owner's key (roster.unknown_key, roster.revoked, key dates as for any
// act); and the approver holds the step's role on the dossier there,
// himself or by delegation, with the cutoff and delegation rules applied
// to him (roster.unknown_person, roster.no_role, roster.delegation_*; see
// roster.AuthorizeWitnessed). The approver is the person of the deed for
// the separation-of-duties rules; the witness only attests, so the
// project manager who submitted may hold the screen, but never sign as
// the approver of his own submission. A decision by a slot's delegate
// after a transfer is not judged by role, so with a roster a transfer
// counts only when the version it names lists the key it hands the
// decision to (roster.delegate_unknown).
package dossier
