// Review meeting types as backend/meeting and app.MeetingAPI send them
// (generated: wailsjs/go/models.ts meeting.*, dossier.Review, Condition,
// Attendee, ReviewDecidedBody), and the meeting area of the Bridge. The
// board's levels, checks, refusals and proposed windows are computed in Go
// (meeting.Board); the UI shows them. Go sends a nil list as null: read
// lists with `?? []`.
import type { dossier, meeting } from '../../wailsjs/go/models'
import type { Exported } from './documents'

/** A review meeting: agenda, attendance, minutes once closed; local when chaired here. */
export type Meeting = meeting.Meeting
/** What opening a meeting asks: a title, a window id or a day, an ad-hoc list, when and where. */
export type MeetingCreateRequest = meeting.CreateRequest
/** A meeting with its agenda's readiness, worst first, and the counts by level. */
export type MeetingBoard = meeting.Board
/** One dossier of the agenda: its level, checks, this meeting's decision, refusal and proposed window. */
export type BoardRow = meeting.Row
/** One readiness finding on a dossier (code, level block|warn|ok, count, names, tasks, warnings). */
export type BoardCheck = meeting.Check
/** The window a postponement would move the dossier to. */
export type ProposedWindow = meeting.ProposedWindow
/** One person of the attendance list (present, delegated, absent). */
export type Attendee = dossier.Attendee
/** The meeting's decision on one dossier, as the chair records it. */
export type ReviewDecidedBody = dossier.ReviewDecidedBody
/** A decision of a review meeting kept on the dossier. */
export type Review = dossier.Review
/** A condition of a conditional pass: a checklist item of the dossier. */
export type ReviewCondition = dossier.Condition

/** The review decisions, in the order a meeting offers them (dossier.ReviewDecisions). */
export const REVIEW_DECISIONS = ['pass', 'conditional', 'postpone', 'reject'] as const
/** The attendance statuses (dossier.Attend*). */
export const ATTENDANCE = ['present', 'delegated', 'absent'] as const

/** The review meeting area of the Bridge (app.MeetingAPI). */
export interface MeetingArea {
  /** Every meeting, newest first: those chaired here (local) and those known from dossiers. */
  list(): Promise<Meeting[]>
  create(req: MeetingCreateRequest): Promise<Meeting>
  board(id: string): Promise<MeetingBoard>
  setAgenda(id: string, dossiers: string[]): Promise<Meeting>
  setAttendance(id: string, list: Attendee[]): Promise<Meeting>
  /** Keeps attendee i's handwritten signature (base64 PNG or a data URL). */
  sign(id: string, i: number, image: string): Promise<Meeting>
  /** Records the decision on one dossier of the agenda (a signed event); the dossier afterwards. */
  decide(id: string, dossierId: string, d: ReviewDecidedBody): Promise<dossier.View>
  /** Makes the signed minutes in lang and attaches them to every dossier decided on. */
  close(id: string, lang: string): Promise<Meeting>
  /** Saves the minutes where the user picks (path "" when cancelled). */
  exportMinutes(id: string): Promise<Exported>
}
