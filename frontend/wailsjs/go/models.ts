export namespace app {
	
	export interface Exported {
	    path: string;
	    pages: number;
	    bytes: number;
	}
	export interface Picked {
	    name: string;
	    version?: workflow.Version;
	    arrived: workflow.Version[];
	    view: dossier.View;
	}
	export interface RosterFilePreview {
	    path: string;
	    preview: roster.Preview;
	}
	export interface RosterImport {
	    path: string;
	    overview: roster.Overview;
	}
	export interface Written {
	    path: string;
	    size: number;
	    events: number;
	    blobs: number;
	    blob_bytes: number;
	    dossiers: string[];
	}
	export interface YearView {
	    in_force: window.Plan;
	    draft: window.Plan;
	    versions: window.VersionInfo[];
	    holidays: holiday.Year;
	    manager: string;
	}

}

export namespace apperr {
	
	export interface Error {
	    code: string;
	    params?: Record<string, string>;
	    detail?: string;
	}

}

export namespace backup {
	
	export interface Counts {
	    events: number;
	    records: number;
	    blobs: number;
	    roster_events?: number;
	    documents?: number;
	}
	export interface Last {
	    // Go type: time
	    at: any;
	    path: string;
	    bytes: number;
	    restored: boolean;
	}
	export interface RestoreResult {
	    dir: string;
	    // Go type: time
	    created: any;
	    source: string;
	    counts: Counts;
	    dossiers: number;
	}
	export interface Result {
	    path: string;
	    bytes: number;
	    // Go type: time
	    created: any;
	    counts: Counts;
	    hot_copy: boolean;
	}
	export interface Status {
	    data_dir: string;
	    last?: Last;
	    age_days: number;
	    due: boolean;
	    dossiers: number;
	    remind_after_days: number;
	}
	export interface Summary {
	    path: string;
	    bytes: number;
	    // Go type: time
	    created: any;
	    source: string;
	    app_version: string;
	    counts: Counts;
	}

}

export namespace check {
	
	export interface Area {
	    name: string;
	    checked: number;
	    problems: number;
	    skipped: boolean;
	}
	export interface Finding {
	    area: string;
	    problem: string;
	    subject: string;
	    detail?: string;
	}
	export interface Report {
	    dir: string;
	    areas: Area[];
	    findings: Finding[];
	    ok: boolean;
	}

}

export namespace core {
	
	export interface Clock {
	    today: string;
	    now: string;
	    zone: string;
	}
	export interface ImportReport {
	    file: string;
	    from: string;
	    purpose: string;
	    kind: string;
	    events: number;
	    blobs: number;
	    roster: number;
	    plans: number;
	    templates: number;
	    systems: number;
	    waiting: number;
	    queued: number;
	    pinned: string;
	    dossiers: dossier.Arrived[];
	    unchanged: boolean;
	}
	export interface Limits {
	    upload_bytes: number;
	    passphrase_min: number;
	}
	export interface Info {
	    version: string;
	    data_dir: string;
	    template: string;
	    zone: string;
	    empty: boolean;
	    profiles: number;
	    limits: Limits;
	    phases: Record<string, template.Text>;
	    read_only: boolean;
	    damage: store.Damage[];
	    place: fsplace.Place;
	    exchange_ext: string;
	}
	
	export interface Preferences {
	    language: string;
	}
	export interface RoleName {
	    id: string;
	    name: template.Text;
	}
	export interface Recipient {
	    person: string;
	    name: string;
	    department: string;
	    sub_department?: string;
	    title?: string;
	    roles: RoleName[];
	    waiting: boolean;
	    tasks: workflow.Task[];
	    me: boolean;
	}
	export interface ReplyPlan {
	    possible: boolean;
	    to: string;
	    to_name: string;
	    file: string;
	    // Go type: time
	    received: any;
	    file_name: string;
	    purpose: string;
	    events: number;
	    dossier_events: number;
	    blobs: number;
	    blob_bytes: number;
	    bytes: number;
	}
	
	export interface SendPlan {
	    dossier: string;
	    for: string[];
	    file_name: string;
	    purpose: string;
	    attachments: boolean;
	    events: number;
	    blobs: number;
	    blob_bytes: number;
	    missing: number;
	    event_bytes: number;
	    bytes: number;
	}

}

