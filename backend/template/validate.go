package template

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golive/backend/apperr"
)

// Problem codes reported by Validate.
const (
	// CodeInvalid is the apperr code of a *ValidationError as a whole.
	CodeInvalid = "template.invalid"
	// CodeMissingField: a required value is empty (params: field).
	CodeMissingField = "template.missing_field"
	// CodeDuplicateID: an id occurs twice in its scope (params: id, scope).
	CodeDuplicateID = "template.duplicate_id"
	// CodeUnknownRole: a reference names no role (params: role).
	CodeUnknownRole = "template.unknown_role"
	// CodeUnknownDepartment: a reference names no department (params: department).
	CodeUnknownDepartment = "template.unknown_department"
	// CodeUnknownDocument: a reference names no standard document (params: document).
	CodeUnknownDocument = "template.unknown_document"
	// CodeUnknownReleaseType: a flow names no release type (params: release_type).
	CodeUnknownReleaseType = "template.unknown_release_type"
	// CodeStepNoActor: a non-countersign step has no role (params: step).
	CodeStepNoActor = "template.step_no_actor"
	// CodeEmptyCountersign: a countersign step has no rows, or a row has no role (params: step).
	CodeEmptyCountersign = "template.empty_countersign"
	// CodeBadCondition: a condition (when) names no approval item of the
	// same flow (params: item).
	CodeBadCondition = "template.bad_condition"
	// CodeBadSameAs: a deliverable's same_as names no earlier deliverable of
	// the same flow, one that is itself a copy, a generated one, or one of
	// another kind (hash-only or not) (params: deliverable, same_as).
	CodeBadSameAs = "template.bad_same_as"
	// CodeBadProduces: a deliverable's produces is not one of
	// ProducesKinds(), is set on a deliverable that is not generated or not
	// of a filing step, or names a document its step already produces
	// (params: deliverable, produces).
	CodeBadProduces = "template.bad_produces"
	// CodeBadStepKind: a step's kind is not one of Kinds() (params: kind).
	CodeBadStepKind = "template.bad_step_kind"
	// CodeNoFlow: a release type's flow_id names no flow (params: flow).
	CodeNoFlow = "template.no_flow"
	// CodeBadGroup: a checklist item's group is not precondition or plan (params: group).
	CodeBadGroup = "template.bad_group"
	// CodeStepOrder: step numbers are not 1..n in order; only the first misnumbered step of a flow is reported (params: no, want).
	CodeStepOrder = "template.step_order"
	// CodeFlowShape: a flow's steps break the engine's rules (params: problem =
	// start_not_first, no_start, approval_after_release, one_confirmation,
	// duplicate_kind).
	CodeFlowShape = "template.flow_shape"
	// CodeBadNumber: checklist (per group) or document numbers are not positive and increasing (params: no, after).
	CodeBadNumber = "template.bad_number"
	// CodeBadDate: a revision date is not YYYY-MM-DD (params: date).
	CodeBadDate = "template.bad_date"
	// CodeBadSetting: a setting has an unknown value (params: setting, value).
	CodeBadSetting = "template.bad_setting"
	// CodeUnknownScope: a role's scope is not one of Scopes (params: role, scope).
	CodeUnknownScope = "template.unknown_scope"
	// CodeBadSeparation: a group of settings.separate names fewer than two
	// distinct roles (params: group).
	CodeBadSeparation = "template.bad_separation"
	// CodeWindowUnknownClass: a window rule names no system class (params: class).
	CodeWindowUnknownClass = "template.window_unknown_class"
	// CodeWindowDuplicateClass: two window rules name one class (params: class).
	CodeWindowDuplicateClass = "template.window_duplicate_class"
	// CodeWindowMissingClass: a system class has no window rule (params: class).
	CodeWindowMissingClass = "template.window_missing_class"
	// CodeWindowBadWeekday: a rule's weekday is not monday…sunday (params: value).
	CodeWindowBadWeekday = "template.window_bad_weekday"
	// CodeWindowBadWeeks: a rule's weeks are empty, outside 1-5 or repeated (params: value).
	CodeWindowBadWeeks = "template.window_bad_weeks"
	// CodeWindowBadReading: a rule's week reading is unknown (params: value).
	CodeWindowBadReading = "template.window_bad_reading"
	// CodeWindowBadTime: a start or end time is not HH:MM (params: field, value).
	CodeWindowBadTime = "template.window_bad_time"
	// CodeWindowEndBeforeStart: a rule's end is not after its start (params: start, end).
	CodeWindowEndBeforeStart = "template.window_end_before_start"
	// CodeWindowBadZone: a rule's zone is not a known IANA zone (params: value).
	CodeWindowBadZone = "template.window_bad_zone"
	// CodeWindowBadPolicy: a rule's holiday policy is unknown (params: value).
	CodeWindowBadPolicy = "template.window_bad_policy"
	// CodeWindowBadCapacity: a rule's capacity is negative (params: value).
	CodeWindowBadCapacity = "template.window_bad_capacity"
	// CodeWindowBadFreeze: a freeze-rule number is out of range (params: field, value).
	CodeWindowBadFreeze = "template.window_bad_freeze"
	// CodeWindowBadRange: a freeze range ends before it starts (params: start, end).
	CodeWindowBadRange = "template.window_bad_range"
	// CodeWindowManagerScoped: settings.window_manager_role names a role the
	// roster resolves per dossier, which nobody holds for the whole plan
	// (params: role).
	CodeWindowManagerScoped = "template.window_manager_scoped"
	// CodeBadID: an id is not a plain name (params: value).
	CodeBadID = "template.bad_id"
	// CodeBadText: a text holds a control character or a bidirectional
	// override (params: rune, as U+XXXX).
	CodeBadText = "template.bad_text"
)

