// Package keys creates and protects a profile's Ed25519 signing key.
//
// A private key never touches the disk in the clear: Seal derives a 32-byte
// key from the passphrase with argon2id (a fresh 16-byte salt each time) and
// encrypts the 32-byte Ed25519 seed with XChaCha20-Poly1305; Open reverses it
// and reports a wrong passphrase as keys.wrong_passphrase, because the AEAD
// tag cannot be forged without the right derived key.
//
// The argon2id settings are stored with each sealed key, so they come from
// disk: Open obeys them only within bounds (KDF.Validate), so that a
// damaged or edited record claiming 8 GiB of memory or four billion passes
// is refused as keys.kdf_out_of_range instead of exhausting the machine.
//
// A secret that belongs to a profile and is only ever used while the
// profile is unlocked (its PDF certificate's key) is not sealed under the
// passphrase a second time: Wrap encrypts it under a key derived (HKDF) from
// the profile's own Ed25519 seed, so opening it needs the profile key, which
// only the passphrase opens. It is exactly as strong and costs no second
// argon2id derivation. Derivations counts the derivations run, so tests and
// benchmarks can state what an operation costs.
package keys

import (
	"crypto/cipher"
	"crypto/ed25519"
	"crypto/hkdf"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"sync/atomic"

	"golang.org/x/crypto/argon2"
	"golang.org/x/crypto/chacha20poly1305"

	"golive/backend/apperr"
)

// MinPassphrase is the shortest passphrase (in characters) Seal accepts.
const MinPassphrase = 8

// KDF holds the argon2id cost parameters stored beside each sealed key so
// that they can be raised later without breaking old profiles.
type KDF struct {
	// Name is always "argon2id".
	Name string `json:"name"`
	// Time is the number of passes.
	Time uint32 `json:"time"`
	// MemoryKiB is the memory cost in KiB.
	MemoryKiB uint32 `json:"memory_kib"`
	// Threads is the parallelism.
	Threads uint8 `json:"threads"`
	// Salt is the random salt.
	Salt []byte `json:"salt"`
}

// DefaultKDF is the cost used for new keys: one pass over 64 MiB, about a
// tenth of a second on a laptop.
var DefaultKDF = KDF{Name: "argon2id", Time: 1, MemoryKiB: 64 * 1024, Threads: 2}

// Bounds on the argon2id settings Seal and Open accept: sixteen times the
// default cost and more, yet a few seconds and a gigabyte at worst.
const (
	// MaxTime bounds the passes.
	MaxTime = 16
	// MaxMemoryKiB bounds the memory: 1 GiB.
	MaxMemoryKiB = 1 << 20
	// MaxWork bounds passes × memory (KiB): 4 GiB of memory passed over.
	MaxWork = 4 << 20
	// MaxThreads bounds the parallelism.
	MaxThreads = 16
	// MinSalt and MaxSalt bound the salt's length in bytes.
	MinSalt, MaxSalt = 8, 64
)

// Validate checks that k is argon2id within the bounds above; argon2id
// itself needs at least 8 KiB of memory per thread. Code
// keys.kdf_out_of_range (params setting, value) otherwise: stored
// settings out of bounds are a damaged or tampered record.
func (k KDF) Validate() error {
	out := func(setting string, value uint64, bound string) error {
		return apperr.New("keys.kdf_out_of_range", "setting", setting, "value", strconv.FormatUint(value, 10)).
			WithDetail("the stored key-derivation setting %s = %d is out of bounds (%s)", setting, value, bound)
	}
	switch {
	case k.Name != "argon2id":
		return apperr.New("keys.kdf_out_of_range", "setting", "name", "value", k.Name).
			WithDetail("the stored key derivation %q is not argon2id", k.Name)
	case k.Time < 1 || k.Time > MaxTime:
		return out("time", uint64(k.Time), fmt.Sprintf("1 to %d", MaxTime))
	case k.Threads < 1 || k.Threads > MaxThreads:
		return out("threads", uint64(k.Threads), fmt.Sprintf("1 to %d", MaxThreads))
	case k.MemoryKiB < 8*uint32(k.Threads) || k.MemoryKiB > MaxMemoryKiB:
		return out("memory_kib", uint64(k.MemoryKiB), fmt.Sprintf("%d to %d KiB", 8*uint32(k.Threads), MaxMemoryKiB))
	case uint64(k.Time)*uint64(k.MemoryKiB) > MaxWork:
		return out("memory_kib", uint64(k.MemoryKiB), fmt.Sprintf("at most %d KiB over %d passes", MaxWork/uint64(k.Time), k.Time))
	case len(k.Salt) < MinSalt || len(k.Salt) > MaxSalt:
		return out("salt", uint64(len(k.Salt)), fmt.Sprintf("%d to %d bytes", MinSalt, MaxSalt))
	}
	return nil
}

