// Domain types as the Go backend sends them (see wailsjs/go/models.ts, the
// contract). They are plain data: the generated classes' helper methods are
// never needed, so both bridges can return object literals.
//
// Times are RFC 3339 strings with an offset, e.g. "2026-12-10T19:00:00+08:00";
// Go's zero time arrives as "0001-01-01T00:00:00Z".

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
  stage: string
  checklist: Record<string, ChecklistEntry>
  notes: number
  created_at: string
  created_by: string
  updated_at: string
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
}

export interface DossierView {
  state: DossierState
  /** Oldest first. */
  history: HistoryEntry[]
  system_name: string
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
  flow_id: string
}

export interface Mode {
  id: string
  name: Text
  note: Text
  frequency: Text
  signature_role?: string
  not_fully_tested?: boolean
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
  settings: { approvals_carry_over: string }
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
  }
  profiles: {
    list(): Promise<Profile[]>
    /** Creates the profile and unlocks it. */
    create(req: ProfileCreateRequest): Promise<Profile>
    /** Rejects with keys.wrong_passphrase and changes nothing on a wrong passphrase. */
    unlock(id: string, passphrase: string): Promise<Profile>
    lock(): Promise<void>
    current(): Promise<Profile | null>
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
  }
  template: {
    current(): Promise<ProcessTemplate>
  }
}
