package printable

import (
	"strings"

	"golive/backend/template"
)

// KindMinutes is the minutes (会议纪要) of a go-live review meeting
// (项目上线评审会), made from the meeting, not from one dossier.
const KindMinutes = "minutes"

func init() {
	for k, v := range minutesLabels {
		labels[k] = v
	}
}

// Minutes is what the minutes of a review meeting record.
type Minutes struct {
	// Meeting is the meeting id; Window the window reviewed ("" for an
	// ad-hoc list).
	Meeting string `json:"meeting"`
	Window  string `json:"window,omitempty"`
	// Chair names the chair (the exporting profile) and role.
	Chair  string `json:"chair"`
	HeldAt string `json:"held_at"`
	Place  string `json:"place,omitempty"`
	// Attendance is who was invited, present, delegated or absent.
	Attendance []MinutesAttendee `json:"attendance"`
	// Agenda is every dossier reviewed, with its readiness and decision.
	Agenda []MinutesItem `json:"agenda"`
}

// MinutesAttendee is one line of the attendance list.
type MinutesAttendee struct {
	Name       string `json:"name"`
	Department string `json:"department,omitempty"`
	// Status is the attendance as printed (出席, 委托, 缺席).
	Status   string `json:"status"`
	Delegate string `json:"delegate,omitempty"`
	// Signature is the SHA-256 of the witnessed handwritten signature, ""
	// when the attendee did not sign.
	Signature string `json:"signature,omitempty"`
}

// MinutesItem is one dossier of the agenda.
type MinutesItem struct {
	No      int    `json:"no"`
	Dossier string `json:"dossier"`
	System  string `json:"system"`
	Title   string `json:"title"`
	// Readiness is the readiness board's findings as printed.
	Readiness string `json:"readiness"`
	// Decision is the decision as printed, "" when none was taken.
	Decision   string   `json:"decision"`
	Conditions []string `json:"conditions,omitempty"`
	// Window is where a postponement moved the release.
	Window string `json:"window,omitempty"`
	Remark string `json:"remark,omitempty"`
}

// BuildMinutes makes the content of a review meeting's minutes, titled
// title, for organisation in lang.
func BuildMinutes(title string, m Minutes, organisation template.Text, lang Lang) *Content {
	if lang == "" {
		lang = Zh
	}
	if m.Attendance == nil {
		m.Attendance = []MinutesAttendee{}
	}
	if m.Agenda == nil {
		m.Agenda = []MinutesItem{}
	}
	return &Content{Kind: KindMinutes, Lang: lang, Title: strings.TrimSpace(title + " " + lang.L("title.minutes")),
		Number: "RM-" + strings.ToUpper(strings.TrimPrefix(m.Meeting, "rm-")), Organisation: lang.T(organisation), Minutes: &m, Signatures: []Signature{}}
}

var minutesLabels = map[string]template.Text{
	"title.minutes":      tx("会议纪要", "Minutes"),
	"sec.meeting":        tx("会议信息", "Meeting"),
	"sec.attendance":     tx("出席情况", "Attendance"),
	"sec.agenda":         tx("评审议程与结论", "Agenda and decisions"),
	"sec.signatures":     tx("与会人员签字", "Attendees' signatures"),
	"c.meeting":          tx("会议编号", "Meeting"),
	"c.chair":            tx("主持人", "Chair"),
	"c.held":             tx("召开时间", "Held"),
	"c.place":            tx("地点", "Place"),
	"c.attendee":         tx("人员", "Attendee"),
	"c.department":       tx("部门", "Department"),
	"c.attendance":       tx("出席", "Attendance"),
	"c.delegate":         tx("委托人", "Delegate"),
	"c.readiness":        tx("准备情况", "Readiness"),
	"c.decision":         tx("评审结论", "Decision"),
	"c.conditions":       tx("条件", "Conditions"),
	"v.not_signed":       tx("未签字", "not signed"),
	"v.no_decision":      tx("未决", "no decision"),
	"review.pass":        tx("通过", "Pass"),
	"review.conditional": tx("有条件通过", "Conditional pass"),
	"review.postpone":    tx("顺延", "Postpone"),
	"review.reject":      tx("不通过", "Reject"),
	"rd.checklist":       tx("准备清单", "Checklist"),
	"rd.conditions":      tx("未完成的评审条件", "Open review conditions"),
	"rd.deliverables":    tx("缺少交付物", "Deliverables missing"),
	"rd.approvals":       tx("待审批", "Approvals pending"),
	"rd.window":          tx("发布窗口有警告", "Window warnings"),
	"rd.emergency":       tx("紧急发布", "Emergency release"),
	"rd.package":         tx("未登记程序包摘要", "Package hash not recorded"),
	"rd.stale":           tx("交付物变更后审批作废", "Approvals dismissed by a changed deliverable"),
	"rd.submitted":       tx("已提交审批", "Submitted for approval"),
	"attend.present":     tx("出席", "Present"),
	"attend.delegated":   tx("委托", "Delegated"),
	"attend.absent":      tx("缺席", "Absent"),
}
