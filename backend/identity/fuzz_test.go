package identity_test

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"golive/backend/apperr"
	"golive/backend/identity"
)

// FuzzParse checks the identity card reader on any bytes (a file or a
// pasted text block): it refuses with an identity code, or returns a card
// whose signature verifies and which reads back the same from its file
// and from its text block.
func FuzzParse(f *testing.F) {
	c, _ := card(f)
	f.Add(c.File())
	f.Add([]byte(c.Text()))
	f.Add([]byte("Here is my card:\n" + c.Text() + "thanks"))
	f.Add(bytes.Replace(c.File(), []byte(`"name": "`), []byte(`"name": "\u202e`), 1))
	f.Add([]byte(identity.BeginLine + "\n@@@\n" + identity.EndLine))
	f.Add([]byte(`{"format":"golive-identity/1","format":"x"}`))
	f.Fuzz(func(t *testing.T, in []byte) {
		got, err := identity.Parse(in)
		if err != nil {
			if !strings.HasPrefix(apperr.Code(err), "identity.") {
				t.Fatalf("refused with %q: %v", apperr.Code(err), err)
			}
			return
		}
		for _, form := range [][]byte{got.File(), []byte(got.Text())} {
			again, err := identity.Parse(form)
			if err != nil {
				t.Fatalf("the card's own form %q is refused: %v", form, err)
			}
			if !reflect.DeepEqual(again, got) && !(again.CreatedAt.Equal(got.CreatedAt) && sameButTime(again, got)) {
				t.Fatalf("read back %+v, was %+v", again, got)
			}
		}
	})
}

// sameButTime compares two cards' members other than CreatedAt.
func sameButTime(a, b identity.Card) bool {
	a.CreatedAt = b.CreatedAt
	return a == b
}
