// Date sanity (backend/dossier/dates.go): the refusals of dates that
// cannot be right when a person acts, and the late-record (补录) field of
// the create form. Merged into zh-CN.ts as `dates`, errors.dossier and
// errors.workflow; dates.en.ts must match key for key.
export default {
  lateRecord: '补录已完成的发布',
  lateReason: '补录原因',
  lateHint: '说明为什么现在才登记这次已完成的发布（例如当时只有纸质审批单）。原因记录在发布档案的创建记录中。',
  lateRecordLabel: '补录原因：{reason}',
}

export const dossierDateErrors = {
  date_past: '计划发布时间 {date} 早于现在（{now}）：计划内发布只能安排在今后。如是补录已完成的发布，请勾选「补录已完成的发布」并填写原因。',
  postpone_past: '顺延后的发布时间 {date} 早于现在（{now}），请选择今后的时间。',
  date_too_far: '计划发布时间 {date} 太远：最晚只能安排到 {limit}（{years} 年内）。',
  emergency_too_old: '紧急发布时间 {date} 早于 {limit}：紧急发布最多只能在 {days} 天内补记。如是补录更早完成的发布，请勾选「补录已完成的发布」并填写原因。',
  emergency_too_far: '紧急发布时间 {date} 晚于 {limit}：紧急发布最多提前 {days} 天安排，更晚的发布请走计划内发布。',
  late_too_old: '补录的发布时间 {date} 早于 {limit}：只能补录 {years} 年内的发布。',
}

export const workflowDateErrors = {
  started_in_future: '发布步骤第 {row} 行的实际开始时间 {value} 晚于现在（{now}）：尚未发生的事不能记为已发生。',
  ended_in_future: '发布步骤第 {row} 行的实际结束时间 {value} 晚于现在（{now}）：尚未发生的事不能记为已发生。',
  ended_before_start: '发布步骤第 {row} 行的实际结束时间 {ended} 早于开始时间 {started}。',
  tested_in_future: '测试时间 {value} 晚于现在（{now}）：请填写实际完成测试的时间。',
}
