// The messages of the command line's read commands for scripts (golive
// list, show, inbox, stats, export minutes): their error codes cli.*, merged into
// zh-CN.ts as errors.cli. backend/cli/lang.go holds the same texts for the
// terminal; its test TestCLIMessagesMatchTheFrontend keeps the two equal.
export const cliErrors = {
  no_folder: '{dir} 不是 GoLive 数据文件夹（不存在或没有 GoLive 数据），未创建任何内容。',
  bad_flag: '命令行参数有误：{detail}。运行 golive help 查看用法。',
  extra_args: '多余的参数：{args}',
  needs_id: '请给出发布档案编号：golive show ID',
  needs_year: '请用 --year 给出年份，例如 --year 2026',
  bad_year: '年份「{value}」无效：请写 2000 到 2100 之间的年份',
  bad_stage: '未知的阶段「{value}」。可用的阶段：{stages}',
  bad_system: '此数据文件夹中没有应用系统「{value}」。已登记的系统：{systems}',
  bad_window: '发布窗口「{value}」无效：请写窗口编号（如 2027-03-11-java）或日期（如 2026-12-10）',
  bad_lang: '不支持的语言「{value}」：请用 zh-CN 或 en',
  choose_profile: '此数据文件夹有多个身份，请用 --profile 指定其一（编号或姓名）：{profiles}',
  ambiguous_profile: '有多个身份名为「{profile}」，请用编号指定：{profiles}',
  no_profile: '此数据文件夹中没有身份「{profile}」。已有的身份：{profiles}',
  no_profiles: '此数据文件夹中还没有任何身份。',
  needs_meeting: '请用 --meeting 给出评审会编号',
  needs_out: '请用 --out 给出要写入的文件',
}
