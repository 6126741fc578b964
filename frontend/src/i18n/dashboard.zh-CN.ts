// The dashboard (统计看板): release statistics with charts; the numbers are
// the 发布统计 workbook's (app.StatsAPI).
const dashboard = {
  nav: '统计看板',
  title: '统计看板',
  intro: '数字与同一筛选条件下导出的「发布统计」工作簿一致。',
  year: '年度',
  quarter: '季度',
  wholeYear: '全年',
  quarterN: '第 {n} 季度',
  dimension: '分组维度',
  dims: {
    system: '按系统',
    class: '按系统类别',
    department: '按部门',
  },
  exportWorkbook: '导出发布统计工作簿',
  exportPNG: '导出图片',
  empty: '所选范围内没有发布档案。',
  totals: {
    dossiers: '发布档案',
    released: '已发布',
    changeFailure: '变更失败率',
    emergency: '紧急占比',
    postponement: '顺延率',
    lead: '平均前置时间',
    leadDays: '{n} 天',
    none: '—',
  },
  charts: {
    month: '每月发布',
    window: '各发布窗口的发布',
    rates: '变更失败率、紧急占比与顺延率',
    lead: '平均前置时间（提交至发布，天）',
    steps: '各审批环节平均等待（小时）',
    stepsOf: '{label}：各审批环节平均等待（小时）',
  },
  series: {
    dossiers: '发布档案',
    released: '已发布',
    changeFailure: '变更失败率',
    emergency: '紧急占比',
    postponement: '顺延率',
    lead: '前置时间（天）',
    hours: '平均等待（小时）',
  },
  pickHint: '点击柱形，列出其中的发布档案。',
  picked: '{label}：{n} 个发布档案',
  clear: '关闭列表',
  noWait: '没有审批等待记录。',
  emergencyTag: '紧急',
  releasedTag: '已发布',
  file: '统计看板',
}
export default dashboard

/** Error messages of the dashboard's calls (merged into errors.app). */
export const dashboardAppErrors = {
  bad_image: '图表图片无法保存：收到的不是 PNG 图片。',
}
