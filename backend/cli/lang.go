package cli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"golive/backend/apperr"
	"golive/backend/printable"
	"golive/backend/template"
)

// The read commands for scripts (list, show, inbox, stats) speak the
// user's language: Chinese by default, English with --lang en. Their
// headings and labels live in labels below; their errors are apperr codes
// whose messages are the frontend's (frontend/src/i18n): errorTexts holds
// the codes these commands raise, word for word as the frontend
// catalogue has them, and TestCLIMessagesMatchTheFrontend fails when one
// differs or is missing there. The codes of their own (cli.*) live in
// frontend/src/i18n/cli.zh-CN.ts and cli.en.ts.

// lang is a language of the read commands' output.
type lang string

// The languages of --lang.
const (
	langZh lang = "zh-CN"
	langEn lang = "en"
)

// parseLang reads --lang as documents do (printable.ParseLang: zh-CN, the
// default for "", or en). Code cli.bad_lang, a usage error.
func parseLang(s string) (lang, error) {
	l, err := printable.ParseLang(s)
	if err != nil {
		return langZh, usageErr(apperr.New("cli.bad_lang", "value", s))
	}
	if l == printable.En {
		return langEn, nil
	}
	return langZh, nil
}

// langArg returns the --lang value among args (as DataDirArg finds
// --data), so that even a bad flag is reported in the chosen language.
func langArg(args []string) lang {
	for i, a := range args {
		v, found := "", false
		for _, p := range []string{"--lang=", "-lang="} {
			if strings.HasPrefix(a, p) {
				v, found = strings.TrimPrefix(a, p), true
			}
		}
		if (a == "--lang" || a == "-lang") && i+1 < len(args) {
			v, found = args[i+1], true
		}
		if found {
			l, _ := parseLang(v)
			return l
		}
	}
	return langZh
}

// T picks the text of t in l (Chinese when the English is missing).
func (l lang) T(t template.Text) string {
	if l == langEn && t.En != "" {
		return t.En
	}
	if t.Zh != "" {
		return t.Zh
	}
	return t.En
}

// printable is l as the printed documents name it (their labels).
func (l lang) printable() printable.Lang {
	if l == langEn {
		return printable.En
	}
	return printable.Zh
}

// L returns the label key in l; an unknown key comes back as itself.
func (l lang) L(key string) string {
	t, ok := labels[key]
	if !ok {
		return key
	}
	return l.T(t)
}

