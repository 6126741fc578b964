package app_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"testing/cryptotest"
	"time"

	"golive/app"
	"golive/backend/core"
	"golive/backend/demo"
	"golive/backend/documents"
	"golive/backend/dossier"
	"golive/backend/profile"
	"golive/backend/roster"
	"golive/backend/template"
	"golive/backend/verify"
	"golive/backend/window"
	"golive/backend/workflow"
)

// The frontend's component specs run on what the real backend returns:
// this test drives a sample data folder through the bound API (the very
// methods Wails calls) and writes every answer, as the bridge receives it,
// into frontend/src/test/fixtures. Run with GOLIVE_UPDATE_FIXTURES=1 (make
// fixtures) to rewrite them; otherwise it fails when what Go produces now
// differs from the committed files, so a spec can never pass on stale data.

// fixtureDir is where the frontend reads the recordings.
const fixtureDir = "../frontend/src/test/fixtures"

// fixtureClock is the fixed "now" of every recording: the sample data, the
// views and the windows are computed against it.
var fixtureClock = time.Date(2026, 12, 1, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))

// recording is one call of the bound API and its answer.
type recording struct {
	// Call is "AppAPI.Info", "DossierAPI.Get", … (the Go names).
	Call string `json:"call"`
	// Args are the call's arguments as the bridge sends them.
	Args []any `json:"args"`
	// Viewer is the role id of the unlocked profile; "" when the answer
	// does not depend on who asks.
	Viewer string `json:"viewer"`
	// AnyArgs lets a spec's call with other arguments (what a user typed)
	// receive this answer; set on actions.
	AnyArgs bool `json:"any_args,omitempty"`
	// Result is the answer; Error the coded error, when the call failed.
	Result any             `json:"result,omitempty"`
	Error  json.RawMessage `json:"error,omitempty"`
}

// recorder drives one sample folder and collects recordings by file.
type recorder struct {
	t      *testing.T
	c      *core.Core
	api    *app.API
	files  map[string][]recording
	roles  map[string]profile.Summary // sample profile by role
	viewer string
	placed []demo.Placed
}

func (r *recorder) as(role string) {
	r.t.Helper()
	p, ok := r.roles[role]
	if !ok {
		r.t.Fatalf("no sample profile holds role %s", role)
	}
	if _, err := r.api.Profiles.Unlock(p.ID, demo.SamplePassphrase); err != nil {
		r.t.Fatalf("unlock %s: %v", role, err)
	}
	r.viewer = role
}

// rec records call(args…) = (v, err) into file, answered to viewer ("" for
// answers that do not depend on who asks).
func (r *recorder) rec(file, viewer, call string, args []any, v any, err error) {
	r.t.Helper()
	if args == nil {
		args = []any{}
	}
	rc := recording{Call: call, Args: args, Viewer: viewer}
	if err != nil {
		rc.Error = json.RawMessage(err.Error())
		if !json.Valid(rc.Error) {
			r.t.Fatalf("%s: error is not coded JSON: %v", call, err)
		}
	} else {
		rc.Result = v
	}
	r.files[file] = append(r.files[file], rc)
	if view, ok := v.(dossier.View); ok && err == nil && call == "DossierAPI.Get" {
		r.needs(file, viewer, view)
	}
}

// needs records, beside a dossier read by viewer, what each decision
// waiting for viewer's role (or for his witness) asks (DossierAPI.Needs) before any answer and
// with every item answered 是: the decision panel asks it as it opens and
// after "all yes". It is asked now, while the folder is as it was read.
func (r *recorder) needs(file, viewer string, v dossier.View) {
	r.t.Helper()
	for _, t := range v.State.Tasks {
		// The viewer decides his own slots and witnesses others' (在场签字).
		if t.Kind != "decide" || (t.Role != viewer && !slices.Contains(v.Actions.Witness, workflow.SlotKey(t.Step, t.Row))) {
			continue
		}
		for _, answers := range []map[string]workflow.Answer{{}, answersFor(r, v, t)} {
			args := []any{v.State.ID, t.Step, t.Row, answers}
			if r.has(file, "DossierAPI.Needs", viewer, args...) {
				continue
			}
			n, err := r.api.Dossiers.Needs(v.State.ID, t.Step, t.Row, answers)
			r.must(file, viewer, "DossierAPI.Needs", args, n, err)
		}
	}
}

// must records a call that has to succeed.
func (r *recorder) must(file, viewer, call string, args []any, v any, err error) {
	r.t.Helper()
	if err != nil {
		r.t.Fatalf("%s%v as %q: %v", call, args, r.viewer, err)
	}
	r.rec(file, viewer, call, args, v, nil)
}

// listPage is how many dossiers the list screen shows at a time
// (DossierListView's table, the dossiers store's pageSize).
const listPage = 15

// pages records, in file, DossierAPI.Page of f from each offset, listPage
// rows each: the list screen's pages. list is DossierAPI.List(f), which
// every page must be a slice of, in the same order.
func (r *recorder) pages(file string, f dossier.Filter, list []dossier.Summary, offsets ...int) {
	r.t.Helper()
	for _, offset := range offsets {
		p, err := r.api.Dossiers.Page(f, offset, listPage)
		r.must(file, "", "DossierAPI.Page", []any{f, offset, listPage}, p, err)
		end := min(offset+listPage, len(list))
		if p.Total != len(list) || p.Offset != offset || len(p.Rows) != max(end-offset, 0) {
			r.t.Fatalf("DossierAPI.Page(%+v, %d, %d) = total %d, offset %d, %d rows; the list has %d", f, offset, listPage, p.Total, p.Offset, len(p.Rows), len(list))
		}
		for i, row := range p.Rows {
			if row.ID != list[offset+i].ID {
				r.t.Fatalf("DossierAPI.Page(%+v, %d, %d): row %d is %s, the list's is %s", f, offset, listPage, i, row.ID, list[offset+i].ID)
			}
		}
	}
}

