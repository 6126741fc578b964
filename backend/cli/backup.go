package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"golive/backend/apperr"
	"golive/backend/backup"
	"golive/backend/core"
	"golive/backend/dossier"
	"golive/backend/printable"
	"golive/backend/workflow"
)

func init() {
	register("backup", "golive backup --out F.zip [--data DIR]  write one file holding the whole data folder (also while the app has it open)", runBackup)
	// Registered as a command that reads: a restore refused leaves no log
	// line in the folder it was given.
	register("restore", "golive restore F.zip --data DIR   rebuild a data folder from a backup, into a new or empty folder", runRestore)
	registerExport("archive", "golive export archive --dossier ID --out F.zip [--lang zh|en] [--profile ID] [--data DIR]\n"+
		"      the archived dossier as one verifiable package for the records office (events, attachments, signed PDFs, roster, README); check it with golive verify F.zip", runExportArchive)
}

// interruptible returns a context cancelled by Ctrl-C or SIGTERM, so that a
// backup or restore stopped that way still removes its temporary files.
func interruptible() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

func runBackup(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	fs.SetOutput(out)
	dir := dataFlag(fs, "the data folder to back up")
	file := fs.String("out", "", "the backup file to write (required), e.g. golive-backup-2026-12-01.zip")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if *file == "" {
		return errors.New("--out is required: the backup file to write, e.g. --out golive-backup.zip")
	}
	if *dir == "" {
		*dir = core.DefaultDataDir()
	}
	ctx, stop := interruptible()
	defer stop()
	// The folder is only read: read-only, or through a copy of its
	// database files when the app holds it.
	f, err := backup.OpenFolder(*dir, "", nil)
	if err != nil {
		return explainFolderBackup(err)
	}
	defer f.Close()
	res, err := backup.Write(ctx, f.Source, *file, backup.Options{Zone: dossier.DefaultZone(), AppVersion: core.Version})
	if err != nil {
		return explainFolderBackup(err)
	}
	fmt.Fprintf(out, "%s: backup of %s, %d events, %d records, %d attachment files, %d bytes\n", res.Path, f.DataDir, res.Counts.Events, res.Counts.Records, res.Counts.Blobs, res.Bytes)
	if f.HotCopy {
		fmt.Fprintln(out, "The folder was open in GoLive (or not closed cleanly): its database was copied first, as it stood at one moment.")
	}
	fmt.Fprintln(out, "This command writes nothing into the data folder, so the app's backup reminder does not count it; restore with 'golive restore FILE --data NEW-FOLDER'.")
	return nil
}

func runRestore(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("restore", flag.ContinueOnError)
	fs.SetOutput(out)
	dir := fs.String("data", "", "the folder to rebuild (required; new, or empty)")
	file, err := fileArg(fs, args, "golive restore needs the backup file: golive restore F.zip --data DIR")
	if err != nil {
		return err
	}
	if *dir == "" {
		return errors.New("golive restore needs --data DIR: a new or empty folder to rebuild the data folder in")
	}
	ctx, stop := interruptible()
	defer stop()
	res, err := backup.Restore(ctx, file, *dir, backup.Options{})
	if err != nil {
		return explainFolderBackup(err)
	}
	fmt.Fprintf(out, "restored %s (made %s from %s) into %s: %d events, %d records, %d attachment files; %d dossiers checked\n",
		file, res.Created.Format(time.DateTime+" -07:00"), res.Source, res.Dir, res.Counts.Events, res.Counts.Records, res.Counts.Blobs, res.Dossiers)
	fmt.Fprintf(out, "Open it with: golive --data %s\n", quoteArg(res.Dir))
	return nil
}

func runExportArchive(args []string, out io.Writer) error {
	f := newDocFlags("export archive", out)
	id := f.fs.String("dossier", "", "the archived dossier's number")
	if err := f.parse(args); err != nil {
		return err
	}
	if err := f.needOut(".zip"); err != nil {
		return err
	}
	if *id == "" {
		return errors.New("--dossier is required: the number of an archived dossier")
	}
	if _, err := printable.ParseLang(*f.lang); err != nil {
		return explainDoc(err)
	}
	c, err := openData(*f.dir)
	if err != nil {
		return err
	}
	defer c.Close()
	// Refuse a dossier that is not archived before asking for a passphrase.
	v, err := c.Dossiers.Get(*id)
	if err != nil {
		return explainDoc(err)
	}
	if v.State.Flow == nil || v.State.Flow.Phase != workflow.PhaseArchived {
		phase := ""
		if v.State.Flow != nil {
			phase = v.State.Flow.Phase
		}
		return explainFolderBackup(apperr.New("backup.not_archived", "dossier", v.State.ID, "phase", phase))
	}
	signer, err := openSigner(c, *f.profile)
	if err != nil {
		return err
	}
	ctx, stop := interruptible()
	defer stop()
	res, err := backup.ExportDossier(ctx, c, signer, backup.ArchiveRequest{Dossier: *id, Lang: *f.lang}, *f.out,
		backup.Options{Now: c.Now, Zone: c.Zone, AppVersion: core.Version})
	if err != nil {
		return explainFolderBackup(err)
	}
	fmt.Fprintf(out, "%s: archive of %s %s, %d events, %d attachment files, %d signed PDFs (%s), signed by %s\n",
		res.Path, res.Dossier, res.Title, res.Counts.Events, res.Counts.Blobs, res.Counts.Documents, strings.Join(res.Documents, ", "), signer.Profile.Name)
	fmt.Fprintf(out, "Check it offline with: golive verify %s\n", quoteArg(res.Path))
	return nil
}

