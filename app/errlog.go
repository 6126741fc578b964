package app

import (
	"errors"
	goruntime "runtime"
	"strings"
	"sync/atomic"

	"golive/backend/apperr"
	"golive/backend/applog"
)

// errLog is the log fail writes internal errors to. It is the process's:
// a GoLive window works on one data folder, and fail, used by every bound
// method, has no receiver to carry it. Until SetLog it drops the lines.
var errLog atomic.Pointer[applog.Logger]

// SetLog makes fail log every internal error into l and show l's file
// path to the user (params.log of the "internal" error).
func SetLog(l *applog.Logger) { errLog.Store(l) }

// logInternal logs err, which the frontend can only show as "internal",
// with its detail and the bound method it came from, and returns it as an
// internal error whose params name the log file.
func logInternal(err error) error {
	path := errLog.Load().Internal(boundMethod(), err)
	out := &apperr.Error{Code: apperr.Internal, Detail: err.Error(), Err: err}
	var e *apperr.Error
	if errors.As(err, &e) && len(e.Params) > 0 {
		out.Params = make(map[string]string, len(e.Params)+1)
		for k, v := range e.Params {
			out.Params[k] = v
		}
	}
	if path != "" {
		if out.Params == nil {
			out.Params = map[string]string{}
		}
		out.Params["log"] = path
	}
	return out
}

// boundMethod names the first caller outside the error helpers, e.g.
// "(*DocumentsAPI).ExportPDF", for the log.
func boundMethod() string {
	pcs := make([]uintptr, 16)
	frames := goruntime.CallersFrames(pcs[:goruntime.Callers(2, pcs)])
	for {
		f, more := frames.Next()
		name := strings.TrimPrefix(f.Function, "golive/app.")
		switch {
		case strings.HasPrefix(name, "fail"), strings.HasPrefix(name, "result["), strings.HasPrefix(name, "logInternal"):
		default:
			return name
		}
		if !more {
			return ""
		}
	}
}
