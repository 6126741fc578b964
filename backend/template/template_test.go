package template_test

import (
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golive/backend/apperr"
	"golive/backend/template"
)

func mustFlow(t *testing.T, tp *template.Template, id string) *template.Flow {
	t.Helper()
	f, ok := tp.Flow(id)
	if !ok {
		t.Fatalf("flow %q missing", id)
	}
	return f
}

func deliverables(tp *template.Template) map[string]template.Deliverable {
	out := map[string]template.Deliverable{}
	for _, f := range tp.Flows {
		for _, s := range f.Steps {
			for _, d := range s.Deliverables {
				out[d.ID] = d
			}
			for _, r := range s.Rows {
				for _, d := range r.Deliverables {
					out[d.ID] = d
				}
			}
		}
	}
	return out
}

func TestDefaultTemplate(t *testing.T) {
	tp, err := template.Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}

	t.Run("validates", func(t *testing.T) {
		if err := tp.Validate(); err != nil {
			t.Fatalf("Validate: %v", err)
		}
	})

	t.Run("is pinned as id@version of V2.4", func(t *testing.T) {
		if got := tp.Key(); got != "golive.release@2.4.3" {
			t.Errorf("Key = %q", got)
		}
		if tp.Organisation.Zh != "远东宏信有限公司" {
			t.Errorf("Organisation = %q", tp.Organisation.Zh)
		}
	})

	type stepWant struct {
		id, kind, role, dept string
		zh                   string
	}
	flows := []struct {
		name string
		flow string
		want []stepWant
	}{
		{"new-system flow has the nine steps of 6.4.1", "new_system", []stepWant{
			{"ns.1.start", template.KindStart, "project_manager", "owning", "审批流程启动"},
			{"ns.2.countersign", template.KindCountersign, "", "info_mgmt", "子部门会签审批"},
			{"ns.3.dept_approval", template.KindSequential, "owning_subdept_director", "owning", "部门审批"},
			{"ns.4.pmo_approval", template.KindSequential, "pmo_director", "pmo", "项目管理部审批"},
			{"ns.5.info_mgmt_approval", template.KindSequential, "info_mgmt_gm", "info_mgmt", "信息管理部审批"},
			{"ns.6.leadership_approval", template.KindSequential, "cio", "company_leadership", "公司领导审批"},
			{"ns.7.filing", template.KindFiling, "project_manager", "", "流程备案"},
			{"ns.8.execute", template.KindExecution, "release_operator", "", "执行系统发布"},
			{"ns.9.postpone", template.KindPostpone, "project_manager", "", "系统上线顺延"},
		}},
		{"upgrade flow has the six steps of 6.4.2", "upgrade", []stepWant{
			{"up.1.start", template.KindStart, "system_owner", "", "审批流程启动"},
			{"up.2.countersign", template.KindCountersign, "", "info_mgmt", "子部门会签审批"},
			{"up.3.dept_approval", template.KindSequential, "owning_subdept_director", "owning", "部门审批"},
			{"up.4.pmo_approval", template.KindSequential, "pmo_director", "pmo", "项目管理部审批"},
			{"up.5.confirm", template.KindConfirmation, "system_owner", "", "系统上线发布确认"},
			{"up.6.postpone", template.KindPostpone, "system_owner", "", "系统上线顺延"},
		}},
	}
	for _, fc := range flows {
		t.Run(fc.name, func(t *testing.T) {
			f := mustFlow(t, tp, fc.flow)
			if len(f.Steps) != len(fc.want) {
				t.Fatalf("%d steps, want %d", len(f.Steps), len(fc.want))
			}
			for i, w := range fc.want {
				s := f.Steps[i]
				if s.ID != w.id || s.No != i+1 || s.Kind != w.kind || s.Role != w.role || s.Department != w.dept || s.Name.Zh != w.zh {
					t.Errorf("step %d = {%s %d %s %s %s %s}, want %+v", i, s.ID, s.No, s.Kind, s.Role, s.Department, s.Name.Zh, w)
				}
				if s.Name.En == "" {
					t.Errorf("step %s has no English name", s.ID)
				}
			}
		})
	}

	t.Run("both countersigns have the six directors of 7a in order", func(t *testing.T) {
		wantRoles := []string{"cs_director", "biz_apps_director", "data_integration_director", "basic_apps_director", "app_dev_director", "infrastructure_director"}
		wantLabels := map[string][]string{
			"new_system": {"客户服务部总监", "业务应用部总监", "数据与集成应用部总监", "基础应用部总监", "应用开发部总监", "基础设施部总监"},
			"upgrade":    {"客户服务部总监", "业务应用部总监", "数据与集成应用部总监", "基础应用部总监", "应用开发部总监", "基础设施部总监"},
		}
		for flow, labels := range wantLabels {
			s := mustFlow(t, tp, flow).Steps[1]
			if got := s.Actors(); !slices.Equal(got, wantRoles) {
				t.Errorf("%s actors = %v", flow, got)
			}
			for i, r := range s.Rows {
				if r.Label.Zh != labels[i] {
					t.Errorf("%s row %d label = %q, want %q", flow, i, r.Label.Zh, labels[i])
				}
				if len(r.Items) == 0 || len(r.Deliverables) == 0 {
					t.Errorf("%s row %s has no items or deliverables", flow, r.ID)
				}
			}
		}
	})

	t.Run("upgrade rows say 系统 where new-system rows say 新系统", func(t *testing.T) {
		ns := mustFlow(t, tp, "new_system").Steps[1].Rows
		up := mustFlow(t, tp, "upgrade").Steps[1].Rows
		for _, row := range []int{1, 3} {
			var nsHits, upHits int
			for _, it := range ns[row].Items {
				if strings.HasPrefix(it.Text.Zh, "新系统") {
					nsHits++
				}
			}
			for _, it := range up[row].Items {
				if strings.HasPrefix(it.Text.Zh, "新系统") {
					t.Errorf("upgrade row %s item %s says 新系统", up[row].ID, it.ID)
				}
				if strings.HasPrefix(it.Text.Zh, "系统是否涉及") {
					upHits++
				}
			}
			if nsHits != 1 || upHits != 1 {
				t.Errorf("row %d: new-system 新系统 items %d, upgrade 系统 items %d; want 1 and 1", row, nsHits, upHits)
			}
		}
	})

	t.Run("filing files to the project manager and customer service director", func(t *testing.T) {
		s, ok := mustFlow(t, tp, "new_system").Step("ns.7.filing")
		if !ok {
			t.Fatal("filing step missing")
		}
		if !slices.Equal(s.FiledTo, []string{"project_manager", "cs_director"}) {
			t.Errorf("FiledTo = %v", s.FiledTo)
		}
	})

	t.Run("checklist has seven preconditions and five plans", func(t *testing.T) {
		for group, n := range map[string]int{template.GroupPrecondition: 7, template.GroupPlan: 5} {
			if got := len(tp.ChecklistGroup(group)); got != n {
				t.Errorf("%s: %d items, want %d", group, got, n)
			}
		}
		if len(tp.Checklist) != 12 {
			t.Errorf("%d checklist items, want 12", len(tp.Checklist))
		}
		c, ok := tp.ChecklistItem("plan.detailed_steps")
		if !ok || c.Title.Zh != "制定上线详细步骤(同ActionPlan)" {
			t.Errorf("plan.detailed_steps = %+v, %v", c, ok)
		}
	})

	t.Run("seven standard documents in attachment order", func(t *testing.T) {
		want := []string{"user_test_report", "release_note", "application_confirmation", "release_test_confirmation", "config_manual", "user_manual", "training_manual"}
		var got []string
		for _, d := range tp.Documents {
			got = append(got, d.ID)
		}
		if !slices.Equal(got, want) {
			t.Errorf("documents = %v", got)
		}
	})

	t.Run("the guideline's seven revisions from V1.0 to V2.4, then GoLive's 2.4.1, 2.4.2 and 2.4.3", func(t *testing.T) {
		if len(tp.Revisions) != 10 {
			t.Fatalf("%d revisions", len(tp.Revisions))
		}
		first, guideline, last := tp.Revisions[0], tp.Revisions[6], tp.Revisions[9]
		if first.Version != "1.0" || first.Date != "2014-06-17" || first.Author != "区维青" || first.Note.Zh != "初稿" {
			t.Errorf("first revision = %+v", first)
		}
		if guideline.Version != "2.4" || guideline.Date != "2014-10-22" {
			t.Errorf("the guideline's last revision = %+v", guideline)
		}
		if last.Version != tp.Version || last.Author != "GoLive" {
			t.Errorf("last revision = %+v", last)
		}
	})

	t.Run("the earlier built-ins 2.4, 2.4.1 and 2.4.2 stay as shipped", func(t *testing.T) {
		earlier, err := template.Earlier()
		if err != nil || len(earlier) != 3 || earlier[0].Key() != "golive.release@2.4" || len(earlier[0].Revisions) != 7 ||
			earlier[1].Key() != "golive.release@2.4.1" || len(earlier[1].Revisions) != 8 ||
			earlier[2].Key() != "golive.release@2.4.2" || len(earlier[2].Revisions) != 9 {
			t.Fatalf("Earlier = %d templates, %v", len(earlier), err)
		}
		for _, e := range earlier {
			if e.Key() == tp.Key() {
				t.Fatal("the default must not reuse an earlier built-in's key")
			}
		}
	})

	t.Run("six stages in process order", func(t *testing.T) {
		want := []string{"planning", "preparation", "approval", "execution", "confirmation", "archive"}
		if got := tp.StageIDs(); !slices.Equal(got, want) {
			t.Errorf("StageIDs = %v", got)
		}
		s, _ := tp.Stage("planning")
		if s.Name.Zh != "规划" || s.Title.Zh != "上线发布规划" {
			t.Errorf("planning = %+v", s)
		}
	})

	t.Run("the release test confirmation belongs to the same-day test", func(t *testing.T) {
		// Guideline 6.4.3: collected by the PM or the system owner after the
		// same-day test, for new systems and upgrades alike; no step asks
		// for it as a deliverable.
		for _, id := range []string{"new_system", "upgrade"} {
			rt, _ := tp.ReleaseType(id)
			if !rt.SameDayTest || rt.SameDayTestDocument != "release_test_confirmation" ||
				!slices.Equal(rt.SameDayTestRoles, []string{"project_manager", "system_owner"}) || rt.SameDayTestConfirmerRole == "" {
				t.Errorf("release type %s = %+v, want the same-day test with the release test confirmation", id, rt)
			}
			if _, ok := tp.Role(rt.SameDayTestConfirmerRole); !ok {
				t.Errorf("confirmer role %q is not a template role", rt.SameDayTestConfirmerRole)
			}
		}
		for id, d := range deliverables(tp) {
			if d.Document == "release_test_confirmation" {
				t.Errorf("deliverable %s still asks for the release test confirmation", id)
			}
		}
	})

	t.Run("deliverable flags follow the source", func(t *testing.T) {
		all := deliverables(tp)
		cases := []struct {
			id       string
			zh       string
			required bool
			doc      string
		}{
			{"ns.1.user_test_report", "用户测试报告", true, "user_test_report"},
			{"ns.1.user_manual", "系统使用手册", true, "user_manual"},
			{"ns.1.training_manual", "上线培训手册", true, "training_manual"},
			{"up.1.user_manual", "系统使用手册", false, "user_manual"},
			{"up.1.training_manual", "上线培训手册", false, "training_manual"},
			{"up.1.config_manual", "系统配置手册", true, "config_manual"},
			{"ns.2.cs.service_manual", "1890维护服务操作手册", false, ""},
			{"up.2.cs.service_manual", "1890维护服务操作手册", false, ""},
			{"ns.2.cs.notice_email", "1890系统上线通告邮件", true, ""},
			{"ns.2.app_dev.release_note", "系统上线手册", true, "release_note"},
			{"ns.3.risk_report", "项目上线风险评估报告", true, ""},
			{"ns.8.user_confirmation", "用户确认书", true, ""},
			{"up.6.adjusted_plan", "调整后的发布计划", true, ""},
		}
		for _, c := range cases {
			d, ok := all[c.id]
			if !ok {
				t.Errorf("deliverable %s missing", c.id)
				continue
			}
			if d.Name.Zh != c.zh || d.Required != c.required || d.Document != c.doc {
				t.Errorf("%s = %+v, want %q required=%v document=%q", c.id, d, c.zh, c.required, c.doc)
			}
		}
		var optional []string
		for id, d := range all {
			if !d.Required {
				optional = append(optional, id)
			}
		}
		slices.Sort(optional)
		want := []string{"ns.2.cs.service_manual", "up.1.training_manual", "up.1.user_manual", "up.2.cs.service_manual"}
		if !slices.Equal(optional, want) {
			t.Errorf("optional deliverables = %v, want exactly the four marked 可选: %v", optional, want)
		}
	})

	t.Run("steps marked N/A carry no deliverables", func(t *testing.T) {
		for _, id := range []string{"ns.5.info_mgmt_approval", "ns.6.leadership_approval"} {
			s, _ := mustFlow(t, tp, "new_system").Step(id)
			if len(s.Deliverables) != 0 {
				t.Errorf("%s has deliverables %v", id, s.Deliverables)
			}
		}
		s, _ := mustFlow(t, tp, "upgrade").Step("up.4.pmo_approval")
		if len(s.Deliverables) != 0 || s.Role != "pmo_director" {
			t.Errorf("up.4 = %+v", s)
		}
	})

	t.Run("release types lead to their flows", func(t *testing.T) {
		for rt, flow := range map[string]string{"new_system": "new_system", "upgrade": "upgrade"} {
			f, ok := tp.FlowFor(rt)
			if !ok || f.ID != flow {
				t.Errorf("FlowFor(%s) = %v, %v", rt, f, ok)
			}
		}
		if _, ok := tp.FlowFor("patch"); ok {
			t.Error("FlowFor(patch) found a flow")
		}
		up, _ := tp.ReleaseType("upgrade")
		var subs []string
		for _, s := range up.Subtypes {
			subs = append(subs, s.ID)
		}
		if !slices.Equal(subs, []string{"cr", "bugfix"}) {
			t.Errorf("upgrade subtypes = %v", subs)
		}
	})

	t.Run("emergency mode needs the applicant's department head", func(t *testing.T) {
		m, ok := tp.Mode("emergency")
		if !ok || m.SignatureRole != "applicant_dept_head" || !m.NotFullyTested {
			t.Errorf("emergency = %+v", m)
		}
		p, _ := tp.Mode("planned")
		if p.SignatureRole != "" || p.NotFullyTested {
			t.Errorf("planned = %+v", p)
		}
		r, ok := tp.Role(m.SignatureRole)
		if !ok || r.Name.Zh != "申请人所在部门负责人" {
			t.Errorf("signature role = %+v", r)
		}
	})

	t.Run("every role the tables name exists", func(t *testing.T) {
		for _, id := range []string{"project_manager", "system_owner", "cs_director", "biz_apps_director", "data_integration_director",
			"basic_apps_director", "app_dev_director", "infrastructure_director", "owning_subdept_director", "pmo_director",
			"info_mgmt_gm", "cio", "release_operator", "release_supervisor", "applicant_dept_head", "pmo"} {
			if _, ok := tp.Role(id); !ok {
				t.Errorf("role %s missing", id)
			}
		}
		if _, ok := tp.Role("nobody"); ok {
			t.Error("Role(nobody) found")
		}
	})

	t.Run("every text is bilingual", func(t *testing.T) {
		var walk func(path string, v reflect.Value)
		walk = func(path string, v reflect.Value) {
			switch v.Kind() {
			case reflect.Pointer:
				walk(path, v.Elem())
			case reflect.Slice:
				for i := 0; i < v.Len(); i++ {
					key := strconv.Itoa(i)
					if e := v.Index(i); e.Kind() == reflect.Struct && e.FieldByName("ID").IsValid() {
						key = e.FieldByName("ID").String()
					}
					walk(path+"["+key+"]", v.Index(i))
				}
			case reflect.Struct:
				if txt, ok := v.Interface().(template.Text); ok {
					if (txt.Zh == "") != (txt.En == "") {
						t.Errorf("%s is not bilingual: %+v", path, txt)
					}
					return
				}
				for i := 0; i < v.NumField(); i++ {
					walk(path+"."+v.Type().Field(i).Name, v.Field(i))
				}
			}
		}
		walk("template", reflect.ValueOf(tp))
	})
}