// Problem is one inconsistency found in a template.
type Problem struct {
	// Code is a stable, translatable code such as "template.unknown_role".
	Code string `json:"code"`
	// Path locates the offending value, e.g. "flows[new_system].steps[1].rows[0].role".
	Path string `json:"path"`
	// Params holds values the translated message interpolates.
	Params map[string]string `json:"params,omitempty"`
}

// String renders the problem as "code at path (k=v, …)".
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.Code)
	if p.Path != "" {
		b.WriteString(" at ")
		b.WriteString(p.Path)
	}
	if len(p.Params) > 0 {
		keys := make([]string, 0, len(p.Params))
		for k := range p.Params {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		b.WriteString(" (")
		for i, k := range keys {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "%s=%s", k, p.Params[k])
		}
		b.WriteString(")")
	}
	return b.String()
}

// ValidationError lists every problem Validate found. apperr.Code on it
// yields "template.invalid".
type ValidationError struct {
	// Problems are the problems found, in template order.
	Problems []Problem `json:"problems"`
}

// Error renders all problems in English.
func (e *ValidationError) Error() string {
	parts := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		parts[i] = p.String()
	}
	return fmt.Sprintf("%s: %d problem(s): %s", CodeInvalid, len(e.Problems), strings.Join(parts, "; "))
}

// Unwrap returns an *apperr.Error coded "template.invalid" with the problem
// count, so apperr.Code and errors.Is recognise a ValidationError.
func (e *ValidationError) Unwrap() error {
	return apperr.New(CodeInvalid, "count", strconv.Itoa(len(e.Problems))).WithDetail("%s", e.Error())
}

// Has reports whether a problem with code was found, at path if path is non-empty.
func (e *ValidationError) Has(code, path string) bool {
	for _, p := range e.Problems {
		if p.Code == code && (path == "" || p.Path == path) {
			return true
		}
	}
	return false
}

type validator struct {
	problems []Problem
	roles    map[string]bool
	depts    map[string]bool
	docs     map[string]bool
	flows    map[string]bool
	rtypes   map[string]bool
	items    map[string]bool
	delivs   map[string]bool
}

func (v *validator) add(code, path string, kv ...string) {
	p := Problem{Code: code, Path: path}
	if len(kv) > 0 {
		p.Params = make(map[string]string, len(kv)/2)
		for i := 0; i+1 < len(kv); i += 2 {
			p.Params[kv[i]] = kv[i+1]
		}
	}
	v.problems = append(v.problems, p)
}

func (v *validator) required(path, field, value string) {
	if strings.TrimSpace(value) == "" {
		v.add(CodeMissingField, join(path, field), "field", field)
	}
}

