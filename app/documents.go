package app

import (
	"bytes"
	"context"
	"os"
	"path/filepath"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"golive/backend/apperr"
	"golive/backend/core"
	"golive/backend/documents"
	"golive/backend/dossier"
	"golive/backend/verify"
)

// DocumentsAPI makes the signed PDFs, Excel workbooks and generated
// standard documents, and verifies PDFs (验证).
type DocumentsAPI struct {
	c   *core.Core
	ctx context.Context
}

// Exported describes a written file.
type Exported struct {
	// Path is where the file was written ("" when the user cancelled).
	Path string `json:"path"`
	// Pages is a PDF's page count.
	Pages int `json:"pages"`
	// Bytes is the file size.
	Bytes int `json:"bytes"`
}

// ExportPDF makes a signed PDF (kinds: confirmation, approvals,
// test-confirmation, user-confirmation, archive-index, release-note, plan)
// and saves it where the user picks.
func (d *DocumentsAPI) ExportPDF(req documents.Request) (Exported, error) {
	out, err := d.pdf(req)
	if err != nil {
		return Exported{}, fail(err)
	}
	path, err := d.savePath(out.FileName)
	if err != nil || path == "" {
		return Exported{}, fail(err)
	}
	return d.write(path, out.PDF, out.Pages)
}

// ExportPDFPath is ExportPDF to a known path.
func (d *DocumentsAPI) ExportPDFPath(req documents.Request, path string) (Exported, error) {
	out, err := d.pdf(req)
	if err != nil {
		return Exported{}, fail(err)
	}
	return d.write(path, out.PDF, out.Pages)
}

func (d *DocumentsAPI) pdf(req documents.Request) (documents.Output, error) {
	signer, err := d.c.PDFSigner()
	if err != nil {
		return documents.Output{}, err
	}
	return d.c.Documents().PDF(req, signer)
}

// ExportRegister writes the 审批登记簿 workbook where the user picks.
func (d *DocumentsAPI) ExportRegister(f documents.RegisterFilter) (Exported, error) {
	return d.workbook("审批登记簿-"+f.String()+".xlsx", func(b *bytes.Buffer) error {
		_, err := d.c.Documents().Register(f, b)
		return err
	})
}

// ExportStats writes the 发布统计 workbook where the user picks.
func (d *DocumentsAPI) ExportStats(f documents.RegisterFilter) (Exported, error) {
	return d.workbook("发布统计-"+f.String()+".xlsx", func(b *bytes.Buffer) error { return d.c.Documents().Stats(f, b) })
}

// ExportPlanWorkbook writes the year's 发布窗口计划 workbook.
func (d *DocumentsAPI) ExportPlanWorkbook(year int, lang string) (Exported, error) {
	return d.workbook("发布窗口计划.xlsx", func(b *bytes.Buffer) error { return d.c.Documents().PlanWorkbook(year, lang, b) })
}

// ExportUserTestTemplate writes a blank 用户测试报告 workbook (for a
// dossier, or generic with id "").
func (d *DocumentsAPI) ExportUserTestTemplate(id, lang string) (Exported, error) {
	return d.workbook("用户测试报告.xlsx", func(b *bytes.Buffer) error { return d.c.Documents().UserTestTemplate(id, lang, b) })
}

// Generate makes a standard document the app holds the content for
// (release_note, application_confirmation, release_test_confirmation) and
// attaches it to the dossier as a new version, in one call.
func (d *DocumentsAPI) Generate(id, docID, lang string) (dossier.View, error) {
	signer, err := d.c.PDFSigner()
	if err != nil {
		return dossier.View{}, fail(err)
	}
	v, _, err := d.c.Documents().Generate(id, docID, lang, signer)
	return result(v, err)
}

// VerifyFromDialog checks a PDF the user picks; see VerifyPath.
func (d *DocumentsAPI) VerifyFromDialog() (verify.Report, error) {
	if d.ctx == nil {
		return verify.Report{}, fail(apperr.New("app.no_window"))
	}
	path, err := runtime.OpenFileDialog(d.ctx, runtime.OpenDialogOptions{Filters: []runtime.FileFilter{{DisplayName: "PDF", Pattern: "*.pdf"}}})
	if err != nil || path == "" {
		return verify.Report{}, fail(err)
	}
	return d.VerifyPath(path)
}

// VerifyPath checks a PDF's digital signature and its verification
// payload against this folder: match, differs (what), unknown dossier, or
// invalid.
func (d *DocumentsAPI) VerifyPath(path string) (verify.Report, error) {
	return result(verify.CheckFile(path, d.c.Documents()))
}

// OpenFile opens a written file with the system's default application.
func (d *DocumentsAPI) OpenFile(path string) error { return fail(openWithSystem(path)) }

func (d *DocumentsAPI) workbook(name string, fill func(*bytes.Buffer) error) (Exported, error) {
	var b bytes.Buffer
	if err := fill(&b); err != nil {
		return Exported{}, fail(err)
	}
	path, err := d.savePath(name)
	if err != nil || path == "" {
		return Exported{}, fail(err)
	}
	return d.write(path, b.Bytes(), 0)
}

func (d *DocumentsAPI) savePath(name string) (string, error) {
	if d.ctx == nil {
		return "", apperr.New("app.no_window")
	}
	return runtime.SaveFileDialog(d.ctx, runtime.SaveDialogOptions{DefaultFilename: filepath.Base(name)})
}

func (d *DocumentsAPI) write(path string, data []byte, pages int) (Exported, error) {
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return Exported{}, fail(apperr.Wrap(err, "documents.write_failed", "path", path))
	}
	return Exported{Path: path, Pages: pages, Bytes: len(data)}, nil
}
