package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"golive/backend/apperr"
	"golive/backend/core"
	"golive/backend/exchange"
	"golive/backend/roster"
)

// bundleCommands holds the subcommands of 'golive bundle'.
var bundleCommands = map[string]command{}

func init() {
	register("bundle", "golive bundle export --dossier ID|--all [--since FILE] [--without-attachments] --out F"+exchange.Ext+" [--profile ID] [--data DIR]\n"+
		"      write an exchange file (交换文件) with the dossier's events, the roster and the attachments, signed by the profile;\n"+
		"      with --since, only the events the exchange file FILE (the one you received) does not hold: a reply of a few KB\n"+
		"  golive bundle import F"+exchange.Ext+" [--fingerprint \"XXXX XXXX …\"] [--data DIR]\n"+
		"      check an exchange file (every hash, signature and roster rule) and add what it brings, all or nothing", runBundle)
	bundleCommands["export"] = command{run: runBundleExport}
	bundleCommands["import"] = command{run: runBundleImport}
}

func runBundle(args []string, out io.Writer) error {
	return runSubcommand("bundle", bundleCommands, args, out)
}

// multiFlag collects a repeated flag.
type multiFlag []string

func (m *multiFlag) String() string { return strings.Join(*m, ",") }

func (m *multiFlag) Set(v string) error {
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			*m = append(*m, s)
		}
	}
	return nil
}

func runBundleExport(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("bundle export", flag.ContinueOnError)
	fs.SetOutput(out)
	dir := dataFlag(fs, "")
	var dossiers multiFlag
	fs.Var(&dossiers, "dossier", "the dossier id (repeat, or separate with commas, for several)")
	since := fs.String("since", "", "an exchange file the receiver sent you: leave out the events it holds")
	all := fs.Bool("all", false, "every dossier of the folder (a whole portfolio, e.g. for the PMO's archive PC)")
	without := fs.Bool("without-attachments", false, "leave the attachments out (the receiver sees their names, sizes and digests)")
	file := fs.String("out", "", "the exchange file to write (F"+exchange.Ext+")")
	prof := fs.String("profile", "", "the profile that signs the file (default: the folder's default profile)")
	purpose := fs.String("purpose", "", "what the file is for, e.g. \"for the CS director's approval\"")
	if err := fs.Parse(args); err != nil {
		return err
	}
	switch {
	case fs.NArg() > 0:
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	case len(dossiers) == 0 && !*all:
		return errors.New("golive bundle export needs --dossier ID (or --all)")
	case len(dossiers) > 0 && *all:
		return errors.New("golive bundle export takes --dossier or --all, not both")
	case *file == "":
		return errors.New("golive bundle export needs --out F" + exchange.Ext)
	}
	c, err := openData(*dir)
	if err != nil {
		return err
	}
	defer c.Close()
	p, err := pickProfile(c, *prof)
	if err != nil {
		return err
	}
	if err := unlockProfile(c, p); err != nil {
		return err
	}
	res, err := c.Export(context.Background(), *file, core.ExportRequest{Dossiers: dossiers, Since: *since, Attachments: !*without, Purpose: *purpose}, nil)
	if err != nil {
		return explainExchange(err)
	}
	what := strings.Join(res.Dossiers, ", ")
	if len(res.Dossiers) > 3 {
		what = fmt.Sprintf("%d dossiers", len(res.Dossiers))
	}
	fmt.Fprintf(out, "wrote %s (%s): %d events of %s, %d attachments (%s)",
		res.Path, sizeWords(res.Size), res.Count, what, len(res.Blobs), sizeWords(res.BlobBytes))
	if res.Missing > 0 {
		fmt.Fprintf(out, "; %d attachments this folder does not hold were left out", res.Missing)
	}
	fmt.Fprintf(out, ", signed by %s (%s)\n", p.Name, p.ID)
	return nil
}

func runBundleImport(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("bundle import", flag.ContinueOnError)
	fs.SetOutput(out)
	dir := dataFlag(fs, "")
	fp := fs.String("fingerprint", "", "for a folder that pins no PMO key yet: the fingerprint of the PMO key, compared with the PMO")
	file, err := fileArg(fs, args, "usage: golive bundle import F"+exchange.Ext)
	if err != nil {
		return err
	}
	c, err := openData(*dir)
	if err != nil {
		return err
	}
	defer c.Close()
	rep, err := c.ImportFile(file, core.ImportOptions{Fingerprint: *fp})
	if err != nil {
		return explainExchange(err)
	}
	printImport(out, rep)
	return nil
}

