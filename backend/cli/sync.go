package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"sync"

	"golive/backend/apperr"
	"golive/backend/syncdir"
)

func init() {
	register("sync", "golive sync --folder DIR [--once] [--profile ID] [--data D]\n"+
		"      keep the data folder in step with a shared sync folder (an SMB share, a OneDrive, Nextcloud or Syncthing folder):\n"+
		"      publish this folder's new events there and read everyone else's; with --once, sync once and exit (non-zero when\n"+
		"      a file failed its checks), else keep watching until Ctrl-C. A data folder without a profile syncs read-only (a replica)", runSync)
}

func runSync(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("sync", flag.ContinueOnError)
	fs.SetOutput(out)
	dir := dataFlag(fs, "")
	folder := fs.String("folder", "", "the shared sync folder (required)")
	once := fs.Bool("once", false, "publish and read once, then exit")
	prof := fs.String("profile", "", "the profile that signs what is published (default: the folder's default profile)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	switch {
	case fs.NArg() > 0:
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	case *folder == "":
		return errors.New("golive sync needs --folder DIR")
	}
	c, err := openData(*dir)
	if err != nil {
		return err
	}
	defer c.Close()
	list, err := c.Profiles.List()
	if err != nil {
		return Explain(err)
	}
	if len(list) == 0 {
		fmt.Fprintln(out, "this data folder has no profile: it syncs read-only (a replica), reading what the others publish")
	} else {
		p, err := pickProfile(c, *prof)
		if err != nil {
			return err
		}
		if err := unlockProfile(c, p); err != nil {
			return err
		}
	}
	f, err := syncdir.Open(c, *folder)
	if err != nil {
		return explainSync(err)
	}
	if *once {
		res, err := f.Sync(context.Background())
		if err != nil {
			return explainSync(err)
		}
		printSync(out, res)
		if len(res.Failed) > 0 {
			return fmt.Errorf("%d files of the sync folder failed their checks (listed above); they were not applied", len(res.Failed))
		}
		return nil
	}
	ctx, stop := interruptible()
	defer stop()
	fmt.Fprintf(out, "watching %s (Ctrl-C to stop)\n", f.Dir())
	var mu sync.Mutex
	f.Watch(ctx, func(res syncdir.Result, err error) {
		mu.Lock()
		defer mu.Unlock()
		if err != nil {
			fmt.Fprintf(out, "%s: %v\n", res.At.Format("15:04:05"), explainSync(err))
			return
		}
		if res.Published > 0 || res.Read > 0 || len(res.Failed) > 0 || res.Compacted > 0 {
			printSync(out, res)
		}
	})
	return nil
}

// printSync prints what a sync did.
func printSync(out io.Writer, res syncdir.Result) {
	at := res.At.Format("2006-01-02 15:04:05")
	switch {
	case res.Published > 0:
		fmt.Fprintf(out, "%s published %d events in pack %s\n", at, res.Published, res.PackWritten)
	case res.ReadOnly:
		fmt.Fprintf(out, "%s read-only: nothing published (no unlocked profile, or no roster yet)\n", at)
	default:
		fmt.Fprintf(out, "%s nothing new to publish\n", at)
	}
	if res.Compacted > 0 {
		fmt.Fprintf(out, "  compacted this writer's packs: %d older packs replaced by %s\n", res.Compacted, res.PackWritten)
	}
	fmt.Fprintf(out, "read %d packs\n", res.Read)
	for _, rep := range res.Imported {
		printImport(out, rep)
	}
	if res.Skipped > 0 {
		fmt.Fprintf(out, "%d packs are not completely copied yet; they are read at a later sync\n", res.Skipped)
	}
	for _, p := range res.Failed {
		fmt.Fprintf(out, "FAILED %s: %s\n", p.Name, problemWords(p))
	}
	if res.Waiting > 0 {
		fmt.Fprintf(out, "%d events wait for earlier events that have not arrived yet\n", res.Waiting)
	}
	if res.Unpublished > 0 {
		fmt.Fprintf(out, "%d events of this folder are not in the sync folder yet\n", res.Unpublished)
	}
	fmt.Fprintf(out, "%d files in the sync folder\n", res.Files)
}

// problemWords says why a file failed its checks.
func problemWords(p syncdir.FileProblem) string {
	if p.Code == syncdir.CodeIncomplete {
		return "its bytes do not match its name: it is damaged, or its copy never completed (not applied; checked again at every sync)"
	}
	if p.Code == syncdir.CodeNotPack {
		return "it is an exchange file made for people, not a sync pack (not applied)"
	}
	err := explainExchange(apperr.New(p.Code, flatten(p.Params)...))
	msg := err.Error()
	if strings.HasPrefix(msg, p.Code) {
		return msg + " (not applied)"
	}
	return msg + " [" + p.Code + "]"
}

// flatten turns params into key, value pairs.
func flatten(m map[string]string) []string {
	var kv []string
	for k, v := range m {
		kv = append(kv, k, v)
	}
	return kv
}

// explainSync turns the codes of a sync into sentences.
func explainSync(err error) error {
	var e *apperr.Error
	if !errors.As(err, &e) {
		return err
	}
	switch e.Code {
	case syncdir.CodeInsideData:
		return explained(err, "the sync folder %s and the data folder %s must be apart: neither may lie inside the other (a file-sync tool would damage the data folder)", e.Params["folder"], e.Params["data"])
	case syncdir.CodeNotFound:
		return explained(err, "the sync folder %s does not exist or is not a folder (is the share connected?)", e.Params["folder"])
	case syncdir.CodeIO:
		return explained(err, "the sync folder could not be read or written at %s (is the share connected?)", e.Params["path"])
	}
	return explainExchange(err)
}
