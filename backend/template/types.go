package template

// Step kinds. A step's kind decides how the workflow engine treats it; the
// step's name is only ever displayed.
const (
	// KindStart opens the approval flow (审批流程启动); its actor submits the application.
	KindStart = "start"
	// KindSequential is a single approver's step, taken in flow order.
	KindSequential = "sequential"
	// KindCountersign is a parallel countersign (会签): every row must sign.
	KindCountersign = "countersign"
	// KindFiling files the approved flow (流程备案) to the roles in FiledTo.
	KindFiling = "filing"
	// KindExecution is the release itself (执行系统发布).
	KindExecution = "execution"
	// KindConfirmation confirms whether the release succeeded (系统上线发布确认).
	KindConfirmation = "confirmation"
	// KindPostpone defers the release to a later window (系统上线顺延).
	KindPostpone = "postpone"
)

// Kinds lists every valid step kind in a stable order.
func Kinds() []string {
	return []string{KindStart, KindSequential, KindCountersign, KindFiling, KindExecution, KindConfirmation, KindPostpone}
}

// Checklist groups.
const (
	// GroupPrecondition marks a precondition to confirm before go-live (确认上线前的必要条件).
	GroupPrecondition = "precondition"
	// GroupPlan marks a management plan to draw up (制定上线过程中及上线后的管理计划).
	GroupPlan = "plan"
)

// Values of Settings.ApprovalsCarryOver.
const (
	// CarryOverAllUnlessChanged keeps every approval already given when a
	// dossier is resubmitted, unless the approved material changed.
	CarryOverAllUnlessChanged = "all_unless_changed"
	// CarryOverNone makes every approval step decide again after a
	// postponement.
	CarryOverNone = "none"
)

// Text is a human-readable string in both of GoLive's languages.
type Text struct {
	// Zh is the Chinese text, verbatim from the source where it has one.
	Zh string `json:"zh"`
	// En is the English text.
	En string `json:"en"`
}

// IsZero reports whether both languages are empty.
func (t Text) IsZero() bool { return t.Zh == "" && t.En == "" }

// Template is a complete, versioned release process.
type Template struct {
	// ID names the template family, e.g. "golive.release".
	ID string `json:"id"`
	// Version is the template's version, e.g. "2.4.2".
	Version string `json:"version"`
	// Name is the process's display name.
	Name Text `json:"name"`
	// Organisation is the organisation the process belongs to.
	Organisation Text `json:"organisation"`
	// Source names the document the template was transcribed from.
	Source Text `json:"source"`
	// Revisions is the template's own revision history (修订记录), oldest first.
	Revisions []Revision `json:"revisions"`
	// Stages are the process's stages (阶段) in order.
	Stages []Stage `json:"stages"`
	// ReleaseTypes are the release types (上线发布类型).
	ReleaseTypes []ReleaseType `json:"release_types"`
	// Modes are the release modes (上线发布方式).
	Modes []Mode `json:"modes"`
	// Exclusions are the kinds of change out of the process's scope, which
	// a user may put on record as such with a reason; empty in templates
	// saved before they existed.
	Exclusions []Exclusion `json:"exclusions,omitempty"`
	// Departments are the departments roles and steps refer to.
	Departments []Department `json:"departments"`
	// Roles are every role (角色/岗位) a step, row or rule refers to.
	Roles []Role `json:"roles"`
	// Checklist is the preparation checklist: preconditions and management plans.
	Checklist []ChecklistItem `json:"checklist"`
	// Documents are the standard release documents (发布材料/附件).
	Documents []Document `json:"documents"`
	// Flows are the approval flows, one per release type.
	Flows []Flow `json:"flows"`
	// Settings holds process-wide rules.
	Settings Settings `json:"settings"`
	// Windows holds the release-window rules (发布窗口); nil in templates
	// saved before they existed, which then follow DefaultWindows.
	Windows *WindowSettings `json:"windows,omitempty"`
}

// Revision is one entry of the revision history (修订记录).
type Revision struct {
	// Version is the revision's version number without the "V", e.g. "1.0".
	Version string `json:"version"`
	// Date is the revision date as YYYY-MM-DD.
	Date string `json:"date"`
	// Author is the reviser (修订者).
	Author string `json:"author"`
	// Note describes the change (说明).
	Note Text `json:"note"`
}

