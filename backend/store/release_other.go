//go:build !linux

package store

// ReleaseMapped does nothing here: the working set other systems report
// leaves out the pages of mapped files.
func (s *Store) ReleaseMapped() {}
