package cli

import (
	"os"
	"time"

	"golive/backend/apperr"
	"golive/backend/applog"
	"golive/backend/core"
)

// commandRun is one command being run, for its line in the log.
type commandRun struct {
	name    string
	args    []string
	dir     string
	existed bool
	store   bool
	maker   bool
	start   time.Time
}

// startRun notes what the log needs to know before the command runs: its
// data folder (--data, else the default unless the command makes its
// folder) and whether that folder already existed and held a store.
func startRun(name string, args []string, makesFolder bool) *commandRun {
	dir := DataDirArg(args)
	if dir == "" && !makesFolder {
		dir = core.DefaultDataDir()
	}
	writing = false
	r := &commandRun{name: name, args: args, dir: dir, maker: makesFolder, start: time.Now()}
	if fi, err := os.Stat(dir); dir != "" && err == nil && fi.IsDir() {
		r.existed, r.store = true, holdsStore(dir)
	}
	return r
}

// log writes the command's line into its data folder's log: name,
// arguments (secrets redacted), outcome, duration, and for a failure its
// code (apperr's, "internal" when it has none) and full message. A command
// never leaves a log in a folder that did not exist before it ran (reading
// a missing folder must not create logs/), nor in a folder demo refused
// because it is not a GoLive store, nor in a folder it only read (a read
// never writes: every file stays byte for byte the same); it logs in a
// folder it made once it succeeded. Logging never changes the command's
// result.
func (r *commandRun) log(err error) {
	into := r.existed && writing
	if r.maker {
		into = err == nil || (r.existed && r.store)
	}
	lg := applog.Discard()
	if into {
		lg = applog.Open(r.dir, applog.Options{})
	}
	defer lg.Close()
	attrs := []any{"cmd", r.name, "args", applog.RedactArgs(r.args), "ms", time.Since(r.start).Milliseconds()}
	if err == nil {
		lg.Info("command", append(attrs, "outcome", "ok")...)
		return
	}
	lg.Error("command", append(attrs, "outcome", "failed", "code", apperr.Code(err), "error", err.Error())...)
}

// commandName names the command for the log ("export register" for an
// export kind, "identity show" for an identity subcommand, else the
// subcommand) and returns the arguments after it.
func commandName(args []string) (string, []string) {
	groups := map[string]map[string]command{"export": exports, "identity": identityCommands}
	if sub, ok := groups[args[0]]; ok && len(args) > 1 {
		if _, ok := sub[args[1]]; ok {
			return args[0] + " " + args[1], args[2:]
		}
	}
	return args[0], args[1:]
}
