package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/term"

	"golive/backend/apperr"
	"golive/backend/core"
	"golive/backend/demo"
	"golive/backend/documents"
	"golive/backend/pdfsig"
	"golive/backend/people"
	"golive/backend/printable"
	"golive/backend/profile"
	"golive/backend/verify"
)

func init() {
	registerExport("pdf", "golive export pdf --dossier ID --kind KIND --out F.pdf [--lang zh|en] [--profile ID] [--year Y] [--data DIR]\n"+
		"      KIND: "+strings.Join(printable.Kinds, ", ")+"; signed by --profile (default: the folder's default profile)", runExportPDF)
	registerExport("register", "golive export register [--year Y] [--window W|YYYY-MM-DD] [--system CODE] --out F.xlsx [--lang zh|en] [--data DIR]  审批登记簿", runExportRegister)
	registerExport("stats", "golive export stats [--year Y] [--window W|YYYY-MM-DD] [--system CODE] --out F.xlsx [--data DIR]  发布统计", runExportStats)
	registerExport("plan-xlsx", "golive export plan-xlsx --year Y --out F.xlsx [--data DIR]  发布窗口计划 workbook", runExportPlanWorkbook)
	registerExport("user-test", "golive export user-test [--dossier ID] --out F.xlsx [--data DIR]  blank 用户测试报告", runExportUserTest)
	register("generate", "golive generate --dossier ID --doc DOC [--out F.pdf] [--profile ID] [--data DIR]  make a standard document and attach it", runGenerate)
	register("verify", "golive verify FILE.pdf [--json] [--data DIR]  check a document's signature and content; exit 0 only when all matches\n"+
		"  golive verify ARCHIVE.zip [--fingerprint FP] [--json]  check a dossier archive (golive export archive) offline", runVerify)
}

// docFlags are the flags every document command shares.
type docFlags struct {
	fs      *flag.FlagSet
	dir     *string
	out     *string
	lang    *string
	profile *string
}

func newDocFlags(name string, out io.Writer) docFlags {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(out)
	return docFlags{fs: fs,
		dir:     dataFlag(fs, ""),
		out:     fs.String("out", "", "the file to write (required)"),
		lang:    fs.String("lang", "zh", "the document language: zh or en"),
		profile: fs.String("profile", "", "the signing profile's id or name (default: the folder's default profile)"),
	}
}

func (f docFlags) parse(args []string) error {
	if err := f.fs.Parse(args); err != nil {
		return err
	}
	if f.fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", f.fs.Arg(0))
	}
	return nil
}

// needOut checks --out.
func (f docFlags) needOut(ext string) error {
	if *f.out == "" {
		return fmt.Errorf("--out is required: the %s file to write", ext)
	}
	return nil
}

// writeFile writes b to path through a temporary file, so a failed export
// never leaves half a document.
func writeFile(path string, b []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, ".golive-export-*")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	return nil
}

// readPassphrase asks for the passphrase of who ("profile NAME (ID)") on
// the terminal without echo. Without a terminal, or when nothing is
// typed, it says there is no passphrase and how to give one.
var readPassphrase = func(who string) (string, error) {
	fd := int(os.Stdin.Fd())
	if !term.IsTerminal(fd) {
		return "", fmt.Errorf("no passphrase for %s: golive was not started in a terminal to type it in, and GOLIVE_PASSPHRASE is not set; "+
			"run the command in a terminal, or set GOLIVE_PASSPHRASE", who)
	}
	fmt.Fprintf(os.Stderr, "Passphrase for %s (not shown as you type): ", who)
	b, err := term.ReadPassword(fd)
	fmt.Fprintln(os.Stderr)
	switch {
	case err != nil:
		return "", fmt.Errorf("no passphrase for %s: the terminal could not be read (%v)", who, err)
	case len(b) == 0:
		return "", fmt.Errorf("no passphrase for %s: none was typed; nothing was done", who)
	}
	return string(b), nil
}

// pickProfile returns the profile named want (its id or name), else the
// folder's default profile.
func pickProfile(c *core.Core, want string) (profile.Summary, error) {
	list, err := c.Profiles.List()
	if err != nil {
		return profile.Summary{}, Explain(err)
	}
	var p *profile.Summary
	for i := range list {
		if (want == "" && list[i].Default) || (want != "" && (list[i].ID == want || list[i].Name == want)) {
			p = &list[i]
			break
		}
	}
	switch {
	case len(list) == 0:
		return profile.Summary{}, errors.New("this data folder has no profile to sign with; create one in the app first")
	case p == nil && want != "":
		return profile.Summary{}, fmt.Errorf("no profile %q in this data folder", want)
	case p == nil:
		p = &list[0]
	}
	return *p, nil
}

