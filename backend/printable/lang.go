package printable

import (
	"strings"

	"golive/backend/apperr"
	"golive/backend/template"
	"golive/backend/workflow"
)

// Lang is a document language.
type Lang string

// Languages.
const (
	// Zh is Simplified Chinese, the default.
	Zh Lang = "zh"
	// En is English.
	En Lang = "en"
)

// ParseLang reads "zh", "zh-CN", "en", "en-US" or "" (Chinese). Code
// printable.bad_lang otherwise.
func ParseLang(s string) (Lang, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "zh", "zh-cn", "zh_cn", "zh-hans", "cn":
		return Zh, nil
	case "en", "en-us", "en_us", "en-gb":
		return En, nil
	}
	return "", apperr.New("printable.bad_lang", "lang", s)
}

// T picks the text in l, falling back to the other language.
func (l Lang) T(t template.Text) string {
	if l == En && t.En != "" {
		return t.En
	}
	if t.Zh != "" {
		return t.Zh
	}
	return t.En
}

// L returns the label key in l; unknown keys come back as themselves.
func (l Lang) L(key string) string {
	t, ok := labels[key]
	if !ok {
		return key
	}
	return l.T(t)
}

func tx(zh, en string) template.Text { return template.Text{Zh: zh, En: en} }

// labels are the fixed texts documents print.
var labels = map[string]template.Text{
	// document titles
	"title.confirmation":      tx("系统上线申请确认书", "Go-live Application Confirmation"),
	"title.approvals":         tx("审批记录", "Approval Record"),
	"title.test-confirmation": tx("系统发布测试确认书", "Release Test Confirmation"),
	"title.user-confirmation": tx("用户确认书", "User Confirmation"),
	"title.plan":              tx("发布窗口计划", "Release Window Plan"),
	"title.archive-index":     tx("归档清单", "Archive Index"),
	"title.release-note":      tx("系统上线手册(ReleaseNote)", "Go-live Manual (Release Note)"),
	"title.application":       tx("发布申请", "Release Application"),
	"title.approval-opinions": tx("审批意见", "Approval Opinions"),
	// sections
	"sec.summary":      tx("发布档案概况", "Dossier summary"),
	"sec.content":      tx("发布内容", "Release content"),
	"sec.checklist":    tx("上线准备：必要条件与管理计划", "Preparation: preconditions and plans"),
	"sec.approvals":    tx("审批意见", "Approvals"),
	"sec.submission":   tx("发布申请与提交", "Application and submission"),
	"sec.submitted":    tx("提交的发布材料", "Documents submitted"),
	"sec.history":      tx("审批过程", "Approval history"),
	"sec.runbook":      tx("发布执行情况", "Release execution"),
	"sec.tests":        tx("场景测试结果", "Scenario tests"),
	"sec.confirmation": tx("发布确认", "Release confirmation"),
	"sec.signoffs":     tx("签署", "Sign-offs"),
	"sec.attempts":     tx("以往发布尝试与顺延", "Earlier attempts and postponements"),
	"sec.documents":    tx("标准发布材料", "Standard release documents"),
	"sec.deliverables": tx("交付物与版本", "Deliverables and versions"),
	"sec.verify":       tx("验证信息", "Verification"),
	"sec.windows":      tx("发布窗口", "Release windows"),
	"sec.steps":        tx("上线步骤", "Go-live steps"),
	"sec.rollback":     tx("回退与验证", "Rollback and verification"),
	// summary fields
	"f.id":         tx("发布档案编号", "Dossier No."),
	"f.system":     tx("系统", "System"),
	"f.title":      tx("发布名称", "Release"),
	"f.type":       tx("发布类型", "Release type"),
	"f.mode":       tx("发布方式", "Release mode"),
	"f.version":    tx("版本", "Version"),
	"f.planned":    tx("计划发布时间", "Planned release"),
	"f.window":     tx("发布窗口", "Release window"),
	"f.pm":         tx("项目经理", "Project manager"),
	"f.owner":      tx("应用部门系统所有人", "System owner"),
	"f.entity":     tx("法人主体", "Legal entity"),
	"f.method":     tx("发布方式说明", "Release method"),
	"f.stage":      tx("当前阶段", "Stage"),
	"f.phase":      tx("流程状态", "Workflow state"),
	"f.template":   tx("流程模板", "Process template"),
	"f.created":    tx("创建", "Created"),
	"f.applicant":  tx("申请人", "Applicant"),
	"f.emergency":  tx("紧急发布：未经完整测试", "Emergency release: not fully tested"),
	"f.override":   tx("程序包哈希不一致，已说明后放行", "Package hash mismatch accepted with an explanation"),
	"f.year":       tx("年度", "Year"),
	"f.number":     tx("文档编号", "Document No."),
	"f.event":      tx("生成依据事件", "Made from event"),
	"f.heads":      tx("并行分支头", "Branch heads"),
	"f.generated":  tx("生成时间", "Generated"),
	"f.exporter":   tx("导出人", "Exported by"),
	"f.cert":       tx("证书指纹", "Certificate"),
	"f.digest":     tx("内容摘要", "Content digest"),
	"f.verifyhint": tx("核验：golive verify 文件名.pdf —— 检查数字签名，并与本机的发布档案记录逐项比对。", "Check with: golive verify FILE.pdf — verifies the digital signature and compares with the local dossier records."),
	// columns
	"c.no":          tx("序号", "No."),
	"c.kind":        tx("类型", "Kind"),
	"c.ref":         tx("编号", "Ref."),
	"c.desc":        tx("说明", "Description"),
	"c.item":        tx("事项", "Item"),
	"c.status":      tx("状态", "Status"),
	"c.note":        tx("说明/证据", "Note / evidence"),
	"c.by":          tx("确认人", "By"),
	"c.time":        tx("时间", "Time"),
	"c.step":        tx("环节", "Step"),
	"c.role":        tx("审批角色", "Role"),
	"c.approver":    tx("审批人", "Approver"),
	"c.decision":    tx("意见", "Decision"),
	"c.remark":      tx("备注", "Remark"),
	"c.items":       tx("审批内容", "Approval items"),
	"c.actor":       tx("操作人", "By"),
	"c.action":      tx("操作", "Action"),
	"c.detail":      tx("说明", "Detail"),
	"c.event":       tx("事件", "Event"),
	"c.runstep":     tx("步骤", "Step"),
	"c.planned":     tx("计划时间", "Planned"),
	"c.started":     tx("开始", "Started"),
	"c.ended":       tx("结束", "Ended"),
	"c.operator":    tx("执行人", "Operator"),
	"c.result":      tx("结果", "Result"),
	"c.test":        tx("测试场景", "Scenario"),
	"c.expected":    tx("预期结果", "Expected"),
	"c.actual":      tx("实际结果", "Actual"),
	"c.passed":      tx("是否通过", "Passed"),
	"c.signer":      tx("签署人", "Signed by"),
	"c.fingerprint": tx("公钥指纹", "Key fingerprint"),
	"c.how":         tx("签署方式", "How"),
	"c.for":         tx("签署事项", "For"),
	"c.document":    tx("文档", "Document"),
	"c.deliverable": tx("交付物", "Deliverable"),
	"c.ver":         tx("版本", "Ver."),
	"c.file":        tx("文件名", "File"),
	"c.size":        tx("大小", "Size"),
	"c.sha":         tx("SHA-256", "SHA-256"),
	"c.window":      tx("窗口", "Window"),
	"c.date":        tx("日期", "Date"),
	"c.weekday":     tx("星期", "Weekday"),
	"c.dossiers":    tx("发布档案", "Dossiers"),
	"c.answer":      tx("是/否", "Yes/No"),
	// values
	"v.yes":       tx("是", "Yes"),
	"v.no":        tx("否", "No"),
	"v.submitted": tx("已提交", "Submitted"),
	"v.approved":  tx("同意", "Approved"),
	"v.delegated": tx("（受托审批）", " (delegate)"),
	"v.pending":   tx("待审批", "Pending"),
	"v.stale":     tx("待重新审批（材料已更新）", "Pending again (material changed)"),
	"v.waiting":   tx("未开始", "Not reached"),
	"v.filed":     tx("已备案", "Filed"),
	"v.notfiled":  tx("未备案", "Not filed"),
	"v.self":      tx("自签", "self-signed"),
	"v.witnessed": tx("在场签字", "witnessed"),
	"v.success":   tx("发布成功", "Release succeeded"),
	"v.failure":   tx("发布失败", "Release failed"),
	"v.passed":    tx("通过", "Passed"),
	"v.failed":    tx("未通过", "Failed"),
	"v.ok":        tx("成功", "OK"),
	"v.runfailed": tx("失败", "Failed"),
	"v.skipped":   tx("跳过", "Skipped"),
	"v.open":      tx("未完成", "Open"),
	"v.present":   tx("已归档", "Filed"),
	"v.na":        tx("不适用", "Not applicable"),
	"v.missing":   tx("缺失", "Missing"),
	"v.hashonly":  tx("仅记录哈希", "hash only"),
	"v.none":      tx("（无）", "(none)"),
	"v.notyet":    tx("（尚未发生）", "(not yet)"),
	"v.emergency": tx("紧急", "Emergency"),
	"v.ignored":   tx("（未生效）", " (not applied)"),
	"v.match":     tx("一致", "match"),
	"v.mismatch":  tx("不一致", "mismatch"),
	"v.sample":    tx("示例", "SAMPLE"),
	"v.attempt":   tx("第 %d 次发布", "Attempt %d"),
	"v.cr":        tx("需求变更", "CR"),
	"v.bug":       tx("缺陷", "Bug"),

	// v.witnessmark and v.onbehalf follow a decision in words: 在场签字
	// (handwritten on another's screen) and 代审批 (by roster delegation).
	"v.witnessmark": tx("（在场签字）", " (witnessed)"),
	"v.onbehalf":    tx("（代 %s 审批）", " (on behalf of %s)"),
	// actions in the history
	"a.dossier.created":      tx("创建发布档案", "Created the dossier"),
	"a.dossier.updated":      tx("修改发布档案信息", "Edited the dossier"),
	"a.checklist.set":        tx("确认准备事项", "Set a checklist item"),
	"a.stage.advanced":       tx("进入准备阶段", "Moved to preparation"),
	"a.note.added":           tx("备注", "Note"),
	"a.deliverable.attached": tx("上传交付物", "Attached a deliverable"),
	"a.flow.submitted":       tx("提交审批", "Submitted for approval"),
	"a.flow.decided.approve": tx("审批同意", "Approved"),
	"a.flow.decided.return":  tx("退回", "Returned"),
	"a.flow.withdrawn":       tx("撤回申请", "Withdrew the application"),
	"a.flow.transferred":     tx("转交审批", "Transferred the decision"),
	"a.flow.commented":       tx("评论", "Commented"),
	"a.flow.urged":           tx("催办", "Sent a reminder"),
	"a.flow.filed":           tx("流程备案", "Filed the approved flow"),
	"a.exec.runbook":         tx("记录发布步骤与测试", "Recorded the runbook and tests"),
	"a.exec.package_checked": tx("核对程序包哈希", "Checked the package hash"),
	"a.exec.override":        tx("说明后放行哈希不一致", "Accepted a package mismatch"),
	"a.exec.released":        tx("发布完成", "Release done"),
	"a.exec.supervised":      tx("监督核查", "Supervised the release"),
	"a.exec.same_day_test":   tx("需求方当天测试确认", "Same-day test confirmed"),
	"a.flow.confirmed.true":  tx("确认发布成功", "Confirmed success"),
	"a.flow.confirmed.false": tx("确认发布失败", "Confirmed failure"),
	"a.flow.postponed":       tx("系统上线顺延", "Postponed the release"),
	"a.dossier.archived":     tx("归档", "Archived"),
	"a.trial_issue.opened":   tx("记录试运行问题", "Recorded a trial-run issue"),
	"a.trial_issue.closed":   tx("关闭试运行问题", "Closed a trial-run issue"),
	// signatures of execution and confirmation
	"s.released":   tx("发布执行（系统发布岗）", "Release (release operator)"),
	"s.supervised": tx("监督核查", "Supervision"),
	"s.confirmed":  tx("发布确认", "Release confirmation"),
	"s.override":   tx("哈希不一致放行", "Package mismatch override"),
	"s.sameday":    tx("需求方当天测试", "Same-day test"),
	"s.oncall":     tx("开发部门值守支持", "Development on call"),
	"d.witnessed":  tx("在场手写签字", "signed by hand, witnessed"),
	"s.filing":     tx("流程备案", "Filing"),
	"s.archive":    tx("归档", "Archive"),
	"s.package":    tx("程序包核对", "Package check"),
}

