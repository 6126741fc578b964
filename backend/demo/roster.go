package demo

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"sort"
	"time"

	"golive/backend/apperr"
	"golive/backend/dossier"
	"golive/backend/ledger"
	"golive/backend/roster"
	"golive/backend/template"
	"golive/backend/workflow"
)

// Units of the sample organisation, all within the template's real
// departments (never a relative one such as 项目所属部门, which names a
// different unit on each dossier). The applicants — the project manager
// and the system owner — work in a group of the business applications
// department, whose head is the sample 申请人所在部门负责人. Every system
// belongs to the development group of its own department (the system
// register's), all headed by the sample 项目所属部门子部门总监. The
// release operator (each system's development lead) and the supervisor,
// who heads his group, work in application development.
const (
	applicantGroup   = "业务需求组"
	systemGroup      = "系统开发组"
	releaseGroup     = "发布管理组"
	delegationID     = "D-2026-01"
	revokedKeyReason = "旧笔记本电脑遗失，密钥停用"
)

// Template department ids the sample organisation places people in.
const (
	applicantDept = "biz_apps"
	releaseDept   = "app_dev"
)

// deptName is the name of the template's department id, SampleDepartment
// when the template has no such real (not relative) department.
func deptName(tpl *template.Template, id string) string {
	if d, ok := tpl.Department(id); ok && !d.Relative && d.Name.Zh != "" {
		return d.Name.Zh
	}
	return SampleDepartment
}

// sampleUnit is the department and sub-department the sample person
// acting in role works in: for a role the template places in a real
// department, that department; for the others (the project manager and
// the heads the template names relative to a dossier, the system's
// owner, developer and supervisor), a unit of the sample organisation
// above.
func sampleUnit(tpl *template.Template, role template.Role) (dept, sub string) {
	switch role.ID {
	case "project_manager", "system_owner", "applicant_dept_head", "business_confirmer":
		return deptName(tpl, applicantDept), applicantGroup
	case "owning_subdept_director":
		return deptName(tpl, applicantDept), systemGroup
	case "release_operator", "release_supervisor":
		return deptName(tpl, releaseDept), releaseGroup
	}
	return deptName(tpl, role.Department), ""
}

// oldLaptopKey is the second key of the sample app_dev_director: the key of
// the laptop he lost, which version 2 of the sample roster revokes.
func oldLaptopKey() ed25519.PrivateKey {
	seed := sha256.Sum256([]byte("golive-sample-key/old-laptop/app_dev_director"))
	return ed25519.NewKeyFromSeed(seed[:])
}

// personID is the sample roster's id of the person acting in role.
func personID(role string) string { return "P-" + role }

// sampleRoster is version 1 of the sample roster: one person per sample
// profile with its global role, the systems assigned to the sample owner,
// release operator and supervisor, the unit heads, and one delegation
// (the CIO's approvals to the information-management GM while he
// travels), around now.
func (d *Driver) sampleRoster(now time.Time) roster.Roster {
	tpl := d.Template
	r := roster.Roster{Version: 1, Organisation: tpl.Organisation.Zh, Note: "示例组织名册：与示例身份一一对应", PMO: []string{personID("pmo")}}
	for _, role := range tpl.Roles {
		a := d.Actors[role.ID]
		p := roster.Person{ID: personID(role.ID), Name: a.Summary.Name, Keys: []roster.Key{{Public: a.Summary.PublicKey}}}
		p.Department, p.SubDepartment = sampleUnit(tpl, role)
		if role.Scope == "" {
			p.Roles = []string{role.ID}
		}
		if role.ID == "app_dev_director" {
			old := hex.EncodeToString(oldLaptopKey().Public().(ed25519.PublicKey))
			p.Keys = append(p.Keys, roster.Key{Public: old, Until: now.AddDate(0, 6, 0).Format(time.DateOnly)})
		}
		r.People = append(r.People, p)
	}
	depts := map[string]bool{}
	for _, s := range systems {
		r.Systems = append(r.Systems, roster.Assignment{System: s.Code, Department: s.Department, SubDepartment: systemGroup,
			Owner: personID("system_owner"), DevLead: personID("release_operator"), Supervisor: personID("release_supervisor")})
		depts[s.Department] = true
	}
	units := make([]string, 0, len(depts))
	for s := range depts {
		units = append(units, s)
	}
	sort.Strings(units)
	for _, s := range units {
		r.Heads = append(r.Heads, roster.Head{Department: s, SubDepartment: systemGroup, Person: personID("owning_subdept_director")})
	}
	r.Heads = append(r.Heads,
		roster.Head{Department: deptName(tpl, applicantDept), SubDepartment: applicantGroup, Person: personID("applicant_dept_head")},
		roster.Head{Department: deptName(tpl, releaseDept), SubDepartment: releaseGroup, Person: personID("release_supervisor")})
	r.Delegations = []roster.Delegation{{ID: delegationID, For: personID("cio"), To: personID("info_mgmt_gm"), Roles: []string{"cio"},
		Start: now.AddDate(0, 0, -14).Format(time.DateOnly), End: now.AddDate(0, 0, 30).Format(time.DateOnly), Note: "CIO 出差期间，由信息管理部总经理代为审批"}}
	return r
}

