package demo

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base32"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"golive/backend/apperr"
	"golive/backend/dossier"
	"golive/backend/keys"
	"golive/backend/profile"
	"golive/backend/template"
	"golive/backend/workflow"
)

// Actor is a sample person: a profile holding one template role, with the
// private key derived from a public seed.
type Actor struct {
	Summary profile.Summary
	Key     ed25519.PrivateKey
}

// SampleDepartment is the department of a sample person when the
// template has no real department for him (see sampleUnit).
const SampleDepartment = "信息管理部"

// SampleActor returns the sample actor for role, named name.
func SampleActor(tpl *template.Template, role template.Role, name string, created time.Time) Actor {
	seed := sha256.Sum256([]byte("golive-sample-key/" + role.ID))
	priv := ed25519.NewKeyFromSeed(seed[:])
	pub := priv.Public().(ed25519.PublicKey)
	dept, _ := sampleUnit(tpl, role)
	return Actor{Key: priv, Summary: profile.Summary{
		ID:          profile.IDFor(pub),
		Identity:    profile.Identity{PublicKey: hex.EncodeToString(pub), Name: name, Department: dept, Roles: []string{role.ID}},
		Fingerprint: keys.Fingerprint(pub),
		CreatedAt:   created,
	}}
}

// Driver walks dossiers through the workflow with the real service, one
// signed action at a time, each by an actor holding the role it needs, on a
// clock it controls. The sample data and the workflow tests both use it, so
// everything they build passed the same checks a user's action does.
type Driver struct {
	Dossiers *dossier.Service
	Profiles *profile.Service
	Template *template.Template
	// Actors by role id.
	Actors map[string]Actor
	// Clock is the time the next action happens at (after a tick).
	Clock time.Time
	// Limit is a time no action may pass (now, for sample data).
	Limit time.Time
	// Rng varies step durations.
	Rng *rand.Rand

	// SharedContent, when set, stands for the dossier id in every sample
	// document the driver attaches: the dossiers of a large history share
	// their documents' contents (stored once, as the blob store keeps one
	// file per content) instead of writing a file per dossier.
	SharedContent string

	// created is the id of the dossier the sample builder made last.
	created string
	// ids counts the sample ids handed out.
	ids int
	// evenings holds, per moment the sample is built as of, the release
	// time of its first draft in preparation (buildDossier).
	evenings map[int64]time.Time
}

// sampleID returns the next dossier id of the sample portfolio: derived
// from a counter, so a rebuild gives the same ids (and the step durations
// drawn from Rng stay as they were).
func (d *Driver) sampleID(now time.Time) string {
	d.ids++
	sum := sha256.Sum256([]byte(fmt.Sprintf("golive-sample-dossier/%d", d.ids)))
	return "R" + now.Format("06") + base32.StdEncoding.EncodeToString(sum[:])[:9]
}

// Now is the driver's clock, for dossier.Service.Now.
func (d *Driver) Now() time.Time { return d.Clock }

// Tick advances the clock by between min and max.
func (d *Driver) Tick(minD, maxD time.Duration) {
	step := minD
	if maxD > minD {
		step += time.Duration(d.Rng.Int64N(int64(maxD - minD)))
	}
	d.Clock = d.Clock.Add(step)
	if !d.Limit.IsZero() && d.Clock.After(d.Limit) {
		d.Clock = d.Limit
	}
}

// As makes the actor holding role current.
func (d *Driver) As(role string) error {
	a, ok := d.Actors[role]
	if !ok {
		return apperr.New("profile.unknown_role", "role", role)
	}
	d.Profiles.ActAs(a.Summary, a.Key)
	return nil
}

// View returns the dossier's current view.
func (d *Driver) View(id string) (dossier.View, error) { return d.Dossiers.Get(id) }

// YesTo answers every item of items with 是.
func YesTo(items []template.Item, remark string) map[string]workflow.Answer {
	out := map[string]workflow.Answer{}
	for _, it := range items {
		out[it.ID] = workflow.Answer{Yes: true, Remark: remark}
	}
	return out
}

