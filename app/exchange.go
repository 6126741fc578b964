package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"golive/backend/apperr"
	"golive/backend/core"
	"golive/backend/dossier"
	"golive/backend/exchange"
)

// ImportedEvent is the Wails event emitted after every import of an
// exchange file, with its core.ImportReport.
const ImportedEvent = "exchange:imported"

// OpenedEvent is the Wails event that tells the window exchange files were
// handed to the app (opened with it while it runs); it takes them with
// ExchangeAPI.TakeOpened.
const OpenedEvent = "exchange:opened"

// The native dialogs of exchange files.
const (
	dialogSendExchange   dialog = "send_exchange"
	dialogReplyExchange  dialog = "reply_exchange"
	dialogImportExchange dialog = "import_exchange"
)

// init adds the exchange dialogs to the catalogue of dialogs.go (Chinese
// written as escapes: Go sources hold no Chinese text).
func init() {
	files := []fileFilter{{"filter.exchange", "*" + exchange.Ext}}
	dialogFilters[dialogSendExchange] = files
	dialogFilters[dialogReplyExchange] = files
	dialogFilters[dialogImportExchange] = files
	for k, v := range map[string]string{
		string(dialogSendExchange):   "\u4fdd\u5b58\u4ea4\u6362\u6587\u4ef6",                    // save the exchange file
		string(dialogReplyExchange):  "\u4fdd\u5b58\u56de\u590d\u6587\u4ef6",                    // save the reply
		string(dialogImportExchange): "\u5bfc\u5165\u4ea4\u6362\u6587\u4ef6",                    // import an exchange file
		"filter.exchange":            "GoLive \u4ea4\u6362\u6587\u4ef6 (*" + exchange.Ext + ")", // GoLive exchange files
	} {
		dialogText["zh-CN"][k] = v
	}
	for k, v := range map[string]string{
		string(dialogSendExchange):   "Save the exchange file",
		string(dialogReplyExchange):  "Save the reply",
		string(dialogImportExchange): "Import an exchange file",
		"filter.exchange":            "GoLive exchange files (*" + exchange.Ext + ")",
	} {
		dialogText["en"][k] = v
	}
}

// Written is an exchange file written: where, its size in bytes, and
// what it holds (events, attachments and their size, dossiers).
type Written struct {
	Path      string   `json:"path"`
	Size      int64    `json:"size"`
	Events    int      `json:"events"`
	Blobs     int      `json:"blobs"`
	BlobBytes int64    `json:"blob_bytes"`
	Dossiers  []string `json:"dossiers"`
}

// written turns an export's result into Written, or err for the frontend.
func written(r core.ExportResult, err error) (Written, error) {
	if err != nil {
		return Written{}, fail(err)
	}
	return Written{Path: r.Path, Size: r.Size, Events: r.Count, Blobs: len(r.Blobs), BlobBytes: r.BlobBytes, Dossiers: r.Dossiers}, nil
}

// ExchangeAPI sends dossiers to other people's data folders as exchange
// files (.golive: "send to…", "reply") and imports theirs, from a dialog, a file
// dropped on the window or a file opened with the app.
type ExchangeAPI struct {
	c   *core.Core
	ctx context.Context

	mu sync.Mutex
	// opened are exchange files handed to the app (its arguments, a
	// second start) that the window has not taken yet.
	opened []string
}

// Recipients lists the people of the roster in force a dossier can be
// sent to, those it waits for first and marked. Codes: dossier.not_found,
// roster.none.
func (x *ExchangeAPI) Recipients(id string) ([]core.Recipient, error) {
	return result(x.c.Recipients(id))
}

// SendPlan says what sending dossier id to the people to would write and
// proposes the file's name. Codes: exchange.no_recipient,
// exchange.unknown_recipient, exchange.no_roster, dossier.not_found.
func (x *ExchangeAPI) SendPlan(id string, to []string, attachments bool) (core.SendPlan, error) {
	return result(x.c.SendPlan(id, to, attachments))
}

// SendTo asks where to save the exchange file for dossier id (the name
// SendPlan proposes) and writes it; an empty result when the user cancels.
func (x *ExchangeAPI) SendTo(id string, to []string, attachments bool) (Written, error) {
	plan, err := x.c.SendPlan(id, to, attachments)
	if err != nil {
		return Written{}, fail(err)
	}
	path, err := saveFile(x.ctx, x.c, dialogSendExchange, plan.FileName)
	if err != nil || path == "" {
		return Written{}, fail(err)
	}
	return x.SendToPath(id, to, attachments, path)
}

// SendToPath writes the exchange file for dossier id to path, without a
// dialog (tests, the end-to-end driver). Codes: those of SendPlan and
// core.Export.
func (x *ExchangeAPI) SendToPath(id string, to []string, attachments bool, path string) (Written, error) {
	return written(x.c.Send(context.Background(), withExt(path), id, to, attachments, x.progress("exchange_send", path)))
}

