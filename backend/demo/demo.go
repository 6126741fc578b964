// Package demo builds GoLive's sample portfolio: sample profiles (one per
// template role, their keys marked as sample keys), a register of
// application systems that call each other, and release dossiers spread over
// types, modes, months and stages, each with a plausible signed history.
//
// The portfolio is deterministic for a given reference time: the same
// folder contents come out of every run on the same day.
package demo

import (
	"fmt"
	"math/rand/v2"
	"time"

	"golive/backend/dossier"
	"golive/backend/keys"
	"golive/backend/profile"
	"golive/backend/roster"
	"golive/backend/system"
	"golive/backend/template"
	"golive/backend/window"
	"golive/backend/workflow"
)

// SamplePassphrase opens every sample profile.
const SamplePassphrase = "golive-sample"

// sampleKDF is cheap on purpose: sample keys protect nothing.
var sampleKDF = keys.KDF{Time: 1, MemoryKiB: 8 * 1024, Threads: 1}

// Target is where Build writes.
type Target struct {
	Profiles *profile.Service
	Systems  *system.Register
	Dossiers *dossier.Service
	Template *template.Template
	Zone     *time.Location
	// Now is the reference time; zero means time.Now().
	Now time.Time
	// PublishRoster, when set, publishes a roster version signed by the
	// unlocked profile (core.Core.PublishRoster): the sample then gets its
	// organisation roster and the events that show what the roster
	// decides (rosterStory). Nil leaves the sample without a roster.
	PublishRoster func(roster.Roster) (roster.Version, error)
	// CountEvents, when set, counts the events the store holds; a scale
	// with a history counts its events with it.
	CountEvents func() (int, error)
}

// Summary counts what Build wrote.
type Summary struct {
	Profiles int `json:"profiles"`
	Systems  int `json:"systems"`
	Dossiers int `json:"dossiers"`
	Events   int `json:"events"`
	// Placed names the dossier each sample scenario left, in build order
	// (not sent to the frontend; tests pick dossiers in a known state).
	Placed []Placed `json:"-"`
}

// Placed is one sample dossier and the state its scenario leaves it in.
type Placed struct {
	// ID is the dossier id.
	ID string
	// Type, Subtype and Mode are the dossier's.
	Type, Subtype, Mode string
	// Target names the state, e.g. "countersign", "step3", "archived".
	Target string
}

var people = []string{"张伟", "李娜", "王芳", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "周杰", "吴婷", "徐强", "孙丽", "马超", "朱琳", "胡斌", "郭鹏", "何雪", "高远", "林峰", "罗欣"}

var systems = []system.System{
	{Code: "ESB", Name: "企业服务总线", Department: "基础应用部", Class: "java"},
	{Code: "DW", Name: "数据仓库", Department: "数据与集成应用部", Class: "other"},
	{Code: "CRM", Name: "客户关系管理系统", Department: "业务应用部", Class: "java", Calls: []string{"ESB"}},
	{Code: "RISK", Name: "风险管理系统", Department: "业务应用部", Class: "java", Calls: []string{"DW", "ESB"}},
	{Code: "LEASE", Name: "融资租赁业务系统", Department: "业务应用部", Class: "java", Calls: []string{"CRM", "RISK", "ESB"}},
	{Code: "ARCH", Name: "电子档案系统", Department: "基础应用部", Class: "dotnet"},
	{Code: "CONTRACT", Name: "合同管理系统", Department: "业务应用部", Class: "java", Calls: []string{"LEASE", "ARCH"}},
	{Code: "FIN", Name: "财务核算系统", Department: "基础应用部", Class: "packaged", Calls: []string{"ESB"}},
	{Code: "HR", Name: "人力资源系统", Department: "基础应用部", Class: "packaged"},
	{Code: "OA", Name: "协同办公系统", Department: "基础应用部", Class: "dotnet", Calls: []string{"HR", "ARCH"}},
	{Code: "CS1890", Name: "1890客服系统", Department: "客户服务部", Class: "dotnet", Calls: []string{"CRM"}},
	{Code: "PORTAL", Name: "客户门户网站", Department: "业务应用部", Class: "web", WebFacing: true, Calls: []string{"ESB", "CRM"}},
	{Code: "APP", Name: "移动展业App", Department: "业务应用部", Class: "web", WebFacing: true, Calls: []string{"ESB", "LEASE"}},
	{Code: "BI", Name: "经营分析平台", Department: "数据与集成应用部", Class: "other", Calls: []string{"DW"}},
}

