package pdf

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	_ "image/jpeg" // scanned signature pages
	"image/png"

	"github.com/jung-kurt/gofpdf"
)

// maxHandPixels bounds the canvas of a signature image drawn (a 4096 ×
// 4096 witness image, dossier.MaxWitnessSide, is the largest accepted).
const maxHandPixels = 4096 * 4096

// handH is the height (mm) a handwritten signature takes in its cell.
const handH = 11.0

// handwriting draws the signature image sum (Options.Images) inside the
// box x, y, w, h, keeping its proportions, left-aligned. The image is
// flattened onto white and re-encoded as an 8-bit PNG first, so any PNG
// or JPEG the dossier accepted (alpha, 16-bit, interlaced) draws the same.
// When the image cannot be had the box stays blank: the cell's text and
// the 在场签字 mark still say what was signed.
func (r *renderer) handwriting(sum string, x, y, w, h float64) {
	if r.opt.Images == nil {
		return
	}
	name := "hand-" + sum
	info := r.f.GetImageInfo(name)
	if info == nil {
		raw, err := r.opt.Images(sum)
		if err != nil || len(raw) == 0 {
			return
		}
		flat, ok := flatPNG(raw)
		if !ok {
			return
		}
		info = r.f.RegisterImageOptionsReader(name, gofpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(flat))
		if r.f.Err() || info == nil {
			r.f.ClearError()
			return
		}
	}
	iw, ih := info.Width(), info.Height()
	if iw <= 0 || ih <= 0 {
		return
	}
	dw, dh := w, w*ih/iw
	if dh > h {
		dw, dh = h*iw/ih, h
	}
	r.f.ImageOptions(name, x, y+(h-dh)/2, dw, dh, false, gofpdf.ImageOptions{ImageType: "PNG"}, 0, "")
}

// flatPNG decodes a PNG or JPEG image and returns it as an opaque 8-bit
// RGB PNG over white.
func flatPNG(raw []byte) ([]byte, bool) {
	// A small file may claim a huge canvas: never decode one larger than
	// a signature could be (a pixel bomb from a forged event's image).
	cfg, _, err := image.DecodeConfig(bytes.NewReader(raw))
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > maxHandPixels {
		return nil, false
	}
	src, _, err := image.Decode(bytes.NewReader(raw))
	if err != nil {
		return nil, false
	}
	b := src.Bounds()
	dst := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(dst, dst.Bounds(), &image.Uniform{C: color.White}, image.Point{}, draw.Src)
	draw.Draw(dst, dst.Bounds(), src, b.Min, draw.Over)
	var out bytes.Buffer
	if err := png.Encode(&out, dst); err != nil {
		return nil, false
	}
	return out.Bytes(), true
}