export namespace demo {
	
	export interface Placed {
	    ID: string;
	    Type: string;
	    Subtype: string;
	    Mode: string;
	    Target: string;
	}
	export interface Summary {
	    profiles: number;
	    systems: number;
	    dossiers: number;
	    events: number;
	}

}

export namespace documents {
	
	export interface RegisterFilter {
	    year: number;
	    quarter: number;
	    window: string;
	    system: string;
	    lang: string;
	}
	export interface Request {
	    kind: string;
	    dossier: string;
	    year: number;
	    lang: string;
	}

}

export namespace dossier {
	
	export interface IgnoredEvent {
	    event: string;
	    author: string;
	    kind: string;
	    code: string;
	}
	export interface Summary {
	    id: string;
	    title: string;
	    system_code: string;
	    type: string;
	    subtype: string;
	    mode: string;
	    version: string;
	    stage: string;
	    zone: string;
	    // Go type: time
	    planned_at: any;
	    // Go type: time
	    updated_at: any;
	    project_manager: string;
	    window: string;
	    window_state: string;
	    content_refs: string[];
	    checklist_done: number;
	    checklist_total: number;
	    system_name: string;
	    phase: string;
	    tasks: workflow.Task[];
	    not_fully_tested: boolean;
	    override: boolean;
	    created_by: string;
	    entity: string;
	    out_of_scope?: string;
	    open_trial_issues: number;
	}
	export interface Arrived {
	    id: string;
	    new: number;
	    created: boolean;
	    before?: Summary;
	    after: Summary;
	    moved: boolean;
	    ignored: IgnoredEvent[];
	}
	export interface Attendee {
	    person: string;
	    name: string;
	    department?: string;
	    status: string;
	    delegate?: string;
	    signature?: string;
	}
	export interface Candidate {
	    person: string;
	    name: string;
	    department: string;
	    for?: string;
	    for_name?: string;
	    key?: string;
	    fingerprint?: string;
	}
	export interface EvidenceFile {
	    sha256: string;
	    name: string;
	    size: number;
	    mime?: string;
	}
	export interface ChecklistEntry {
	    item: string;
	    status: string;
	    note: string;
	    deliverable?: string;
	    file?: EvidenceFile;
	    by: string;
	    // Go type: time
	    at: any;
	    event: string;
	}
	export interface ChecklistLink {
	    kind: string;
	    rows: number;
	    done: number;
	}
	export interface Condition {
	    id: string;
	    text: string;
	    meeting: string;
	    title: string;
	}
	export interface ContentItem {
	    kind: string;
	    ref: string;
	    title: string;
	}
	export interface CreateRequest {
	    system_code: string;
	    title?: string;
	    type?: string;
	    subtype?: string;
	    mode?: string;
	    version?: string;
	    content?: ContentItem[];
	    planned_at?: string;
	    project_manager?: string;
	    system_owner?: string;
	    window?: string;
	    entity?: string;
	    release_method?: string;
	    late_record?: string;
	}
	export interface WitnessRequest {
	    person: string;
	    image: string;
	    kind: string;
	}
	export interface DecideRequest {
	    step: string;
	    row: string;
	    decision: string;
	    return_to: string;
	    comment: string;
	    answers: Record<string, workflow.Answer>;
	    not_applicable?: Record<string, string>;
	    witness?: WitnessRequest;
	}
	export interface EvidenceChoice {
	    key: string;
	    name: template.Text;
	    versions: number;
	}
	
	export interface Fields {
	    title?: string;
	    type?: string;
	    subtype?: string;
	    mode?: string;
	    version?: string;
	    content?: ContentItem[];
	    planned_at?: string;
	    project_manager?: string;
	    system_owner?: string;
	    window?: string;
	    entity?: string;
	    release_method?: string;
	}
	export interface Filter {
	    stage: string;
	    system_code: string;
	    type: string;
	    mode: string;
	    month: string;
	    text: string;
	}
	export interface HistoryEntry {
	    event: string;
	    kind: string;
	    author: string;
	    author_name: string;
	    fingerprint: string;
	    // Go type: time
	    at: any;
	    params: Record<string, string>;
	    ignored: boolean;
	    ignored_code?: string;
	}
	