func (v *validator) requiredText(path, field string, value Text) {
	if strings.TrimSpace(value.Zh) == "" && strings.TrimSpace(value.En) == "" {
		v.add(CodeMissingField, join(path, field), "field", field)
	}
}

// unique records id in seen and reports a duplicate in scope; empty ids are
// reported as missing instead.
func (v *validator) unique(seen map[string]bool, scope, path, id string) {
	if strings.TrimSpace(id) == "" {
		v.add(CodeMissingField, join(path, "id"), "field", "id")
		return
	}
	if seen[id] {
		v.add(CodeDuplicateID, join(path, "id"), "id", id, "scope", scope)
		return
	}
	seen[id] = true
}

func (v *validator) role(path, id string) {
	if id != "" && !v.roles[id] {
		v.add(CodeUnknownRole, path, "role", id)
	}
}

func (v *validator) department(path, id string) {
	if id != "" && !v.depts[id] {
		v.add(CodeUnknownDepartment, path, "department", id)
	}
}

func (v *validator) document(path, id string) {
	if id != "" && !v.docs[id] {
		v.add(CodeUnknownDocument, path, "document", id)
	}
}

// increasing reports a number that does not follow prev (numbers are
// positive and strictly increasing; gaps are allowed so that deleting an
// entry does not invalidate the rest).
func (v *validator) increasing(path string, no, prev int) {
	if no <= prev || no < 1 {
		v.add(CodeBadNumber, path, "no", strconv.Itoa(no), "after", strconv.Itoa(prev))
	}
}

func join(path, field string) string {
	if path == "" {
		return field
	}
	return path + "." + field
}

func idx(name string, i int) string { return fmt.Sprintf("%s[%d]", name, i) }