// rosterStory publishes the sample roster as the sample PMO, then plays
// what the roster decides: a CIO approval made by his delegate (代审批), a
// director's handwritten 在场签字 on the project manager's laptop, and,
// after version 2 revokes the lost laptop's key, a decision signed
// with that key, which stays in the history as 未授权.
func (d *Driver) rosterStory(t Target, now time.Time) error {
	if err := d.As("pmo"); err != nil {
		return err
	}
	v1 := d.sampleRoster(now)
	if _, err := t.PublishRoster(v1); err != nil {
		return fmt.Errorf("sample roster: %w", err)
	}
	if err := d.delegatedApproval(now); err != nil {
		return fmt.Errorf("delegated approval: %w", err)
	}
	if err := d.witnessedApproval(now); err != nil {
		return fmt.Errorf("witnessed approval: %w", err)
	}
	heads, err := d.allHeads()
	if err != nil {
		return err
	}
	v2 := v1
	v2.Version, v2.Note = 2, "停用赵磊旧笔记本电脑的密钥"
	old := hex.EncodeToString(oldLaptopKey().Public().(ed25519.PublicKey))
	v2.People = append([]roster.Person(nil), v1.People...)
	for i := range v2.People {
		if v2.People[i].ID == personID("app_dev_director") {
			v2.People[i].Keys = v2.People[i].Keys[:1:1]
		}
	}
	v2.Revocations = []roster.Revocation{{Key: old, Heads: heads, Reason: revokedKeyReason}}
	if err := d.As("pmo"); err != nil {
		return err
	}
	if _, err := t.PublishRoster(v2); err != nil {
		return fmt.Errorf("sample roster v2: %w", err)
	}
	return d.revokedKeyDecision(now)
}

// pendingFor returns the first sample dossier (by id) with a pending slot
// in role, and that slot.
func (d *Driver) pendingFor(role string) (dossier.View, workflow.Slot, error) {
	list, err := d.Dossiers.List(dossier.Filter{})
	if err != nil {
		return dossier.View{}, workflow.Slot{}, err
	}
	sort.Slice(list, func(i, j int) bool { return list[i].ID < list[j].ID })
	for _, s := range list {
		if s.Stage != dossier.StageApproval {
			continue // only a dossier in approval has a pending slot
		}
		v, err := d.View(s.ID)
		if err != nil {
			return dossier.View{}, workflow.Slot{}, err
		}
		if v.State.Flow == nil || v.State.Flow.Phase != workflow.PhaseApproval {
			continue
		}
		for _, slot := range v.State.Flow.Slots {
			if slot.Role == role && slot.Status == workflow.SlotPending {
				return v, slot, nil
			}
		}
	}
	return dossier.View{}, workflow.Slot{}, apperr.New("workflow.not_pending", "role", role)
}

// after sets the clock to ago before now, or just after the dossier's
// last event if that is later, never later than the driver's limit.
func (d *Driver) after(v dossier.View, now time.Time, ago time.Duration) {
	d.Clock = now.Add(-ago)
	if !d.Clock.After(v.State.UpdatedAt) {
		d.Clock = v.State.UpdatedAt.Add(time.Minute)
	}
	if !d.Limit.IsZero() && d.Clock.After(d.Limit) {
		d.Clock = d.Limit
	}
}