	export interface InboxItem {
	    kind: string;
	    step: string;
	    row?: string;
	    role: string;
	    delegate?: string;
	    // Go type: time
	    since: any;
	    urges: number;
	    stale: boolean;
	    dossier: string;
	    title: string;
	    system_code: string;
	    system_name: string;
	    mode: string;
	    not_fully_tested: boolean;
	    // Go type: time
	    planned_at: any;
	    delegated: boolean;
	}
	export interface OutOfScope {
	    kind: string;
	    reason: string;
	}
	export interface OutOfScopeRequest {
	    system_code: string;
	    title: string;
	    entity: string;
	    kind: string;
	    reason: string;
	}
	export interface Page {
	    total: number;
	    offset: number;
	    rows: Summary[];
	    pending: boolean;
	}
	export interface PostReviewRequest {
	    findings: string;
	    actions: string;
	    participants: string;
	}
	export interface Progress {
	    done: number;
	    total: number;
	}
	export interface Review {
	    meeting: string;
	    title: string;
	    decision: string;
	    conditions: string[];
	    window?: string;
	    remark?: string;
	    by: string;
	    // Go type: time
	    at: any;
	    event: string;
	    minutes?: EvidenceFile;
	    // Go type: time
	    held_at?: any;
	}
	export interface ReviewDecidedBody {
	    role: string;
	    roster?: string;
	    meeting: string;
	    title: string;
	    decision: string;
	    conditions?: string[];
	    window?: string;
	    planned_at?: string;
	    remark?: string;
	}
	export interface SameDayTestRequest {
	    confirmed_by: string;
	    tested_at: string;
	    note: string;
	    witness?: WitnessRequest;
	}
	export interface TrialClosing {
	    resolution: string;
	    by: string;
	    role: string;
	    // Go type: time
	    at: any;
	    event: string;
	}
	export interface TrialIssue {
	    id: string;
	    title: string;
	    description: string;
	    severity: string;
	    opened_by: string;
	    // Go type: time
	    opened_at: any;
	    closed?: TrialClosing;
	}
	export interface State {
	    id: string;
	    template: string;
	    system_code: string;
	    zone: string;
	    title: string;
	    type: string;
	    subtype: string;
	    mode: string;
	    version: string;
	    content: ContentItem[];
	    // Go type: time
	    planned_at: any;
	    project_manager: string;
	    system_owner: string;
	    window: string;
	    entity: string;
	    release_method: string;
	    out_of_scope?: OutOfScope;
	    web_facing?: boolean;
	    late_record?: string;
	    stage: string;
	    checklist: Record<string, ChecklistEntry>;
	    notes: number;
	    links: Record<string, ChecklistLink>;
	    trial_issues: TrialIssue[];
	    reviews: Review[];
	    conditions: Condition[];
	    // Go type: time
	    created_at: any;
	    created_by: string;
	    // Go type: time
	    updated_at: any;
	    plan?: workflow.Plan;
	    flow?: workflow.State;
	    tasks: workflow.Task[];
	    not_fully_tested: boolean;
	    override: boolean;
	    heads: string[];
	    events: number;
	}
	
	export interface TransferTarget {
	    person: string;
	    name: string;
	    department: string;
	    sub_department?: string;
	    key: string;
	    fingerprint: string;
	}
	export interface TrialActions {
	    open: boolean;
	    close: string[];
	    open_count: number;
	    archive_blocked?: apperr.Error;
	}
	
	
	export interface TrialIssueRequest {
	    title: string;
	    description: string;
	    severity: string;
	}
	export interface View {
	    state: State;
	    history: HistoryEntry[];
	    system_name: string;
	    window?: window.Window;
	    warnings: window.Warning[];
	    actions: workflow.Actions;
	    progress: Progress;
	    trial: TrialActions;
	    evidence_choices: EvidenceChoice[];
	}

}

export namespace fsplace {
	
	export interface Place {
	    kind: string;
	    root: string;
	    detail: string;
	}

}

export namespace holiday {
	
	export interface Day {
	    date: string;
	    name: string;
	    work: boolean;
	}
	export interface Year {
	    year: number;
	    source: string;
	    days: Day[];
	    file?: string;
	    // Go type: time
	    imported_at: any;
	    imported_by?: string;
	}

}

export namespace meeting {
	