func TestValidateReportsEachProblem(t *testing.T) {
	cases := []struct {
		name   string
		mutate func(*template.Template)
		code   string
		path   string
		params map[string]string
	}{
		{"unknown step role", func(tp *template.Template) { tp.Flows[0].Steps[0].Role = "ghost" },
			"template.unknown_role", "flows[new_system].steps[0].role", map[string]string{"role": "ghost"}},
		{"unknown countersign row role", func(tp *template.Template) { tp.Flows[0].Steps[1].Rows[0].Role = "ghost" },
			"template.unknown_role", "flows[new_system].steps[1].rows[0].role", map[string]string{"role": "ghost"}},
		{"unknown filed-to role", func(tp *template.Template) { tp.Flows[0].Steps[6].FiledTo[1] = "ghost" },
			"template.unknown_role", "flows[new_system].steps[6].filed_to[1]", nil},
		{"unknown mode signature role", func(tp *template.Template) { tp.Modes[1].SignatureRole = "ghost" },
			"template.unknown_role", "modes[1].signature_role", nil},
		{"step without an actor", func(tp *template.Template) { tp.Flows[1].Steps[2].Role = "" },
			"template.step_no_actor", "flows[upgrade].steps[2].role", map[string]string{"step": "up.3.dept_approval"}},
		{"duplicate step id", func(tp *template.Template) { tp.Flows[1].Steps[1].ID = "up.1.start" },
			"template.duplicate_id", "flows[upgrade].steps[1].id", map[string]string{"id": "up.1.start", "scope": "step"}},
		{"duplicate item id across flows", func(tp *template.Template) { tp.Flows[1].Steps[0].Items[0].ID = "ns.1.testing_done" },
			"template.duplicate_id", "flows[upgrade].steps[0].items[0].id", map[string]string{"id": "ns.1.testing_done", "scope": "item"}},
		{"duplicate role id", func(tp *template.Template) { tp.Roles = append(tp.Roles, tp.Roles[0]) },
			"template.duplicate_id", "roles[18].id", map[string]string{"id": "project_manager", "scope": "role"}},
		{"duplicate deliverable id", func(tp *template.Template) {
			tp.Flows[0].Steps[1].Rows[3].Deliverables[0].ID = "ns.2.biz_apps.interface_test_report"
		}, "template.duplicate_id", "flows[new_system].steps[1].rows[3].deliverables[0].id", map[string]string{"scope": "deliverable"}},
		{"duplicate countersign row id", func(tp *template.Template) { tp.Flows[0].Steps[1].Rows[5].ID = "cs" },
			"template.duplicate_id", "flows[new_system].steps[1].rows[5].id", map[string]string{"scope": "row"}},
		{"countersign without rows", func(tp *template.Template) { tp.Flows[0].Steps[1].Rows = nil },
			"template.empty_countersign", "flows[new_system].steps[1].rows", map[string]string{"step": "ns.2.countersign"}},
		{"countersign row without role", func(tp *template.Template) { tp.Flows[1].Steps[1].Rows[2].Role = "" },
			"template.empty_countersign", "flows[upgrade].steps[1].rows[2].role", nil},
		{"unknown step department", func(tp *template.Template) { tp.Flows[0].Steps[3].Department = "sales" },
			"template.unknown_department", "flows[new_system].steps[3].department", map[string]string{"department": "sales"}},
		{"unknown role department", func(tp *template.Template) { tp.Roles[0].Department = "sales" },
			"template.unknown_department", "roles[0].department", nil},
		{"unknown parent department", func(tp *template.Template) { tp.Departments[1].Parent = "sales" },
			"template.unknown_department", "departments[1].parent", nil},
		{"unknown deliverable document", func(tp *template.Template) { tp.Flows[0].Steps[0].Deliverables[0].Document = "memo" },
			"template.unknown_document", "flows[new_system].steps[0].deliverables[0].document", map[string]string{"document": "memo"}},
		{"unknown checklist document", func(tp *template.Template) { tp.Checklist[1].Document = "memo" },
			"template.unknown_document", "checklist[1].document", nil},
		{"bad step kind", func(tp *template.Template) { tp.Flows[0].Steps[2].Kind = "vote" },
			"template.bad_step_kind", "flows[new_system].steps[2].kind", map[string]string{"kind": "vote"}},
		{"release type without flow", func(tp *template.Template) { tp.ReleaseTypes[0].FlowID = "patch" },
			"template.no_flow", "release_types[0].flow_id", map[string]string{"flow": "patch"}},
		{"flow for unknown release type", func(tp *template.Template) { tp.Flows[1].ReleaseType = "patch" },
			"template.unknown_release_type", "flows[upgrade].release_type", nil},
		{"missing id", func(tp *template.Template) { tp.ID = "" },
			"template.missing_field", "id", map[string]string{"field": "id"}},
		{"missing version", func(tp *template.Template) { tp.Version = " " },
			"template.missing_field", "version", map[string]string{"field": "version"}},
		{"missing step name", func(tp *template.Template) { tp.Flows[0].Steps[4].Name = template.Text{} },
			"template.missing_field", "flows[new_system].steps[4].name", nil},
		{"missing filing targets", func(tp *template.Template) { tp.Flows[0].Steps[6].FiledTo = nil },
			"template.missing_field", "flows[new_system].steps[6].filed_to", nil},
		{"bad checklist group", func(tp *template.Template) { tp.Checklist[0].Group = "wish" },
			"template.bad_group", "checklist[0].group", map[string]string{"group": "wish"}},
		{"steps out of order", func(tp *template.Template) { tp.Flows[1].Steps[3].No = 7 },
			"template.step_order", "flows[upgrade].steps[3].no", map[string]string{"no": "7", "want": "4"}},
		{"document numbers out of order", func(tp *template.Template) { tp.Documents[6].No = 3 },
			"template.bad_number", "documents[6].no", map[string]string{"no": "3", "after": "6"}},
		{"checklist numbers repeat within a group", func(tp *template.Template) { tp.Checklist[8].No = 1 },
			"template.bad_number", "checklist[8].no", nil},
		{"a removed step is reported once", func(tp *template.Template) {
			tp.Flows[0].Steps = slices.Delete(tp.Flows[0].Steps, 4, 5)
		}, "template.step_order", "flows[new_system].steps[4].no", map[string]string{"no": "6", "want": "5"}},
		{"bad revision date", func(tp *template.Template) { tp.Revisions[0].Date = "2014/06/17" },
			"template.bad_date", "revisions[0].date", nil},
		{"unknown carry-over setting", func(tp *template.Template) { tp.Settings.ApprovalsCarryOver = "some" },
			"template.bad_setting", "settings.approvals_carry_over", nil},
		{"start step not first", func(tp *template.Template) {
			tp.Flows[1].Steps[0].Kind, tp.Flows[1].Steps[1].Kind = template.KindSequential, template.KindStart
			tp.Flows[1].Steps[1].Role, tp.Flows[1].Steps[1].Rows = "system_owner", nil
		}, "template.flow_shape", "flows[upgrade].steps[1].kind", map[string]string{"problem": "start_not_first"}},
		{"approval after the release step", func(tp *template.Template) { tp.Flows[1].Steps[5].Kind = template.KindSequential },
			"template.flow_shape", "flows[upgrade].steps[5].kind", map[string]string{"problem": "approval_after_release"}},
		{"two confirming steps", func(tp *template.Template) { tp.Flows[0].Steps[8].Kind = template.KindConfirmation },
			"template.flow_shape", "flows[new_system].steps", map[string]string{"problem": "one_confirmation"}},
		{"emergency signature with unknown role", func(tp *template.Template) { tp.Modes[1].SignatureStep.Role = "boss" },
			"template.unknown_role", "modes[1].signature_step.role", map[string]string{"role": "boss"}},
		{"unknown archive role", func(tp *template.Template) { tp.Settings.ArchiveRoles = []string{"clerk"} },
			"template.unknown_role", "settings.archive_roles[0]", nil},
		{"no supervisor role", func(tp *template.Template) { tp.Settings.SupervisorRole = "" },
			"template.missing_field", "settings.supervisor_role", nil},
		{"unknown window manager role", func(tp *template.Template) { tp.Settings.WindowManagerRole = "scheduler" },
			"template.unknown_role", "settings.window_manager_role", map[string]string{"role": "scheduler"}},
		{"window manager held per dossier", func(tp *template.Template) { tp.Settings.WindowManagerRole = "system_owner" },
			"template.window_manager_scoped", "settings.window_manager_role", map[string]string{"role": "system_owner"}},
		{"post review by an unknown role", func(tp *template.Template) { tp.Modes[1].PostReview.Roles = []string{"auditor"} },
			"template.unknown_role", "modes[1].post_review.roles[0]", map[string]string{"role": "auditor"}},
		{"post review before an unknown act", func(tp *template.Template) { tp.Modes[1].PostReview.RequiredBefore = "release" },
			"template.bad_setting", "modes[1].post_review.required_before", map[string]string{"value": "release"}},
		{"post review by nobody", func(tp *template.Template) { tp.Modes[1].PostReview.Roles = nil },
			"template.missing_field", "modes[1].post_review.roles", nil},
		{"exclusion listed twice", func(tp *template.Template) { tp.Exclusions[1].ID = tp.Exclusions[0].ID },
			"template.duplicate_id", "exclusions[1].id", map[string]string{"scope": "exclusion"}},
		{"exclusion without a name", func(tp *template.Template) { tp.Exclusions[2].Name = template.Text{} },
			"template.missing_field", "exclusions[2].name", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tp := template.MustDefault()
			c.mutate(tp)
			err := tp.Validate()
			var ve *template.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("Validate = %v, want *ValidationError", err)
			}
			if len(ve.Problems) != 1 {
				t.Fatalf("problems = %v, want exactly one", ve.Problems)
			}
			p := ve.Problems[0]
			if p.Code != c.code || p.Path != c.path {
				t.Errorf("problem = %s, want %s at %s", p, c.code, c.path)
			}
			for k, v := range c.params {
				if p.Params[k] != v {
					t.Errorf("param %s = %q, want %q (all %v)", k, p.Params[k], v, p.Params)
				}
			}
			if got := apperr.Code(err); got != "template.invalid" {
				t.Errorf("apperr.Code = %q", got)
			}
		})
	}

	t.Run("two problems are both reported", func(t *testing.T) {
		tp := template.MustDefault()
		tp.Version = ""
		tp.Flows[1].Steps[4].Role = "ghost"
		err := tp.Validate()
		var ve *template.ValidationError
		if !errors.As(err, &ve) || len(ve.Problems) != 2 {
			t.Fatalf("Validate = %v, want two problems", err)
		}
		if !ve.Has("template.missing_field", "version") || !ve.Has("template.unknown_role", "flows[upgrade].steps[4].role") {
			t.Errorf("problems = %v", ve.Problems)
		}
		if !errors.Is(err, apperr.New("template.invalid")) {
			t.Error("errors.Is(template.invalid) = false")
		}
		var ae *apperr.Error
		if !errors.As(err, &ae) || ae.Params["count"] != "2" {
			t.Errorf("apperr = %+v", ae)
		}
		if msg := err.Error(); !strings.Contains(msg, "version") || !strings.Contains(msg, "ghost") {
			t.Errorf("Error() = %q", msg)
		}
	})

	t.Run("an empty template reports every missing piece", func(t *testing.T) {
		var tp template.Template
		var ve *template.ValidationError
		if err := tp.Validate(); !errors.As(err, &ve) {
			t.Fatalf("Validate = %v", err)
		}
		for _, path := range []string{"id", "version", "name", "settings.approvals_carry_over"} {
			if !ve.Has("template.missing_field", path) {
				t.Errorf("no missing_field at %s in %v", path, ve.Problems)
			}
		}
	})
}

