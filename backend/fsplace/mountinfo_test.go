package fsplace

import "testing"

// mountinfoFixture is a /proc/self/mountinfo as a laptop with a NAS, an
// sshfs mount, a desktop portal and WSL's Windows drive shows it.
const mountinfoFixture = `22 28 0:21 / /sys rw,nosuid,nodev,noexec,relatime shared:7 - sysfs sysfs rw
28 1 259:2 / / rw,relatime shared:1 - ext4 /dev/nvme0n1p2 rw,errors=remount-ro
45 28 259:1 / /boot/efi rw,relatime shared:29 - vfat /dev/nvme0n1p1 rw,fmask=0077
512 28 0:58 / /mnt/nas rw,relatime shared:300 - nfs4 nas.example.com:/export/team rw,vers=4.2,addr=10.0.0.5
530 28 0:61 / /home/wei/remote\040box rw,nosuid,nodev,relatime shared:310 - fuse.sshfs wei@box.example.com:/srv rw,user_id=1000
531 28 0:62 / /run/user/1000/doc rw,nosuid,nodev,relatime shared:311 - fuse.portal portal rw,user_id=1000
540 28 0:70 / /mnt/c rw,noatime - 9p C:\134 rw,dirsync,aname=drvfs;path=C:\;uid=1000
541 540 0:71 / /mnt/c/Users/wei/share rw,relatime shared:320 master:5 - cifs //files/share rw,vers=3.1.1
this line is not a mount
`

func TestParseMountinfo(t *testing.T) {
	mounts := parseMountinfo(mountinfoFixture)
	if len(mounts) != 8 {
		t.Fatalf("%d mounts read, want 8: %+v", len(mounts), mounts)
	}
	if m := mounts[4]; m.Point != "/home/wei/remote box" || m.FSType != "fuse.sshfs" || m.Source != "wei@box.example.com:/srv" {
		t.Fatalf("the sshfs line (an escaped space): %+v", m)
	}
	if m := mounts[6]; m.Source != `C:\` {
		t.Fatalf("an escaped backslash: %+v", m)
	}
}

func TestMountOfAFolder(t *testing.T) {
	mounts := parseMountinfo(mountinfoFixture)
	cases := []struct {
		path, point, fstype string
		network             bool
	}{
		{"/home/wei/GoLive", "/", "ext4", false},
		{"/mnt/nas/releases/GoLive", "/mnt/nas", "nfs4", true},
		{"/mnt/nasty", "/", "ext4", false},
		{"/home/wei/remote box/GoLive", "/home/wei/remote box", "fuse.sshfs", true},
		{"/run/user/1000/doc/abc/GoLive", "/run/user/1000/doc", "fuse.portal", false},
		{"/mnt/c/Users/wei/GoLive", "/mnt/c", "9p", true},
		{"/mnt/c/Users/wei/share/GoLive", "/mnt/c/Users/wei/share", "cifs", true},
		{"/boot/efi", "/boot/efi", "vfat", false},
	}
	for _, c := range cases {
		m, ok := mountOf(mounts, c.path)
		if !ok || m.Point != c.point || m.FSType != c.fstype {
			t.Errorf("mountOf(%s) = %+v %v, want %s on %s", c.path, m, ok, c.fstype, c.point)
			continue
		}
		if got := isNetworkType(m.FSType, m.Source); got != c.network {
			t.Errorf("%s (%s): network %v, want %v", c.path, m.FSType, got, c.network)
		}
	}
	if _, ok := mountOf(nil, "/home"); ok {
		t.Error("no mount table, no mount")
	}
}

func TestNetworkTypes(t *testing.T) {
	for _, c := range []struct {
		fstype, source string
		want           bool
	}{
		{"nfs", "server:/x", true},
		{"smb3", "//server/x", true},
		{"fuse.rclone", "gdrive:", true},
		{"fuse.gvfsd-fuse", "gvfsd-fuse", true},
		{"fuse", "https://dav.example.com/remote.php/webdav", true},
		{"fuse", "/dev/loop0", false},
		{"fuse.gocryptfs", "/home/wei/.cipher", false},
		{"fuseblk", "/dev/sdb1", false},
		{"overlay", "overlay", false},
		{"tmpfs", "tmpfs", false},
	} {
		if got := isNetworkType(c.fstype, c.source); got != c.want {
			t.Errorf("isNetworkType(%s, %s) = %v, want %v", c.fstype, c.source, got, c.want)
		}
	}
}