var changes = []string{"租金计划表支持不规则还款", "客户360视图增加关联企业", "审批流支持会签", "报表导出性能优化", "登录支持短信验证码", "合同模板增加电子签章", "资产五级分类自动计算", "凭证接口对接新总账", "移动端待办推送", "逾期提醒规则可配置", "影像件批量上传", "数据字典同步至ESB"}
var bugs = []string{"利率四舍五入误差", "导出Excel中文乱码", "会话超时后重复提交", "附件预览空白", "并发审批状态错乱", "月末批处理超时"}

// Build writes the sample portfolio into t and unlocks the sample project
// manager's profile.
func Build(t Target) (Summary, error) { return BuildScale(t, Small, nil) }

// BuildScale writes a sample portfolio of scale sc into t, telling
// progress (when not nil) after each dossier of the history, and unlocks
// the sample project manager's profile. A larger scale writes its systems
// and its history first, then the small sample's dossiers as of now.
func BuildScale(t Target, sc Scale, progress Progress) (Summary, error) {
	now := t.Now
	if now.IsZero() {
		now = time.Now()
	}
	now = now.In(t.Zone)
	var sum Summary
	d := &Driver{Dossiers: t.Dossiers, Profiles: t.Profiles, Template: t.Template, Actors: map[string]Actor{},
		Limit: now.Add(-time.Minute), Rng: rand.New(rand.NewPCG(uint64(now.Year()), uint64(now.YearDay())))}
	for i, role := range t.Template.Roles {
		a := SampleActor(t.Template, role, people[i%len(people)], now.AddDate(0, -7, 0).Add(time.Duration(i)*time.Minute))
		a.Summary.Sample = true
		if err := t.Profiles.ImportSample(a.Summary, a.Key, SamplePassphrase, sampleKDF, i == 0); err != nil {
			return sum, err
		}
		d.Actors[role.ID] = a
		sum.Profiles++
	}
	owners := []string{"李娜", "刘洋", "陈静", "杨帆", "赵磊"}
	for i, s := range systems {
		s.Owner = owners[i%len(owners)]
		if _, err := t.Systems.Save(s, true); err != nil {
			return sum, err
		}
		sum.Systems++
	}
	codes := make([]string, 0, sc.Systems)
	for _, s := range systems {
		codes = append(codes, s.Code)
	}
	for i, s := range moreSystems(sc.Systems - len(systems)) {
		s.Owner = owners[i%len(owners)]
		if _, err := t.Systems.Save(s, true); err != nil {
			return sum, err
		}
		codes = append(codes, s.Code)
		sum.Systems++
	}
	// The same reference time gives the same portfolio: clock, durations
	// and dossier ids all come from the driver.
	saved, savedID := t.Dossiers.Now, t.Dossiers.MakeID
	t.Dossiers.Now, t.Dossiers.MakeID = d.Now, d.sampleID
	defer func() { t.Dossiers.Now, t.Dossiers.MakeID = saved, savedID }()
	if err := buildHistory(t, d, sc, now, codes, progress, &sum); err != nil {
		return sum, err
	}
	for i, s := range scenarios() {
		if err := buildDossier(t, d, s, i, now, sampleSystem(s, i)); err != nil {
			return sum, fmt.Errorf("sample dossier %d (%s): %w", i+1, s.target, err)
		}
		sum.Placed = append(sum.Placed, Placed{ID: d.created, Type: s.typ, Subtype: s.sub, Mode: s.mode, Target: s.target})
		sum.Dossiers++
		if progress != nil {
			progress(sum.Dossiers, sc.Dossiers)
		}
	}
	if t.PublishRoster != nil {
		if err := d.rosterStory(t, now); err != nil {
			return sum, err
		}
	}
	if sc.Years == 0 {
		list, err := t.Dossiers.List(dossier.Filter{})
		if err != nil {
			return sum, err
		}
		for _, s := range list {
			v, err := t.Dossiers.Get(s.ID)
			if err != nil {
				return sum, err
			}
			sum.Events += v.State.Events
		}
	} else if t.CountEvents != nil {
		// Folding every dossier again only to count would double the
		// build of a large portfolio: the store counts its keys.
		n, err := t.CountEvents()
		if err != nil {
			return sum, err
		}
		sum.Events = n
	}
	pm := d.Actors["project_manager"]
	t.Profiles.ActAs(pm.Summary, pm.Key)
	return sum, nil
}

// scenario is one sample dossier: its kind and how far it gets.
type scenario struct {
	typ, sub, mode string
	// target names the state the dossier is left in.
	target string
}