func TestParse(t *testing.T) {
	valid := template.DefaultJSON()

	t.Run("accepts the embedded JSON", func(t *testing.T) {
		tp, err := template.Parse(valid)
		if err != nil {
			t.Fatalf("Parse: %v", err)
		}
		if !reflect.DeepEqual(tp, template.MustDefault()) {
			t.Error("parsed template differs from Default")
		}
	})

	t.Run("round-trips through JSON", func(t *testing.T) {
		b, err := json.MarshalIndent(template.MustDefault(), "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		tp, err := template.Parse(b)
		if err != nil {
			t.Fatalf("Parse: %v", err)
		}
		if !reflect.DeepEqual(tp, template.MustDefault()) {
			t.Error("round-tripped template differs")
		}
	})

	rejects := []struct {
		name string
		in   []byte
		code string
	}{
		{"unknown top-level field", []byte(strings.Replace(string(valid), `"id": "golive.release",`, `"id": "golive.release", "colour": "red",`, 1)), "template.unknown_field"},
		{"unknown nested field", []byte(strings.Replace(string(valid), `"kind": "start",`, `"kind": "start", "screen": "StartPage",`, 1)), "template.unknown_field"},
		{"trailing garbage", append(append([]byte{}, valid...), []byte("\n{}")...), "template.trailing_data"},
		{"trailing text", append(append([]byte{}, valid...), []byte(" x")...), "template.trailing_data"},
		{"malformed JSON", []byte(`{"id": `), "template.bad_json"},
		{"wrong type", []byte(`{"id": 7}`), "template.bad_json"},
		{"valid JSON, invalid template", []byte(`{"id": "x"}`), "template.invalid"},
	}
	for _, c := range rejects {
		t.Run("rejects "+c.name, func(t *testing.T) {
			tp, err := template.Parse(c.in)
			if err == nil || tp != nil {
				t.Fatalf("Parse = %v, %v; want error", tp, err)
			}
			if got := apperr.Code(err); got != c.code {
				t.Errorf("code = %q, want %q (%v)", got, c.code, err)
			}
		})
	}

	t.Run("names the unknown field", func(t *testing.T) {
		_, err := template.Parse([]byte(`{"colour": "red"}`))
		var ae *apperr.Error
		if !errors.As(err, &ae) || ae.Params["field"] != "colour" {
			t.Errorf("err = %v", err)
		}
	})
}

func TestDefaultReturnsIndependentCopies(t *testing.T) {
	a := template.MustDefault()
	b := template.MustDefault()
	if a == b {
		t.Fatal("Default returned the same pointer twice")
	}
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two Default copies differ")
	}
	a.ID = "changed"
	a.Roles[0].Name.Zh = "changed"
	a.Flows[0].Steps[1].Rows[0].Items[0].Text.Zh = "changed"
	a.Flows[0].Steps[6].FiledTo[0] = "changed"
	a.ReleaseTypes[1].Subtypes[0].ID = "changed"
	a.Flows = a.Flows[:1]

	c := template.MustDefault()
	if !reflect.DeepEqual(b, c) {
		t.Error("mutating one copy changed a later copy")
	}
	if c.Flows[0].Steps[1].Rows[0].Items[0].Text.Zh != "针对1890的必要知识转移是否完成" {
		t.Error("nested item text leaked between copies")
	}
	if len(c.Flows) != 2 || c.Flows[0].Steps[6].FiledTo[0] != "project_manager" {
		t.Error("slices shared between copies")
	}
}

