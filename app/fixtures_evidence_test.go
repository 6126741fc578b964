package app_test

import (
	"encoding/base64"

	"golive/backend/dossier"
)

// evidenceContent is the evidence file the checklist spec uploads.
const evidenceContent = "UAT report v3, signed by the users\n"

// recordEvidence: checklist evidence and trial-run issues (file
// "action-evidence"). The bugfix upgrade in preparation, as its system
// owner: a file attached to the user-test item, the item linked to the
// user test report, a link to an unknown deliverable refused. The new
// system confirmed, as its project manager: a trial-run issue recorded,
// archiving refused while it is open, the issue closed. Recorded last:
// both dossiers gain events.
func recordEvidence(r *recorder) {
	api := r.api
	const f = "action-evidence"
	id, v := r.open(f, "system_owner", "upgrade", "bugfix", "planned", "preparation")
	raw := base64.StdEncoding.EncodeToString([]byte(evidenceContent))
	v, err := api.Dossiers.AttachChecklistUpload(id, "pre.user_test", "uat-report.pdf", raw)
	r.must(f, r.viewer, "DossierAPI.AttachChecklistUpload", []any{id, "pre.user_test", "uat-report.pdf", raw}, v, err)
	key := ""
	for _, c := range v.EvidenceChoices {
		if c.Key == "doc:user_test_report" {
			key = c.Key
		}
	}
	if key == "" {
		r.t.Fatalf("no user test report among the evidence choices %+v", v.EvidenceChoices)
	}
	v, err = api.Dossiers.LinkChecklistDeliverable(id, "pre.user_test", key)
	r.must(f, r.viewer, "DossierAPI.LinkChecklistDeliverable", []any{id, "pre.user_test", key}, v, err)
	_, err = api.Dossiers.LinkChecklistDeliverable(id, "pre.training", "no_such_deliverable")
	r.fails(f, "DossierAPI.LinkChecklistDeliverable", []any{id, "pre.training", "no_such_deliverable"}, "dossier.unknown_deliverable", err)

	const t = "action-trial"
	id, _ = r.open(t, "project_manager", "new_system", "", "planned", "confirmed")
	req := dossier.TrialIssueRequest{Title: "月末报表导出超时", Description: "导出超过 60 秒", Severity: dossier.SeverityHigh}
	v, err = api.Dossiers.OpenTrialIssue(id, req)
	r.must(t, r.viewer, "DossierAPI.OpenTrialIssue", []any{id, req}, v, err)
	r.files[t][len(r.files[t])-1].AnyArgs = true
	issue := v.State.TrialIssues[0].ID
	none := map[string]string{}
	_, err = api.Dossiers.Archive(id, none)
	r.fails(t, "DossierAPI.Archive", []any{id, none}, "dossier.trial_issues_open", err)
	v, err = api.Dossiers.CloseTrialIssue(id, issue, "增加索引后 5 秒内完成")
	r.must(t, r.viewer, "DossierAPI.CloseTrialIssue", []any{id, issue, "增加索引后 5 秒内完成"}, v, err)
	r.files[t][len(r.files[t])-1].AnyArgs = true
}
