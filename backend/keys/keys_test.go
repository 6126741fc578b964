package keys_test

import (
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"errors"
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

// edited returns s after changing its stored record (the JSON a profile
// keeps) with edit.
func edited(t *testing.T, s keys.Sealed, edit func(rec map[string]any)) keys.Sealed {
	t.Helper()
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	var rec map[string]any
	if err := json.Unmarshal(b, &rec); err != nil {
		t.Fatal(err)
	}
	edit(rec)
	if b, err = json.Marshal(rec); err != nil {
		t.Fatal(err)
	}
	var out keys.Sealed
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestStoredSettingsAreBounded(t *testing.T) {
	kdf := func(key string, v any) func(map[string]any) {
		return func(rec map[string]any) { rec["kdf"].(map[string]any)[key] = v }
	}
	for _, c := range []struct {
		name    string
		edit    func(map[string]any)
		setting string
	}{
		{"EightGiBOfMemory", kdf("memory_kib", 8<<20), "memory_kib"},
		{"FourBillionPasses", kdf("time", 4e9), "time"},
		{"OneGiBSixteenTimes", func(rec map[string]any) { kdf("time", 16)(rec); kdf("memory_kib", 1<<20)(rec) }, "memory_kib"},
		{"TooLittleMemoryForTheThreads", func(rec map[string]any) { kdf("threads", 4)(rec); kdf("memory_kib", 16)(rec) }, "memory_kib"},
		{"NoPass", kdf("time", 0), "time"},
		{"TwoHundredThreads", kdf("threads", 200), "threads"},
		{"LongSalt", kdf("salt", base64.StdEncoding.EncodeToString(make([]byte, 1<<20))), "salt"},
		{"ShortSalt", kdf("salt", "AAA="), "salt"},
		{"AnotherFunction", kdf("name", "scrypt"), "name"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, s := sealed(t, "correct horse")
			_, err := keys.Open(edited(t, s, c.edit), "correct horse")
			var e *apperr.Error
			if apperr.Code(err) != "keys.kdf_out_of_range" || !errors.As(err, &e) || e.Params["setting"] != c.setting || e.Detail == "" {
				t.Fatalf("err = %v (%+v), want keys.kdf_out_of_range for %s", err, e, c.setting)
			}
		})
	}
	t.Run("KeyLengths", func(t *testing.T) {
		for name, edit := range map[string]func(map[string]any){
			"Box":    func(rec map[string]any) { rec["box"] = base64.StdEncoding.EncodeToString(make([]byte, 1<<16)) },
			"Nonce":  func(rec map[string]any) { rec["nonce"] = "AAAA" },
			"Public": func(rec map[string]any) { rec["public"] = "00" },
		} {
			_, s := sealed(t, "correct horse")
			if _, err := keys.Open(edited(t, s, edit), "correct horse"); apperr.Code(err) != "keys.corrupt" {
				t.Errorf("%s of the wrong length: %v", name, err)
			}
		}
	})
	t.Run("WithinBoundsIsObeyed", func(t *testing.T) {
		_, s := sealed(t, "correct horse")
		// Other settings derive another key: the passphrase no longer
		// opens the box, so the edited settings were used, not refused.
		if _, err := keys.Open(edited(t, s, kdf("threads", 2)), "correct horse"); apperr.Code(err) != "keys.wrong_passphrase" {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("SealRefusesThemToo", func(t *testing.T) {
		_, priv, _ := keys.Generate()
		if _, err := keys.Seal(priv, "correct horse", keys.KDF{Time: 1, MemoryKiB: 8 << 20, Threads: 1}); apperr.Code(err) != "keys.kdf_out_of_range" {
			t.Fatalf("err = %v", err)
		}
	})
}

// TestWrap: a secret wrapped under a profile key opens with that key and
// label only, and neither wrapping nor opening derives a passphrase key.
func TestWrap(t *testing.T) {
	priv, _ := sealed(t, "correct horse")
	other, _ := sealed(t, "correct horse")
	secret := []byte("0123456789abcdef0123456789abcdef")
	before := keys.Derivations()
	w, err := keys.Wrap(priv, "pdf-certificate", secret)
	if err != nil {
		t.Fatal(err)
	}
	got, err := keys.Unwrap(priv, "pdf-certificate", w)
	if err != nil || string(got) != string(secret) {
		t.Fatalf("unwrapped %q, %v", got, err)
	}
	if n := keys.Derivations() - before; n != 0 {
		t.Fatalf("wrapping and unwrapping ran %d key derivations", n)
	}
	if string(w.Box) == string(secret) || len(w.Box) <= len(secret) {
		t.Fatal("the wrapped box holds the secret in the clear")
	}
	for name, try := range map[string]func() ([]byte, error){
		"AnotherKey":   func() ([]byte, error) { return keys.Unwrap(other, "pdf-certificate", w) },
		"AnotherLabel": func() ([]byte, error) { return keys.Unwrap(priv, "something-else", w) },
		"TamperedBox": func() ([]byte, error) {
			bad := keys.Wrapped{Nonce: w.Nonce, Box: append([]byte{}, w.Box...)}
			bad.Box[0] ^= 1
			return keys.Unwrap(priv, "pdf-certificate", bad)
		},
		"ShortNonce": func() ([]byte, error) {
			return keys.Unwrap(priv, "pdf-certificate", keys.Wrapped{Nonce: w.Nonce[:8], Box: w.Box})
		},
	} {
		t.Run(name, func(t *testing.T) {
			if got, err := try(); apperr.Code(err) != "keys.corrupt" || got != nil {
				t.Fatalf("got %q, code %q; want keys.corrupt", got, apperr.Code(err))
			}
		})
	}
	t.Run("SealAndOpenEachDeriveOnce", func(t *testing.T) {
		before := keys.Derivations()
		_, s := sealed(t, "correct horse")
		if _, err := keys.Open(s, "correct horse"); err != nil {
			t.Fatal(err)
		}
		if n := keys.Derivations() - before; n != 2 {
			t.Fatalf("a seal and an open ran %d derivations, want 2", n)
		}
	})
}
