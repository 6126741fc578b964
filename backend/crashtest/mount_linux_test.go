//go:build linux

package crashtest_test

import (
	"fmt"
	"syscall"
)

// mountTmpfsAt mounts a tmpfs of size bytes on dir.
func mountTmpfsAt(dir string, size int64) (unmount func() error, err error) {
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, fmt.Sprintf("size=%d", size)); err != nil {
		return nil, err
	}
	return func() error { return syscall.Unmount(dir, 0) }, nil
}

// bindReadOnly mounts dir read-only over itself.
func bindReadOnly(dir string) (unmount func() error, err error) {
	if err := syscall.Mount(dir, dir, "", syscall.MS_BIND, ""); err != nil {
		return nil, err
	}
	unmount = func() error { return syscall.Unmount(dir, 0) }
	if err := syscall.Mount("", dir, "", syscall.MS_BIND|syscall.MS_REMOUNT|syscall.MS_RDONLY, ""); err != nil {
		_ = unmount()
		return nil, err
	}
	return unmount, nil
}
