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

// ResizeImage decodes an original (checked again against the limits), scales
// it to width (at most its own) with a Catmull-Rom filter, applies the EXIF
// orientation and encodes it afresh as format ("jpeg" or "png"), which drops
// every piece of metadata the original carried.
func ResizeImage(data []byte, width int, format string) (Resized, error) {
	t, err := sniffType(data)
	if err != nil {
		return Resized{}, err
	}
	src, orientation, err := decodeImage(data, t)
	if err != nil {
		return Resized{}, err
	}
	sb := src.Bounds()
	dispW, dispH := sb.Dx(), sb.Dy()
	if orientation >= 5 {
		dispW, dispH = dispH, dispW
	}
	tw := min(width, dispW)
	th := max(1, (dispH*tw+dispW/2)/dispW)
	// Scale in the original's own orientation, then turn the small copy.
	sw, sh := tw, th
	if orientation >= 5 {
		sw, sh = th, tw
	}
	src = shrink(src, sw, sh)
	sb = src.Bounds()
	dst := image.NewRGBA(image.Rect(0, 0, sw, sh))
	if sw == sb.Dx() && sh == sb.Dy() {
		draw.Draw(dst, dst.Bounds(), src, sb.Min, draw.Src)
	} else {
		draw.CatmullRom.Scale(dst, dst.Bounds(), src, sb, draw.Src, nil)
	}
	out := orient(dst, orientation)
	var buf bytes.Buffer
	r := Resized{Width: out.Bounds().Dx(), Height: out.Bounds().Dy()}
	switch format {
	case "png":
		r.Type = "image/png"
		err = png.Encode(&buf, out)
	default:
		r.Type = "image/jpeg"
		err = jpeg.Encode(&buf, out, &jpeg.Options{Quality: jpegQuality})
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