// Stage is one stage (阶段) of the process.
type Stage struct {
	// ID is the stage's stable id, e.g. "planning".
	ID string `json:"id"`
	// Name is the short name, e.g. 规划.
	Name Text `json:"name"`
	// Title is the full name as the source writes it, e.g. 上线发布规划.
	Title Text `json:"title"`
}

// Option is a selectable value with a display name.
type Option struct {
	// ID is the option's stable id.
	ID string `json:"id"`
	// Name is the option's display name.
	Name Text `json:"name"`
}

// ReleaseType is a release type (上线发布类型) and the flow it follows.
type ReleaseType struct {
	// ID is the type's stable id, e.g. "new_system".
	ID string `json:"id"`
	// Name is the type's name, e.g. 新系统上线发布.
	Name Text `json:"name"`
	// Description is the source's 说明 column.
	Description Text `json:"description"`
	// Note is the source's 备注 column.
	Note Text `json:"note"`
	// Subtypes are the type's variants (e.g. CR and bugfix), if any.
	Subtypes []Option `json:"subtypes,omitempty"`
	// SameDayTest requires the requesting side's same-day test confirmation
	// before the release is confirmed successful (process-spec §9).
	SameDayTest bool `json:"same_day_test,omitempty"`
	// SameDayTestDocument, when set, is the standard document id (e.g.
	// "release_test_confirmation", 系统发布测试确认书) the same-day test must
	// have attached as "doc:<id>" (guideline 6.4.3); it is then no
	// deliverable of the execution or confirmation step.
	SameDayTestDocument string `json:"same_day_test_document,omitempty"`
	// SameDayTestRoles, when set, are the roles that collect and record the
	// same-day test (the project manager or the system owner); the
	// requesting side's confirmation must then be signed, never typed: by
	// SameDayTestConfirmerRole with its own key, or by hand witnessed on
	// the recorder's screen (在场签字). Empty keeps the older rule: anyone
	// records it with the confirmer's name typed.
	SameDayTestRoles []string `json:"same_day_test_roles,omitempty"`
	// SameDayTestConfirmerRole is the role of a requesting-side user who
	// confirms the same-day test with their own key (需求方确认人).
	SameDayTestConfirmerRole string `json:"same_day_test_confirmer_role,omitempty"`
	// ReleaseMethodRequired asks the applicant to describe the release
	// method (发布方式说明) before the dossier is submitted (the new-system
	// type: "发布方式由申请人在发布申请中进行说明").
	ReleaseMethodRequired bool `json:"release_method_required,omitempty"`
	// FlowID names the Flow a dossier of this type follows.
	FlowID string `json:"flow_id"`
}

// Mode is a release mode (上线发布方式).
type Mode struct {
	// ID is the mode's stable id, e.g. "planned".
	ID string `json:"id"`
	// Name is the mode's name, e.g. 计划内发布.
	Name Text `json:"name"`
	// Note is the source's 说明 column.
	Note Text `json:"note"`
	// Frequency is the source's 频率 column.
	Frequency Text `json:"frequency"`
	// SignatureRole, when set, is the role whose extra signature the mode requires.
	SignatureRole string `json:"signature_role,omitempty"`
	// NotFullyTested marks a mode whose release has not been completely tested.
	NotFullyTested bool `json:"not_fully_tested,omitempty"`
	// SignatureStep is the extra approval step this mode inserts right after
	// the flow's start step (the emergency signature); nil for none.
	SignatureStep *Step `json:"signature_step,omitempty"`
	// ConfirmationItems are added to the release confirmation's items in
	// this mode (in earlier templates, the emergency post-release review).
	ConfirmationItems []Item `json:"confirmation_items,omitempty"`
	// PostReview, when set, makes the post-release review (事后复盘) of a
	// release in this mode a record of its own — findings, improvement
	// actions, participants — that a holder of one of its roles records
	// and that is required before RequiredBefore; nil for none.
	PostReview *PostReview `json:"post_review,omitempty"`
}

// PostReviewBeforeArchive is the only PostReview.RequiredBefore value: the
// review is held after the release is confirmed, before it is archived.
const PostReviewBeforeArchive = "archive"

// PostReview is a mode's post-release review (事后复盘) rule.
type PostReview struct {
	// Name is what the review is called, e.g. 紧急发布事后复盘.
	Name Text `json:"name"`
	// Roles are the roles that may record the review (e.g. the project
	// manager and the system owner).
	Roles []string `json:"roles"`
	// RequiredBefore is the act the review must precede:
	// PostReviewBeforeArchive.
	RequiredBefore string `json:"required_before"`
}

