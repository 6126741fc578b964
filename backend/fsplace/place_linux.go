package fsplace

import (
	"os"
	"syscall"
)

// Linux's statfs f_type of the file systems that live on another machine
// (statfs(2), linux/magic.h).
var networkMagic = map[uint32]string{
	0x6969:     "nfs",
	0x517B:     "smb",
	0xFF534D42: "cifs",
	0xFE534D42: "smb2",
	0x73757245: "coda",
	0x5346414F: "afs",
	0x01021997: "9p", // also WSL's view of the Windows drives (/mnt/c)
	0x00C36400: "ceph",
	0x564C:     "ncpfs",
}

// fuseMagic is FUSE's f_type: the mount table then says which FUSE file
// system it is.
const fuseMagic = 0x65735546

// mountinfoPath is the kernel's table of this process's mounts.
const mountinfoPath = "/proc/self/mountinfo"

// network says whether dir (which exists, resolved) lies on a network file
// system, with its mount point as Root and its type as Detail.
func network(dir string) (Place, bool) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return Place{}, false
	}
	magic := uint32(st.Type)
	name, remote := networkMagic[magic]
	if !remote && magic != fuseMagic {
		return Place{}, false
	}
	m, found := mount{}, false
	if text, err := os.ReadFile(mountinfoPath); err == nil {
		m, found = mountOf(parseMountinfo(string(text)), dir)
	}
	if magic == fuseMagic {
		if !found || !isNetworkType(m.FSType, m.Source) {
			return Place{}, false
		}
		return Place{Kind: KindNetwork, Root: m.Point, Detail: m.FSType}, true
	}
	p := Place{Kind: KindNetwork, Root: dir, Detail: name}
	if found {
		p.Root, p.Detail = m.Point, m.FSType
	}
	return p, true
}
