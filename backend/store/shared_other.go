//go:build !windows

package store

import "os"

// openShared opens path for reading; Badger may still truncate and delete
// it meanwhile (a compaction removing a table the background pass reads).
func openShared(path string) (*os.File, error) { return os.Open(path) }
