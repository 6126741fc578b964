package ledger_test

import (
	"bytes"
	"crypto/ed25519"
	"fmt"
	"sync"
	"testing"
	"time"

	"golive/backend/ledger"
)

// waitSupplied waits until the supply in force for key holds at least n
// nonces.
func waitSupplied(t *testing.T, key ed25519.PrivateKey, n int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		got, ok := ledger.Supplied(key)
		if !ok {
			t.Fatal("no supply in force")
		}
		if got >= n {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("supply holds %d nonces after 10 s, want %d", got, n)
		}
		time.Sleep(time.Millisecond)
	}
}

func TestPresignedSignaturesVerifyAndNeverReuseANonce(t *testing.T) {
	key := seedKey(40)
	pub := key.Public().(ed25519.PublicKey)
	release := ledger.Presign(key)
	defer release()
	waitSupplied(t, key, 8)

	// Several signers at once: every signature verifies, no two share a
	// nonce point R (a reused nonce would give the key away), and the
	// supply was used (signatures differ from RFC 8032's).
	const workers, each = 4, 300
	var mu sync.Mutex
	seenR := map[string]string{}
	presigned := 0
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				msg := []byte(fmt.Sprintf("message %d/%d", w, i))
				sig := ledger.Sign(key, msg)
				if !ed25519.Verify(pub, msg, sig) {
					t.Errorf("signature of %q does not verify", msg)
					return
				}
				mu.Lock()
				if prev, ok := seenR[string(sig[:32])]; ok {
					t.Errorf("nonce point reused by %q and %q", prev, msg)
				}
				seenR[string(sig[:32])] = string(msg)
				if !bytes.Equal(sig, ed25519.Sign(key, msg)) {
					presigned++
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if presigned < 8 {
		t.Fatalf("%d of %d signatures came from the supply, want at least the 8 it held", presigned, workers*each)
	}
	t.Logf("%d of %d signatures from the supply", presigned, workers*each)

	// An event made while the supply is in force reads back: its bytes
	// verify like any other event's.
	e, err := ledger.New("d-1", nil, "note.added", map[string]any{"n": 1}, time.Date(2026, 12, 3, 9, 0, 0, 0, mustZone(t, "Asia/Shanghai")), key)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := ledger.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ledger.Unmarshal(raw); err != nil {
		t.Fatalf("a presigned event does not read back: %v", err)
	}
}

func TestPresignReleaseRestoresRFC8032Signatures(t *testing.T) {
	key := seedKey(80)
	msg := []byte("golive")
	first := ledger.Presign(key)
	second := ledger.Presign(key)
	waitSupplied(t, key, 1)
	if sig := ledger.Sign(key, msg); bytes.Equal(sig, ed25519.Sign(key, msg)) {
		t.Fatal("a supply held nonces but Sign used none")
	}
	first()
	first() // twice is once
	if _, ok := ledger.Supplied(key); !ok {
		t.Fatal("the supply stopped while a second caller still held it")
	}
	second()
	if _, ok := ledger.Supplied(key); ok {
		t.Fatal("the supply is still in force after both released it")
	}
	if sig := ledger.Sign(key, msg); !bytes.Equal(sig, ed25519.Sign(key, msg)) {
		t.Fatal("after release Sign is not RFC 8032's deterministic signature")
	}
}

func TestPresignIgnoresAnotherKeyWithTheSamePublicHalf(t *testing.T) {
	key := seedKey(120)
	release := ledger.Presign(key)
	defer release()
	waitSupplied(t, key, 1)
	// A private key whose seed is another's but whose public half is key's:
	// it must not sign with key's secret scalar.
	other := append(append(ed25519.PrivateKey{}, seedKey(160).Seed()...), key[ed25519.SeedSize:]...)
	msg := []byte("golive")
	if sig := ledger.Sign(other, msg); !bytes.Equal(sig, ed25519.Sign(other, msg)) {
		t.Fatal("a key with another seed signed with the supply of the key sharing its public half")
	}
	if n, _ := ledger.Supplied(key); n == 0 {
		t.Fatal("the supply emptied")
	}
	// Nor does such a key get a supply of its own.
	other2 := append(append(ed25519.PrivateKey{}, seedKey(200).Seed()...), seedKey(240)[ed25519.SeedSize:]...)
	defer ledger.Presign(other2)()
	if _, ok := ledger.Supplied(other2); ok {
		t.Fatal("a key whose public half is not its seed's got a supply")
	}
}

// TestPresignReleasedWhileSigning: signers keep signing while the supply
// is started and stopped again and again (a profile unlocked and locked
// during work); every signature verifies, whichever way it was made.
func TestPresignReleasedWhileSigning(t *testing.T) {
	key := seedKey(60)
	pub := key.Public().(ed25519.PublicKey)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var mu sync.Mutex
	bad, made := 0, 0
	for w := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				msg := []byte(fmt.Sprintf("%d/%d", w, i))
				ok := ed25519.Verify(pub, msg, ledger.Sign(key, msg))
				mu.Lock()
				made++
				if !ok {
					bad++
				}
				mu.Unlock()
			}
		}()
	}
	for range 200 {
		release := ledger.Presign(key)
		time.Sleep(200 * time.Microsecond)
		release()
	}
	close(stop)
	wg.Wait()
	if bad > 0 {
		t.Fatalf("%d of %d signatures made while the supply came and went do not verify", bad, made)
	}
	if _, ok := ledger.Supplied(key); ok {
		t.Fatal("a supply is still in force after every caller released it")
	}
	t.Logf("%d signatures, all verify", made)
}
