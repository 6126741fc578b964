package backup

import (
	"bytes"
	_ "embed"
	"text/template"

	"golive/backend/apperr"
)

// readmeText is the archive's README, in Chinese, as a text/template over
// readmeData.
//
//go:embed archive_readme.zh-CN.txt
var readmeText string

// kindTitles are the Chinese titles of the dossier documents, kept in the
// README template's own file so no Go source holds Chinese text.
//
//go:embed archive_kinds.zh-CN.txt
var kindTitlesText string

// readmeData is what the README template fills in.
type readmeData struct {
	Manifest          Manifest
	System            string
	SystemName        string
	Signer            string
	SignerFingerprint string
	Root              string
	Documents         []string
	Attachments       []AttachmentInfo
	HashOnly          []AttachmentInfo
}

var readmeTemplate = template.Must(template.New("README.txt").Funcs(template.FuncMap{"kindTitle": kindTitle}).Parse(readmeText))

// kindTitle returns the Chinese title of a document kind.
func kindTitle(kind string) string {
	for _, line := range bytes.Split([]byte(kindTitlesText), []byte("\n")) {
		if k, title, ok := bytes.Cut(bytes.TrimSpace(line), []byte("=")); ok && string(k) == kind {
			return string(title)
		}
	}
	return kind
}

func renderReadme(d readmeData) ([]byte, error) {
	for _, a := range d.Attachments {
		if a.HashOnly {
			d.HashOnly = append(d.HashOnly, a)
		}
	}
	var buf bytes.Buffer
	if err := readmeTemplate.Execute(&buf, d); err != nil {
		return nil, apperr.Wrap(err, apperr.Internal)
	}
	// CRLF line ends and a byte order mark: old Windows editors then show
	// the UTF-8 text right.
	return append([]byte("\xef\xbb\xbf"), bytes.ReplaceAll(buf.Bytes(), []byte("\n"), []byte("\r\n"))...), nil
}