// Validate checks t for internal consistency and returns nil or a
// *ValidationError listing every problem found.
func (t *Template) Validate() error {
	v := &validator{
		roles:  map[string]bool{},
		depts:  map[string]bool{},
		docs:   map[string]bool{},
		flows:  map[string]bool{},
		rtypes: map[string]bool{},
		items:  map[string]bool{},
		delivs: map[string]bool{},
	}
	// Collect the id sets first so references can be checked in any order.
	for _, r := range t.Roles {
		v.roles[r.ID] = true
	}
	for _, d := range t.Departments {
		v.depts[d.ID] = true
	}
	for _, d := range t.Documents {
		v.docs[d.ID] = true
	}
	for _, f := range t.Flows {
		v.flows[f.ID] = true
	}
	for _, rt := range t.ReleaseTypes {
		v.rtypes[rt.ID] = true
	}
	delete(v.roles, "")
	delete(v.depts, "")
	delete(v.docs, "")
	delete(v.flows, "")
	delete(v.rtypes, "")

	v.required("", "id", t.ID)
	v.required("", "version", t.Version)
	v.requiredText("", "name", t.Name)

	for i, r := range t.Revisions {
		p := idx("revisions", i)
		v.required(p, "version", r.Version)
		if r.Date == "" {
			v.add(CodeMissingField, join(p, "date"), "field", "date")
		} else if _, err := time.Parse(time.DateOnly, r.Date); err != nil {
			v.add(CodeBadDate, join(p, "date"), "date", r.Date)
		}
	}

	seen := map[string]bool{}
	for i, s := range t.Stages {
		p := idx("stages", i)
		v.unique(seen, "stage", p, s.ID)
		v.requiredText(p, "name", s.Name)
	}

	seen = map[string]bool{}
	for i, rt := range t.ReleaseTypes {
		p := idx("release_types", i)
		v.unique(seen, "release_type", p, rt.ID)
		v.requiredText(p, "name", rt.Name)
		sub := map[string]bool{}
		for j, o := range rt.Subtypes {
			sp := join(p, idx("subtypes", j))
			v.unique(sub, "subtype", sp, o.ID)
			v.requiredText(sp, "name", o.Name)
		}
		if rt.FlowID == "" {
			v.add(CodeMissingField, join(p, "flow_id"), "field", "flow_id")
		} else if !v.flows[rt.FlowID] {
			v.add(CodeNoFlow, join(p, "flow_id"), "flow", rt.FlowID)
		}
		v.document(join(p, "same_day_test_document"), rt.SameDayTestDocument)
		for j, r := range rt.SameDayTestRoles {
			v.role(join(p, idx("same_day_test_roles", j)), r)
		}
		v.role(join(p, "same_day_test_confirmer_role"), rt.SameDayTestConfirmerRole)
	}

	seen = map[string]bool{}
	for i, m := range t.Modes {
		p := idx("modes", i)
		v.unique(seen, "mode", p, m.ID)
		v.requiredText(p, "name", m.Name)
		v.role(join(p, "signature_role"), m.SignatureRole)
		if m.SignatureStep != nil {
			sp := join(p, "signature_step")
			v.step(map[string]bool{}, sp, m.SignatureStep)
			if m.SignatureStep.Kind != KindSequential {
				v.add(CodeBadStepKind, join(sp, "kind"), "kind", m.SignatureStep.Kind)
			}
		}
		v.itemList(join(p, "confirmation_items"), m.ConfirmationItems)
		if r := m.PostReview; r != nil {
			rp := join(p, "post_review")
			v.requiredText(rp, "name", r.Name)
			if len(r.Roles) == 0 {
				v.add(CodeMissingField, join(rp, "roles"), "field", "roles")
			}
			for j, role := range r.Roles {
				v.role(join(rp, idx("roles", j)), role)
			}
			if r.RequiredBefore != PostReviewBeforeArchive {
				v.add(CodeBadSetting, join(rp, "required_before"), "setting", "required_before", "value", r.RequiredBefore)
			}
		}
	}

	seen = map[string]bool{}
	for i, x := range t.Exclusions {
		p := idx("exclusions", i)
		v.unique(seen, "exclusion", p, x.ID)
		v.requiredText(p, "name", x.Name)
	}

	seen = map[string]bool{}
	for i, d := range t.Departments {
		p := idx("departments", i)
		v.unique(seen, "department", p, d.ID)
		v.requiredText(p, "name", d.Name)
		v.department(join(p, "parent"), d.Parent)
	}

	seen = map[string]bool{}
	for i, r := range t.Roles {
		p := idx("roles", i)
		v.unique(seen, "role", p, r.ID)
		v.requiredText(p, "name", r.Name)
		v.department(join(p, "department"), r.Department)
		if !slices.Contains(Scopes(), r.Scope) {
			v.add(CodeUnknownScope, join(p, "scope"), "role", r.ID, "scope", r.Scope)
		}
	}

	seen = map[string]bool{}
	lastNo := map[string]int{}
	for i, c := range t.Checklist {
		p := idx("checklist", i)
		v.unique(seen, "checklist", p, c.ID)
		v.requiredText(p, "title", c.Title)
		if c.Group != GroupPrecondition && c.Group != GroupPlan {
			v.add(CodeBadGroup, join(p, "group"), "group", c.Group)
		} else {
			v.increasing(join(p, "no"), c.No, lastNo[c.Group])
			lastNo[c.Group] = c.No
		}
		v.document(join(p, "document"), c.Document)
		if c.LinksTo != "" && c.LinksTo != LinksRunbook && c.LinksTo != LinksScenarioTests {
			v.add(CodeBadSetting, join(p, "links_to"), "setting", "links_to", "value", c.LinksTo)
		}
	}

	seen = map[string]bool{}
	for i, d := range t.Documents {
		p := idx("documents", i)
		v.unique(seen, "document", p, d.ID)
		v.requiredText(p, "name", d.Name)
		prev := 0
		if i > 0 {
			prev = t.Documents[i-1].No
		}
		v.increasing(join(p, "no"), d.No, prev)
	}

	seen = map[string]bool{}
	for i := range t.Flows {
		v.flow(seen, i, &t.Flows[i])
	}

	for i, r := range t.Settings.ArchiveRoles {
		v.role(idx("settings.archive_roles", i), r)
	}
	if len(t.Settings.ArchiveRoles) == 0 {
		v.add(CodeMissingField, "settings.archive_roles", "field", "archive_roles")
	}
	for _, f := range []struct{ name, role string }{{"release_operator_role", t.Settings.ReleaseOperatorRole}, {"supervisor_role", t.Settings.SupervisorRole}, {"template_editor_role", t.Settings.TemplateEditorRole}} {
		if f.role == "" {
			v.add(CodeMissingField, "settings."+f.name, "field", f.name)
		} else {
			v.role("settings."+f.name, f.role)
		}
	}
	if r := t.Settings.ReviewChairRole; r != "" {
		v.role("settings.review_chair_role", r)
	}
	if it := t.Settings.ReviewItem; it != "" {
		if _, ok := t.ChecklistItem(it); !ok {
			v.add(CodeBadSetting, "settings.review_item", "setting", "review_item", "value", it)
		}
	}
	if r := t.Settings.WindowManagerRole; r != "" {
		v.role("settings.window_manager_role", r)
		if role, ok := t.Role(r); ok && role.Scope != ScopeGlobal {
			v.add(CodeWindowManagerScoped, "settings.window_manager_role", "role", r)
		}
	}
	for i, group := range t.Settings.Separate {
		p := idx("settings.separate", i)
		distinct := map[string]bool{}
		for j, r := range group {
			v.role(p+"["+strconv.Itoa(j)+"]", r)
			if r != "" {
				distinct[r] = true
			}
		}
		if len(distinct) < 2 || len(distinct) != len(group) {
			v.add(CodeBadSeparation, p, "group", strconv.Itoa(i))
		}
	}
	switch t.Settings.ApprovalsCarryOver {
	case CarryOverAllUnlessChanged, CarryOverNone:
	case "":
		v.add(CodeMissingField, "settings.approvals_carry_over", "field", "approvals_carry_over")
	default:
		v.add(CodeBadSetting, "settings.approvals_carry_over", "setting", "approvals_carry_over", "value", t.Settings.ApprovalsCarryOver)
	}

	if t.Windows != nil {
		v.windows("windows", *t.Windows)
	}
	v.strings(t)

	if len(v.problems) == 0 {
		return nil
	}
	return &ValidationError{Problems: v.problems}
}

