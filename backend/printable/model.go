package printable

import "golive/backend/template"

// Kinds of document.
const (
	KindConfirmation     = "confirmation"
	KindApprovals        = "approvals"
	KindTestConfirmation = "test-confirmation"
	KindUserConfirmation = "user-confirmation"
	KindPlan             = "plan"
	KindArchiveIndex     = "archive-index"
	KindReleaseNote      = "release-note"
	// KindApplication is the release application (发布申请) the filing
	// makes (template.ProducesApplication).
	KindApplication = template.ProducesApplication
	// KindOpinions are the approval opinions (审批意见) the filing makes
	// (template.ProducesOpinions).
	KindOpinions = template.ProducesOpinions
)

// DossierKinds are the kinds made from one dossier, in menu order.
var DossierKinds = []string{KindConfirmation, KindApprovals, KindTestConfirmation, KindUserConfirmation, KindArchiveIndex, KindReleaseNote}

// FilingKinds are the kinds the filing (流程备案) makes and attaches, one
// per generated deliverable that produces it; made from a dossier too.
var FilingKinds = []string{KindApplication, KindOpinions}

// Kinds are every kind, the plan included.
var Kinds = append(append(append([]string{}, DossierKinds...), FilingKinds...), KindPlan)

// IsKind reports whether k names a document kind.
func IsKind(k string) bool {
	for _, x := range Kinds {
		if x == k {
			return true
		}
	}
	return false
}

// Content is everything one document shows, ready to lay out.
type Content struct {
	// Kind is one of the Kind constants.
	Kind string `json:"kind"`
	// Lang is the language of every text below.
	Lang Lang `json:"lang"`
	// Title is the document's title, e.g. 系统上线申请确认书.
	Title string `json:"title"`
	// Number is the document number printed in the header.
	Number string `json:"number"`
	// Organisation is the organisation the process belongs to.
	Organisation string `json:"organisation"`
	// Event is the id of the event the document was made from (the latest
	// head of the dossier's log); Heads are all heads when there are more.
	Event string   `json:"event,omitempty"`
	Heads []string `json:"heads,omitempty"`
	// Dossier is the dossier summary (nil for the plan).
	Dossier *Header `json:"dossier,omitempty"`
	// Release lists the CRs and bugs the release carries.
	Release []ContentRow `json:"release,omitempty"`
	// Checklist is the preparation checklist, preconditions then plans.
	Checklist []ChecklistRow `json:"checklist,omitempty"`
	// Approvals is the approval grid, one section per approval step, plus
	// filing.
	Approvals []Section `json:"approvals,omitempty"`
	// History is the approval history.
	History []HistoryRow `json:"history,omitempty"`
	// Attempts are the release attempts, the current one last.
	Attempts []Attempt `json:"attempts,omitempty"`
	// Postponements are the postponements (顺延).
	Postponements []PostponeRow `json:"postponements,omitempty"`
	// Confirmation is the current attempt's confirmation, if any.
	Confirmation *ConfirmRow `json:"confirmation,omitempty"`
	// Documents is the status of the standard documents.
	Documents []DocumentRow `json:"documents,omitempty"`
	// Deliverables are every version of every deliverable.
	Deliverables []DeliverableRow `json:"deliverables,omitempty"`
	// Year and Windows make the window plan.
	Year    int       `json:"year,omitempty"`
	Windows []PlanRow `json:"windows,omitempty"`
	// Minutes are a review meeting's minutes (KindMinutes).
	Minutes *Minutes `json:"minutes,omitempty"`
	// Signatures are the signed statements the document shows.
	Signatures []Signature `json:"signatures"`
	// Notes are remarks printed under the title (emergency, override).
	Notes []string `json:"notes,omitempty"`
}

