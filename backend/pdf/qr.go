package pdf

import (
	"errors"
	"math"
	"strings"

	"github.com/boombuler/barcode/qr"
)

// The verification block's QR code. qr.Encode of github.com/boombuler/barcode
// takes about a quarter of a document's render time (it builds eight
// candidate symbols bit by bit, through channels, to pick the mask), so
// the payload — JSON, always in byte mode — is encoded here with the same
// rules (ISO/IEC 18004 byte mode, level L, the smallest version that holds
// it, boombuler's mask penalties): the symbol is module for module the one
// qr.Encode(payload, qr.L, qr.Auto) returns, which qr_test.go checks.
// Text that boombuler would encode in numeric or alphanumeric mode is
// still encoded by it.

// qrCode is a QR symbol of dim×dim modules.
type qrCode struct {
	dim int
	// dark holds the module at column x, row y at index x*dim+y: 1 for
	// dark, 0 for light.
	dark []byte
}

// Dark reports whether the module at column x, row y is dark.
func (q *qrCode) Dark(x, y int) bool { return q.dark[x*q.dim+y] == 1 }

// qrVersion is one row of the level-L capacity table: error correction
// codewords per block, then the blocks and data codewords per block of
// each group.
type qrVersion struct {
	ecc, blocks1, data1, blocks2, data2 int
}

// qrLevelL is the capacity table for level L, versions 1 to 40.
var qrLevelL = [40]qrVersion{
	{7, 1, 19, 0, 0}, {10, 1, 34, 0, 0}, {15, 1, 55, 0, 0}, {20, 1, 80, 0, 0}, {26, 1, 108, 0, 0},
	{18, 2, 68, 0, 0}, {20, 2, 78, 0, 0}, {24, 2, 97, 0, 0}, {30, 2, 116, 0, 0}, {18, 2, 68, 2, 69},
	{20, 4, 81, 0, 0}, {24, 2, 92, 2, 93}, {26, 4, 107, 0, 0}, {30, 3, 115, 1, 116}, {22, 5, 87, 1, 88},
	{24, 5, 98, 1, 99}, {28, 1, 107, 5, 108}, {30, 5, 120, 1, 121}, {28, 3, 113, 4, 114}, {28, 3, 107, 5, 108},
	{28, 4, 116, 4, 117}, {28, 2, 111, 7, 112}, {30, 4, 121, 5, 122}, {30, 6, 117, 4, 118}, {26, 8, 106, 4, 107},
	{28, 10, 114, 2, 115}, {30, 8, 122, 4, 123}, {30, 3, 117, 10, 118}, {30, 7, 116, 7, 117}, {30, 5, 115, 10, 116},
	{30, 13, 115, 3, 116}, {30, 17, 115, 0, 0}, {30, 17, 115, 1, 116}, {30, 13, 115, 6, 116}, {30, 12, 121, 7, 122},
	{30, 6, 121, 14, 122}, {30, 17, 122, 4, 123}, {30, 4, 122, 18, 123}, {30, 20, 117, 4, 118}, {30, 19, 118, 6, 119},
}

func (v qrVersion) dataBytes() int { return v.blocks1*v.data1 + v.blocks2*v.data2 }

// qrAlphanumeric is the character set of the alphanumeric mode (digits
// included): text made of these alone is left to boombuler.
const qrAlphanumeric = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"

// encodeQR returns the QR code of text at error correction level L,
// module for module what qr.Encode(text, qr.L, qr.Auto) makes.
func encodeQR(text string) (*qrCode, error) {
	if !strings.ContainsFunc(text, func(r rune) bool { return !strings.ContainsRune(qrAlphanumeric, r) }) {
		return viaBoombuler(text)
	}
	ver := 0
	for v := 1; v <= 40; v++ {
		count := 8
		if v >= 10 {
			count = 16
		}
		if qrLevelL[v-1].dataBytes()*8 >= len(text)*8+4+count {
			ver = v
			break
		}
	}
	if ver == 0 {
		return nil, errors.New("too much data for a QR code")
	}
	return renderQR(ver, qrCodewords(ver, text)), nil
}

