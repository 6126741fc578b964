package profile

import (
	"crypto/ed25519"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"strings"
	"time"

	"golive/backend/apperr"
	"golive/backend/keys"
)

const bucketCertificates = "pcert"

// CertificateSecretSize is the length of a certificate key's secret: the
// raw scalar of an ECDSA P-256 key.
const CertificateSecretSize = 32

// Certificate is a profile's X.509 certificate for signing PDF documents,
// as the profile page shows it. It never holds key material.
type Certificate struct {
	// ProfileID is the profile the certificate belongs to.
	ProfileID string `json:"profile_id"`
	// DER is the certificate itself.
	DER []byte `json:"der"`
	// Fingerprint is the SHA-256 of DER in groups of four uppercase hex digits.
	Fingerprint string `json:"fingerprint"`
	// Subject is the certificate's subject in RFC 2253 form.
	Subject string `json:"subject"`
	// Serial is the serial number in hex.
	Serial string `json:"serial"`
	// Algorithm names the signature algorithm, e.g. "ECDSA-SHA256".
	Algorithm string `json:"algorithm"`
	// NotBefore and NotAfter bound the validity.
	NotBefore time.Time `json:"not_before"`
	NotAfter  time.Time `json:"not_after"`
	// CreatedAt is when it was stored.
	CreatedAt time.Time `json:"created_at"`
}

// certRecord is a certificate with its key secret, sealed like a profile
// key: keys.Seal encrypts an Ed25519 seed, and the 32-byte secret is
// handed to it as one (the seed's derived public half only serves as the
// box's associated data).
type certRecord struct {
	Certificate
	Sealed keys.Sealed `json:"sealed"`
}

// SaveCertificate stores der as profile id's certificate, replacing any
// earlier one, with the certificate key's secret (CertificateSecretSize
// bytes) sealed under passphrase, which must be the profile's own
// (it is checked by opening the profile key). Codes: profile.not_found,
// keys.wrong_passphrase, profile.bad_certificate.
func (s *Service) SaveCertificate(id string, der, secret []byte, passphrase string) (Certificate, error) {
	var r record
	if err := s.st.Get(bucketProfiles, id, &r); err != nil {
		if apperr.HasCode(err, "store.not_found") {
			return Certificate{}, apperr.New("profile.not_found", "id", id)
		}
		return Certificate{}, err
	}
	if _, err := keys.Open(r.Sealed, passphrase); err != nil {
		return Certificate{}, err
	}
	if len(secret) != CertificateSecretSize {
		return Certificate{}, apperr.New("profile.bad_certificate", "id", id).WithDetail("key secret of %d bytes", len(secret))
	}
	c, err := describe(id, der)
	if err != nil {
		return Certificate{}, err
	}
	c.CreatedAt = s.Now().In(s.Zone)
	sealed, err := keys.Seal(ed25519.NewKeyFromSeed(secret), passphrase, r.Sealed.KDF)
	if err != nil {
		return Certificate{}, err
	}
	if err := s.st.Put(bucketCertificates, id, certRecord{Certificate: c, Sealed: sealed}); err != nil {
		return Certificate{}, err
	}
	return c, nil
}

// Certificate returns profile id's certificate. Code:
// profile.no_certificate when none was made yet.
func (s *Service) Certificate(id string) (Certificate, error) {
	r, err := s.certRecord(id)
	return r.Certificate, err
}

// OpenCertificate returns profile id's certificate and its key secret.
// Codes: profile.no_certificate, keys.wrong_passphrase, keys.corrupt.
func (s *Service) OpenCertificate(id, passphrase string) (Certificate, []byte, error) {
	r, err := s.certRecord(id)
	if err != nil {
		return Certificate{}, nil, err
	}
	k, err := keys.Open(r.Sealed, passphrase)
	if err != nil {
		return Certificate{}, nil, err
	}
	return r.Certificate, k.Seed(), nil
}

func (s *Service) certRecord(id string) (certRecord, error) {
	var r certRecord
	if err := s.st.Get(bucketCertificates, id, &r); err != nil {
		if apperr.HasCode(err, "store.not_found") {
			return certRecord{}, apperr.New("profile.no_certificate", "id", id)
		}
		return certRecord{}, err
	}
	return r, nil
}

// describe parses der into the fields the profile page shows.
func describe(id string, der []byte) (Certificate, error) {
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return Certificate{}, apperr.Wrap(err, "profile.bad_certificate", "id", id)
	}
	return Certificate{
		ProfileID:   id,
		DER:         der,
		Fingerprint: CertificateFingerprint(der),
		Subject:     cert.Subject.String(),
		Serial:      cert.SerialNumber.Text(16),
		Algorithm:   cert.SignatureAlgorithm.String(),
		NotBefore:   cert.NotBefore,
		NotAfter:    cert.NotAfter,
	}, nil
}

// CertificateFingerprint renders the SHA-256 of a DER certificate in
// sixteen groups of four uppercase hex digits.
func CertificateFingerprint(der []byte) string {
	sum := sha256.Sum256(der)
	h := strings.ToUpper(hex.EncodeToString(sum[:]))
	groups := make([]string, 0, 16)
	for i := 0; i < len(h); i += 4 {
		groups = append(groups, h[i:i+4])
	}
	return strings.Join(groups, " ")
}
