package profile_test

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/hex"
	"math/big"
	"strings"
	"testing"
	"time"

	"golive/backend/apperr"
	"golive/backend/internal/testenv"
	"golive/backend/profile"
)

// selfSigned returns a throwaway certificate and its key's 32-byte secret.
func selfSigned(t *testing.T, cn string) ([]byte, []byte) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tpl := &x509.Certificate{SerialNumber: big.NewInt(42), Subject: pkix.Name{CommonName: cn},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour)}
	der, err := x509.CreateCertificate(rand.Reader, tpl, tpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	secret, err := key.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	return der, secret
}

func TestCertificateStorage(t *testing.T) {
	env := testenv.Open(t, "", "张伟", "project_manager")
	id := env.Profile.ID
	der, secret := selfSigned(t, "张伟")
	t.Run("NoneYet", func(t *testing.T) {
		if _, err := env.Profiles.Certificate(id); apperr.Code(err) != "profile.no_certificate" {
			t.Fatalf("code = %q", apperr.Code(err))
		}
	})
	t.Run("WrongPassphraseStoresNothing", func(t *testing.T) {
		if _, err := env.Profiles.SaveCertificate(id, der, secret, "passphrase-999"); apperr.Code(err) != "keys.wrong_passphrase" {
			t.Fatalf("code = %q", apperr.Code(err))
		}
		if _, err := env.Profiles.Certificate(id); apperr.Code(err) != "profile.no_certificate" {
			t.Fatal("a refused certificate was stored")
		}
	})
	t.Run("Refused", func(t *testing.T) {
		if _, err := env.Profiles.SaveCertificate("0000000000000000", der, secret, "passphrase-123"); apperr.Code(err) != "profile.not_found" {
			t.Fatalf("code = %q", apperr.Code(err))
		}
		if _, err := env.Profiles.SaveCertificate(id, []byte("not a certificate"), secret, "passphrase-123"); apperr.Code(err) != "profile.bad_certificate" {
			t.Fatalf("code = %q", apperr.Code(err))
		}
		if _, err := env.Profiles.SaveCertificate(id, der, secret[:16], "passphrase-123"); apperr.Code(err) != "profile.bad_certificate" {
			t.Fatalf("code = %q", apperr.Code(err))
		}
	})
	t.Run("StoredSealed", func(t *testing.T) {
		c, err := env.Profiles.SaveCertificate(id, der, secret, "passphrase-123")
		if err != nil {
			t.Fatal(err)
		}
		if c.ProfileID != id || c.Subject != "CN=张伟" || c.Serial != "2a" || c.Algorithm != "ECDSA-SHA256" ||
			len(strings.Fields(c.Fingerprint)) != 16 || c.Fingerprint != profile.CertificateFingerprint(der) {
			t.Fatalf("certificate = %+v", c)
		}
		got, err := env.Profiles.Certificate(id)
		if err != nil || !bytes.Equal(got.DER, der) {
			t.Fatalf("stored = %+v, %v", got, err)
		}
		_, opened, err := env.Profiles.OpenCertificate(id, "passphrase-123")
		if err != nil || !bytes.Equal(opened, secret) {
			t.Fatalf("opened %x, %v", opened, err)
		}
		if _, _, err := env.Profiles.OpenCertificate(id, "passphrase-124"); apperr.Code(err) != "keys.wrong_passphrase" {
			t.Fatalf("code = %q", apperr.Code(err))
		}
		raw, err := env.Store.DB().NewTransaction(false).Get([]byte("pcert/" + id))
		if err != nil {
			t.Fatal(err)
		}
		val, _ := raw.ValueCopy(nil)
		if bytes.Contains(val, secret) || bytes.Contains(val, []byte(base64.StdEncoding.EncodeToString(secret))) || bytes.Contains(val, []byte(hex.EncodeToString(secret))) {
			t.Fatal("the certificate key is stored in the clear")
		}
	})
}