// viaBoombuler encodes text with boombuler and copies its modules.
func viaBoombuler(text string) (*qrCode, error) {
	code, err := qr.Encode(text, qr.L, qr.Auto)
	if err != nil {
		return nil, err
	}
	n := code.Bounds().Dx()
	q := &qrCode{dim: n, dark: make([]byte, n*n)}
	for x := range n {
		for y := range n {
			c, _, _, _ := code.At(x, y).RGBA()
			q.dark[x*n+y] = qrBit(c < 0x8000)
		}
	}
	return q, nil
}

// qrCodewords returns the interleaved data and error correction codewords
// of text in byte mode for version ver.
func qrCodewords(ver int, text string) []byte {
	v := qrLevelL[ver-1]
	var bits qrBits
	bits.add(4, 4) // byte mode
	if ver < 10 {
		bits.add(len(text), 8)
	} else {
		bits.add(len(text), 16)
	}
	for i := 0; i < len(text); i++ {
		bits.add(int(text[i]), 8)
	}
	capBits := v.dataBytes() * 8
	for i := 0; i < 4 && bits.n < capBits; i++ {
		bits.add(0, 1)
	}
	for bits.n%8 != 0 {
		bits.add(0, 1)
	}
	for i := 0; bits.n < capBits; i++ {
		if i%2 == 0 {
			bits.add(236, 8)
		} else {
			bits.add(17, 8)
		}
	}
	data := bits.b
	type block struct{ data, ecc []byte }
	var blocks []block
	for _, group := range [2]struct{ blocks, size int }{{v.blocks1, v.data1}, {v.blocks2, v.data2}} {
		for range group.blocks {
			d := data[:group.size]
			data = data[group.size:]
			blocks = append(blocks, block{d, reedSolomon(d, v.ecc)})
		}
	}
	out := make([]byte, 0, v.dataBytes()+v.ecc*len(blocks))
	for i := range max(v.data1, v.data2) {
		for _, b := range blocks {
			if i < len(b.data) {
				out = append(out, b.data[i])
			}
		}
	}
	for i := range v.ecc {
		for _, b := range blocks {
			out = append(out, b.ecc[i])
		}
	}
	return out
}

// qrBits is a bit string, most significant bit first.
type qrBits struct {
	b []byte
	n int
}

func (q *qrBits) add(v, width int) {
	for i := width - 1; i >= 0; i-- {
		if q.n%8 == 0 {
			q.b = append(q.b, 0)
		}
		if v>>i&1 == 1 {
			q.b[q.n/8] |= 0x80 >> (q.n % 8)
		}
		q.n++
	}
}

// gfExp and gfLog are the powers and logarithms of α in GF(256) modulo
// x⁸+x⁴+x³+x²+1 (285).
var gfExp, gfLog = func() (exp [512]byte, log [256]int) {
	x := 1
	for i := range 255 {
		exp[i], exp[i+255] = byte(x), byte(x)
		log[x] = i
		x <<= 1
		if x >= 256 {
			x ^= 285
		}
	}
	return exp, log
}()

func gfMul(a, b byte) byte {
	if a == 0 || b == 0 {
		return 0
	}
	return gfExp[gfLog[a]+gfLog[b]]
}

// reedSolomon returns the n error correction codewords of data: the
// remainder of data·xⁿ divided by the generator ∏(x − αⁱ), i < n.
func reedSolomon(data []byte, n int) []byte {
	gen := []byte{1}
	for i := range n {
		next := make([]byte, len(gen)+1)
		for j, c := range gen {
			next[j] ^= c
			next[j+1] ^= gfMul(c, gfExp[i])
		}
		gen = next
	}
	rem := make([]byte, n)
	for _, d := range data {
		f := d ^ rem[0]
		copy(rem, rem[1:])
		rem[n-1] = 0
		for j := range n {
			rem[j] ^= gfMul(gen[j+1], f)
		}
	}
	return rem
}

