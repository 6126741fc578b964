package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"golive/backend/apperr"
	"golive/backend/core"
	"golive/backend/system"
	"golive/backend/window"
	"golive/backend/zone"
)

func init() {
	register("windows", "golive windows [--year Y] [--class C] [--data DIR]  print the year's release-window plan", runWindows)
	registerExport("plan", "golive export plan [--year Y] --out F.ics [--class C] [--data DIR]  write the release-window plan as a calendar file", runExportPlan)
}

// planFlags are the flags both plan commands take.
type planFlags struct {
	fs    *flag.FlagSet
	year  *int
	class *string
	dir   *string
}

func newPlanFlags(name string, out io.Writer) planFlags {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(out)
	return planFlags{
		fs:    fs,
		year:  fs.Int("year", time.Now().In(zone.Default()).Year(), "the plan's year"),
		class: fs.String("class", "", "only windows of this system class ("+strings.Join(system.Classes, ", ")+")"),
		dir:   dataFlag(fs, ""),
	}
}

// loadPlan opens the folder and returns the plan in force, filtered by
// class, with its header lines already printed.
func (f planFlags) loadPlan(out io.Writer) (window.Plan, error) {
	if *f.class != "" && !slices.Contains(system.Classes, *f.class) {
		return window.Plan{}, fmt.Errorf("unknown class %q; classes: %s", *f.class, strings.Join(system.Classes, ", "))
	}
	// The folder is only read; a folder with no GoLive data yet has no
	// published plan, so the generated one is shown, and nothing created.
	c, err := openDataReadOnly(*f.dir)
	if apperr.HasCode(err, "store.not_found") {
		c, err = core.OpenNothing()
	}
	if err != nil {
		return window.Plan{}, err
	}
	defer c.Close()
	p, err := c.Windows.InForce(*f.year)
	if err != nil {
		return window.Plan{}, explainWindows(err)
	}
	if *f.class != "" {
		p.Windows = slices.DeleteFunc(p.Windows, func(w window.Window) bool { return w.Class != *f.class })
	}
	printHeader(out, c, p)
	return p, nil
}

func printHeader(out io.Writer, c *core.Core, p window.Plan) {
	if p.Version == 0 {
		fmt.Fprintf(out, "no published plan for %d; showing the generated plan\n", p.Year)
	} else {
		fmt.Fprintf(out, "published plan for %d, version %d (published %s)\n", p.Year, p.Version, p.PublishedAt.In(c.Zone).Format("2006-01-02 15:04 -07:00"))
	}
	for _, w := range p.Warnings {
		fmt.Fprintf(out, "warning: %s\n", w.Text())
	}
}

func runWindows(args []string, out io.Writer) error {
	f := newPlanFlags("windows", out)
	if err := f.fs.Parse(args); err != nil {
		return err
	}
	p, err := f.loadPlan(out)
	if err != nil {
		return err
	}
	count := map[string]int{}
	for _, w := range p.Windows {
		count[w.State]++
		fmt.Fprintln(out, WindowLine(w))
	}
	fmt.Fprintf(out, "%d windows: %d open, %d moved, %d cancelled, %d frozen\n", len(p.Windows),
		count[window.StateOpen], count[window.StateMoved], count[window.StateCancelled], count[window.StateFrozen])
	for _, fr := range p.Freezes {
		fmt.Fprintf(out, "freeze %s to %s: %s\n", fr.Start, fr.End, fr.Name)
	}
	return nil
}

// WindowLine renders one window as the windows command prints it: date,
// weekday, start-end, class, state, id and the reasons for any move,
// cancellation or freeze.
func WindowLine(w window.Window) string {
	d, _ := time.Parse(time.DateOnly, w.Date)
	line := fmt.Sprintf("%s %s %s-%s %-8s %-9s %-22s %s", w.Date, d.Weekday().String()[:3], w.Start, w.End, w.Class, w.State, w.ID, w.Reasons("en"))
	return strings.TrimRight(line, " ")
}

func runExportPlan(args []string, out io.Writer) error {
	f := newPlanFlags("export plan", out)
	path := f.fs.String("out", "", "the .ics file to write (required)")
	if err := f.fs.Parse(args); err != nil {
		return err
	}
	if *path == "" {
		return errors.New("golive export plan needs --out FILE.ics")
	}
	p, err := f.loadPlan(out)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(*path), ".golive-plan-*.ics")
	if err != nil {
		return fmt.Errorf("cannot write %s: %v", *path, err)
	}
	defer os.Remove(tmp.Name())
	if err := window.WriteICS(tmp, p, time.Now()); err != nil {
		tmp.Close()
		return fmt.Errorf("cannot write %s: %v", *path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %v", *path, err)
	}
	if err := os.Rename(tmp.Name(), *path); err != nil {
		return fmt.Errorf("cannot write %s: %v", *path, err)
	}
	fmt.Fprintf(out, "wrote %d windows and %d freeze periods of the %d plan to %s\n", len(p.Windows), len(p.Freezes), p.Year, *path)
	return nil
}

// explainWindows turns the window codes a plan command meets into sentences.
func explainWindows(err error) error {
	var e *apperr.Error
	if !errors.As(err, &e) {
		return err
	}
	switch e.Code {
	case "window.bad_year":
		return explained(err, "year %s is outside the years GoLive plans (2000-2100)", e.Params["year"])
	case "window.plan_corrupt":
		return explained(err, "the published plan for %s failed verification (a stored version was altered or its chain is broken): %v", e.Params["year"], err)
	}
	return Explain(err)
}