// yearList records, in file, DossierAPI.List of the dossiers planned in
// year: what the calendar of that year asks. all is the whole list: every
// dossier of it targeting a window of year, or planned in year, must be
// in the year's list, or the calendar would miss it.
func (r *recorder) yearList(file string, year int, all []dossier.Summary) {
	r.t.Helper()
	f := dossier.Filter{Month: strconv.Itoa(year)}
	list, err := r.api.Dossiers.List(f)
	r.must(file, "", "DossierAPI.List", []any{f}, list, err)
	in := make(map[string]bool, len(list))
	for _, s := range list {
		in[s.ID] = true
	}
	for _, s := range all {
		if (window.Year(s.Window) == year || s.PlannedAt.Year() == year) && !in[s.ID] {
			r.t.Fatalf("DossierAPI.List(%+v) lacks %s (window %q, planned %v)", f, s.ID, s.Window, s.PlannedAt)
		}
	}
}

// fails records a call that has to fail with code.
func (r *recorder) fails(file, call string, args []any, code string, err error) {
	r.t.Helper()
	if err == nil || !strings.Contains(err.Error(), `"code":"`+code+`"`) {
		r.t.Fatalf("%s%v as %q: want %s, got %v", call, args, r.viewer, code, err)
	}
	r.rec(file, r.viewer, call, args, nil, err)
}

// dossier returns the id of the sample dossier typ/sub/mode left at target.
func (r *recorder) dossier(typ, sub, mode, target string) string {
	r.t.Helper()
	for _, p := range r.placed {
		if p.Type == typ && p.Subtype == sub && p.Mode == mode && p.Target == target {
			return p.ID
		}
	}
	r.t.Fatalf("no sample dossier %s/%s/%s at %s", typ, sub, mode, target)
	return ""
}

// open signs role in and records, in file, DossierAPI.Get of the sample
// dossier typ/sub/mode left at target; it returns its id and view.
func (r *recorder) open(file, role, typ, sub, mode, target string) (string, dossier.View) {
	r.t.Helper()
	id := r.dossier(typ, sub, mode, target)
	r.as(role)
	v, err := r.api.Dossiers.Get(id)
	r.must(file, r.viewer, "DossierAPI.Get", []any{id}, v, err)
	return id, v
}

// view records DossierAPI.Get of id as each of roles.
func (r *recorder) view(file, id string, roles ...string) dossier.View {
	r.t.Helper()
	var v dossier.View
	for _, role := range roles {
		if r.has(file, "DossierAPI.Get", role, id) {
			continue
		}
		r.as(role)
		var err error
		v, err = r.api.Dossiers.Get(id)
		r.must(file, role, "DossierAPI.Get", []any{id}, v, err)
	}
	return v
}

// has reports whether file already holds call(args…) answered to viewer.
func (r *recorder) has(file, call, viewer string, args ...any) bool {
	for _, rc := range r.files[file] {
		if rc.Call == call && rc.Viewer == viewer && reflect.DeepEqual(rc.Args, args) {
			return true
		}
	}
	return false
}

// firstTaskRole is the role of the first open task of v ("" if none).
func firstTaskRole(v dossier.View) string {
	for _, t := range v.State.Tasks {
		if t.Kind != "filed" {
			return t.Role
		}
	}
	return ""
}

func TestFrontendFixtures(t *testing.T) {
	// Keys, certificates and signatures are drawn from crypto/rand: a
	// seeded source makes a new profile or a signed PDF the same each run.
	cryptotest.SetGlobalRandom(t, 2026)
	dir := t.TempDir()
	c := openAt(t, dir)
	r := &recorder{t: t, c: c, api: app.New(c, nil), files: map[string][]recording{}, roles: map[string]profile.Summary{}}

	recordStart(r, dir)
	recordFirstProfile(r)
	recordBase(r)
	recordDashboard(r)
	recordDossiers(r)
	pdf := recordExports(r)
	recordActions(r)
	recordVerify(r, pdf)
	recordCreate(r)
	recordChecklist(r)
	recordExecution(r)
	recordArchive(r)
	recordCalendar(r)
	recordErrors(r)
	recordTemplateWindows(r)
	recordTemplateLinks(r)
	recordTemplateScope(r)
	recordTemplateEdit(r)
	recordMerged(r)
	recordRoster(r)
	recordRosterMarks(r)
	recordBackup(r)
	recordCheck(r)
	recordPlace(r)
	recordExchange(r)
	recordSync(r)
	recordPackage(r)
	recordSystems(r)
	recordSwitch(r)
	recordRefusals(r)
	recordSameDay(r)
	recordFiling(r)
	recordNeeds(r)
	recordOnCall(r)
	recordEvidence(r)
	recordScope(r)
	recordPostReview(r)
	recordMeeting(r)

	written := map[string][]byte{}
	for name, recs := range r.files {
		b, err := json.MarshalIndent(recs, "", " ")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		written[name+".json"] = append(b, '\n')
	}
	compareOrWrite(t, written)
}

// openAt opens a data folder whose clock stands at fixtureClock.
func openAt(t *testing.T, dir string) *core.Core {
	t.Helper()
	c, err := core.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	c.Clock = func() time.Time { return fixtureClock }
	return c
}

// firstProfile is what the first person types in an empty folder.
var firstProfile = profile.CreateRequest{Name: "张伟", Department: "业务应用部", Roles: []string{"project_manager"}, Passphrase: "correct horse"}

// recordStart: an empty folder (first start), then the sample loaded.
func recordStart(r *recorder, dir string) {
	api := r.api
	info, err := api.App.Info()
	info.DataDir = "/home/user/.config/GoLive"
	r.must("start", "", "AppAPI.Info", nil, info, err)
	clock, err := api.App.Clock()
	r.must("start", "", "AppAPI.Clock", nil, clock, err)
	prefs, err := api.App.Preferences()
	r.must("start", "", "AppAPI.Preferences", nil, prefs, err)
	tpl, err := api.Template.Current()
	r.must("start", "", "TemplateAPI.Current", nil, tpl, err)
	list, err := api.Profiles.List()
	r.must("start", "", "ProfileAPI.List", nil, list, err)
	r.must("start", "", "ProfileAPI.Current", nil, api.Profiles.Current(), nil)
	systems, err := api.Systems.List()
	r.must("start", "", "SystemAPI.List", nil, systems, err)
	r.must("start", "", "SystemAPI.Classes", nil, api.Systems.Classes(), nil)
	none, err := api.Dossiers.List(dossier.Filter{})
	r.must("start", "", "DossierAPI.List", []any{dossier.Filter{}}, none, err)
	r.pages("start", dossier.Filter{}, none, 0)
	// The first profile refused: no role chosen, a passphrase too short.
	noRole := firstProfile
	noRole.Roles = nil
	_, err = api.Profiles.Create(noRole)
	r.fails("start", "ProfileAPI.Create", []any{noRole}, "profile.roles_required", err)
	short := firstProfile
	short.Passphrase = "short"
	_, err = api.Profiles.Create(short)
	r.fails("start", "ProfileAPI.Create", []any{short}, "keys.weak_passphrase", err)
	sum, err := r.c.LoadSample()
	if err != nil {
		r.t.Fatal(err)
	}
	r.placed = sum.Placed
	r.must("start", "", "AppAPI.LoadSampleData", nil, sum, nil)
	// Only the first start is empty; the sample folder's info follows.
	_ = dir
}

