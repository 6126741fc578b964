package demo

import (
	"fmt"
	"time"

	"golive/backend/system"
)

// Scale is the size of a sample portfolio: the small sample of the
// tutorial, or a company's decade of releases for measuring speed.
type Scale struct {
	// Name is how `golive demo --scale` spells it.
	Name string
	// Systems is how many application systems the register holds.
	Systems int
	// Dossiers is how many dossiers the portfolio holds in all.
	Dossiers int
	// Years is how far back the history reaches.
	Years int
}

// The scales `golive demo --scale` offers. Small is the 46-dossier sample
// of the tutorial; medium and large add a history of dossiers over ten
// years of release windows before it, spread over many systems.
var (
	Small  = Scale{Name: "small", Systems: len(systems), Dossiers: 46}
	Medium = Scale{Name: "medium", Systems: 200, Dossiers: 2000, Years: 10}
	Large  = Scale{Name: "large", Systems: 200, Dossiers: 20000, Years: 10}
)

// ScaleNamed returns the scale called name; ok is false for an unknown name.
func ScaleNamed(name string) (Scale, bool) {
	for _, s := range []Scale{Small, Medium, Large} {
		if s.Name == name {
			return s, true
		}
	}
	return Scale{}, false
}

// Progress is told how many dossiers of how many are written so far.
type Progress func(done, total int)

// moreSystems returns n systems beyond the sample's own, each named after
// a business area and a kind of system, with calls to earlier ones.
func moreSystems(n int) []system.System {
	areas := []string{"租赁", "保理", "信贷", "资金", "票据", "清算", "风控", "合规", "审计", "客服", "营销", "渠道", "运营", "资产", "投资", "采购", "物流", "工程", "医疗", "教育"}
	kinds := []struct{ name, class string }{
		{"业务管理系统", "java"}, {"数据集市", "other"}, {"门户网站", "web"}, {"移动应用", "web"},
		{"报表平台", "other"}, {"核心系统", "java"}, {"办公系统", "dotnet"}, {"外购套件", "packaged"},
		{"接口平台", "java"}, {"影像系统", "dotnet"},
	}
	depts := []string{"业务应用部", "基础应用部", "数据与集成应用部", "客户服务部"}
	out := make([]system.System, 0, n)
	for i := 0; i < n; i++ {
		a, k := areas[i%len(areas)], kinds[(i/len(areas))%len(kinds)]
		s := system.System{
			Code:       fmt.Sprintf("S%03d", i+1),
			Name:       a + k.name,
			Department: depts[i%len(depts)],
			Class:      k.class,
			WebFacing:  k.class == "web",
		}
		if i/len(areas) > 0 {
			s.Name = fmt.Sprintf("%s%s%d期", a, k.name, i/(len(areas)*len(kinds))+1)
		}
		if i > 0 {
			s.Calls = append(s.Calls, fmt.Sprintf("S%03d", (i*7)%i+1))
		}
		if i%3 == 0 {
			s.Calls = append(s.Calls, "ESB")
		}
		out = append(out, s)
	}
	return out
}

// history lists the end states of the dossiers of the past, each as many
// times as it is frequent: most are archived; some were confirmed and
// not yet archived, failed, postponed, or withdrawn before approval.
var history = []scenario{
	{"upgrade", "cr", "planned", tArchived}, {"upgrade", "bugfix", "planned", tArchived},
	{"upgrade", "cr", "planned", tArchived}, {"upgrade", "bugfix", "planned", tArchived},
	{"upgrade", "cr", "planned", tArchived}, {"upgrade", "cr", "planned", tArchived},
	{"upgrade", "bugfix", "emergency", tArchived}, {"upgrade", "cr", "planned", tArchived},
	{"upgrade", "bugfix", "planned", tArchived}, {"upgrade", "cr", "planned", tArchived},
	{"upgrade", "cr", "planned", tConfirmed}, {"upgrade", "bugfix", "planned", tArchived},
	{"upgrade", "cr", "planned", tFailed}, {"upgrade", "cr", "planned", tArchived},
	{"upgrade", "cr", "planned", tPostponed}, {"upgrade", "bugfix", "planned", tWithdrawn},
	{"upgrade", "cr", "planned", tArchived}, {"upgrade", "bugfix", "planned", tArchived},
	{"upgrade", "cr", "planned", tArchived}, {"upgrade", "bugfix", "emergency", tConfirmed},
}

// buildHistory writes n dossiers of the past before the sample's own:
// each system's first one releases it as a new system, the rest upgrade
// it, at moments spread evenly over the years before now (the last month
// left to the sample). Each is built as of its own moment, so every date
// passed the checks a user's action meets then.
func buildHistory(t Target, d *Driver, sc Scale, now time.Time, codes []string, progress Progress, sum *Summary) error {
	n := sc.Dossiers - len(scenarios())
	if n <= 0 {
		return nil
	}
	d.SharedContent = "HISTORY"
	defer func() { d.SharedContent = "" }()
	from := now.AddDate(-sc.Years, 0, 0)
	span := now.AddDate(0, -1, 0).Sub(from)
	released := map[string]bool{}
	for k := 0; k < n; k++ {
		at := from.Add(time.Duration(float64(span) * float64(k) / float64(n)))
		code := codes[(k*7)%len(codes)]
		s := history[k%len(history)]
		if !released[code] {
			released[code] = true
			s = scenario{"new_system", "", "planned", tArchived}
		}
		d.Limit = at.Add(-time.Minute)
		if err := buildDossier(t, d, s, k, at, code); err != nil {
			return fmt.Errorf("history dossier %d of %d (%s, %s, %s): %w", k+1, n, code, s.target, at.Format(time.DateOnly), err)
		}
		sum.Dossiers++
		if progress != nil {
			progress(sum.Dossiers, sc.Dossiers)
		}
	}
	d.Limit = now.Add(-time.Minute)
	return nil
}
