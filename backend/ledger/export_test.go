package ledger

import "crypto/ed25519"

// Supplied returns how many nonces the supply in force for key holds, and
// whether one is in force.
func Supplied(key ed25519.PrivateKey) (int, bool) {
	suppliesMu.Lock()
	sp := supplies[string(key[ed25519.SeedSize:])]
	suppliesMu.Unlock()
	if sp == nil {
		return 0, false
	}
	sp.mu.Lock()
	defer sp.mu.Unlock()
	return len(sp.nonces), true
}

// IsCanonical is isCanonical: text is judged canonical without decoding.
func IsCanonical(text []byte) bool { return isCanonical(text) }

// CanonicalizeSlowly is canonicalize without the isCanonical shortcut.
func CanonicalizeSlowly(text []byte) ([]byte, error) { return canonicalizeSlowly(text) }
