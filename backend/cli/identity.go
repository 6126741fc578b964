package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"golive/backend/apperr"
	"golive/backend/core"
	"golive/backend/identity"
	"golive/backend/people"
	"golive/backend/profile"
)

// identityCommands holds the subcommands of 'golive identity'.
var identityCommands = map[string]command{}

func init() {
	register("identity", "golive identity export --out F"+identity.FileExt+" [--sub-department S] [--title T] [--profile ID] [--data DIR]\n"+
		"      write the profile's signed identity card (身份卡) for the PMO, and print it as a text block to paste\n"+
		"  golive identity show F|-            verify an identity card (file or pasted block; - reads stdin) and print it\n"+
		"  golive identity import F|- [--data DIR]\n"+
		"      store a colleague's verified identity card, so his key is named (as self-declared) where the roster does not name it\n"+
		"  golive identity backup --out F"+profile.BackupExt+" [--profile ID] [--data DIR]\n"+
		"      write the profile's key, sealed with its passphrase, to move it to another computer or keep it safe\n"+
		"  golive identity restore F"+profile.BackupExt+" [--data DIR]  add the profile of a key backup to this data folder", runIdentity)
	identityCommands["export"] = command{run: runIdentityExport}
	identityCommands["show"] = command{run: runIdentityShow}
	identityCommands["import"] = command{run: runIdentityImport}
	identityCommands["backup"] = command{run: runIdentityBackup}
	identityCommands["restore"] = command{run: runIdentityRestore}
}

// stdin is where 'golive identity show -' reads; tests replace it.
var stdin io.Reader = os.Stdin

func runIdentity(args []string, out io.Writer) error {
	return runSubcommand("identity", identityCommands, args, out)
}

// identityFlags are the flags of export and backup.
type identityFlags struct {
	fs      *flag.FlagSet
	dir     *string
	out     *string
	profile *string
}

func newIdentityFlags(name, what string, out io.Writer) identityFlags {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(out)
	return identityFlags{fs: fs,
		dir:     dataFlag(fs, ""),
		out:     fs.String("out", "", "the "+what+" file to write (required)"),
		profile: fs.String("profile", "", "the profile's id or name (default: the folder's default profile)"),
	}
}

func (f identityFlags) parse(args []string, what string) error {
	if err := f.fs.Parse(args); err != nil {
		return err
	}
	if f.fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", f.fs.Arg(0))
	}
	if *f.out == "" {
		return fmt.Errorf("--out is required: the %s file to write", what)
	}
	return nil
}

