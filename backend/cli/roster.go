package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"golive/backend/apperr"
	"golive/backend/keys"
	"golive/backend/roster"
	"golive/backend/template"
	"golive/backend/xlsx"
)

// CodeNoRoster: 'golive roster show' found no published roster in the
// data folder.
const CodeNoRoster = "roster.none"

// rosterCommands holds the subcommands of 'golive roster'.
var rosterCommands = map[string]command{}

// rosterLayout describes the workbook 'golive roster import' reads.
const rosterLayout = `      The workbook's sheets are read by position; row 1 of each holds the headers (Chinese, English or "中文/English"):
        sheet 1 people:  编号/ID*, 姓名/Name*, 部门/Department*, 子部门/Sub-department, 职务/Title,
                         公钥/Public key (64 hex digits; several separated by line breaks), 角色/Roles (role ids or
                         names, separated by 、 or ,; per-system roles come from sheets 2 and 3, not from here)
        sheet 2 systems: 系统/System*, 所属部门/Department*, 所属子部门/Sub-department, 系统所有人/Owner id,
                         系统发布岗/Dev lead id, 监督人/Supervisor id   (optional sheet)
        sheet 3 heads:   部门/Department*, 子部门/Sub-department, 负责人编号/Head id*   (optional sheet)
      * required. The PMO are the people holding the pmo role (项目管理办公室). At most 10,000 rows a sheet.`

func init() {
	register("roster", "golive roster show [--json] [--data DIR]   print the roster (组织名册) in force\n"+
		"  golive roster import F.xlsx [--data DIR]   read people, roles, systems and heads into the folder's roster draft\n"+
		rosterLayout+"\n"+
		"  golive roster publish [--note TEXT] [--profile ID] [--data DIR]   sign the draft as the next roster version (PMO only)\n"+
		"  golive roster export --out F"+roster.FileExt+" [--data DIR]   write the published versions as a roster file (组织名册文件) for other folders\n"+
		"  golive roster accept F"+roster.FileExt+" [--fingerprint \"XXXX XXXX …\"] [--data DIR]\n"+
		"      add a roster file's versions to the folder; a folder that pins no PMO key yet first prints the key's fingerprint:\n"+
		"      compare it with the PMO in person or by phone, then repeat with --fingerprint to pin that key", runRoster)
	rosterCommands["show"] = command{run: runRosterShow}
	rosterCommands["import"] = command{run: runRosterImport}
	rosterCommands["publish"] = command{run: runRosterPublish}
	rosterCommands["export"] = command{run: runRosterExport}
	rosterCommands["accept"] = command{run: runRosterAccept}
}

func runRoster(args []string, out io.Writer) error {
	return runSubcommand("roster", rosterCommands, args, out)
}

// rosterShown is what 'golive roster show --json' prints: the version in
// force (roster.Version's fields) and the folder's pinned PMO key.
type rosterShown struct {
	roster.Version
	// PinnedKey is the PMO key the folder pins as the root of its chain.
	PinnedKey string `json:"pinned_key"`
	// PinnedFingerprint is keys.Fingerprint of PinnedKey.
	PinnedFingerprint string `json:"pinned_fingerprint"`
}

func runRosterShow(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("roster show", flag.ContinueOnError)
	fs.SetOutput(out)
	dir := dataFlag(fs, "")
	asJSON := fs.Bool("json", false, "print JSON (snake_case fields) instead of text")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	c, err := openDataReadOnly(*dir)
	if err != nil {
		return err
	}
	defer c.Close()
	v, ok, err := c.Roster.InForce()
	if err != nil {
		return explainRoster(err)
	}
	if !ok {
		hint := "import a workbook with 'golive roster import F.xlsx' and publish it with 'golive roster publish'"
		if _, has, _ := c.Roster.Draft(); has {
			hint = "a draft is waiting: the PMO publishes it with 'golive roster publish'"
		}
		return explained(apperr.New(CodeNoRoster), "no roster has been published in %s yet; %s", c.Store.Dir(), hint)
	}
	pin, _, err := c.Roster.Pinned()
	if err != nil {
		return Explain(err)
	}
	if *asJSON {
		b, err := json.MarshalIndent(rosterShown{Version: v, PinnedKey: pin.PublicKey, PinnedFingerprint: pin.Fingerprint}, "", "  ")
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "%s\n", b)
		return nil
	}
	printRoster(out, v, pin, c.Template())
	return nil
}

