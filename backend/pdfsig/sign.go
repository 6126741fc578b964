package pdfsig

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/x509"
	"strings"
	"time"

	"github.com/digitorus/pdf"
	"github.com/digitorus/pdfsign/sign"

	"golive/backend/apperr"
	"golive/backend/profile"
)

// Signer signs PDF files as one profile with its certificate.
type Signer struct {
	// Profile is the signing profile.
	Profile profile.Summary
	// Certificate is the profile's certificate as stored.
	Stored profile.Certificate
	// Certificate is the parsed certificate.
	Certificate *x509.Certificate
	key         *ecdsa.PrivateKey
}

// Sample reports whether the signer is a sample profile, whose documents
// must carry the 示例 / SAMPLE watermark.
func (s *Signer) Sample() bool { return s.Profile.Sample }

// Open unlocks profile id with passphrase (making it the current profile
// of ps), issues its certificate the first time, and returns a Signer.
// organisation goes into a new certificate's subject. Codes:
// profile.not_found, keys.wrong_passphrase, keys.corrupt.
func Open(ps *profile.Service, id, passphrase, organisation string, now time.Time) (*Signer, error) {
	if _, err := ps.Unlock(id, passphrase); err != nil {
		return nil, err
	}
	return ForHeld(ps, id, organisation, now)
}

// ForHeld returns the Signer of profile id, which ps holds unlocked in
// this session (profile.Service.Held), issuing its certificate the first
// time; it derives no key (the certificate key is wrapped under the
// profile key). Codes: profile.not_unlocked, profile.not_found,
// keys.corrupt.
func ForHeld(ps *profile.Service, id, organisation string, now time.Time) (*Signer, error) {
	sum, identity, err := ps.Held(id)
	if err != nil {
		return nil, err
	}
	stored, secret, err := ps.OpenCertificate(id)
	if apperr.HasCode(err, "profile.no_certificate") {
		der, sec, ierr := Issue(sum, identity, organisation, now)
		if ierr != nil {
			return nil, ierr
		}
		stored, err = ps.SaveCertificate(id, der, sec)
		secret = sec
	}
	if err != nil {
		return nil, err
	}
	cert, err := x509.ParseCertificate(stored.DER)
	if err != nil {
		return nil, apperr.Wrap(err, "profile.bad_certificate", "id", id)
	}
	bound, err := Binding(cert)
	if err != nil {
		return nil, err
	}
	if !bound.Equal(identity.Public().(ed25519.PublicKey)) {
		return nil, apperr.New("pdfsig.unbound").WithDetail("the certificate of profile %s is bound to another profile's key", id)
	}
	key, err := keyFrom(cert, secret)
	if err != nil {
		return nil, err
	}
	return &Signer{Profile: sum, Stored: stored, Certificate: cert, key: key}, nil
}

// Info is what the signature dictionary says besides the signature. Each
// field is reduced to printable ASCII (see the package comment).
type Info struct {
	// Reason is why the document was signed, e.g. "GoLive confirmation R26…".
	Reason string
	// Location is where, e.g. the organisation's name in English.
	Location string
	// At is the signing time.
	At time.Time
}

// Sign returns doc with the signer's digital signature added as an
// incremental update. Code pdfsig.sign_failed.
func (s *Signer) Sign(doc []byte, info Info) ([]byte, error) {
	rdr, err := pdf.NewReader(bytes.NewReader(doc), int64(len(doc)))
	if err != nil {
		return nil, apperr.Wrap(err, "pdfsig.sign_failed")
	}
	var out bytes.Buffer
	err = sign.Sign(bytes.NewReader(doc), &out, rdr, int64(len(doc)), sign.SignData{
		Signature: sign.SignDataSignature{
			Info: sign.SignDataSignatureInfo{
				Name:        ascii("GoLive profile " + s.Profile.ID),
				Location:    ascii(info.Location),
				Reason:      ascii(info.Reason),
				ContactInfo: ascii("Ed25519 " + s.Profile.Fingerprint),
				Date:        info.At,
			},
			CertType:   sign.CertificationSignature,
			DocMDPPerm: sign.DoNotAllowAnyChangesPerms,
		},
		Signer:          s.key,
		DigestAlgorithm: crypto.SHA256,
		Certificate:     s.Certificate,
	})
	if err != nil {
		return nil, apperr.Wrap(err, "pdfsig.sign_failed")
	}
	return out.Bytes(), nil
}

// ascii keeps printable ASCII and drops the characters a PDF literal
// string would need escaped, since pdfsign writes the fields unescaped.
func ascii(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= 0x20 && r < 0x7f && r != '(' && r != ')' && r != '\\' {
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}

// NewSigner returns a signer for sum with a freshly issued certificate
// that is not stored anywhere: for tests and benchmarks, which need a
// signature but no profile store.
func NewSigner(sum profile.Summary, identity ed25519.PrivateKey, organisation string, now time.Time) (*Signer, error) {
	der, secret, err := Issue(sum, identity, organisation, now)
	if err != nil {
		return nil, err
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, apperr.Wrap(err, apperr.Internal)
	}
	key, err := keyFrom(cert, secret)
	if err != nil {
		return nil, err
	}
	return &Signer{Profile: sum, Stored: profile.Certificate{DER: der, Fingerprint: profile.CertificateFingerprint(der)}, Certificate: cert, key: key}, nil
}