	export interface ProposedWindow {
	    id: string;
	    name: template.Text;
	    // Go type: time
	    start: any;
	}
	export interface WindowWarning {
	    code: string;
	    params?: Record<string, string>;
	    names?: Record<string, template.Text>;
	}
	export interface Check {
	    code: string;
	    level: string;
	    count: number;
	    names: template.Text[];
	    tasks?: workflow.Task[];
	    people?: string[];
	    warnings?: WindowWarning[];
	}
	export interface Row {
	    dossier: dossier.Summary;
	    level: string;
	    checks: Check[];
	    decision?: dossier.Review;
	    refusal?: apperr.Error;
	    proposed?: ProposedWindow;
	    windows: Record<string, template.Text>;
	}
	export interface Meeting {
	    id: string;
	    title: string;
	    window: string;
	    dossiers: string[];
	    // Go type: time
	    held_at: any;
	    place: string;
	    chair: string;
	    chair_name: string;
	    attendance: dossier.Attendee[];
	    minutes?: dossier.EvidenceFile;
	    local: boolean;
	    // Go type: time
	    created_at: any;
	}
	export interface Board {
	    meeting: Meeting;
	    rows: Row[];
	    blocked: number;
	    warned: number;
	    ready: number;
	    decided: number;
	}
	
	export interface CreateRequest {
	    title: string;
	    window: string;
	    dossiers: string[];
	    held_at: string;
	    place: string;
	}
	
	
	

}

export namespace people {
	
	export interface Entry {
	    public_key: string;
	    name: string;
	    department: string;
	    sub_department: string;
	    person: string;
	    roles: string[];
	    source: string;
	}

}

export namespace printable {
	
	export interface Signed {
	    for: string;
	    fp: string;
	    how: string;
	}
	export interface Payload {
	    format: string;
	    kind: string;
	    number: string;
	    lang: string;
	    dossier?: string;
	    event?: string;
	    heads?: string[];
	    year?: number;
	    sha256: string;
	    signed: Signed[];
	}
	
	export interface StatsDossier {
	    id: string;
	    system: string;
	    system_name: string;
	    title: string;
	    window: string;
	    emergency: boolean;
	    released: boolean;
	}
	export interface StatsRow {
	    key: string;
	    label: string;
	    dossiers: number;
	    released: number;
	    emergency: number;
	    emergency_share: number;
	    postponed: number;
	    postponement_rate: number;
	    confirmations: number;
	    failures: number;
	    change_failure_rate: number;
	    lead_time_days: number;
	    lead_samples: number;
	    step_hours: Record<string, number>;
	    dossier_ids: string[];
	}
	export interface StepGroup {
	    key: string;
	    label: string;
	}
	export interface Stats {
	    filter: string;
	    groups: StepGroup[];
	    by_window: StatsRow[];
	    by_month: StatsRow[];
	    by_system: StatsRow[];
	    by_class: StatsRow[];
	    by_department: StatsRow[];
	    total: StatsRow;
	    dossiers: StatsDossier[];
	    lang: string;
	}
	
	

}

export namespace profile {
	
	export interface Capabilities {
	    edit_templates: boolean;
	    plan_windows: boolean;
	}
	export interface Certificate {
	    profile_id: string;
	    der: number[];
	    fingerprint: string;
	    subject: string;
	    serial: string;
	    algorithm: string;
	    // Go type: time
	    not_before: any;
	    // Go type: time
	    not_after: any;
	    // Go type: time
	    created_at: any;
	}
	export interface CreateRequest {
	    name: string;
	    department: string;
	    roles: string[];
	    passphrase: string;
	}
	export interface Summary {
	    id: string;
	    public_key: string;
	    name: string;
	    department: string;
	    roles: string[];
	    fingerprint: string;
	    // Go type: time
	    created_at: any;
	    default: boolean;
	    sample: boolean;
	    unlocked?: boolean;
	}

}

export namespace roster {
	
