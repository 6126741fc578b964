package dossier

import (
	"time"

	"golive/backend/window"
	"golive/backend/workflow"
)

// Event kinds of a dossier log.
const (
	KindCreated   = "dossier.created"
	KindUpdated   = "dossier.updated"
	KindChecklist = "checklist.set"
	KindStage     = "stage.advanced"
	KindNote      = "note.added"
	// KindTrialOpened records an issue found in the trial run after
	// go-live (试运行问题); KindTrialClosed closes one with a resolution.
	KindTrialOpened = "trial_issue.opened"
	KindTrialClosed = "trial_issue.closed"
)

// Checklist statuses (未开始/进行中/已完成/不适用).
const (
	StatusNotStarted    = "not_started"
	StatusInProgress    = "in_progress"
	StatusDone          = "done"
	StatusNotApplicable = "not_applicable"
)

// Stages of the default template's stage track, in order.
const (
	StagePlanning     = "planning"
	StagePreparation  = "preparation"
	StageApproval     = "approval"
	StageExecution    = "execution"
	StageConfirmation = "confirmation"
	StageArchive      = "archive"
	// StageOutOfScope is the stage of a record of a change out of the
	// process's scope; it is on no track and never moves.
	StageOutOfScope = "out_of_scope"
)

// ContentItem is one change request or bug a release carries.
type ContentItem struct {
	// Kind is "cr" or "bug".
	Kind string `json:"kind"`
	// Ref is the CR or bug id, e.g. "CR-2026-118".
	Ref string `json:"ref"`
	// Title describes the change.
	Title string `json:"title"`
}

// Fields are the editable header fields of a dossier. In a patch a nil
// pointer means "unchanged".
type Fields struct {
	// Title is a short name for the release.
	Title *string `json:"title,omitempty"`
	// Type is a template release type id: "new_system" or "upgrade".
	Type *string `json:"type,omitempty"`
	// Subtype is "cr" or "bugfix" for upgrades, "" otherwise.
	Subtype *string `json:"subtype,omitempty"`
	// Mode is a template mode id: "planned" or "emergency".
	Mode *string `json:"mode,omitempty"`
	// Version is the version being released.
	Version *string `json:"version,omitempty"`
	// Content replaces the release content list as a whole.
	Content *[]ContentItem `json:"content,omitempty"`
	// PlannedAt is the preliminary release time, RFC 3339 or
	// "2006-01-02T15:04" in the dossier's zone.
	PlannedAt *string `json:"planned_at,omitempty"`
	// ProjectManager names the project manager (项目经理).
	ProjectManager *string `json:"project_manager,omitempty"`
	// SystemOwner names the system owner (系统所有人).
	SystemOwner *string `json:"system_owner,omitempty"`
	// Window is the release window id (e.g. "2027-03-11-java") a planned
	// release targets; its start becomes the planned time, and the dossier
	// follows the window when the PMO moves it.
	Window *string `json:"window,omitempty"`
	// Entity names the subsidiary or legal entity (法人主体) the release
	// concerns.
	Entity *string `json:"entity,omitempty"`
	// ReleaseMethod describes how a new system is released (发布方式说明);
	// a release type with release_method_required needs it to submit.
	ReleaseMethod *string `json:"release_method,omitempty"`
}

// OutOfScope records why a change is outside the process's scope
// (guideline §1): the template exclusion it falls under and the reason.
type OutOfScope struct {
	// Kind is a template exclusion id, e.g. "data_only".
	Kind string `json:"kind"`
	// Reason says why the change falls under it.
	Reason string `json:"reason"`
}

// OutOfScopeRequest is what a user enters to put on record a change that
// is out of the process's scope: it follows no approval flow.
type OutOfScopeRequest struct {
	// SystemCode names a registered system.
	SystemCode string `json:"system_code"`
	// Title is a short name for the change.
	Title string `json:"title"`
	// Entity names the subsidiary or legal entity (法人主体).
	Entity string `json:"entity"`
	// Kind is a template exclusion id.
	Kind string `json:"kind"`
	// Reason says why the change is out of scope.
	Reason string `json:"reason"`
}

// CreateRequest is what a user enters to start a dossier.
type CreateRequest struct {
	// SystemCode names a registered system.
	SystemCode string `json:"system_code"`
	Fields
	// LateRecord, when set, says why a release that already took place is
	// put on record now (补录): it lets the release date lie further in
	// the past than the date rules allow (see dates.go).
	LateRecord string `json:"late_record,omitempty"`
}

// createdBody is the body of a dossier.created event.
type createdBody struct {
	Template   string `json:"template"`
	SystemCode string `json:"system_code"`
	Zone       string `json:"zone"`
	// WebFacing copies the system register's flag when the dossier is
	// created, so that every copy reads the template's web-facing
	// conditions alike; nil in dossiers created before it was recorded.
	WebFacing *bool `json:"web_facing,omitempty"`
	Fields
	// LateRecord is the reason a past release was put on record late
	// (补录), "" for none.
	LateRecord string `json:"late_record,omitempty"`
	// OutOfScope, when set, makes the dossier a record of a change out of
	// the process's scope: no plan, no flow.
	OutOfScope *OutOfScope `json:"out_of_scope,omitempty"`
}

