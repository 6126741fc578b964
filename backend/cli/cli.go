// Package cli runs GoLive's headless subcommands (golive demo, golive
// version, …). They need no display, print what they did, and return an
// error whose message says clearly what went wrong; main turns it into a
// non-zero exit.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"

	"golive/backend/apperr"
	"golive/backend/core"
	"golive/backend/demo"
	"golive/backend/exchange"
)

// command is one headless subcommand.
type command struct {
	// usage is the one-line synopsis shown by 'golive help'.
	usage string
	run   func(args []string, out io.Writer) error
	// makesFolder marks a command whose job is to create its data folder
	// (demo): it logs there once it has, and never defaults to
	// GOLIVE_DATA.
	makesFolder bool
}

// commands holds the subcommands; each file of this package registers its
// own in an init function.
var commands = map[string]command{}

func register(name, usage string, run func(args []string, out io.Writer) error) {
	commands[name] = command{usage: usage, run: run}
}

// dataFlagDefault is how --data's help says which folder a command uses
// when the flag is absent.
const dataFlagDefault = "(default: GOLIVE_DATA, else the user config folder's GoLive)"

// dataFlag declares --data on fs; what says what the folder is for ("the
// data folder" when empty).
func dataFlag(fs *flag.FlagSet, what string) *string {
	if what == "" {
		what = "the data folder"
	}
	return fs.String("data", "", what+" "+dataFlagDefault)
}

// runSubcommand runs the subcommand args[0] of group ("identity",
// "roster") from table, or says which subcommands there are.
func runSubcommand(group string, table map[string]command, args []string, out io.Writer) error {
	names := make([]string, 0, len(table))
	for n := range table {
		names = append(names, n)
	}
	sort.Strings(names)
	if len(args) == 0 {
		return fmt.Errorf("golive %s needs a subcommand: %s (run 'golive help')", group, strings.Join(names, ", "))
	}
	c, ok := table[args[0]]
	if !ok {
		return fmt.Errorf("unknown %s subcommand %q; subcommands: %s", group, args[0], strings.Join(names, ", "))
	}
	return c.run(args[1:], out)
}

func init() {
	commands["demo"] = command{usage: "golive demo --data DIR [--scale small|medium|large]  build a sample portfolio in a new folder", run: runDemo, makesFolder: true}
	register("version", "golive version                    print the version", func(_ []string, out io.Writer) error {
		fmt.Fprintf(out, "golive %s\n", core.Version)
		return nil
	})
	register("help", "golive help                       list the commands", func(_ []string, out io.Writer) error { return usage(out) })
}

// IsCommand reports whether arg names a subcommand; main runs headless
// when the first argument is one.
func IsCommand(arg string) bool {
	_, ok := commands[arg]
	return ok
}

// Run executes the subcommand args[0] with its flags, writing to out, and
// logs one line about it in its data folder's log (see commandRun.log).
func Run(args []string, out io.Writer) error {
	if len(args) == 0 {
		return usage(out)
	}
	c, ok := commands[args[0]]
	if !ok {
		return fmt.Errorf("unknown command %q; run 'golive help'", args[0])
	}
	// A reader that goes away ("golive sync … | head") must not kill the
	// command between two writes of its data folder: a write to the
	// closed pipe fails instead, and the folder is closed cleanly.
	signal.Ignore(syscall.SIGPIPE)
	name, rest := commandName(args)
	r := startRun(name, rest, c.makesFolder)
	err := c.run(args[1:], out)
	r.log(err)
	return err
}

// DataDirArg returns the folder given with --data DIR (or --data=DIR,
// -data …) among args, or "" when there is none.
func DataDirArg(args []string) string {
	for i, a := range args {
		for _, p := range []string{"--data=", "-data="} {
			if strings.HasPrefix(a, p) {
				return strings.TrimPrefix(a, p)
			}
		}
		if (a == "--data" || a == "-data") && i+1 < len(args) {
			return args[i+1]
		}
	}
	return ""
}

