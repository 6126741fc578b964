package ics_test

import (
	"bytes"
	"io"
	"testing"
	"time"

	"golive/backend/ics"
	"golive/backend/internal/hostile"
)

// BenchmarkHostileICS parses the hostile calendars of issue 10 — 2.1 MB of
// folded lines joined into logical lines of a million octets, and 4 MiB of
// events whose 64 KiB descriptions are folded — next to a baseline that
// only reads the same bytes (io.Copy to io.Discard, through a plain
// io.Reader so that the bytes are really copied), so that the ratio of
// time and bytes allocated to reading can be quoted.
func BenchmarkHostileICS(b *testing.B) {
	inputs := []struct {
		name string
		data []byte
	}{
		{"folded-2.1MB", hostile.FoldedICS(2_100_000, 1_000_000)},
		{"events-4MiB", hostile.FoldedICS(4<<20, 64<<10)},
	}
	for _, in := range inputs {
		b.Run(in.name+"/read", func(b *testing.B) {
			b.SetBytes(int64(len(in.data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := io.Copy(io.Discard, struct{ io.Reader }{bytes.NewReader(in.data)}); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(in.name+"/parse", func(b *testing.B) {
			b.SetBytes(int64(len(in.data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ics.Parse(bytes.NewReader(in.data), time.UTC); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
