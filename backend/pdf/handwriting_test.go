package pdf

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"runtime"
	"testing"
)

// TestPixelBombIsNotDrawn: a signature image whose header claims a canvas
// of 20000 × 20000 pixels (a small file, a forged event's image) is
// refused before it is decoded; a real signature is flattened.
func TestPixelBombIsNotDrawn(t *testing.T) {
	img := image.NewNRGBA(image.Rect(0, 0, 64, 32))
	img.Set(10, 10, color.NRGBA{0, 0, 0, 255})
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	if _, ok := flatPNG(b.Bytes()); !ok {
		t.Fatal("a real signature was not flattened")
	}
	bomb := append([]byte(nil), b.Bytes()...)
	// IHDR: 8-byte signature, 4-byte length, "IHDR", width, height, …, CRC.
	binary.BigEndian.PutUint32(bomb[16:], 20000)
	binary.BigEndian.PutUint32(bomb[20:], 20000)
	binary.BigEndian.PutUint32(bomb[29:], crc32.ChecksumIEEE(bomb[12:29]))
	if cfg, err := png.DecodeConfig(bytes.NewReader(bomb)); err != nil || cfg.Width != 20000 {
		t.Fatalf("the crafted header does not read as 20000 wide: %+v, %v", cfg, err)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	if _, ok := flatPNG(bomb); ok {
		t.Fatal("a 20000 × 20000 canvas was decoded and drawn")
	}
	runtime.ReadMemStats(&after)
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 64<<20 {
		t.Fatalf("refusing the pixel bomb allocated %d MiB", grew>>20)
	}
}
