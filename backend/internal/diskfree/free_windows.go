//go:build windows

package diskfree

import (
	"errors"
	"math"
	"syscall"
	"unsafe"
)

// Windows' ERROR_HANDLE_DISK_FULL and ERROR_DISK_FULL.
const errHandleDiskFull, errDiskFull syscall.Errno = 39, 112

func full(err error) bool {
	return errors.Is(err, errDiskFull) || errors.Is(err, errHandleDiskFull) || errors.Is(err, syscall.ENOSPC)
}

var getDiskFreeSpaceEx = syscall.NewLazyDLL("kernel32.dll").NewProc("GetDiskFreeSpaceExW")

func free0(dir string) (int64, bool) {
	p, err := syscall.UTF16PtrFromString(dir)
	if err != nil {
		return 0, false
	}
	var avail, total, totalFree uint64
	r, _, _ := getDiskFreeSpaceEx.Call(uintptr(unsafe.Pointer(p)), uintptr(unsafe.Pointer(&avail)),
		uintptr(unsafe.Pointer(&total)), uintptr(unsafe.Pointer(&totalFree)))
	if r == 0 {
		return 0, false
	}
	if avail > math.MaxInt64 {
		return math.MaxInt64, true
	}
	return int64(avail), true
}
