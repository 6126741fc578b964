// Domain types as the Go backend sends them (see wailsjs/go/models.ts, the
// contract). They are plain data: the generated classes' helper methods are
// never needed, so both bridges can return object literals.
//
// Times are RFC 3339 strings with an offset, e.g. "2026-12-10T19:00:00+08:00";
// Go's zero time arrives as "0001-01-01T00:00:00Z".

import type { Certificate, DocumentsArea } from './documents'
import type { PlanWindow, WindowsArea, WindowWarning } from './windows'

/** A string in both of GoLive's languages. */
export interface Text {
  zh: string
  en: string
}

export type Language = 'zh-CN' | 'en'

export interface AppInfo {
  version: string
  data_dir: string
  template: string
  zone: string
  /** True when the folder holds no system and no dossier. */
  empty: boolean
  profiles: number
}

export interface Preferences {
  /** "" means: not chosen yet. */
  language: Language | ''
}

export interface SampleSummary {
  profiles: number
  systems: number
  dossiers: number
  events: number
}

export interface Profile {
  id: string
  public_key: string
  name: string
  department: string
  roles: string[]
  fingerprint: string
  created_at: string
  default: boolean
  sample: boolean
}

export interface ProfileCreateRequest {
  name: string
  department: string
  roles: string[]
  passphrase: string
}

export type SystemClass = 'java' | 'dotnet' | 'packaged' | 'web' | 'other'

export interface AppSystem {
  code: string
  name: string
  department: string
  owner: string
  class: string
  web_facing: boolean
  calls: string[]
  updated_at: string
}

export type ContentKind = 'cr' | 'bug'

export interface ContentItem {
  kind: string
  ref: string
  title: string
}

/** Editable header fields; in a patch an absent key means "unchanged". */
export interface DossierFields {
  title?: string
  type?: string
  subtype?: string
  mode?: string
  version?: string
  content?: ContentItem[]
  /** "2026-12-10T19:00" in the dossier's zone, or RFC 3339. */
  planned_at?: string
  project_manager?: string
  system_owner?: string
  /** The release window id ("2027-03-11-java") a planned upgrade targets; "" clears it. */
  window?: string
}

export interface DossierCreateRequest extends DossierFields {
  system_code: string
}

export interface DossierFilter {
  stage: string
  system_code: string
  type: string
  mode: string
  /** "2026-12" */
  month: string
  text: string
}

export type ChecklistStatus = 'not_started' | 'in_progress' | 'done' | 'not_applicable'

export const CHECKLIST_STATUSES: readonly ChecklistStatus[] = ['not_started', 'in_progress', 'done', 'not_applicable']

export interface ChecklistEntry {
  item: string
  status: string
  note: string
  /** Public key (hex) of who confirmed it. */
  by: string
  at: string
  /** Id of the event that set it. */
  event: string
}

export interface DossierState {
  id: string
  template: string
  system_code: string
  zone: string
  title: string
  type: string
  subtype: string
  mode: string
  version: string
  content: ContentItem[]
  planned_at: string
  project_manager: string
  system_owner: string
  /** The targeted release window id, "" for none. */
  window?: string
  stage: string
  checklist: Record<string, ChecklistEntry>
  notes: number
  created_at: string
  created_by: string
  updated_at: string
  /** The effective workflow for the dossier's type and mode; null when the type has no flow. */
  plan: Plan | null
  /** The workflow state: approvals, deliverables, execution. */
  flow: FlowState | null
  /** What waits, and for which role. */
  tasks: Task[] | null
  /** An emergency release. */
  not_fully_tested: boolean
  /** A package hash mismatch was overridden (shown in red everywhere). */
  override: boolean
  heads: string[]
  events: number
}

export type HistoryKind = 'dossier.created' | 'dossier.updated' | 'checklist.set' | 'stage.advanced' | 'note.added'

export interface HistoryEntry {
  event: string
  kind: string
  author: string
  author_name: string
  fingerprint: string
  at: string
  params: Record<string, string>
  /** Recorded but not applied by the fold. */
  ignored: boolean
  /** The error code that explains why it was not applied. */
  ignored_code?: string
}

export interface DossierView {
  state: DossierState
  /** Oldest first. */
  history: HistoryEntry[]
  system_name: string
  /** The targeted window as the plan in force has it now (planned_at follows it). */
  window?: PlanWindow | null
  /** Window warnings: moved or closed window, conflicts, emergency in a freeze. */
  warnings?: WindowWarning[] | null
}

