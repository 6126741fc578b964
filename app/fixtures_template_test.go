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
	draft := r.draft()
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
	r.validSaved(f, edited)
}

// The parts of the new-system flow the template-links recording edits: the
// countersign row items whose duplicate question "does the system call
// other systems" (basic_apps) the PMO removes, the one that stays
// (biz_apps), and the release runbook a new deliverable of the PMO's step
// is the same document as.
const (
	linksDroppedItem = "ns.2.basic_apps.interface_calls"
	linksKeptItem    = "ns.2.biz_apps.interface_calls"
	linksCopy        = "ns.2.app_dev.release_note"
	linksOriginal    = "ns.1.release_note"
	linksStep        = "ns.4.pmo_approval"
	// linksNew is the id the editor gives the deliverable it adds to linksStep.
	linksNew = linksStep + ".deliverable1"
)

// recordTemplateLinks: the PMO's copy of the current template (as the
// editor starts it) in which, in the new-system flow, the basic-apps row's
// question about interface calls is removed and the PMO's step gets a
// deliverable declared the same document as the development row's release
// runbook, itself a copy — which the backend refuses at each condition
// naming the removed item and at that same_as; then with the conditions
// pointed at the business-apps row's question and the new deliverable at
// step 1's runbook, marked waivable, checked and saved in a folder of its
// own (file "template-links").
func recordTemplateLinks(r *recorder) {
	const f = "template-links"
	draft := r.draft()

	broken := draft.Clone()
	flow := linksFlow(r, broken)
	var original *template.Deliverable
	var pmoStep *template.Step
	for j := range flow.Steps {
		s := &flow.Steps[j]
		for k := range s.Deliverables {
			if s.Deliverables[k].ID == linksOriginal {
				original = &s.Deliverables[k]
			}
		}
		if s.ID == linksStep {
			pmoStep = s
		}
		for k := range s.Rows {
			row := &s.Rows[k]
			for m, it := range row.Items {
				if it.ID == linksDroppedItem {
					row.Items = append(row.Items[:m:m], row.Items[m+1:]...)
					break
				}
			}
		}
	}
	if original == nil || pmoStep == nil {
		r.t.Fatalf("the new-system flow has no deliverable %s or no step %s", linksOriginal, linksStep)
	}
	pmoStep.Deliverables = append(pmoStep.Deliverables, template.Deliverable{ID: linksNew, Name: original.Name, Required: true, SameAs: linksCopy})
	problems := r.api.Template.Validate(*broken)
	codes := map[string]int{}
	for _, p := range problems {
		codes[p.Code]++
	}
	if len(problems) < 2 || codes[template.CodeBadCondition] == 0 || codes[template.CodeBadSameAs] != 1 || codes[template.CodeBadCondition]+codes[template.CodeBadSameAs] != len(problems) {
		r.t.Fatalf("a removed item still named by conditions, and a same_as naming a copy: %+v", problems)
	}
	r.must(f, "", "TemplateAPI.Validate", []any{broken}, problems, nil)

	fixed := broken.Clone()
	flow = linksFlow(r, fixed)
	repoint := func(c *template.Condition) {
		if c != nil && c.Item == linksDroppedItem {
			c.Item = linksKeptItem
		}
	}
	for j := range flow.Steps {
		s := &flow.Steps[j]
		lists := [][]template.Deliverable{s.Deliverables}
		items := [][]template.Item{s.Items}
		for _, row := range s.Rows {
			lists = append(lists, row.Deliverables)
			items = append(items, row.Items)
		}
		for _, l := range items {
			for k := range l {
				repoint(l[k].When)
			}
		}
		for _, l := range lists {
			for k := range l {
				repoint(l[k].When)
				if l[k].ID == linksNew {
					l[k].SameAs = linksOriginal
					l[k].Waivable = true
				}
			}
		}
	}
	r.validSaved(f, fixed)
}

// linksFlow is t's new-system flow.
func linksFlow(r *recorder, t *template.Template) *template.Flow {
	for i := range t.Flows {
		if t.Flows[i].ID == "new_system" {
			return &t.Flows[i]
		}
	}
	r.t.Fatal("the current template has no new_system flow")
	return nil
}

