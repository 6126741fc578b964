package store

import (
	"time"

	"github.com/dgraph-io/badger/v4"
)

// SetPassStarted sets the hook the background pass of OpenDeferred runs
// before it reads its first table (nil: none).
func SetPassStarted(f func()) { passStarted = f }

// SetPassWaiting sets the hook the background pass of OpenDeferred runs
// when it starts to wait (nil: none).
func SetPassWaiting(f func()) { passWaiting = f }

// VerifyTableFile is the background pass's check of one table file, with
// the store's compression.
func VerifyTableFile(path string, id uint64) error {
	var buf []byte
	_, err := verifyTableFile(path, id, badger.TableManifest{Compression: Options("").Compression}, &buf)
	return err
}

// PassOver starts a background pass over the tables of dir as if the
// MANIFEST placed each at the level levels gives (by id), and returns a
// store without a database around it: Verified, Damage, ReadOnly and
// VerifyNow work; Halt stops the pass as Close does.
func PassOver(dir string, levels map[uint64]uint8, wait time.Duration) (s *Store, halt func()) {
	tables := map[uint64]badger.TableManifest{}
	for id, l := range levels {
		tables[id] = badger.TableManifest{Level: l, Compression: Options("").Compression}
	}
	s = &Store{dir: dir, pass: startPass(dir, tables, wait)}
	return s, s.pass.halt
}
