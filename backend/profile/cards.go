package profile

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/json"
	"golive/backend/apperr"
	"maps"
	"sync"

	"golive/backend/identity"
	"golive/backend/store"
)

// The "ident" bucket holds identity cards (backend/identity), keyed by
// the card's public key in hex: the card of every profile made, restored
// or unlocked here, signed with that profile's key, and the cards a PMO
// received from colleagues (StoreCard). A record is only believed when it
// is a card that verifies and whose key is the record's key; anything else
// (an older folder's unsigned record, a record edited on disk) is ignored,
// as if absent. A card proves who holds the key, not who the person is:
// backend/people decides how far a card is trusted.

// Cards returns every stored identity card that verifies, keyed by public
// key hex. Records that are not such a card are skipped. It never writes.
func (s *Service) Cards() (map[string]identity.Card, error) {
	gen := s.st.Generation(bucketIdentities)
	if all, ok := s.cards.all(gen); ok {
		return maps.Clone(all), nil
	}
	out := map[string]identity.Card{}
	err := s.st.Each(bucketIdentities, func(k string, raw []byte) error {
		c, err := s.cards.parse(raw)
		if err == nil && c.PublicKey == k {
			out[k] = c
		}
		return nil
	})
	if err == nil {
		s.cards.keep(gen, out)
	}
	return maps.Clone(out), err
}

// all returns the cards Cards read last if the bucket's generation is
// still gen.
func (p *parsedCards) all(gen uint64) (map[string]identity.Card, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.last, p.last != nil && p.lastGen == gen
}

// keep remembers the cards Cards read at generation gen.
func (p *parsedCards) keep(gen uint64, cards map[string]identity.Card) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.last, p.lastGen = cards, gen
}

// parsedCards remembers the verdict of identity.Parse by the SHA-256 of
// the record's bytes: the same bytes always get the same verdict, so a
// folder's cards are verified once, not on every view. It holds at most
// maxParsedCards verdicts and starts over when full.
type parsedCards struct {
	mu   sync.Mutex
	seen map[[32]byte]parsedCard
	// last is every card Cards returned last, read at generation
	// lastGen of the bucket (store.Generation).
	last    map[string]identity.Card
	lastGen uint64
}

type parsedCard struct {
	card identity.Card
	err  error
}

const maxParsedCards = 4096

func (p *parsedCards) parse(raw []byte) (identity.Card, error) {
	sum := sha256.Sum256(raw)
	p.mu.Lock()
	if v, ok := p.seen[sum]; ok {
		p.mu.Unlock()
		return v.card, v.err
	}
	p.mu.Unlock()
	c, err := identity.Parse(raw)
	p.mu.Lock()
	if p.seen == nil || len(p.seen) >= maxParsedCards {
		p.seen = map[[32]byte]parsedCard{}
	}
	p.seen[sum] = parsedCard{card: c, err: err}
	p.mu.Unlock()
	return c, err
}

// Identities returns the name and department of every stored identity
// card that verifies, keyed by public key hex (see Cards). Roles are not
// part of a card and are left empty.
func (s *Service) Identities() (map[string]Identity, error) {
	cards, err := s.Cards()
	if err != nil {
		return nil, err
	}
	out := make(map[string]Identity, len(cards))
	for k, c := range cards {
		out[k] = Identity{PublicKey: k, Name: c.Name, Department: c.Department}
	}
	return out, nil
}

// StoreCard verifies card and stores it under its public key, replacing
// the card stored for that key, if any. It returns the card as stored.
// Codes: those of identity.Parse (nothing is written then), store codes.
func (s *Service) StoreCard(card identity.Card) (identity.Card, error) {
	// Parse the card's own bytes again, so a Card built or changed in
	// memory passes the same checks as a file.
	c, err := identity.Parse(card.File())
	if err != nil {
		return identity.Card{}, err
	}
	if err := s.st.Put(bucketIdentities, c.PublicKey, json.RawMessage(c.File())); err != nil {
		return identity.Card{}, err
	}
	return c, nil
}

// ownCard is the identity card of profile sum, signed with its key priv
// and dated when the profile was made, so that making it again gives the
// same card.
func (s *Service) ownCard(sum Summary, priv ed25519.PrivateKey) (identity.Card, error) {
	return identity.Make(identity.Person{Name: sum.Name, Department: sum.Department}, priv, sum.CreatedAt.In(s.Zone))
}

// cardPut is the store write of profile sum's own card.
func (s *Service) cardPut(sum Summary, priv ed25519.PrivateKey) (store.Put, error) {
	c, err := s.ownCard(sum, priv)
	if err != nil {
		return store.Put{}, err
	}
	return store.Put{Bucket: bucketIdentities, Key: c.PublicKey, Value: json.RawMessage(c.File())}, nil
}

// ensureCard writes profile sum's own card when the folder holds no card
// of its key that verifies (a folder from before cards, or a record
// damaged or edited on disk). Unlock calls it: unlocking is the user's
// own act, and the only time the key is at hand.
func (s *Service) ensureCard(sum Summary, priv ed25519.PrivateKey) error {
	cards, err := s.Cards()
	if err != nil {
		return err
	}
	if _, ok := cards[sum.PublicKey]; ok {
		return nil
	}
	put, err := s.cardPut(sum, priv)
	if err != nil {
		// A profile whose name or department no card can hold (made before
		// cards were checked) stays without a card: unnamed, not locked out.
		return nil
	}
	_, err = s.st.Commit(nil, put)
	if apperr.HasCode(err, "store.read_only") {
		// A damaged folder open read-only: the card waits for a whole one.
		return nil
	}
	if err == nil {
		s.cardWritten()
	}
	return err
}
