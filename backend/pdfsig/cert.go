package pdfsig

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/hex"
	"math/big"
	"net/url"
	"strings"
	"time"

	"golive/backend/apperr"
	"golive/backend/profile"
)

// Validity is how long an issued certificate is valid.
const Validity = 20 * 365 * 24 * time.Hour

// bindingContext prefixes what the identity key signs, so a binding
// signature can never be mistaken for an event signature.
const bindingContext = "golive/pdf-certificate-binding/v1\n"

// URI schemes of the binding in the subject alternative names.
const (
	uriIdentity = "urn:golive:ed25519:"
	uriBinding  = "urn:golive:binding:"
)

// oidDocumentSigning is the document-signing extended key usage (RFC 9336).
var oidDocumentSigning = asn1.ObjectIdentifier{1, 3, 6, 1, 5, 5, 7, 3, 36}

// Issue makes a self-signed certificate for the profile sum, whose
// identity key is identity, and returns it (DER) with its key's secret
// (profile.CertificateSecretSize bytes) for profile.Service.SaveCertificate.
// organisation goes into the subject.
func Issue(sum profile.Summary, identity ed25519.PrivateKey, organisation string, now time.Time) (der, secret []byte, err error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, nil, apperr.Wrap(err, "keys.generate_failed")
	}
	spki, err := x509.MarshalPKIXPublicKey(&key.PublicKey)
	if err != nil {
		return nil, nil, apperr.Wrap(err, apperr.Internal)
	}
	pub := identity.Public().(ed25519.PublicKey)
	idURI, _ := url.Parse(uriIdentity + hex.EncodeToString(pub))
	bindURI, _ := url.Parse(uriBinding + hex.EncodeToString(ed25519.Sign(identity, bindingMessage(spki))))
	serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 127))
	if err != nil {
		return nil, nil, apperr.Wrap(err, "keys.generate_failed")
	}
	subject := pkix.Name{CommonName: sum.Name, SerialNumber: sum.ID}
	if sum.Department != "" {
		subject.OrganizationalUnit = []string{sum.Department}
	}
	if organisation != "" {
		subject.Organization = []string{organisation}
	}
	if sum.Sample {
		subject.OrganizationalUnit = append(subject.OrganizationalUnit, "SAMPLE")
	}
	tpl := &x509.Certificate{
		SerialNumber:          serial,
		Subject:               subject,
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.Add(Validity),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment,
		UnknownExtKeyUsage:    []asn1.ObjectIdentifier{oidDocumentSigning},
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageEmailProtection},
		BasicConstraintsValid: true,
		URIs:                  []*url.URL{idURI, bindURI},
		SignatureAlgorithm:    x509.ECDSAWithSHA256,
	}
	der, err = x509.CreateCertificate(rand.Reader, tpl, tpl, &key.PublicKey, key)
	if err != nil {
		return nil, nil, apperr.Wrap(err, apperr.Internal)
	}
	secret, err = key.Bytes()
	if err != nil {
		return nil, nil, apperr.Wrap(err, apperr.Internal)
	}
	return der, secret, nil
}

func bindingMessage(spki []byte) []byte {
	sum := sha256.Sum256(spki)
	return append([]byte(bindingContext), sum[:]...)
}

// Binding returns the Ed25519 identity key cert is bound to, after
// checking the identity's signature over the certificate's public key.
// Code pdfsig.unbound when the certificate carries no valid binding.
func Binding(cert *x509.Certificate) (ed25519.PublicKey, error) {
	var pubHex, sigHex string
	for _, u := range cert.URIs {
		s := u.String()
		switch {
		case strings.HasPrefix(s, uriIdentity):
			pubHex = strings.TrimPrefix(s, uriIdentity)
		case strings.HasPrefix(s, uriBinding):
			sigHex = strings.TrimPrefix(s, uriBinding)
		}
	}
	pub, err1 := hex.DecodeString(pubHex)
	sig, err2 := hex.DecodeString(sigHex)
	if err1 != nil || err2 != nil || len(pub) != ed25519.PublicKeySize || len(sig) != ed25519.SignatureSize {
		return nil, apperr.New("pdfsig.unbound").WithDetail("the certificate names no GoLive profile key")
	}
	if !ed25519.Verify(pub, bindingMessage(cert.RawSubjectPublicKeyInfo), sig) {
		return nil, apperr.New("pdfsig.unbound").WithDetail("the profile key's binding signature does not match the certificate key")
	}
	return pub, nil
}

// keyFrom rebuilds the certificate key from its secret and checks that it
// is the key of cert. Code keys.corrupt otherwise.
func keyFrom(cert *x509.Certificate, secret []byte) (*ecdsa.PrivateKey, error) {
	key, err := ecdsa.ParseRawPrivateKey(elliptic.P256(), secret)
	if err != nil {
		return nil, apperr.Wrap(err, "keys.corrupt")
	}
	pub, ok := cert.PublicKey.(*ecdsa.PublicKey)
	if !ok || !pub.Equal(&key.PublicKey) {
		return nil, apperr.New("keys.corrupt").WithDetail("the certificate key does not match the certificate")
	}
	return key, nil
}
