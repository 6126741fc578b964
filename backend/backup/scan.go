package backup

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"

	"golive/backend/apperr"
	"golive/backend/ledger"
)

// eachLine calls fn with every line of entry name (without its newline;
// the bytes are valid only during the call) and its number from 1.
// Codes: backup.bad_line (name, line, problem) for an empty or too long
// line, those of container.open.
func (c *container) eachLine(name string, fn func(n int, line []byte) error) error {
	rc, err := c.open(name)
	if err != nil {
		return err
	}
	defer rc.Close()
	sc := bufio.NewScanner(rc)
	sc.Buffer(make([]byte, 64<<10), MaxLine)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Bytes()
		if len(bytes.TrimSpace(line)) == 0 {
			return apperr.New("backup.bad_line", "name", name, "line", strconv.Itoa(n), "problem", "empty")
		}
		if err := fn(n, line); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return apperr.New("backup.bad_line", "name", name, "line", strconv.Itoa(n+1), "problem", "too_long")
		}
		var ae *apperr.Error
		if errors.As(err, &ae) {
			return err
		}
		return apperr.Wrap(err, "backup.entry_corrupt", "name", name)
	}
	return nil
}

// eachEvent calls fn with every event of entry name, verified: its
// signature, its id and its canonical form (ledger.Unmarshal). raw is
// what the store keeps. Codes: backup.bad_event (name, line, event, code)
// for an event that does not verify, backup.duplicate_event (event),
// backup.wrong_stream (event, stream) when stream is not "" and an event
// belongs to another stream; those of eachLine.
func (c *container) eachEvent(name, stream string, fn func(raw []byte, e ledger.Event) error) (int, error) {
	seen := map[string]bool{}
	count := 0
	err := c.eachLine(name, func(n int, line []byte) error {
		e, err := ledger.Unmarshal(line)
		if err != nil {
			id := ""
			var peek struct {
				ID string `json:"id"`
			}
			if json.Unmarshal(line, &peek) == nil {
				id = peek.ID
			}
			return apperr.Wrap(err, "backup.bad_event", "name", name, "line", strconv.Itoa(n), "event", id, "code", apperr.Code(err))
		}
		if seen[e.ID] {
			return apperr.New("backup.duplicate_event", "event", e.ID)
		}
		seen[e.ID] = true
		if stream != "" && e.Dossier != stream {
			return apperr.New("backup.wrong_stream", "event", e.ID, "stream", e.Dossier)
		}
		if strings.Contains(e.Dossier, "/") {
			return apperr.New("backup.bad_event", "name", name, "line", strconv.Itoa(n), "event", e.ID, "code", "stream")
		}
		count++
		return fn(line, e)
	})
	return count, err
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