// strings walks every string of t, as its JSON has them: an id ("id",
// the template's own too) must be a plain name — letters, digits, '.',
// '_' and '-', starting with a letter or digit, at most 64 characters, no
// ".." — so it is never a path; no text may hold a control character
// (line breaks and tabs aside) or a bidirectional override or isolate,
// which can make printed text read differently from what it holds.
func (v *validator) strings(t *Template) {
	raw, err := json.Marshal(t)
	if err != nil {
		return
	}
	var doc any
	if json.Unmarshal(raw, &doc) != nil {
		return
	}
	var walk func(path string, x any)
	walk = func(path string, x any) {
		switch x := x.(type) {
		case map[string]any:
			keys := make([]string, 0, len(x))
			for k := range x {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			for _, k := range keys {
				p := join(path, k)
				if s, ok := x[k].(string); ok && k == "id" && s != "" && !plainID(s) {
					v.add(CodeBadID, p, "value", s)
					continue
				}
				walk(p, x[k])
			}
		case []any:
			for i, e := range x {
				walk(fmt.Sprintf("%s[%d]", path, i), e)
			}
		case string:
			if r, bad := badRune(x); bad {
				v.add(CodeBadText, path, "rune", fmt.Sprintf("U+%04X", r))
			}
		}
	}
	walk("", doc)
}

// plainID reports whether s is a plain name (see strings).
func plainID(s string) bool {
	if s == "" || len(s) > 64 || strings.Contains(s, "..") {
		return false
	}
	for i, r := range s {
		alnum := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
		if !alnum && (i == 0 || (r != '.' && r != '_' && r != '-')) {
			return false
		}
	}
	return true
}

// badRune returns the first control character (but line break and tab)
// or bidirectional override/isolate of s.
func badRune(s string) (rune, bool) {
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t' || r == '\r':
		case unicode.IsControl(r), r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
			return r, true
		}
	}
	return 0, false
}

// ValidateWindows checks window settings on their own (before the PMO saves
// them) and returns nil or a *ValidationError with the window codes.
func ValidateWindows(w WindowSettings) error {
	v := &validator{}
	v.windows("windows", w)
	if len(v.problems) == 0 {
		return nil
	}
	return &ValidationError{Problems: v.problems}
}

