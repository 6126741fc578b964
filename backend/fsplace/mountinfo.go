package fsplace

import (
	pathpkg "path"
	"strconv"
	"strings"
)

// mount is one line of /proc/self/mountinfo.
type mount struct {
	// Point is where it is mounted ("/mnt/nas").
	Point string
	// FSType is the file system type ("nfs4", "fuse.sshfs").
	FSType string
	// Source is what is mounted ("server:/export", "user@host:").
	Source string
}

// parseMountinfo reads the text of /proc/self/mountinfo (proc(5)):
//
//	36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw
//
// the mount point is the fifth field (with \040-style escapes), and the
// type and source follow the lone "-". Lines it cannot read are skipped.
func parseMountinfo(text string) []mount {
	var out []mount
	for _, line := range strings.Split(text, "\n") {
		f := strings.Fields(line)
		sep := -1
		for i := 6; i < len(f); i++ {
			if f[i] == "-" {
				sep = i
				break
			}
		}
		if sep < 0 || sep+1 >= len(f) {
			continue
		}
		m := mount{Point: unescapeMount(f[4]), FSType: f[sep+1]}
		if sep+2 < len(f) {
			m.Source = unescapeMount(f[sep+2])
		}
		out = append(out, m)
	}
	return out
}

// unescapeMount undoes the kernel's octal escapes (\040 for a space, \011,
// \012, \134).
func unescapeMount(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+4 <= len(s) {
			if n, err := strconv.ParseUint(s[i+1:i+4], 8, 8); err == nil {
				b.WriteByte(byte(n))
				i += 3
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// mountOf returns the mount that holds path (an absolute, resolved path):
// the one with the longest mount point containing it, the later line when
// one point is mounted over another.
func mountOf(mounts []mount, path string) (mount, bool) {
	best, found := mount{}, false
	for _, m := range mounts {
		if !under(m.Point, path) {
			continue
		}
		if !found || len(m.Point) >= len(best.Point) {
			best, found = m, true
		}
	}
	return best, found
}

// under reports whether path is point or lies inside it, comparing the
// names as written (both come from the kernel or are already resolved;
// mountinfo is Linux's, so the separator is always a slash).
func under(point, path string) bool {
	point, path = pathpkg.Clean(point), pathpkg.Clean(path)
	if point == path || point == "/" {
		return strings.HasPrefix(path, "/")
	}
	return strings.HasPrefix(path, point+"/")
}

// networkTypes are the file system types that live on another machine.
var networkTypes = map[string]bool{
	"nfs": true, "nfs4": true, "cifs": true, "smb3": true, "smbfs": true, "smb2": true,
	"ncpfs": true, "afs": true, "coda": true, "9p": true, "ceph": true, "glusterfs": true,
	"lustre": true, "davfs": true, "davfs2": true,
}

// networkFUSE are the FUSE file systems (type fuse.<name>) that reach
// another machine; other FUSE types (fuse.portal, fuse.gocryptfs, …) are
// local.
var networkFUSE = map[string]bool{
	"sshfs": true, "rclone": true, "davfs": true, "davfs2": true, "gvfsd-fuse": true,
	"s3fs": true, "gcsfuse": true, "goofys": true, "curlftpfs": true, "smbnetfs": true,
	"glusterfs": true, "ceph-fuse": true, "juicefs": true, "onedriver": true,
}

// isNetworkType reports whether a mount of fstype from source reaches
// another machine. A bare "fuse" type is judged by its source (davfs2
// mounts an http(s) URL).
func isNetworkType(fstype, source string) bool {
	if networkTypes[fstype] {
		return true
	}
	if sub, ok := strings.CutPrefix(fstype, "fuse."); ok {
		return networkFUSE[sub]
	}
	if fstype == "fuse" {
		return strings.HasPrefix(source, "http://") || strings.HasPrefix(source, "https://")
	}
	return false
}