// Sealed is an encrypted private key as stored in a profile.
type Sealed struct {
	// Public is the Ed25519 public key in lowercase hex.
	Public string `json:"public"`
	// KDF names the key-derivation parameters.
	KDF KDF `json:"kdf"`
	// Nonce is the XChaCha20-Poly1305 nonce.
	Nonce []byte `json:"nonce"`
	// Box is the encrypted 32-byte seed with its authentication tag.
	Box []byte `json:"box"`
}

// Generate returns a new Ed25519 key pair from the system's random source.
func Generate() (ed25519.PublicKey, ed25519.PrivateKey, error) {
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, nil, apperr.Wrap(err, "keys.generate_failed")
	}
	return pub, priv, nil
}

// Seal encrypts priv under passphrase. It returns keys.weak_passphrase when
// the passphrase is shorter than MinPassphrase characters and
// keys.kdf_out_of_range for settings Open would refuse.
func Seal(priv ed25519.PrivateKey, passphrase string, kdf KDF) (Sealed, error) {
	if len([]rune(passphrase)) < MinPassphrase {
		return Sealed{}, apperr.New("keys.weak_passphrase", "min", "8")
	}
	kdf.Name = "argon2id"
	kdf.Salt = make([]byte, 16)
	if _, err := rand.Read(kdf.Salt); err != nil {
		return Sealed{}, apperr.Wrap(err, "keys.generate_failed")
	}
	if err := kdf.Validate(); err != nil {
		return Sealed{}, err
	}
	aead, err := chacha20poly1305.NewX(derive(passphrase, kdf))
	if err != nil {
		return Sealed{}, apperr.Wrap(err, apperr.Internal)
	}
	nonce := make([]byte, aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return Sealed{}, apperr.Wrap(err, "keys.generate_failed")
	}
	pub := priv.Public().(ed25519.PublicKey)
	return Sealed{
		Public: hex.EncodeToString(pub),
		KDF:    kdf,
		Nonce:  nonce,
		Box:    aead.Seal(nil, nonce, priv.Seed(), pub),
	}, nil
}

// Open decrypts s with passphrase. It returns keys.kdf_out_of_range when
// the stored key-derivation settings are out of bounds (checked before
// any work is done), keys.corrupt when the stored key is damaged or does
// not match its public half, and keys.wrong_passphrase when the
// passphrase does not open the box.
func Open(s Sealed, passphrase string) (ed25519.PrivateKey, error) {
	if err := s.KDF.Validate(); err != nil {
		return nil, err
	}
	pub, err := hex.DecodeString(s.Public)
	if err != nil || len(pub) != ed25519.PublicKeySize || len(s.Nonce) != chacha20poly1305.NonceSizeX ||
		len(s.Box) != ed25519.SeedSize+chacha20poly1305.Overhead {
		return nil, apperr.New("keys.corrupt").WithDetail("the sealed key has a public key, nonce or box of the wrong length")
	}
	aead, err := chacha20poly1305.NewX(derive(passphrase, s.KDF))
	if err != nil {
		return nil, apperr.New("keys.corrupt")
	}
	seed, err := aead.Open(nil, s.Nonce, s.Box, pub)
	if err != nil {
		return nil, apperr.New("keys.wrong_passphrase")
	}
	if len(seed) != ed25519.SeedSize {
		return nil, apperr.New("keys.corrupt")
	}
	priv := ed25519.NewKeyFromSeed(seed)
	if !priv.Public().(ed25519.PublicKey).Equal(ed25519.PublicKey(pub)) {
		return nil, apperr.New("keys.corrupt")
	}
	return priv, nil
}

// derivations counts the argon2id derivations run by this process.
var derivations atomic.Uint64

