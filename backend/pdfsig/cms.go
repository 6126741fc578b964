package pdfsig

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"errors"
	"math/big"

	"golive/backend/apperr"
)

// The CMS (RFC 5652) that Sign writes and checkCMS accepts: SignedData
// version 1, one digest algorithm (SHA-256), detached id-data content,
// exactly one certificate, no CRLs, one SignerInfo identified by issuer
// and serial number, signed attributes holding the content type and the
// message digest, an ECDSA-with-SHA-256 signature and no unsigned
// attributes. Every byte of the structure is either checked here or
// covered by the signature, and the structure must be the DER encoding of
// what was parsed, so that /Contents cannot carry anything else.

var (
	oidData            = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 1}
	oidSignedData      = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 2}
	oidContentType     = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 3}
	oidMessageDigest   = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 4}
	oidSHA256          = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 1}
	oidECDSAWithSHA256 = asn1.ObjectIdentifier{1, 2, 840, 10045, 4, 3, 2}
)

type contentInfo struct {
	ContentType asn1.ObjectIdentifier
	Content     asn1.RawValue `asn1:"explicit,tag:0"`
}

type signedData struct {
	Version          int
	DigestAlgorithms []pkix.AlgorithmIdentifier `asn1:"set"`
	EncapContent     encapContentInfo
	Certificates     asn1.RawValue `asn1:"optional,tag:0"`
	CRLs             asn1.RawValue `asn1:"optional,tag:1"`
	SignerInfos      []signerInfo  `asn1:"set"`
}

type encapContentInfo struct {
	EContentType asn1.ObjectIdentifier
	EContent     asn1.RawValue `asn1:"optional,explicit,tag:0"`
}

type signerInfo struct {
	Version            int
	SID                issuerAndSerial
	DigestAlgorithm    pkix.AlgorithmIdentifier
	SignedAttrs        asn1.RawValue `asn1:"optional,tag:0"`
	SignatureAlgorithm pkix.AlgorithmIdentifier
	Signature          []byte
	UnsignedAttrs      asn1.RawValue `asn1:"optional,tag:1"`
}

type issuerAndSerial struct {
	Issuer asn1.RawValue
	Serial *big.Int
}

type attribute struct {
	Type   asn1.ObjectIdentifier
	Values asn1.RawValue `asn1:"set"`
}

// cmsError is the code of every structural failure.
func cmsError(format string, args ...any) error {
	return apperr.New("pdfsig.invalid").WithDetail("the signature is not the CMS GoLive writes: "+format, args...)
}

