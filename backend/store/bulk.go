package store

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"golive/backend/apperr"
	"golive/backend/internal/diskfree"
)

// OpenBulk creates the store of a new folder dir for writing a large
// amount of data at once (the large sample portfolio): writes are not
// synced one by one, and Sync makes them durable at the end. The folder
// must not hold a store yet (core.not_empty otherwise). A bulk store is
// never the user's folder while it is written: its builder writes it
// aside and moves it in place once synced.
func OpenBulk(dir string) (*Store, error) {
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	if _, err := os.Stat(filepath.Join(dir, "MANIFEST")); err == nil {
		return nil, apperr.New("core.not_empty")
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, openFailed(err, dir)
	}
	db, err := badger.Open(Options(dir).WithSyncWrites(false).WithMemTableSize(64 << 20).WithNumLevelZeroTablesStall(16))
	if err != nil {
		if strings.Contains(err.Error(), "Cannot acquire directory lock") {
			return nil, apperr.Wrap(err, "store.already_open", "dir", dir)
		}
		return nil, openFailed(err, dir)
	}
	return &Store{db: db, dir: dir, room: diskfree.NewGuard(dir, diskfree.Reserve)}, nil
}

// Sync writes everything committed so far to disk (for a bulk store).
func (s *Store) Sync() error {
	if err := s.db.Sync(); err != nil {
		return apperr.Wrap(err, "store.write_failed")
	}
	return nil
}

// CountEvents returns how many events the store holds, reading keys only.
func (s *Store) CountEvents() (int, error) {
	n := 0
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte("ev/")})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			n++
		}
		return nil
	})
	if err != nil {
		return 0, apperr.Wrap(err, "store.read_failed")
	}
	return n, nil
}
