// Package procmem measures peak resident memory for GoLive's memory tests
// and benchmarks. They run the measured work in a child process of the test
// binary, so that nothing but that work counts: the child calls Report when
// done, and the parent starts it with Child and reads the figure back.
package procmem

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
)

// marker starts the line a child prints its peak on.
const marker = "GOLIVE_PEAK_KB "

// PeakKB returns this process's peak resident set (VmHWM) in kB, or 0
// where /proc is not available.
func PeakKB() int { return status("VmHWM:") }

// status returns the kB figure of field in /proc/self/status, 0 if none.
func status(field string) int {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), field); ok {
			n, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
			return n
		}
	}
	return 0
}

// Report prints this process's peak on the line Child looks for.
func Report() { fmt.Printf("%s%d\n", marker, PeakKB()) }

// RSSKB returns this process's resident set now (VmRSS) in kB, or 0
// where /proc is not available.
func RSSKB() int { return status("VmRSS:") }

// AnonKB returns this process's anonymous resident memory now (RssAnon:
// its heap and other private pages, not the pages of mapped files) in kB,
// or 0 where /proc is not available.
func AnonKB() int { return status("RssAnon:") }

// FileKB returns the part of this process's resident memory that is pages
// of mapped files (RssFile) in kB, or 0 where /proc is not available.
func FileKB() int { return status("RssFile:") }

// ReportRSS prints this process's resident set now on the line Child
// looks for, in place of the peak: for a child measuring what a process
// holds when idle.
func ReportRSS() { fmt.Printf("%s%d\n", marker, RSSKB()) }

// Child runs this test binary again with -test.run=run (use "^$" for a
// TestMain that dispatches on the environment) and the extra environment
// env, and returns its combined output and the peak it reported, in kB.
// It fails when the child fails or reports no peak.
func Child(run string, env ...string) (out []byte, peakKB int, err error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, 0, err
	}
	cmd := exec.Command(exe, "-test.run="+run)
	cmd.Env = append(os.Environ(), env...)
	out, err = cmd.CombinedOutput()
	if err != nil {
		return out, 0, fmt.Errorf("child %s: %w", run, err)
	}
	for _, l := range strings.Split(string(out), "\n") {
		if v, ok := strings.CutPrefix(l, marker); ok {
			n, err := strconv.Atoi(strings.TrimSpace(v))
			return out, n, err
		}
	}
	return out, 0, fmt.Errorf("child %s reported no peak", run)
}