// ValidateWindowRule checks one rule on its own (for a preview) and returns
// nil or a *ValidationError with the window codes.
func ValidateWindowRule(r WindowRule) error {
	v := &validator{}
	v.windowRule("rule", r)
	if len(v.problems) == 0 {
		return nil
	}
	return &ValidationError{Problems: v.problems}
}

// Weekday returns the time.Weekday named by an English lower-case day name
// ("thursday"), and false for anything else.
func Weekday(name string) (time.Weekday, bool) {
	for d := time.Sunday; d <= time.Saturday; d++ {
		if strings.ToLower(d.String()) == name {
			return d, true
		}
	}
	return 0, false
}

// ClockMinutes reads "HH:MM" (00:00-23:59) as minutes after midnight.
func ClockMinutes(s string) (int, bool) {
	if len(s) != 5 || s[2] != ':' {
		return 0, false
	}
	h, err1 := strconv.Atoi(s[:2])
	m, err2 := strconv.Atoi(s[3:])
	if err1 != nil || err2 != nil || h < 0 || h > 23 || m < 0 || m > 59 {
		return 0, false
	}
	return h*60 + m, true
}

func (v *validator) windows(p string, w WindowSettings) {
	seen := map[string]bool{}
	for i, r := range w.Rules {
		rp := join(p, idx("rules", i))
		v.windowRule(rp, r)
		if seen[r.Class] {
			v.add(CodeWindowDuplicateClass, join(rp, "class"), "class", r.Class)
		}
		seen[r.Class] = true
	}
	for _, c := range SystemClasses() {
		if !seen[c] {
			v.add(CodeWindowMissingClass, join(p, "rules"), "class", c)
		}
	}
	f := w.Freeze
	if f.WorkingDaysBefore < 0 || f.WorkingDaysBefore > 30 {
		v.add(CodeWindowBadFreeze, join(p, "freeze.working_days_before"), "field", "working_days_before", "value", strconv.Itoa(f.WorkingDaysBefore))
	}
	if f.WorkingDaysBefore > 0 && (f.MinHolidayDays < 1 || f.MinHolidayDays > 30) {
		v.add(CodeWindowBadFreeze, join(p, "freeze.min_holiday_days"), "field", "min_holiday_days", "value", strconv.Itoa(f.MinHolidayDays))
	}
	ids := map[string]bool{}
	for i, fr := range w.FreezeRanges {
		fp := join(p, idx("freeze_ranges", i))
		v.unique(ids, "freeze_range", fp, fr.ID)
		v.requiredText(fp, "name", fr.Name)
		start, err1 := time.Parse(time.DateOnly, fr.Start)
		if err1 != nil {
			v.add(CodeBadDate, join(fp, "start"), "date", fr.Start)
		}
		end, err2 := time.Parse(time.DateOnly, fr.End)
		if err2 != nil {
			v.add(CodeBadDate, join(fp, "end"), "date", fr.End)
		}
		if err1 == nil && err2 == nil && end.Before(start) {
			v.add(CodeWindowBadRange, fp, "start", fr.Start, "end", fr.End)
		}
	}
}

func (v *validator) windowRule(p string, r WindowRule) {
	if !slices.Contains(SystemClasses(), r.Class) {
		v.add(CodeWindowUnknownClass, join(p, "class"), "class", r.Class)
	}
	if _, ok := Weekday(r.Weekday); !ok {
		v.add(CodeWindowBadWeekday, join(p, "weekday"), "value", r.Weekday)
	}
	weeks := map[int]bool{}
	bad := len(r.Weeks) == 0
	for _, n := range r.Weeks {
		bad = bad || n < 1 || n > 5 || weeks[n]
		weeks[n] = true
	}
	if bad {
		v.add(CodeWindowBadWeeks, join(p, "weeks"), "value", fmt.Sprint(r.Weeks))
	}
	if r.WeekReading != ReadingNthWeekday && r.WeekReading != ReadingCalendarWeek {
		v.add(CodeWindowBadReading, join(p, "week_reading"), "value", r.WeekReading)
	}
	start, okS := ClockMinutes(r.Start)
	if !okS {
		v.add(CodeWindowBadTime, join(p, "start"), "field", "start", "value", r.Start)
	}
	end, okE := ClockMinutes(r.End)
	if !okE {
		v.add(CodeWindowBadTime, join(p, "end"), "field", "end", "value", r.End)
	}
	if okS && okE && end <= start {
		v.add(CodeWindowEndBeforeStart, join(p, "end"), "start", r.Start, "end", r.End)
	}
	if _, err := time.LoadLocation(r.Zone); r.Zone == "" || r.Zone == "Local" || err != nil {
		v.add(CodeWindowBadZone, join(p, "zone"), "value", r.Zone)
	}
	switch r.HolidayPolicy {
	case PolicyPreviousWorkingDay, PolicyNextWorkingDay, PolicyCancel:
	default:
		v.add(CodeWindowBadPolicy, join(p, "holiday_policy"), "value", r.HolidayPolicy)
	}
	if r.Capacity < 0 {
		v.add(CodeWindowBadCapacity, join(p, "capacity"), "value", strconv.Itoa(r.Capacity))
	}
}

