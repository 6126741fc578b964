package fsplace

import (
	"path/filepath"
	"strings"
	"syscall"
	"unsafe"
)

// driveRemote is GetDriveType's answer for a network drive (DRIVE_REMOTE).
const driveRemote = 4

// getDriveType is kernel32's GetDriveTypeW, called through syscall (the
// module golang.org/x/sys is not a direct requirement of GoLive).
var getDriveType = syscall.NewLazyDLL("kernel32.dll").NewProc("GetDriveTypeW")

// network says whether dir (which exists, resolved) lies on a network
// share: a UNC path (\\server\share\…) or a drive letter mapped to one.
func network(dir string) (Place, bool) {
	vol := filepath.VolumeName(dir)
	if unc, ok := uncShare(vol); ok {
		return Place{Kind: KindNetwork, Root: unc + `\`, Detail: "unc"}, true
	}
	if len(vol) != 2 || vol[1] != ':' {
		return Place{}, false
	}
	root := vol + `\`
	p, err := syscall.UTF16PtrFromString(root)
	if err != nil || getDriveType.Find() != nil {
		return Place{}, false
	}
	if r, _, _ := getDriveType.Call(uintptr(unsafe.Pointer(p))); r != driveRemote {
		return Place{}, false
	}
	return Place{Kind: KindNetwork, Root: root, Detail: "remote drive"}, true
}

// uncShare returns \\server\share for a volume name of that form (also
// written \\?\UNC\server\share); a device path (\\?\C:, \\.\…) is not one.
func uncShare(vol string) (string, bool) {
	if rest, ok := strings.CutPrefix(vol, `\\?\UNC\`); ok {
		return `\\` + rest, true
	}
	if strings.HasPrefix(vol, `\\?\`) || strings.HasPrefix(vol, `\\.\`) {
		return "", false
	}
	if strings.HasPrefix(vol, `\\`) {
		return vol, true
	}
	return "", false
}
