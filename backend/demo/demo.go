// Package demo builds GoLive's sample portfolio: sample profiles (one per
// template role, their keys marked as sample keys), a register of
// application systems that call each other, and release dossiers spread over
// types, modes, months and stages, each with a plausible signed history.
//
// The portfolio is deterministic for a given reference time: the same
// folder contents come out of every run on the same day.
package demo

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"time"

	"golive/backend/dossier"
	"golive/backend/keys"
	"golive/backend/ledger"
	"golive/backend/profile"
	"golive/backend/system"
	"golive/backend/template"
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
}

// Summary counts what Build wrote.
type Summary struct {
	Profiles int `json:"profiles"`
	Systems  int `json:"systems"`
	Dossiers int `json:"dossiers"`
	Events   int `json:"events"`
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

type actor struct {
	sum  profile.Summary
	priv ed25519.PrivateKey
}

// Build writes the sample portfolio into t and unlocks the first sample
// profile (the project manager).
func Build(t Target) (Summary, error) {
	now := t.Now
	if now.IsZero() {
		now = time.Now()
	}
	now = now.In(t.Zone)
	var sum Summary
	byRole := map[string]actor{}
	for i, role := range t.Template.Roles {
		seed := sha256.Sum256([]byte("golive-sample-key/" + role.ID))
		priv := ed25519.NewKeyFromSeed(seed[:])
		pub := priv.Public().(ed25519.PublicKey)
		dept := role.Department
		if d, ok := t.Template.Department(role.Department); ok {
			dept = d.Name.Zh
		}
		p := profile.Summary{
			ID:          profile.IDFor(pub),
			Identity:    profile.Identity{PublicKey: hex.EncodeToString(pub), Name: people[i%len(people)], Department: dept, Roles: []string{role.ID}},
			Fingerprint: keys.Fingerprint(pub),
			CreatedAt:   now.AddDate(0, -7, 0).Add(time.Duration(i) * time.Minute),
		}
		if err := t.Profiles.ImportSample(p, priv, SamplePassphrase, sampleKDF, i == 0); err != nil {
			return sum, err
		}
		byRole[role.ID] = actor{sum: p, priv: priv}
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
	rng := rand.New(rand.NewPCG(uint64(now.Year()), uint64(now.YearDay())))
	pm, owner := byRole["project_manager"], byRole["system_owner"]
	var all []ledger.Event
	for i := 0; i < 44; i++ {
		evs, err := buildDossier(t, rng, i, now, pm, owner, byRole)
		if err != nil {
			return sum, err
		}
		all = append(all, evs...)
		sum.Dossiers++
	}
	if err := t.Dossiers.Import(all); err != nil {
		return sum, err
	}
	sum.Events = len(all)
	if _, err := t.Profiles.Unlock(pm.sum.ID, SamplePassphrase); err != nil {
		return sum, err
	}
	return sum, nil
}

// chain appends signed events, each naming the previous one as parent.
type chain struct {
	id   string
	evs  []ledger.Event
	at   time.Time
	errs error
}

func (c *chain) add(a actor, kind string, body any, step time.Duration) {
	if c.errs != nil {
		return
	}
	c.at = c.at.Add(step)
	var parents []string
	if n := len(c.evs); n > 0 {
		parents = []string{c.evs[n-1].ID}
	}
	e, err := ledger.New(c.id, parents, kind, body, c.at, a.priv)
	if err != nil {
		c.errs = err
		return
	}
	c.evs = append(c.evs, e)
}

// nextWindow returns the first 2nd or 4th Thursday 19:00 on or after day.
func nextWindow(day time.Time, loc *time.Location) time.Time {
	for m := 0; ; m++ {
		first := time.Date(day.Year(), day.Month(), 1, 0, 0, 0, 0, loc).AddDate(0, m, 0)
		for _, fourth := range []bool{false, true} {
			if w := secondOrFourthThursday(first.Year(), first.Month(), fourth, loc); !w.Before(day) {
				return w
			}
		}
	}
}

// previousWindow returns the last 2nd or 4th Thursday 19:00 before now.
func previousWindow(now time.Time, loc *time.Location) time.Time {
	w := nextWindow(now.AddDate(0, -1, 0), loc)
	for {
		n := nextWindow(w.Add(time.Hour), loc)
		if n.After(now) {
			return w
		}
		w = n
	}
}

// secondOrFourthThursday returns the 2nd or 4th Thursday 19:00 of the month.
func secondOrFourthThursday(year int, month time.Month, fourth bool, loc *time.Location) time.Time {
	d := time.Date(year, month, 1, 19, 0, 0, 0, loc)
	for d.Weekday() != time.Thursday {
		d = d.AddDate(0, 0, 1)
	}
	d = d.AddDate(0, 0, 7)
	if fourth {
		d = d.AddDate(0, 0, 14)
	}
	return d
}

func buildDossier(t Target, rng *rand.Rand, i int, now time.Time, pm, owner actor, byRole map[string]actor) ([]ledger.Event, error) {
	sys := systems[(i*5+3)%len(systems)]
	typ, sub, mode := "upgrade", "cr", "planned"
	switch {
	case i%11 == 4:
		typ, sub = "new_system", ""
	case i%3 == 1:
		sub = "bugfix"
	}
	if i%7 == 5 {
		mode = "emergency"
	}
	// Each dossier gets a stage first, then a date that fits it.
	pattern := []string{dossier.StageArchive, dossier.StageArchive, dossier.StageArchive, dossier.StageArchive,
		dossier.StageConfirmation, dossier.StageExecution, dossier.StageApproval, dossier.StageApproval,
		dossier.StagePreparation, dossier.StagePreparation, dossier.StagePlanning}
	target := pattern[i%len(pattern)]
	day := map[string]int{
		dossier.StageArchive:      -30 - rng.IntN(150),
		dossier.StageConfirmation: -4 - rng.IntN(10),
		dossier.StageExecution:    -1,
		dossier.StageApproval:     3 + rng.IntN(15),
		dossier.StagePreparation:  15 + rng.IntN(45),
		dossier.StagePlanning:     30 + rng.IntN(70),
	}[target]
	base := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, t.Zone).AddDate(0, 0, day)
	planned := base.Add(20 * time.Hour)
	switch {
	case mode == "emergency":
		planned = base.Add(21 * time.Hour)
	case typ == "upgrade" && target == dossier.StageExecution:
		planned = previousWindow(now, t.Zone)
	case typ == "upgrade":
		planned = nextWindow(base, t.Zone)
	}
	month := time.Date(planned.Year(), planned.Month(), 1, 0, 0, 0, 0, t.Zone)
	var content []dossier.ContentItem
	for k := 0; k < 1+rng.IntN(4); k++ {
		if sub == "bugfix" || rng.IntN(4) == 0 {
			content = append(content, dossier.ContentItem{Kind: "bug", Ref: fmt.Sprintf("BUG-%d%02d-%03d", month.Year()%100, int(month.Month()), 100+rng.IntN(900)), Title: bugs[rng.IntN(len(bugs))]})
		} else {
			content = append(content, dossier.ContentItem{Kind: "cr", Ref: fmt.Sprintf("CR-%d-%03d", month.Year(), 100+rng.IntN(900)), Title: changes[rng.IntN(len(changes))]})
		}
	}
	title := fmt.Sprintf("%s %s", sys.Name, map[string]string{"new_system": "新系统上线", "cr": "需求变更发布", "bugfix": "缺陷修复发布"}[map[bool]string{true: "new_system", false: sub}[typ == "new_system"]])
	version := fmt.Sprintf("%d.%d.%d", 1+i%4, (i*3)%10, rng.IntN(10))
	pAt := planned.Format(time.RFC3339)
	body := map[string]any{
		"template": t.Template.Key(), "system_code": sys.Code, "zone": t.Zone.String(),
		"title": title, "type": typ, "subtype": sub, "mode": mode, "version": version,
		"content": content, "planned_at": pAt, "project_manager": pm.sum.Name, "system_owner": sys.Owner,
	}
	start := planned.AddDate(0, 0, -25-rng.IntN(10)).Add(-9 * time.Hour)
	if limit := now.AddDate(0, 0, -12-rng.IntN(8)); start.After(limit) {
		start = limit
	}
	c := &chain{id: fmt.Sprintf("R%02dS%04d", now.Year()%100, i+1), at: start}
	c.add(pm, dossier.KindCreated, body, 0)

	rank := map[string]int{}
	for k, s := range dossier.StageOrder {
		rank[s] = k
	}
	items := t.Template.Checklist
	if rank[target] >= rank[dossier.StagePreparation] {
		n := len(items)
		if target == dossier.StagePreparation {
			n = 2 + rng.IntN(len(items)-3)
		}
		for k := 0; k < n; k++ {
			it := items[k]
			status, note := dossier.StatusDone, "已确认，见会议纪要与附件"
			if it.ID == "pre.training" && typ == "upgrade" && sub == "bugfix" {
				status, note = dossier.StatusNotApplicable, "缺陷修复不涉及用户操作变化，无需培训"
			}
			if target == dossier.StagePreparation && k == n-1 {
				status, note = dossier.StatusInProgress, "正在准备"
			}
			who := pm
			if k%2 == 1 {
				who = owner
			}
			c.add(who, dossier.KindChecklist, map[string]string{"item": it.ID, "status": status, "note": note}, time.Duration(2+rng.IntN(12))*time.Hour)
		}
	}
	movers := map[string]actor{
		dossier.StageApproval:     pm,
		dossier.StageExecution:    byRole["pmo_director"],
		dossier.StageConfirmation: byRole["release_operator"],
		dossier.StageArchive:      owner,
	}
	notes := map[string]string{
		dossier.StageApproval:     "准备工作已完成，提交审批",
		dossier.StageExecution:    "审批通过，进入发布窗口",
		dossier.StageConfirmation: "按发布手册执行完毕，场景测试通过",
		dossier.StageArchive:      "用户确认上线成功，资料归档",
	}
	for _, s := range dossier.StageOrder[rank[dossier.StageApproval]:] {
		if rank[s] > rank[target] {
			break
		}
		a := movers[s]
		if a.priv == nil {
			a = pm
		}
		step := time.Duration(20+rng.IntN(40)) * time.Hour
		switch s {
		case dossier.StageExecution:
			// Approval ends shortly before the release evening.
			c.at = maxTime(c.at, planned.Add(-30*time.Hour))
			step = time.Duration(1+rng.IntN(6)) * time.Hour
		case dossier.StageConfirmation:
			c.at = maxTime(c.at, planned)
			step = 2*time.Hour + time.Duration(rng.IntN(90))*time.Minute
		}
		c.add(a, dossier.KindStage, map[string]string{"from": dossier.StageOrder[rank[s]-1], "to": s, "note": notes[s]}, step)
	}
	if mode == "emergency" {
		c.add(owner, dossier.KindNote, map[string]string{"text": "紧急发布：生产故障影响业务，已取得申请人所在部门负责人签字"}, time.Hour)
	}
	return c.evs, c.errs
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