// renderQR places the codewords of version ver and returns the masked
// symbol with the lowest penalty (the first of equals).
func renderQR(ver int, codewords []byte) *qrCode {
	dim := (ver-1)*4 + 21
	fixed := make([]byte, dim*dim) // function patterns' modules
	occupied := make([]bool, dim*dim)
	set := func(x, y int, dark bool) {
		fixed[x*dim+y], occupied[x*dim+y] = qrBit(dark), true
	}
	// Finder patterns with their separators.
	for _, o := range [3][2]int{{0, 0}, {0, dim - 7}, {dim - 7, 0}} {
		for x := -1; x < 8; x++ {
			for y := -1; y < 8; y++ {
				dark := (x == 0 || x == 6 || y == 0 || y == 6 || (x > 1 && x < 5 && y > 1 && y < 5)) && x >= 0 && x <= 6 && y >= 0 && y <= 6
				if px, py := x+o[0], y+o[1]; px >= 0 && px < dim && py >= 0 && py < dim {
					set(px, py, dark)
				}
			}
		}
	}
	pos := qrAlignment(ver)
	for _, ax := range pos {
		for _, ay := range pos {
			if occupied[ax*dim+ay] {
				continue
			}
			for x := -2; x <= 2; x++ {
				for y := -2; y <= 2; y++ {
					set(ax+x, ay+y, x == -2 || x == 2 || y == -2 || y == 2 || (x == 0 && y == 0))
				}
			}
		}
	}
	for i := range dim {
		if !occupied[i*dim+6] {
			set(i, 6, i%2 == 0)
		}
		if !occupied[6*dim+i] {
			set(6, i, i%2 == 0)
		}
	}
	set(8, dim-8, true)
	if ver >= 7 {
		info := qrVersionBits(ver)
		for i := range 18 {
			x, y := dim-11+i%3, i/3
			dark := info>>i&1 == 1
			set(x, y, dark)
			set(y, x, dark)
		}
	}
	formatAt := qrFormatPositions(dim)
	for _, p := range formatAt {
		occupied[p[0]*dim+p[1]] = true
	}
	// The data modules in placement order, and their bits.
	var cells []int
	var bits []byte
	for _, p := range qrPlacement(dim) {
		i := p[0]*dim + p[1]
		if occupied[i] {
			continue
		}
		n := len(cells)
		cells = append(cells, i)
		bits = append(bits, qrBit(n < len(codewords)*8 && codewords[n/8]>>(7-n%8)&1 == 1))
	}
	var best *qrCode
	bestPenalty := uint(math.MaxUint)
	for mask := range 8 {
		q := &qrCode{dim: dim, dark: append([]byte(nil), fixed...)}
		format := qrFormatBits(mask)
		for k, p := range formatAt {
			q.dark[p[0]*dim+p[1]] = byte(format>>(14-k%15)) & 1
		}
		for k, i := range cells {
			q.dark[i] = bits[k] ^ qrBit(qrMasked(mask, i/dim, i%dim))
		}
		if p := q.penalty(); p < bestPenalty {
			best, bestPenalty = q, p
		}
	}
	return best
}

// qrMasked reports whether mask inverts the module at column x, row y.
func qrMasked(mask, x, y int) bool {
	switch mask {
	case 0:
		return (y+x)%2 == 0
	case 1:
		return y%2 == 0
	case 2:
		return x%3 == 0
	case 3:
		return (y+x)%3 == 0
	case 4:
		return (y/2+x/3)%2 == 0
	case 5:
		return (y*x)%2+(y*x)%3 == 0
	case 6:
		return ((y*x)%2+(y*x)%3)%2 == 0
	default:
		return ((y+x)%2+(y*x)%3)%2 == 0
	}
}

// qrPlacement lists every module in the order data is placed: two-module
// columns from the right, alternately upwards and downwards, skipping the
// vertical timing pattern.
func qrPlacement(dim int) [][2]int {
	out := make([][2]int, 0, dim*dim)
	x, y, up := dim-1, dim-1, true
	for {
		out = append(out, [2]int{x, y}, [2]int{x - 1, y})
		if up {
			y--
		} else {
			y++
		}
		if y < 0 || y >= dim {
			y = min(max(y, 0), dim-1)
			x -= 2
			if x == 6 {
				x--
			}
			up = !up
			if x < 0 {
				return out
			}
		}
	}
}

// qrFormatPositions lists the two copies of the format information, bit
// 14 (most significant) first in each.
func qrFormatPositions(dim int) [30][2]int {
	return [30][2]int{
		{0, 8}, {1, 8}, {2, 8}, {3, 8}, {4, 8}, {5, 8}, {7, 8}, {8, 8}, {8, 7}, {8, 5}, {8, 4}, {8, 3}, {8, 2}, {8, 1}, {8, 0},
		{8, dim - 1}, {8, dim - 2}, {8, dim - 3}, {8, dim - 4}, {8, dim - 5}, {8, dim - 6}, {8, dim - 7},
		{dim - 8, 8}, {dim - 7, 8}, {dim - 6, 8}, {dim - 5, 8}, {dim - 4, 8}, {dim - 3, 8}, {dim - 2, 8}, {dim - 1, 8},
	}
}

