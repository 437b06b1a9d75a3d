package imaging

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"

	"golang.org/x/image/draw"
)

// ImageWidths are the widths an image is served at. Pages list them in
// srcset; a width wider than the original is served at the original's width,
// never upscaled.
var ImageWidths = []int{320, 640, 960, 1280, 1920}

// jpegQuality balances size and artefacts for photographs on screens.
const jpegQuality = 82

// Resized is one encoded copy of an image at one width.
type Resized struct {
	Data   []byte
	Width  int
	Height int
	Type   string // the Content-Type to serve it with
}

// ResizeAll decodes an original once and makes its copy at each of
// ImageWidths (at most the original's own width; same order), turned the
// way orientation (EXIF 1-8) says. Each copy is scaled with a Catmull-Rom
// filter after box halvings, and encoded afresh as format ("jpeg" or "png"),
// which drops every piece of metadata the original carried.
func ResizeAll(data []byte, orientation int, format string) ([]Resized, error) {
	h, err := readHeader(data)
	if err != nil {
		return nil, err
	}
	if err := h.checkMemory(h.resizeCost(len(data), orientation)); err != nil {
		return nil, err
	}
	src, err := decodeImage(data, h)
	if err != nil {
		return nil, err
	}
	sb := src.Bounds()
	dispW, dispH := sb.Dx(), sb.Dy()
	if orientation >= 5 {
		dispW, dispH = dispH, dispW
	}
	out := make([]Resized, len(ImageWidths))
	// Widest first, so each halving continues from the last one and the
	// full-size decode can be dropped after the first.
	for i := len(ImageWidths) - 1; i >= 0; i-- {
		tw := min(ImageWidths[i], dispW)
		if i < len(ImageWidths)-1 && out[i+1].Width == tw { // both wider than the original
			out[i] = out[i+1]
			continue
		}
		th := max(1, (dispH*tw+dispW/2)/dispW)
		// Scale in the original's own orientation, then turn the small copy.
		sw, sh := tw, th
		if orientation >= 5 {
			sw, sh = th, tw
		}
		src = shrink(src, sw, sh)
		if out[i], err = scaleEncode(src, sw, sh, orientation, format); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// scaleEncode scales src to sw×sh, turns it and encodes it as format.
func scaleEncode(src image.Image, sw, sh, orientation int, format string) (Resized, error) {
	sb := src.Bounds()
	var dst *image.RGBA
	if sw == sb.Dx() && sh == sb.Dy() {
		dst = image.NewRGBA(image.Rect(0, 0, sw, sh))
		draw.Draw(dst, dst.Bounds(), src, sb.Min, draw.Src)
	} else {
		dst = scale(src, sw, sh)
	}
	img := orient(dst, orientation)
	var buf bytes.Buffer
	r := Resized{Width: img.Bounds().Dx(), Height: img.Bounds().Dy()}
	var err error
	switch format {
	case "png":
		r.Type = "image/png"
		err = png.Encode(&buf, img)
	default:
		r.Type = "image/jpeg"
		err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: jpegQuality})
	}
	if err != nil {
		return Resized{}, fmt.Errorf("models: encode resized image: %w", err)
	}
	r.Data = buf.Bytes()
	return r, nil
}

// orient turns img the way EXIF orientation o says the camera held it:
// 2 mirror, 3 rotate 180°, 4 flip, 5 transpose, 6 rotate 90° clockwise,
// 7 transverse, 8 rotate 90° counter-clockwise.
func orient(img *image.RGBA, o int) *image.RGBA {
	if o <= 1 || o > 8 {
		return img
	}
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	ow, oh := w, h
	if o >= 5 {
		ow, oh = h, w
	}
	out := image.NewRGBA(image.Rect(0, 0, ow, oh))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			var nx, ny int
			switch o {
			case 2:
				nx, ny = w-1-x, y
			case 3:
				nx, ny = w-1-x, h-1-y
			case 4:
				nx, ny = x, h-1-y
			case 5:
				nx, ny = y, x
			case 6:
				nx, ny = h-1-y, x
			case 7:
				nx, ny = h-1-y, w-1-x
			case 8:
				nx, ny = y, w-1-x
			}
			si := y*img.Stride + x*4
			di := ny*out.Stride + nx*4
			copy(out.Pix[di:di+4], img.Pix[si:si+4])
		}
	}
	return out
}