// SampleContent is a small text document standing in for a deliverable.
func SampleContent(dossierID, deliverable, name string, version int) string {
	return fmt.Sprintf("%s\n发布档案 %s · 交付物 %s · 第 %d 版\n（示例内容 / sample content）\n", name, dossierID, deliverable, version)
}

// content is the sample document the driver attaches to dossier id.
func (d *Driver) content(id, deliverable, name string, version int) string {
	if d.SharedContent != "" {
		id = d.SharedContent
	}
	return SampleContent(id, deliverable, name, version)
}

// Prepare completes the checklist and attaches every deliverable the
// approval steps list (the release package by hash only), as the start
// step's role.
func (d *Driver) Prepare(id string, skipOptional bool) error {
	v, err := d.View(id)
	if err != nil {
		return err
	}
	start := v.State.Plan.Start()
	if err := d.As(start.Role); err != nil {
		return err
	}
	for _, it := range d.Template.Checklist {
		status, note := dossier.StatusDone, "已确认，见评审会纪要及附件"
		if it.ID == "pre.training" && v.State.Subtype == "bugfix" {
			status, note = dossier.StatusNotApplicable, "缺陷修复不改变用户操作，无需培训"
		}
		d.Tick(20*time.Minute, 4*time.Hour)
		if _, err := d.Dossiers.SetChecklist(id, it.ID, status, note); err != nil && !apperr.HasCode(err, "dossier.nothing_changed") {
			return err
		}
	}
	for _, slot := range v.State.Plan.Slots() {
		for _, del := range slot.Deliverables {
			// A document the flow asks for again (SameAs) is given once,
			// where it is first asked for.
			if del.Generated || del.SameAs != "" || (skipOptional && !del.Required) {
				continue
			}
			if err := d.AttachVersion(id, del, 1); err != nil {
				return err
			}
		}
	}
	return nil
}

// AttachVersion attaches sample content as version n of del (by hash only
// for a package), as the current actor.
func (d *Driver) AttachVersion(id string, del template.Deliverable, n int) error {
	d.Tick(10*time.Minute, 90*time.Minute)
	name := del.Name.Zh
	if del.HashOnly {
		_, err := d.Dossiers.RecordPackageReader(id, del.ID, fmt.Sprintf("%s-release-v%d.zip", strings.ToLower(id), n),
			strings.NewReader(d.content(id, del.ID, name, n)), "", nil)
		return err
	}
	_, err := d.Dossiers.AttachReader(id, del.ID, fmt.Sprintf("%s-v%d.docx", name, n),
		strings.NewReader(d.content(id, del.ID, name, n)), "", nil)
	return err
}

// Submit submits as the start role with every item answered 是.
func (d *Driver) Submit(id string) error {
	v, err := d.View(id)
	if err != nil {
		return err
	}
	start := v.State.Plan.Start()
	if err := d.As(start.Role); err != nil {
		return err
	}
	d.Tick(30*time.Minute, 3*time.Hour)
	_, err = d.Dossiers.Submit(id, YesTo(start.Items, ""), "材料已齐全，提请审批")
	return err
}

// Decide has the role of slot step/row decide; approvals answer every item
// 是.
func (d *Driver) Decide(id, step, row, decision, returnTo, comment string) error {
	v, err := d.View(id)
	if err != nil {
		return err
	}
	spec, ok := v.State.Plan.Slot(step, row)
	if !ok {
		return apperr.New("workflow.unknown_slot", "step", step, "row", row)
	}
	if err := d.As(spec.Role); err != nil {
		return err
	}
	d.Tick(40*time.Minute, 6*time.Hour)
	_, err = d.Dossiers.Decide(id, dossier.DecideRequest{Step: step, Row: row, Decision: decision, ReturnTo: returnTo,
		Comment: comment, Answers: YesTo(spec.Items, "")})
	return err
}