// labels are the headings and labels the read commands print.
var labels = map[string]template.Text{
	// list
	"list.id":      {Zh: "编号", En: "ID"},
	"list.system":  {Zh: "系统", En: "System"},
	"list.stage":   {Zh: "阶段", En: "Stage"},
	"list.phase":   {Zh: "流程状态", En: "State"},
	"list.window":  {Zh: "发布窗口", En: "Window"},
	"list.planned": {Zh: "计划发布时间", En: "Planned"},
	"list.title":   {Zh: "发布名称", En: "Title"},
	"list.count":   {Zh: "共 %d 个发布档案", En: "%d dossier(s)"},
	"list.none":    {Zh: "没有符合条件的发布档案", En: "No dossier matches"},
	// show
	"show.dossier":       {Zh: "发布档案", En: "Dossier"},
	"show.type":          {Zh: "发布类型", En: "Type"},
	"show.mode":          {Zh: "发布方式", En: "Mode"},
	"show.version":       {Zh: "版本", En: "Version"},
	"show.entity":        {Zh: "法人主体", En: "Legal entity"},
	"show.pm":            {Zh: "项目经理", En: "Project manager"},
	"show.template":      {Zh: "流程模板", En: "Template"},
	"show.out_of_scope":  {Zh: "不在流程范围内", En: "Out of scope"},
	"show.tasks":         {Zh: "待办事项", En: "Tasks"},
	"show.no_tasks":      {Zh: "没有待办事项", En: "Nothing waits"},
	"show.waits_for":     {Zh: "等待", En: "waits for"},
	"show.delegated_to":  {Zh: "已转交", En: "transferred to"},
	"show.since":         {Zh: "自", En: "since"},
	"show.deliverables":  {Zh: "交付物", En: "Deliverables"},
	"show.no_files":      {Zh: "尚无交付物", En: "No deliverable yet"},
	"show.checklist":     {Zh: "准备清单", En: "Checklist"},
	"show.history":       {Zh: "历史记录", En: "History"},
	"show.ignored":       {Zh: "（未生效：%s）", En: " (not applied: %s)"},
	"source.uploaded":    {Zh: "上传", En: "uploaded"},
	"source.generated":   {Zh: "系统生成", En: "generated"},
	"source.hash_only":   {Zh: "仅登记摘要", En: "hash only"},
	"show.version_no":    {Zh: "第 %d 版", En: "v%d"},
	"show.not_set":       {Zh: "—", En: "—"},
	"show.no_one":        {Zh: "无人", En: "no one"},
	"show.roster_absent": {Zh: "（无组织名册：按角色）", En: "(no roster: by role)"},
	// inbox
	"inbox.title":   {Zh: "%s（%s）待处理的事项", En: "What waits for %s (%s)"},
	"inbox.empty":   {Zh: "没有待处理的事项", En: "Nothing waits"},
	"inbox.count":   {Zh: "共 %d 项", En: "%d item(s)"},
	"inbox.task":    {Zh: "事项", En: "Task"},
	"inbox.dossier": {Zh: "发布档案", En: "Dossier"},
	"inbox.since":   {Zh: "等待自", En: "Waiting since"},
	"inbox.step":    {Zh: "步骤", En: "Step"},
	// inbox.delegated marks a task transferred to the profile (the app's
	// inbox.delegated).
	"inbox.delegated": {Zh: "受转交", En: "transferred to you"},
	// stats (the statistics workbook's words)
	"stats.title":    {Zh: "%d 年发布统计", En: "Release statistics %d"},
	"stats.window":   {Zh: "按发布窗口", En: "By window"},
	"stats.month":    {Zh: "按月份", En: "By month"},
	"stats.system":   {Zh: "按系统", En: "By system"},
	"stats.class":    {Zh: "按系统类别", En: "By system class"},
	"stats.dept":     {Zh: "按部门", En: "By department"},
	"stats.total":    {Zh: "合计", En: "Total"},
	"stats.key":      {Zh: "分组", En: "Key"},
	"stats.label":    {Zh: "名称", En: "Name"},
	"stats.dossiers": {Zh: "发布档案数", En: "Dossiers"},
	"stats.released": {Zh: "已发布", En: "Released"},
	"stats.emshare":  {Zh: "紧急占比", En: "Emergency"},
	"stats.postrate": {Zh: "顺延率", En: "Postponed"},
	"stats.cfr":      {Zh: "变更失败率", En: "Change failure"},
	"stats.lead":     {Zh: "前置天数", En: "Lead days"},
	"stats.none":     {Zh: "（无）", En: "(none)"},
}

// taskKinds name each kind of task as the inbox does (inbox.kinds of the
// frontend catalogue, checked by TestCLIMessagesMatchTheFrontend).
var taskKinds = map[string]template.Text{
	"decide":         {Zh: "审批", En: "Decide"},
	"submit":         {Zh: "提交审批", En: "Submit for approval"},
	"file":           {Zh: "流程备案", En: "File the flow"},
	"execute":        {Zh: "执行系统发布", En: "Execute the release"},
	"supervise":      {Zh: "监督核查", En: "Supervise and check"},
	"confirm":        {Zh: "上线发布确认", En: "Confirm the release"},
	"postpone":       {Zh: "系统上线顺延", En: "Postpone the release"},
	"archive":        {Zh: "归档", En: "Archive"},
	"post_review":    {Zh: "登记紧急发布事后复盘", En: "Record the post-release review of the emergency release"},
	"window_changed": {Zh: "发布窗口已调整，请确认计划", En: "Release window changed: check the plan"},
	"filed":          {Zh: "流程已备案给你（知悉）", En: "Approved flow filed to you (for information)"},
}

// taskName names a task kind in l; an unknown kind comes back as itself.
func (l lang) taskName(kind string) string {
	if t, ok := taskKinds[kind]; ok {
		return l.T(t)
	}
	return kind
}