// ReplyPlan says whether dossier id can be answered (a file for people
// brought it and this folder holds events its sender lacks) and what the
// reply would carry.
func (x *ExchangeAPI) ReplyPlan(id string) (core.ReplyPlan, error) { return result(x.c.ReplyPlan(id)) }

// Reply asks where to save the reply for dossier id and writes it; an
// empty result when the user cancels. Code exchange.nothing_to_reply.
func (x *ExchangeAPI) Reply(id string) (Written, error) {
	plan, err := x.c.ReplyPlan(id)
	if err != nil {
		return Written{}, fail(err)
	}
	if !plan.Possible {
		return Written{}, fail(apperr.New("exchange.nothing_to_reply", "dossier", id))
	}
	path, err := saveFile(x.ctx, x.c, dialogReplyExchange, plan.FileName)
	if err != nil || path == "" {
		return Written{}, fail(err)
	}
	return x.ReplyToPath(id, path)
}

// ReplyToPath writes the reply for dossier id to path, without a dialog.
func (x *ExchangeAPI) ReplyToPath(id, path string) (Written, error) {
	return written(x.c.Reply(context.Background(), withExt(path), id, x.progress("exchange_send", path)))
}

// ImportFromDialog asks for an exchange file and imports it (ImportFile);
// an empty report when the user cancels.
func (x *ExchangeAPI) ImportFromDialog() (core.ImportReport, error) {
	path, err := openFile(x.ctx, x.c, dialogImportExchange)
	if err != nil || path == "" {
		return core.ImportReport{}, fail(err)
	}
	return x.ImportFile(path)
}

// ImportFile checks and imports the exchange file at path (a dropped
// file, one opened with the app) and emits ImportedEvent with the report.
// Codes: those of core.ImportFile; roster.not_pinned (params key,
// fingerprint) when this folder has no organisation yet: the window then
// asks the user to compare the fingerprint and calls ImportConfirmed.
func (x *ExchangeAPI) ImportFile(path string) (core.ImportReport, error) {
	return x.importFile(path, core.ImportOptions{})
}

// ImportConfirmed imports path into a folder that pins no organisation
// yet, once the user compared the PMO key's fingerprint with the PMO.
func (x *ExchangeAPI) ImportConfirmed(path, fingerprint string) (core.ImportReport, error) {
	return x.importFile(path, core.ImportOptions{Fingerprint: fingerprint})
}

func (x *ExchangeAPI) importFile(path string, opt core.ImportOptions) (core.ImportReport, error) {
	if x.c == nil {
		return core.ImportReport{}, fail(apperr.New("exchange.no_folder"))
	}
	rep, err := x.c.ImportFile(path, opt)
	if err != nil {
		return core.ImportReport{}, fail(err)
	}
	if rep.Dossiers == nil {
		rep.Dossiers = []dossier.Arrived{}
	}
	if x.ctx != nil {
		runtime.EventsEmit(x.ctx, ImportedEvent, rep)
	}
	return rep, nil
}

// TakeOpened returns the exchange files handed to the app since the last
// call (its command line, a second start) and forgets them.
func (x *ExchangeAPI) TakeOpened() []string {
	x.mu.Lock()
	defer x.mu.Unlock()
	out := x.opened
	x.opened = nil
	if out == nil {
		out = []string{}
	}
	return out
}

// Open queues the exchange files among args (a command line) for the
// window and tells it (OpenedEvent), and reports whether there were any.
func (x *ExchangeAPI) Open(args []string, dir string) bool {
	paths := ExchangeFiles(args, dir)
	if len(paths) == 0 {
		return false
	}
	x.mu.Lock()
	x.opened = append(x.opened, paths...)
	x.mu.Unlock()
	if x.ctx != nil {
		runtime.EventsEmit(x.ctx, OpenedEvent)
	}
	return true
}

// ExchangeFiles returns the arguments naming exchange files (*.golive),
// made absolute against dir (the working directory of the start).
func ExchangeFiles(args []string, dir string) []string {
	var out []string
	for _, a := range args {
		if strings.HasPrefix(a, "-") || !strings.EqualFold(filepath.Ext(a), exchange.Ext) {
			continue
		}
		if !filepath.IsAbs(a) && dir != "" {
			a = filepath.Join(dir, a)
		}
		if fi, err := os.Stat(a); err == nil && fi.Mode().IsRegular() {
			out = append(out, a)
		}
	}
	return out
}

// withExt adds the exchange extension to a path chosen without it.
func withExt(path string) string {
	if strings.EqualFold(filepath.Ext(path), exchange.Ext) {
		return path
	}
	return path + exchange.Ext
}

// progress reports the writing of an exchange file ("progress" events,
// op), at most one event per 8 MiB.
func (x *ExchangeAPI) progress(op, path string) func(int64) {
	var last int64
	return func(done int64) {
		if x.ctx == nil || done-last < 8<<20 {
			return
		}
		last = done
		runtime.EventsEmit(x.ctx, "progress", map[string]any{"op": op, "path": path, "done": done, "total": 0})
	}
}