// Pending returns the pending slots of the dossier, in order.
func (d *Driver) Pending(id string) ([]workflow.Slot, error) {
	v, err := d.View(id)
	if err != nil {
		return nil, err
	}
	var out []workflow.Slot
	for _, s := range v.State.Flow.Slots {
		if s.Status == workflow.SlotPending && v.State.Flow.Phase != workflow.PhaseDraft {
			out = append(out, s)
		}
	}
	return out, nil
}

// ApproveStep approves every pending slot (one approval step, or a whole
// countersign), at most limit slots when limit > 0.
func (d *Driver) ApproveStep(id string, limit int) error {
	pending, err := d.Pending(id)
	if err != nil {
		return err
	}
	for i, s := range pending {
		if limit > 0 && i >= limit {
			break
		}
		if err := d.Decide(id, s.Step, s.Row, workflow.DecisionApprove, "", "同意"); err != nil {
			return err
		}
	}
	return nil
}

// ApproveAll approves until the approval phase is over.
func (d *Driver) ApproveAll(id string) error {
	for i := 0; i < 50; i++ {
		v, err := d.View(id)
		if err != nil {
			return err
		}
		if v.State.Flow.Phase != workflow.PhaseApproval {
			return nil
		}
		if err := d.ApproveStep(id, 0); err != nil {
			return err
		}
	}
	return apperr.New("internal")
}

// File files the flow when it has a filing step waiting.
func (d *Driver) File(id string) error {
	v, err := d.View(id)
	if err != nil || v.State.Flow.Phase != workflow.PhaseFiling {
		return err
	}
	if err := d.As(v.State.Plan.StepOfKind(template.KindFiling).Role); err != nil {
		return err
	}
	d.Tick(30*time.Minute, 2*time.Hour)
	_, err = d.Dossiers.File(id, "审批意见已备案，抄送客户服务部总监")
	return err
}

// Runbook records the release's runbook, from its planned time on, and
// passing scenario tests: finished, once every step is done; else while
// the second step is under way. Like a person, it records only what has
// happened by the clock: a time still ahead is left blank.
func (d *Driver) Runbook(id string, finished bool) error {
	if err := d.As(d.Template.Settings.ReleaseOperatorRole); err != nil {
		return err
	}
	v, err := d.View(id)
	if err != nil {
		return err
	}
	at := v.State.PlannedAt
	res := func(s string) string {
		if finished {
			return s
		}
		return ""
	}
	rows := []workflow.RunbookRow{
		{Action: "停止应用服务并备份生产程序与数据库", PlannedAt: at.Format(time.RFC3339), StartedAt: at.Format(time.RFC3339), EndedAt: at.Add(20 * time.Minute).Format(time.RFC3339), Operator: d.Actors[d.Template.Settings.ReleaseOperatorRole].Summary.Name, Result: "ok"},
		{Action: "部署待发布程序包并执行数据库脚本", PlannedAt: at.Add(20 * time.Minute).Format(time.RFC3339), StartedAt: at.Add(22 * time.Minute).Format(time.RFC3339), EndedAt: at.Add(55 * time.Minute).Format(time.RFC3339), Operator: d.Actors[d.Template.Settings.ReleaseOperatorRole].Summary.Name, Result: res("ok")},
		{Action: "启动服务并检查日志与监控", PlannedAt: at.Add(time.Hour).Format(time.RFC3339), Operator: d.Actors[d.Template.Settings.ReleaseOperatorRole].Summary.Name, Result: res("ok")},
	}
	tests := []workflow.TestRow{{Name: "登录与首页", Expected: "正常登录", Actual: "正常", Passed: true}, {Name: "核心业务流程冒烟", Expected: "提交成功", Actual: "提交成功", Passed: true}}
	if finished {
		d.until(at.Add(55 * time.Minute))
	} else {
		d.until(at.Add(25 * time.Minute))
	}
	d.Tick(10*time.Minute, 30*time.Minute)
	for i := range rows {
		for _, v := range []*string{&rows[i].StartedAt, &rows[i].EndedAt} {
			if t, err := time.Parse(time.RFC3339, *v); err == nil && t.After(d.Clock) {
				*v = ""
			}
		}
	}
	if _, err = d.Dossiers.SaveRunbook(id, rows, tests); err != nil {
		return err
	}
	// The development department's on-call support during the release
	// (guideline 6.4.3(2)).
	dev := d.Actors["app_dev_director"].Summary.Name
	if dev == "" {
		return nil
	}
	_, err = d.Dossiers.SaveOnCall(id, []workflow.OnCall{{Name: dev, Phone: "021-6888 0000", From: at.Format(time.RFC3339), Until: at.Add(3 * time.Hour).Format(time.RFC3339)}})
	return err
}