// printImport prints what an import brought.
func printImport(out io.Writer, rep core.ImportReport) {
	if rep.Pinned != "" {
		fmt.Fprintf(out, "pinned the organisation's PMO key %s\n", rep.Pinned)
	}
	if rep.Nothing() {
		fmt.Fprintf(out, "%s: nothing new (this folder already holds everything it brings)\n", rep.File)
		return
	}
	fmt.Fprintf(out, "%s from %s: added %d events, %d attachments", rep.File, rep.From, rep.Events, rep.Blobs)
	if rep.Roster > 0 {
		fmt.Fprintf(out, ", %d roster versions", rep.Roster)
	}
	if rep.Plans > 0 {
		fmt.Fprintf(out, ", %d window plan versions", rep.Plans)
	}
	if rep.Systems > 0 {
		fmt.Fprintf(out, ", %d systems", rep.Systems)
	}
	if rep.Templates > 0 {
		fmt.Fprintf(out, ", %d templates", rep.Templates)
	}
	fmt.Fprintln(out)
	for _, d := range rep.Dossiers {
		verb := "now"
		if d.Created {
			verb = "new,"
		}
		fmt.Fprintf(out, "  %s %s (%s): %d new events, stage %s", d.ID, d.After.Title, verb, d.New, d.After.Stage)
		if len(d.Ignored) > 0 {
			fmt.Fprintf(out, "; %d not counted (%s)", len(d.Ignored), d.Ignored[0].Code)
		}
		fmt.Fprintln(out)
	}
	if rep.Waiting > 0 {
		fmt.Fprintf(out, "  %d events wait for earlier events that have not arrived yet; they are added when those do\n", rep.Waiting)
	}
}

// explainExchange turns the codes of an export or import into sentences.
func explainExchange(err error) error {
	var e *apperr.Error
	if !errors.As(err, &e) {
		return err
	}
	p := e.Params
	switch e.Code {
	case roster.CodeNotPinned:
		return explained(err, "this data folder trusts no organisation yet; the file's PMO key has the fingerprint %s: compare it with the PMO in person or by phone, then repeat with --fingerprint \"%s\"", p["fingerprint"], p["fingerprint"])
	case "exchange.other_organisation":
		return explained(err, "the file comes from another organisation (PMO key %s; this folder trusts %s); nothing was changed", p["theirs"], p["ours"])
	case "exchange.unknown_exporter":
		return explained(err, "the file was signed by a key the roster does not list (%s); nothing was changed", p["name"])
	case "exchange.unknown_key":
		return explained(err, "event %s of %s was signed by a key the roster does not list; nothing was changed", short(p["event"]), p["dossier"])
	case "exchange.bad_signature":
		return explained(err, "the file's signature does not match its contents: it was changed after it was signed; nothing was changed")
	case "exchange.no_roster":
		return explained(err, "this data folder has no published roster: the receiver could not tell who signed the events; publish or accept the roster first")
	case "exchange.truncated":
		return explained(err, "the file %s is cut short (not completely copied or downloaded); nothing was changed", p["path"])
	case "exchange.not_exchange":
		return explained(err, "%s is not a GoLive exchange file; nothing was changed", p["path"])
	case "exchange.unknown_version":
		return explained(err, "the file is of exchange format version %s, this GoLive reads version %s: update GoLive; nothing was changed", p["version"], p["want"])
	}
	if strings.HasPrefix(e.Code, "exchange.") {
		detail := e.Code
		if n := p["name"]; n != "" {
			detail += " (" + n + ")"
		}
		return explained(err, "the exchange file is damaged or was tampered with: %s; nothing was changed", detail)
	}
	return Explain(err)
}

// short is the first 12 characters of an id.
func short(id string) string {
	if len(id) > 12 {
		return id[:12]
	}
	return id
}

// sizeWords writes n bytes for people.
func sizeWords(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
