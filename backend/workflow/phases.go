package workflow

import "golive/backend/template"

// PhaseNames names each phase in both languages. It is the one source of
// these names: the printed documents use it, and the screens receive it
// with the app info (core.Info.Phases).
var PhaseNames = map[string]template.Text{
	PhaseDraft:        {Zh: "草稿", En: "Draft"},
	PhaseApproval:     {Zh: "审批中", En: "In approval"},
	PhaseFiling:       {Zh: "待备案", En: "Awaiting filing"},
	PhaseExecution:    {Zh: "发布实施中", En: "In execution"},
	PhaseConfirmation: {Zh: "待确认", En: "Awaiting confirmation"},
	PhaseFailed:       {Zh: "发布失败，待顺延", En: "Failed, to be postponed"},
	PhaseConfirmed:    {Zh: "已确认成功", En: "Confirmed"},
	PhaseArchived:     {Zh: "已归档", En: "Archived"},
}