	export interface Assignment {
	    system: string;
	    department: string;
	    sub_department?: string;
	    owner?: string;
	    dev_lead?: string;
	    supervisor?: string;
	}
	export interface Cutoff {
	    person: string;
	    heads: string[];
	}
	export interface Delegation {
	    id: string;
	    for: string;
	    to: string;
	    roles: string[];
	    start: string;
	    end: string;
	    note?: string;
	}
	export interface Problem {
	    code: string;
	    params: Record<string, string>;
	}
	export interface Revocation {
	    key: string;
	    heads: string[];
	    reason?: string;
	}
	export interface Head {
	    department: string;
	    sub_department?: string;
	    person: string;
	}
	export interface Key {
	    public: string;
	    from?: string;
	    until?: string;
	}
	export interface Person {
	    id: string;
	    name: string;
	    department: string;
	    sub_department?: string;
	    title?: string;
	    keys: Key[];
	    roles?: string[];
	}
	export interface Roster {
	    version: number;
	    organisation: string;
	    note?: string;
	    pmo: string[];
	    people: Person[];
	    systems?: Assignment[];
	    heads?: Head[];
	    delegations?: Delegation[];
	    revocations?: Revocation[];
	    cutoffs?: Cutoff[];
	    adopted?: string[];
	}
	export interface DraftView {
	    roster: Roster;
	    source: string;
	    saved_at: string;
	    problem?: Problem;
	}
	
	
	export interface KeyInfo {
	    fingerprint: string;
	    revoked_in: number;
	    reason: string;
	}
	export interface VersionInfo {
	    version: number;
	    event: string;
	    published_at: string;
	    published_by: string;
	    fingerprint: string;
	    publisher: string;
	    note: string;
	    people: number;
	}
	export interface Published {
	    roster: Roster;
	    event: string;
	    published_at: string;
	    publisher: string;
	    fingerprint: string;
	}
	export interface Overview {
	    pinned: boolean;
	    pinned_fingerprint: string;
	    pinned_at: string;
	    in_force?: Published;
	    versions: VersionInfo[];
	    draft?: DraftView;
	    keys: Record<string, KeyInfo>;
	    may_edit: boolean;
	    me: string;
	    assignable_roles: string[];
	}
	
	export interface Preview {
	    organisation: string;
	    root_key: string;
	    fingerprint: string;
	    root_name: string;
	    root_id: string;
	    versions: number;
	    latest: number;
	    latest_at: string;
	    people: number;
	    new: number;
	    pin: string;
	    pinned_fingerprint: string;
	}
	
	
	
	

}

export namespace store {
	
	export interface Damage {
	    file: string;
	    problem: string;
	    detail?: string;
	}

}

export namespace syncdir {
	
	export interface FileProblem {
	    name: string;
	    code: string;
	    params: Record<string, string>;
	    // Go type: time
	    since: any;
	}
	export interface Result {
	    published: number;
	    pack_written: string;
	    compacted: number;
	    read: number;
	    imported: core.ImportReport[];
	    skipped: number;
	    failed: FileProblem[];
	    waiting: number;
	    unpublished: number;
	    files: number;
	    read_only: boolean;
	    // Go type: time
	    at: any;
	}
	export interface Status {
	    folder: string;
	    watching: boolean;
	    // Go type: time
	    last_sync: any;
	    published: number;
	    imported: number;
	    read: number;
	    unpublished: number;
	    waiting: number;
	    files: number;
	    read_only: boolean;
	    failed: FileProblem[];
	    error: string;
	}

}

export namespace system {
	
	export interface System {
	    code: string;
	    name: string;
	    department: string;
	    owner: string;
	    class: string;
	    web_facing: boolean;
	    calls: string[];
	    // Go type: time
	    updated_at: any;
	}

}

export namespace template {
	
	export interface Text {
	    zh: string;
	    en: string;
	}
	export interface ChecklistItem {
	    id: string;
	    group: string;
	    no: number;
	    title: Text;
	    hint: Text;
	    document?: string;
	    links_to?: string;
	}
	export interface Condition {
	    item?: string;
	    web_facing?: boolean;
	}
	export interface Deliverable {
	    id: string;
	    name: Text;
	    required: boolean;
	    hash_only?: boolean;
	    generated?: boolean;
	    document?: string;
	    same_as?: string;
	    when?: Condition;
	    waivable?: boolean;
	    produces?: string;
	}
	export interface Item {
	    id: string;
	    text: Text;
	    when?: Condition;
	}
	export interface CountersignRow {
	    id: string;
	    role: string;
	    label: Text;
	    items?: Item[];
	    deliverables?: Deliverable[];
	}
	
