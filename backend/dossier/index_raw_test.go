package dossier

import (
	"encoding/json"
	"testing"
)

// TestIndexRecordRawIsEncodingJSONs: the index record an append writes by
// hand is byte for byte what encoding/json writes for it, so List reads
// it as before.
func TestIndexRecordRawIsEncodingJSONs(t *testing.T) {
	sum, err := json.Marshal(Summary{ID: "R26ABCDEF0123", Title: `融资 "租赁" <系统> & \ 发布`})
	if err != nil {
		t.Fatal(err)
	}
	rec := indexRecord{Summary: sum, Seal: sealOf("R26ABCDEF0123", ledgerDigest([]string{"b", "a"}), sum)}
	want, err := json.Marshal(rec)
	if err != nil {
		t.Fatal(err)
	}
	if got := rec.raw(); string(got) != string(want) {
		t.Fatalf("raw\n got %s\nwant %s", got, want)
	}
}