// errorTexts are the messages of the codes the read commands raise, in
// the frontend catalogue's words ({name} is a parameter).
var errorTexts = map[string]template.Text{
	"dossier.not_found":     {Zh: "找不到发布档案 {id}", En: "Release dossier {id} not found"},
	"store.already_open":    {Zh: "数据文件夹 {dir} 已在另一个 GoLive 中打开。", En: "The data folder {dir} is open in another GoLive."},
	"store.damaged":         {Zh: "数据文件夹 {dir} 已损坏（{file}），未做任何改动。请从备份恢复，或运行 golive check 查看全部问题。", En: "The data folder {dir} is damaged ({file}); nothing was changed. Restore it from a backup, or run golive check to see every problem."},
	"store.needs_recovery":  {Zh: "数据文件夹 {dir} 上次未正常关闭（遗留文件 {file}）。请先在 GoLive 中打开一次完成恢复，再运行此命令。", En: "The data folder {dir} was not closed cleanly ({file} was left behind). Open it once in GoLive to recover it, then run this command again."},
	"store.events_missing":  {Zh: "{stream} 中有 {count} 个此前保存过的事件不见了：数据被回退或改动过。请从备份恢复，并运行 golive check 查看详情。", En: "{count} events of {stream} that were saved before are gone: the data was rolled back or edited. Restore it from a backup and run golive check for details."},
	"cli.no_folder":         {Zh: "{dir} 不是 GoLive 数据文件夹（不存在或没有 GoLive 数据），未创建任何内容。", En: "{dir} is not a GoLive data folder (it does not exist or holds no GoLive data); nothing was created."},
	"cli.bad_flag":          {Zh: "命令行参数有误：{detail}。运行 golive help 查看用法。", En: "Bad command line: {detail}. Run golive help for the usage."},
	"cli.extra_args":        {Zh: "多余的参数：{args}", En: "Unexpected arguments: {args}"},
	"cli.needs_id":          {Zh: "请给出发布档案编号：golive show ID", En: "Give a dossier id: golive show ID"},
	"cli.needs_year":        {Zh: "请用 --year 给出年份，例如 --year 2026", En: "Give the year with --year, e.g. --year 2026"},
	"cli.bad_year":          {Zh: "年份「{value}」无效：请写 2000 到 2100 之间的年份", En: "Year “{value}” is not valid: write a year from 2000 to 2100"},
	"cli.bad_stage":         {Zh: "未知的阶段「{value}」。可用的阶段：{stages}", En: "Unknown stage “{value}”. Stages: {stages}"},
	"cli.bad_system":        {Zh: "此数据文件夹中没有应用系统「{value}」。已登记的系统：{systems}", En: "No system “{value}” in this data folder. Registered systems: {systems}"},
	"cli.bad_window":        {Zh: "发布窗口「{value}」无效：请写窗口编号（如 2027-03-11-java）或日期（如 2026-12-10）", En: "Window “{value}” is not valid: write a window id (e.g. 2027-03-11-java) or a day (e.g. 2026-12-10)"},
	"cli.bad_lang":          {Zh: "不支持的语言「{value}」：请用 zh-CN 或 en", En: "Unsupported language “{value}”: use zh-CN or en"},
	"cli.choose_profile":    {Zh: "此数据文件夹有多个身份，请用 --profile 指定其一（编号或姓名）：{profiles}", En: "This data folder has several profiles; choose one with --profile (id or name): {profiles}"},
	"cli.ambiguous_profile": {Zh: "有多个身份名为「{profile}」，请用编号指定：{profiles}", En: "Several profiles are named “{profile}”; give the id: {profiles}"},
	"cli.no_profile":        {Zh: "此数据文件夹中没有身份「{profile}」。已有的身份：{profiles}", En: "No profile “{profile}” in this data folder. Profiles: {profiles}"},
	"cli.no_profiles":       {Zh: "此数据文件夹中还没有任何身份。", En: "This data folder holds no profile yet."},
	// golive export minutes (minutes.go).
	"meeting.not_found":  {Zh: "找不到评审会 {meeting}。", En: "Review meeting {meeting} cannot be found."},
	"meeting.no_minutes": {Zh: "评审会 {meeting} 还没有会议纪要。", En: "Review meeting {meeting} has no minutes yet."},
	"cli.needs_meeting":  {Zh: "请用 --meeting 给出评审会编号", En: "Give the review meeting's id with --meeting"},
	"cli.needs_out":      {Zh: "请用 --out 给出要写入的文件", En: "Give the file to write with --out"},
}