	export interface Department {
	    id: string;
	    name: Text;
	    parent?: string;
	    relative?: boolean;
	}
	export interface Document {
	    id: string;
	    no: number;
	    name: Text;
	}
	export interface Exclusion {
	    id: string;
	    name: Text;
	}
	export interface Step {
	    id: string;
	    no: number;
	    name: Text;
	    kind: string;
	    department?: string;
	    role?: string;
	    role_label: Text;
	    items?: Item[];
	    deliverables?: Deliverable[];
	    rows?: CountersignRow[];
	    filed_to?: string[];
	    witnessed?: boolean;
	}
	export interface Flow {
	    id: string;
	    release_type: string;
	    name: Text;
	    steps: Step[];
	}
	export interface FreezeRange {
	    id: string;
	    name: Text;
	    start: string;
	    end: string;
	}
	export interface FreezeRule {
	    working_days_before: number;
	    min_holiday_days: number;
	}
	
	export interface PostReview {
	    name: Text;
	    roles: string[];
	    required_before: string;
	}
	export interface Mode {
	    id: string;
	    name: Text;
	    note: Text;
	    frequency: Text;
	    signature_role?: string;
	    not_fully_tested?: boolean;
	    signature_step?: Step;
	    confirmation_items?: Item[];
	    post_review?: PostReview;
	}
	export interface Option {
	    id: string;
	    name: Text;
	}
	
	export interface Problem {
	    code: string;
	    path: string;
	    params?: Record<string, string>;
	}
	export interface ReleaseType {
	    id: string;
	    name: Text;
	    description: Text;
	    note: Text;
	    subtypes?: Option[];
	    same_day_test?: boolean;
	    same_day_test_document?: string;
	    same_day_test_roles?: string[];
	    same_day_test_confirmer_role?: string;
	    release_method_required?: boolean;
	    flow_id: string;
	}
	export interface Revision {
	    version: string;
	    date: string;
	    author: string;
	    note: Text;
	}
	export interface Role {
	    id: string;
	    name: Text;
	    department?: string;
	    duty: Text;
	    scope?: string;
	}
	export interface Settings {
	    approvals_carry_over: string;
	    archive_roles: string[];
	    release_operator_role: string;
	    supervisor_role: string;
	    template_editor_role: string;
	    window_manager_role?: string;
	    separate?: string[][];
	    allow_double_post: boolean;
	    archive_waits_for_trial_issues?: boolean;
	    review_chair_role?: string;
	    review_item?: string;
	}
	export interface Stage {
	    id: string;
	    name: Text;
	    title: Text;
	}
	
	export interface WindowRule {
	    class: string;
	    weekday: string;
	    weeks: number[];
	    week_reading: string;
	    start: string;
	    end: string;
	    zone: string;
	    holiday_policy: string;
	    capacity: number;
	}
	export interface WindowSettings {
	    rules: WindowRule[];
	    freeze: FreezeRule;
	    freeze_ranges: FreezeRange[];
	}
	export interface Template {
	    id: string;
	    version: string;
	    name: Text;
	    organisation: Text;
	    source: Text;
	    revisions: Revision[];
	    stages: Stage[];
	    release_types: ReleaseType[];
	    modes: Mode[];
	    exclusions?: Exclusion[];
	    departments: Department[];
	    roles: Role[];
	    checklist: ChecklistItem[];
	    documents: Document[];
	    flows: Flow[];
	    settings: Settings;
	    windows?: WindowSettings;
	}
	
	

}

export namespace templates {
	
	export interface Info {
	    key: string;
	    id: string;
	    version: string;
	    name: template.Text;
	    builtin: boolean;
	    current: boolean;
	    // Go type: time
	    saved_at: any;
	    saved_by: string;
	}

}

export namespace verify {
	
	export interface Difference {
	    field: string;
	    document: string;
	    store: string;
	}
	export interface Problem {
	    code: string;
	    params?: Record<string, string>;
	    message: string;
	}
	export interface SignedFor {
	    for: string;
	    label: template.Text;
	    fp: string;
	    how: string;
	}
	export interface Signature {
	    valid: boolean;
	    signer: string;
	    source: string;
	    fingerprint: string;
	    certificate: string;
	    known: boolean;
	    sample: boolean;
	    signed_at?: string;
	}
	export interface Report {
	    status: string;
	    signature: Signature;
	    payload?: printable.Payload;
	    title?: string;
	    signed: SignedFor[];
	    newer_events: number;
	    differences: Difference[];
	    problems: Problem[];
	}
	

}

