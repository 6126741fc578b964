package pdfsig_test

import (
	"bytes"
	"crypto/ed25519"
	"strings"
	"testing"

	"golive/backend/apperr"
	"golive/backend/pdfsig"
)

// FuzzVerifyBytes checks the signature check `golive verify` runs on any
// bytes (FuzzVerify alters one byte of a signed file): it refuses with a
// pdfsig code, or names a certificate and a GoLive identity key.
func FuzzVerifyBytes(f *testing.F) {
	signed := signedPlain(f)
	f.Add(signed)
	f.Add(plainPDF(f))
	f.Add(append(bytes.Clone(signed), "\n% appended\n"...))
	f.Add(bytes.Replace(signed, []byte("attack tests"), []byte("attack_tests"), 1))
	f.Add([]byte("%PDF-1.7\n%%EOF\n"))
	f.Fuzz(func(t *testing.T, doc []byte) {
		res, err := pdfsig.Verify(doc)
		if err != nil {
			if !strings.HasPrefix(apperr.Code(err), "pdfsig.") {
				t.Fatalf("refused with %q: %v", apperr.Code(err), err)
			}
			return
		}
		if res.Certificate == nil || len(res.Identity) != ed25519.PublicKeySize {
			t.Fatalf("accepted without a certificate and identity: %+v", res)
		}
	})
}
