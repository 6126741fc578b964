package backup

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"

	"golive/backend/apperr"
	"golive/backend/ledger"
)

// eachLine calls fn with every line of entry name (zipfile.File.EachLine;
// codes backup.bad_line and those of open).
func (c *container) eachLine(name string, fn func(n int, line []byte) error) error {
	return c.EachLine(name, fn)
}

// eachEvent calls fn with every verified event of entry name
// (zipfile.File.EachEvent; codes backup.bad_event, backup.duplicate_event,
// backup.wrong_stream and those of eachLine).
func (c *container) eachEvent(name, stream string, fn func(raw []byte, e ledger.Event) error) (int, error) {
	return c.EachEvent(name, stream, fn)
}

// eachRecord calls fn with every record of entry name: its store key and
// value. Codes: backup.bad_record (line, problem) for a line that is not
// a record, a key that is empty, an event's (events come only from
// events.jsonl, verified) or met twice; those of eachLine.
func (c *container) eachRecord(name string, fn func(key, value []byte) error) (int, error) {
	seen := map[string]bool{}
	count := 0
	err := c.eachLine(name, func(n int, line []byte) error {
		bad := func(problem string) error {
			return apperr.New("backup.bad_record", "line", strconv.Itoa(n), "problem", problem)
		}
		var l recordLine
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&l); err != nil {
			return bad("json")
		}
		if _, err := dec.Token(); !errors.Is(err, io.EOF) {
			return bad("json")
		}
		// One key, and at most one value (none: an empty value).
		if (l.K == "") == (l.KB64 == "") || (l.V != nil && l.B64 != "") {
			return bad("fields")
		}
		key, err := l.key()
		if err != nil || len(key) == 0 {
			return bad("key")
		}
		value, err := l.value()
		if err != nil {
			return bad("value")
		}
		if bytes.HasPrefix(key, []byte(eventPrefix)) {
			return bad("event_key")
		}
		if seen[string(key)] {
			return bad("duplicate")
		}
		seen[string(key)] = true
		count++
		return fn(key, value)
	})
	return count, err
}
