package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"golive/backend/exchange"
)

// LaunchKind says what golive's command line asks for (see Classify).
type LaunchKind int

// What a command line may ask for.
const (
	// LaunchWindow opens the desktop app: no argument, flags only (--data
	// DIR, the Wails dev build's -assetdir, -devserver, …) or exchange
	// files (*.golive) to open in it.
	LaunchWindow LaunchKind = iota
	// LaunchCommand runs a headless command (Launch.Args, its name first).
	LaunchCommand
	// LaunchHelp prints the help (-h, -help, --help).
	LaunchHelp
	// LaunchUnknown names an argument that is neither a command, a flag
	// nor a file the window opens (Launch.Arg): golive prints "unknown
	// command" and the help, and exits 2.
	LaunchUnknown
)

// Launch is what Classify makes of a command line.
type Launch struct {
	// Kind is what the line asks for.
	Kind LaunchKind
	// Args are the command's arguments for Run (LaunchCommand), its name
	// first; flags given before the name (--data DIR) are moved after it.
	Args []string
	// Arg is the first argument golive does not understand (LaunchUnknown).
	Arg string
}

// StatusUsage is the exit status of a command line golive does not
// understand (as flag parsing and most Unix tools use).
const StatusUsage = 2

// valueFlags are the window's flags that take the next argument as their
// value: --data, and those the Wails dev build reads (internal/app).
var valueFlags = map[string]bool{
	"data": true, "assetdir": true, "devserver": true, "frontenddevserverurl": true, "loglevel": true,
	"tsprefix": true, "tssuffix": true, "tsoutputtype": true,
}

// Classify says what args (the command line without the program name)
// ask for: a headless command when the first argument that is not a flag
// (or a flag's value, as in --data DIR) names one; the window for no argument, flags (--data DIR, the
// Wails dev flags) and exchange files (*.golive) to open; the help for
// -h/--help; otherwise LaunchUnknown with the argument at fault.
func Classify(args []string) Launch {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if name, ok := flagName(a); ok {
			switch {
			case name == "h" || name == "help":
				return Launch{Kind: LaunchHelp}
			case valueFlags[name] && !strings.Contains(a, "=") && i+1 < len(args):
				i++
			}
			continue
		}
		if _, ok := commands[a]; ok {
			return Launch{Kind: LaunchCommand, Args: append(append([]string{a}, args[:i]...), args[i+1:]...)}
		}
		if strings.EqualFold(filepath.Ext(a), exchange.Ext) {
			continue
		}
		return Launch{Kind: LaunchUnknown, Arg: a}
	}
	return Launch{Kind: LaunchWindow}
}

// flagName returns the name of the flag a is ("data" for --data=DIR),
// and whether a is a flag at all ("-" alone is not).
func flagName(a string) (string, bool) {
	if len(a) < 2 || a[0] != '-' {
		return "", false
	}
	name := strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-")
	name, _, _ = strings.Cut(name, "=")
	return name, name != ""
}

// Main is golive's command line apart from the window: it runs the
// headless command args ask for, prints the help, or says which argument
// it does not understand (with the help, to stderr), and returns the exit
// status: 0, 1 when the command failed, StatusUsage for an unknown
// command or a command line it cannot run as given (IsUsage). window is
// true, and nothing was done, when args are for the desktop app
// (Classify).
func Main(args []string, stdout, stderr io.Writer) (window bool, status int) {
	l := Classify(args)
	switch l.Kind {
	case LaunchWindow:
		return true, 0
	case LaunchHelp:
		_ = usage(stdout)
		return false, 0
	case LaunchUnknown:
		fmt.Fprintf(stderr, "golive: unknown command %q\n", l.Arg)
		if fi, err := os.Stat(l.Arg); err == nil && fi.Mode().IsRegular() {
			fmt.Fprintf(stderr, "(the window opens exchange files, *%s, only)\n", exchange.Ext)
		}
		fmt.Fprintln(stderr)
		_ = usage(stderr)
		return false, StatusUsage
	}
	if err := Run(l.Args, stdout); err != nil {
		fmt.Fprintln(stderr, "golive:", err)
		if IsUsage(err) {
			return false, StatusUsage
		}
		return false, 1
	}
	return false, 0
}