func TestLookups(t *testing.T) {
	tp := template.MustDefault()
	cases := []struct {
		name string
		ok   bool
	}{
		{"flow new_system", func() bool { _, ok := tp.Flow("new_system"); return ok }()},
		{"flow upgrade", func() bool { _, ok := tp.Flow("upgrade"); return ok }()},
		{"no flow patch", func() bool { _, ok := tp.Flow("patch"); return !ok }()},
		{"role cio", func() bool { r, ok := tp.Role("cio"); return ok && r.Department == "company_leadership" }()},
		{"checklist pre.user_test", func() bool {
			c, ok := tp.ChecklistItem("pre.user_test")
			return ok && c.Group == template.GroupPrecondition && c.Document == "user_test_report"
		}()},
		{"no checklist item", func() bool { _, ok := tp.ChecklistItem("pre.nothing"); return !ok }()},
		{"department owning is relative", func() bool { d, ok := tp.Department("owning"); return ok && d.Relative }()},
		{"document no 4", func() bool { d, ok := tp.Document("release_test_confirmation"); return ok && d.No == 4 }()},
		{"step lookup", func() bool {
			f, _ := tp.Flow("upgrade")
			s, ok := f.Step("up.5.confirm")
			return ok && s.Kind == template.KindConfirmation
		}()},
		{"lookup returns a pointer into the template", func() bool {
			r, _ := tp.Role("cio")
			r.Name.En = "Chief information officer"
			r2, _ := tp.Role("cio")
			return r2.Name.En == "Chief information officer"
		}()},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !c.ok {
				t.Fail()
			}
		})
	}
}

