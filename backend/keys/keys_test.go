package keys_test

import (
	"crypto/ed25519"
	"testing"

	"golive/backend/apperr"
	"golive/backend/keys"
)

// fastKDF keeps tests quick; the parameters travel with the sealed key.
var fastKDF = keys.KDF{Time: 1, MemoryKiB: 1024, Threads: 1}

func sealed(t *testing.T, pass string) (ed25519.PrivateKey, keys.Sealed) {
	t.Helper()
	_, priv, err := keys.Generate()
	if err != nil {
		t.Fatal(err)
	}
	s, err := keys.Seal(priv, pass, fastKDF)
	if err != nil {
		t.Fatal(err)
	}
	return priv, s
}

func TestSealOpen(t *testing.T) {
	t.Run("RightPassphraseOpens", func(t *testing.T) {
		priv, s := sealed(t, "correct horse 上线")
		got, err := keys.Open(s, "correct horse 上线")
		if err != nil {
			t.Fatal(err)
		}
		if !got.Equal(priv) {
			t.Fatal("opened key differs from the sealed one")
		}
	})
	t.Run("WrongPassphraseRefused", func(t *testing.T) {
		_, s := sealed(t, "correct horse")
		_, err := keys.Open(s, "correct horsf")
		if apperr.Code(err) != "keys.wrong_passphrase" {
			t.Fatalf("code = %q, want keys.wrong_passphrase", apperr.Code(err))
		}
	})
	t.Run("TamperedBoxRefused", func(t *testing.T) {
		_, s := sealed(t, "correct horse")
		s.Box[3] ^= 1
		if _, err := keys.Open(s, "correct horse"); apperr.Code(err) != "keys.wrong_passphrase" {
			t.Fatalf("code = %q", apperr.Code(err))
		}
	})
	t.Run("SwappedPublicKeyRefused", func(t *testing.T) {
		_, s := sealed(t, "correct horse")
		_, other := sealed(t, "correct horse")
		s.Public = other.Public
		if _, err := keys.Open(s, "correct horse"); err == nil {
			t.Fatal("opened a key whose public half was swapped")
		}
	})
	t.Run("CorruptRecordRefused", func(t *testing.T) {
		_, s := sealed(t, "correct horse")
		s.Public = "zz"
		if _, err := keys.Open(s, "correct horse"); apperr.Code(err) != "keys.corrupt" {
			t.Fatalf("code = %q", apperr.Code(err))
		}
	})
	t.Run("ShortPassphraseRejected", func(t *testing.T) {
		_, priv, _ := keys.Generate()
		if _, err := keys.Seal(priv, "short", fastKDF); apperr.Code(err) != "keys.weak_passphrase" {
			t.Fatalf("code = %q", apperr.Code(err))
		}
	})
	t.Run("SaltsDiffer", func(t *testing.T) {
		_, priv, _ := keys.Generate()
		a, _ := keys.Seal(priv, "correct horse", fastKDF)
		b, _ := keys.Seal(priv, "correct horse", fastKDF)
		if string(a.KDF.Salt) == string(b.KDF.Salt) || string(a.Box) == string(b.Box) {
			t.Fatal("two seals of one key share salt or ciphertext")
		}
	})
}

func TestFingerprint(t *testing.T) {
	pub := ed25519.NewKeyFromSeed(make([]byte, 32)).Public().(ed25519.PublicKey)
	fp := keys.Fingerprint(pub)
	if len(fp) != 39 || fp[4] != ' ' {
		t.Fatalf("fingerprint %q is not eight groups of four", fp)
	}
	if keys.FingerprintHex("nothex") != "" {
		t.Fatal("malformed key got a fingerprint")
	}
}