// passphraseFor returns the passphrase of profile p: the sample
// passphrase for a sample profile, else GOLIVE_PASSPHRASE or one typed on
// the terminal.
func passphraseFor(p profile.Summary) (string, error) {
	if p.Sample {
		return demo.SamplePassphrase, nil
	}
	return askPassphrase(fmt.Sprintf("profile %s (%s)", p.Name, p.ID))
}

// askPassphrase returns GOLIVE_PASSPHRASE, else asks on the terminal for
// the passphrase of who (readPassphrase).
func askPassphrase(who string) (string, error) {
	if pass := os.Getenv("GOLIVE_PASSPHRASE"); pass != "" {
		return pass, nil
	}
	return readPassphrase(who)
}

// openSigner picks the signing profile (by id or name, else the default)
// and unlocks it: sample profiles with the sample passphrase, others with
// GOLIVE_PASSPHRASE or a passphrase typed on the terminal.
func openSigner(c *core.Core, want string) (*pdfsig.Signer, error) {
	p, err := pickProfile(c, want)
	if err != nil {
		return nil, err
	}
	pass, err := passphraseFor(p)
	if err != nil {
		return nil, err
	}
	s, err := pdfsig.Open(c.Profiles, p.ID, pass, c.Template().Organisation.Zh, c.Now())
	if apperr.HasCode(err, "keys.wrong_passphrase") {
		return nil, explained(err, "wrong passphrase for profile %s (%s)", p.Name, p.ID)
	}
	if err != nil {
		return nil, Explain(err)
	}
	return s, nil
}

// explainDoc turns the document codes into sentences.
func explainDoc(err error) error {
	var e *apperr.Error
	if !errors.As(err, &e) {
		return err
	}
	switch e.Code {
	case "dossier.not_found":
		return explained(err, "no dossier %s in this data folder (the register's first column, 编号, holds the dossier numbers)", e.Params["id"])
	case "printable.bad_kind":
		return explained(err, "unknown document kind %q; kinds: %s", e.Params["kind"], strings.Join(printable.Kinds, ", "))
	case "printable.bad_lang":
		return explained(err, "unknown language %q; use zh or en", e.Params["lang"])
	case "pdf.font_missing":
		return explained(err, "this build has no PDF fonts (%s): run scripts/fetch-fonts.sh and rebuild", e.Params["file"])
	case "documents.no_plan_source":
		return explained(err, "window plans cannot be exported as documents by this build yet")
	case "documents.not_generatable":
		return explained(err, "document %q cannot be generated; documents: %s", e.Params["document"], strings.Join(generatable(), ", "))
	}
	return Explain(err)
}

func generatable() []string {
	var out []string
	for _, k := range []string{"release_note", "application_confirmation", "release_test_confirmation"} {
		if _, ok := documents.Generatable[k]; ok {
			out = append(out, k)
		}
	}
	return out
}

func runExportPDF(args []string, out io.Writer) error {
	f := newDocFlags("export pdf", out)
	id := f.fs.String("dossier", "", "the dossier number (编号)")
	kind := f.fs.String("kind", printable.KindConfirmation, "the document: "+strings.Join(printable.Kinds, ", "))
	year := f.fs.Int("year", 0, "the plan's year (kind plan)")
	if err := f.parse(args); err != nil {
		return err
	}
	if err := f.needOut(".pdf"); err != nil {
		return err
	}
	if *kind != printable.KindPlan && *id == "" {
		return errors.New("--dossier is required: the dossier number (编号)")
	}
	if *kind == printable.KindPlan && *year == 0 {
		return errors.New("--year is required for the plan: the year of the release windows, e.g. --year 2027")
	}
	c, err := openData(*f.dir)
	if err != nil {
		return err
	}
	defer c.Close()
	svc := c.Documents()
	// Check the request before asking for a passphrase.
	if _, err := svc.Content(documents.Request{Kind: *kind, Dossier: *id, Year: *year, Lang: *f.lang}); err != nil {
		return explainDoc(err)
	}
	signer, err := openSigner(c, *f.profile)
	if err != nil {
		return err
	}
	doc, err := svc.PDF(documents.Request{Kind: *kind, Dossier: *id, Year: *year, Lang: *f.lang}, signer)
	if err != nil {
		return explainDoc(err)
	}
	if err := writeFile(*f.out, doc.PDF); err != nil {
		return err
	}
	sample := ""
	if signer.Sample() {
		sample = " (sample profile: watermarked 示例 / SAMPLE)"
	}
	fmt.Fprintf(out, "%s: %s %s, %d pages, %d bytes, signed by %s%s\n", *f.out, doc.Content.Title, doc.Content.Number, doc.Pages, len(doc.PDF), signer.Profile.Name, sample)
	return nil
}

