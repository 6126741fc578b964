package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"golive/backend/apperr"
	"golive/backend/check"
	"golive/backend/core"
)

func init() {
	register("check", "golive check [--json] [--data DIR]  walk the whole data folder (files, ledger, checkpoints, index, records, attachments); exit 1 on any problem", runCheck)
}

// areaUnits names what each area counts.
var areaUnits = map[string]string{
	check.AreaFiles: "folder", check.AreaLedger: "events", check.AreaCheckpoints: "checkpoints",
	check.AreaIndex: "index records", check.AreaRecords: "records", check.AreaBlobs: "attachments",
}

// maxShown is how many findings of one kind the text report prints.
const maxShown = 10

func runCheck(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(out)
	dir := dataFlag(fs, "the data folder to check")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *dir == "" {
		*dir = core.DefaultDataDir()
	}
	rep, err := check.Dir(*dir, nil)
	if err != nil {
		if apperr.HasCode(err, "store.already_open") {
			return explained(err, "the data folder %s is open in GoLive: check it there (设置 / Settings, 检查数据文件夹), or close the app and run golive check again", *dir)
		}
		return Explain(err)
	}
	if *asJSON {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(out, "GoLive check of %s\n", rep.Dir)
		for _, a := range rep.Areas {
			state := "ok"
			switch {
			case a.Skipped:
				state = "not checked (the files are too damaged to open)"
			case a.Problems > 0:
				state = fmt.Sprintf("%d problem(s)", a.Problems)
			}
			fmt.Fprintf(out, "  %-12s %6d %-14s %s\n", a.Name, a.Checked, areaUnits[a.Name], state)
		}
		shown := map[string]int{}
		for _, f := range rep.Findings {
			kind := f.Area + " " + f.Problem
			if shown[kind]++; shown[kind] > maxShown {
				continue
			}
			fmt.Fprintf(out, "PROBLEM %s %s %s", f.Area, f.Problem, f.Subject)
			if f.Detail != "" {
				fmt.Fprintf(out, ": %s", f.Detail)
			}
			fmt.Fprintln(out)
		}
		for _, f := range rep.Findings {
			kind := f.Area + " " + f.Problem
			if n := shown[kind]; n > maxShown {
				fmt.Fprintf(out, "… and %d more %s (golive check --json lists every one)\n", n-maxShown, kind)
				shown[kind] = 0
			}
		}
	}
	if rep.OK {
		if !*asJSON {
			fmt.Fprintln(out, "no problem found")
		}
		return nil
	}
	return Explain(apperr.New("check.failed", "dir", rep.Dir, "count", fmt.Sprint(len(rep.Findings))))
}
