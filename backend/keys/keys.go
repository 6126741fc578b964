// Package keys creates and protects a profile's Ed25519 signing key.
//
// A private key never touches the disk in the clear: Seal derives a 32-byte
// key from the passphrase with argon2id (a fresh 16-byte salt each time) and
// encrypts the 32-byte Ed25519 seed with XChaCha20-Poly1305; Open reverses it
// and reports a wrong passphrase as keys.wrong_passphrase, because the AEAD
// tag cannot be forged without the right derived key.
package keys

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"strings"

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
// the passphrase is shorter than MinPassphrase characters.
func Seal(priv ed25519.PrivateKey, passphrase string, kdf KDF) (Sealed, error) {
	if len([]rune(passphrase)) < MinPassphrase {
		return Sealed{}, apperr.New("keys.weak_passphrase", "min", "8")
	}
	kdf.Name = "argon2id"
	kdf.Salt = make([]byte, 16)
	if _, err := rand.Read(kdf.Salt); err != nil {
		return Sealed{}, apperr.Wrap(err, "keys.generate_failed")
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

// Open decrypts s with passphrase. It returns keys.wrong_passphrase when the
// passphrase does not open the box and keys.corrupt when the stored key is
// damaged or does not match its public half.
func Open(s Sealed, passphrase string) (ed25519.PrivateKey, error) {
	pub, err := hex.DecodeString(s.Public)
	if err != nil || len(pub) != ed25519.PublicKeySize || s.KDF.Name != "argon2id" || s.KDF.Time == 0 || s.KDF.MemoryKiB == 0 || s.KDF.Threads == 0 || len(s.KDF.Salt) < 8 {
		return nil, apperr.New("keys.corrupt")
	}
	aead, err := chacha20poly1305.NewX(derive(passphrase, s.KDF))
	if err != nil || len(s.Nonce) != aead.NonceSize() {
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

func derive(passphrase string, k KDF) []byte {
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