export interface DossierSummary {
  id: string
  title: string
  system_code: string
  type: string
  subtype: string
  mode: string
  version: string
  stage: string
  planned_at: string
  updated_at: string
  project_manager: string
  content_refs: string[]
  checklist_done: number
  checklist_total: number
  system_name: string
  /** The workflow phase ("" without a flow). */
  phase?: string
  tasks?: Task[] | null
  not_fully_tested?: boolean
  override?: boolean
  created_by?: string
  /** The targeted window id and its state in the plan in force ("" without one). */
  window?: string
  window_state?: string
}

// ---- process template ----

export interface Revision {
  version: string
  date: string
  author: string
  note: Text
}

export interface Stage {
  id: string
  name: Text
  title: Text
}

export interface Option {
  id: string
  name: Text
}

export interface ReleaseType {
  id: string
  name: Text
  description: Text
  note: Text
  subtypes?: Option[]
  same_day_test?: boolean
  flow_id: string
}

export interface Mode {
  id: string
  name: Text
  note: Text
  frequency: Text
  signature_role?: string
  not_fully_tested?: boolean
  signature_step?: Step
  confirmation_items?: StepItem[]
}

export interface Department {
  id: string
  name: Text
  parent?: string
  relative?: boolean
}

export interface Role {
  id: string
  name: Text
  department?: string
  duty?: Text
}

export type ChecklistGroup = 'precondition' | 'plan'

export interface ChecklistItem {
  id: string
  group: string
  no: number
  title: Text
  hint?: Text
  document?: string
}

export interface TemplateDocument {
  id: string
  no: number
  name: Text
}

export interface StepItem {
  id: string
  text: Text
}

export interface Deliverable {
  id: string
  name: Text
  required: boolean
  /** Recorded by name, size and SHA-256 only (the release package). */
  hash_only?: boolean
  /** Produced by the app, never attached by hand. */
  generated?: boolean
  document?: string
}

export interface CountersignRow {
  id: string
  role: string
  label: Text
  items?: StepItem[]
  deliverables?: Deliverable[]
}

export interface Step {
  id: string
  no: number
  name: Text
  kind: string
  department?: string
  role?: string
  role_label?: Text
  items?: StepItem[]
  deliverables?: Deliverable[]
  rows?: CountersignRow[]
  filed_to?: string[]
}

export interface Flow {
  id: string
  release_type: string
  name: Text
  steps: Step[]
}

export interface ProcessTemplate {
  id: string
  version: string
  name: Text
  organisation: Text
  source: Text
  revisions: Revision[]
  stages: Stage[]
  release_types: ReleaseType[]
  modes: Mode[]
  departments: Department[]
  roles: Role[]
  checklist: ChecklistItem[]
  documents: TemplateDocument[]
  flows: Flow[]
  settings: TemplateSettings
  /** Parts this UI does not edit (e.g. release windows) travel along untouched. */
  [other: string]: unknown
}

export interface TemplateSettings {
  /** "all_unless_changed" or "none". */
  approvals_carry_over: string
  archive_roles: string[]
  release_operator_role: string
  supervisor_role: string
  template_editor_role: string
}

/** One stored template version. */
export interface TemplateInfo {
  key: string
  id: string
  version: string
  name: Text
  builtin: boolean
  current: boolean
  saved_at: string
  saved_by: string
}

/** One problem Validate found in an edited template. */
export interface TemplateProblem {
  code: string
  path: string
  params?: Record<string, string>
}

// ---- workflow (backend/workflow) ----

export type StepKind = 'start' | 'sequential' | 'countersign' | 'filing' | 'execution' | 'confirmation' | 'postpone'
export type Phase = 'draft' | 'approval' | 'filing' | 'execution' | 'confirmation' | 'failed' | 'confirmed' | 'archived'
export type SlotStatus = 'waiting' | 'pending' | 'approved'

/** A yes/no answer to an approval item, with a remark. */
export interface Answer {
  yes: boolean
  remark: string
}

export interface PlanStep extends Step {
  /** True for start, sequential and countersign steps. */
  approval: boolean
  /** A step the mode inserted (the emergency signature). */
  inserted: boolean
}

export interface Plan {
  flow: string
  steps: PlanStep[]
  confirmation_items: StepItem[] | null
  same_day_test: boolean
  not_fully_tested: boolean
  settings: TemplateSettings
  documents: TemplateDocument[]
}

