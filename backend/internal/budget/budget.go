// Package budget holds what the BenchmarkBudget* benchmarks share: timing
// our operation against its baseline in the same run, in the form
// scripts/bench.sh reads.
package budget

import (
	"testing"
	"time"
)

// Compare times ours and base alternately, in batches of ours, base,
// base, ours (so drift and noise hit both alike), and reports the mean
// milliseconds of each (ours-ms, base-ms) and their ratio (x-base).
func Compare(b *testing.B, ours, base func()) {
	b.Helper()
	var tOurs, tBase time.Duration
	timed := func(fn func(), sum *time.Duration) {
		t0 := time.Now()
		fn()
		*sum += time.Since(t0)
	}
	n := 0
	for b.Loop() {
		timed(ours, &tOurs)
		timed(base, &tBase)
		timed(base, &tBase)
		timed(ours, &tOurs)
		n += 2
	}
	oursMS := tOurs.Seconds() * 1000 / float64(n)
	baseMS := tBase.Seconds() * 1000 / float64(n)
	b.ReportMetric(oursMS, "ours-ms")
	b.ReportMetric(baseMS, "base-ms")
	b.ReportMetric(oursMS/baseMS, "x-base")
}