// Exclusion is a kind of change the process excludes from its scope
// (guideline §1: data-only changes, software/hardware upgrades or
// replacement, configuration updates without program code change).
type Exclusion struct {
	// ID is the exclusion's stable id, e.g. "data_only".
	ID string `json:"id"`
	// Name is the exclusion's name, e.g. 仅数据变更.
	Name Text `json:"name"`
}

// Department is an organisational unit.
type Department struct {
	// ID is the department's stable id.
	ID string `json:"id"`
	// Name is the department's name.
	Name Text `json:"name"`
	// Parent is the id of the department this one belongs to, if any.
	Parent string `json:"parent,omitempty"`
	// Relative marks a department resolved per dossier (e.g. 项目所属部门,
	// the department owning the project) rather than a fixed unit.
	Relative bool `json:"relative,omitempty"`
}

// Role is a role or post (角色/岗位).
type Role struct {
	// ID is the role's stable id, e.g. "project_manager".
	ID string `json:"id"`
	// Name is the role's name, e.g. 项目经理.
	Name Text `json:"name"`
	// Department is the id of the role's department; empty when the source ties it to none.
	Department string `json:"department,omitempty"`
	// Duty describes the role's responsibility where the source states one outside the flow tables.
	Duty Text `json:"duty,omitzero"`
	// Scope says how the organisation roster decides who holds the role on
	// a dossier: "" (ScopeGlobal) for a role the roster grants to a person
	// outright, or one of the other Scope constants for a role held
	// relative to the dossier (its system, owning unit or applicant).
	Scope string `json:"scope,omitempty"`
}

// Role scopes: how the organisation roster resolves who holds a role on a
// dossier (see package roster).
const (
	// ScopeGlobal is a role the roster grants to a person outright, e.g. the CIO.
	ScopeGlobal = ""
	// ScopeSystemOwner is held by the system owner the roster assigns to the
	// dossier's system.
	ScopeSystemOwner = "system_owner"
	// ScopeSystemDevLead is held by the development lead the roster assigns
	// to the dossier's system (系统发布岗).
	ScopeSystemDevLead = "system_dev_lead"
	// ScopeSystemSupervisor is held by the supervisor the roster assigns to
	// the dossier's system, or else by the head of its development lead's
	// unit (the lead's sub-department manager).
	ScopeSystemSupervisor = "system_supervisor"
	// ScopeOwningSubdeptDirector is held by the head of the unit (department
	// and sub-department) that owns the project.
	ScopeOwningSubdeptDirector = "owning_subdept_director"
	// ScopeApplicantDeptHead is held by the head of the applicant's unit.
	ScopeApplicantDeptHead = "applicant_dept_head"
)

// Scopes lists every valid role scope, ScopeGlobal first.
func Scopes() []string {
	return []string{ScopeGlobal, ScopeSystemOwner, ScopeSystemDevLead, ScopeSystemSupervisor, ScopeOwningSubdeptDirector, ScopeApplicantDeptHead}
}

// ChecklistItem is one entry of the preparation checklist (上线发布准备).
type ChecklistItem struct {
	// ID is the item's stable id.
	ID string `json:"id"`
	// Group is GroupPrecondition or GroupPlan.
	Group string `json:"group"`
	// No is the item's 1-based number within its group.
	No int `json:"no"`
	// Title is the item's main statement.
	Title Text `json:"title"`
	// Hint is the source's elaboration of the item, if any.
	Hint Text `json:"hint,omitzero"`
	// Document is the id of the standard document the item refers to, if any.
	Document string `json:"document,omitempty"`
	// LinksTo names the dossier data the item is carried out in, which the
	// checklist row links to: LinksRunbook (the Action Plan is the
	// execution's runbook) or LinksScenarioTests (the verification plan is
	// the runbook's scenario tests); "" for none.
	LinksTo string `json:"links_to,omitempty"`
}

// Values of ChecklistItem.LinksTo.
const (
	// LinksRunbook links an item to the runbook's steps (上线详细步骤).
	LinksRunbook = "runbook"
	// LinksScenarioTests links an item to the runbook's scenario tests
	// (验证计划).
	LinksScenarioTests = "scenario_tests"
)

// Document is one of the standard release documents (发布材料).
type Document struct {
	// ID is the document's stable id, e.g. "user_test_report".
	ID string `json:"id"`
	// No is the attachment number (附件N).
	No int `json:"no"`
	// Name is the document's title without the 《》 marks.
	Name Text `json:"name"`
}

