// Organisation roster types as backend/roster and app.RosterAPI
// send them (generated: wailsjs/go/models.ts roster.*, app.RosterImport,
// app.RosterFilePreview), and the roster area of the Bridge. Who may edit
// comes with the overview (may_edit), decided by the backend. Go sends a
// nil list as null or leaves an empty one out: read lists with `?? []`.
import type { app, roster } from '../../wailsjs/go/models'

export type RosterOverview = roster.Overview
/** A roster version's body: people, systems, heads, delegations, revocations. */
export type RosterBody = roster.Roster
export type RosterPerson = roster.Person
export type RosterKey = roster.Key
export type RosterAssignment = roster.Assignment
export type RosterHead = roster.Head
export type RosterDelegation = roster.Delegation
export type RosterRevocation = roster.Revocation
export type RosterPublished = roster.Published
export type RosterDraft = roster.DraftView
export type RosterKeyInfo = roster.KeyInfo
export type RosterVersionInfo = roster.VersionInfo
export type RosterProblem = roster.Problem
/** What a received roster file holds: its root PMO and that key's fingerprint. */
export type RosterPreview = roster.Preview
export type RosterFilePreview = app.RosterFilePreview
/** What a dialog-driven roster call answers: the chosen path ("" when cancelled) and the page afterwards. */
export type RosterImport = app.RosterImport

/** The roster area of the Bridge (app.RosterAPI). */
export interface RosterArea {
  overview(): Promise<RosterOverview>
  /** Reads an Excel workbook the user picks into the draft; null when cancelled. */
  importSheetFromDialog(): Promise<RosterOverview | null>
  /** Saves the PMO's edit of the draft (refused with a code when it is not a valid next version). */
  saveDraft(draft: RosterBody): Promise<RosterOverview>
  /** Starts a draft from the version in force. */
  editInForce(): Promise<RosterOverview>
  discardDraft(): Promise<RosterOverview>
  /** Signs the draft with note as the next version. */
  publish(note: string): Promise<RosterOverview>
  /** Writes the roster file where the user picks; the path, or "" when cancelled. */
  exportFromDialog(): Promise<string>
  /** Reads a received roster file the user picks, changing nothing; null when cancelled. */
  previewFromDialog(): Promise<RosterFilePreview | null>
  /** Accepts the file at path; a folder without a pinned key needs the confirmed fingerprint. */
  accept(path: string, fingerprint: string): Promise<RosterOverview>
}