// Targets the sample covers: every state of both flows.
const (
	tPlanning     = "planning"
	tPreparation  = "preparation"
	tCountersign  = "countersign"   // some rows signed
	tStep         = "step"          // pending at approval step n (see steps)
	tReturned     = "returned"      // returned to the submitter
	tReturnedStep = "returned_step" // returned from PMO to the countersign
	tWithdrawn    = "withdrawn"
	tTransferred  = "transferred"
	tStale        = "stale"
	tFiling       = "filing"
	tExecuting    = "executing"
	tReleased     = "released"
	tConfirming   = "confirming"
	tFailed       = "failed"
	tPostponed    = "postponed"
	tConfirmed    = "confirmed"
	tArchived     = "archived"
	tOverride     = "override"
)

func scenarios() []scenario {
	up, ns := "upgrade", "new_system"
	out := []scenario{
		{up, "cr", "planned", tPlanning}, {ns, "", "planned", tPlanning}, {up, "bugfix", "planned", tPreparation},
		{up, "cr", "planned", tPreparation}, {up, "cr", "planned", tCountersign}, {ns, "", "planned", tCountersign},
		{up, "cr", "planned", tStep + "3"}, {up, "bugfix", "planned", tStep + "4"}, {ns, "", "planned", tStep + "3"},
		{ns, "", "planned", tStep + "4"}, {ns, "", "planned", tStep + "5"}, {ns, "", "planned", tStep + "6"},
		{up, "cr", "planned", tReturned}, {up, "cr", "planned", tReturnedStep}, {up, "bugfix", "planned", tWithdrawn},
		{up, "cr", "planned", tTransferred}, {up, "cr", "planned", tStale}, {up, "bugfix", "emergency", tStep + "2"},
		{up, "bugfix", "emergency", tArchived}, {ns, "", "planned", tFiling}, {up, "cr", "planned", tExecuting},
		{ns, "", "planned", tExecuting}, {up, "cr", "planned", tReleased}, {up, "cr", "planned", tConfirming},
		{ns, "", "planned", tConfirming}, {up, "cr", "planned", tFailed}, {ns, "", "planned", tFailed},
		{up, "cr", "planned", tPostponed}, {up, "bugfix", "planned", tConfirmed}, {up, "cr", "planned", tOverride},
		{up, "bugfix", "emergency", tConfirmed}, {ns, "", "planned", tArchived}, {ns, "", "planned", tConfirmed},
		{ns, "", "planned", tArchived},
	}
	for i := 0; len(out) < 46; i++ {
		sub := []string{"cr", "bugfix"}[i%2]
		out = append(out, scenario{up, sub, "planned", tArchived})
	}
	return out
}

// plannedFor picks a release time that fits how far the dossier gets.
// sampleEntities are the legal entities (法人主体) sample dossiers concern.
var sampleEntities = []string{"远东宏信有限公司", "远东国际融资租赁有限公司", "宏信建设发展有限公司"}

// sampleReleaseMethod is how a sample new system is released (发布方式说明).
const sampleReleaseMethod = "停机发布：旧入口冻结后全量部署至总部生产环境，业务验证通过后开放访问；验证失败则回退至发布前状态。"

func plannedFor(sc scenario, i int, now time.Time, rng *rand.Rand, loc *time.Location) time.Time {
	day := func(offset int) time.Time {
		return time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, loc).AddDate(0, 0, offset)
	}
	var base time.Time
	switch sc.target {
	case tArchived:
		base = day(-25 - (i*11)%160)
	case tConfirmed, tOverride:
		base = day(-10 - rng.IntN(10))
	case tExecuting, tReleased, tConfirming, tFailed, tPostponed:
		base = day(-1 - rng.IntN(2))
	case tPlanning:
		base = day(40 + rng.IntN(60))
	case tPreparation:
		base = day(20 + rng.IntN(40))
	default:
		base = day(3 + rng.IntN(20))
		if sc.mode == "emergency" {
			base = day(1 + i%3) // an emergency is released within days
		}
	}
	// Planned upgrades then snap to a release window (buildDossier).
	if sc.mode == "emergency" {
		return base.Add(21 * time.Hour)
	}
	return base.Add(20 * time.Hour)
}

// emergencyLeadDays is how many days before its release a sample
// emergency dossier is created.
const emergencyLeadDays = 5

var titles = map[string]string{"new_system": "新系统上线", "cr": "需求变更发布", "bugfix": "缺陷修复发布"}

// sampleSystem is the system of the i-th dossier of the sample.
func sampleSystem(sc scenario, i int) string {
	if sc.typ == "new_system" {
		return systems[[]int{12, 11, 13, 6, 5}[i%5]].Code
	}
	return systems[(i*5+3)%len(systems)].Code
}