// Words not in the template: the phases come from workflow.PhaseNames (the
// screens show the same), the rest are the documents' own.
func init() {
	for id, name := range workflow.PhaseNames {
		labels["p."+id] = name
	}
	for k, v := range map[string]template.Text{
		"st.not_started":    tx("未开始", "Not started"),
		"st.in_progress":    tx("进行中", "In progress"),
		"st.done":           tx("已完成", "Done"),
		"st.not_applicable": tx("不适用", "Not applicable"),
		"g.precondition":    tx("必要条件", "Precondition"),
		"g.plan":            tx("管理计划", "Plan"),
		"d.return_to":       tx("退回至：", "Returned to: "),
		"d.to":              tx("转交给：", "Transferred to: "),
		"d.rollback":        tx("回退：", "Rollback: "),
		"d.to_date":         tx("顺延至：", "Moved to: "),
		"d.fields":          tx("修改：", "Changed: "),
		"d.stale":           tx("（覆盖的材料已更新，原审批失效）", " (covered material changed; the earlier approval was dismissed)"),
		"d.delegate":        tx("已转交：", "Transferred to: "),
		"d.witnessed_by":    tx("在场签字见证：", "Witnessed by: "),
		"d.urges":           tx("催办 %d 次", "%d reminders"),
	} {
		labels[k] = v
	}
}