func usage(out io.Writer) error {
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	fmt.Fprint(out, "GoLive 上线发布台\n\nUsage:\n  golive [--data DIR]               open the desktop app\n"+
		"  golive [--data DIR] F"+exchange.Ext+"       open it and import the exchange file F\n")
	for _, n := range names {
		fmt.Fprintf(out, "  %s\n", commands[n].usage)
	}
	fmt.Fprint(out, "\nThe data folder defaults to GOLIVE_DATA, else the user config folder's GoLive.\n")
	return nil
}

// openDataReadOnly opens the existing data folder named by --data (or the
// default) for a command that only reads: it creates and writes nothing.
func openDataReadOnly(dir string) (*core.Core, error) {
	if dir == "" {
		dir = core.DefaultDataDir()
	}
	c, err := core.OpenReadOnly(dir)
	if err != nil {
		return nil, Explain(err)
	}
	return c, nil
}

// openData opens the data folder named by --data (or the default) for a
// command, with the lock turned into a sentence.
func openData(dir string) (*core.Core, error) {
	if dir == "" {
		dir = core.DefaultDataDir()
	}
	writing = true
	c, err := core.Open(dir)
	if err != nil {
		return nil, Explain(err)
	}
	warnPlace(c.Store.Dir())
	return c, nil
}

// writing is set when the running command opened its data folder for
// writing; only such a command leaves its line in the folder's log (a
// command that only reads leaves every file as it was).
var writing bool

func runDemo(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	fs.SetOutput(out)
	dir := fs.String("data", "", "folder to create the sample portfolio in (required; must be empty or new)")
	scaleName := fs.String("scale", demo.Small.Name, "small (46 dossiers), medium (2,000 dossiers over ten years) or large (20,000)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *dir == "" {
		return errors.New("golive demo needs --data DIR: a new or empty folder for the sample portfolio")
	}
	sc, ok := demo.ScaleNamed(*scaleName)
	if !ok {
		return usageErr(fmt.Errorf("unknown --scale %q: use small, medium or large", *scaleName))
	}
	if sc.Years > 0 {
		return runScaledDemo(*dir, sc, out)
	}
	// A folder that holds anything but a GoLive store is refused untouched;
	// a GoLive store is opened (which reports a lock) and must be empty.
	if entries, err := os.ReadDir(*dir); err == nil && len(entries) > 0 {
		if !holdsStore(*dir) {
			return fmt.Errorf("folder %s is not empty; choose a new folder for the sample data", *dir)
		}
	}
	c, err := core.Open(*dir)
	if err != nil {
		return Explain(err)
	}
	defer c.Close()
	sum, err := c.LoadSample()
	if err != nil {
		return Explain(err)
	}
	fmt.Fprintf(out, "sample portfolio written to %s: %d profiles, %d systems, %d dossiers, %d events\n", c.Store.Dir(), sum.Profiles, sum.Systems, sum.Dossiers, sum.Events)
	fmt.Fprintf(out, "sample profiles open with the passphrase %q\n", demo.SamplePassphrase)
	return nil
}

// runScaledDemo builds a medium or large sample portfolio in dir, with a
// progress line at most every two seconds.
func runScaledDemo(dir string, sc demo.Scale, out io.Writer) error {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return fmt.Errorf("folder %s is not empty; choose a new folder for the sample data", dir)
	}
	start := time.Now()
	last := start
	progress := func(done, total int) {
		if now := time.Now(); now.Sub(last) >= 2*time.Second || done == total {
			last = now
			el := now.Sub(start)
			left := time.Duration(float64(el) * float64(total-done) / float64(done))
			fmt.Fprintf(out, "%d/%d dossiers (%d%%), %s elapsed, about %s left\n", done, total, done*100/total, el.Round(time.Second), left.Round(time.Second))
		}
	}
	sum, err := core.BuildScale(dir, sc, time.Now, progress)
	if err != nil {
		return Explain(err)
	}
	fmt.Fprintf(out, "%s sample portfolio written to %s in %s: %d profiles, %d systems, %d dossiers, %d events\n", sc.Name, dir, time.Since(start).Round(time.Second), sum.Profiles, sum.Systems, sum.Dossiers, sum.Events)
	fmt.Fprintf(out, "sample profiles open with the passphrase %q\n", demo.SamplePassphrase)
	return nil
}

