package app

import (
	"context"
	"strings"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"golive/backend/apperr"
	"golive/backend/core"
	"golive/backend/identity"
	"golive/backend/template"
)

// dialog names a native file dialog; its title and the names of its file
// filters come from dialogText in the UI language.
type dialog string

// The native file dialogs the bound structs show.
const (
	dialogExportPDF       dialog = "export_pdf"
	dialogExportWorkbook  dialog = "export_workbook"
	dialogVerifyPDF       dialog = "verify_pdf"
	dialogExportTemplate  dialog = "export_template"
	dialogImportTemplate  dialog = "import_template"
	dialogImportHolidays  dialog = "import_holidays"
	dialogExportICS       dialog = "export_ics"
	dialogAttach          dialog = "attach"
	dialogRecordPackage   dialog = "record_package"
	dialogCheckPackage    dialog = "check_package"
	dialogSaveDeliverable dialog = "save_deliverable"
	dialogSaveIdentity    dialog = "save_identity"
	dialogExportPNG       dialog = "export_png"
)

// fileFilter is a dialog's file type choice: name is a dialogText key.
type fileFilter struct{ name, pattern string }

// dialogFilters lists each dialog's file filters (none: any file).
var dialogFilters = map[dialog][]fileFilter{
	dialogExportPDF:       {{"filter.pdf", "*.pdf"}},
	dialogExportWorkbook:  {{"filter.xlsx", "*.xlsx"}},
	dialogVerifyPDF:       {{"filter.pdf", "*.pdf"}},
	dialogExportTemplate:  {{"filter.json", "*.json"}},
	dialogImportTemplate:  {{"filter.json", "*.json"}},
	dialogImportHolidays:  {{"filter.holidays", "*.json;*.ics"}},
	dialogExportICS:       {{"filter.ics", "*.ics"}},
	dialogAttach:          nil,
	dialogRecordPackage:   nil,
	dialogCheckPackage:    nil,
	dialogSaveDeliverable: nil,
	dialogSaveIdentity:    {{"filter.identity", "*" + identity.FileExt}},
	dialogExportPNG:       {{"filter.png", "*.png"}},
}

// dialogText holds the dialog titles (keyed by dialog) and filter names
// (filter.*) in each UI language; both languages have every key. A title
// keyed dialog+".named" is used when the caller names what the file is
// for (the deliverable), {name} standing for it.
var dialogText = map[string]map[string]string{
	"zh-CN": {
		string(dialogExportPDF):                  "导出 PDF",
		string(dialogExportWorkbook):             "导出 Excel 工作簿",
		string(dialogVerifyPDF):                  "选择要验证的 PDF",
		string(dialogExportTemplate):             "导出流程模板",
		string(dialogImportTemplate):             "导入流程模板",
		string(dialogImportHolidays):             "导入节假日安排",
		string(dialogExportICS):                  "导出发布窗口日历",
		string(dialogAttach):                     "选择要上传的文件",
		string(dialogAttach) + ".named":          "为「{name}」选择文件",
		string(dialogRecordPackage) + ".named":   "选择要登记的「{name}」",
		string(dialogCheckPackage) + ".named":    "选择实际发布的程序包，与登记的「{name}」核对",
		string(dialogSaveDeliverable) + ".named": "保存「{name}」",
		string(dialogRecordPackage):              "选择要登记的程序包",
		string(dialogCheckPackage):               "选择实际发布的程序包",
		string(dialogSaveDeliverable):            "保存文件",
		string(dialogSaveIdentity):               "保存身份卡",
		string(dialogExportPNG):                  "导出图表图片",
		"filter.png":                             "PNG 图片 (*.png)",
		"filter.identity":                        "GoLive 身份卡 (*" + identity.FileExt + ")",
		"filter.pdf":                             "PDF 文档 (*.pdf)",
		"filter.xlsx":                            "Excel 工作簿 (*.xlsx)",
		"filter.json":                            "JSON 文件 (*.json)",
		"filter.holidays":                        "节假日文件 (*.json, *.ics)",
		"filter.ics":                             "日历文件 (*.ics)",
	},
	"en": {
		string(dialogExportPDF):                  "Export PDF",
		string(dialogExportWorkbook):             "Export Excel workbook",
		string(dialogVerifyPDF):                  "Choose a PDF to verify",
		string(dialogExportTemplate):             "Export process template",
		string(dialogImportTemplate):             "Import process template",
		string(dialogImportHolidays):             "Import holiday schedule",
		string(dialogExportICS):                  "Export release windows as a calendar",
		string(dialogAttach):                     "Choose a file to attach",
		string(dialogAttach) + ".named":          "Choose the file for “{name}”",
		string(dialogRecordPackage) + ".named":   "Choose the “{name}” to record",
		string(dialogCheckPackage) + ".named":    "Choose the package actually released, to check against the recorded “{name}”",
		string(dialogSaveDeliverable) + ".named": "Save “{name}”",
		string(dialogRecordPackage):              "Choose the release package",
		string(dialogCheckPackage):               "Choose the package actually released",
		string(dialogSaveDeliverable):            "Save file",
		string(dialogSaveIdentity):               "Save identity card",
		string(dialogExportPNG):                  "Export chart image",
		"filter.png":                             "PNG images (*.png)",
		"filter.identity":                        "GoLive identity cards (*" + identity.FileExt + ")",
		"filter.pdf":                             "PDF documents (*.pdf)",
		"filter.xlsx":                            "Excel workbooks (*.xlsx)",
		"filter.json":                            "JSON files (*.json)",
		"filter.holidays":                        "Holiday files (*.json, *.ics)",
		"filter.ics":                             "Calendar files (*.ics)",
	},
}

