package ledger_test

import (
	"testing"
	"time"

	"golive/backend/ledger"
)

// Found by FuzzEventRoundTrip: before 1911 Paris kept local mean time,
// UTC+00:09:21. RFC 3339 writes offsets in minutes, so the event was
// signed over "00:09:21+00:09" and decoded as an instant 21 seconds away
// from the one New was given. New now refuses such a time, and an event
// holding one is malformed.
func TestOffsetsWithSecondsAreRefused(t *testing.T) {
	at := time.Unix(-62135596800, 0).In(mustZone(t, "Europe/Paris"))
	if _, off := at.Zone(); off%60 == 0 {
		t.Fatalf("the test needs an offset with seconds, got %d", off)
	}
	_, err := ledger.New("d", nil, "k", nil, at, seedKey(0))
	assertCode(t, err, ledger.CodeMalformed)

	t.Run("whole minutes still pass, whatever the zone's history", func(t *testing.T) {
		at := time.Date(1950, 1, 1, 0, 0, 0, 0, mustZone(t, "Europe/Paris"))
		e := mustNew(t, nil, "k", nil, at, seedKey(0))
		got, err := ledger.Unmarshal(mustMarshal(t, e))
		if err != nil {
			t.Fatal(err)
		}
		assertSameEvent(t, got, e)
	})
}