// Header is the dossier summary printed on every dossier document.
type Header struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	System    string `json:"system"`
	Type      string `json:"type"`
	Mode      string `json:"mode"`
	Version   string `json:"version"`
	PlannedAt string `json:"planned_at"`
	Window    string `json:"window,omitempty"`
	PM        string `json:"project_manager"`
	Owner     string `json:"system_owner"`
	// Entity is the subsidiary or legal entity (法人主体), "" when not
	// recorded.
	Entity string `json:"entity,omitempty"`
	// ReleaseMethod is the release method description (发布方式说明), ""
	// when none was given.
	ReleaseMethod string `json:"release_method,omitempty"`
	Stage         string `json:"stage"`
	Phase         string `json:"phase"`
	Template      string `json:"template"`
	Created       string `json:"created"`
	Emergency     bool   `json:"emergency"`
	Override      bool   `json:"override"`
	SystemCode    string `json:"system_code"`
	PlannedDate   string `json:"planned_date"`
}

// ContentRow is one CR or bug.
type ContentRow struct {
	Kind  string `json:"kind"`
	Ref   string `json:"ref"`
	Title string `json:"title"`
}

// ChecklistRow is one preparation item.
type ChecklistRow struct {
	Group  string `json:"group"`
	No     int    `json:"no"`
	Title  string `json:"title"`
	Status string `json:"status"`
	Done   bool   `json:"done"`
	Note   string `json:"note"`
	By     string `json:"by"`
	At     string `json:"at"`
}

// Section is one step of the approval grid.
type Section struct {
	// Step is the step id; No its number in the flow.
	Step string `json:"step"`
	No   int    `json:"no"`
	// Name is the step's name, e.g. 子部门会签审批.
	Name string `json:"name"`
	// Kind is the step kind (start, sequential, countersign, filing).
	Kind string `json:"kind"`
	// Inserted marks the emergency signature step.
	Inserted bool          `json:"inserted,omitempty"`
	Rows     []ApprovalRow `json:"rows"`
}

// ApprovalRow is one decision slot (or the filing) as the grid shows it.
type ApprovalRow struct {
	// Slot is the slot key ("step" or "step/row").
	Slot string `json:"slot"`
	// Role is the role's label as the flow table prints it.
	Role string `json:"role"`
	// Approver is the name of who decided, "" when nobody did yet.
	Approver string `json:"approver"`
	// Fingerprint is the approver's key fingerprint.
	Fingerprint string `json:"fingerprint,omitempty"`
	// Decision is the decision or status in words.
	Decision string `json:"decision"`
	// Approved is true when the slot holds a valid decision.
	Approved bool `json:"approved"`
	// Remark is the approver's comment.
	Remark string `json:"remark"`
	// At is the decision time.
	At string `json:"at"`
	// Items are the approval items with their answers.
	Items []ItemRow `json:"items,omitempty"`
	// Witnessed marks a 在场签字: Approver signed by hand on the screen of
	// the key's owner (Fingerprint is that device owner's key).
	Witnessed bool `json:"witnessed,omitempty"`
	// Handwriting is the SHA-256 of the handwritten signature (or scanned
	// page) of a witnessed decision, printed in the approver's cell.
	Handwriting string `json:"handwriting,omitempty"`
	// For names the person the approver acted for when the roster counted
	// the decision by delegation (代审批), "" otherwise.
	For string `json:"for,omitempty"`
	// Comments are the other words written on this slot, oldest first:
	// the comments of decisions a return or changed material dismissed,
	// returns with their reasons, transfers, comments made without
	// deciding and, on the start step, earlier submissions. The current
	// decision's comment is Remark.
	Comments []CommentRow `json:"comments,omitempty"`
}

// CommentRow is one comment written on an approval slot.
type CommentRow struct {
	// At is when, By who (the event's author).
	At string `json:"at"`
	By string `json:"by"`
	// Action is what the author did, in words (退回, 评论, 审批同意 …).
	Action string `json:"action"`
	// Text is what the author wrote.
	Text string `json:"text"`
}

// ItemRow is one approval item and its 是/否 answer.
type ItemRow struct {
	Text   string `json:"text"`
	Answer string `json:"answer"`
	Yes    bool   `json:"yes"`
	Remark string `json:"remark,omitempty"`
}

// HistoryRow is one event of the approval history.
type HistoryRow struct {
	At      string `json:"at"`
	Actor   string `json:"actor"`
	Action  string `json:"action"`
	Step    string `json:"step"`
	Detail  string `json:"detail"`
	Event   string `json:"event"`
	Ignored bool   `json:"ignored,omitempty"`
}

