// Package roster is the organisation roster (组织名册): who the people are,
// which keys are theirs, which roles they hold, and whether a dossier event
// signed by a key counts as made in the role it claims.
//
// # Versions and the chain
//
// A Roster version lists the people (id, name, department, sub-department,
// title, public keys with optional validity dates, global roles), the
// per-system assignments (owning unit, system owner, development lead =
// release operator, supervisor), the head of each unit, the delegations
// (代 X 审批) with their date ranges, the key revocations and the cutoffs,
// and the ids of the people acting as PMO. Role ids are the process
// template's.
//
// Each version is a roster.published event in the ledger stream "roster"
// and is identified by that event's id. Version 1 has no parent; version
// n+1 names version n as its only parent. The rules of the chain
// (VerifyChain):
//
//  1. Version 1 is signed by the folder's pinned key, and names that key's
//     owner as PMO. A data folder pins a PMO key once, after the user
//     confirmed its fingerprint (keys.Fingerprint), or when its own PMO
//     publishes version 1; a chain rooted in any other key is refused.
//  2. Version n+1 is signed by a key that version n lists for a person it
//     names as PMO. So the PMO rotates by naming a new key (or person) in
//     n+1, which then signs n+2. Key dates do not limit roster signing.
//  3. A key keeps its owner: every key of version n is listed for the same
//     person in n+1 or revoked by n+1, and a revoked key is never listed
//     again. A revocation names a key version n listed; a cutoff names a
//     person version n listed.
//  4. Every event must verify (id and signature, so a tampered body is
//     refused) and decode strictly into a valid Roster. One bad event
//     refuses the whole set.
//  5. When two valid versions share a parent, the chain follows the longer
//     branch, at equal length the smaller event id, so copies holding the
//     same events agree on the chain.
//
// Publish adds a safety net that the chain does not enforce: a person who
// keeps a key but loses anything he could act as (see standing in
// validate.go) must get a cutoff in the new version, so the PMO cannot end
// authority by accident without saying which events stay valid.
//
// # Roles
//
// Each template role has a Scope. A global role ("") is held by a person
// whose Roles list it; roles with a scope are never held that way and are
// resolved per dossier, in the version being read, from the Dossier facts:
//
//   - system_owner, system_dev_lead: the assignment of the dossier's system
//     names the person;
//   - system_supervisor: the assignment's supervisor, or else the head of
//     the development lead's unit (department and sub-department);
//   - owning_subdept_director: the head of the owning unit, which is the
//     dossier's OwningDepartment/OwningSubDepartment or, when those are
//     empty, the unit of the system's assignment;
//   - applicant_dept_head: the head of the applicant's unit (the unit the
//     version lists him in).
//
// A unit's head is looked up exactly: no fallback to the parent
// department. When the version cannot resolve the holder the act is
// roster.unresolved, not roster.no_role.
//
// # Authorize
//
// Authority is a pure function of the events: Authorize(chain, dossier,
// act, role) reads nothing else, never the clock, the order of arrival or
// the unlocked profile. An act (an event by key K claiming time T and
// roster version V) counts in role R when, in this order:
//
//  1. V is in the chain (roster.unknown_version) and R is a role of the
//     dossier's template (roster.unknown_role).
//  2. V lists K for a person P (roster.unknown_key; roster.revoked if K is
//     revoked anywhere in the chain).
//  3. In V, P holds R on the dossier himself, or a delegation to P covers
//     R and its grantor holds R on the dossier himself (one hop only; a
//     delegation never passes on a delegation). Otherwise roster.unresolved
//     or roster.no_role. Holding R himself wins over a delegation; among
//     delegations, the first listed whose dates contain T's date, or else
//     the first listed (whose dates then refuse the act, step 6).
//  4. If any version of the chain revokes K, that revocation alone
//     decides: the act counts only if it is one of the revocation's heads
//     or in their causal past (Dossier.InPast, the dossier's event graph),
//     whatever version or time it claims (roster.revoked).
//  5. Otherwise the first version W after V in which P may no longer act
//     in R on this dossier (neither himself nor by any delegation, dates
//     ignored) decides: the act counts only if W has a cutoff for P and the
//     act is one of its heads or in their causal past; else
//     roster.role_removed, or roster.delegation_ended when the act was
//     made by delegation. A missing cutoff keeps nothing.
//  6. Only when no version ended it do the dates apply, as a UI aid, to T's
//     calendar date in T's own zone: the key's From/Until
//     (roster.key_not_yet_valid, roster.key_expired) and the delegation's
//     Start/End (roster.delegation_not_started,
//     roster.delegation_expired). All dates are inclusive.
//
// An act that counts because a revocation or cutoff kept it is marked
// Kept. A Verdict names the person and, for a delegated act, the person
// acted for.
//
// # Witnessed acts
//
// AuthorizeWitnessed judges a witnessed act (在场签字): the key is a device
// owner's, on whose screen approver P signed by hand. Steps 1, 2 and the
// key's revocation and dates apply to the key as above (the device owner
// must be listed in V); steps 3 to 6 apply to P, a person id V must list
// (roster.unknown_person): P holds R himself or by a delegation, a later
// version that ends P's authority decides through P's cutoff, and the
// delegation's dates apply. The Verdict's Person is P (so the deed and
// the separation-of-duties checks are P's), Witness the device owner.
// Chain.Holders lists, by the same steps 3 and 6, who may act in a role on
// a dossier on a date, for the approver picker and for 转交.
//
// # Separation of duties
//
// The fold calls three pure helpers on the Deeds of counted acts, which
// compare people, never keys (two keys of one person are one person), and
// treat both the delegate and the person he stands in for as persons of
// the deed:
//
//   - CheckSeparation: nobody acts in two different roles of a group of the
//     template's settings.separate (the release operator never supervises
//     his own release): roster.duty_conflict.
//   - CheckOwnSubmission: an approver never decides a submission he is a
//     person of; not a setting, always on: roster.own_submission.
//   - CheckCountersign: one person fills at most one row of a countersign
//     step, unless the template sets allow_double_post and both acts are
//     his own (not delegated), the roster having given him both posts:
//     roster.double_post.
//
// # Storage
//
// Service keeps the chain in the folder's store (events under
// ev/roster/<id>, the pin under roster/pin): Publish signs a draft with the
// unlocked PMO key, Import adds received events all or nothing, Pin and
// Pinned manage the trusted root, Chain, InForce and Versions read.
package roster