// recordFirstProfile: the first profile made in an empty folder (another
// one: the start folder must stay empty for the sample), recorded into
// "start" as seen by the new profile, who is signed in at once.
func recordFirstProfile(r *recorder) {
	api := app.New(openAt(r.t, r.t.TempDir()), nil)
	role := firstProfile.Roles[0]
	p, err := api.Profiles.Create(firstProfile)
	r.must("start", role, "ProfileAPI.Create", []any{firstProfile}, p, err)
	list, err := api.Profiles.List()
	r.must("start", role, "ProfileAPI.List", nil, list, err)
	r.must("start", role, "ProfileAPI.Current", nil, api.Profiles.Current(), nil)
	r.must("start", role, "ProfileAPI.Capabilities", nil, api.Profiles.Capabilities(), nil)
	inbox, err := api.Dossiers.Inbox()
	r.must("start", role, "DossierAPI.Inbox", nil, inbox, err)
}

// recordBase: what every screen loads, the same whoever asks.
func recordBase(r *recorder) {
	c, api := r.c, r.api
	profiles, err := api.Profiles.List()
	r.must("base", "", "ProfileAPI.List", nil, profiles, err)
	for _, p := range profiles {
		for _, role := range p.Roles {
			if _, ok := r.roles[role]; !ok {
				r.roles[role] = p
			}
		}
	}
	info, err := api.App.Info()
	info.DataDir = "/home/user/.config/GoLive"
	r.must("base", "", "AppAPI.Info", nil, info, err)
	prefs, err := api.App.Preferences()
	r.must("base", "", "AppAPI.Preferences", nil, prefs, err)
	tpl, err := api.Template.Current()
	r.must("base", "", "TemplateAPI.Current", nil, tpl, err)
	r.must("base", "", "TemplateAPI.Get", []any{tpl.Key()}, tpl, nil)
	versions, err := api.Template.List()
	r.must("base", "", "TemplateAPI.List", nil, versions, err)
	systems, err := api.Systems.List()
	r.must("base", "", "SystemAPI.List", nil, systems, err)
	r.must("base", "", "SystemAPI.Classes", nil, api.Systems.Classes(), nil)
	ids, err := api.Profiles.Identities()
	r.must("base", "", "ProfileAPI.Identities", nil, ids, err)
	all, err := api.Dossiers.List(dossier.Filter{})
	r.must("base", "", "DossierAPI.List", []any{dossier.Filter{}}, all, err)
	r.pages("base", dossier.Filter{}, all, 0, listPage)
	// The plans of this year and the next, and a year without holiday
	// data, each with the dossiers the calendar shows on it: those
	// planned in the year (DossierAPI.List with the year as month).
	for _, year := range []int{2026, 2027, 2028} {
		y, err := api.Windows.Year(year)
		r.must("base", "", "WindowAPI.Year", []any{year}, y, err)
		r.yearList("base", year, all)
	}
	clock, err := api.App.Clock()
	r.must("base", "", "AppAPI.Clock", nil, clock, err)
	// Where a new planned release of each class goes by default; the
	// windows the picker offers a Java system from this year, and from the
	// next (a dossier planned for 2027). Other classes' lists are left out
	// to keep the files small.
	for _, class := range api.Systems.Classes() {
		w, err := api.Windows.NextOpen(class)
		r.must("base", "", "WindowAPI.NextOpen", []any{class}, w, err)
	}
	for _, years := range [][]int{{2026, 2027}, {2027, 2028}} {
		ws, err := api.Windows.Targets("java", years)
		r.must("base", "", "WindowAPI.Targets", []any{"java", years}, ws, err)
	}
	_ = c

	// Who is signed in: the current profile and its inbox, per role.
	roles := make([]string, 0, len(r.roles))
	for role := range r.roles {
		roles = append(roles, role)
	}
	sort.Strings(roles)
	for _, role := range roles {
		p, err := api.Profiles.Unlock(r.roles[role].ID, demo.SamplePassphrase)
		r.must("session", role, "ProfileAPI.Unlock", []any{r.roles[role].ID, demo.SamplePassphrase}, p, err)
		r.viewer = role
		r.must("session", role, "ProfileAPI.Current", nil, api.Profiles.Current(), nil)
		r.must("session", role, "ProfileAPI.Capabilities", nil, api.Profiles.Capabilities(), nil)
		cert, err := api.Profiles.Certificate(r.roles[role].ID)
		// The certificate's key pair is drawn at random when the profile
		// first unlocks: keep what a person reads, not the random bytes.
		cert.DER, cert.Fingerprint, cert.Serial = nil, strings.Repeat("5a", 32), "5a5a5a5a5a5a5a5a"
		r.must("session", role, "ProfileAPI.Certificate", []any{r.roles[role].ID}, cert, err)
		inbox, err := api.Dossiers.Inbox()
		r.must("inbox", role, "DossierAPI.Inbox", nil, inbox, err)
	}
	// The project manager's identity card as a text block, with and
	// without the optional sub-department and title (the clock is fixed,
	// and Ed25519 signatures are deterministic). Saving it needs the
	// native dialog, which specs answer themselves.
	r.as("project_manager")
	for _, args := range [][2]string{{"", ""}, {"发布管理组", "高级经理"}} {
		text, err := api.Profiles.IdentityCardText(args[0], args[1])
		r.must("session", "project_manager", "ProfileAPI.IdentityCardText", []any{args[0], args[1]}, text, err)
	}
	// Signed out: no current profile.
	api.Profiles.Lock()
	r.viewer = ""
	r.must("session", "", "ProfileAPI.Lock", nil, nil, nil)
	r.must("session", "", "ProfileAPI.Current", nil, api.Profiles.Current(), nil)
}

