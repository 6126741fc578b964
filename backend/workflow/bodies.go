package workflow

// Event kinds the workflow folds.
const (
	KindAttached       = "deliverable.attached"
	KindSubmitted      = "flow.submitted"
	KindDecided        = "flow.decided"
	KindWithdrawn      = "flow.withdrawn"
	KindTransferred    = "flow.transferred"
	KindCommented      = "flow.commented"
	KindUrged          = "flow.urged"
	KindFiled          = "flow.filed"
	KindRunbook        = "exec.runbook"
	KindPackageChecked = "exec.package_checked"
	KindOverride       = "exec.override"
	KindReleased       = "exec.released"
	KindSupervised     = "exec.supervised"
	KindSameDayTest    = "exec.same_day_test"
	KindConfirmed      = "flow.confirmed"
	KindPostponed      = "flow.postponed"
	KindArchived       = "dossier.archived"
	// KindPostReview records the post-release review (事后复盘) a mode
	// asks for (template Mode.PostReview).
	KindPostReview = "flow.post_review"
)

// Kinds lists every kind Apply accepts.
var Kinds = []string{KindAttached, KindSubmitted, KindDecided, KindWithdrawn, KindTransferred, KindCommented,
	KindUrged, KindFiled, KindRunbook, KindPackageChecked, KindOverride, KindReleased, KindSupervised,
	KindSameDayTest, KindConfirmed, KindPostponed, KindArchived, KindPostReview}

// Decisions a slot can take.
const (
	DecisionApprove = "approve"
	DecisionReturn  = "return"
)

// AttachBody adds a version of a deliverable (or records a package by hash).
type AttachBody struct {
	Deliverable string `json:"deliverable"`
	SHA256      string `json:"sha256"`
	Name        string `json:"name"`
	Size        int64  `json:"size"`
	Mime        string `json:"mime"`
	HashOnly    bool   `json:"hash_only"`
	Note        string `json:"note"`
}

// SubmitBody starts the approval flow.
type SubmitBody struct {
	Role    string            `json:"role"`
	Answers map[string]Answer `json:"answers"`
	Comment string            `json:"comment"`
}

// DecideBody approves or returns a slot.
type DecideBody struct {
	Step     string            `json:"step"`
	Row      string            `json:"row"`
	Role     string            `json:"role"`
	Decision string            `json:"decision"`
	ReturnTo string            `json:"return_to"`
	Comment  string            `json:"comment"`
	Answers  map[string]Answer `json:"answers"`
	// NotApplicable maps deliverables of the slot the approver marks not
	// applicable (only those the template makes waivable) to the reason.
	NotApplicable map[string]string `json:"not_applicable,omitempty"`
	// Witness, when set, makes the decision a 在场签字: the approver it
	// names signed by hand on the author's screen; the author is the
	// device owner who witnessed it.
	Witness *Witness `json:"witness,omitempty"`
}

// Ways a witnessed decision was signed by hand.
const (
	// WitnessHandwritten: drawn on the screen (signature pad).
	WitnessHandwritten = "handwritten"
	// WitnessScan: a scanned paper signature page.
	WitnessScan = "scan"
)

// Witness is the 在场签字 part of a decision: who signed by hand, and the
// image of it, stored in the blob store by its SHA-256.
type Witness struct {
	// Person is the roster person id of the approver who signed by hand.
	Person string `json:"person"`
	// Image is the SHA-256 (lowercase hex) of the signature image.
	Image string `json:"image"`
	// Kind is WitnessHandwritten or WitnessScan.
	Kind string `json:"kind"`
}

// WithdrawBody withdraws a submission.
type WithdrawBody struct {
	Role    string `json:"role"`
	Comment string `json:"comment"`
}

// TransferBody hands a pending decision to a delegate.
type TransferBody struct {
	Step    string `json:"step"`
	Row     string `json:"row"`
	Role    string `json:"role"`
	To      string `json:"to"`
	ToName  string `json:"to_name"`
	Comment string `json:"comment"`
}

// CommentBody comments on a step without deciding.
type CommentBody struct {
	Step string `json:"step"`
	Row  string `json:"row"`
	Text string `json:"text"`
}

// UrgeBody reminds a pending approver.
type UrgeBody struct {
	Step    string `json:"step"`
	Row     string `json:"row"`
	Comment string `json:"comment"`
}

// SignoffBody is a statement by a role: override (the comment is the
// reason), release done, supervision; the filing's (FileBody) adds the
// documents it made.
type SignoffBody struct {
	Role    string `json:"role"`
	Comment string `json:"comment"`
}

// RunbookBody replaces the current attempt's runbook and scenario tests.
type RunbookBody struct {
	Role    string       `json:"role"`
	Runbook []RunbookRow `json:"runbook"`
	Tests   []TestRow    `json:"tests"`
	// OnCall lists the development department's on-call support.
	OnCall []OnCall `json:"on_call,omitempty"`
}

// PackageCheckBody records the hash of the package actually deployed.
type PackageCheckBody struct {
	Role   string `json:"role"`
	Name   string `json:"name"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// SameDayTestBody records the requesting side's same-day test.
type SameDayTestBody struct {
	// Role is the role the author records it in: one of the release
	// type's SameDayTestRoles (the PM or the system owner, who collect the
	// test confirmation) or its SameDayTestConfirmerRole (the business
	// user signing with their own key). Empty in events of templates
	// without those settings.
	Role string `json:"role,omitempty"`
	// ConfirmedBy is the confirmer's name as typed; only events under a
	// template without SameDayTestRoles may rest on it alone.
	ConfirmedBy string `json:"confirmed_by"`
	TestedAt    string `json:"tested_at"`
	Note        string `json:"note"`
	// Witness, when set, is the business user's handwritten signature
	// (在场签字) witnessed by the author on their screen.
	Witness *Witness `json:"witness,omitempty"`
}

// OnCall is one person of the development department on call to support
// a release (guideline 6.4.3(2)), as the runbook records it.
type OnCall struct {
	// Person is the roster person id, when the roster lists them.
	Person string `json:"person,omitempty"`
	// Name is the person's name as shown.
	Name string `json:"name"`
	// Phone is where they can be reached during the release.
	Phone string `json:"phone"`
	// From and Until bound the on-call time (RFC 3339 or the dossier's
	// local "2006-01-02T15:04").
	From  string `json:"from"`
	Until string `json:"until"`
}

// ConfirmBody confirms success or failure of the release.
type ConfirmBody struct {
	Role     string            `json:"role"`
	Success  bool              `json:"success"`
	Answers  map[string]Answer `json:"answers"`
	Rollback string            `json:"rollback"`
	Comment  string            `json:"comment"`
}

// PostponeBody moves the release to a later date.
type PostponeBody struct {
	Role                string `json:"role"`
	ProductionUnchanged bool   `json:"production_unchanged"`
	Reason              string `json:"reason"`
	Plan                string `json:"plan"`
	PlannedAt           string `json:"planned_at"`
	// Window is the release window moved to ("" for a date of its own).
	Window string `json:"window,omitempty"`
}

// PostReviewBody records the post-release review of a confirmed release:
// what was found, what will be improved, and who took part.
type PostReviewBody struct {
	Role string `json:"role"`
	// Findings are the problems found (发现的问题).
	Findings string `json:"findings"`
	// Actions are the improvement actions (改进措施).
	Actions string `json:"actions"`
	// Participants names who took part in the review (参与人).
	Participants string `json:"participants"`
}

// ArchiveBody archives a confirmed dossier.
type ArchiveBody struct {
	Role          string            `json:"role"`
	NotApplicable map[string]string `json:"not_applicable"`
}