// buildDossier creates one dossier of system code as of now and takes it
// as far as sc says, each action through the real service.
func buildDossier(t Target, d *Driver, sc scenario, i int, now time.Time, code string) error {
	rng := d.Rng
	sys, err := t.Systems.Get(code)
	if err != nil {
		return err
	}
	planned := plannedFor(sc, i, now, rng, t.Zone)
	if sc.target == tPreparation {
		// The drafts in preparation built as of one moment share the first
		// one's release evening, so that a review meeting (评审会) for it has
		// two dossiers to decide on, whatever the day the sample is built.
		if d.evenings == nil {
			d.evenings = map[int64]time.Time{}
		}
		if first, ok := d.evenings[now.UnixNano()]; ok {
			planned = first
		} else {
			d.evenings[now.UnixNano()] = planned
		}
	}
	windowID := ""
	if sc.mode == "planned" && sc.typ == "upgrade" && t.Dossiers.Windows != nil {
		// A planned upgrade targets an open window of its class: the first
		// one from the chosen day on, or, for releases happening now, the
		// last one before now.
		from := planned.Add(-time.Hour)
		if planned.Before(now) && planned.After(now.AddDate(0, 0, -16)) {
			from = now.AddDate(0, 0, -16)
		}
		w, err := t.Dossiers.Windows.NextOpenWindow(sys.Class, from)
		for err == nil && from.Before(now) && planned.After(now.AddDate(0, 0, -16)) {
			next, err2 := t.Dossiers.Windows.NextOpenWindow(sys.Class, mustStart(w).Add(time.Minute))
			if err2 != nil || !mustStart(next).Before(now) {
				break
			}
			w = next
		}
		if err != nil {
			return err
		}
		windowID, planned = w.ID, mustStart(w)
	}
	month := time.Date(planned.Year(), planned.Month(), 1, 0, 0, 0, 0, t.Zone)
	var content []dossier.ContentItem
	for k := 0; k < 1+rng.IntN(4); k++ {
		if sc.sub == "bugfix" || rng.IntN(4) == 0 {
			content = append(content, dossier.ContentItem{Kind: "bug", Ref: fmt.Sprintf("BUG-%d%02d-%03d", month.Year()%100, int(month.Month()), 100+k*97+rng.IntN(90)), Title: bugs[rng.IntN(len(bugs))]})
		} else {
			content = append(content, dossier.ContentItem{Kind: "cr", Ref: fmt.Sprintf("CR-%d-%03d", month.Year(), 100+k*97+rng.IntN(90)), Title: changes[rng.IntN(len(changes))]})
		}
	}
	kind := sc.sub
	if sc.typ == "new_system" {
		kind = sc.typ
	}
	str := func(s string) *string { return &s }
	req := dossier.CreateRequest{SystemCode: sys.Code, Fields: dossier.Fields{
		Title: str(sys.Name + " " + titles[kind]), Type: str(sc.typ), Subtype: str(sc.sub), Mode: str(sc.mode),
		Version: str(fmt.Sprintf("%d.%d.%d", 1+i%4, (i*3)%10, rng.IntN(10))), Content: &content,
		PlannedAt: str(planned.Format(time.RFC3339)), Window: str(windowID), ProjectManager: str(d.Actors["project_manager"].Summary.Name), SystemOwner: str(sys.Owner),
		Entity: str(sampleEntities[i%len(sampleEntities)]),
	}}
	if sc.typ == "new_system" {
		req.ReleaseMethod = str(sampleReleaseMethod)
	}
	start := planned.AddDate(0, 0, -28-rng.IntN(10))
	if limit := now.AddDate(0, 0, -16-rng.IntN(6)); start.After(limit) {
		start = limit
	}
	d.Clock = start.Add(9 * time.Hour)
	if sc.mode == "emergency" {
		// An emergency is raised a few days before its release, as the
		// date rules expect (dossier.EmergencyDaysAhead), yet early enough
		// for its approvals.
		d.Clock = planned.AddDate(0, 0, -emergencyLeadDays)
		if latest := now.AddDate(0, 0, -2); d.Clock.After(latest) {
			d.Clock = latest
		}
	}
	creator := "project_manager"
	if sc.typ == "upgrade" {
		creator = "system_owner"
	}
	if err := d.As(creator); err != nil {
		return err
	}
	v, err := t.Dossiers.Create(req)
	if err != nil {
		return err
	}
	id := v.State.ID
	d.created = id
	if sc.mode == "emergency" {
		d.Tick(10*time.Minute, 30*time.Minute)
		if _, err := t.Dossiers.AddNote(id, "紧急发布：生产故障影响业务，需当晚修复"); err != nil {
			return err
		}
	}
	switch sc.target {
	case tPlanning:
		return nil
	case tPreparation:
		d.Tick(time.Hour, 3*time.Hour)
		if _, err := t.Dossiers.SetChecklist(id, t.Template.Checklist[0].ID, dossier.StatusDone, "评审会已召开，需求部门同意上线"); err != nil {
			return err
		}
		_, err := t.Dossiers.SetChecklist(id, t.Template.Checklist[1].ID, dossier.StatusInProgress, "培训材料编写中")
		return err
	}
	if err := d.Prepare(id, sc.sub == "bugfix"); err != nil {
		return err
	}
	if err := d.Submit(id); err != nil {
		return err
	}
	if len(sc.target) > len(tStep) && sc.target[:len(tStep)] == tStep {
		n := int(sc.target[len(tStep)] - '0') // pending at the n-th approval step
		for k := 2; k < n; k++ {
			if err := d.ApproveStep(id, 0); err != nil {
				return err
			}
		}
		return nil
	}
	switch sc.target {
	case tCountersign:
		return d.ApproveStep(id, 2+i%3)
	case tReturned:
		if err := d.ApproveStep(id, 4); err != nil {
			return err
		}
		pending, _ := d.Pending(id)
		return d.Decide(id, pending[0].Step, pending[0].Row, workflow.DecisionReturn, "", "接口测试报告缺少与ESB的联调结果，请补充后重新提交")
	case tReturnedStep:
		if err := d.ApproveStep(id, 0); err != nil { // countersign
			return err
		}
		if err := d.ApproveStep(id, 0); err != nil { // department
			return err
		}
		pending, _ := d.Pending(id)
		countersign := t.Template.Flows[1].Steps[1].ID
		if p, ok := t.Template.FlowFor(sc.typ); ok {
			countersign = p.Steps[1].ID
		}
		return d.Decide(id, pending[0].Step, pending[0].Row, workflow.DecisionReturn, countersign, "风险评估报告与会签意见不一致，请各部门重新会签")
	case tWithdrawn:
		d.Tick(time.Hour, 3*time.Hour)
		_, err := t.Dossiers.Withdraw(id, "发现版本号填写错误，撤回修改")
		return err
	case tTransferred:
		pending, _ := d.Pending(id)
		p := pending[len(pending)-1]
		if err := d.As(p.Role); err != nil {
			return err
		}
		d.Tick(time.Hour, 2*time.Hour)
		if _, err := t.Dossiers.Transfer(id, p.Step, p.Row, d.Actors["pmo"].Summary.PublicKey, "本人出差，转交项目管理部同事处理"); err != nil {
			return err
		}
		if err := d.As("project_manager"); err != nil {
			return err
		}
		d.Tick(20*time.Hour, 30*time.Hour)
		_, err := t.Dossiers.Urge(id, p.Step, p.Row, "窗口临近，请尽快审批")
		return err
	case tStale:
		if err := d.ApproveStep(id, 0); err != nil {
			return err
		}
		v, _ := d.View(id)
		if err := d.As(v.State.Plan.Start().Role); err != nil {
			return err
		}
		del := v.State.Plan.Slots()[1].Deliverables[0]
		return d.AttachVersion(id, del, 2)
	}
	if err := d.ApproveAll(id); err != nil {
		return err
	}
	if sc.target == tFiling {
		return nil
	}
	if err := d.File(id); err != nil {
		return err
	}
	// Execution happens on the planned evening.
	if release := planned.Add(-10 * time.Minute); release.After(d.Clock) {
		d.Clock = release
	}
	switch sc.target {
	case tExecuting:
		return d.Runbook(id, false)
	case tReleased:
		return d.Execute(id, false, false)
	}
	if err := d.Execute(id, sc.target == tOverride, true); err != nil {
		return err
	}
	switch sc.target {
	case tConfirming:
		return nil
	case tFailed, tPostponed:
		if err := d.Confirm(id, false); err != nil {
			return err
		}
		if sc.target == tFailed {
			return nil
		}
		return d.Postpone(id, now.AddDate(0, 0, 7)) // a windowed dossier moves to its next open window
	}
	if err := d.Confirm(id, true); err != nil {
		return err
	}
	if sc.target == tConfirmed || sc.target == tOverride {
		return nil
	}
	d.Tick(24*time.Hour, 72*time.Hour)
	return d.Archive(id)
}

func mustStart(w window.Window) time.Time {
	start, _ := w.Interval()
	return start
}
