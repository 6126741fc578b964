package fsplace

import "syscall"

// networkFSTypes are macOS's f_fstypename of the file systems that live on
// another machine.
var networkFSTypes = map[string]bool{"smbfs": true, "nfs": true, "afpfs": true, "webdav": true, "cifs": true, "ftp": true}

// network says whether dir (which exists, resolved) lies on a network file
// system, with its mount point as Root and its type as Detail.
func network(dir string) (Place, bool) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return Place{}, false
	}
	fstype := cString(st.Fstypename[:])
	if !networkFSTypes[fstype] {
		return Place{}, false
	}
	root := cString(st.Mntonname[:])
	if root == "" {
		root = dir
	}
	return Place{Kind: KindNetwork, Root: root, Detail: fstype}, true
}

// cString is the text of a NUL-terminated C char array.
func cString[T int8 | uint8](b []T) string {
	out := make([]byte, 0, len(b))
	for _, c := range b {
		if c == 0 {
			break
		}
		out = append(out, byte(c))
	}
	return string(out)
}