// until moves the clock on to t, if it is earlier, but not past Limit.
func (d *Driver) until(t time.Time) {
	if d.Clock.Before(t) {
		d.Clock = t
	}
	if !d.Limit.IsZero() && d.Clock.After(d.Limit) {
		d.Clock = d.Limit
	}
}

// Execute runs the release: runbook, package check (a different package
// and an override when mismatch), release done, and supervision.
func (d *Driver) Execute(id string, mismatch, supervise bool) error {
	if err := d.Runbook(id, true); err != nil {
		return err
	}
	v, err := d.View(id)
	if err != nil {
		return err
	}
	if pkg, ok := v.State.Plan.Package(); ok && v.State.Flow.Latest(pkg.ID) != nil {
		n := len(v.State.Flow.Deliverables[pkg.ID])
		content := d.content(id, pkg.ID, pkg.Name.Zh, n)
		if mismatch {
			content += "hotfix\n"
		}
		d.Tick(5*time.Minute, 15*time.Minute)
		if _, err := d.Dossiers.CheckPackageReader(id, "deployed.zip", strings.NewReader(content), nil); err != nil {
			return err
		}
		if mismatch {
			d.Tick(5*time.Minute, 15*time.Minute)
			if _, err := d.Dossiers.Override(id, "现场发现配置文件需修正，重新打包；差异已由应用开发部总监电话确认"); err != nil {
				return err
			}
		}
	}
	d.Tick(20*time.Minute, 60*time.Minute)
	if _, err := d.Dossiers.Release(id, "按发布手册执行完毕"); err != nil {
		return err
	}
	if !supervise {
		return nil
	}
	if err := d.As(d.Template.Settings.SupervisorRole); err != nil {
		return err
	}
	d.Tick(10*time.Minute, 40*time.Minute)
	_, err = d.Dossiers.Supervise(id, "全程监督核查，操作与发布手册一致")
	return err
}

// sameDayTest records the requesting side's same-day test at tested: the
// project manager (or the first collecting role) attaches the release
// test confirmation the release type names, and the business confirmer
// signs the record with their own profile. Under a template without
// same-day test roles the confirmer's name is typed, as it used to be.
func (d *Driver) sameDayTest(id string, p *workflow.Plan, tested time.Time) error {
	req := dossier.SameDayTestRequest{ConfirmedBy: "需求部门 王经理", TestedAt: tested.Format(time.RFC3339), Note: "当天完成业务验证"}
	if len(p.SameDayTestRoles) == 0 {
		_, err := d.Dossiers.SameDayTest(id, req)
		return err
	}
	if err := d.As(p.SameDayTestRoles[0]); err != nil {
		return err
	}
	if doc := p.SameDayTestDocument; doc != "" {
		for _, sd := range d.Template.Documents {
			if sd.ID == doc {
				if err := d.AttachVersion(id, template.Deliverable{ID: workflow.DocPrefix + doc, Name: sd.Name, Document: doc}, 1); err != nil {
					return err
				}
			}
		}
	}
	if r := p.SameDayTestConfirmerRole; r != "" {
		if err := d.As(r); err != nil {
			return err
		}
		req.ConfirmedBy = d.Actors[r].Summary.Name
	}
	_, err := d.Dossiers.SameDayTest(id, req)
	return err
}

