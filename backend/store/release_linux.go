package store

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unsafe"

	"golang.org/x/sys/unix"
)

// ReleaseMapped asks the kernel to reclaim the pages of the folder's table
// files this process has mapped (madvise MADV_PAGEOUT): a scan of the whole
// folder leaves every table's pages resident in the process, counted in
// its memory though they are only copies of unchanging files. PAGEOUT also
// drops those pages from the kernel's file cache (no other process maps
// them), so the next opening of a dossier would wait for the disk, block
// after block (20-40 ms an opening on a large folder here); WILLNEED then
// has the kernel read the pages it held before (mincore) back into its
// cache in the background, outside this process's memory, and a later
// read maps them again from there.
// Neither advice discards data, whatever the range holds by the time it
// lands (Badger may unmap a compacted table meanwhile, and the range be
// reused): anonymous memory is at most swapped out, or read ahead from
// swap. It does nothing for a store held in memory, nor on a kernel
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
	page := uintptr(os.Getpagesize())
	for _, sp := range spans {
		// Which pages the kernel holds before PAGEOUT drops them: those
		// are read back, no more.
		vec := make([]byte, (sp.to-sp.from+page-1)/page)
		_, _, errno := unix.Syscall(unix.SYS_MINCORE, sp.from, sp.to-sp.from, uintptr(unsafe.Pointer(&vec[0])))
		_, _, _ = unix.Syscall(unix.SYS_MADVISE, sp.from, sp.to-sp.from, unix.MADV_PAGEOUT)
		if errno != 0 {
			continue
		}
		for i := 0; i < len(vec); {
			if vec[i]&1 == 0 {
				i++
				continue
			}
			j := i + 1
			for j < len(vec) && vec[j]&1 == 1 && j-i < readBackPages {
				j++
			}
			_, _, _ = unix.Syscall(unix.SYS_MADVISE, sp.from+uintptr(i)*page, uintptr(j-i)*page, unix.MADV_WILLNEED)
			i = j
		}
	}
}

// readBackPages is the most pages one WILLNEED asks for: the kernel reads
// ahead no more than its readahead window (128 kB by default) per advice
// and ignores the rest of a longer range.
const readBackPages = 32
