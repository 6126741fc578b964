// The data the Go backend sends and receives, typed from the bindings Wails
// generates from the Go structs (frontend/wailsjs/go/models.ts, refreshed
// with `make bindings`). Nothing here is written by hand except names the UI
// uses for them and the Bridge, the UI's view of the bound methods
// (mapped onto them in calls.ts).
//
// Times are RFC 3339 strings with an offset, e.g. "2026-12-10T19:00:00+08:00";
// Go's zero time arrives as "0001-01-01T00:00:00Z".
import type { app, check, core, demo, dossier, people, profile, store, system, template, templates, window as win, workflow } from '../../wailsjs/go/models'
import type { BackupArea } from './backup'
import type { ExchangeArea } from './exchange'
import type { SyncArea } from './sync'
import type { MeetingArea } from './meeting'
import type { StatsArea } from './stats'
import type { Certificate, DocumentsArea } from './documents'
import type { RosterArea } from './roster'
import type { WindowsArea } from './windows'

/** A string in both of GoLive's languages. */
export type Text = template.Text

export type Language = 'zh-CN' | 'en'

export type AppInfo = core.Info
export type Preferences = core.Preferences
export type SampleSummary = demo.Summary
export type Clock = core.Clock
/** What the folder check found (AppAPI.CheckFolder). */
export type CheckReport = check.Report
export type CheckFinding = check.Finding
/** One thing wrong with a damaged data folder's files (AppInfo.damage). */
export type FolderDamage = store.Damage

export type Profile = profile.Summary
/** What the signed-in profile may do beyond any one dossier, decided by the backend. */
export type Capabilities = profile.Capabilities
export type ProfileCreateRequest = profile.CreateRequest
/** A person a signed source names (source "roster", or "card": self-declared), for the transfer picker. */
export type Identity = people.Entry

export type AppSystem = system.System

export type ContentItem = dossier.ContentItem
/** Editable header fields; in a patch an absent key means "unchanged". */
export type DossierFields = dossier.Fields
export type DossierCreateRequest = dossier.CreateRequest
/** A change out of the process's scope put on record with its exclusion and reason (no approval flow). */
export type OutOfScopeRequest = dossier.OutOfScopeRequest
/** The post-release review of a release whose mode asks for one. */
export type PostReviewRequest = dossier.PostReviewRequest
export type PostReviewRecord = workflow.PostReview
/** A kind of change the template excludes from the process's scope. */
export type Exclusion = template.Exclusion
export type DossierFilter = dossier.Filter
export type ChecklistEntry = dossier.ChecklistEntry
export type EvidenceChoice = dossier.EvidenceChoice
export type ChecklistLink = dossier.ChecklistLink
export type TrialIssue = dossier.TrialIssue
export type TrialIssueRequest = dossier.TrialIssueRequest
export type DossierState = dossier.State
export type HistoryEntry = dossier.HistoryEntry
export type DossierView = dossier.View
/** What one decision slot asks now (workflow.Needs). */
export type Needs = workflow.Needs
export type DeliverableNeed = workflow.DeliverableNeed
export type DossierSummary = dossier.Summary
/** One page of the dossier list: how many pass the filter, and the rows from offset on. */
export type DossierPage = dossier.Page
/** One task waiting for the current profile. */
export type InboxItem = dossier.InboxItem
export type DecideRequest = dossier.DecideRequest
/** A witnessed decision's approver and handwriting (a witnessed signature), as DecideRequest.witness sends it. */
export type WitnessRequest = dossier.WitnessRequest
/** Someone the roster in force lets decide a slot (the approver picker of a witnessed signature). */
export type Candidate = dossier.Candidate
/** Someone of the roster in force a pending decision can be transferred to. */
export type TransferTarget = dossier.TransferTarget

export type Revision = template.Revision
export type Stage = template.Stage
export type Option = template.Option
export type ReleaseType = template.ReleaseType
export type Mode = template.Mode
export type Department = template.Department
export type Role = template.Role
export type ChecklistItem = template.ChecklistItem
export type TemplateDocument = template.Document
export type StepItem = template.Item
export type Deliverable = template.Deliverable
export type CountersignRow = template.CountersignRow
export type Step = template.Step
export type Flow = template.Flow
export type ProcessTemplate = template.Template
export type TemplateSettings = template.Settings
export type TemplateInfo = templates.Info
export type TemplateProblem = template.Problem

