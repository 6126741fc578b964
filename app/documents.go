package app

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"

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
	path, err := saveFile(d.ctx, d.c, dialogExportPDF, filepath.Base(out.FileName))
	if err != nil || path == "" {
		return Exported{}, fail(err)
	}
	return d.write(path, out.PDF, out.Pages)
}

// exportPDFTo is ExportPDF to a known path (tests, ExportPDFPath).
func (d *DocumentsAPI) exportPDFTo(req documents.Request, path string) (Exported, error) {
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

// VerifyFromDialog checks a PDF the user picks: its digital signature and
// its verification payload against this folder (match, differs (what),
// unknown dossier, or invalid).
func (d *DocumentsAPI) VerifyFromDialog() (verify.Report, error) {
	path, err := openFile(d.ctx, d.c, dialogVerifyPDF)
	if err != nil || path == "" {
		return verify.Report{}, fail(err)
	}
	return d.verifyFile(path)
}

// VerifyDeliverable checks a stored attachment (a document the filing
// made, say) as VerifyFromDialog checks a picked PDF: its digital
// signature and its payload against this folder. Codes: blob.bad_digest,
// blob.not_found, blob.io.
func (d *DocumentsAPI) VerifyDeliverable(sha256 string) (verify.Report, error) {
	f, err := d.c.Dossiers.Blobs.Open(sha256)
	if err != nil {
		return verify.Report{}, fail(err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, verify.MaxFileSize+1))
	if err != nil {
		return verify.Report{}, fail(apperr.Wrap(err, "blob.io", "path", sha256))
	}
	return verify.Check(b, d.c.Documents()), nil
}

// verifyFile is VerifyFromDialog for a known path (tests, VerifyPath).
func (d *DocumentsAPI) verifyFile(path string) (verify.Report, error) {
	return result(verify.CheckFile(path, d.c.Documents()))
}

// OpenFile opens a written file with the system's default application.
func (d *DocumentsAPI) OpenFile(path string) error { return fail(openWithSystem(path)) }

func (d *DocumentsAPI) workbook(name string, fill func(*bytes.Buffer) error) (Exported, error) {
	var b bytes.Buffer
	if err := fill(&b); err != nil {
		return Exported{}, fail(err)
	}
	path, err := saveFile(d.ctx, d.c, dialogExportWorkbook, name)
	if err != nil || path == "" {
		return Exported{}, fail(err)
	}
	return d.write(path, b.Bytes(), 0)
}

func (d *DocumentsAPI) write(path string, data []byte, pages int) (Exported, error) {
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return Exported{}, fail(apperr.Wrap(err, "documents.write_failed", "path", path))
	}
	return Exported{Path: path, Pages: pages, Bytes: len(data)}, nil
}
