package profile_test

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"math/big"
	"strings"
	"testing"
	"time"

	"golive/backend/apperr"
	"golive/backend/internal/testenv"
	"golive/backend/keys"
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
	t.Run("LockedStoresNothing", func(t *testing.T) {
		env.Profiles.Lock()
		defer env.Profiles.Unlock(id, "passphrase-123")
		if _, err := env.Profiles.SaveCertificate(id, der, secret); apperr.Code(err) != "profile.not_unlocked" || !strings.Contains(err.Error(), "张伟") {
			t.Fatalf("err = %v", err)
		}
		if _, err := env.Profiles.Certificate(id); apperr.Code(err) != "profile.no_certificate" {
			t.Fatal("a refused certificate was stored")
		}
	})
	t.Run("Refused", func(t *testing.T) {
		if _, err := env.Profiles.SaveCertificate("0000000000000000", der, secret); apperr.Code(err) != "profile.not_found" {
			t.Fatalf("code = %q", apperr.Code(err))
		}
		if _, err := env.Profiles.SaveCertificate(id, []byte("not a certificate"), secret); apperr.Code(err) != "profile.bad_certificate" {
			t.Fatalf("code = %q", apperr.Code(err))
		}
		if _, err := env.Profiles.SaveCertificate(id, der, secret[:16]); apperr.Code(err) != "profile.bad_certificate" {
			t.Fatalf("code = %q", apperr.Code(err))
		}
	})
	t.Run("StoredWrapped", func(t *testing.T) {
		c, err := env.Profiles.SaveCertificate(id, der, secret)
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
		// Opened again after a lock and an unlock: from the disk, with the
		// profile key alone.
		env.Profiles.Lock()
		if _, _, err := env.Profiles.OpenCertificate(id); apperr.Code(err) != "profile.not_unlocked" {
			t.Fatalf("locked: code = %q", apperr.Code(err))
		}
		if _, err := env.Profiles.Unlock(id, "passphrase-123"); err != nil {
			t.Fatal(err)
		}
		_, opened, err := env.Profiles.OpenCertificate(id)
		if err != nil || !bytes.Equal(opened, secret) {
			t.Fatalf("opened %x, %v", opened, err)
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

// TestCertificateFromAnOlderFolder: a certificate key an older GoLive
// sealed under the passphrase opens at the next unlock, is stored again
// wrapped under the profile key, and from then on costs no derivation of
// its own.
func TestCertificateFromAnOlderFolder(t *testing.T) {
	env := testenv.Open(t, "", "张伟", "project_manager")
	id := env.Profile.ID
	der, secret := selfSigned(t, "张伟")
	sealed, err := keys.Seal(ed25519.NewKeyFromSeed(secret), "passphrase-123", testenv.FastKDF)
	if err != nil {
		t.Fatal(err)
	}
	old := map[string]any{"profile_id": id, "der": der, "subject": "CN=张伟", "sealed": sealed}
	if err := env.Store.Put("pcert", id, old); err != nil {
		t.Fatal(err)
	}
	env.Profiles.Lock()
	n := derivationsIn(func() {
		if _, err := env.Profiles.Unlock(id, "passphrase-123"); err != nil {
			t.Fatal(err)
		}
	})
	if n != 2 {
		t.Fatalf("the unlock that upgrades the record ran %d derivations, want 2 (profile key, old certificate box)", n)
	}
	if _, got, err := env.Profiles.OpenCertificate(id); err != nil || !bytes.Equal(got, secret) {
		t.Fatalf("opened %x, %v", got, err)
	}
	var rec map[string]json.RawMessage
	if err := env.Store.Get("pcert", id, &rec); err != nil {
		t.Fatal(err)
	}
	if _, ok := rec["sealed"]; ok || rec["wrapped"] == nil {
		t.Fatalf("the record was not stored again wrapped: %s", rec)
	}
	env.Profiles.Lock()
	n = derivationsIn(func() {
		if _, err := env.Profiles.Unlock(id, "passphrase-123"); err != nil {
			t.Fatal(err)
		}
		if _, got, err := env.Profiles.OpenCertificate(id); err != nil || !bytes.Equal(got, secret) {
			t.Fatalf("opened %x, %v", got, err)
		}
	})
	if n != 1 {
		t.Fatalf("unlocking and opening the certificate ran %d derivations, want 1", n)
	}
}
