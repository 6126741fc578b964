// Scope and the emergency post-release review (issue 12, items 7 and 9):
// the legal entity and release method of a dossier, a change recorded as
// out of the process's scope, and the post-release review record. Merged
// into zh-CN.ts as `scope`, fields, errors.dossier and errors.workflow;
// scope.en.ts must match key for key.
export default {
  entityPlaceholder: '例如：远东宏信有限公司',
  releaseMethodHint: '说明新系统的发布方式（如停机全量部署、分批切换、回退安排），提交审批前必须填写。',
  tag: '不在流程范围内',
  open: '登记不在范围内的变更',
  formTitle: '登记不在流程范围内的变更',
  intro: '仅数据变更、软硬件升级或更换、不涉及程序代码变更的配置更新不适用本流程。在此登记变更内容和不适用的理由，留作记录；它不走审批流程，不能提交。',
  kind: '不适用类别',
  reason: '不适用理由',
  reasonHint: '说明为什么这次变更属于上述类别（例如：仅刷新参数表数据，不修改程序代码）。',
  submit: '登记',
  recorded: '已登记不在范围内的变更 {id}',
  backToRelease: '返回新建发布档案',
  cardTitle: '不在流程范围内的变更',
  history: {
    created: '登记了不在流程范围内的变更「{title}」（系统 {system}）',
    postReview: '登记了紧急发布事后复盘',
  },
  notSubmittable: '本记录只作登记：不走审批流程，不能提交、审批或发布。',
  postReview: {
    title: '事后复盘',
    intro: '紧急发布未经完整测试，确认发布后须由{roles}登记事后复盘，完成后才能归档。',
    findings: '发现的问题',
    findingsHint: '本次紧急发布暴露出的问题、影响和原因。',
    actions: '改进措施',
    actionsHint: '针对上述问题的改进措施、责任人和完成时间。',
    participants: '参与人',
    participantsHint: '参加复盘的人员（姓名、部门）。',
    submit: '登记事后复盘',
    update: '更新事后复盘',
    recorded: '已登记事后复盘',
    record: '事后复盘记录',
    waiting: '等待{who}登记事后复盘，完成后才能归档。',
  },
}

/** Refusals of backend/dossier (scope.go, fold.go), merged into errors.dossier. */
export const scopeDossierErrors = {
  out_of_scope: '这是一条不在流程范围内的变更登记，不走审批流程，不能进行此操作。',
  out_of_scope_reason_required: '请填写不适用理由：说明这次变更为什么不在本流程范围内。',
  bad_exclusion: '请选择不适用类别（「{kind}」不是流程模板列出的类别）。',
  release_method_required: '新系统上线须在提交审批前填写「发布方式说明」（发布方式由申请人在发布申请中进行说明）。',
  entity_too_long: '法人主体过长，最多 {max} 个字符。',
  release_method_too_long: '发布方式说明过长，最多 {max} 个字符。',
}

/** Refusals of backend/workflow's post-release review, merged into errors.workflow. */
export const scopeWorkflowErrors = {
  post_review_required: '紧急发布须先登记事后复盘（发现的问题、改进措施、参与人），才能归档。',
  post_review_incomplete: '事后复盘缺少：{fields}。',
  no_post_review: '此发布方式不需要事后复盘。',
}

/** Field names (fields.*), also used to name what a refusal lists. */
export const scopeFields = {
  entity: '法人主体',
  release_method: '发布方式说明',
  findings: '发现的问题',
  actions: '改进措施',
  participants: '参与人',
}