func registerFlags(f docFlags) (*int, *string, *string) {
	return f.fs.Int("year", 0, "only dossiers planned in this year"),
		f.fs.String("window", "", "only dossiers of this release window (its id, e.g. 2027-03-11-java) or planned this day (YYYY-MM-DD)"),
		f.fs.String("system", "", "only dossiers of this system code")
}

// workbook parses args, opens the folder, has fill write the workbook into
// a buffer, writes it to --out and prints what fill says it wrote.
func workbook(f docFlags, args []string, out io.Writer, fill func(c *core.Core, b *bytes.Buffer) (string, error)) error {
	if err := f.parse(args); err != nil {
		return err
	}
	if err := f.needOut(".xlsx"); err != nil {
		return err
	}
	c, err := openDataReadOnly(*f.dir)
	if err != nil {
		return err
	}
	defer c.Close()
	var buf bytes.Buffer
	what, err := fill(c, &buf)
	if err != nil {
		return explainDoc(err)
	}
	if err := writeFile(*f.out, buf.Bytes()); err != nil {
		return err
	}
	fmt.Fprintf(out, "%s: %s\n", *f.out, what)
	return nil
}

func runExportRegister(args []string, out io.Writer) error {
	f := newDocFlags("export register", out)
	year, window, sys := registerFlags(f)
	return workbook(f, args, out, func(c *core.Core, b *bytes.Buffer) (string, error) {
		n, err := c.Documents().Register(documents.RegisterFilter{Year: *year, Window: *window, System: *sys, Lang: *f.lang}, b)
		return fmt.Sprintf("审批登记簿, %d dossiers", n), err
	})
}

func runExportStats(args []string, out io.Writer) error {
	f := newDocFlags("export stats", out)
	year, window, sys := registerFlags(f)
	return workbook(f, args, out, func(c *core.Core, b *bytes.Buffer) (string, error) {
		return "发布统计", c.Documents().Stats(documents.RegisterFilter{Year: *year, Window: *window, System: *sys, Lang: *f.lang}, b)
	})
}

func runExportPlanWorkbook(args []string, out io.Writer) error {
	f := newDocFlags("export plan-xlsx", out)
	year := f.fs.Int("year", 0, "the plan's year")
	return workbook(f, args, out, func(c *core.Core, b *bytes.Buffer) (string, error) {
		return fmt.Sprintf("%d 发布窗口计划", *year), c.Documents().PlanWorkbook(*year, *f.lang, b)
	})
}

func runExportUserTest(args []string, out io.Writer) error {
	f := newDocFlags("export user-test", out)
	id := f.fs.String("dossier", "", "pre-fill system, version and release content from this dossier")
	return workbook(f, args, out, func(c *core.Core, b *bytes.Buffer) (string, error) {
		return "用户测试报告 (blank)", c.Documents().UserTestTemplate(*id, *f.lang, b)
	})
}

func runGenerate(args []string, out io.Writer) error {
	f := newDocFlags("generate", out)
	id := f.fs.String("dossier", "", "the dossier number (编号)")
	doc := f.fs.String("doc", "", "the standard document: "+strings.Join(generatable(), ", "))
	if err := f.parse(args); err != nil {
		return err
	}
	if *id == "" || *doc == "" {
		return errors.New("--dossier and --doc are required")
	}
	c, err := openData(*f.dir)
	if err != nil {
		return err
	}
	defer c.Close()
	if _, ok := documents.Generatable[*doc]; !ok {
		return explainDoc(apperr.New("documents.not_generatable", "document", *doc))
	}
	if _, err := c.Dossiers.Get(*id); err != nil {
		return explainDoc(err)
	}
	signer, err := openSigner(c, *f.profile)
	if err != nil {
		return err
	}
	v, made, err := c.Documents().Generate(*id, *doc, *f.lang, signer)
	if err != nil {
		return explainDoc(err)
	}
	if *f.out != "" {
		if err := writeFile(*f.out, made.PDF); err != nil {
			return err
		}
	}
	key := documents.DeliverableFor(v.State, *doc)
	versions := v.State.Flow.Deliverables[key]
	fmt.Fprintf(out, "%s %s attached to %s as %s version %d (%d pages), signed by %s\n", made.Content.Title, made.Content.Number, *id, key, len(versions), made.Pages, signer.Profile.Name)
	return nil
}

