package dossier

import (
	"bytes"
	"encoding/base64"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math/rand"
	"testing"

	"golive/backend/apperr"
	"golive/backend/workflow"
)

// encode returns img as PNG or JPEG bytes.
func encode(t *testing.T, img image.Image, format string) []byte {
	t.Helper()
	var buf bytes.Buffer
	var err error
	if format == "jpeg" {
		err = jpeg.Encode(&buf, img, nil)
	} else {
		err = png.Encode(&buf, img)
	}
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// canvas returns a w×h transparent image with a dark stroke when ink.
func canvas(w, h int, ink bool) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	if ink {
		for x := w / 8; x < w*7/8; x++ {
			img.Set(x, h/2, color.NRGBA{0, 0, 0, 255})
		}
	}
	return img
}

// TestWitnessImageBounds: the signature image must be base64 of a real
// PNG (a scan may be JPEG) within 512 KiB and sane dimensions, with ink on
// it; each failure has its own code.
func TestWitnessImageBounds(t *testing.T) {
	b64 := func(b []byte) string { return base64.StdEncoding.EncodeToString(b) }
	good := encode(t, canvas(300, 100, true), "png")
	noise := image.NewNRGBA(image.Rect(0, 0, 1200, 1200))
	rnd := rand.New(rand.NewSource(1))
	for i := range noise.Pix {
		noise.Pix[i] = byte(rnd.Intn(256))
	}
	huge := encode(t, noise, "png") // random pixels do not compress
	if len(huge) <= MaxWitnessImage {
		t.Fatalf("test image only %d bytes", len(huge))
	}
	cases := []struct {
		name, image, kind, code string
	}{
		{"handwriting as a data URL", "data:image/png;base64," + b64(good), workflow.WitnessHandwritten, ""},
		{"scanned JPEG page", b64(encode(t, canvas(800, 1100, true), "jpeg")), workflow.WitnessScan, ""},
		{"JPEG handwriting", b64(encode(t, canvas(300, 100, true), "jpeg")), workflow.WitnessHandwritten, "workflow.witness_image_format"},
		{"not base64", "not*base64!", workflow.WitnessHandwritten, "workflow.witness_image_encoding"},
		{"empty", "", workflow.WitnessHandwritten, "workflow.witness_image_encoding"},
		{"not an image", b64([]byte("%PDF-1.7 definitely not a picture")), workflow.WitnessScan, "workflow.witness_image_format"},
		{"too large", b64(huge), workflow.WitnessScan, "workflow.witness_image_too_large"},
		{"too small", b64(encode(t, canvas(20, 10, true), "png")), workflow.WitnessHandwritten, "workflow.witness_image_size"},
		{"too wide", b64(encode(t, canvas(5000, 40, true), "png")), workflow.WitnessHandwritten, "workflow.witness_image_size"},
		{"blank canvas", b64(encode(t, canvas(300, 100, false), "png")), workflow.WitnessHandwritten, "workflow.witness_image_blank"},
		{"unknown kind", b64(good), "photo", "workflow.bad_witness"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			raw, err := witnessImage(WitnessRequest{Person: "P001", Image: tc.image, Kind: tc.kind})
			if tc.code == "" {
				if err != nil || len(raw) == 0 {
					t.Fatalf("accepted image: %v", err)
				}
				return
			}
			if !apperr.HasCode(err, tc.code) {
				t.Fatalf("got %v, want %s", err, tc.code)
			}
		})
	}
}
