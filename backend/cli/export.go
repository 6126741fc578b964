package cli

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// exports holds the kinds of 'golive export KIND …'; each file registers
// its own in an init function with registerExport.
var exports = map[string]command{}

func registerExport(kind, usage string, run func(args []string, out io.Writer) error) {
	exports[kind] = command{usage: usage, run: run}
}

func init() {
	register("export", "golive export KIND …             write a document (run 'golive export' for the kinds)", runExport)
}

func runExport(args []string, out io.Writer) error {
	kinds := make([]string, 0, len(exports))
	for k := range exports {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	if len(args) == 0 {
		fmt.Fprintln(out, "Usage:")
		for _, k := range kinds {
			fmt.Fprintf(out, "  %s\n", exports[k].usage)
		}
		return fmt.Errorf("golive export needs a kind: %s", strings.Join(kinds, ", "))
	}
	c, ok := exports[args[0]]
	if !ok {
		return fmt.Errorf("unknown export kind %q; kinds: %s", args[0], strings.Join(kinds, ", "))
	}
	return c.run(args[1:], out)
}
