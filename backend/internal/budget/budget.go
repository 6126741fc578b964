// Package budget holds what the BenchmarkBudget* benchmarks share: timing
// our operation against its baseline in the same run, in the form
// scripts/bench.sh reads.
package budget

import (
	"slices"
	"testing"
	"time"
)

// MinRounds is the fewest batches Compare times: an operation of seconds
// (the 20,000-row register) gets one batch from a benchtime of a few
// seconds, two samples a side, and its ratio then moved from 1.19x to
// 1.35x between runs of the same code; with four batches, eight samples
// a side.
const MinRounds = 4

// Compare times ours and base alternately, in batches of ours, base,
// base, ours (so drift and noise hit both alike), at least MinRounds
// batches whatever the benchtime, and reports the mean
// milliseconds of each (ours-ms, base-ms) and their ratio (x-base), the
// budget's figure; and, to tell a slower typical call from rarer stalls
// (a disk that waits now and then), the ratio of their medians (x-p50).
func Compare(b *testing.B, ours, base func()) {
	b.Helper()
	var all [2][]time.Duration
	timed := func(fn func(), side int) {
		t0 := time.Now()
		fn()
		all[side] = append(all[side], time.Since(t0))
	}
	batch := func() {
		timed(ours, 0)
		timed(base, 1)
		timed(base, 1)
		timed(ours, 0)
	}
	rounds := 0
	for b.Loop() {
		batch()
		rounds++
	}
	for ; rounds < MinRounds; rounds++ {
		batch()
	}
	var mean, median [2]float64
	for side, d := range all {
		var sum time.Duration
		for _, x := range d {
			sum += x
		}
		mean[side] = sum.Seconds() * 1000 / float64(len(d))
		slices.Sort(d)
		median[side] = d[len(d)/2].Seconds() * 1000
	}
	b.ReportMetric(mean[0], "ours-ms")
	b.ReportMetric(mean[1], "base-ms")
	b.ReportMetric(mean[0]/mean[1], "x-base")
	b.ReportMetric(median[0]/median[1], "x-p50")
}
