package cli

import (
	"fmt"
	"io"
	"strings"

	"golive/backend/apperr"
)

func init() {
	registerExport("minutes", "golive export minutes --meeting ID --out F.pdf [--json] [--lang zh-CN|en] [--data DIR]  a review meeting's signed minutes (会议纪要)", runExportMinutes)
}

// minutesWritten is what export minutes --json prints.
type minutesWritten struct {
	Path    string `json:"path"`
	Meeting string `json:"meeting"`
	Name    string `json:"name"`
	SHA256  string `json:"sha256"`
	Size    int64  `json:"size"`
}

// runExportMinutes copies the signed minutes of a review meeting, as the
// chair made them, to --out: from a folder that chaired the meeting or
// one that received its dossiers. It only reads the folder.
func runExportMinutes(args []string, out io.Writer) error {
	r := newReadCommand("export minutes")
	id := r.fs.String("meeting", "", "the review meeting's id (rm-…)")
	path := r.fs.String("out", "", "the PDF file to write (required)")
	return r.run(args, out, func(rest []string) error {
		if err := r.noArgs(rest); err != nil {
			return err
		}
		if strings.TrimSpace(*id) == "" {
			return usageErr(apperr.New("cli.needs_meeting"))
		}
		if strings.TrimSpace(*path) == "" {
			return usageErr(apperr.New("cli.needs_out"))
		}
		c, err := openDataReadOnly(*r.dir)
		if err != nil {
			return err
		}
		defer c.Close()
		f, err := c.Meetings.MinutesFile(strings.TrimSpace(*id), *path)
		if err != nil {
			return err
		}
		if *r.asJSON {
			return printJSON(out, minutesWritten{Path: *path, Meeting: *id, Name: f.Name, SHA256: f.SHA256, Size: f.Size})
		}
		if r.l == langEn {
			fmt.Fprintf(out, "%s: minutes of review meeting %s (%s, %d bytes)\n", *path, *id, f.Name, f.Size)
		} else {
			fmt.Fprintf(out, "%s：评审会 %s 的会议纪要（%s，%d 字节）\n", *path, *id, f.Name, f.Size)
		}
		return nil
	})
}