// recordDossiers: one dossier view in every state of both flows, as the
// person it waits for and as the project manager.
func recordDossiers(r *recorder) {
	type pick struct{ file, typ, sub, mode, target string }
	picks := []pick{
		{"dossier-upgrade-planning", "upgrade", "cr", "planned", "planning"},
		{"dossier-new-planning", "new_system", "", "planned", "planning"},
		{"dossier-upgrade-preparation", "upgrade", "cr", "planned", "preparation"},
		{"dossier-upgrade-countersign", "upgrade", "cr", "planned", "countersign"},
		{"dossier-new-countersign", "new_system", "", "planned", "countersign"},
		{"dossier-upgrade-step3", "upgrade", "cr", "planned", "step3"},
		{"dossier-new-step5", "new_system", "", "planned", "step5"},
		{"dossier-upgrade-returned", "upgrade", "cr", "planned", "returned"},
		{"dossier-upgrade-withdrawn", "upgrade", "bugfix", "planned", "withdrawn"},
		{"dossier-upgrade-transferred", "upgrade", "cr", "planned", "transferred"},
		{"dossier-upgrade-stale", "upgrade", "cr", "planned", "stale"},
		{"dossier-emergency-step2", "upgrade", "bugfix", "emergency", "step2"},
		{"dossier-new-filing", "new_system", "", "planned", "filing"},
		{"dossier-upgrade-executing", "upgrade", "cr", "planned", "executing"},
		{"dossier-upgrade-released", "upgrade", "cr", "planned", "released"},
		{"dossier-upgrade-confirming", "upgrade", "cr", "planned", "confirming"},
		{"dossier-upgrade-failed", "upgrade", "cr", "planned", "failed"},
		{"dossier-upgrade-postponed", "upgrade", "cr", "planned", "postponed"},
		{"dossier-upgrade-override", "upgrade", "cr", "planned", "override"},
		{"dossier-upgrade-confirmed", "upgrade", "bugfix", "planned", "confirmed"},
		{"dossier-new-archived", "new_system", "", "planned", "archived"},
	}
	for _, p := range picks {
		id := r.dossier(p.typ, p.sub, p.mode, p.target)
		r.as("project_manager")
		v, err := r.api.Dossiers.Get(id)
		r.must(p.file, "project_manager", "DossierAPI.Get", []any{id}, v, err)
		if role := firstTaskRole(v); role != "" && role != "project_manager" {
			r.view(p.file, id, role)
		}
		if v.State.Type == "upgrade" && v.State.Flow != nil && v.State.Flow.Phase == workflow.PhaseDraft {
			r.view(p.file, id, "system_owner")
		}
	}
}

// recordActions: the answers to the actions specs click, made by the
// person allowed to, on fresh copies of sample states.
func recordActions(r *recorder) {
	api := r.api
	// A countersign row approved, then returned by the next director.
	id := r.dossier("upgrade", "cr", "planned", "countersign")
	r.as("project_manager")
	before, _ := api.Dossiers.Get(id)
	var pending []workflow.Task
	for _, t := range before.State.Tasks {
		if t.Kind == "decide" {
			pending = append(pending, t)
		}
	}
	if len(pending) < 2 {
		r.t.Fatalf("countersign sample has %d pending rows", len(pending))
	}
	first, second := pending[0], pending[1]
	r.as(first.Role)
	req := dossier.DecideRequest{Step: first.Step, Row: first.Row, Decision: workflow.DecisionApprove, Comment: "同意上线", Answers: answersFor(r, before, first)}
	v, err := api.Dossiers.Decide(id, req)
	r.must("action-decide", first.Role, "DossierAPI.Decide", []any{id, req}, v, err)
	r.rec("action-decide", first.Role, "DossierAPI.Get", []any{id}, v, nil)
	noReason := dossier.DecideRequest{Step: second.Step, Row: second.Row, Decision: workflow.DecisionReturn}
	r.as(second.Role)
	v, err = api.Dossiers.Get(id)
	r.must("action-return", second.Role, "DossierAPI.Get", []any{id}, v, err)
	_, err = api.Dossiers.Decide(id, noReason)
	r.fails("action-return", "DossierAPI.Decide", []any{id, noReason}, "workflow.reason_required", err)
	ret := dossier.DecideRequest{Step: second.Step, Row: second.Row, Decision: workflow.DecisionReturn, Comment: "缺少联调结果"}
	v, err = api.Dossiers.Decide(id, ret)
	r.must("action-return", second.Role, "DossierAPI.Decide", []any{id, ret}, v, err)
	markAnyArgs(r, "action-decide", "action-return")

	// The department approval returns the dossier to the countersign step.
	step3 := r.dossier("upgrade", "cr", "planned", "step3")
	r.as("owning_subdept_director")
	back := dossier.DecideRequest{Step: "up.3.dept_approval", Decision: workflow.DecisionReturn, ReturnTo: "up.2.countersign", Comment: "风险评估与会签意见不一致"}
	v, err = api.Dossiers.Decide(step3, back)
	r.must("action-return", r.viewer, "DossierAPI.Decide", []any{step3, back}, v, err)

	// Submissions refused: a checklist not done, then items not answered.
	none := map[string]workflow.Answer{}
	draft := r.dossier("upgrade", "cr", "planned", "preparation")
	r.as("system_owner")
	_, err = api.Dossiers.Submit(draft, none, "")
	r.fails("action-submit-refused", "DossierAPI.Submit", []any{draft, none, ""}, "dossier.checklist_incomplete", err)
	returned := r.dossier("upgrade", "cr", "planned", "returned")
	_, err = api.Dossiers.Submit(returned, none, "")
	r.fails("action-submit-refused", "DossierAPI.Submit", []any{returned, none, ""}, "workflow.incomplete", err)
}

// exportPDF is what the user asks for in the export menu.
func exportPDF(kind, id, lang string) documents.Request {
	return documents.Request{Kind: kind, Dossier: id, Lang: lang}
}