// Flow is the approval flow of one release type.
type Flow struct {
	// ID is the flow's stable id, e.g. "new_system".
	ID string `json:"id"`
	// ReleaseType is the id of the release type the flow serves.
	ReleaseType string `json:"release_type"`
	// Name is the flow's name, e.g. 新系统上线发布流程.
	Name Text `json:"name"`
	// Steps are the flow's steps in order (编号 1..n).
	Steps []Step `json:"steps"`
}

// Step is one management activity (管理活动) of a flow.
type Step struct {
	// ID is the step's id, unique within its flow, e.g. "ns.1.start".
	ID string `json:"id"`
	// No is the step's 1-based number (编号).
	No int `json:"no"`
	// Name is the activity's name without the department prefix, e.g. 审批流程启动.
	Name Text `json:"name"`
	// Kind is one of the Kind constants.
	Kind string `json:"kind"`
	// Department is the id of the department the source puts in front of the activity, if any.
	Department string `json:"department,omitempty"`
	// Role is the id of the actor's role; empty for countersign steps, whose actors are the Rows' roles.
	Role string `json:"role,omitempty"`
	// RoleLabel is read from templates saved before every role had one
	// name, and dropped by Parse: every place shows the role's name.
	RoleLabel Text `json:"role_label,omitzero"`
	// Items are the approval items (审批内容).
	Items []Item `json:"items,omitempty"`
	// Deliverables are the deliverables (交付物).
	Deliverables []Deliverable `json:"deliverables,omitempty"`
	// Rows are the countersign rows of a countersign step; all must sign.
	Rows []CountersignRow `json:"rows,omitempty"`
	// FiledTo are the roles a filing step files the approved flow to.
	FiledTo []string `json:"filed_to,omitempty"`
	// Witnessed allows 在场签字 at this step: an approver without his own
	// key signs by hand on another person's screen, the event signed by
	// that device owner's key. It counts only under an organisation roster
	// (see backend/dossier, "Authority").
	Witnessed bool `json:"witnessed,omitempty"`
}

// Item is an approval item (审批内容).
type Item struct {
	// ID is the item's id, unique within the template.
	ID string `json:"id"`
	// Text is the question or statement to approve.
	Text Text `json:"text"`
	// When, if set, asks the item only of dossiers the condition holds for
	// (所涉及到的系统接口调用是否完成测试 only when there are interface calls).
	When *Condition `json:"when,omitempty"`
}

// Condition makes an approval item or a deliverable apply to some dossiers
// only. Every field that is set must hold. A condition on an answer not
// given yet holds: the item is asked and the deliverable required until
// the answer says otherwise.
type Condition struct {
	// Item is the id of an approval item of the same flow: the condition
	// holds unless that item is answered 否 (no).
	Item string `json:"item,omitempty"`
	// WebFacing holds for dossiers whose system is reachable from the
	// internet (the system register's flag, recorded on the dossier).
	WebFacing bool `json:"web_facing,omitempty"`
}

// Deliverable is a deliverable (交付物) of a step or countersign row.
type Deliverable struct {
	// ID is the deliverable's id, unique within the template.
	ID string `json:"id"`
	// Name is the deliverable's name as the flow table prints it.
	Name Text `json:"name"`
	// Required is false for deliverables the source marks optional (可选).
	Required bool `json:"required"`
	// HashOnly allows recording the deliverable by name, size and SHA-256
	// without copying it (the release package); it is re-hashed at execution.
	HashOnly bool `json:"hash_only,omitempty"`
	// Generated marks a deliverable the app produces from what the step
	// records (filing record, postponement result), never attached by hand.
	Generated bool `json:"generated,omitempty"`
	// Document is the id of the standard document this deliverable is, or "".
	Document string `json:"document,omitempty"`
	// SameAs is the id of an earlier deliverable of the same flow that is
	// the same document (系统上线手册 of step 1 and of the development
	// director's row): one upload serves both, and the later step shows
	// the earlier one's versions to check. In a workflow plan the later
	// deliverable carries the earlier one's id, name and document.
	SameAs string `json:"same_as,omitempty"`
	// When, if set, requires the deliverable only of dossiers the condition
	// holds for (Web安全检查报告 only for web-facing systems).
	When *Condition `json:"when,omitempty"`
	// Waivable lets the approver of the step mark the deliverable not
	// applicable, with a reason, instead of attaching it.
	Waivable bool `json:"waivable,omitempty"`
	// Produces names the document the app makes for a generated
	// deliverable of a filing step when the flow is filed (流程备案):
	// ProducesApplication (发布申请) or ProducesOpinions (审批意见). The
	// filer's app renders and signs it, and the filing records it as a
	// version of this deliverable. "" makes nothing.
	Produces string `json:"produces,omitempty"`
}