// printRoster prints a version for the terminal, roles by id and, when
// the template has them, their Chinese names.
func printRoster(out io.Writer, v roster.Version, pin roster.Pin, tpl *template.Template) {
	publisher := keys.FingerprintHex(v.PublishedBy)
	if p, ok := v.KeyOwner(v.PublishedBy); ok {
		publisher = p.Name + " (" + p.ID + "), key " + publisher
	}
	fmt.Fprintf(out, "roster version %d of %s\n", v.Version, v.Organisation)
	fmt.Fprintf(out, "  published:      %s by %s\n", v.PublishedAt.Format(time.DateTime+" -07:00"), publisher)
	fmt.Fprintf(out, "  event:          %s\n", v.Event)
	fmt.Fprintf(out, "  pinned PMO key: %s\n", pin.Fingerprint)
	if v.Note != "" {
		fmt.Fprintf(out, "  note:           %s\n", v.Note)
	}
	var pmo []string
	for _, id := range v.PMO {
		if p, ok := v.Person(id); ok {
			pmo = append(pmo, p.Name+" ("+id+")")
		}
	}
	fmt.Fprintf(out, "  PMO:            %s\n", strings.Join(pmo, ", "))
	fmt.Fprintf(out, "\npeople (%d):\n", len(v.People))
	for _, p := range v.People {
		unit := p.Department
		if p.SubDepartment != "" {
			unit += " / " + p.SubDepartment
		}
		line := fmt.Sprintf("  %s  %s  %s", p.ID, p.Name, unit)
		if p.Title != "" {
			line += "  " + p.Title
		}
		fmt.Fprintln(out, line)
		if len(p.Roles) > 0 {
			roles := make([]string, len(p.Roles))
			for i, id := range p.Roles {
				roles[i] = id
				if r, ok := tpl.Role(id); ok && r.Name.Zh != "" {
					roles[i] += " (" + r.Name.Zh + ")"
				}
			}
			fmt.Fprintf(out, "      roles: %s\n", strings.Join(roles, ", "))
		}
		for _, k := range p.Keys {
			dates := ""
			if k.From != "" || k.Until != "" {
				dates = fmt.Sprintf("  (%s – %s)", k.From, k.Until)
			}
			fmt.Fprintf(out, "      key:   %s%s\n", keys.FingerprintHex(k.Public), dates)
		}
	}
	if len(v.Systems) > 0 {
		fmt.Fprintf(out, "\nsystems (%d):\n", len(v.Systems))
		name := func(id string) string {
			if p, ok := v.Person(id); ok {
				return p.Name + " (" + id + ")"
			}
			return "-"
		}
		for _, a := range v.Systems {
			unit := a.Department
			if a.SubDepartment != "" {
				unit += " / " + a.SubDepartment
			}
			fmt.Fprintf(out, "  %s  %s  owner %s, dev lead %s, supervisor %s\n", a.System, unit, name(a.Owner), name(a.DevLead), name(a.Supervisor))
		}
	}
	if len(v.Heads) > 0 {
		fmt.Fprintf(out, "\nheads (%d):\n", len(v.Heads))
		for _, h := range v.Heads {
			unit := h.Department
			if h.SubDepartment != "" {
				unit += " / " + h.SubDepartment
			}
			name := h.Person
			if p, ok := v.Person(h.Person); ok {
				name = p.Name + " (" + h.Person + ")"
			}
			fmt.Fprintf(out, "  %s: %s\n", unit, name)
		}
	}
}

func runRosterImport(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("roster import", flag.ContinueOnError)
	fs.SetOutput(out)
	dir := dataFlag(fs, "")
	file, err := fileArg(fs, args, "golive roster import needs the workbook: golive roster import F.xlsx")
	if err != nil {
		return err
	}
	if file == "-" {
		return errors.New("golive roster import reads a file, not stdin")
	}
	b, err := readCapped(file, xlsx.MaxRosterBytes)
	if err != nil {
		return err
	}
	c, err := openData(*dir)
	if err != nil {
		return err
	}
	defer c.Close()
	tpl := c.Template()
	draft, err := xlsx.ReadRoster(bytes.NewReader(b), tpl)
	if err != nil {
		return explainSheet(err, file)
	}
	draft.Organisation = tpl.Organisation.Zh
	d, err := c.Roster.SaveDraft(draft, filepath.Base(file))
	if err != nil {
		return Explain(err)
	}
	keyCount := 0
	for _, p := range d.Roster.People {
		keyCount += len(p.Keys)
	}
	fmt.Fprintf(out, "%s: roster draft saved in %s (not published): %d people, %d keys, %d systems, %d heads, PMO: %s\n",
		file, c.Store.Dir(), len(d.Roster.People), keyCount, len(d.Roster.Systems), len(d.Roster.Heads), strings.Join(d.Roster.PMO, ", "))
	if len(d.Roster.PMO) == 0 {
		fmt.Fprintln(out, "warning: nobody holds the pmo role; the draft cannot be published until someone does")
	}
	fmt.Fprintln(out, "The PMO publishes it with 'golive roster publish'.")
	return nil
}

