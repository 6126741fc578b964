package holiday_test

import (
	"bytes"
	"io"
	"testing"

	"golive/backend/holiday"
	"golive/backend/internal/hostile"
)

// BenchmarkHostileHolidayJSON imports the hostile holiday file of issue 10
// (3.5 MB of 61-day ranges) next to a baseline that only reads the same
// bytes (io.Copy to io.Discard, through a plain io.Reader so that the
// bytes are really copied). The import refuses it; what matters is
// the time and memory it takes to say so.
func BenchmarkHostileHolidayJSON(b *testing.B) {
	data := hostile.HolidayJSON(3_500_000, 2028)
	b.Run("read", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := io.Copy(io.Discard, struct{ io.Reader }{bytes.NewReader(data)}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("parse", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			_, _ = holiday.ParseJSON(data)
		}
	})
}