func runVerify(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("verify", flag.ContinueOnError)
	fs.SetOutput(out)
	dir := dataFlag(fs, "the data folder to compare with")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	fingerprint := fs.String("fingerprint", "", "for a dossier archive (.zip): the PMO roster key's fingerprint it must carry")
	// Accept the file before or after the flags.
	var file string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		file, args = args[0], args[1:]
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if file == "" && fs.NArg() > 0 {
		file = fs.Arg(0)
	}
	if file == "" {
		return errors.New("golive verify needs the PDF to check: golive verify FILE.pdf")
	}
	// A dossier archive is checked offline, against its own contents.
	if isZip(file) {
		return runVerifyArchive(file, *fingerprint, *asJSON, out)
	}
	// The folder is only read. Without one, the file is still checked
	// (signature, pages, embedded data) and found in no ledger.
	c, err := openDataReadOnly(*dir)
	if apperr.HasCode(err, "store.not_found") {
		fmt.Fprintf(out, "note: %v\n", err)
		c, err = core.OpenNothing()
	}
	if err != nil {
		return err
	}
	defer c.Close()
	rep, err := verify.CheckFile(file, c.Documents())
	if err != nil {
		return fmt.Errorf("cannot read %s: %v", file, errors.Unwrap(err))
	}
	if *asJSON {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		_ = enc.Encode(rep)
	} else {
		printReport(out, file, rep)
	}
	if !rep.OK() {
		return reportError(rep)
	}
	return nil
}

func printReport(out io.Writer, file string, r verify.Report) {
	fmt.Fprintf(out, "%s: %s\n", file, strings.ToUpper(r.Status))
	if r.Payload != nil {
		fmt.Fprintf(out, "  document:  %s %s (%s)\n", r.Title, r.Payload.Number, r.Payload.Kind)
		if r.Payload.Dossier != "" {
			fmt.Fprintf(out, "  dossier:   %s, made from event %s\n", r.Payload.Dossier, r.Payload.Event)
		}
		// What each signature was for, named as the document prints it
		// (the step, and the countersign row), in its language.
		for _, s := range r.Signed {
			label := s.Label.Zh
			if r.Payload.Lang == printable.En || label == "" {
				label = s.Label.En
			}
			if label == "" {
				label = s.For
			}
			fmt.Fprintf(out, "  signed:    %s, key %s (%s)\n", label, s.Fingerprint, s.How)
		}
	}
	if r.Signature.Valid {
		who := r.Signature.Signer
		if who == "" {
			who = "an unknown profile"
		} else if r.Signature.Source == people.SourceCard {
			who += " (self-declared on an identity card, not in the roster)"
		}
		sample := ""
		if r.Signature.Sample {
			sample = ", a SAMPLE profile"
		}
		fmt.Fprintf(out, "  signature: valid, by %s (%s%s), certificate %s\n", who, r.Signature.Fingerprint, sample, r.Signature.Certificate)
	}
	if r.NewerEvents > 0 {
		fmt.Fprintf(out, "  note:      the dossier has %d newer event(s) since this document was made\n", r.NewerEvents)
	}
	for _, p := range r.Problems {
		fmt.Fprintf(out, "  problem:   %s: %s\n", p.Code, p.Message)
	}
	for _, d := range r.Differences {
		fmt.Fprintf(out, "  differs:   %s: document %q, store %q\n", d.Field, d.Document, d.Store)
	}
}

// reportError is the error (and so the exit status 1) of a check that
// did not match, naming the first problem.
func reportError(r verify.Report) error {
	msg := "document does not match"
	if len(r.Problems) > 0 {
		msg = r.Problems[0].Message
	}
	return fmt.Errorf("verification %s: %s", r.Status, msg)
}