func runRosterPublish(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("roster publish", flag.ContinueOnError)
	fs.SetOutput(out)
	dir := dataFlag(fs, "")
	prof := fs.String("profile", "", "the PMO's profile id or name (default: the folder's default profile)")
	note := fs.String("note", "", "what changed in this version")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	c, err := openData(*dir)
	if err != nil {
		return err
	}
	defer c.Close()
	d, ok, err := c.Roster.Draft()
	if err != nil {
		return Explain(err)
	}
	if !ok {
		return explained(apperr.New(roster.CodeNoDraft), "this data folder has no roster draft to publish; import one first with 'golive roster import F.xlsx'")
	}
	p, err := pickProfile(c, *prof)
	if err != nil {
		return err
	}
	if err := unlockProfile(c, p); err != nil {
		return err
	}
	draft := d.Roster
	if *note != "" {
		draft.Note = *note
	}
	v, err := c.PublishRoster(draft)
	if err != nil {
		return explainRoster(err)
	}
	fmt.Fprintf(out, "published roster version %d of %s: %d people, signed by %s (%s), key %s\n",
		v.Version, v.Organisation, len(v.People), p.Name, p.ID, keys.FingerprintHex(v.PublishedBy))
	fmt.Fprintf(out, "event %s\n", v.Event)
	if v.Version == 1 {
		fmt.Fprintf(out, "This folder now pins the PMO key %s; other folders must confirm this fingerprint before they accept the roster.\n", keys.FingerprintHex(v.PublishedBy))
	}
	return nil
}

func runRosterExport(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("roster export", flag.ContinueOnError)
	fs.SetOutput(out)
	dir := dataFlag(fs, "")
	file := fs.String("out", "", "the roster file ("+roster.FileExt+") to write (required)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if *file == "" {
		return fmt.Errorf("--out is required: the roster file (%s) to write", roster.FileExt)
	}
	c, err := openDataReadOnly(*dir)
	if err != nil {
		return err
	}
	defer c.Close()
	b, n, err := c.Roster.Export()
	if apperr.HasCode(err, roster.CodeNone) {
		return explained(err, "no roster has been published in %s yet: nothing to export", c.Store.Dir())
	}
	if err != nil {
		return explainRoster(err)
	}
	if err := writeFile(*file, b); err != nil {
		return err
	}
	pin, _, err := c.Roster.Pinned()
	if err != nil {
		return Explain(err)
	}
	fmt.Fprintf(out, "%s: %d roster versions, rooted in the PMO key %s\n", *file, n, pin.Fingerprint)
	fmt.Fprintln(out, "Send the file to the other folders; before they accept it they compare this fingerprint with the PMO.")
	return nil
}

func runRosterAccept(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("roster accept", flag.ContinueOnError)
	fs.SetOutput(out)
	dir := dataFlag(fs, "")
	confirmed := fs.String("fingerprint", "", "the PMO key's fingerprint, as you compared it with the PMO (needed the first time only)")
	file, err := fileArg(fs, args, "golive roster accept needs the roster file: golive roster accept F"+roster.FileExt)
	if err != nil {
		return err
	}
	if file == "-" {
		return errors.New("golive roster accept reads a file, not stdin")
	}
	b, err := readCapped(file, roster.MaxFileBytes)
	if err != nil {
		return err
	}
	f, err := roster.ParseFile(b)
	if err != nil {
		return explainRosterFile(err, file)
	}
	c, err := openData(*dir)
	if err != nil {
		return err
	}
	defer c.Close()
	p, err := c.Roster.Preview(f)
	if err != nil {
		return explainRosterFile(err, file)
	}
	fmt.Fprintf(out, "%s: roster of %s, %d versions (latest: version %d, %d people), %d new to this folder\n",
		file, p.Organisation, p.Versions, p.Latest, p.People, p.New)
	fmt.Fprintf(out, "  first version signed by: %s (%s)\n  PMO key fingerprint:     %s\n", p.RootName, p.RootID, p.Fingerprint)
	res, err := c.Roster.Accept(f, *confirmed)
	if apperr.HasCode(err, roster.CodeNotPinned) {
		return explained(err, "this folder trusts no PMO key yet: compare the fingerprint %s with the PMO in person or by phone, "+
			"then repeat with --fingerprint \"%s\"", p.Fingerprint, p.Fingerprint)
	}
	if err != nil {
		return explainRosterFile(err, file)
	}
	fmt.Fprintf(out, "accepted: %d versions added, %d in the chain; version %d is in force\n", res.Added, res.Versions, p.Latest)
	return nil
}

