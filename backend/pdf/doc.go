// Package pdf lays out GoLive's documents (see backend/printable for their
// content) as A4 portrait PDFs with github.com/jung-kurt/gofpdf: the
// organisation and document number in every header, "第 N 页 / 共 M 页" in
// every footer, Noto Sans SC embedded as a subset (regular and a real bold
// face; see fonts.go and scripts/fetch-fonts.sh), a verification block
// with a QR code on the last page, and the verification payload and the
// content it hashes embedded as files, so that backend/verify can compare
// a document with the store years later. Documents signed by a sample
// profile carry a 示例 / SAMPLE watermark on every page.
//
// Render returns the unsigned PDF; backend/pdfsig adds the digital
// signature.
package pdf
