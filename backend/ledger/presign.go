package ledger

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha512"
	"crypto/subtle"
	"sync"

	"filippo.io/edwards25519"
)

// Presigning: an Ed25519 signature costs one fixed-base scalar
// multiplication for its nonce point R = rG, about nine tenths of its
// time. RFC 8032 derives the nonce r from the key and the message, so
// that no random source is needed; but any r drawn uniformly at random and
// used once gives a signature that verifies alike, under any Ed25519
// verifier (the verification equation does not see how r was chosen).
// Presign keeps, for one key, a small supply of random nonces with their
// points computed ahead of time in the background, and Sign then costs
// one SHA-512 and one scalar multiply-add. Each nonce is taken out of the
// supply under a lock and used exactly once, then forgotten.
//
// New and Sign use a supply while one is in force for the key (the app
// starts one when a profile is unlocked, stops it when it is locked);
// otherwise, and whenever the supply runs dry, they sign as RFC 8032 does.
// Signatures are then no longer a function of the message alone; an
// event's id never depended on its signature.

// presignDepth is how many nonces a supply holds when full.
const presignDepth = 32

// supply is the nonces made ahead for one key.
type supply struct {
	seed []byte               // the key's seed, to tell it from another key with the same public half
	pub  []byte               // A, the public key (checked against the seed)
	s    *edwards25519.Scalar // the secret scalar, from the seed; nil once stopped
	refs int                  // how many Presign calls hold it

	mu     sync.Mutex
	nonces []nonce
	wake   chan struct{} // a token when the supply should be filled
	done   chan struct{} // closed when the supply is stopped
}

// nonce is one random scalar r and its point R = rG, encoded.
type nonce struct {
	r *edwards25519.Scalar
	R [32]byte
}

var (
	suppliesMu sync.Mutex
	supplies   = map[string]*supply{} // by public key
)

// Presign starts (or joins) a supply of nonces made ahead for key and
// returns the function that releases it; the supply stops, and its
// nonces are wiped, when every caller has released it. A key whose public
// half is not its seed's gets no supply (its signatures would not verify
// under the author New writes); it signs as ever.
func Presign(key ed25519.PrivateKey) (release func()) {
	if len(key) != ed25519.PrivateKeySize {
		return func() {}
	}
	pub := string(key[ed25519.SeedSize:])
	suppliesMu.Lock()
	defer suppliesMu.Unlock()
	sp, ok := supplies[pub]
	if ok && subtle.ConstantTimeCompare(sp.seed, key.Seed()) != 1 {
		return func() {}
	}
	if !ok {
		if sp = newSupply(key); sp == nil {
			return func() {}
		}
		supplies[pub] = sp
		go sp.fill()
	}
	sp.refs++
	var once sync.Once
	return func() { once.Do(func() { sp.release(pub) }) }
}

func newSupply(key ed25519.PrivateKey) *supply {
	h := sha512.Sum512(key.Seed())
	s, err := edwards25519.NewScalar().SetBytesWithClamping(h[:32])
	if err != nil {
		return nil
	}
	pub := new(edwards25519.Point).ScalarBaseMult(s).Bytes()
	if subtle.ConstantTimeCompare(pub, key[ed25519.SeedSize:]) != 1 {
		return nil
	}
	return &supply{
		seed: append([]byte(nil), key.Seed()...),
		pub:  pub,
		s:    s,
		wake: make(chan struct{}, 1),
		done: make(chan struct{}),
	}
}

// release drops one reference; the last stops the filler and wipes the
// nonces and the scalar.
func (sp *supply) release(pub string) {
	suppliesMu.Lock()
	sp.refs--
	last := sp.refs == 0
	if last {
		delete(supplies, pub)
	}
	suppliesMu.Unlock()
	if !last {
		return
	}
	close(sp.done)
	sp.mu.Lock()
	for i := range sp.nonces {
		sp.nonces[i].r.Set(edwards25519.NewScalar())
	}
	sp.nonces = nil
	sp.s.Set(edwards25519.NewScalar())
	sp.s = nil
	clear(sp.seed)
	sp.mu.Unlock()
}

// fill keeps the supply full until it is stopped: it makes nonces one at a
// time (the lock is not held while R is computed), then waits until
// signatures have taken half of them (take wakes it).
func (sp *supply) fill() {
	for {
		sp.mu.Lock()
		short := len(sp.nonces) < presignDepth
		sp.mu.Unlock()
		if !short {
			select {
			case <-sp.wake:
				continue
			case <-sp.done:
				return
			}
		}
		n := makeNonce()
		sp.mu.Lock()
		select {
		case <-sp.done:
			sp.mu.Unlock()
			return
		default:
		}
		sp.nonces = append(sp.nonces, n)
		sp.mu.Unlock()
	}
}

func makeNonce() nonce {
	var b [64]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails (it crashes the program instead)
	r, _ := edwards25519.NewScalar().SetUniformBytes(b[:])
	clear(b[:])
	var n nonce
	n.r = r
	copy(n.R[:], new(edwards25519.Point).ScalarBaseMult(r).Bytes())
	return n
}

// take removes one nonce from the supply, if it has one, and asks the
// filler for more once half of them are used.
func (sp *supply) take() (nonce, bool) {
	sp.mu.Lock()
	defer sp.mu.Unlock()
	k := len(sp.nonces)
	if k == 0 || sp.s == nil {
		return nonce{}, false
	}
	n := sp.nonces[k-1]
	sp.nonces[k-1] = nonce{}
	sp.nonces = sp.nonces[:k-1]
	if k-1 == presignDepth/2 {
		// Half used: wake the filler (not at every signature: waking a
		// parked thread costs about what a presigned signature saves).
		select {
		case sp.wake <- struct{}{}:
		default:
		}
	}
	return n, true
}

// Sign returns key's Ed25519 signature of msg: with a nonce made ahead
// when a supply is in force for key and has one, else ed25519.Sign's.
// Either verifies with ed25519.Verify under key's public half.
func Sign(key ed25519.PrivateKey, msg []byte) []byte {
	if len(key) == ed25519.PrivateKeySize {
		suppliesMu.Lock()
		sp := supplies[string(key[ed25519.SeedSize:])]
		if sp != nil && subtle.ConstantTimeCompare(sp.seed, key.Seed()) != 1 {
			sp = nil // another key with the same public half
		}
		suppliesMu.Unlock()
		if sp != nil {
			if sig, ok := sp.sign(msg); ok {
				return sig
			}
		}
	}
	return ed25519.Sign(key, msg)
}

// sign is Ed25519's signing equation with a nonce from the supply:
// S = r + SHA-512(R || A || msg)·s, the signature R || S.
func (sp *supply) sign(msg []byte) ([]byte, bool) {
	n, ok := sp.take()
	if !ok {
		return nil, false
	}
	h := sha512.New()
	h.Write(n.R[:])
	h.Write(sp.pub)
	h.Write(msg)
	var digest [64]byte
	k, err := edwards25519.NewScalar().SetUniformBytes(h.Sum(digest[:0]))
	if err != nil {
		return nil, false
	}
	sp.mu.Lock()
	s := sp.s
	if s == nil {
		sp.mu.Unlock()
		return nil, false
	}
	S := edwards25519.NewScalar().MultiplyAdd(k, s, n.r)
	sp.mu.Unlock()
	n.r.Set(edwards25519.NewScalar())
	sig := make([]byte, 0, ed25519.SignatureSize)
	sig = append(sig, n.R[:]...)
	return append(sig, S.Bytes()...), true
}