func init() {
	for k, v := range map[string]template.Text{
		"c.cs":            tx("会签·", "Countersign · "),
		"title.register":  tx("审批登记簿", "Approval Register"),
		"title.stats":     tx("发布统计", "Release Statistics"),
		"s.total":         tx("合计", "Total"),
		"title.usertest":  tx("用户测试报告", "User Test Report"),
		"r.id":            tx("编号", "No."),
		"r.system_code":   tx("系统代码", "System code"),
		"r.system_name":   tx("系统名称", "System"),
		"r.title":         tx("发布名称", "Release"),
		"r.type":          tx("发布类型", "Type"),
		"r.mode":          tx("发布方式", "Mode"),
		"r.version":       tx("版本", "Version"),
		"r.window":        tx("发布窗口", "Window"),
		"r.planned":       tx("计划发布时间", "Planned"),
		"r.stage":         tx("当前阶段", "Stage"),
		"r.phase":         tx("流程状态", "State"),
		"r.created":       tx("创建时间", "Created"),
		"r.submitted":     tx("提交时间", "Submitted"),
		"r.approved":      tx("审批完成时间", "Approved"),
		"r.released":      tx("发布时间", "Released"),
		"r.confirmed":     tx("确认时间", "Confirmed"),
		"r.result":        tx("发布结果", "Result"),
		"r.postponements": tx("顺延次数", "Postponements"),
		"r.archived":      tx("归档时间", "Archived"),
		"r.entity":        tx("法人主体", "Legal entity"),
		"r.emergency":     tx("紧急", "Emergency"),
		"r.approver":      tx("审批人", "approver"),
		"r.decision":      tx("意见", "decision"),
		"r.time":          tx("时间", "time"),
	} {
		labels[k] = v
	}
}