// checklistBody is the body of a checklist.set event.
type checklistBody struct {
	Item   string `json:"item"`
	Status string `json:"status"`
	Note   string `json:"note"`
	// Deliverable links the item's evidence to a deliverable of the
	// dossier by its key (a deliverable id or "doc:<document>"); "" for
	// none.
	Deliverable string `json:"deliverable,omitempty"`
	// File is an evidence file kept in the blob store; nil for none.
	File *EvidenceFile `json:"file,omitempty"`
}

// stageBody is the body of a stage.advanced event.
type stageBody struct {
	From string `json:"from"`
	To   string `json:"to"`
	Note string `json:"note"`
}

// noteBody is the body of a note.added event.
type noteBody struct {
	Text string `json:"text"`
}

// ChecklistEntry is the state of one preparation item.
type ChecklistEntry struct {
	// Item is the template checklist item id.
	Item string `json:"item"`
	// Status is one of the Status constants.
	Status string `json:"status"`
	// Note is the evidence note.
	Note string `json:"note"`
	// Deliverable is the key of the dossier deliverable the evidence links
	// to, "" for none.
	Deliverable string `json:"deliverable,omitempty"`
	// File is the attached evidence file, nil for none.
	File *EvidenceFile `json:"file,omitempty"`
	// By is the public key (hex) of who confirmed it.
	By string `json:"by"`
	// At is when.
	At time.Time `json:"at"`
	// Event is the id of the event that set it.
	Event string `json:"event"`
}

// State is a dossier as the fold computes it.
type State struct {
	// ID is the dossier id.
	ID string `json:"id"`
	// Template is the pinned template key ("id@version").
	Template string `json:"template"`
	// SystemCode names the system released.
	SystemCode string `json:"system_code"`
	// Zone is the dossier's time zone name.
	Zone           string        `json:"zone"`
	Title          string        `json:"title"`
	Type           string        `json:"type"`
	Subtype        string        `json:"subtype"`
	Mode           string        `json:"mode"`
	Version        string        `json:"version"`
	Content        []ContentItem `json:"content"`
	PlannedAt      time.Time     `json:"planned_at"`
	ProjectManager string        `json:"project_manager"`
	SystemOwner    string        `json:"system_owner"`
	// Window is the targeted release window id, "" for none.
	Window string `json:"window"`
	// Entity is the subsidiary or legal entity (法人主体), "" when not
	// recorded.
	Entity string `json:"entity"`
	// ReleaseMethod is the release method description (发布方式说明).
	ReleaseMethod string `json:"release_method"`
	// OutOfScope is set on a record of a change out of the process's
	// scope, nil on a release dossier.
	OutOfScope *OutOfScope `json:"out_of_scope,omitempty"`
	// WebFacing is whether the system was web-facing when the dossier was
	// created; nil when the dossier did not record it.
	WebFacing *bool `json:"web_facing,omitempty"`
	// LateRecord is the reason the dossier puts on record a release that
	// already took place (补录), "" for none; its dates may then lie in the
	// past.
	LateRecord string `json:"late_record,omitempty"`
	// Stage is the current stage id.
	Stage string `json:"stage"`
	// Checklist holds the items touched so far, by item id.
	Checklist map[string]ChecklistEntry `json:"checklist"`
	// Notes counts note.added events.
	Notes int `json:"notes"`
	// Links maps the checklist items the template links to dossier data
	// (links_to) onto what they point at now.
	Links map[string]ChecklistLink `json:"links"`
	// TrialIssues are the issues found in the trial run after go-live
	// (试运行问题), in the order they were recorded.
	TrialIssues []TrialIssue `json:"trial_issues"`
	// Reviews are the go-live review meetings' decisions (评审结论), in
	// order.
	Reviews []Review `json:"reviews"`
	// Conditions are the conditions of conditional passes: checklist items
	// of this dossier beside the template's.
	Conditions []Condition `json:"conditions"`
	// CreatedAt and CreatedBy come from the first event.
	CreatedAt time.Time `json:"created_at"`
	CreatedBy string    `json:"created_by"`
	// UpdatedAt is the time of the last event in order.
	UpdatedAt time.Time `json:"updated_at"`
	// Plan is the effective workflow for the dossier's type and mode.
	Plan *workflow.Plan `json:"plan"`
	// Flow is the workflow state: approvals, deliverables, execution.
	Flow *workflow.State `json:"flow"`
	// Tasks lists what waits, and for which role.
	Tasks []workflow.Task `json:"tasks"`
	// NotFullyTested marks an emergency release (未经完整测试).
	NotFullyTested bool `json:"not_fully_tested"`
	// Override is true when a package hash mismatch was overridden.
	Override bool `json:"override"`
	// Heads are the event ids the next event names as parents.
	Heads []string `json:"heads"`
	// Events counts the events folded.
	Events int `json:"events"`
}

