package app_test

import (
	"golive/app"
	"golive/backend/profile"
	"golive/backend/template"
)

// editedFrequency is what the template-windows recording types into the
// planned mode's Chinese frequency.
const editedFrequency = "按照每年制定的全年发布窗口计划，常规发布"

// recordTemplateWindows: the two readings of the Java rule compared; the
// PMO's copy of the current template (as the
// editor starts it, see recordTemplateEdit, which runs after it: its save
// makes 2.5 current) with the Java window ending
// before it starts — which the backend refuses at that field — then ending
// at 23:30, then also with the planned mode's frequency reworded, each
// checked, and the last saved
// (file "template-windows"). The save happens in a folder of its own, whose
// only profile is the PMO's, so the sample folder's 2.5 stays free for
// template-edit.
func recordTemplateWindows(r *recorder) {
	const f = "template-windows"
	cur, err := r.api.Template.Current()
	if err != nil {
		r.t.Fatal(err)
	}
	draft := cur.Clone()
	draft.Version = "2.5"
	draft.Revisions = append(draft.Revisions, template.Revision{Version: draft.Version, Date: fixtureClock.Format("2006-01-02"), Author: r.roles["pmo"].Name})
	if draft.Windows == nil || draft.Windows.Rules[0].Class != "java" || draft.Modes[0].ID != "planned" {
		r.t.Fatal("the current template's first window rule is not java's, or its first mode not planned")
	}

	// The two readings of the Java rule for the plan of the next year, as
	// the editor asks before anything changed.
	java := draft.Windows.Rules[0]
	diffs, err := r.api.Windows.CompareRuleReadings(java, fixtureClock.Year()+1)
	if err != nil || len(diffs) == 0 {
		r.t.Fatalf("the Java rule's readings of %d: %v, %v", fixtureClock.Year()+1, diffs, err)
	}
	r.must(f, "", "WindowAPI.CompareRuleReadings", []any{java, fixtureClock.Year() + 1}, diffs, nil)

	late := draft.Clone()
	late.Windows.Rules[0].End = "18:00"
	problems := r.api.Template.Validate(*late)
	if len(problems) != 1 || problems[0].Code != template.CodeWindowEndBeforeStart || problems[0].Path != "windows.rules[0].end" {
		r.t.Fatalf("a Java window ending before it starts: %+v", problems)
	}
	r.must(f, "", "TemplateAPI.Validate", []any{late}, problems, nil)

	fixed := draft.Clone()
	fixed.Windows.Rules[0].End = "23:30"
	r.must(f, "", "TemplateAPI.Validate", []any{fixed}, r.api.Template.Validate(*fixed), nil)

	edited := fixed.Clone()
	edited.Modes[0].Frequency.Zh = editedFrequency
	ok := r.api.Template.Validate(*edited)
	if len(ok) != 0 {
		r.t.Fatalf("the edited copy: %+v", ok)
	}
	r.must(f, "", "TemplateAPI.Validate", []any{edited}, ok, nil)

	api := app.New(openAt(r.t, r.t.TempDir()), nil)
	pmo := r.roles["pmo"]
	if _, err := api.Profiles.Create(profile.CreateRequest{Name: pmo.Name, Department: pmo.Department, Roles: []string{"pmo"}, Passphrase: "correct horse"}); err != nil {
		r.t.Fatal(err)
	}
	info, err := api.Template.Save(*edited, false)
	r.must(f, "pmo", "TemplateAPI.Save", []any{edited, false}, info, err)
}