func TestWindowSettings(t *testing.T) {
	t.Run("default is every class on the 2nd and 4th Thursday", func(t *testing.T) {
		w := template.DefaultWindows()
		if len(w.Rules) != 5 || w.Freeze.WorkingDaysBefore != 3 || w.Freeze.MinHolidayDays != 7 || w.FreezeRanges == nil {
			t.Fatalf("windows %+v", w)
		}
		for _, r := range w.Rules {
			if r.Weekday != "thursday" || !slices.Equal(r.Weeks, []int{2, 4}) || r.WeekReading != template.ReadingNthWeekday ||
				r.Start != "19:00" || r.End != "23:00" || r.Zone != "Asia/Shanghai" || r.HolidayPolicy != template.PolicyPreviousWorkingDay || r.Capacity != 0 {
				t.Errorf("rule %+v", r)
			}
		}
		if err := template.ValidateWindows(w); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("templates without windows follow the default", func(t *testing.T) {
		tp := template.MustDefault()
		tp.Windows = nil
		if err := tp.Validate(); err != nil {
			t.Fatal(err)
		}
		if got := tp.WindowSettings(); !reflect.DeepEqual(got, template.DefaultWindows()) {
			t.Fatalf("settings %+v", got)
		}
	})
	rule := func(mod func(*template.WindowRule)) func(*template.WindowSettings) {
		return func(w *template.WindowSettings) { mod(&w.Rules[0]) }
	}
	cases := []struct {
		name string
		mod  func(*template.WindowSettings)
		code string
		path string
	}{
		{"unknown class", rule(func(r *template.WindowRule) { r.Class = "cobol" }), template.CodeWindowUnknownClass, "windows.rules[0].class"},
		{"class missing", func(w *template.WindowSettings) { w.Rules = w.Rules[1:] }, template.CodeWindowMissingClass, "windows.rules"},
		{"class twice", func(w *template.WindowSettings) { w.Rules[1].Class = w.Rules[0].Class }, template.CodeWindowDuplicateClass, "windows.rules[1].class"},
		{"weekday", rule(func(r *template.WindowRule) { r.Weekday = "Thursday" }), template.CodeWindowBadWeekday, "windows.rules[0].weekday"},
		{"no weeks", rule(func(r *template.WindowRule) { r.Weeks = nil }), template.CodeWindowBadWeeks, "windows.rules[0].weeks"},
		{"week 6", rule(func(r *template.WindowRule) { r.Weeks = []int{2, 6} }), template.CodeWindowBadWeeks, "windows.rules[0].weeks"},
		{"week twice", rule(func(r *template.WindowRule) { r.Weeks = []int{2, 2} }), template.CodeWindowBadWeeks, "windows.rules[0].weeks"},
		{"reading", rule(func(r *template.WindowRule) { r.WeekReading = "iso_week" }), template.CodeWindowBadReading, "windows.rules[0].week_reading"},
		{"start time", rule(func(r *template.WindowRule) { r.Start = "7pm" }), template.CodeWindowBadTime, "windows.rules[0].start"},
		{"end time", rule(func(r *template.WindowRule) { r.End = "24:00" }), template.CodeWindowBadTime, "windows.rules[0].end"},
		{"end before start", rule(func(r *template.WindowRule) { r.End = "18:00" }), template.CodeWindowEndBeforeStart, "windows.rules[0].end"},
		{"zone", rule(func(r *template.WindowRule) { r.Zone = "Mars/Olympus" }), template.CodeWindowBadZone, "windows.rules[0].zone"},
		{"local zone", rule(func(r *template.WindowRule) { r.Zone = "Local" }), template.CodeWindowBadZone, "windows.rules[0].zone"},
		{"policy", rule(func(r *template.WindowRule) { r.HolidayPolicy = "skip" }), template.CodeWindowBadPolicy, "windows.rules[0].holiday_policy"},
		{"capacity", rule(func(r *template.WindowRule) { r.Capacity = -1 }), template.CodeWindowBadCapacity, "windows.rules[0].capacity"},
		{"freeze days before", func(w *template.WindowSettings) { w.Freeze.WorkingDaysBefore = -1 }, template.CodeWindowBadFreeze, "windows.freeze.working_days_before"},
		{"freeze holiday length", func(w *template.WindowSettings) { w.Freeze.MinHolidayDays = 0 }, template.CodeWindowBadFreeze, "windows.freeze.min_holiday_days"},
		{"freeze range backwards", func(w *template.WindowSettings) {
			w.FreezeRanges = []template.FreezeRange{{ID: "x", Name: template.Text{Zh: "年终"}, Start: "2027-12-31", End: "2027-12-01"}}
		}, template.CodeWindowBadRange, "windows.freeze_ranges[0]"},
		{"freeze range date", func(w *template.WindowSettings) {
			w.FreezeRanges = []template.FreezeRange{{ID: "x", Name: template.Text{Zh: "年终"}, Start: "2027-02-30", End: "2027-12-01"}}
		}, template.CodeBadDate, "windows.freeze_ranges[0].start"},
		{"freeze range name", func(w *template.WindowSettings) {
			w.FreezeRanges = []template.FreezeRange{{ID: "x", Start: "2027-12-01", End: "2027-12-31"}}
		}, template.CodeMissingField, "windows.freeze_ranges[0].name"},
	}
	for _, c := range cases {
		t.Run("rejects "+c.name, func(t *testing.T) {
			tp := template.MustDefault()
			c.mod(tp.Windows)
			err := tp.Validate()
			var ve *template.ValidationError
			if !errors.As(err, &ve) || !ve.Has(c.code, c.path) {
				t.Fatalf("Validate = %v; want %s at %s", err, c.code, c.path)
			}
			if apperr.Code(err) != template.CodeInvalid {
				t.Errorf("code %q", apperr.Code(err))
			}
			if err := template.ValidateWindows(*tp.Windows); err == nil {
				t.Error("ValidateWindows accepted it")
			}
		})
	}
	t.Run("turning the freeze rule off needs no holiday length", func(t *testing.T) {
		w := template.DefaultWindows()
		w.Freeze = template.FreezeRule{}
		if err := template.ValidateWindows(w); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("ValidateWindowRule checks one rule", func(t *testing.T) {
		r, ok := template.DefaultWindows().WindowRule("web")
		if !ok || template.ValidateWindowRule(r) != nil {
			t.Fatal("default web rule")
		}
		r.Weeks = []int{0}
		if template.ValidateWindowRule(r) == nil {
			t.Fatal("bad rule accepted")
		}
	})
}
