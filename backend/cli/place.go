package cli

import (
	"fmt"
	"io"
	"os"

	"golive/backend/fsplace"
)

// stderr receives the warnings a command prints beside its output.
var stderr io.Writer = os.Stderr

// syncToolNames names each fsplace kind of sync tool, with its article.
var syncToolNames = map[string]string{
	fsplace.KindOneDrive:    "a OneDrive",
	fsplace.KindSyncthing:   "a Syncthing",
	fsplace.KindNextcloud:   "a Nextcloud",
	fsplace.KindDropbox:     "a Dropbox",
	fsplace.KindGoogleDrive: "a Google Drive",
	fsplace.KindICloud:      "an iCloud Drive",
}

// warnPlace prints one line to stderr when the data folder dir lies in a
// sync tool's folder or on a network drive, which can damage it.
func warnPlace(dir string) {
	p := fsplace.Classify(dir)
	if !fsplace.Synced(p) {
		return
	}
	const advice = "keep it on a local disk and use 'golive sync --folder' to share work"
	if p.Kind == fsplace.KindNetwork {
		fmt.Fprintf(stderr, "warning: the data folder %s lies on a network drive (%s, %s); network drives can damage it: %s\n", dir, p.Root, p.Detail, advice)
		return
	}
	name, ok := syncToolNames[p.Kind]
	if !ok {
		name = "a " + p.Kind
	}
	fmt.Fprintf(stderr, "warning: the data folder %s lies in %s folder (%s); sync tools can damage it: %s\n", dir, name, p.Root, advice)
}
