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
	// NotBefore and NotAfter bound the validity, in the folder's zone
	// like CreatedAt (a certificate holds them in UTC).
	NotBefore time.Time `json:"not_before"`
	NotAfter  time.Time `json:"not_after"`
	// CreatedAt is when it was stored.
	CreatedAt time.Time `json:"created_at"`
}

// certLabel is what a certificate key's secret is wrapped for (keys.Wrap).
const certLabel = "pdf-certificate"

// certRecord is a certificate with its key's secret wrapped under the
// profile key (keys.Wrap): opening it needs the profile key, which only the
// passphrase opens, and costs no key derivation of its own. A record
// stored by an older GoLive holds the secret sealed under the passphrase
// instead (Sealed, with its own argon2id salt); Unlock opens it with the
// passphrase this once and stores it wrapped.
type certRecord struct {
	Certificate
	Wrapped *keys.Wrapped `json:"wrapped,omitempty"`
	// Sealed is the secret sealed under the passphrase by keys.Seal (an
	// Ed25519 seed as far as Seal knows; its public half only serves as
	// the box's associated data), in records from before Wrapped.
	Sealed *keys.Sealed `json:"sealed,omitempty"`
}

// SaveCertificate stores der as profile id's certificate, replacing any
// earlier one, with the certificate key's secret (CertificateSecretSize
// bytes) wrapped under the profile key, which must be held unlocked in
// this session (Unlock or Create); it derives no key. Codes:
// profile.not_unlocked, profile.not_found, profile.bad_certificate.
func (s *Service) SaveCertificate(id string, der, secret []byte) (Certificate, error) {
	_, key, err := s.Held(id)
	if err != nil {
		return Certificate{}, err
	}
	if len(secret) != CertificateSecretSize {
		return Certificate{}, apperr.New("profile.bad_certificate", "id", id).WithDetail("key secret of %d bytes", len(secret))
	}
	c, err := describe(id, der)
	if err != nil {
		return Certificate{}, err
	}
	c.CreatedAt = s.Now()
	c = c.in(s.Zone)
	wrapped, err := keys.Wrap(key, certLabel, secret)
	if err != nil {
		return Certificate{}, err
	}
	if err := s.st.Put(bucketCertificates, id, certRecord{Certificate: c, Wrapped: &wrapped}); err != nil {
		return Certificate{}, err
	}
	s.holdCertSecret(id, secret)
	return c, nil
}

// Certificate returns profile id's certificate. Code:
// profile.no_certificate when none was made yet.
func (s *Service) Certificate(id string) (Certificate, error) {
	r, err := s.certRecord(id)
	return r.Certificate.in(s.Zone), err
}

// in returns c with its times in zone loc (the folder's, which the
// profile page shows every time in), as the same instants.
func (c Certificate) in(loc *time.Location) Certificate {
	if loc != nil {
		c.NotBefore, c.NotAfter, c.CreatedAt = c.NotBefore.In(loc), c.NotAfter.In(loc), c.CreatedAt.In(loc)
	}
	return c
}

// OpenCertificate returns profile id's certificate and its key's secret;
// the profile must be held unlocked in this session, and no key is
// derived. Codes: profile.no_certificate, profile.not_unlocked,
// profile.not_found, keys.corrupt (the wrapped secret does not open).
func (s *Service) OpenCertificate(id string) (Certificate, []byte, error) {
	_, key, err := s.Held(id)
	if err != nil {
		return Certificate{}, nil, err
	}
	r, err := s.certRecord(id)
	if err != nil {
		return Certificate{}, nil, err
	}
	s.mu.RLock()
	var held []byte
	if h, ok := s.held[id]; ok {
		held = h.certSecret
	}
	s.mu.RUnlock()
	if held != nil {
		return r.Certificate, held, nil
	}
	if r.Wrapped == nil {
		// A passphrase-sealed record Unlock could not open: only a new
		// unlock with the passphrase reads it.
		return Certificate{}, nil, s.notUnlocked(id)
	}
	secret, err := keys.Unwrap(key, certLabel, *r.Wrapped)
	if err != nil {
		return Certificate{}, nil, err
	}
	s.holdCertSecret(id, secret)
	return r.Certificate, secret, nil
}

// holdCertSecret keeps the certificate secret of held profile id for the
// session.
func (s *Service) holdCertSecret(id string, secret []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if h, ok := s.held[id]; ok {
		h.certSecret = secret
	}
}

// upgradeCertificate runs at Unlock with the passphrase and the opened
// profile key priv: a certificate secret stored by an older GoLive under
// the passphrase is opened (its own key derivation, this once) and stored
// again wrapped under priv; it returns the secret (nil when there was no
// such record). A folder open read-only keeps the old record; the secret
// is then held for the session only. Codes: keys.*, store.*.
func (s *Service) upgradeCertificate(id, passphrase string, priv ed25519.PrivateKey) ([]byte, error) {
	r, err := s.certRecord(id)
	if apperr.HasCode(err, "profile.no_certificate") || err == nil && (r.Wrapped != nil || r.Sealed == nil) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	k, err := keys.Open(*r.Sealed, passphrase)
	if err != nil {
		return nil, err
	}
	secret := k.Seed()
	wrapped, err := keys.Wrap(priv, certLabel, secret)
	if err != nil {
		return nil, err
	}
	err = s.st.Put(bucketCertificates, id, certRecord{Certificate: r.Certificate, Wrapped: &wrapped})
	if err != nil && !apperr.HasCode(err, "store.read_only") {
		return nil, err
	}
	return secret, nil
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