export namespace window {
	
	export interface Adjustment {
	    kind: string;
	    code: string;
	    params?: Record<string, string>;
	    manual?: boolean;
	}
	export interface Slot {
	    date: string;
	    start: string;
	    end: string;
	    state: string;
	}
	export interface Change {
	    window: string;
	    class: string;
	    kind: string;
	    before?: Slot;
	    after?: Slot;
	}
	export interface Edit {
	    op: string;
	    window?: string;
	    class?: string;
	    date?: string;
	    end_date?: string;
	    start?: string;
	    end?: string;
	    name?: string;
	    reason: string;
	    by: string;
	    // Go type: time
	    at: any;
	}
	export interface Freeze {
	    id: string;
	    kind: string;
	    name: string;
	    start: string;
	    end: string;
	    holiday_start?: string;
	    holiday_end?: string;
	    holiday_days?: number;
	    reason?: string;
	}
	export interface Warning {
	    code: string;
	    params?: Record<string, string>;
	    names?: Record<string, template.Text>;
	}
	export interface Window {
	    id: string;
	    class: string;
	    date: string;
	    start: string;
	    end: string;
	    zone: string;
	    state: string;
	    nominal?: string;
	    week?: number;
	    extra?: boolean;
	    capacity: number;
	    adjustments: Adjustment[];
	}
	export interface Plan {
	    year: number;
	    version: number;
	    template: string;
	    holiday_source: string;
	    windows: Window[];
	    freezes: Freeze[];
	    edits: Edit[];
	    warnings: Warning[];
	    changes?: Change[];
	    note?: string;
	    // Go type: time
	    published_at: any;
	    published_by?: string;
	    event?: string;
	}
	export interface ReadingDiff {
	    month: number;
	    nth_weekday: string[];
	    calendar_week: string[];
	    missing_weeks?: number[];
	}
	
	export interface VersionInfo {
	    version: number;
	    event: string;
	    published_at: string;
	    published_by: string;
	    note: string;
	    changes: number;
	}
	

}

export namespace workflow {
	
