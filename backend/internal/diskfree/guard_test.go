package diskfree_test

import (
	"testing"
	"time"

	"golive/backend/internal/diskfree"
)

// TestGuardMeasuresAgainNearTheReserve: far from the reserve a reading is
// used again, less what was written; once the writes bring it within four
// reserves, or after a quarter of a second, every call measures, so a
// disk filling up is seen.
func TestGuardMeasuresAgainNearTheReserve(t *testing.T) {
	const reserve = 64 << 20
	free, calls := int64(1<<30), 0
	g := diskfree.NewGuard(t.TempDir(), reserve)
	g.Measured(func(string) (int64, bool) { calls++; return free, true })

	if g.Below(1 << 20) {
		t.Fatal("1 GiB free is below the reserve")
	}
	for range 100 {
		g.Below(1 << 20)
	}
	if calls != 1 {
		t.Fatalf("%d measures for 101 small writes far from the reserve, want 1", calls)
	}
	// 1 GiB - 101 MiB written: 923 MiB left. Two writes of 300 MiB leave
	// 323 MiB, more than four reserves (256 MiB); a third comes within
	// them: measured.
	free = 300 << 20
	g.Below(300 << 20)
	g.Below(300 << 20)
	if calls != 1 {
		t.Fatalf("%d measures, want 1 while the reading leaves more than four reserves", calls)
	}
	g.Below(300 << 20)
	if calls != 2 {
		t.Fatalf("a write that brings the reading near the reserve was not measured (%d measures)", calls)
	}
	// Another program fills the disk: seen at once near the reserve.
	free = reserve - 1
	if !g.Below(1) {
		t.Fatal("a disk with less than the reserve free is not below it")
	}
	// Far from the reserve again, but only after the quarter second does
	// a reading that was below count as old.
	free = 1 << 30
	if g.Below(1) {
		t.Fatal("after room was freed the guard still says below")
	}
	n := calls
	g.Below(1)
	if calls != n {
		t.Fatal("a fresh reading far from the reserve was not used again")
	}
	time.Sleep(300 * time.Millisecond)
	free = reserve - 1
	if !g.Below(1) {
		t.Fatal("a reading older than a quarter second was used again")
	}
}

// TestGuardOnARealDisk measures the test's own folder.
func TestGuardOnARealDisk(t *testing.T) {
	dir := t.TempDir()
	free, ok := diskfree.Free(dir)
	if !ok {
		t.Skip("this system cannot measure free space")
	}
	if diskfree.NewGuard(dir, free/2).Below(0) {
		t.Fatal("half the free space reads as below")
	}
	if !diskfree.NewGuard(dir, free*2).Below(0) {
		t.Fatal("twice the free space reads as not below")
	}
}