func (v *validator) flow(seen map[string]bool, i int, f *Flow) {
	p := idx("flows", i)
	if f.ID != "" && !seen[f.ID] {
		p = "flows[" + f.ID + "]"
	}
	v.unique(seen, "flow", p, f.ID)
	v.requiredText(p, "name", f.Name)
	if f.ReleaseType == "" {
		v.add(CodeMissingField, join(p, "release_type"), "field", "release_type")
	} else if !v.rtypes[f.ReleaseType] {
		v.add(CodeUnknownReleaseType, join(p, "release_type"), "release_type", f.ReleaseType)
	}
	if len(f.Steps) == 0 {
		v.add(CodeMissingField, join(p, "steps"), "field", "steps")
	}
	steps := map[string]bool{}
	for j := range f.Steps {
		v.step(steps, join(p, idx("steps", j)), &f.Steps[j])
	}
	v.flowShape(p, f)
	v.flowLinks(p, f)
	// Report only the first misnumbered step: one missing step would
	// otherwise flag every step after it.
	for j, s := range f.Steps {
		if s.No != j+1 {
			v.add(CodeStepOrder, join(p, idx("steps", j)+".no"), "no", strconv.Itoa(s.No), "want", strconv.Itoa(j+1))
			break
		}
	}
}

func (v *validator) step(seen map[string]bool, p string, s *Step) {
	v.unique(seen, "step", p, s.ID)
	v.requiredText(p, "name", s.Name)
	if !slices.Contains(Kinds(), s.Kind) {
		v.add(CodeBadStepKind, join(p, "kind"), "kind", s.Kind)
	}
	v.department(join(p, "department"), s.Department)
	if s.Kind == KindCountersign {
		if len(s.Rows) == 0 {
			v.add(CodeEmptyCountersign, join(p, "rows"), "step", s.ID)
		}
		v.role(join(p, "role"), s.Role)
	} else if s.Role == "" {
		v.add(CodeStepNoActor, join(p, "role"), "step", s.ID)
	} else {
		v.role(join(p, "role"), s.Role)
	}
	if s.Kind == KindFiling && len(s.FiledTo) == 0 {
		v.add(CodeMissingField, join(p, "filed_to"), "field", "filed_to")
	}
	for k, r := range s.FiledTo {
		v.role(join(p, idx("filed_to", k)), r)
	}
	v.itemList(p, s.Items)
	v.deliverableList(p, s.Deliverables)
	rows := map[string]bool{}
	for k, r := range s.Rows {
		rp := join(p, idx("rows", k))
		v.unique(rows, "row", rp, r.ID)
		if r.Role == "" {
			v.add(CodeEmptyCountersign, join(rp, "role"), "step", s.ID)
		} else {
			v.role(join(rp, "role"), r.Role)
		}
		v.itemList(rp, r.Items)
		v.deliverableList(rp, r.Deliverables)
	}
}

func (v *validator) itemList(p string, items []Item) {
	for k, it := range items {
		ip := join(p, idx("items", k))
		v.unique(v.items, "item", ip, it.ID)
		v.requiredText(ip, "text", it.Text)
	}
}

func (v *validator) deliverableList(p string, ds []Deliverable) {
	for k, d := range ds {
		dp := join(p, idx("deliverables", k))
		v.unique(v.delivs, "deliverable", dp, d.ID)
		v.requiredText(dp, "name", d.Name)
		v.document(join(dp, "document"), d.Document)
	}
}

