//go:build linux || darwin || freebsd || openbsd

package diskfree

import (
	"errors"
	"math"
	"syscall"
)

func full(err error) bool { return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT) }

func free0(dir string) (int64, bool) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return 0, false
	}
	avail, bsize := uint64(st.Bavail), uint64(st.Bsize)
	if bsize != 0 && avail > math.MaxInt64/bsize {
		return math.MaxInt64, true
	}
	return int64(avail * bsize), true
}