// dialogLanguage is the UI language preference: "en", else zh-CN (the
// default, also for "" and when the preference cannot be read).
func dialogLanguage(c *core.Core) string {
	if c != nil {
		if p, err := c.Preferences(); err == nil && p.Language == "en" {
			return "en"
		}
	}
	return "zh-CN"
}

// dialogStrings returns the title of d and its filters in lang. Given a
// subject (what the file is for, e.g. the deliverable 系统上线手册), the
// title names it when d has a ".named" title.
func dialogStrings(lang string, d dialog, subject ...template.Text) (string, []runtime.FileFilter) {
	text := dialogText[lang]
	var filters []runtime.FileFilter
	for _, f := range dialogFilters[d] {
		filters = append(filters, runtime.FileFilter{DisplayName: text[f.name], Pattern: f.pattern})
	}
	title := text[string(d)]
	if named := text[string(d)+".named"]; named != "" && len(subject) > 0 {
		if s := textIn(lang, subject[0]); s != "" {
			title = strings.ReplaceAll(named, "{name}", s)
		}
	}
	return title, filters
}

// textIn returns t in lang, else in the other language.
func textIn(lang string, t template.Text) string {
	if lang == "en" && t.En != "" || t.Zh == "" {
		return t.En
	}
	return t.Zh
}

// openFile shows the open dialog d, its title naming subject if given,
// and returns the chosen path, or "" when the user cancels. Code
// app.no_window without a window.
func openFile(ctx context.Context, c *core.Core, d dialog, subject ...template.Text) (string, error) {
	if ctx == nil {
		return "", apperr.New("app.no_window")
	}
	title, filters := dialogStrings(dialogLanguage(c), d, subject...)
	return runtime.OpenFileDialog(ctx, runtime.OpenDialogOptions{Title: title, Filters: filters})
}

// saveFile shows the save dialog d proposing name, its title naming
// subject if given, and returns the chosen path, or "" when the user
// cancels. Code app.no_window without a window.
func saveFile(ctx context.Context, c *core.Core, d dialog, name string, subject ...template.Text) (string, error) {
	if ctx == nil {
		return "", apperr.New("app.no_window")
	}
	title, filters := dialogStrings(dialogLanguage(c), d, subject...)
	return runtime.SaveFileDialog(ctx, runtime.SaveDialogOptions{Title: title, DefaultFilename: name, Filters: filters})
}