// explainRosterFile words a refused roster file.
func explainRosterFile(err error, file string) error {
	var e *apperr.Error
	if !errors.As(err, &e) {
		return err
	}
	p := e.Params
	switch e.Code {
	case roster.CodeFileTooLarge:
		return explained(err, "%s is larger than %s bytes: not a roster file", file, p["max"])
	case roster.CodeFileFormat:
		return explained(err, "%s is not a roster file (format %q, want %q)", file, p["format"], roster.FileFormat)
	case roster.CodeFileMalformed:
		if p["event"] != "" {
			return explained(err, "%s: version %s of the file is damaged or was altered (%s)", file, p["event"], p["code"])
		}
		return explained(err, "%s is not a readable roster file", file)
	case roster.CodeFileEmpty:
		return explained(err, "%s holds no roster version", file)
	case roster.CodeFileRoots:
		return explained(err, "%s does not hold one first version to start the chain from", file)
	case roster.CodeFingerprintMismatch:
		return explained(err, "the fingerprint you gave (%s) is not that of the file's PMO key (%s): do not accept the file until you have checked it with the PMO", p["confirmed"], p["fingerprint"])
	case roster.CodeForeignRoot:
		return explained(err, "this folder trusts the PMO key %s; the file is rooted in another key (%s) and was refused", p["pinned"], p["fingerprint"])
	case roster.CodeNotPMO:
		return explained(err, "%s: version %s is signed by the key %s, which the version before does not name as PMO; the file was refused", file, p["version"], p["fingerprint"])
	}
	return explainRoster(err)
}

// explainSheet words a refused roster workbook.
func explainSheet(err error, file string) error {
	var e *apperr.Error
	if !errors.As(err, &e) {
		return err
	}
	p := e.Params
	cell := fmt.Sprintf("sheet %q, row %s, column %s (%s)", p["sheet"], p["row"], p["column"], p["header"])
	switch e.Code {
	case xlsx.CodeRosterUnreadable:
		return explained(err, "%s is not an Excel workbook (.xlsx) that can be read", file)
	case xlsx.CodeRosterTooLarge:
		if p["sheet"] == "" {
			return explained(err, "%s is larger than %s: not a roster workbook", file, p["max"])
		}
		return explained(err, "%s: sheet %q has more than %s rows", file, p["sheet"], p["max"])
	case xlsx.CodeRosterNoColumn:
		return explained(err, "%s: sheet %q has no column %s (row 1 holds the headers; run 'golive help' for the layout)", file, p["sheet"], p["column"])
	case xlsx.CodeRosterEmptyCell:
		return explained(err, "%s: %s is empty but required", file, cell)
	case xlsx.CodeRosterLongCell:
		return explained(err, "%s: %s is too long or holds control characters", file, cell)
	case xlsx.CodeRosterUnknownRole:
		return explained(err, "%s: %s names the role %q, which the process template does not have", file, cell, p["value"])
	case xlsx.CodeRosterScopedRole:
		return explained(err, "%s: %s grants %q outright, but that role is held per system or unit (systems and heads sheets)", file, cell, p["value"])
	case xlsx.CodeRosterBadKey:
		return explained(err, "%s: %s holds %q, which is not a public key (64 hex digits)", file, cell, p["value"])
	case xlsx.CodeRosterUnknownPerson:
		return explained(err, "%s: %s names %q, who is not in the people sheet", file, cell, p["value"])
	case xlsx.CodeRosterDuplicate:
		return explained(err, "%s: %s repeats %q", file, cell, p["value"])
	}
	return Explain(err)
}

// explainRoster words the roster codes of show and publish.
func explainRoster(err error) error {
	var e *apperr.Error
	if !errors.As(err, &e) {
		return err
	}
	p := e.Params
	switch e.Code {
	case roster.CodeNotPMO:
		return explained(err, "the key %s may not publish roster version %s: only a PMO the roster names (for version 1: a person of the draft holding the pmo role, with this key) signs it", p["fingerprint"], p["version"])
	case roster.CodeForeignRoot:
		return explained(err, "this folder pins the PMO key %s; the key %s cannot publish its first roster", p["pinned"], p["fingerprint"])
	case roster.CodeNoPMO:
		return explained(err, "the draft names no PMO with a key: give someone the pmo role and a public key")
	case roster.CodeCutoffMissing:
		return explained(err, "person %s loses authority (%s) in this version, and the draft names no cutoff for him", p["person"], p["lost"])
	case roster.CodeChainCorrupt:
		return explained(err, "the roster stored in this folder is damaged (%s)", p["code"])
	}
	return Explain(err)
}