export interface Decision {
  event: string
  by: string
  role: string
  at: string
  delegated: boolean
  comment: string
  answers: Record<string, Answer> | null
  /** Deliverable key → SHA-256 it had when decided ("" when absent). */
  covers: Record<string, string> | null
}

export interface Stale {
  deliverable: string
  was: string
  now: string
  event: string
  at: string
  previous?: Decision | null
}

export interface Urge {
  by: string
  at: string
  comment: string
  event: string
}

export interface Slot {
  step: string
  row?: string
  role: string
  status: SlotStatus | string
  pending_since: string
  decision?: Decision | null
  stale?: Stale | null
  delegate?: string
  delegate_name?: string
  urges: Urge[] | null
}

export interface Version {
  no: number
  sha256: string
  name: string
  size: number
  mime: string
  hash_only: boolean
  note: string
  by: string
  at: string
  event: string
}

export type RunbookResult = '' | 'ok' | 'failed' | 'skipped'

export interface RunbookRow {
  no: number
  action: string
  planned_at: string
  started_at: string
  ended_at: string
  operator: string
  result: RunbookResult | string
  notes: string
}

export interface TestRow {
  name: string
  expected: string
  actual: string
  passed: boolean
}

export interface Signoff {
  by: string
  role: string
  at: string
  event: string
  comment: string
}

export interface PackageCheck extends Signoff {
  name: string
  size: number
  sha256: string
  approved: string
  match: boolean
}

export interface SameDayTest extends Signoff {
  confirmed_by: string
  tested_at: string
}

export interface Execution {
  attempt: number
  runbook: RunbookRow[] | null
  tests: TestRow[] | null
  package_check?: PackageCheck | null
  override?: Signoff | null
  released?: Signoff | null
  supervised?: Signoff | null
  same_day_test?: SameDayTest | null
}

export interface Confirmation extends Signoff {
  success: boolean
  rollback: string
  answers: Record<string, Answer> | null
}

export interface Postponement extends Signoff {
  attempt: number
  production_unchanged: boolean
  reason: string
  plan: string
  from: string
  to: string
  reopened: string[] | null
}

export interface ArchiveRecord extends Signoff {
  not_applicable: Record<string, string> | null
}

export interface FlowState {
  phase: Phase | string
  slots: Slot[]
  submission?: Decision | null
  submissions: number
  decided_since_submit: number
  /** Deliverable key (a deliverable id, or "doc:<document id>") → versions, oldest first. */
  deliverables: Record<string, Version[]> | null
  filing?: Signoff | null
  execution: Execution
  past_attempts: Execution[] | null
  confirmation?: Confirmation | null
  past_confirmations: Confirmation[] | null
  postponements: Postponement[] | null
  archive?: ArchiveRecord | null
}

export type TaskKind = 'decide' | 'submit' | 'file' | 'execute' | 'supervise' | 'confirm' | 'postpone' | 'archive'

export interface Task {
  kind: TaskKind | string
  step: string
  row?: string
  role: string
  delegate?: string
  since: string
  urges: number
  stale: boolean
}

/** One task waiting for the current profile. */
export interface InboxItem extends Task {
  dossier: string
  title: string
  system_code: string
  system_name: string
  mode: string
  not_fully_tested: boolean
  planned_at: string
  /** The task was transferred to this profile. */
  delegated: boolean
}

export interface DecideRequest {
  step: string
  row: string
  decision: 'approve' | 'return'
  /** An earlier approval step's id; "" returns to the submitter. */
  return_to: string
  comment: string
  answers: Record<string, Answer>
}

/** A person known to this folder, for the transfer picker. */
export interface Identity {
  public_key: string
  name: string
  department: string
  roles: string[]
}

/** A release window of the calendar. */
export interface ReleaseWindow {
  /** e.g. "2027-03-11-java" */
  id: string
  class: string
  /** "2027-03-11" */
  date: string
  /** "19:00" */
  start: string
  end: string
  zone: string
  state: string
  capacity: number
}

/** Long file work reported by the backend ("progress" events). */
export interface Progress {
  /** "attach", "hash" or "save". */
  op: string
  path: string
  done: number
  total: number
}

// ---- the bridge ----

/**
 * Bridge is everything the UI asks of the backend, grouped by area. Every
 * method rejects with an AppError (see errors.ts), never with anything else.
 */