// Confirm confirms success (attaching the confirmation step's documents
// and, where needed, the same-day test) or failure with a rollback.
func (d *Driver) Confirm(id string, success bool) error {
	v, err := d.View(id)
	if err != nil {
		return err
	}
	step := v.State.Plan.Confirm()
	if err := d.As(step.Role); err != nil {
		return err
	}
	if success {
		if v.State.Plan.SameDayTest {
			d.Tick(30*time.Minute, 90*time.Minute)
			// The requesting side tested on release night, shortly after
			// the release; it is put on record now.
			tested := d.Clock
			if rel := v.State.Flow.Execution.Released; rel != nil && rel.At.Add(10*time.Minute).Before(tested) {
				tested = rel.At.Add(10 * time.Minute)
			}
			if err := d.sameDayTest(id, v.State.Plan, tested); err != nil {
				return err
			}
			if err := d.As(step.Role); err != nil {
				return err
			}
		}
		for _, del := range step.Deliverables {
			if err := d.AttachVersion(id, del, 1); err != nil {
				return err
			}
		}
	}
	items := append(append([]template.Item(nil), step.Items...), v.State.Plan.ConfirmationItems...)
	answers := YesTo(items, "")
	rollback := ""
	if !success {
		answers = map[string]workflow.Answer{}
		for _, it := range items {
			answers[it.ID] = workflow.Answer{Yes: false, Remark: "发布后核心交易报错"}
		}
		rollback = "已按回退方案恢复原版本程序与数据库备份，生产环境与发布前一致"
	}
	d.Tick(30*time.Minute, 2*time.Hour)
	_, err = d.Dossiers.Confirm(id, success, answers, rollback, "")
	return err
}

// Postpone moves the release as the postpone step's role: to the next
// open window of its class when it has a window, else to plannedAt.
func (d *Driver) Postpone(id string, plannedAt time.Time) error {
	v, err := d.View(id)
	if err != nil {
		return err
	}
	if err := d.As(v.State.Plan.StepOfKind(template.KindPostpone).Role); err != nil {
		return err
	}
	d.Tick(time.Hour, 5*time.Hour)
	windowID := ""
	if v.State.Window != "" {
		w, err := d.Dossiers.ProposePostponement(id)
		if err != nil {
			return err
		}
		windowID = w.ID
	}
	_, err = d.Dossiers.Postpone(id, true, "发布后核心交易报错，已回退", "与需求部门沟通后顺延至下一发布窗口，补充回归测试", plannedAt.Format(time.RFC3339), windowID)
	return err
}

// PostReview records, as the unlocked profile, the post-release review of
// a confirmed release whose mode asks for one.
func (d *Driver) PostReview(id string) error {
	d.Tick(time.Hour, 20*time.Hour)
	_, err := d.Dossiers.RecordPostReview(id, dossier.PostReviewRequest{
		Findings:     "发布前未完成全量回归，上线后发现一处报表导出格式问题",
		Actions:      "补充自动化回归用例；紧急发布后两个工作日内完成复盘会",
		Participants: "项目经理、系统所有人、发布操作人员",
	})
	return err
}

// Archive archives as the first archive role, explaining absent documents
// (after the post-release review its mode asks for, if any).
func (d *Driver) Archive(id string) error {
	v, err := d.View(id)
	if err != nil {
		return err
	}
	role := d.Template.Settings.ArchiveRoles[0]
	if s := v.State.Plan.Start(); s != nil && contains(d.Template.Settings.ArchiveRoles, s.Role) {
		role = s.Role
	}
	if err := d.As(role); err != nil {
		return err
	}
	if r := v.State.Plan.PostReview; r != nil && v.State.Flow.PostReview == nil {
		if err := d.PostReview(id); err != nil {
			return err
		}
	}
	present := v.State.Flow.DocumentsPresent(v.State.Plan)
	na := map[string]string{}
	for _, doc := range d.Template.Documents {
		if !present[doc.ID] {
			na[doc.ID] = "本次为缺陷修复，不涉及该文档的变更"
		}
	}
	d.Tick(time.Hour, 30*time.Hour)
	_, err = d.Dossiers.Archive(id, na)
	return err
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