// recordExports: PDFs the project manager exports from the countersign
// dossier before its next decision (file "documents"). ExportPDF asks
// where to save; the recording answers as if the user kept the suggested
// name in the home folder. It returns the approvals PDF, which
// recordVerify checks once the dossier has moved on.
func recordExports(r *recorder) []byte {
	id := r.dossier("upgrade", "cr", "planned", "countersign")
	r.as("project_manager")
	signer, err := r.c.PDFSigner()
	if err != nil {
		r.t.Fatal(err)
	}
	var approvals []byte
	for _, req := range []documents.Request{exportPDF("approvals", id, "zh"), exportPDF("release-note", id, "en")} {
		out, err := r.c.Documents().PDF(req, signer)
		if err != nil {
			r.t.Fatalf("export %s: %v", req.Kind, err)
		}
		if req.Kind == "approvals" {
			approvals = out.PDF
		}
		got := app.Exported{Path: "/home/user/" + out.FileName, Pages: out.Pages, Bytes: len(out.PDF)}
		r.must("documents", r.viewer, "DocumentsAPI.ExportPDF", []any{req}, got, nil)
	}
	// A generated document goes on a dossier no later recording touches:
	// its bytes (and so its hash and event id) carry the signing time.
	gen := r.dossier("upgrade", "cr", "planned", "released")
	before, err := r.api.Dossiers.Get(gen)
	if err != nil {
		r.t.Fatal(err)
	}
	v, err := r.api.Docs.Generate(gen, "release_note", "zh")
	if err != nil {
		r.t.Fatalf("generate: %v", err)
	}
	r.must("documents", r.viewer, "DocumentsAPI.Generate", []any{gen, "release_note", "zh"}, signedNow(r.t, before, v), nil)
	return approvals
}

