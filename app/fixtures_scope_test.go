package app_test

import (
	"golive/backend/dossier"
)

// recordScope: a change out of the process's scope put on record by the
// project manager (file "action-out-of-scope"): refused without a reason,
// then recorded, and the dossier list showing it. Recorded last: it adds
// a dossier to the sample folder.
func recordScope(r *recorder) {
	api := r.api
	const f = "action-out-of-scope"
	r.as("project_manager")
	req := dossier.OutOfScopeRequest{SystemCode: "CRM", Title: "客户等级参数表刷新", Entity: "远东宏信有限公司", Kind: "data_only"}
	_, err := api.Dossiers.RecordOutOfScope(req)
	r.fails(f, "DossierAPI.RecordOutOfScope", []any{req}, "dossier.out_of_scope_reason_required", err)
	req.Reason = "仅刷新客户等级参数表的数据，不修改程序代码"
	v, err := api.Dossiers.RecordOutOfScope(req)
	r.must(f, r.viewer, "DossierAPI.RecordOutOfScope", []any{req}, v, err)
	list, err := api.Dossiers.List(dossier.Filter{})
	r.must(f, "", "DossierAPI.List", []any{dossier.Filter{}}, list, err)
	// Without a release date the record is listed last: the first page and the last.
	r.pages(f, dossier.Filter{}, list, 0, (len(list)-1)/listPage*listPage)
}

// recordPostReview: the confirmed emergency release, as its system owner,
// who records the post-release review before archiving (file
// "action-post-review"): the dossier, the review refused without its
// improvement actions and participants, then recorded. Recorded last: the
// dossier gains an event.
func recordPostReview(r *recorder) {
	api := r.api
	const f = "action-post-review"
	id, v := r.open(f, "system_owner", "upgrade", "bugfix", "emergency", "confirmed")
	if !v.Actions.PostReview || v.State.Plan.PostReview == nil {
		r.t.Fatalf("the system owner is not offered the post-release review of %s", id)
	}
	half := dossier.PostReviewRequest{Findings: "发布前未完成全量回归，上线后报表导出格式异常"}
	_, err := api.Dossiers.RecordPostReview(id, half)
	r.fails(f, "DossierAPI.RecordPostReview", []any{id, half}, "workflow.post_review_incomplete", err)
	full := half
	full.Actions, full.Participants = "补充报表导出的自动化回归用例", "张伟、李娜、王强"
	after, err := api.Dossiers.RecordPostReview(id, full)
	r.must(f, r.viewer, "DossierAPI.RecordPostReview", []any{id, full}, after, err)
}
