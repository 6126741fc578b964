package fsplace

import (
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
)

// Place says where a folder lies.
type Place struct {
	// Kind is "" (a plain local disk) or one of the Kind constants.
	Kind string `json:"kind"`
	// Root is the folder that marks it: the synced root or the mount
	// point; "" when Kind is "".
	Root string `json:"root"`
	// Detail is the evidence: the marker file found (".stfolder"), the
	// environment variable ("env OneDrive"), "folder name", or the file
	// system type ("cifs", "nfs4", "fuse.sshfs", "9p").
	Detail string `json:"detail"`
}

// The kinds of place a folder may lie in; "" is a plain local disk.
const (
	// KindOneDrive is OneDrive or SharePoint.
	KindOneDrive = "onedrive"
	// KindSyncthing is a Syncthing folder.
	KindSyncthing = "syncthing"
	// KindNextcloud is Nextcloud or ownCloud.
	KindNextcloud = "nextcloud"
	// KindDropbox is Dropbox.
	KindDropbox = "dropbox"
	// KindGoogleDrive is Google Drive.
	KindGoogleDrive = "gdrive"
	// KindICloud is iCloud Drive.
	KindICloud = "icloud"
	// KindNetwork is a network drive or network file system.
	KindNetwork = "network"
)

// Synced reports whether p is anything but a plain local disk, which is
// when the app warns.
func Synced(p Place) bool { return p.Kind != "" }

// oneDriveEnv are the variables the OneDrive client sets to its roots.
var oneDriveEnv = []string{"OneDrive", "OneDriveCommercial", "OneDriveConsumer"}

// Classify says where dir lies (see the package comment). It never fails;
// a dir that does not exist yet is judged by its nearest existing
// ancestor.
func Classify(dir string) Place {
	start := existing(resolve(dir))
	roots := map[string]string{}
	for _, name := range oneDriveEnv {
		if v := os.Getenv(name); v != "" {
			roots[key(resolve(v))] = name
		}
	}
	for a := start; ; {
		if name, ok := roots[key(a)]; ok {
			return Place{Kind: KindOneDrive, Root: a, Detail: "env " + name}
		}
		if p, ok := markers(a); ok {
			return p
		}
		if p, ok := named(a); ok {
			return p
		}
		up := filepath.Dir(a)
		if up == a {
			break
		}
		a = up
	}
	if p, ok := network(start); ok {
		return p
	}
	return Place{}
}

// markers looks in folder a for the files a sync tool keeps in its root.
func markers(a string) (Place, bool) {
	f, err := os.Open(a)
	if err != nil {
		return Place{}, false
	}
	names, _ := f.Readdirnames(-1)
	_ = f.Close()
	sort.Strings(names)
	for _, n := range names {
		kind := ""
		switch {
		case n == ".stfolder" || n == ".stignore":
			kind = KindSyncthing
		case n == ".owncloudsync.log" || isSyncJournal(n):
			kind = KindNextcloud
		case n == ".dropbox.cache":
			kind = KindDropbox
		case n == ".dropbox":
			// Dropbox's root holds a .dropbox file; the home folder holds
			// a .dropbox folder (the client's settings), which says
			// nothing about the folders under it.
			if fi, err := os.Lstat(filepath.Join(a, n)); err == nil && fi.Mode().IsRegular() {
				kind = KindDropbox
			}
		case n == ".tmp.drivedownload" || n == ".tmp.driveupload":
			kind = KindGoogleDrive
		case strings.EqualFold(n, ".849C9593-D756-4E56-8D6E-42412F2A707B"):
			kind = KindOneDrive
		}
		if kind != "" {
			return Place{Kind: kind, Root: a, Detail: n}, true
		}
	}
	return Place{}, false
}

// isSyncJournal reports whether n is the Nextcloud or ownCloud client's
// journal: .sync_*.db or ._sync_*.db (with its -wal and -shm files).
func isSyncJournal(n string) bool {
	rest, ok := strings.CutPrefix(n, ".sync_")
	if !ok {
		rest, ok = strings.CutPrefix(n, "._sync_")
	}
	if !ok {
		return false
	}
	for _, end := range []string{".db", ".db-wal", ".db-shm"} {
		if strings.HasSuffix(rest, end) {
			return true
		}
	}
	return false
}

// named recognises folder a by the name a sync tool gives its root.
func named(a string) (Place, bool) {
	base := filepath.Base(a)
	parent := filepath.Dir(a)
	up := filepath.Base(parent)
	library := filepath.Base(filepath.Dir(parent)) == "Library"
	kind := ""
	switch {
	case base == "OneDrive" || strings.HasPrefix(base, "OneDrive - "):
		kind = KindOneDrive
	case base == "Google Drive":
		kind = KindGoogleDrive
	case base == "My Drive" && (isVolumeRoot(parent) || strings.HasPrefix(up, "GoogleDrive-") || up == "Google Drive"):
		kind = KindGoogleDrive
	case base == "iCloudDrive" || base == "iCloud Drive":
		kind = KindICloud
	case base == "Mobile Documents" && up == "Library":
		kind = KindICloud
	case up == "CloudStorage" && library:
		// macOS keeps the File Provider roots in ~/Library/CloudStorage.
		switch {
		case strings.HasPrefix(base, "OneDrive"):
			kind = KindOneDrive
		case strings.HasPrefix(base, "GoogleDrive"):
			kind = KindGoogleDrive
		case strings.HasPrefix(base, "Dropbox"):
			kind = KindDropbox
		case strings.HasPrefix(base, "iCloud"):
			kind = KindICloud
		}
	}
	if kind == "" {
		return Place{}, false
	}
	return Place{Kind: kind, Root: a, Detail: "folder name"}, true
}

// isVolumeRoot reports whether p is the root of a volume or of a mount
// under /Volumes or /mnt (where a drive like Google Drive's appears).
func isVolumeRoot(p string) bool {
	if filepath.Dir(p) == p {
		return true
	}
	up := filepath.Base(filepath.Dir(p))
	return up == "Volumes" || up == "mnt" || up == "media"
}

// Contains reports whether inner is outer or lies inside it, after
// filepath.Abs and filepath.EvalSymlinks where possible (a folder that
// does not exist yet is resolved through its nearest existing ancestor).
// "a/bc" is not inside "a/b".
func Contains(outer, inner string) bool {
	o, i := resolve(outer), resolve(inner)
	rel, err := filepath.Rel(o, i)
	if err != nil || filepath.IsAbs(rel) {
		return false
	}
	return rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// resolve makes p absolute and resolves the symbolic links of its longest
// existing part, keeping the rest as written.
func resolve(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		abs = filepath.Clean(p)
	}
	head, tail := abs, ""
	for {
		if r, err := filepath.EvalSymlinks(head); err == nil {
			return filepath.Join(r, tail)
		}
		up := filepath.Dir(head)
		if up == head {
			return abs
		}
		tail = filepath.Join(filepath.Base(head), tail)
		head = up
	}
}

// existing returns p's nearest ancestor (p itself included) that exists.
func existing(p string) string {
	for {
		if _, err := os.Stat(p); err == nil {
			return p
		}
		up := filepath.Dir(p)
		if up == p {
			return p
		}
		p = up
	}
}

// key is p in the form two names of one folder compare equal: Windows
// names do not tell case apart.
func key(p string) string {
	p = filepath.Clean(p)
	if runtime.GOOS == "windows" {
		return strings.ToLower(p)
	}
	return p
}