// HistoryEntry is one event as the timeline shows it.
type HistoryEntry struct {
	// Event is the event id.
	Event string `json:"event"`
	// Kind is the event kind.
	Kind string `json:"kind"`
	// Author is the author's public key (hex).
	Author string `json:"author"`
	// AuthorName is the author's name where known, else "".
	AuthorName string `json:"author_name"`
	// Fingerprint is the author key's fingerprint.
	Fingerprint string `json:"fingerprint"`
	// At is the event time in its zone.
	At time.Time `json:"at"`
	// Params are kind-specific values for the UI's message.
	Params map[string]string `json:"params"`
	// Ignored marks an event the fold recorded but did not apply.
	Ignored bool `json:"ignored"`
	// IgnoredCode is the error code that explains why.
	IgnoredCode string `json:"ignored_code,omitempty"`
}

// View is a dossier with its history, newest last.
type View struct {
	State   State          `json:"state"`
	History []HistoryEntry `json:"history"`
	// SystemName is the system's name from the register, if registered.
	SystemName string `json:"system_name"`
	// Window is the targeted window as the plan in force has it now, nil
	// for none; State.PlannedAt already follows it.
	Window *window.Window `json:"window"`
	// Warnings are the calendar's warnings about this dossier: conflicts in
	// its window, a window that moved, was cancelled or frozen, an
	// emergency release in a freeze.
	Warnings []window.Warning `json:"warnings"`
	// Actions is what the profile unlocked now may do on the dossier
	// (nothing when none is unlocked), decided by the workflow's rules.
	Actions workflow.Actions `json:"actions"`
	// Progress is how far the preparation checklist is.
	Progress Progress `json:"progress"`
	// Trial is what the profile unlocked now may do with the trial-run
	// issues, and how many are open.
	Trial TrialActions `json:"trial"`
	// EvidenceChoices are the deliverables a checklist item's evidence may
	// link to (and whose names the checklist shows).
	EvidenceChoices []EvidenceChoice `json:"evidence_choices"`

	// authority is the roster judge the state was folded with (nil
	// without a roster): it decides the actions offered.
	authority *judge
}

// Progress is how far a dossier's preparation checklist is: items done or
// not applicable, of the template's checklist size.
type Progress struct {
	Done  int `json:"done"`
	Total int `json:"total"`
}

// Summary is one row of the dossier list; it is also the stored index.
type Summary struct {
	ID         string `json:"id"`
	Title      string `json:"title"`
	SystemCode string `json:"system_code"`
	Type       string `json:"type"`
	Subtype    string `json:"subtype"`
	Mode       string `json:"mode"`
	Version    string `json:"version"`
	Stage      string `json:"stage"`
	// Zone names the dossier's zone; times are shown in it.
	Zone           string    `json:"zone"`
	PlannedAt      time.Time `json:"planned_at"`
	UpdatedAt      time.Time `json:"updated_at"`
	ProjectManager string    `json:"project_manager"`
	// Window is the targeted window id.
	Window string `json:"window"`
	// WindowState is the window's state in the plan in force (open,
	// moved, cancelled, frozen), "" without a window.
	WindowState string `json:"window_state"`
	// ContentRefs lists the content ids, for the free-text filter.
	ContentRefs []string `json:"content_refs"`
	// ChecklistDone counts items done or not applicable.
	ChecklistDone int `json:"checklist_done"`
	// ChecklistTotal is the template's item count.
	ChecklistTotal int `json:"checklist_total"`
	// SystemName is filled from the register when listed.
	SystemName string `json:"system_name"`
	// Phase is the workflow phase.
	Phase string `json:"phase"`
	// Tasks are what waits, and for whom.
	Tasks []workflow.Task `json:"tasks"`
	// NotFullyTested marks an emergency release.
	NotFullyTested bool `json:"not_fully_tested"`
	// Override marks a package hash mismatch that was overridden.
	Override bool `json:"override"`
	// CreatedBy is the creator's public key.
	CreatedBy string `json:"created_by"`
	// Entity is the subsidiary or legal entity (法人主体).
	Entity string `json:"entity"`
	// OutOfScope is the exclusion id of a record of a change out of the
	// process's scope, "" for a release dossier.
	OutOfScope string `json:"out_of_scope,omitempty"`
	// OpenTrialIssues counts the trial-run issues not yet closed.
	OpenTrialIssues int `json:"open_trial_issues"`
}

// Filter narrows the dossier list; empty fields match everything.
type Filter struct {
	Stage      string `json:"stage"`
	SystemCode string `json:"system_code"`
	Type       string `json:"type"`
	Mode       string `json:"mode"`
	// Month is a month, "2026-12", or a whole year, "2026", matched
	// against the planned time in the dossier's zone; a dossier with no
	// planned time matches neither. The bound API refuses any other
	// value (dossier.bad_month).
	Month string `json:"month"`
	// Text matches title, system code or name, and content ids and titles,
	// case-insensitively.
	Text string `json:"text"`
}
