package store

import (
	"context"
	"strings"

	"github.com/dgraph-io/badger/v4"
)

// checkEvery is how many keys a scan reads between two looks at its
// context.
const checkEvery = 4096

// EventIDsContext is EventIDs, stopping with ctx's error (unwrapped) once
// ctx is done: for a long scan in the background that a Close must not
// wait for.
func (s *Store) EventIDsContext(ctx context.Context) (map[string][]string, error) {
	out := map[string][]string{}
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte("ev/")})
		defer it.Close()
		n := 0
		for it.Rewind(); it.Valid(); it.Next() {
			if n++; n%checkEvery == 0 && ctx.Err() != nil {
				return ctx.Err()
			}
			rest := strings.TrimPrefix(string(it.Item().Key()), "ev/")
			if i := strings.IndexByte(rest, '/'); i > 0 && i < len(rest)-1 {
				out[rest[:i]] = append(out[rest[:i]], rest[i+1:])
			}
		}
		return nil
	})
	if err != nil {
		if ctx.Err() != nil && err == ctx.Err() {
			return nil, err
		}
		return nil, asCoded(err)
	}
	return out, nil
}

// EachContext is Each, stopping with ctx's error (unwrapped) once ctx is
// done.
func (s *Store) EachContext(ctx context.Context, bucket string, fn func(key string, raw []byte) error) error {
	n := 0
	err := s.Each(bucket, func(key string, raw []byte) error {
		if n++; n%checkEvery == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		return fn(key, raw)
	})
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return err
}
