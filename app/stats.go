package app

import (
	"bytes"
	"context"
	"encoding/base64"
	"path/filepath"
	"strings"

	"golive/backend/apperr"
	"golive/backend/core"
	"golive/backend/documents"
	"golive/backend/printable"
)

// StatsAPI is the dashboard (统计看板): the release statistics of a
// selection, the very numbers the 发布统计 workbook prints (which
// DocumentsAPI.ExportStats saves for the same filter), and the charts
// saved as PNG images.
type StatsAPI struct {
	c   *core.Core
	ctx context.Context
}

// Dashboard returns the release statistics of the dossiers f selects (year,
// quarter, window, system; lang names the step groups and classes): by
// window, month, system, system class and department, the whole selection,
// and each bucket's dossiers. Codes: printable.bad_lang,
// documents.bad_quarter.
func (s *StatsAPI) Dashboard(f documents.RegisterFilter) (printable.Stats, error) {
	return result(s.c.Documents().StatsContent(f))
}

// pngDataURL is how a chart's image arrives from the window.
const pngDataURL = "data:image/png;base64,"

// pngMagic starts every PNG file.
var pngMagic = []byte("\x89PNG\r\n\x1a\n")

// SaveChartPNG saves a chart image (a data URL "data:image/png;base64,…"
// as the chart library exports it) where the user picks, proposing name.
// Code app.bad_image for anything but a PNG, blob.too_large past the
// upload limit; Path "" when the user cancels.
func (s *StatsAPI) SaveChartPNG(name, dataURL string) (Exported, error) {
	raw, err := decodePNG(dataURL)
	if err != nil {
		return Exported{}, fail(err)
	}
	name = filepath.Base(strings.TrimSpace(name))
	if name == "." || name == "/" || name == "" {
		name = "chart.png"
	}
	if !strings.HasSuffix(strings.ToLower(name), ".png") {
		name += ".png"
	}
	path, err := saveFile(s.ctx, s.c, dialogExportPNG, name)
	if err != nil || path == "" {
		return Exported{}, fail(err)
	}
	return (&DocumentsAPI{c: s.c}).write(path, raw, 0)
}

// decodePNG returns the PNG file a data URL carries. Code app.bad_image.
func decodePNG(dataURL string) ([]byte, error) {
	b64, ok := strings.CutPrefix(strings.TrimSpace(dataURL), pngDataURL)
	if !ok {
		return nil, apperr.New("app.bad_image")
	}
	raw, err := base64.StdEncoding.DecodeString(b64)
	if err != nil || !bytes.HasPrefix(raw, pngMagic) {
		return nil, apperr.New("app.bad_image")
	}
	return raw, nil
}
