package imaging

import (
	"image"

	"golang.org/x/image/draw"
)

// shrink halves img by averaging 2×2 blocks while it stays at least as
// large as w×h. The box average is a sound anti-aliasing filter and costs
// little; the Catmull-Rom pass that follows then only bridges a ratio under
// two, instead of weighing a dozen source pixels per output pixel in each
// direction (a 4000-wide photo to 1280 was several times slower without it).
// The first halving of a 16-bit image keeps 8 bits a channel, so the
// full-size 16-bit decode is dropped early; kinds without a halving of
// their own (palettes, CMYK) are copied into RGBA first.
func shrink(img image.Image, w, h int) image.Image {
	for {
		b := img.Bounds()
		if b.Dx()/2 < w || b.Dy()/2 < h {
			return img
		}
		var next image.Image
		switch m := img.(type) {
		case *image.YCbCr:
			next = halveYCbCr(m)
		case *image.RGBA:
			next = halveFlat(m.Pix[m.PixOffset(b.Min.X, b.Min.Y):], m.Stride, b, 4, 1, newRGBA)
		case *image.NRGBA:
			next = halveFlat(m.Pix[m.PixOffset(b.Min.X, b.Min.Y):], m.Stride, b, 4, 1, newNRGBA)
		case *image.Gray:
			next = halveFlat(m.Pix[m.PixOffset(b.Min.X, b.Min.Y):], m.Stride, b, 1, 1, newGray)
		case *image.RGBA64:
			next = halveFlat(m.Pix[m.PixOffset(b.Min.X, b.Min.Y):], m.Stride, b, 4, 2, newRGBA)
		case *image.NRGBA64:
			next = halveFlat(m.Pix[m.PixOffset(b.Min.X, b.Min.Y):], m.Stride, b, 4, 2, newNRGBA)
		case *image.Gray16:
			next = halveFlat(m.Pix[m.PixOffset(b.Min.X, b.Min.Y):], m.Stride, b, 1, 2, newGray)
		default:
			out := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
			draw.Draw(out, out.Bounds(), img, b.Min, draw.Src)
			next = out
		}
		img = next
	}
}

// newRGBA, newNRGBA and newGray make an 8-bit image of bounds r and
// return its pixels and stride.
func newRGBA(r image.Rectangle) (image.Image, []uint8, int) {
	o := image.NewRGBA(r)
	return o, o.Pix, o.Stride
}

func newNRGBA(r image.Rectangle) (image.Image, []uint8, int) {
	o := image.NewNRGBA(r)
	return o, o.Pix, o.Stride
}

func newGray(r image.Rectangle) (image.Image, []uint8, int) {
	o := image.NewGray(r)
	return o, o.Pix, o.Stride
}

// halveFlat halves an image of bounds b whose pixels are src (n channels
// of depth bytes each, big-endian) into a new 8-bit image made by mk.
func halveFlat(src []uint8, srcStride int, b image.Rectangle, n, depth int, mk func(image.Rectangle) (image.Image, []uint8, int)) image.Image {
	out, pix, stride := mk(image.Rect(0, 0, b.Dx()/2, b.Dy()/2))
	halvePix(pix, stride, src, srcStride, b.Dx()/2, b.Dy()/2, n, depth)
	return out
}

// halvePix writes the 2×2 averages of src (n channels a pixel, each of
// depth bytes, big-endian) into an 8-bit w×h dst.
func halvePix(dst []uint8, dstStride int, src []uint8, srcStride, w, h, n, depth int) {
	px := n * depth
	for y := 0; y < h; y++ {
		r0 := src[2*y*srcStride:]
		r1 := src[(2*y+1)*srcStride:]
		d := dst[y*dstStride:]
		for x := 0; x < w; x++ {
			for c := 0; c < n; c++ {
				i, j := 2*x*px+c*depth, (2*x+1)*px+c*depth
				s := int(r0[i]) + int(r0[j]) + int(r1[i]) + int(r1[j])
				if depth == 2 { // weigh in the low bytes, then keep the high
					s = s<<8 + int(r0[i+1]) + int(r0[j+1]) + int(r1[i+1]) + int(r1[j+1])
					d[x*n+c] = uint8((s + 2) >> 10)
					continue
				}
				d[x*n+c] = uint8((s + 2) >> 2)
			}
		}
	}
}

// halveYCbCr halves each plane of a YCbCr image, keeping its subsampling.
func halveYCbCr(m *image.YCbCr) *image.YCbCr {
	b := m.Bounds()
	out := image.NewYCbCr(image.Rect(0, 0, b.Dx()/2, b.Dy()/2), m.SubsampleRatio)
	halvePix(out.Y, out.YStride, m.Y[m.YOffset(b.Min.X, b.Min.Y):], m.YStride, b.Dx()/2, b.Dy()/2, 1, 1)
	// Chroma planes: the output's are at most half the input's (rounded
	// up), so read with clamping at the input's last row and column.
	ob := out.Bounds()
	cw, ch := chromaSize(ob, m.SubsampleRatio)
	sw, sh := chromaSize(b, m.SubsampleRatio)
	off := m.COffset(b.Min.X, b.Min.Y)
	for _, p := range [2][2][]uint8{{out.Cb, m.Cb[off:]}, {out.Cr, m.Cr[off:]}} {
		dst, src := p[0], p[1]
		for y := 0; y < ch; y++ {
			y0, y1 := min(2*y, sh-1), min(2*y+1, sh-1)
			for x := 0; x < cw; x++ {
				x0, x1 := min(2*x, sw-1), min(2*x+1, sw-1)
				s := int(src[y0*m.CStride+x0]) + int(src[y0*m.CStride+x1]) + int(src[y1*m.CStride+x0]) + int(src[y1*m.CStride+x1])
				dst[y*out.CStride+x] = uint8((s + 2) >> 2)
			}
		}
	}
	return out
}

// chromaSize is the size of a chroma plane for an image of bounds b.
func chromaSize(b image.Rectangle, r image.YCbCrSubsampleRatio) (int, int) {
	w, h := b.Dx(), b.Dy()
	switch r {
	case image.YCbCrSubsampleRatio422:
		return (w + 1) / 2, h
	case image.YCbCrSubsampleRatio420:
		return (w + 1) / 2, (h + 1) / 2
	case image.YCbCrSubsampleRatio440:
		return w, (h + 1) / 2
	case image.YCbCrSubsampleRatio411:
		return (w + 3) / 4, h
	case image.YCbCrSubsampleRatio410:
		return (w + 3) / 4, (h + 1) / 2
	}
	return w, h
}
