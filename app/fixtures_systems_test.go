package app_test

import (
	"golive/backend/system"
)

// recordSystems (file "systems"): registering a system in the form with
// the code left empty, as crm while CRM is registered, then as oa-portal
// (stored as OA-PORTAL; the register afterwards: file "systems-after").
// The arguments are recorded as the form sends
// them (the bridge leaves out the empty updated_at).
func recordSystems(r *recorder) {
	const f = "systems"
	api := r.api
	r.as("project_manager")
	for _, code := range []string{"", "crm", "oa-portal"} {
		s := system.System{Code: code, Name: "客户关系管理", Department: "业务应用部", Owner: "李娜", Class: "java"}
		args := []any{map[string]any{"code": code, "name": s.Name, "department": s.Department, "owner": s.Owner, "class": s.Class, "web_facing": false, "calls": []string{}}}
		saved, err := api.Systems.Create(s)
		switch code {
		case "":
			r.fails(f, "SystemAPI.Create", args, "system.code_required", err)
		case "crm":
			r.fails(f, "SystemAPI.Create", args, "system.exists", err)
		default:
			if err == nil && saved.Code != "OA-PORTAL" {
				r.t.Fatalf("oa-portal saved as %q", saved.Code)
			}
			r.must(f, "", "SystemAPI.Create", args, saved, err)
		}
	}
	list, err := api.Systems.List()
	r.must(f+"-after", "", "SystemAPI.List", nil, list, err)
}