// message renders code's text in l with params, or "" when the code has
// no text here.
func (l lang) message(code string, params map[string]string) string {
	t, ok := errorTexts[code]
	if !ok {
		return ""
	}
	msg := l.T(t)
	for k, v := range params {
		msg = strings.ReplaceAll(msg, "{"+k+"}", v)
	}
	return msg
}

// explain words err in l: a code of errorTexts with its message (the code
// stays underneath, for the log), a usage error still a usage error, and
// anything else as Explain words it.
func (l lang) explain(err error) error {
	if err == nil {
		return nil
	}
	var u *usageError
	usage := errors.As(err, &u)
	var e *apperr.Error
	if errors.As(err, &e) {
		code := e.Code
		if code == "store.not_found" && e.Params["dir"] != "" {
			code = "cli.no_folder" // the folder, not a record, is missing
		}
		if msg := l.message(code, e.Params); msg != "" {
			err = explained(e, "%s", msg)
			if usage {
				err = &usageError{err: err}
			}
			return err
		}
	}
	if usage {
		return err
	}
	return Explain(err)
}

// usageError marks a command line golive cannot run as given (a bad flag,
// a missing argument, an impossible value): Main exits StatusUsage.
type usageError struct{ err error }

func (u *usageError) Error() string { return u.err.Error() }
func (u *usageError) Unwrap() error { return u.err }

// usageErr marks err as a usage error.
func usageErr(err error) error { return &usageError{err: err} }

// IsUsage reports whether err says the command line was wrong (exit
// status StatusUsage) rather than that the command failed (1).
func IsUsage(err error) bool {
	var u *usageError
	return errors.As(err, &u)
}

// readCommand is what list, show, inbox and stats share: --data, --json
// and --lang, the flags parsed wherever they stand among the arguments.
type readCommand struct {
	name   string
	fs     *flag.FlagSet
	dir    *string
	asJSON *bool
	lang   *string
	l      lang
}

// newReadCommand declares the shared flags of command name.
func newReadCommand(name string) *readCommand {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return &readCommand{
		name:   name,
		fs:     fs,
		dir:    dataFlag(fs, ""),
		asJSON: fs.Bool("json", false, "print JSON (field names in the README)"),
		lang:   fs.String("lang", "zh-CN", "language of the output and the messages: zh-CN or en"),
		l:      langZh,
	}
}

// parse reads args: flags anywhere, the other arguments returned in
// order. A bad flag or value is a usage error in the chosen language;
// -h prints the flags to out and returns flag.ErrHelp.
func (r *readCommand) parse(args []string, out io.Writer) ([]string, error) {
	r.l = langArg(args)
	var rest []string
	for {
		if err := r.fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				r.fs.SetOutput(out)
				r.fs.PrintDefaults()
				return nil, err
			}
			return nil, r.l.explain(usageErr(apperr.New("cli.bad_flag", "detail", err.Error())))
		}
		args = r.fs.Args()
		if len(args) == 0 {
			break
		}
		rest = append(rest, args[0])
		args = args[1:]
	}
	l, err := parseLang(*r.lang)
	if err != nil {
		return nil, r.l.explain(err)
	}
	r.l = l
	return rest, nil
}

// noArgs refuses arguments a command does not take.
func (r *readCommand) noArgs(rest []string) error {
	if len(rest) > 0 {
		return r.l.explain(usageErr(apperr.New("cli.extra_args", "args", strings.Join(rest, " "))))
	}
	return nil
}

// run runs body after parsing args, and words its error in the chosen
// language; -h is no failure.
func (r *readCommand) run(args []string, out io.Writer, body func(rest []string) error) error {
	rest, err := r.parse(args, out)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return err
	}
	return r.l.explain(body(rest))
}

// printJSON writes v as indented JSON, with <, > and & as they are.
func printJSON(out io.Writer, v any) error {
	enc := json.NewEncoder(out)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// sprintf formats the label key of l with args.
func (l lang) sprintf(key string, args ...any) string { return fmt.Sprintf(l.L(key), args...) }