// fileArg splits args into the one file argument (before or after the
// flags) and the flags.
func fileArg(fs *flag.FlagSet, args []string, usage string) (string, error) {
	var file string
	if len(args) > 0 && (args[0] == "-" || !strings.HasPrefix(args[0], "-")) {
		file, args = args[0], args[1:]
	}
	if err := fs.Parse(args); err != nil {
		return "", err
	}
	if file == "" && fs.NArg() > 0 {
		file = fs.Arg(0)
	} else if fs.NArg() > 0 {
		return "", fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if file == "" {
		return "", errors.New(usage)
	}
	return file, nil
}

// readCapped reads at most max+1 bytes of file ("-" is stdin), so that an
// oversized input is refused by its parser without being read whole.
func readCapped(file string, max int64) ([]byte, error) {
	r := stdin
	if file != "-" {
		f, err := os.Open(file)
		if err != nil {
			return nil, fmt.Errorf("cannot read %s: %w", file, err)
		}
		defer f.Close()
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", file, err)
	}
	return b, nil
}

// unlockProfile unlocks profile p with its passphrase.
func unlockProfile(c *core.Core, p profile.Summary) error {
	pass, err := passphraseFor(p)
	if err != nil {
		return err
	}
	_, err = c.Profiles.Unlock(p.ID, pass)
	if apperr.HasCode(err, "keys.wrong_passphrase") {
		return explained(err, "wrong passphrase for profile %s (%s)", p.Name, p.ID)
	}
	if err != nil {
		return Explain(err)
	}
	return nil
}

// open opens the data folder of the flags and picks the profile they name
// (the folder's default when none); the caller closes the folder.
func (f identityFlags) open() (*core.Core, profile.Summary, error) {
	c, err := openData(*f.dir)
	if err != nil {
		return nil, profile.Summary{}, err
	}
	p, err := pickProfile(c, *f.profile)
	if err != nil {
		c.Close()
		return nil, profile.Summary{}, err
	}
	return c, p, nil
}

func runIdentityExport(args []string, out io.Writer) error {
	f := newIdentityFlags("identity export", "identity card ("+identity.FileExt+")", out)
	sub := f.fs.String("sub-department", "", "your sub-department (科室/组), if any")
	title := f.fs.String("title", "", "your job title, if any")
	if err := f.parse(args, "identity card ("+identity.FileExt+")"); err != nil {
		return err
	}
	c, p, err := f.open()
	if err != nil {
		return err
	}
	defer c.Close()
	if err := unlockProfile(c, p); err != nil {
		return err
	}
	sum, key, err := c.Profiles.Signer()
	if err != nil {
		return Explain(err)
	}
	card, err := identity.Make(identity.Person{Name: sum.Name, Department: sum.Department, SubDepartment: *sub, Title: *title},
		key, c.Now().In(c.Zone))
	if err != nil {
		return explainCard(err)
	}
	if err := writeFile(*f.out, card.File()); err != nil {
		return err
	}
	fmt.Fprintf(out, "%s: identity card of %s (%s), fingerprint %s\n", *f.out, card.Name, card.Department, card.Fingerprint)
	fmt.Fprintf(out, "Send the file to the PMO, or paste this block:\n\n%s", card.Text())
	fmt.Fprintln(out, "\nThe PMO should compare the fingerprint with you by voice or in person before adding your key to the roster.")
	return nil
}

func runIdentityShow(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("identity show", flag.ContinueOnError)
	fs.SetOutput(out)
	file, err := fileArg(fs, args, "golive identity show needs the card: golive identity show F"+identity.FileExt+" (or - to read a pasted block from stdin)")
	if err != nil {
		return err
	}
	b, err := readCapped(file, identity.MaxSize)
	if err != nil {
		return err
	}
	card, err := identity.Parse(b)
	if err != nil {
		fmt.Fprintf(out, "%s: NOT VALID\n  problem:        %s\n", file, apperr.Code(err))
		return explained(err, "%s is not a valid identity card: %s", file, cardReason(err))
	}
	fmt.Fprintf(out, "%s: VALID identity card (signed by its own key)\n", file)
	rows := [][2]string{
		{"name", card.Name}, {"department", card.Department}, {"sub-department", card.SubDepartment}, {"title", card.Title},
		{"public key", card.PublicKey}, {"fingerprint", card.Fingerprint},
		{"created", card.CreatedAt.Format(time.DateTime+" -07:00") + " (" + card.Zone + ")"},
	}
	for _, r := range rows {
		if r[1] != "" {
			fmt.Fprintf(out, "  %-15s %s\n", r[0]+":", r[1])
		}
	}
	fmt.Fprintln(out, "The signature shows the card was made with this key, not who made it: compare the fingerprint with its owner.")
	return nil
}

func runIdentityImport(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("identity import", flag.ContinueOnError)
	fs.SetOutput(out)
	dir := dataFlag(fs, "the data folder to store the card in")
	file, err := fileArg(fs, args, "golive identity import needs the card: golive identity import F"+identity.FileExt+" (or - to read a pasted block from stdin)")
	if err != nil {
		return err
	}
	b, err := readCapped(file, identity.MaxSize)
	if err != nil {
		return err
	}
	// Refuse a bad card before opening the folder: nothing is written.
	if _, err := identity.Parse(b); err != nil {
		fmt.Fprintf(out, "%s: NOT VALID\n  problem:        %s\n", file, apperr.Code(err))
		return explained(err, "%s is not a valid identity card: %s", file, cardReason(err))
	}
	c, err := openData(*dir)
	if err != nil {
		return err
	}
	defer c.Close()
	card, err := c.ImportCard(b)
	if err != nil {
		return Explain(err)
	}
	fmt.Fprintf(out, "stored the identity card of %s (%s), fingerprint %s, in %s\n", card.Name, card.Department, card.Fingerprint, c.Store.Dir())
	if dir, err := c.People(); err == nil {
		if e, ok := dir.Lookup(card.PublicKey); ok && e.Source == people.SourceRoster {
			fmt.Fprintf(out, "The roster lists this key for %s (%s): the roster's name is the one shown.\n", e.Name, e.Person)
			return nil
		}
	}
	fmt.Fprintln(out, "The name is self-declared: the card proves who holds the key, not who the person is. Compare the fingerprint with its owner before adding the key to the roster.")
	return nil
}

func runIdentityBackup(args []string, out io.Writer) error {
	f := newIdentityFlags("identity backup", "key backup ("+profile.BackupExt+")", out)
	if err := f.parse(args, "key backup ("+profile.BackupExt+")"); err != nil {
		return err
	}
	c, p, err := f.open()
	if err != nil {
		return err
	}
	defer c.Close()
	pass, err := passphraseFor(p)
	if err != nil {
		return err
	}
	data, err := c.Profiles.Export(p.ID, pass)
	if apperr.HasCode(err, "keys.wrong_passphrase") {
		return explained(err, "wrong passphrase for profile %s (%s)", p.Name, p.ID)
	}
	if err != nil {
		return Explain(err)
	}
	if err := writeFile(*f.out, data); err != nil {
		return err
	}
	fmt.Fprintf(out, "%s: key backup of %s (%s), fingerprint %s, sealed with the profile's passphrase\n", *f.out, p.Name, p.ID, p.Fingerprint)
	fmt.Fprintln(out, "Keep it private: with the passphrase it signs as you. Restore it with 'golive identity restore'.")
	return nil
}

func runIdentityRestore(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("identity restore", flag.ContinueOnError)
	fs.SetOutput(out)
	dir := dataFlag(fs, "the data folder to add the profile to")
	file, err := fileArg(fs, args, "golive identity restore needs the key backup: golive identity restore F"+profile.BackupExt)
	if err != nil {
		return err
	}
	if file == "-" {
		return errors.New("golive identity restore reads a file, not stdin: the passphrase may be asked there")
	}
	data, err := readCapped(file, profile.MaxBackupSize)
	if err != nil {
		return err
	}
	// Refuse a damaged file before asking for a passphrase.
	if _, err := profile.ParseBackup(data); err != nil {
		return explainBackup(err, file)
	}
	c, err := openData(*dir)
	if err != nil {
		return err
	}
	defer c.Close()
	pass, err := askPassphrase("the key backup " + file)
	if err != nil {
		return err
	}
	sum, err := c.Profiles.Import(data, pass)
	if err != nil {
		return explainBackup(err, file)
	}
	def := ""
	if sum.Default {
		def = ", the folder's default profile"
	}
	fmt.Fprintf(out, "restored profile %s (%s), fingerprint %s, into %s%s\n", sum.Name, sum.ID, sum.Fingerprint, c.Store.Dir(), def)
	return nil
}

// explainBackup words the codes of a refused key backup.
func explainBackup(err error, file string) error {
	var e *apperr.Error
	if !errors.As(err, &e) {
		return err
	}
	switch e.Code {
	case "keys.wrong_passphrase":
		return explained(err, "wrong passphrase for the key backup %s", file)
	case "profile.exists":
		return explained(err, "this data folder already holds that key: profile %s (%s)", e.Params["name"], e.Params["id"])
	case "profile.backup_too_large":
		return explained(err, "%s is larger than %s bytes: not a key backup", file, e.Params["max"])
	case "profile.bad_backup":
		reasons := map[string]string{
			"signature":     "its signature does not verify (the file was changed or damaged)",
			"truncated":     "it stops early (the file was cut short)",
			"unknown_field": "it has a field a key backup does not have",
			"format":        "it is not a GoLive key backup of a format this version reads",
		}
		reason, ok := reasons[e.Params["problem"]]
		if !ok {
			reason = "it is not a well-formed key backup"
		}
		return explained(err, "%s cannot be restored: %s", file, reason)
	case "keys.kdf_out_of_range":
		return explained(err, "%s cannot be restored: its key-derivation setting %s = %s is out of bounds (damaged or tampered)", file, e.Params["setting"], e.Params["value"])
	case "profile.unknown_role":
		return explained(err, "%s names the role %q, which this folder's process template does not have", file, e.Params["role"])
	}
	return Explain(err)
}

// cardReason words why a card does not verify.
func cardReason(err error) string {
	var e *apperr.Error
	if !errors.As(err, &e) {
		return err.Error()
	}
	switch e.Code {
	case "identity.too_large":
		return fmt.Sprintf("it is larger than %s bytes", e.Params["max"])
	case "identity.truncated":
		return "it stops early (cut short when copied?)"
	case "identity.malformed":
		return "it is not an identity card"
	case "identity.unknown_field":
		return fmt.Sprintf("it has a field %q an identity card does not have", e.Params["field"])
	case "identity.bad_format":
		return fmt.Sprintf("its format %q is not one this version reads", e.Params["value"])
	case "identity.missing_field":
		return fmt.Sprintf("its %s is missing", e.Params["field"])
	case "identity.field_too_long":
		return fmt.Sprintf("its %s is longer than %s characters", e.Params["field"], e.Params["max"])
	case "identity.bad_text":
		return fmt.Sprintf("its %s holds control or invisible characters", e.Params["field"])
	case "identity.bad_public_key":
		return "its public key is not an Ed25519 key"
	case "identity.fingerprint_mismatch":
		return "its fingerprint is not that of its public key"
	case "identity.bad_time":
		return fmt.Sprintf("its time or zone is not valid (%s)", e.Params["value"])
	case "identity.bad_signature":
		return "its signature does not verify (it was changed after it was signed)"
	}
	return strings.TrimSpace(e.Error())
}

// explainCard words a card Make refused.
func explainCard(err error) error {
	if strings.HasPrefix(apperr.Code(err), "identity.") {
		return explained(err, "cannot make the identity card: %s", cardReason(err))
	}
	return Explain(err)
}