// holdsStore reports whether dir holds a GoLive store (Badger's MANIFEST).
func holdsStore(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, "MANIFEST"))
	return err == nil
}

// Explain turns a coded error into a sentence for the terminal; the
// sentence still unwraps to the coded error, so the log records its code.
func Explain(err error) error {
	var e *apperr.Error
	if !errors.As(err, &e) {
		return err
	}
	switch e.Code {
	case "store.already_open":
		return explained(err, "the data folder %s is already open in another GoLive window or command; close it first", e.Params["dir"])
	case "store.not_found":
		return explained(err, "%s is not a GoLive data folder (it does not exist or holds no GoLive data); nothing was created", e.Params["dir"])
	case "store.damaged":
		return explained(err, "the data folder %s is damaged: %s (%s); nothing was changed. Restore it from a backup (golive restore BACKUP --data NEW-FOLDER) or run 'golive check --data %s' for every problem", e.Params["dir"], damageWords(e.Params["problem"]), e.Params["file"], e.Params["dir"])
	case "store.needs_recovery":
		return explained(err, "the data folder %s was not closed cleanly (%s was left by an interrupted write); open it once in GoLive, which recovers it, then run this command again", e.Params["dir"], e.Params["file"])
	case "store.events_missing":
		return explained(err, "%s events of %s that this folder held before are gone (first: %s): the folder was rolled back or edited; restore it from a backup, and run 'golive check' for details", e.Params["count"], e.Params["stream"], e.Params["first"])
	case "store.not_writable":
		return explained(err, "cannot write to the data folder %s: its disk is read-only or you may not write there; nothing was changed", e.Params["dir"])
	case "store.disk_full":
		return explained(err, "the disk of the data folder %s is almost full; nothing was saved: free some space and try again", e.Params["dir"])
	case "store.read_only":
		return explained(err, "the data folder %s is open read-only (it is damaged or being checked); nothing was written", e.Params["dir"])
	case "check.failed":
		return explained(err, "%s problem(s) found in %s (listed above); restore the folder from a backup (golive restore BACKUP --data NEW-FOLDER)", e.Params["count"], e.Params["dir"])
	case "store.open_failed":
		return explained(err, "cannot open the data folder %s: %s", e.Params["dir"], e.Detail)
	case "core.not_empty":
		return explained(err, "the data folder already holds data; sample data goes into an empty folder")
	}
	return explained(err, "%s", strings.TrimSpace(e.Error()))
}

// damageWords says what a store.damaged problem means.
func damageWords(problem string) string {
	switch problem {
	case "manifest_missing":
		return "its MANIFEST, the list of its table files, is missing"
	case "manifest_damaged":
		return "its MANIFEST, the list of its table files, is damaged or cut short"
	case "table_missing":
		return "a table file its MANIFEST lists is missing"
	case "table_unlisted":
		return "a table file is not listed in its MANIFEST (an older MANIFEST?)"
	case "table_damaged":
		return "a table file fails its checksum or is cut short"
	}
	return problem
}

// sentence is an error worded for the terminal that keeps the error it
// explains.
type sentence struct {
	msg string
	err error
}

func (s *sentence) Error() string { return s.msg }
func (s *sentence) Unwrap() error { return s.err }

// explained words err for the terminal, keeping err underneath.
func explained(err error, format string, args ...any) error {
	return &sentence{msg: fmt.Sprintf(format, args...), err: err}
}