// signedNow returns v (the view after a PDF made now was attached) as
// JSON whose bytes are the same every run: the PDF's signing time (set by
// the PKCS #7 library from the wall clock) changes its hash and size, and
// so the id of the event attaching it; each is replaced by a fixed value.
func signedNow(t *testing.T, before, v dossier.View) json.RawMessage {
	t.Helper()
	old := map[string]bool{}
	for _, h := range before.History {
		old[h.Event] = true
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	n := 0
	fixed := func(from, to string) {
		if from != "" {
			text = strings.ReplaceAll(text, from, to)
		}
	}
	for _, h := range v.History {
		if !old[h.Event] {
			n++
			fixed(h.Event, fmt.Sprintf("%064x", n))
		}
	}
	for _, vs := range v.State.Flow.Deliverables {
		for _, ver := range vs {
			if !old[ver.Event] {
				fixed(ver.SHA256, strings.Repeat("5a", 32))
				size := fmt.Sprint(ver.Size)
				fixed(`"size":`+size+`,`, `"size":90000,`)
				fixed(`"size":"`+size+`"`, `"size":"90000"`)
			}
		}
	}
	if n == 0 {
		t.Fatal("the generated document added no event")
	}
	return json.RawMessage(text)
}

// recordVerify: the approvals PDF exported before the countersign
// dossier's last decisions, checked now (VerifyFromDialog with that file
// picked): it matches the folder, which holds newer events.
func recordVerify(r *recorder, pdf []byte) {
	rep := verify.Check(pdf, r.c.Documents())
	if rep.Status != verify.Match || rep.NewerEvents == 0 {
		r.t.Fatalf("verify: status %s with %d newer events, want a match with newer events", rep.Status, rep.NewerEvents)
	}
	r.must("documents", "", "DocumentsAPI.VerifyFromDialog", nil, rep, nil)
}

// wall is a "YYYY-MM-DDTHH:MM" time as the window picker sends it.
func wall(date, start string) string { return date + "T" + start }

func ptr[T any](v T) *T { return &v }

// recordCreate: a planned CRM upgrade created in the window the backend
// proposes, and the requests it refuses (file "action-create").
func recordCreate(r *recorder) {
	api := r.api
	r.as("project_manager")
	w, err := api.Windows.NextOpen("java")
	if err != nil || w == nil {
		r.t.Fatalf("no open java window: %v", err)
	}
	crm, err := r.c.Systems.Get("CRM")
	if err != nil {
		r.t.Fatal(err)
	}
	req := func(title, version, window string) dossier.CreateRequest {
		return dossier.CreateRequest{SystemCode: "CRM", Fields: dossier.Fields{
			Title: ptr(title), Type: ptr("upgrade"), Subtype: ptr("cr"), Mode: ptr("planned"), Version: ptr(version),
			PlannedAt: ptr(wall(w.Date, w.Start)), Window: ptr(window), ProjectManager: ptr(r.roles["project_manager"].Name), SystemOwner: ptr(crm.Owner),
		}}
	}
	untitled := req("", "", w.ID)
	_, err = api.Dossiers.Create(untitled)
	r.fails("action-create", "DossierAPI.Create", []any{untitled}, "dossier.title_required", err)
	noWindow := req("CRM 需求变更", "2.3.0", "")
	_, err = api.Dossiers.Create(noWindow)
	r.fails("action-create", "DossierAPI.Create", []any{noWindow}, "dossier.window_required", err)
	r.c.Dossiers.MakeID = func(time.Time) string { return "R26CREATED01" }
	ok := req("CRM 需求变更", "2.3.0", w.ID)
	v, err := api.Dossiers.Create(ok)
	r.must("action-create", r.viewer, "DossierAPI.Create", []any{ok}, v, err)
	list, err := api.Dossiers.List(dossier.Filter{})
	r.must("action-create", "", "DossierAPI.List", []any{dossier.Filter{}}, list, err)
	// The new dossier, planned 2026-12-10, is on the second page.
	r.pages("action-create", dossier.Filter{}, list, 0, listPage)
}

// recordChecklist: preparation items of the planned upgrade still in
// planning set one by one, a change of its version, and the list filters
// (file "action-checklist").
func recordChecklist(r *recorder) {
	api := r.api
	id := r.dossier("upgrade", "cr", "planned", "planning")
	r.as("project_manager")
	set := func(item, status, note string) {
		r.t.Helper()
		args := []any{id, item, status, note}
		v, err := api.Dossiers.SetChecklist(id, item, status, note)
		if err != nil {
			r.rec("action-checklist", r.viewer, "DossierAPI.SetChecklist", args, nil, err)
			return
		}
		r.must("action-checklist", r.viewer, "DossierAPI.SetChecklist", args, v, nil)
	}
	set("pre.review_meeting", "done", "")
	set("pre.training", "not_applicable", "")
	set("pre.training", "not_applicable", "bugfix, no user-facing change")
	set("pre.user_test", "not_started", "UAT report v3 signed")
	// The evidence saved on blur, then the status clicked (ChecklistRow.spec).
	set("pre.user_test", "done", "UAT report v3 signed")
	patch := dossier.Fields{Version: ptr("2.3.1")}
	v, err := api.Dossiers.Update(id, patch)
	r.must("action-checklist", r.viewer, "DossierAPI.Update", []any{id, patch}, v, err)
	// A required field emptied in the information form is refused (DossierInfoForm.spec).
	empty := dossier.Fields{Version: ptr("")}
	_, err = api.Dossiers.Update(id, empty)
	r.fails("action-checklist", "DossierAPI.Update", []any{id, empty}, "dossier.version_required", err)
	for _, f := range []dossier.Filter{{SystemCode: "CRM"}, {Stage: dossier.StageApproval}, {Mode: "emergency"}, {Month: "2026-12"}, {Text: "CR-2027-144"}} {
		list, err := api.Dossiers.List(f)
		r.must("action-checklist", "", "DossierAPI.List", []any{f}, list, err)
		r.pages("action-checklist", f, list, 0)
	}
}

// recordExecution: on release day the operator has filled in the runbook
// (the dossier as read then), cancels the package check's dialog (file
// "action-execution-cancel"), re-hashes a package that differs from the
// approved one (CheckPackageFromDialog with that file picked), explains
// the difference and declares the release done (file "action-execution").
func recordExecution(r *recorder) {
	api := r.api
	const f = "action-execution"
	id := r.dossier("upgrade", "cr", "planned", "executing")
	r.as("release_operator")
	v, err := api.Dossiers.Get(id)
	if err != nil {
		r.t.Fatal(err)
	}
	ex := v.State.Flow.Execution
	runbook := append([]workflow.RunbookRow(nil), ex.Runbook...)
	for i := range runbook {
		if runbook[i].Result == "" {
			runbook[i].Result = "ok"
		}
	}
	if _, err := api.Dossiers.SaveRunbook(id, runbook, ex.Tests); err != nil {
		r.t.Fatal(err)
	}
	v, err = api.Dossiers.Get(id)
	r.must(f, r.viewer, "DossierAPI.Get", []any{id}, v, err)
	r.must(f+"-cancel", r.viewer, "DossierAPI.Get", []any{id}, v, err)
	// The operator types the 12-10 release night into row 1's start on
	// 12-01, as the runbook editor sends it: refused, naming row and time.
	typed := wallRows(v.State.Flow.Execution.Runbook, r.c.Zone)
	typed[0].StartedAt = "2026-12-10 19:00"
	_, err = api.Dossiers.SaveRunbook(id, typed, v.State.Flow.Execution.Tests)
	r.fails(f, "DossierAPI.SaveRunbook", []any{id, typed, v.State.Flow.Execution.Tests}, "workflow.started_in_future", err)
	api.Dossiers.SetDialog(func(string) (string, error) { return "", nil })
	p, err := api.Dossiers.CheckPackageFromDialog(id)
	r.must(f+"-cancel", r.viewer, "DossierAPI.CheckPackageFromDialog", []any{id}, p, err)
	deployed := packageAt(r, "crm-2.3.0.zip", "a package rebuilt on the day")
	api.Dossiers.SetDialog(func(string) (string, error) { return deployed, nil })
	p, err = api.Dossiers.CheckPackageFromDialog(id)
	r.must(f, r.viewer, "DossierAPI.CheckPackageFromDialog", []any{id}, p, err)
	api.Dossiers.SetDialog(nil)
	reason := "测试环境重新打包，内容一致"
	v, err = api.Dossiers.Override(id, reason)
	r.must(f, r.viewer, "DossierAPI.Override", []any{id, reason}, v, err)
	v, err = api.Dossiers.Release(id, "")
	r.must(f, r.viewer, "DossierAPI.Release", []any{id, ""}, v, err)
}

// wallRows returns rows as the runbook editor shows and sends them: each
// RFC 3339 time as "2006-01-02 15:04" in loc.
func wallRows(rows []workflow.RunbookRow, loc *time.Location) []workflow.RunbookRow {
	out := append([]workflow.RunbookRow(nil), rows...)
	for i := range out {
		for _, v := range []*string{&out[i].PlannedAt, &out[i].StartedAt, &out[i].EndedAt} {
			if t, err := time.Parse(time.RFC3339, *v); err == nil {
				*v = t.In(loc).Format("2006-01-02 15:04")
			}
		}
	}
	return out
}

// naReason is the reason typed for every standard document not attached.
const naReason = "本次发布不涉及"

// recordArchive: the confirmed upgrade archived, first without the
// reasons its missing documents need (file "action-archive").
func recordArchive(r *recorder) {
	api := r.api
	id := r.dossier("upgrade", "bugfix", "planned", "confirmed")
	r.as("project_manager")
	none := map[string]string{}
	_, err := api.Dossiers.Archive(id, none)
	r.fails("action-archive", "DossierAPI.Archive", []any{id, none}, "workflow.documents_missing", err)
	var e struct {
		Params map[string]string `json:"params"`
	}
	if json.Unmarshal([]byte(err.Error()), &e) != nil || e.Params["documents"] == "" {
		r.t.Fatalf("archive refusal names no documents: %v", err)
	}
	reasons := map[string]string{}
	for _, doc := range strings.Split(e.Params["documents"], ",") {
		reasons[doc] = naReason
	}
	v, err := api.Dossiers.Archive(id, reasons)
	r.must("action-archive", r.viewer, "DossierAPI.Archive", []any{id, reasons}, v, err)
}

// recordCalendar: 2027's plan as it reads once the window manager has
// moved a window, added a freeze and published it (file
// "calendar-published"; the edits' own answers are left out: no spec
// drives them).
func recordCalendar(r *recorder) {
	api := r.api
	r.as("window_manager")
	if _, err := api.Windows.Move(2027, "2027-03-11-java", "2027-03-10", "20:00", "", "与年度审计冲突"); err != nil {
		r.t.Fatal(err)
	}
	if _, err := api.Windows.AddFreeze(2027, "年中结算", "2027-06-21", "2027-06-25", "半年结账"); err != nil {
		r.t.Fatal(err)
	}
	if _, err := api.Windows.Publish(2027, "2027 年全年发布窗口计划"); err != nil {
		r.t.Fatal(err)
	}
	y, err := api.Windows.Year(2027)
	r.must("calendar-published", "", "WindowAPI.Year", []any{2027}, y, err)
	all, err := api.Dossiers.List(dossier.Filter{})
	if err != nil {
		r.t.Fatal(err)
	}
	r.yearList("calendar-published", 2027, all)
}

// recordTemplateEdit: the PMO's copy of the current template as the
// editor starts it (the next version, a revision dated today), checked as
// is and with its first role removed, then saved as the new current
// version (file "template-edit"). Last: later answers would name it.
func recordTemplateEdit(r *recorder) {
	api := r.api
	r.as("pmo")
	cur, err := api.Template.Current()
	if err != nil {
		r.t.Fatal(err)
	}
	draft := cur.Clone()
	draft.Version = "2.5"
	draft.Revisions = append(draft.Revisions, template.Revision{Version: draft.Version, Date: fixtureClock.Format(time.DateOnly), Author: r.roles["pmo"].Name})
	const f = "template-edit"
	r.must(f, "", "TemplateAPI.Validate", []any{draft}, api.Template.Validate(*draft), nil)
	broken := draft.Clone()
	broken.Roles = broken.Roles[1:]
	problems := api.Template.Validate(*broken)
	if len(problems) == 0 {
		r.t.Fatal("a template without its first role validates")
	}
	r.must(f, "", "TemplateAPI.Validate", []any{broken}, problems, nil)
	info, err := api.Template.Save(*draft, true)
	r.must(f, r.viewer, "TemplateAPI.Save", []any{draft, true}, info, err)
}

// recordMerged: the same director decided one countersign row on two
// copies of the folder, approving on this one and returning on another;
// once the other copy's events are merged in, one decision applies and
// the other stays in the history, ignored (file "history-merged").
func recordMerged(r *recorder) {
	id := r.dossier("new_system", "", "planned", "countersign")
	r.as("project_manager")
	before, err := r.api.Dossiers.Get(id)
	if err != nil {
		r.t.Fatal(err)
	}
	var task workflow.Task
	for _, t := range before.State.Tasks {
		if t.Kind == "decide" {
			task = t
			break
		}
	}
	oc := openAt(r.t, r.t.TempDir())
	other := app.New(oc, nil)
	if _, err := other.App.LoadSampleData(); err != nil {
		r.t.Fatal(err)
	}
	if _, err := other.Profiles.Unlock(r.roles[task.Role].ID, demo.SamplePassphrase); err != nil {
		r.t.Fatal(err)
	}
	if _, err := other.Dossiers.Decide(id, dossier.DecideRequest{Step: task.Step, Row: task.Row, Decision: workflow.DecisionReturn, Comment: "请补充知识转移记录"}); err != nil {
		r.t.Fatal(err)
	}
	r.as(task.Role)
	if _, err := r.api.Dossiers.Decide(id, dossier.DecideRequest{Step: task.Step, Row: task.Row, Decision: workflow.DecisionApprove, Comment: "同意", Answers: answersFor(r, before, task)}); err != nil {
		r.t.Fatal(err)
	}
	theirs, err := oc.Store.Events(id)
	if err != nil {
		r.t.Fatal(err)
	}
	if err := r.c.Dossiers.Import(theirs); err != nil {
		r.t.Fatal(err)
	}
	r.as("project_manager")
	v, err := r.api.Dossiers.Get(id)
	ignored := 0
	for _, h := range v.History {
		if h.Ignored {
			ignored++
		}
	}
	if ignored != 1 {
		r.t.Fatalf("merged dossier has %d ignored events, want 1", ignored)
	}
	r.must("history-merged", r.viewer, "DossierAPI.Get", []any{id}, v, err)
}

// answersFor answers yes to every item the task's slot asks.
func answersFor(r *recorder, v dossier.View, t workflow.Task) map[string]workflow.Answer {
	out := map[string]workflow.Answer{}
	if v.State.Plan == nil {
		return out
	}
	for _, s := range v.State.Plan.Steps {
		if s.ID != t.Step {
			continue
		}
		items := s.Items
		for _, row := range s.Rows {
			if row.ID == t.Row {
				items = row.Items
			}
		}
		for _, it := range items {
			out[it.ID] = workflow.Answer{Yes: true}
		}
	}
	return out
}

func markAnyArgs(r *recorder, files ...string) {
	for _, f := range files {
		for i := range r.files[f] {
			// A refusal answers only the arguments it was recorded with.
			if r.files[f][i].Call != "DossierAPI.Get" && r.files[f][i].Error == nil {
				r.files[f][i].AnyArgs = true
			}
		}
	}
}

// recordErrors: coded errors as the bridge receives them.
func recordErrors(r *recorder) {
	api := r.api
	// Nobody signed in: these answers do not depend on who asks.
	api.Profiles.Lock()
	r.viewer = ""
	req := exportPDF("confirmation", r.dossier("upgrade", "cr", "planned", "countersign"), "en")
	_, err := api.Docs.ExportPDF(req)
	r.fails("errors", "DocumentsAPI.ExportPDF", []any{req}, "profile.locked", err)
	pm := r.roles["project_manager"]
	_, err = api.Profiles.Unlock(pm.ID, "wrong passphrase")
	r.fails("errors", "ProfileAPI.Unlock", []any{pm.ID, "wrong passphrase"}, "keys.wrong_passphrase", err)
	_, err = api.App.LoadSampleData()
	r.fails("errors", "AppAPI.LoadSampleData", nil, "core.not_empty", err)
	_, err = api.Dossiers.Get("no-such-dossier")
	r.fails("errors", "DossierAPI.Get", []any{"no-such-dossier"}, "dossier.not_found", err)
	err = api.Systems.Delete("ESB")
	r.fails("errors", "SystemAPI.Delete", []any{"ESB"}, "system.in_use", err)
	busy := app.New(nil, fmt.Errorf("%w", openBusy(r.t)))
	_, err = busy.App.Info()
	if err != nil {
		err = errors.New(strings.ReplaceAll(err.Error(), busyDir(), "/home/user/.config/GoLive"))
	}
	r.fails("busy", "AppAPI.Info", nil, "store.already_open", err)
}

// busyDir is the folder openBusy opens twice.
func busyDir() string { return filepath.Join(os.TempDir(), "golive-fixture-busy") }

// openBusy returns the error a second GoLive gets on an open folder
// (recordErrors names the folder as the default one: the temporary
// folder's name differs from machine to machine).
func openBusy(t *testing.T) error {
	dir := busyDir()
	_ = os.RemoveAll(dir)
	c, err := core.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = c.Close(); _ = os.RemoveAll(dir) }()
	_, err = core.Open(dir)
	if err == nil {
		t.Fatal("a second open succeeded")
	}
	return err
}