	export interface Actions {
	    submit: boolean;
	    withdraw: boolean;
	    decide: string[];
	    transfer: string[];
	    urge: string[];
	    witness: string[];
	    comment: boolean;
	    attach: boolean;
	    file: boolean;
	    runbook: boolean;
	    package_check: boolean;
	    override: boolean;
	    release: boolean;
	    release_blocked?: apperr.Error;
	    supervise: boolean;
	    same_day_test: boolean;
	    same_day_test_roles: string[];
	    confirm: boolean;
	    postpone: boolean;
	    archive: boolean;
	    post_review: boolean;
	}
	export interface Answer {
	    yes: boolean;
	    remark: string;
	}
	export interface Archive {
	    by: string;
	    role: string;
	    // Go type: time
	    at: any;
	    event: string;
	    comment: string;
	    not_applicable: Record<string, string>;
	}
	export interface Confirmation {
	    by: string;
	    role: string;
	    // Go type: time
	    at: any;
	    event: string;
	    comment: string;
	    success: boolean;
	    rollback: string;
	    answers: Record<string, Answer>;
	}
	export interface Witness {
	    person: string;
	    image: string;
	    kind: string;
	}
	export interface Decision {
	    event: string;
	    by: string;
	    role: string;
	    // Go type: time
	    at: any;
	    delegated: boolean;
	    comment: string;
	    answers: Record<string, Answer>;
	    covers: Record<string, string>;
	    person?: string;
	    person_name?: string;
	    for?: string;
	    for_name?: string;
	    witness?: Witness;
	    not_applicable?: Record<string, string>;
	}
	export interface DeliverableNeed {
	    id: string;
	    required: boolean;
	    waivable: boolean;
	    applies: boolean;
	    present: boolean;
	    shared_from?: string;
	}
	export interface OnCall {
	    person?: string;
	    name: string;
	    phone: string;
	    from: string;
	    until: string;
	}
	export interface Version {
	    no: number;
	    sha256: string;
	    name: string;
	    size: number;
	    mime: string;
	    hash_only: boolean;
	    note: string;
	    by: string;
	    // Go type: time
	    at: any;
	    event: string;
	}
	export interface SameDayTest {
	    by: string;
	    role: string;
	    // Go type: time
	    at: any;
	    event: string;
	    comment: string;
	    confirmed_by: string;
	    // Go type: time
	    tested_at: any;
	    witness?: Witness;
	    document?: Version;
	}
	export interface Signoff {
	    by: string;
	    role: string;
	    // Go type: time
	    at: any;
	    event: string;
	    comment: string;
	}
	export interface PackageCheck {
	    by: string;
	    role: string;
	    // Go type: time
	    at: any;
	    event: string;
	    comment: string;
	    name: string;
	    size: number;
	    sha256: string;
	    approved: string;
	    match: boolean;
	}
	export interface TestRow {
	    name: string;
	    expected: string;
	    actual: string;
	    passed: boolean;
	}
	export interface RunbookRow {
	    no: number;
	    action: string;
	    planned_at: string;
	    started_at: string;
	    ended_at: string;
	    operator: string;
	    result: string;
	    notes: string;
	}
	export interface Execution {
	    attempt: number;
	    runbook: RunbookRow[];
	    tests: TestRow[];
	    package_check?: PackageCheck;
	    override?: Signoff;
	    released?: Signoff;
	    supervised?: Signoff;
	    same_day_test?: SameDayTest;
	    on_call?: OnCall[];
	}
	export interface ItemNeed {
	    id: string;
	    asked: boolean;
	}
	export interface Needs {
	    items: ItemNeed[];
	    deliverables: DeliverableNeed[];
	}
	
	
	export interface Step {
	    id: string;
	    no: number;
	    name: template.Text;
	    kind: string;
	    department?: string;
	    role?: string;
	    role_label: template.Text;
	    items?: template.Item[];
	    deliverables?: template.Deliverable[];
	    rows?: template.CountersignRow[];
	    filed_to?: string[];
	    witnessed?: boolean;
	    approval: boolean;
	    inserted: boolean;
	}
	export interface Plan {
	    flow: string;
	    steps: Step[];
	    confirmation_items: template.Item[];
	    same_day_test: boolean;
	    same_day_test_document?: string;
	    same_day_test_roles?: string[];
	    same_day_test_confirmer_role?: string;
	    not_fully_tested: boolean;
	    post_review?: template.PostReview;
	    release_method_required?: boolean;
	    settings: template.Settings;
	    documents: template.Document[];
	}
	export interface PostReview {
	    by: string;
	    role: string;
	    // Go type: time
	    at: any;
	    event: string;
	    comment: string;
	    findings: string;
	    actions: string;
	    participants: string;
	}
	export interface Postponement {
	    by: string;
	    role: string;
	    // Go type: time
	    at: any;
	    event: string;
	    comment: string;
	    attempt: number;
	    production_unchanged: boolean;
	    reason: string;
	    plan: string;
	    // Go type: time
	    from: any;
	    // Go type: time
	    to: any;
	    window?: string;
	    reopened: string[];
	}
	
	
	
	export interface Urge {
	    by: string;
	    // Go type: time
	    at: any;
	    comment: string;
	    event: string;
	}
	export interface Stale {
	    deliverable: string;
	    was: string;
	    now: string;
	    event: string;
	    // Go type: time
	    at: any;
	    previous?: Decision;
	}
	export interface Slot {
	    step: string;
	    row?: string;
	    role: string;
	    status: string;
	    // Go type: time
	    pending_since: any;
	    decision?: Decision;
	    stale?: Stale;
	    delegate?: string;
	    delegate_name?: string;
	    urges: Urge[];
	}
	
	export interface State {
	    phase: string;
	    slots: Slot[];
	    submission?: Decision;
	    submissions: number;
	    decided_since_submit: number;
	    deliverables: Record<string, Array<Version>>;
	    filing?: Signoff;
	    execution: Execution;
	    past_attempts: Execution[];
	    confirmation?: Confirmation;
	    past_confirmations: Confirmation[];
	    postponements: Postponement[];
	    archive?: Archive;
	    post_review?: PostReview;
	}
	
	export interface Task {
	    kind: string;
	    step: string;
	    row?: string;
	    role: string;
	    delegate?: string;
	    // Go type: time
	    since: any;
	    urges: number;
	    stale: boolean;
	}
	
	
	

}