// What a filing step's generated deliverable can be (Deliverable.Produces);
// each is also the backend/printable kind that renders it.
const (
	// ProducesApplication is the release application (发布申请): the
	// dossier, its content and window, the submission's answers and the
	// start step's deliverables with their SHA-256.
	ProducesApplication = "application"
	// ProducesOpinions are the approval opinions (审批意见): every
	// approver's decision, answers and remarks.
	ProducesOpinions = "approval-opinions"
)

// ProducesKinds lists the values Deliverable.Produces may take.
func ProducesKinds() []string { return []string{ProducesApplication, ProducesOpinions} }

// CountersignRow is one director's row of a countersign (会签) step.
type CountersignRow struct {
	// ID is the row's id, unique within its step.
	ID string `json:"id"`
	// Role is the id of the signing role.
	Role string `json:"role"`
	// Label is the role's name (roles[].name); Parse sets it from the role,
	// so a row never shows its role under another name.
	Label Text `json:"label"`
	// Items are the row's approval items.
	Items []Item `json:"items,omitempty"`
	// Deliverables are the row's deliverables.
	Deliverables []Deliverable `json:"deliverables,omitempty"`
}

// Settings holds process-wide rules of a template.
type Settings struct {
	// ApprovalsCarryOver says which approvals survive a resubmission; see CarryOverAllUnlessChanged.
	ApprovalsCarryOver string `json:"approvals_carry_over"`
	// ArchiveRoles may archive a confirmed dossier.
	ArchiveRoles []string `json:"archive_roles"`
	// ReleaseOperatorRole executes the release (系统发布岗).
	ReleaseOperatorRole string `json:"release_operator_role"`
	// SupervisorRole supervises and checks the execution (监督核查).
	SupervisorRole string `json:"supervisor_role"`
	// TemplateEditorRole may save new template versions (the PMO).
	TemplateEditorRole string `json:"template_editor_role"`
	// WindowManagerRole manages the release-window plans (发布窗口): edits
	// the yearly plan, moves, cancels and adds windows, freezes periods,
	// imports holidays and publishes; a published plan counts only when
	// its signer held this role (the guideline gives the release cycle to
	// 应用系统开发部). Empty in templates saved before it existed, which
	// leave window management to TemplateEditorRole (see WindowManager).
	WindowManagerRole string `json:"window_manager_role,omitempty"`
	// Separate lists groups of roles that one person never combines on a
	// dossier: whoever acted in one role of a group may not act in another
	// role of the same group (the release operator never supervises his
	// own release). Each group names at least two distinct roles.
	Separate [][]string `json:"separate,omitempty"`
	// AllowDoublePost lets one person fill two rows of one countersign step
	// when the roster gives him both posts himself (not by delegation).
	// False, the default, means one row per person.
	AllowDoublePost bool `json:"allow_double_post"`
	// ArchiveWaitsForTrialIssues keeps a dossier from being archived while
	// an issue of its trial run (试运行问题) is open: the trial-run plan's
	// issue-handling mechanism closes them first. False, the default of
	// templates saved before it existed, archives regardless.
	ArchiveWaitsForTrialIssues bool `json:"archive_waits_for_trial_issues,omitempty"`
	// ReviewChairRole chairs the go-live review meetings (项目上线评审会):
	// only its decisions and minutes count on a dossier. Empty in
	// templates saved before it existed, which leave it to
	// TemplateEditorRole.
	ReviewChairRole string `json:"review_chair_role,omitempty"`
	// ReviewItem is the checklist item a review meeting's decision
	// fulfils (确认项目上线评审会是否已经召开): a pass or a conditional pass
	// marks it done, with the minutes as its evidence. Empty: decisions
	// leave the checklist as it is.
	ReviewItem string `json:"review_item,omitempty"`
}