// qrFormatBits is the 15-bit format information of level L with mask:
// BCH(15,5) with generator 0x537, masked with 0x5412.
func qrFormatBits(mask int) int {
	data := 1<<3 | mask // level L is 01
	rem := data << 10
	for i := 14; i >= 10; i-- {
		if rem>>i&1 == 1 {
			rem ^= 0x537 << (i - 10)
		}
	}
	return (data<<10 | rem) ^ 0x5412
}

// qrVersionBits is the 18-bit version information: BCH(18,6) with
// generator 0x1f25.
func qrVersionBits(ver int) int {
	rem := ver << 12
	for i := 17; i >= 12; i-- {
		if rem>>i&1 == 1 {
			rem ^= 0x1f25 << (i - 12)
		}
	}
	return ver<<12 | rem
}

// qrAlignment returns the alignment pattern coordinates of version ver,
// computed as boombuler does.
func qrAlignment(ver int) []int {
	if ver == 1 {
		return nil
	}
	first, last := 6, (ver-1)*4+21-7
	count := int(math.Ceil(float64(last-first)/28)) + 1
	out := make([]int, count)
	out[0], out[count-1] = first, last
	if count > 2 {
		step := int(math.Ceil(float64(last-first) / float64(count-1)))
		if step%2 == 1 {
			frac := float64(last-first) / float64(count-1)
			if _, f := math.Modf(frac); f >= 0.5 {
				frac = math.Ceil(frac)
			} else {
				frac = math.Floor(frac)
			}
			if int(frac)%2 == 0 {
				step--
			} else {
				step++
			}
		}
		for i := 1; i <= count-2; i++ {
			out[i] = last - step*(count-1-i)
		}
	}
	return out
}

// penalty scores the symbol by the four mask rules as boombuler does.
func (q *qrCode) penalty() uint {
	n, d := q.dim, q.dark
	var p uint
	// Rule 1: runs of five or more modules of one colour, in columns and
	// in rows.
	for x := range n {
		var cntCol, cntRow uint
		var col, row byte
		for y := range n {
			if d[x*n+y] == col {
				cntCol++
			} else {
				col ^= 1
				if cntCol >= 5 {
					p += cntCol - 2
				}
				cntCol = 1
			}
			if d[y*n+x] == row {
				cntRow++
			} else {
				row ^= 1
				if cntRow >= 5 {
					p += cntRow - 2
				}
				cntRow = 1
			}
		}
		if cntCol >= 5 {
			p += cntCol - 2
		}
		if cntRow >= 5 {
			p += cntRow - 2
		}
	}
	// Rule 2: 2×2 blocks of one colour.
	for x := 0; x < n-1; x++ {
		for y := 0; y < n-1; y++ {
			c := d[x*n+y]
			if d[x*n+y+1] == c && d[(x+1)*n+y] == c && d[(x+1)*n+y+1] == c {
				p += 3
			}
		}
	}
	// Rule 3: the finder-like patterns 1011101 0000 and 0000 1011101.
	const pat1, pat2 = 0b10111010000, 0b00001011101
	// Each line is read through an 11-module window, in columns (a)
	// and in rows (b).
	for y := range n {
		var a, b int
		for k := range n {
			a = (a<<1 | int(d[k*n+y])) & 0x7ff
			b = (b<<1 | int(d[y*n+k])) & 0x7ff
			if k < 10 {
				continue
			}
			if a == pat1 || a == pat2 {
				p += 40
			}
			if b == pat1 || b == pat2 {
				p += 40
			}
		}
	}
	// Rule 4: the share of dark modules away from half.
	dark := 0
	for _, v := range d {
		dark += int(v)
	}
	perc := float64(dark) * 100 / float64(len(d))
	floor := math.Abs(math.Floor(perc/5) - 10)
	ceil := math.Abs(math.Ceil(perc/5) - 10)
	return p + uint(math.Min(floor, ceil)*10)
}

func qrBit(dark bool) byte {
	if dark {
		return 1
	}
	return 0
}