// compareOrWrite writes the fixtures (GOLIVE_UPDATE_FIXTURES=1) or fails
// on every file that differs from what is committed.
func compareOrWrite(t *testing.T, written map[string][]byte) {
	names := make([]string, 0, len(written))
	for n := range written {
		names = append(names, n)
	}
	sort.Strings(names)
	if os.Getenv("GOLIVE_UPDATE_FIXTURES") != "" {
		if err := os.MkdirAll(fixtureDir, 0o755); err != nil {
			t.Fatal(err)
		}
		old, _ := filepath.Glob(filepath.Join(fixtureDir, "*.json"))
		for _, f := range old {
			if _, keep := written[filepath.Base(f)]; !keep {
				_ = os.Remove(f)
			}
		}
		for _, n := range names {
			if err := os.WriteFile(filepath.Join(fixtureDir, n), written[n], 0o644); err != nil {
				t.Fatal(err)
			}
		}
		t.Logf("wrote %d fixture files to %s", len(names), fixtureDir)
		return
	}
	var stale []string
	for _, n := range names {
		have, err := os.ReadFile(filepath.Join(fixtureDir, n))
		if err != nil || !bytes.Equal(have, written[n]) {
			stale = append(stale, n+firstDifference(have, written[n]))
		}
	}
	committed, _ := filepath.Glob(filepath.Join(fixtureDir, "*.json"))
	for _, f := range committed {
		if _, ok := written[filepath.Base(f)]; !ok {
			stale = append(stale, filepath.Base(f)+" (no longer produced)")
		}
	}
	if len(stale) > 0 {
		t.Fatalf("the frontend fixtures no longer match what the backend returns; run `make fixtures` and review the diff:\n  %s", strings.Join(stale, "\n  "))
	}
}

