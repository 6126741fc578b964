package pdf

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/boombuler/barcode/qr"
)

// TestQRIsBoombulers checks that encodeQR draws, module for module, the
// symbol qr.Encode(text, qr.L, qr.Auto) draws: at the smallest and
// largest payload of every version, for JSON with Chinese text like the
// verification payload, and for text boombuler encodes itself.
func TestQRIsBoombulers(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	alphabet := []rune(`{}[]":,abcdefghijklmnopqrstuvwxyz0123456789 确认单审批发布`)
	payload := func(n int) string { // n bytes of UTF-8
		var b strings.Builder
		for {
			c := alphabet[r.IntN(len(alphabet))]
			if b.Len()+len(string(c)) > n {
				break
			}
			b.WriteRune(c)
		}
		return b.String() + strings.Repeat("x", n-b.Len())
	}
	var texts []string
	prev := 0
	for v := 1; v <= 40; v++ {
		count := 8
		if v >= 10 {
			count = 16
		}
		most := (qrLevelL[v-1].dataBytes()*8 - 4 - count) / 8
		if most > prev {
			texts = append(texts, payload(prev+1), payload(most))
		}
		prev = most
	}
	texts = append(texts, `{"format":"golive-payload/1","kind":"confirmation","signed":[]}`,
		"R26000000042", "12345678901234567890", "+12", "HELLO WORLD", "")
	for _, text := range texts {
		want, werr := qr.Encode(text, qr.L, qr.Auto)
		got, gerr := encodeQR(text)
		if (werr == nil) != (gerr == nil) {
			t.Fatalf("%d bytes: boombuler error %v, ours %v", len(text), werr, gerr)
		}
		if werr != nil {
			continue
		}
		n := want.Bounds().Dx()
		if got.dim != n {
			t.Fatalf("%d bytes: %d modules a side, boombuler %d", len(text), got.dim, n)
		}
		for x := range n {
			for y := range n {
				c, _, _, _ := want.At(x, y).RGBA()
				if got.Dark(x, y) != (c < 0x8000) {
					t.Fatalf("%d bytes (%d modules a side): module %d,%d differs", len(text), n, x, y)
				}
			}
		}
	}
	t.Run("TooLong", func(t *testing.T) {
		if _, err := encodeQR(strings.Repeat("x", 2954)); err == nil {
			t.Fatal("2954 bytes encoded at level L")
		}
	})
}
