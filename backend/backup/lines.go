package backup

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/dgraph-io/badger/v4"

	"golive/backend/apperr"
	"golive/backend/ledger"
)

// eventPrefix starts the store key of every ledger event:
// ev/<stream>/<event id>.
const eventPrefix = "ev/"

// eventKey is the store key of e.
func eventKey(e ledger.Event) string { return eventPrefix + e.Dossier + "/" + e.ID }

// recordLine is one line of records.jsonl: a store key other than an
// event's and its value, kept byte for byte. V holds a value that is one
// line of JSON; B64 any other value (base64). KB64 replaces K for a key
// that is not UTF-8.
type recordLine struct {
	K    string          `json:"k,omitempty"`
	KB64 string          `json:"kb64,omitempty"`
	V    json.RawMessage `json:"v,omitempty"`
	B64  string          `json:"b64,omitempty"`
}

// newRecordLine encodes the record key = value.
func newRecordLine(key, value []byte) recordLine {
	var l recordLine
	if utf8.Valid(key) {
		l.K = string(key)
	} else {
		l.KB64 = base64.StdEncoding.EncodeToString(key)
	}
	if len(value) > 0 && json.Valid(value) && !bytes.ContainsAny(value, "\r\n") && len(bytes.TrimSpace(value)) == len(value) {
		l.V = json.RawMessage(value)
	} else {
		l.B64 = base64.StdEncoding.EncodeToString(value)
	}
	return l
}

// key and value return what the line stores.
func (l recordLine) key() ([]byte, error) {
	if l.KB64 != "" {
		return base64.StdEncoding.DecodeString(l.KB64)
	}
	return []byte(l.K), nil
}

func (l recordLine) value() ([]byte, error) {
	if l.V != nil {
		return l.V, nil
	}
	return base64.StdEncoding.DecodeString(l.B64)
}

// appendTo appends the line (with its newline) to dst. The value is
// written as stored, never re-encoded.
func (l recordLine) appendTo(dst []byte) []byte {
	dst = append(dst, '{')
	if l.KB64 != "" {
		dst = append(dst, `"kb64":`...)
		dst = appendJSONString(dst, l.KB64)
	} else {
		dst = append(dst, `"k":`...)
		dst = appendJSONString(dst, l.K)
	}
	if l.V != nil {
		dst = append(dst, `,"v":`...)
		dst = append(dst, l.V...)
	} else {
		dst = append(dst, `,"b64":`...)
		dst = appendJSONString(dst, l.B64)
	}
	return append(dst, "}\n"...)
}

func appendJSONString(dst []byte, s string) []byte {
	b, _ := json.Marshal(s)
	return append(dst, b...)
}

// dumpEvents writes every event of txn to w, one per line as stored,
// each verified and checked against its key. It returns how many it
// wrote. Code backup.bad_event (key, code) for an event that does not
// verify or is stored under another key.
func dumpEvents(txn *badger.Txn, w io.Writer) (int, error) {
	it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(eventPrefix), PrefetchValues: true, PrefetchSize: 64})
	defer it.Close()
	n := 0
	line := make([]byte, 0, 4096)
	for it.Rewind(); it.Valid(); it.Next() {
		key := string(it.Item().Key())
		v, err := it.Item().ValueCopy(line[:0])
		if err != nil {
			return n, apperr.Wrap(err, "store.read_failed")
		}
		e, err := ledger.Unmarshal(v)
		if err == nil && eventKey(e) != key {
			err = apperr.New(ledger.CodeMalformed).WithDetail("stored under %s", key)
		}
		if err != nil {
			return n, apperr.Wrap(err, "backup.bad_event", "key", key, "code", apperr.Code(err))
		}
		line = append(v, '\n')
		if _, err := w.Write(line); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// dumpRecords writes every key of txn that is not an event's to w as
// record lines, in key order. It returns how many it wrote.
func dumpRecords(txn *badger.Txn, w io.Writer) (int, error) {
	it := txn.NewIterator(badger.IteratorOptions{PrefetchValues: true, PrefetchSize: 64})
	defer it.Close()
	n := 0
	var buf []byte
	for it.Rewind(); it.Valid(); it.Next() {
		key := it.Item().Key()
		if strings.HasPrefix(string(key), eventPrefix) {
			continue
		}
		v, err := it.Item().ValueCopy(nil)
		if err != nil {
			return n, apperr.Wrap(err, "store.read_failed")
		}
		buf = newRecordLine(key, v).appendTo(buf[:0])
		if _, err := w.Write(buf); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}
