package core

// SetSweepScanned sets the hook the sweep calls after each pass over the
// ledger, for tests that act while it runs; nil removes it.
func SetSweepScanned(f func()) { sweepScanned = f }