export interface Bridge {
  app: {
    /** Rejects with store.already_open (params.dir) when another GoLive holds the folder. */
    info(): Promise<AppInfo>
    /** Fills an empty folder with the sample portfolio and unlocks the sample project manager. */
    loadSampleData(): Promise<SampleSummary>
    preferences(): Promise<Preferences>
    setPreferences(p: Preferences): Promise<void>
    /** Calls cb when a second start was redirected to this window; returns the unsubscribe. */
    onSecondInstance(cb: () => void): () => void
    /** Calls cb for each progress report of long file work; returns the unsubscribe. */
    onProgress(cb: (p: Progress) => void): () => void
  }
  profiles: {
    list(): Promise<Profile[]>
    /** Creates the profile and unlocks it. */
    create(req: ProfileCreateRequest): Promise<Profile>
    /** Rejects with keys.wrong_passphrase and changes nothing on a wrong passphrase. */
    unlock(id: string, passphrase: string): Promise<Profile>
    lock(): Promise<void>
    current(): Promise<Profile | null>
    /** Everyone known to this folder (local profiles and dossier authors), for transfers. */
    identities(): Promise<Identity[]>
    /** The profile's PDF-signing certificate; profile.no_certificate before its first unlock. */
    certificate(id: string): Promise<Certificate>
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
    get(id: string): Promise<DossierView>
    create(req: DossierCreateRequest): Promise<DossierView>
    update(id: string, patch: DossierFields): Promise<DossierView>
    setChecklist(id: string, item: string, status: string, note: string): Promise<DossierView>
    advance(id: string, to: string, note: string): Promise<DossierView>
    addNote(id: string, text: string): Promise<DossierView>
    /** Starts the approval flow; workflow.incomplete lists missing item and deliverable ids. */
    submit(id: string, answers: Record<string, Answer>, comment: string): Promise<DossierView>
    decide(id: string, req: DecideRequest): Promise<DossierView>
    withdraw(id: string, comment: string): Promise<DossierView>
    transfer(id: string, step: string, row: string, toPublicKey: string, comment: string): Promise<DossierView>
    comment(id: string, step: string, row: string, text: string): Promise<DossierView>
    urge(id: string, step: string, row: string, comment: string): Promise<DossierView>
    file(id: string, comment: string): Promise<DossierView>
    saveRunbook(id: string, runbook: RunbookRow[], tests: TestRow[]): Promise<DossierView>
    override(id: string, reason: string): Promise<DossierView>
    release(id: string, comment: string): Promise<DossierView>
    supervise(id: string, comment: string): Promise<DossierView>
    sameDayTest(id: string, confirmedBy: string, testedAt: string, note: string): Promise<DossierView>
    confirm(id: string, success: boolean, answers: Record<string, Answer>, rollback: string, comment: string): Promise<DossierView>
    /** Moves the release to the window windowId (planned upgrades), or else to plannedAt. */
    postpone(id: string, productionUnchanged: boolean, reason: string, plan: string, plannedAt: string, windowId: string): Promise<DossierView>
    /** The next open release window of the dossier's system class: where a postponement lands by default. */
    proposePostponement(id: string): Promise<ReleaseWindow>
    archive(id: string, notApplicable: Record<string, string>): Promise<DossierView>
    /** What waits for the current profile, oldest first. */
    inbox(): Promise<InboxItem[]>
    /** Attaches a small file's bytes (base64, at most 32 MiB). */
    attachUpload(id: string, deliverable: string, name: string, base64: string, note: string): Promise<DossierView>
    /** Asks for a file with the native dialog and streams it in; unchanged dossier when cancelled. */
    attachFromDialog(id: string, deliverable: string, note: string): Promise<DossierView>
    /** Records the release package by name, size and SHA-256 only. */
    recordPackageFromDialog(id: string, deliverable: string): Promise<DossierView>
    /** Re-hashes the package actually deployed and compares it with the approved one. */
    checkPackageFromDialog(id: string): Promise<DossierView>
    /** Saves a stored version where the user picks; the path, or "" when cancelled. */
    saveDeliverable(sha256: string, name: string): Promise<string>
    /** Opens a stored version with the system's default application. */
    openDeliverable(sha256: string, name: string): Promise<void>
  }
  /** The release-window calendar (app.WindowAPI). */
  windows: WindowsArea
  /** PDF and Excel exports, generated documents, verification (app.DocumentsAPI). */
  documents: DocumentsArea
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