// flowLinks checks the references between a flow's own entries: every
// condition names an approval item of the flow, and every same_as an
// earlier deliverable of the flow that is an original of the same kind.
func (v *validator) flowLinks(p string, f *Flow) {
	items := map[string]bool{}
	for _, s := range f.Steps {
		for _, it := range s.Items {
			items[it.ID] = true
		}
		for _, r := range s.Rows {
			for _, it := range r.Items {
				items[it.ID] = true
			}
		}
	}
	when := func(path string, c *Condition) {
		if c != nil && c.Item != "" && !items[c.Item] {
			v.add(CodeBadCondition, join(path, "when.item"), "item", c.Item)
		}
	}
	earlier := map[string]Deliverable{}
	delivs := func(path string, ds []Deliverable) {
		for k, d := range ds {
			dp := join(path, idx("deliverables", k))
			when(dp, d.When)
			if d.SameAs != "" {
				o, ok := earlier[d.SameAs]
				if !ok || o.SameAs != "" || o.Generated || d.Generated || o.HashOnly != d.HashOnly {
					v.add(CodeBadSameAs, join(dp, "same_as"), "deliverable", d.ID, "same_as", d.SameAs)
				}
			}
		}
		for _, d := range ds {
			earlier[d.ID] = d
		}
	}
	for j, s := range f.Steps {
		sp := join(p, idx("steps", j))
		for k, it := range s.Items {
			when(join(sp, idx("items", k)), it.When)
		}
		delivs(sp, s.Deliverables)
		v.produces(sp, s)
		for k, r := range s.Rows {
			rp := join(sp, idx("rows", k))
			for m, it := range r.Items {
				when(join(rp, idx("items", m)), it.When)
			}
			delivs(rp, r.Deliverables)
		}
	}
}

// produces checks the documents a step's generated deliverables name
// (Deliverable.Produces): known ones, on generated deliverables of a
// filing step, each at most once per step. A countersign row makes none.
func (v *validator) produces(p string, s Step) {
	seen := map[string]bool{}
	for k, d := range s.Deliverables {
		if d.Produces == "" {
			continue
		}
		if !slices.Contains(ProducesKinds(), d.Produces) || !d.Generated || s.Kind != KindFiling || seen[d.Produces] {
			v.add(CodeBadProduces, join(join(p, idx("deliverables", k)), "produces"), "deliverable", d.ID, "produces", d.Produces)
		}
		seen[d.Produces] = true
	}
	for k, r := range s.Rows {
		for m, d := range r.Deliverables {
			if d.Produces != "" {
				v.add(CodeBadProduces, join(join(join(p, idx("rows", k)), idx("deliverables", m)), "produces"), "deliverable", d.ID, "produces", d.Produces)
			}
		}
	}
}

// flowShape checks what the workflow engine relies on: the flow opens with
// one start step, approval steps (start, sequential, countersign) come
// before the rest, and it has exactly one step that confirms the release
// (kind execution or confirmation) and at most one filing and one postpone
// step.
func (v *validator) flowShape(p string, f *Flow) {
	if len(f.Steps) == 0 {
		return
	}
	count := map[string]int{}
	approvalDone := false
	for j, s := range f.Steps {
		count[s.Kind]++
		sp := join(p, idx("steps", j)+".kind")
		switch s.Kind {
		case KindStart:
			if j != 0 {
				v.add(CodeFlowShape, sp, "problem", "start_not_first")
			}
		case KindSequential, KindCountersign:
			if approvalDone {
				v.add(CodeFlowShape, sp, "problem", "approval_after_release")
			}
		case KindFiling, KindExecution, KindConfirmation, KindPostpone:
			approvalDone = true
		}
	}
	if count[KindStart] == 0 {
		v.add(CodeFlowShape, join(p, "steps[0].kind"), "problem", "no_start")
	}
	if count[KindExecution]+count[KindConfirmation] != 1 {
		v.add(CodeFlowShape, join(p, "steps"), "problem", "one_confirmation")
	}
	if count[KindFiling] > 1 || count[KindPostpone] > 1 || count[KindStart] > 1 {
		v.add(CodeFlowShape, join(p, "steps"), "problem", "duplicate_kind")
	}
}