// firstDifference describes where have and want first differ.
func firstDifference(have, want []byte) string {
	if have == nil {
		return " (missing)"
	}
	var a, b any
	if json.Unmarshal(have, &a) == nil && json.Unmarshal(want, &b) == nil && reflect.DeepEqual(a, b) {
		return " (formatting only)"
	}
	hl, wl := strings.Split(string(have), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(hl) && i < len(wl); i++ {
		if hl[i] != wl[i] {
			return fmt.Sprintf(" (line %d: committed %q, now %q)", i+1, strings.TrimSpace(hl[i]), strings.TrimSpace(wl[i]))
		}
	}
	return fmt.Sprintf(" (%d lines committed, %d now)", len(hl), len(wl))
}

// recordRoster: the roster page. File "roster": the sample's roster as the
// PMO (who may edit it) and as the project manager (who may not). File
// "roster-draft": the PMO starts a draft from the version in force, adds
// a delegation, and a self-delegation is refused; the draft is dropped
// afterwards so later recordings see the folder as before. File
// "roster-accept": an empty folder (nobody signed in) receives the
// sample's roster file: the preview the file dialog answers and the
// accept once the fingerprint was confirmed (the path as a user's).
func recordRoster(r *recorder) {
	api := r.api
	r.as("project_manager")
	o, err := api.Roster.Overview()
	r.must("roster", "project_manager", "RosterAPI.Overview", nil, o, err)
	r.as("pmo")
	o, err = api.Roster.Overview()
	r.must("roster", "pmo", "RosterAPI.Overview", nil, o, err)
	if o.InForce == nil || !o.MayEdit || len(o.InForce.Roster.People) < 2 {
		r.t.Fatalf("the sample's roster as the PMO: %+v", o)
	}
	d, err := api.Roster.EditInForce()
	r.must("roster-draft", "pmo", "RosterAPI.EditInForce", nil, d, err)
	r.must("roster-draft", "pmo", "RosterAPI.Overview", nil, d, nil)
	people := d.Draft.Roster.People
	add := roster.Delegation{ID: "D-2026-02", For: people[0].ID, To: people[1].ID, Roles: []string{"cio"},
		Start: "2026-12-07", End: "2026-12-11", Note: "年度检查期间代审批"}
	edited := d.Draft.Roster
	edited.Delegations = append(append([]roster.Delegation(nil), edited.Delegations...), add)
	saved, err := api.Roster.SaveDraft(edited)
	r.must("roster-draft", "pmo", "RosterAPI.SaveDraft", []any{edited}, saved, err)
	self := add
	self.To = self.For
	bad := d.Draft.Roster
	bad.Delegations = append(append([]roster.Delegation(nil), bad.Delegations...), self)
	_, err = api.Roster.SaveDraft(bad)
	r.fails("roster-draft", "RosterAPI.SaveDraft", []any{bad}, "roster.bad_delegation", err)
	// What the PMO types differs from the recording: the saved draft answers any edit.
	markAnyArgs(r, "roster-draft")
	if _, err := api.Roster.DiscardDraft(); err != nil {
		r.t.Fatal(err)
	}

	file, _, err := r.c.Roster.Export()
	if err != nil {
		r.t.Fatal(err)
	}
	path := filepath.Join(r.t.TempDir(), "roster"+roster.FileExt)
	if err := os.WriteFile(path, file, 0o600); err != nil {
		r.t.Fatal(err)
	}
	oc := openAt(r.t, r.t.TempDir())
	other := app.New(oc, nil)
	empty, err := other.Roster.Overview()
	r.must("roster-accept", "", "RosterAPI.Overview", nil, empty, err)
	parsed, err := roster.ParseFile(file)
	if err != nil {
		r.t.Fatal(err)
	}
	p, err := oc.Roster.Preview(parsed)
	shown := "/home/user/roster" + roster.FileExt
	r.must("roster-accept", "", "RosterAPI.PreviewFromDialog", nil, app.RosterFilePreview{Path: shown, Preview: p}, err)
	got, err := other.Roster.Accept(path, p.Fingerprint)
	r.must("roster-accept", "", "RosterAPI.Accept", []any{shown, p.Fingerprint}, got, err)
}
