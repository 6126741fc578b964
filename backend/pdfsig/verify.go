package pdfsig

import (
	"bytes"
	"crypto/ed25519"
	"crypto/x509"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/digitorus/pdfsign/verify"

	"golive/backend/apperr"
)

// Result is what Verify found out about a PDF's digital signature.
type Result struct {
	// Certificate is the signing certificate.
	Certificate *x509.Certificate
	// Identity is the Ed25519 identity the certificate is bound to.
	Identity ed25519.PublicKey
	// Name, Reason and Location are the signature dictionary's fields.
	Name, Reason, Location string
	// SignedAt is the signing time the signature states (not a trusted
	// timestamp).
	SignedAt time.Time
}

var byteRange = regexp.MustCompile(`/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]`)

// Verify checks the one digital signature of doc: that it is
// cryptographically valid, covers the whole file, and was made with a
// certificate bound to a GoLive identity. Codes: pdfsig.unreadable (not a
// PDF), pdfsig.unsigned, pdfsig.digest_mismatch (the file changed after
// signing), pdfsig.invalid (any other failure of the signature),
// pdfsig.not_whole_file (content was appended after signing),
// pdfsig.unbound.
func Verify(doc []byte) (Result, error) {
	opts := verify.DefaultVerifyOptions()
	// The certificate is self-signed: trust in it comes from its binding
	// to a GoLive identity, checked below, not from a CA.
	opts.AllowUntrustedRoots = true
	opts.RequiredEKUs = nil
	resp, err := verify.VerifyWithOptions(bytes.NewReader(doc), int64(len(doc)), opts)
	switch {
	case err != nil && strings.Contains(err.Error(), "no digital signature"):
		return Result{}, apperr.New("pdfsig.unsigned").WithDetail("the PDF carries no digital signature")
	case err != nil:
		return Result{}, apperr.Wrap(err, "pdfsig.unreadable")
	case len(resp.Signers) == 0:
		return Result{}, apperr.New("pdfsig.invalid").WithDetail("the PDF's signature cannot be read: %s", resp.Error)
	case len(resp.Signers) > 1:
		return Result{}, apperr.New("pdfsig.invalid").WithDetail("the PDF carries %d signatures, GoLive makes one", len(resp.Signers))
	}
	sg := resp.Signers[0]
	if !sg.ValidSignature {
		if strings.Contains(strings.ToLower(resp.Error), "digest mismatch") {
			return Result{}, apperr.New("pdfsig.digest_mismatch").WithDetail("the file was changed after it was signed (digest mismatch)")
		}
		return Result{}, apperr.New("pdfsig.invalid").WithDetail("%s", resp.Error)
	}
	if len(sg.Certificates) == 0 || sg.Certificates[0].Certificate == nil {
		return Result{}, apperr.New("pdfsig.invalid").WithDetail("the signature holds no certificate")
	}
	if err := wholeFile(doc); err != nil {
		return Result{}, err
	}
	cert := sg.Certificates[0].Certificate
	id, err := Binding(cert)
	if err != nil {
		return Result{}, err
	}
	r := Result{Certificate: cert, Identity: id, Name: sg.Name, Reason: sg.Reason, Location: sg.Location}
	if sg.SignatureTime != nil {
		r.SignedAt = *sg.SignatureTime
	}
	return r, nil
}

// wholeFile checks that the signed byte ranges reach the end of the file.
func wholeFile(doc []byte) error {
	all := byteRange.FindAllSubmatch(doc, -1)
	if len(all) == 0 {
		return apperr.New("pdfsig.invalid").WithDetail("the signature has no byte range")
	}
	m := all[len(all)-1]
	var n [4]int64
	for i := range n {
		n[i], _ = strconv.ParseInt(string(m[i+1]), 10, 64)
	}
	if n[0] != 0 || n[2]+n[3] != int64(len(doc)) {
		return apperr.New("pdfsig.not_whole_file").WithDetail("the signature covers %d of %d bytes: content was added after signing", n[1]+n[3], len(doc))
	}
	return nil
}