// isZip reports whether file starts like a zip (a dossier archive), not a
// PDF.
func isZip(file string) bool {
	f, err := os.Open(file)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 4)
	_, err = io.ReadFull(f, head)
	return err == nil && bytes.Equal(head, []byte("PK\x03\x04"))
}

// runVerifyArchive checks a dossier archive offline (golive verify F.zip):
// no data folder is read.
func runVerifyArchive(file, fingerprint string, asJSON bool, out io.Writer) error {
	rep, err := backup.VerifyArchive(context.Background(), file, fingerprint)
	if err != nil {
		fmt.Fprintf(out, "%s: FAILED\n  problem:   %s\n", file, apperr.Code(err))
		return explainFolderBackup(err)
	}
	if asJSON {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		_ = enc.Encode(rep)
	} else {
		printArchiveReport(out, file, fingerprint, rep)
	}
	if !rep.OK {
		return fmt.Errorf("the archive %s does not check: %s", file, rep.Problems[0].Message)
	}
	return nil
}

func printArchiveReport(out io.Writer, file, fingerprint string, r backup.ArchiveReport) {
	status := "OK"
	if !r.OK {
		status = "FAILED"
	}
	fmt.Fprintf(out, "%s: %s\n", file, status)
	fmt.Fprintf(out, "  dossier:      %s %s (%s)\n", r.Dossier, r.Title, r.Phase)
	fmt.Fprintf(out, "  events:       %d, every signature valid; roster events: %d\n", r.Events, r.RosterEvents)
	fmt.Fprintf(out, "  attachments:  %d files, each matching its SHA-256\n", r.Attachments)
	for _, d := range r.Documents {
		fmt.Fprintf(out, "  document:     %-32s %s, signed by %s (%s)\n", d.Name, strings.ToUpper(d.Report.Status), d.Report.Signature.Signer, d.Report.Signature.Fingerprint)
	}
	fmt.Fprintf(out, "  roster root:  %s\n", r.RosterRoot)
	if fingerprint == "" {
		fmt.Fprintln(out, "  note:         compare the roster root's fingerprint with the one the PMO publishes (or pass it with --fingerprint)")
	}
	for _, p := range r.Problems {
		fmt.Fprintf(out, "  problem:      %s: %s\n", p.Code, p.Message)
	}
}

// quoteArg quotes a path for the shell when it has spaces.
func quoteArg(s string) string {
	if strings.ContainsAny(s, " \t'\"") {
		return fmt.Sprintf("%q", s)
	}
	return s
}

// explainFolderBackup words the codes of backups, restores and archives.
func explainFolderBackup(err error) error {
	var e *apperr.Error
	if !errors.As(err, &e) {
		return err
	}
	p := e.Params
	switch e.Code {
	case "backup.out_inside_folder":
		return explained(err, "%s is inside the data folder %s: write the backup somewhere else (another disk is best)", p["out"], p["dir"])
	case "backup.target_not_empty":
		return explained(err, "%s is not empty: restore into a new or empty folder; nothing was changed", p["dir"])
	case "backup.target_not_folder":
		return explained(err, "%s is a file, not a folder; nothing was changed", p["dir"])
	case "backup.target_parent_missing":
		return explained(err, "the folder that should hold %s does not exist; create it first", p["dir"])
	case "backup.not_a_backup":
		return explained(err, "%s is not a GoLive backup; nothing was changed", p["path"])
	case "backup.truncated":
		return explained(err, "%s is cut short (an interrupted copy?); nothing was changed", p["path"])
	case "backup.unreadable":
		return explained(err, "cannot read %s: %s", p["path"], e.Detail)
	case "backup.unknown_format":
		return explained(err, "this file is a %q, not a %q; nothing was changed", p["format"], p["want"])
	case "backup.unknown_version":
		return explained(err, "this file is format version %s, which this GoLive (%s) does not read (it reads version %s): use a newer GoLive", p["version"], core.Version, p["want"])
	case "backup.hash_mismatch", "backup.size_mismatch", "backup.entry_too_large", "backup.entry_corrupt":
		return explained(err, "the file's entry %s does not match its manifest (%s): the file was damaged or changed; nothing was changed", p["name"], e.Code)
	case "backup.bad_event":
		return explained(err, "event %s (line %s of %s) does not verify (%s): the file was changed after it was made; nothing was changed", p["event"], p["line"], p["name"], p["code"])
	case "backup.not_archived":
		return explained(err, "dossier %s is not archived yet (phase %q): only an archived dossier is packaged for the records office", p["dossier"], p["phase"])
	case "backup.check_failed":
		return explained(err, "the restored folder did not pass its check (%s%s); nothing was changed", p["code"], ifSet(", dossier ", p["dossier"]))
	case "backup.copy_unstable":
		return explained(err, "the database files of %s kept changing while they were copied (%s attempts); try again when the app is idle", p["dir"], p["attempts"])
	case "backup.blob_corrupt":
		return explained(err, "attachment %s no longer matches its SHA-256: the folder is damaged; run 'golive check'", p["sha256"])
	case "backup.cancelled":
		return explained(err, "stopped; no file was left behind")
	}
	if strings.HasPrefix(e.Code, "backup.") {
		return explained(err, "%s; nothing was changed", strings.TrimSpace(e.Error()))
	}
	return Explain(err)
}

func ifSet(prefix, v string) string {
	if v == "" {
		return ""
	}
	return prefix + v
}