export type Answer = workflow.Answer
/** A step of a dossier's effective workflow. */
export type PlanStep = workflow.Step
export type Plan = workflow.Plan
export type Decision = workflow.Decision
/** The approver and handwriting of a witnessed decision. */
export type Witness = workflow.Witness
export type Stale = workflow.Stale
export type Urge = workflow.Urge
export type Slot = workflow.Slot
export type Version = workflow.Version
/**
 * What a call fed by a file the user chose answers (a native dialog, a dropped file):
 * name "" when the dialog was cancelled (nothing recorded), the version it added,
 * the versions that arrived another way while the dialog was open, and the dossier.
 */
export type Picked = app.Picked
export type RunbookRow = workflow.RunbookRow
export type TestRow = workflow.TestRow
export type Signoff = workflow.Signoff
export type PackageCheck = workflow.PackageCheck
export type SameDayTest = workflow.SameDayTest
/** The same-day test as recorded: the business user's own signature, or a witnessed one. */
export type SameDayTestRequest = dossier.SameDayTestRequest
/** One person of the development department on call during the release. */
export type OnCall = workflow.OnCall
export type Execution = workflow.Execution
export type Confirmation = workflow.Confirmation
export type Postponement = workflow.Postponement
export type ArchiveRecord = workflow.Archive
export type FlowState = workflow.State
export type Task = workflow.Task
/** What the signed-in profile may do on a dossier, decided by the backend. */
export type Actions = workflow.Actions

/** A release window of the calendar. */
export type ReleaseWindow = win.Window

/** Checklist statuses, in the order the UI offers them. */
export type ChecklistStatus = 'not_started' | 'in_progress' | 'done' | 'not_applicable'
export const CHECKLIST_STATUSES: readonly ChecklistStatus[] = ['not_started', 'in_progress', 'done', 'not_applicable']

/** Long file work reported by the backend ("progress" events; app.progress in Go). */
export interface Progress {
  /** "attach", "hash" or "save". */
  op: string
  path: string
  done: number
  total: number
}

// ---- the bridge ----

/**
 * Bridge is everything the UI asks of the backend, grouped by area (see
 * calls.ts for the Go method each one calls). Every method rejects with an
 * AppError (see errors.ts), never with anything else.
 */