// checkCMS verifies der, a detached CMS signature, over signed and returns
// the signer's certificate. Codes: pdfsig.digest_mismatch when signed is
// not what was signed, pdfsig.invalid for anything else.
func checkCMS(der, signed []byte) (*x509.Certificate, error) {
	var ci contentInfo
	if rest, err := asn1.Unmarshal(der, &ci); err != nil || len(rest) > 0 {
		return nil, cmsError("%v", errors.Join(err, errTrailing(rest)))
	}
	var sd signedData
	if rest, err := asn1.Unmarshal(ci.Content.Bytes, &sd); err != nil || len(rest) > 0 {
		return nil, cmsError("SignedData: %v", errors.Join(err, errTrailing(rest)))
	}
	if again, err := asn1.Marshal(ci); err != nil || !bytes.Equal(again, der) {
		return nil, cmsError("it is not in canonical DER")
	}
	// asn1 does not look at the constructed bit of a tagged field read as
	// a RawValue, and the signature does not cover the tag of the signed
	// attributes: the three [0] fields must be written as such (0xA0).
	tagged := func(v asn1.RawValue) bool { return len(v.FullBytes) > 0 && v.FullBytes[0] == 0xA0 }
	if len(sd.SignerInfos) != 1 {
		return nil, cmsError("%d signers, GoLive makes one", len(sd.SignerInfos))
	}
	switch {
	case !tagged(ci.Content) || !tagged(sd.Certificates) || !tagged(sd.SignerInfos[0].SignedAttrs):
		return nil, cmsError("a [0] field is not tagged as constructed")
	case !ci.ContentType.Equal(oidSignedData):
		return nil, cmsError("content type %v", ci.ContentType)
	case sd.Version != 1:
		return nil, cmsError("SignedData version %d", sd.Version)
	case len(sd.DigestAlgorithms) != 1 || !sha256Alg(sd.DigestAlgorithms[0]):
		return nil, cmsError("digest algorithms %v", sd.DigestAlgorithms)
	case !sd.EncapContent.EContentType.Equal(oidData) || len(sd.EncapContent.EContent.FullBytes) > 0:
		return nil, cmsError("the content is not detached id-data")
	case len(sd.CRLs.FullBytes) > 0:
		return nil, cmsError("it carries CRLs")
	}
	cert, err := onlyCertificate(sd.Certificates)
	if err != nil {
		return nil, err
	}
	si := sd.SignerInfos[0]
	switch {
	case si.Version != 1:
		return nil, cmsError("SignerInfo version %d", si.Version)
	case !bytes.Equal(si.SID.Issuer.FullBytes, cert.RawIssuer) || si.SID.Serial == nil || si.SID.Serial.Cmp(cert.SerialNumber) != 0:
		return nil, cmsError("the signer is not the certificate's subject")
	case !sha256Alg(si.DigestAlgorithm):
		return nil, cmsError("digest algorithm %v", si.DigestAlgorithm.Algorithm)
	case !si.SignatureAlgorithm.Algorithm.Equal(oidECDSAWithSHA256) || len(si.SignatureAlgorithm.Parameters.FullBytes) > 0:
		return nil, cmsError("signature algorithm %v", si.SignatureAlgorithm.Algorithm)
	case len(si.UnsignedAttrs.FullBytes) > 0:
		return nil, cmsError("it carries unsigned attributes")
	case len(si.SignedAttrs.FullBytes) == 0:
		return nil, cmsError("it has no signed attributes")
	}
	attrs, err := signedAttributes(si.SignedAttrs.Bytes)
	if err != nil {
		return nil, err
	}
	var digest []byte
	var ctype asn1.ObjectIdentifier
	if rest, err := asn1.Unmarshal(attrs[oidMessageDigest.String()], &digest); err != nil || len(rest) > 0 {
		return nil, cmsError("no message digest")
	}
	if rest, err := asn1.Unmarshal(attrs[oidContentType.String()], &ctype); err != nil || len(rest) > 0 || !ctype.Equal(oidData) {
		return nil, cmsError("the signed content type is not id-data")
	}
	sum := sha256.Sum256(signed)
	if !bytes.Equal(digest, sum[:]) {
		return nil, apperr.New("pdfsig.digest_mismatch").WithDetail("the file was changed after it was signed (digest mismatch)")
	}
	// The signature is over the DER of the attributes as a SET (tag 0x31),
	// not as the [0] IMPLICIT field they are stored in.
	msg := append([]byte{0x31}, si.SignedAttrs.FullBytes[1:]...)
	if err := cert.CheckSignature(x509.ECDSAWithSHA256, msg, si.Signature); err != nil {
		return nil, apperr.Wrap(err, "pdfsig.invalid").WithDetail("the signature does not match the certificate: %v", err)
	}
	return cert, nil
}

func errTrailing(rest []byte) error {
	if len(rest) > 0 {
		return errors.New("trailing bytes")
	}
	return nil
}

// sha256Alg reports whether a is SHA-256, with absent or NULL parameters.
func sha256Alg(a pkix.AlgorithmIdentifier) bool {
	p := a.Parameters.FullBytes
	return a.Algorithm.Equal(oidSHA256) && (len(p) == 0 || bytes.Equal(p, []byte{5, 0}))
}

// onlyCertificate returns the one certificate of the [0] field, after
// checking its self-signature: a certificate whose bytes were altered
// after signing is refused, not just its key used.
func onlyCertificate(raw asn1.RawValue) (*x509.Certificate, error) {
	var one asn1.RawValue
	rest, err := asn1.Unmarshal(raw.Bytes, &one)
	if err != nil || len(rest) > 0 || len(raw.FullBytes) == 0 {
		return nil, cmsError("it must carry exactly one certificate")
	}
	cert, err := x509.ParseCertificate(one.FullBytes)
	if err != nil {
		return nil, cmsError("certificate: %v", err)
	}
	if _, ok := cert.PublicKey.(*ecdsa.PublicKey); !ok {
		return nil, cmsError("the certificate key is not ECDSA")
	}
	if err := cert.CheckSignature(cert.SignatureAlgorithm, cert.RawTBSCertificate, cert.Signature); err != nil {
		return nil, apperr.Wrap(err, "pdfsig.invalid").WithDetail("the signing certificate was altered: its self-signature does not match")
	}
	return cert, nil
}

// signedAttributes returns the value set of each signed attribute by OID,
// refusing an attribute given twice.
func signedAttributes(b []byte) (map[string][]byte, error) {
	out := map[string][]byte{}
	for len(b) > 0 {
		var a attribute
		rest, err := asn1.Unmarshal(b, &a)
		if err != nil {
			return nil, cmsError("signed attributes: %v", err)
		}
		k := a.Type.String()
		if _, dup := out[k]; dup {
			return nil, cmsError("signed attribute %s given twice", k)
		}
		// A single value: the set's content is that value's encoding.
		out[k] = a.Values.Bytes
		b = rest
	}
	return out, nil
}