// delegatedApproval has the information-management GM approve, for the
// CIO, the first dossier waiting for the CIO.
func (d *Driver) delegatedApproval(now time.Time) error {
	v, slot, err := d.pendingFor("cio")
	if err != nil {
		return err
	}
	spec, _ := v.State.Plan.Slot(slot.Step, slot.Row)
	if err := d.As("info_mgmt_gm"); err != nil {
		return err
	}
	d.after(v, now, 3*time.Hour)
	_, err = d.Dossiers.Decide(v.State.ID, dossier.DecideRequest{Step: slot.Step, Row: slot.Row, Decision: workflow.DecisionApprove,
		Comment: "代 CIO 审批：同意上线", Answers: YesTo(spec.Items, "")})
	return err
}

// allHeads returns the heads of every sample dossier, sorted: a revocation
// keeps what the key signed up to them.
func (d *Driver) allHeads() ([]string, error) {
	list, err := d.Dossiers.List(dossier.Filter{})
	if err != nil {
		return nil, err
	}
	var heads []string
	for _, s := range list {
		v, err := d.View(s.ID)
		if err != nil {
			return nil, err
		}
		heads = append(heads, v.State.Heads...)
	}
	sort.Strings(heads)
	return heads, nil
}

// revokedKeyDecision signs, with the revoked old-laptop key, the
// application-development director's countersign row of a dossier waiting
// for it, and hands the event in as a copy from elsewhere would arrive:
// the fold keeps it in the history as 未授权 (roster.revoked) and the row
// stays pending.
func (d *Driver) revokedKeyDecision(now time.Time) error {
	v, slot, err := d.pendingFor("app_dev_director")
	if err != nil {
		return err
	}
	spec, _ := v.State.Plan.Slot(slot.Step, slot.Row)
	chain, err := d.Dossiers.RosterChain()
	if err != nil {
		return err
	}
	tip, _ := chain.Tip()
	d.after(v, now, 2*time.Hour)
	e, err := ledger.New(v.State.ID, v.State.Heads, workflow.KindDecided, map[string]any{
		"step": slot.Step, "row": slot.Row, "role": slot.Role, "decision": workflow.DecisionApprove,
		"comment": "同意", "answers": YesTo(spec.Items, ""), "roster": tip.Event,
	}, d.Clock, oldLaptopKey())
	if err != nil {
		return err
	}
	return d.Dossiers.Import([]ledger.Event{e})
}

// witnessedApproval records, on the project manager's laptop, the
// basic-applications director's handwritten 在场签字 on the countersign of
// the first dossier waiting for him (he signed in the review meeting,
// without his laptop).
func (d *Driver) witnessedApproval(now time.Time) error {
	v, slot, err := d.pendingFor("basic_apps_director")
	if err != nil {
		return err
	}
	spec, _ := v.State.Plan.Slot(slot.Step, slot.Row)
	if err := d.As("project_manager"); err != nil {
		return err
	}
	d.after(v, now, 150*time.Minute)
	_, err = d.Dossiers.Decide(v.State.ID, dossier.DecideRequest{Step: slot.Step, Row: slot.Row, Decision: workflow.DecisionApprove,
		Comment: "评审会上当面签字同意", Answers: YesTo(spec.Items, ""),
		Witness: &dossier.WitnessRequest{Person: personID("basic_apps_director"), Image: base64.StdEncoding.EncodeToString(sampleHandwriting()), Kind: workflow.WitnessHandwritten}})
	return err
}

// sampleHandwriting draws the sample's handwritten signature: a few
// connected loops in dark ink on white, as a PNG.
func sampleHandwriting() []byte {
	const w, h = 360, 120
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	ink := color.RGBA{R: 20, G: 30, B: 70, A: 255}
	dot := func(x, y float64) {
		for dx := -1; dx <= 1; dx++ {
			for dy := -1; dy <= 1; dy++ {
				img.Set(int(x)+dx, int(y)+dy, ink)
			}
		}
	}
	for t := 0.0; t < 1; t += 0.0005 {
		x := 30 + 300*t
		y := 60 + 28*math.Sin(t*6*math.Pi)*math.Cos(t*2.2*math.Pi) - 14*math.Sin(t*17*math.Pi)*t
		dot(x, y)
	}
	var buf bytes.Buffer
	_ = png.Encode(&buf, img) // encoding an in-memory RGBA image does not fail
	return buf.Bytes()
}
