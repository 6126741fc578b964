package store

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// TestCheckpointJSONIsEncodingJSONs: the record a commit writes by hand is
// byte for byte what encoding/json writes for it, whatever its stream
// name holds, so every reader decodes it as before.
func TestCheckpointJSONIsEncodingJSONs(t *testing.T) {
	head := strings.Repeat("ab", 32)
	for _, c := range []Checkpoint{
		{V: 2, Stream: "R26ABCDEF0123", Key: strings.Repeat("0f", 32), Heads: []string{head, head}, Count: 41, Sum: strings.Repeat("9", 64)},
		{V: 2, Stream: "roster", Key: "k", Heads: []string{}, Count: 0},
		{V: 1, Stream: "plan-2027", Key: "k", Heads: nil, Count: 3, Sig: strings.Repeat("e", 128)},
		{V: 2, Stream: `a "quoted" \ stream <b>&`, Key: "k", Heads: []string{"x\ny"}, Count: -1, Sum: "s"},
		{V: 2, Stream: "发布\u2028\x01\x7f", Key: "k", Heads: []string{"\xff"}, Count: 1 << 40},
	} {
		want, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		if got := c.appendJSON(nil); string(got) != string(want) {
			t.Errorf("appendJSON(%+v)\n got %s\nwant %s", c, got, want)
		}
	}
}

// TestPayloadIsTheDocumentedLayout: the bytes a checkpoint's seal covers,
// written without a strings.Builder since the seal is made at every
// append, are still the layout the records on disk were sealed with.
func TestPayloadIsTheDocumentedLayout(t *testing.T) {
	c := Checkpoint{V: 2, Stream: "R1", Key: "k", Heads: []string{"a", "b"}, Count: 12}
	if got, want := string(c.Payload()), "golive-checkpoint\x002\x00R1\x00k\x0012\x00a\x00b"; got != want {
		t.Fatalf("payload %q, want %q", got, want)
	}
	long := Checkpoint{V: 2, Stream: strings.Repeat("s", 300), Key: "k", Heads: []string{strings.Repeat("h", 64)}}
	if long.seal() != fmt.Sprintf("%x", sha256.Sum256(long.Payload())) {
		t.Fatal("the seal of a payload longer than its stack buffer is not the SHA-256 of the payload")
	}
}
