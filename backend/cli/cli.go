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
	"path/filepath"
	"strings"

	"golive/backend/apperr"
	"golive/backend/core"
	"golive/backend/demo"
)

// Commands lists the subcommand names; main runs headless when the first
// argument is one of them.
var Commands = []string{"demo", "version", "help"}

// IsCommand reports whether arg names a subcommand.
func IsCommand(arg string) bool {
	for _, c := range Commands {
		if c == arg {
			return true
		}
	}
	return false
}

// Run executes the subcommand args[0] with its flags, writing to out.
func Run(args []string, out io.Writer) error {
	if len(args) == 0 {
		return usage(out)
	}
	switch args[0] {
	case "demo":
		return runDemo(args[1:], out)
	case "version":
		fmt.Fprintf(out, "golive %s\n", core.Version)
		return nil
	case "help":
		return usage(out)
	}
	return fmt.Errorf("unknown command %q; run 'golive help'", args[0])
}

func usage(out io.Writer) error {
	fmt.Fprint(out, `GoLive 上线发布台

Usage:
  golive [--data DIR]            open the desktop app
  golive demo --data DIR         build the sample portfolio in a new folder
  golive version                 print the version

The data folder defaults to GOLIVE_DATA, else the user config folder's GoLive.
`)
	return nil
}

func runDemo(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	fs.SetOutput(out)
	dir := fs.String("data", "", "folder to create the sample portfolio in (required; must be empty or new)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *dir == "" {
		return errors.New("golive demo needs --data DIR: a new or empty folder for the sample portfolio")
	}
	// A folder that holds anything but a GoLive store is refused untouched;
	// a GoLive store is opened (which reports a lock) and must be empty.
	if entries, err := os.ReadDir(*dir); err == nil && len(entries) > 0 {
		if _, err := os.Stat(filepath.Join(*dir, "MANIFEST")); err != nil {
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

// Explain turns a coded error into a sentence for the terminal.
func Explain(err error) error {
	var e *apperr.Error
	if !errors.As(err, &e) {
		return err
	}
	switch e.Code {
	case "store.already_open":
		return fmt.Errorf("the data folder %s is already open in another GoLive window or command; close it first", e.Params["dir"])
	case "store.open_failed":
		return fmt.Errorf("cannot open the data folder %s: %s", e.Params["dir"], e.Detail)
	case "core.not_empty":
		return errors.New("the data folder already holds data; sample data goes into an empty folder")
	}
	return errors.New(strings.TrimSpace(e.Error()))
}
