package store

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"golive/backend/ledger"
)

// TestAdvanceHeadsInPlaceAgreesWithTheSet: the lookups in place that an
// append's few heads and events take give the heads the set gives, on
// random graphs of every size the path takes (branches, merges, events
// naming heads, each other, or ids outside both, duplicates).
func TestAdvanceHeadsInPlaceAgreesWithTheSet(t *testing.T) {
	r := rand.New(rand.NewPCG(14, 20))
	id := func(n int) string { return fmt.Sprintf("%064x", n) }
	for round := 0; round < 5000; round++ {
		nh := r.IntN(smallHeads + 1)
		nf := 1 + r.IntN(smallHeads-nh+1)
		if nh+nf > smallHeads {
			nf = smallHeads - nh
		}
		var heads []string
		for i := 0; i < nh; i++ {
			heads = append(heads, id(r.IntN(40)))
		}
		slices.Sort(heads)
		if r.IntN(4) > 0 {
			// Sound records hold each head once; a record of an earlier
			// version might not.
			heads = slices.Compact(heads)
		}
		fresh := make([]ledger.Event, nf)
		for i := range fresh {
			fresh[i].ID = id(100 + r.IntN(40))
			for p := r.IntN(3); p > 0; p-- {
				switch r.IntN(3) {
				case 0:
					if len(heads) > 0 {
						fresh[i].Parents = append(fresh[i].Parents, heads[r.IntN(len(heads))])
					}
				case 1:
					fresh[i].Parents = append(fresh[i].Parents, fresh[r.IntN(nf)].ID)
				default:
					fresh[i].Parents = append(fresh[i].Parents, id(r.IntN(200)))
				}
			}
		}
		before := slices.Clone(heads)
		got, want := advanceHeads(heads, fresh), advanceManyHeads(heads, fresh)
		if !slices.Equal(got, want) {
			t.Fatalf("round %d: heads %v, fresh %+v: in place %v, through the set %v", round, heads, fresh, got, want)
		}
		if !slices.Equal(heads, before) {
			t.Fatalf("round %d: advanceHeads changed the heads it was given", round)
		}
	}
}
