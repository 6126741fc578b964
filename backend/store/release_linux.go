package store

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"
)

// ReleaseMapped asks the kernel to reclaim the pages of the folder's table
// files this process has mapped (madvise MADV_PAGEOUT): a scan of the whole
// folder leaves every table's pages resident in the process, counted in
// its memory though they are only copies of unchanging files. A later read
// faults them in again. PAGEOUT never discards data, whatever the range
// holds by the time the advice lands (Badger may unmap a compacted table
// meanwhile, and the range be reused): anonymous memory is at most swapped
// out. It does nothing for a store held in memory, nor on a kernel
// without PAGEOUT (before Linux 5.4), and reports no error: it is advice.
func (s *Store) ReleaseMapped() {
	if s.dir == "" {
		return
	}
	f, err := os.Open("/proc/self/maps")
	if err != nil {
		return
	}
	defer f.Close()
	type span struct{ from, to uintptr }
	var spans []span
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		// "from-to perms offset dev inode path"
		fields := strings.Fields(sc.Text())
		if len(fields) < 6 || !strings.HasSuffix(fields[5], ".sst") || filepath.Dir(fields[5]) != s.dir {
			continue
		}
		a, b, ok := strings.Cut(fields[0], "-")
		if !ok {
			continue
		}
		from, err1 := strconv.ParseUint(a, 16, 64)
		to, err2 := strconv.ParseUint(b, 16, 64)
		if err1 != nil || err2 != nil || to <= from {
			continue
		}
		spans = append(spans, span{uintptr(from), uintptr(to)})
	}
	for _, sp := range spans {
		_, _, _ = unix.Syscall(unix.SYS_MADVISE, sp.from, sp.to-sp.from, unix.MADV_PAGEOUT)
	}
}