// Attempt is one release attempt.
type Attempt struct {
	No         int          `json:"no"`
	Runbook    []RunbookRow `json:"runbook"`
	Tests      []TestRow    `json:"tests"`
	Package    string       `json:"package,omitempty"`
	Override   string       `json:"override,omitempty"`
	Released   string       `json:"released,omitempty"`
	Supervised string       `json:"supervised,omitempty"`
	SameDay    string       `json:"same_day,omitempty"`
	// OnCall lists the development department's on-call support during
	// the release (guideline 6.4.3(2)): name, phone and time, one a line.
	OnCall string `json:"on_call,omitempty"`
}

// RunbookRow is one runbook step.
type RunbookRow struct {
	No       int    `json:"no"`
	Action   string `json:"action"`
	Planned  string `json:"planned"`
	Started  string `json:"started"`
	Ended    string `json:"ended"`
	Operator string `json:"operator"`
	Result   string `json:"result"`
	Notes    string `json:"notes"`
}

// TestRow is one scenario test.
type TestRow struct {
	Name     string `json:"name"`
	Expected string `json:"expected"`
	Actual   string `json:"actual"`
	Passed   string `json:"passed"`
}

// PostponeRow is one postponement.
type PostponeRow struct {
	Attempt int    `json:"attempt"`
	By      string `json:"by"`
	At      string `json:"at"`
	From    string `json:"from"`
	To      string `json:"to"`
	Reason  string `json:"reason"`
	Plan    string `json:"plan"`
}

// ConfirmRow is the release confirmation.
type ConfirmRow struct {
	Result   string    `json:"result"`
	Success  bool      `json:"success"`
	By       string    `json:"by"`
	Role     string    `json:"role"`
	At       string    `json:"at"`
	Rollback string    `json:"rollback,omitempty"`
	Comment  string    `json:"comment,omitempty"`
	Items    []ItemRow `json:"items,omitempty"`
}

// DocumentRow is one standard document (附件N) and its status.
type DocumentRow struct {
	No      int    `json:"no"`
	Name    string `json:"name"`
	Status  string `json:"status"`
	Present bool   `json:"present"`
	Note    string `json:"note,omitempty"`
}

// DeliverableRow is one version of one deliverable.
type DeliverableRow struct {
	Key     string `json:"key"`
	Name    string `json:"name"`
	Step    string `json:"step"`
	Version int    `json:"version"`
	File    string `json:"file"`
	Size    int64  `json:"size"`
	SHA256  string `json:"sha256"`
	By      string `json:"by"`
	At      string `json:"at"`
	Note    string `json:"note,omitempty"`
	Current bool   `json:"current"`
}

// PlanRow is one release window of the year's plan; backend/window fills
// it (see PlanSource).
type PlanRow struct {
	// Date is the window's day, "2026-12-10".
	Date string `json:"date"`
	// Start and End are "19:00" and "23:00".
	Start string `json:"start"`
	End   string `json:"end"`
	// Name labels the window, e.g. "12月第2周 (java)".
	Name string `json:"name"`
	// Classes are the system classes the window serves.
	Classes []string `json:"classes,omitempty"`
	// Status is the window's state in words (已发布, 已取消, 封网 …).
	Status string `json:"status"`
	// Note explains a moved or cancelled window.
	Note string `json:"note,omitempty"`
	// Dossiers are the releases planned in the window.
	Dossiers []PlanDossier `json:"dossiers,omitempty"`
}

// PlanDossier is a release planned in a window.
type PlanDossier struct {
	ID     string `json:"id"`
	System string `json:"system"`
	Title  string `json:"title"`
	Mode   string `json:"mode"`
	Stage  string `json:"stage"`
}

// Signature is one signed statement a document shows.
type Signature struct {
	// For says what was signed: a slot key, "filing", "released", …
	For string `json:"for"`
	// Label is For in words.
	Label string `json:"label"`
	// Name is the signer's name.
	Name string `json:"name"`
	// Fingerprint is the signer's key fingerprint (keys.Fingerprint).
	Fingerprint string `json:"fingerprint"`
	// Witnessed is true for a 在场签字: Name signed by hand and the key
	// (Fingerprint) is the device owner's who witnessed it.
	Witnessed bool `json:"witnessed"`
	// At is when.
	At string `json:"at"`
}