// validSaved records in file that the backend finds no problem in the
// copy t (TemplateAPI.Validate), then its saving by the PMO, made in a
// folder of its own whose only profile is the PMO's, so the sample
// folder's versions stay free.
func (r *recorder) validSaved(file string, t *template.Template) {
	r.t.Helper()
	ok := r.api.Template.Validate(*t)
	if len(ok) != 0 {
		r.t.Fatalf("the copy has problems: %+v", ok)
	}
	r.must(file, "", "TemplateAPI.Validate", []any{t}, ok, nil)
	api := app.New(openAt(r.t, r.t.TempDir()), nil)
	pmo := r.roles["pmo"]
	if _, err := api.Profiles.Create(profile.CreateRequest{Name: pmo.Name, Department: pmo.Department, Roles: []string{"pmo"}, Passphrase: "correct horse"}); err != nil {
		r.t.Fatal(err)
	}
	info, err := api.Template.Save(*t, false)
	r.must(file, "pmo", "TemplateAPI.Save", []any{t, false}, info, err)
}

// The parts of the current template the template-scope recording edits.
const (
	// scopeExclusionID is the id the PMO gives the first exclusion after
	// clearing it.
	scopeExclusionID = "data_change"
	// scopeNewExclusion is the id the editor gives the exclusion it adds.
	scopeNewExclusion = "exclusion1"
	// scopeChecklistItem is the checklist item the PMO links to the
	// runbook's scenario tests.
	scopeChecklistItem = "pre.user_test"
	// scopeReviewName is the emergency post-release review's new Chinese name.
	scopeReviewName = "紧急发布复盘会"
)

// recordTemplateScope: the PMO's copy of the current template (as the
// editor starts it) with the first exclusion's id cleared and the
// emergency mode's post-release review left without a role — which the
// backend reports at those two fields; then with the exclusion renamed
// (new id, new English name), the third removed and one added, the review
// renamed and recorded by the project manager and the PMO, the upgrade
// type asking for the release method, the user-test item linked to the
// scenario tests and archiving no longer waiting for trial-run issues,
// checked and saved in a folder of its own (file "template-scope").
func recordTemplateScope(r *recorder) {
	const f = "template-scope"
	draft := r.draft()
	if len(draft.Exclusions) != 3 || len(draft.Modes) != 2 || draft.Modes[1].PostReview == nil || len(draft.ReleaseTypes) != 2 || draft.ReleaseTypes[1].ReleaseMethodRequired ||
		len(draft.Checklist) < 3 || draft.Checklist[2].ID != scopeChecklistItem || draft.Checklist[2].LinksTo != "" || !draft.Settings.ArchiveWaitsForTrialIssues {
		r.t.Fatal("the current template's exclusions, emergency review, upgrade type, user-test item or archive rule are not as the template-scope recording expects")
	}

	broken := draft.Clone()
	broken.Exclusions[0].ID = ""
	broken.Modes[1].PostReview.Roles = nil
	problems := r.api.Template.Validate(*broken)
	if len(problems) != 2 || problems[0].Path != "modes[1].post_review.roles" || problems[1].Path != "exclusions[0].id" ||
		problems[0].Code != template.CodeMissingField || problems[1].Code != template.CodeMissingField {
		r.t.Fatalf("an exclusion without an id and a review without a role: %+v", problems)
	}
	r.must(f, "", "TemplateAPI.Validate", []any{broken}, problems, nil)

	fixed := broken.Clone()
	fixed.Exclusions[0].ID = scopeExclusionID
	fixed.Exclusions[0].Name.En = "Data change only"
	fixed.Exclusions = append(fixed.Exclusions[:2], template.Exclusion{ID: scopeNewExclusion, Name: template.Text{Zh: "网络策略调整", En: "Network policy change"}})
	review := fixed.Modes[1].PostReview
	review.Name.Zh = scopeReviewName
	review.Roles = []string{"project_manager", "pmo"}
	fixed.ReleaseTypes[1].ReleaseMethodRequired = true
	fixed.Checklist[2].LinksTo = template.LinksScenarioTests
	fixed.Settings.ArchiveWaitsForTrialIssues = false
	r.validSaved(f, fixed)
}

// draft is the copy of the current template the PMO edits in the
// template-editor recordings: version 2.5 with its revision entry.
func (r *recorder) draft() *template.Template {
	r.t.Helper()
	cur, err := r.api.Template.Current()
	if err != nil {
		r.t.Fatal(err)
	}
	d := cur.Clone()
	d.Version = "2.5"
	d.Revisions = append(d.Revisions, template.Revision{Version: d.Version, Date: fixtureClock.Format("2006-01-02"), Author: r.roles["pmo"].Name})
	return d
}