export interface Bridge {
  app: {
    /** Rejects with store.already_open (params.dir) when another GoLive holds the folder. */
    info(): Promise<AppInfo>
    /** Today and now in the configured zone. */
    clock(): Promise<Clock>
    /** Fills an empty folder with the sample portfolio and unlocks the sample project manager. */
    loadSampleData(): Promise<SampleSummary>
    preferences(): Promise<Preferences>
    setPreferences(p: Preferences): Promise<void>
    /** Calls cb when a second start was redirected to this window; returns the unsubscribe. */
    onSecondInstance(cb: () => void): () => void
    /** Calls cb for each progress report of long file work; returns the unsubscribe. */
    onProgress(cb: (p: Progress) => void): () => void
    /** Walks the whole data folder and reports what is wrong; changes nothing. */
    checkFolder(): Promise<CheckReport>
    /** Calls cb with the name of each area the folder check starts on; returns the unsubscribe. */
    onCheckArea(cb: (area: string) => void): () => void
    /** Calls cb when the background check of the folder's data blocks found damage after the start (the folder is now read-only: info() says how); returns the unsubscribe. */
    onDamaged(cb: () => void): () => void
  }
  profiles: {
    list(): Promise<Profile[]>
    /** Creates the profile and unlocks it. */
    create(req: ProfileCreateRequest): Promise<Profile>
    /** Rejects with keys.wrong_passphrase and changes nothing on a wrong passphrase. */
    unlock(id: string, passphrase: string): Promise<Profile>
    /**
     * Makes a profile unlocked earlier in this session (Profile.unlocked)
     * current again, without its passphrase; profile.not_unlocked otherwise.
     */
    switch(id: string): Promise<Profile>
    /** Forgets every key unlocked in this session. */
    lock(): Promise<void>
    current(): Promise<Profile | null>
    /** Everyone known to this folder (local profiles and dossier authors), for transfers. */
    identities(): Promise<Identity[]>
    /** What the signed-in profile may do beyond any one dossier (all false when locked). */
    capabilities(): Promise<Capabilities>
    /** The profile's PDF-signing certificate; profile.no_certificate before its first unlock. */
    certificate(id: string): Promise<Certificate>
    /** The signed-in profile's identity card as a text block to paste; profile.locked when signed out. */
    identityCardText(subDepartment: string, title: string): Promise<string>
    /** Saves the signed-in profile's identity card where the user picks; "" when cancelled. */
    saveIdentityCard(subDepartment: string, title: string): Promise<string>
  }
  systems: {
    list(): Promise<AppSystem[]>
    classes(): Promise<string[]>
    create(s: AppSystem): Promise<AppSystem>
    update(s: AppSystem): Promise<AppSystem>
    /** Rejects with system.in_use while a system or dossier refers to it. */
    remove(code: string): Promise<void>
  }
  dossiers: {
    list(f: DossierFilter): Promise<DossierSummary[]>
    /** The dossiers passing f from offset on, at most limit of them (the backend allows 500), and how many pass it. */
    page(f: DossierFilter, offset: number, limit: number): Promise<DossierPage>
    /** Resolves once the whole list is read and checked: a page marked pending is then fetched again. */
    ready(): Promise<void>
    get(id: string): Promise<DossierView>
    create(req: DossierCreateRequest): Promise<DossierView>
    update(id: string, patch: DossierFields): Promise<DossierView>
    setChecklist(id: string, item: string, status: string, note: string): Promise<DossierView>
    advance(id: string, to: string, note: string): Promise<DossierView>
    addNote(id: string, text: string): Promise<DossierView>
    /** Starts the approval flow; workflow.incomplete lists missing item and deliverable ids. */
    submit(id: string, answers: Record<string, Answer>, comment: string): Promise<DossierView>
    /**
     * Judges a submission with answers without making it: resolves when it
     * would be accepted now, rejects with the refusal naming everything missing.
     */
    checkSubmit(id: string, answers: Record<string, Answer>): Promise<void>
    decide(id: string, req: DecideRequest): Promise<DossierView>
    /** Judges a decision without making it (as checkSubmit). */
    checkDecide(id: string, req: DecideRequest): Promise<void>
    /**
     * What a decision on slot step/row asks with the answers being prepared:
     * the items asked and the deliverables required after the template's
     * conditions, computed in Go (workflow.Needs).
     */
    needs(id: string, step: string, row: string, answers: Record<string, Answer>): Promise<Needs>
    withdraw(id: string, comment: string): Promise<DossierView>
    transfer(id: string, step: string, row: string, toPublicKey: string, comment: string): Promise<DossierView>
    comment(id: string, step: string, row: string, text: string): Promise<DossierView>
    urge(id: string, step: string, row: string, comment: string): Promise<DossierView>
    file(id: string, comment: string): Promise<DossierView>
    saveRunbook(id: string, runbook: RunbookRow[], tests: TestRow[]): Promise<DossierView>
    override(id: string, reason: string): Promise<DossierView>
    release(id: string, comment: string): Promise<DossierView>
    supervise(id: string, comment: string): Promise<DossierView>
    /** Records the same-day test: signed by the business user's own profile, or witnessed (req.witness). */
    sameDayTest(id: string, req: SameDayTestRequest): Promise<DossierView>
    /** Records the development department's on-call support during the release (keeps the runbook). */
    saveOnCall(id: string, rows: OnCall[]): Promise<DossierView>
    confirm(id: string, success: boolean, answers: Record<string, Answer>, rollback: string, comment: string): Promise<DossierView>
    /** Judges a confirmation without making it (as checkSubmit). */
    checkConfirm(id: string, success: boolean, answers: Record<string, Answer>, rollback: string): Promise<void>
    /** Moves the release to the window windowId (planned upgrades), or else to plannedAt. */
    postpone(id: string, productionUnchanged: boolean, reason: string, plan: string, plannedAt: string, windowId: string): Promise<DossierView>
    /** The next open release window of the dossier's system class: where a postponement lands by default. */
    proposePostponement(id: string): Promise<ReleaseWindow>
    archive(id: string, notApplicable: Record<string, string>): Promise<DossierView>
    /** Puts on record a change out of the process's scope; dossier.out_of_scope_reason_required without a reason. */
    recordOutOfScope(req: OutOfScopeRequest): Promise<DossierView>
    /** Records the post-release review (findings, actions, participants); the archive waits for it. */
    recordPostReview(id: string, req: PostReviewRequest): Promise<DossierView>
    /** What waits for the current profile, oldest first. */
    inbox(): Promise<InboxItem[]>
    /** Attaches a small file's bytes (base64, at most AppInfo.limits.upload_bytes) as a checklist item's evidence. */
    attachChecklistUpload(id: string, item: string, name: string, base64: string): Promise<DossierView>
    /** Takes the evidence file off a checklist item. */
    removeChecklistFile(id: string, item: string): Promise<DossierView>
    /** Links a checklist item's evidence to a deliverable of the dossier ("" removes it); dossier.unknown_deliverable. */
    linkChecklistDeliverable(id: string, item: string, deliverable: string): Promise<DossierView>
    /** Records an issue of the trial run after go-live. */
    openTrialIssue(id: string, req: TrialIssueRequest): Promise<DossierView>
    /** Closes a trial-run issue with its resolution. */
    closeTrialIssue(id: string, issue: string, resolution: string): Promise<DossierView>
    /** Attaches a small file's bytes (base64, at most AppInfo.limits.upload_bytes). */
    attachUpload(id: string, deliverable: string, name: string, base64: string, note: string): Promise<DossierView>
    /** Asks for a file with the native dialog and streams it in; name "" when cancelled (nothing recorded). */
    attachFromDialog(id: string, deliverable: string, note: string): Promise<Picked>
    /** Records the release package by name, size and SHA-256 only; name "" when cancelled. */
    recordPackageFromDialog(id: string, deliverable: string): Promise<Picked>
    /** Re-hashes the package actually deployed and compares it with the approved one; name "" when cancelled. */
    checkPackageFromDialog(id: string): Promise<Picked>
    /** The package check of a file dropped on the window (its path, from the window's file drop). */
    checkPackageDropped(id: string, path: string): Promise<Picked>
    /** Records a release package dropped on the window by its path: name, size and SHA-256 only, never copied. */
    recordPackageDropped(id: string, deliverable: string, path: string): Promise<Picked>
    /** Saves a stored version where the user picks; the path, or "" when cancelled. */
    saveDeliverable(sha256: string, name: string): Promise<string>
    /** Opens a stored version with the system's default application. */
    openDeliverable(sha256: string, name: string): Promise<void>
    /** Who may decide a slot under the roster in force (the approver picker of a witnessed signature); roster.none without a roster. */
    candidates(id: string, step: string, row: string): Promise<Candidate[]>
    /** A witnessed decision's handwriting as a data: URL; dossier.signature_not_found unless the dossier names it. */
    signatureImage(id: string, sha256: string): Promise<string>
    /** Whom a pending decision can be transferred to; roster.none without a roster. */
    transferTargets(id: string): Promise<TransferTarget[]>
  }
  /** The release-window calendar (app.WindowAPI). */
  windows: WindowsArea
  /** PDF and Excel exports, generated documents, verification (app.DocumentsAPI). */
  documents: DocumentsArea
  /** The organisation roster (app.RosterAPI). */
  roster: RosterArea
  /** Backup and restore of the data folder (app.BackupAPI). */
  backup: BackupArea
  /** Exchange files: sending, replying, importing (app.ExchangeAPI). */
  exchange: ExchangeArea
  sync: SyncArea
  /** The dashboard's statistics and chart images (app.StatsAPI). */
  stats: StatsArea
  /** Review meetings: board, attendance, decisions, minutes (app.MeetingAPI). */
  meetings: MeetingArea
  template: {
    current(): Promise<ProcessTemplate>
    list(): Promise<TemplateInfo[]>
    get(key: string): Promise<ProcessTemplate>
    /** Every problem of an edited template; empty when it is valid. */
    validate(t: ProcessTemplate): Promise<TemplateProblem[]>
    /** Stores a new version (template editor role only). */
    save(t: ProcessTemplate, makeCurrent: boolean): Promise<TemplateInfo>
    setCurrent(key: string): Promise<void>
    /** The path written, or "" when cancelled. */
    exportToDialog(key: string): Promise<string>
    importFromDialog(): Promise<TemplateInfo | null>
  }
}