// Derivations returns how many argon2id key derivations this process has
// run so far (Seal and Open run one each; Wrap and Unwrap none), so that a
// test or benchmark can state the cost of an operation in derivations.
func Derivations() uint64 { return derivations.Load() }

func derive(passphrase string, k KDF) []byte {
	derivations.Add(1)
	return argon2.IDKey([]byte(passphrase), k.Salt, k.Time, k.MemoryKiB, k.Threads, chacha20poly1305.KeySize)
}

// Fingerprint renders a public key as the first 16 bytes of its SHA-256 in
// eight groups of four uppercase hex digits, e.g. "3F2A 91C0 …", for people
// to compare by eye.
func Fingerprint(pub ed25519.PublicKey) string {
	sum := sha256.Sum256(pub)
	h := strings.ToUpper(hex.EncodeToString(sum[:16]))
	groups := make([]string, 0, 8)
	for i := 0; i < len(h); i += 4 {
		groups = append(groups, h[i:i+4])
	}
	return strings.Join(groups, " ")
}

// FingerprintHex is Fingerprint for a hex-encoded public key; it returns ""
// for a malformed key.
func FingerprintHex(pubHex string) string {
	pub, err := hex.DecodeString(pubHex)
	if err != nil || len(pub) != ed25519.PublicKeySize {
		return ""
	}
	return Fingerprint(pub)
}

// Wrapped is a secret encrypted with XChaCha20-Poly1305 under a key derived
// from a profile's Ed25519 seed (see Wrap).
type Wrapped struct {
	// Nonce is the XChaCha20-Poly1305 nonce.
	Nonce []byte `json:"nonce"`
	// Box is the encrypted secret with its authentication tag.
	Box []byte `json:"box"`
}

// wrapContext prefixes the HKDF info of a wrapping key, so a key derived
// for one purpose (label) can never open a box made for another.
const wrapContext = "golive/keys-wrap/v1\n"

// wrapAEAD returns the AEAD keyed from priv's seed for label, and the
// associated data that binds a box to the public key and label.
func wrapAEAD(priv ed25519.PrivateKey, label string) (cipher.AEAD, []byte, error) {
	if len(priv) != ed25519.PrivateKeySize {
		return nil, nil, apperr.New("keys.corrupt").WithDetail("a wrapping key of %d bytes", len(priv))
	}
	k, err := hkdf.Key(sha256.New, priv.Seed(), nil, wrapContext+label, chacha20poly1305.KeySize)
	if err != nil {
		return nil, nil, apperr.Wrap(err, apperr.Internal)
	}
	a, err := chacha20poly1305.NewX(k)
	if err != nil {
		return nil, nil, apperr.Wrap(err, apperr.Internal)
	}
	pub := priv.Public().(ed25519.PublicKey)
	return a, append(append([]byte{}, pub...), label...), nil
}

// Wrap encrypts secret under a key derived (HKDF-SHA256) from the seed of
// the profile key priv, for label (what the secret is, e.g. "pdf-certificate").
// It runs no argon2id derivation: priv itself is only ever at hand after
// its passphrase opened it. Codes keys.corrupt (priv malformed),
// keys.generate_failed.
func Wrap(priv ed25519.PrivateKey, label string, secret []byte) (Wrapped, error) {
	aead, ad, err := wrapAEAD(priv, label)
	if err != nil {
		return Wrapped{}, err
	}
	nonce := make([]byte, aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return Wrapped{}, apperr.Wrap(err, "keys.generate_failed")
	}
	return Wrapped{Nonce: nonce, Box: aead.Seal(nil, nonce, secret, ad)}, nil
}

// Unwrap opens w with the profile key priv and label. Code keys.corrupt
// when the box does not open: it was damaged, or made with another key or
// label.
func Unwrap(priv ed25519.PrivateKey, label string, w Wrapped) ([]byte, error) {
	aead, ad, err := wrapAEAD(priv, label)
	if err != nil {
		return nil, err
	}
	if len(w.Nonce) != aead.NonceSize() {
		return nil, apperr.New("keys.corrupt").WithDetail("a wrapped secret with a nonce of %d bytes", len(w.Nonce))
	}
	secret, err := aead.Open(nil, w.Nonce, w.Box, ad)
	if err != nil {
		return nil, apperr.New("keys.corrupt").WithDetail("the wrapped %s does not open with this profile key", label)
	}
	return secret, nil
}