// Week readings of WindowRule.WeekReading: what "the 2nd week" means.
const (
	// ReadingNthWeekday reads week n as the nth occurrence of the weekday in
	// the month (the 2nd Thursday); the default.
	ReadingNthWeekday = "nth_weekday"
	// ReadingCalendarWeek reads week n as the nth Monday-start calendar week
	// of the month, week 1 holding the 1st; when that week's weekday falls
	// outside the month, the week has no window.
	ReadingCalendarWeek = "calendar_week"
)

// Holiday policies of WindowRule.HolidayPolicy: what happens to a window
// that falls on a public holiday.
const (
	// PolicyPreviousWorkingDay proposes the previous working day of the
	// same week (the default; the PMO confirms by publishing).
	PolicyPreviousWorkingDay = "previous_working_day"
	// PolicyNextWorkingDay proposes the next working day of the same week.
	PolicyNextWorkingDay = "next_working_day"
	// PolicyCancel cancels the window.
	PolicyCancel = "cancel"
)

// SystemClasses returns the classes an application system may have, in
// display order. Release windows are planned per class, so a template has
// one window rule per class; the system register takes its list of
// classes from here (system.Classes).
func SystemClasses() []string { return []string{"java", "dotnet", "packaged", "web", "other"} }

// WindowSettings are the release-window rules of a template: one rule per
// system class, the freeze rule and fixed freeze ranges (封网期).
type WindowSettings struct {
	// Rules holds exactly one rule per system class (SystemClasses).
	Rules []WindowRule `json:"rules"`
	// Freeze is the rule that freezes the working days before long holidays.
	Freeze FreezeRule `json:"freeze"`
	// FreezeRanges are fixed freeze periods, e.g. a year-end closing.
	FreezeRanges []FreezeRange `json:"freeze_ranges"`
}

// WindowRule is when the routine releases of one system class go live.
type WindowRule struct {
	// Class is the system class the rule is for (SystemClasses).
	Class string `json:"class"`
	// Weekday is the day of the week in English, lower case: "thursday".
	Weekday string `json:"weekday"`
	// Weeks are the weeks of the month that have a window, e.g. [2, 4]; 1-5.
	Weeks []int `json:"weeks"`
	// WeekReading is ReadingNthWeekday or ReadingCalendarWeek.
	WeekReading string `json:"week_reading"`
	// Start is the window's start time, "HH:MM", e.g. "19:00".
	Start string `json:"start"`
	// End is the window's end time on the same day, after Start, e.g. "23:00".
	End string `json:"end"`
	// Zone is the IANA zone the times are in, e.g. "Asia/Shanghai".
	Zone string `json:"zone"`
	// HolidayPolicy is one of the Policy constants.
	HolidayPolicy string `json:"holiday_policy"`
	// Capacity is the most releases one window takes; 0 means unlimited.
	Capacity int `json:"capacity"`
}

// FreezeRule freezes the WorkingDaysBefore working days before every
// holiday of at least MinHolidayDays consecutive days off, and the holiday
// itself. WorkingDaysBefore 0 turns the rule off.
type FreezeRule struct {
	// WorkingDaysBefore is N, the working days frozen before the holiday (0-30).
	WorkingDaysBefore int `json:"working_days_before"`
	// MinHolidayDays is M, the shortest run of days off that counts (1-30).
	MinHolidayDays int `json:"min_holiday_days"`
}

// FreezeRange is a fixed freeze period, both dates included.
type FreezeRange struct {
	// ID is the range's stable id.
	ID string `json:"id"`
	// Name says why releases stop, e.g. 年终决算.
	Name Text `json:"name"`
	// Start is the first frozen day, YYYY-MM-DD.
	Start string `json:"start"`
	// End is the last frozen day, YYYY-MM-DD, not before Start.
	End string `json:"end"`
}

// DefaultWindows returns a copy of the embedded default template's window
// settings: every class on the 2nd and 4th Thursday (nth_weekday reading),
// 19:00-23:00 Asia/Shanghai, previous working day on holidays, no
// capacity limit, and freezes of 3 working days before holidays of 7 days or
// more.
func DefaultWindows() WindowSettings { return *MustDefault().Windows }

// WindowSettings returns t's window settings, or DefaultWindows when t has
// none (templates saved before windows existed).
func (t *Template) WindowSettings() WindowSettings {
	if t == nil || t.Windows == nil {
		return DefaultWindows()
	}
	return *t.Windows
}

// WindowRule returns the rule of a system class.
func (w WindowSettings) WindowRule(class string) (WindowRule, bool) {
	for _, r := range w.Rules {
		if r.Class == class {
			return r, true
		}
	}
	return WindowRule{}, false
}
