package imaging

import (
	"image"
	"math"

	"golang.org/x/image/draw"
)

// scale resizes src to w×h with a Catmull-Rom filter, in two passes through
// an 8-bit intermediate image. golang.org/x/image/draw keeps 32 bytes a pixel
// between its passes (236 MB to make one 1920-pixel copy of a square photo);
// this keeps 4, and reads the source a row at a time.
func scale(src image.Image, w, h int) *image.RGBA {
	b := src.Bounds()
	mid := image.NewRGBA(image.Rect(0, 0, w, b.Dy()))
	across := contributions(b.Dx(), w)
	// Each source row is read into one RGBA row (whatever the source's
	// kind), so the source is never copied whole.
	row := image.NewRGBA(image.Rect(0, 0, b.Dx(), 1))
	for y := 0; y < b.Dy(); y++ {
		draw.Draw(row, row.Bounds(), src, image.Pt(b.Min.X, b.Min.Y+y), draw.Src)
		drow := mid.Pix[y*mid.Stride:]
		for x, c := range across {
			var acc [4]float32
			for k, wt := range c.weights {
				p := row.Pix[(c.start+k)*4:]
				acc[0] += wt * float32(p[0])
				acc[1] += wt * float32(p[1])
				acc[2] += wt * float32(p[2])
				acc[3] += wt * float32(p[3])
			}
			storePremul(drow[x*4:], acc[:])
		}
	}
	out := image.NewRGBA(image.Rect(0, 0, w, h))
	acc := make([]float32, 4*w)
	for y, c := range contributions(b.Dy(), h) {
		clear(acc)
		for k, wt := range c.weights {
			row := mid.Pix[(c.start+k)*mid.Stride:]
			for i := range acc {
				acc[i] += wt * float32(row[i])
			}
		}
		drow := out.Pix[y*out.Stride:]
		for x := 0; x < w; x++ {
			storePremul(drow[x*4:], acc[x*4:x*4+4])
		}
	}
	return out
}

// storePremul rounds and clamps a premultiplied pixel: the filter's negative
// lobes can overshoot, and no colour may exceed its alpha.
func storePremul(dst []uint8, acc []float32) {
	a := clamp255(acc[3])
	dst[3] = a
	for i := 0; i < 3; i++ {
		dst[i] = min(clamp255(acc[i]), a)
	}
}

func clamp255(v float32) uint8 {
	switch {
	case v <= 0:
		return 0
	case v >= 255:
		return 255
	}
	return uint8(v + 0.5)
}

// contribution is the source samples one output sample is made of.
type contribution struct {
	start   int
	weights []float32
}

// contributions maps n source samples onto m output samples with a
// Catmull-Rom kernel widened by the reduction ratio; weights sum to one.
func contributions(n, m int) []contribution {
	ratio := float64(n) / float64(m)
	widen := math.Max(ratio, 1)
	support := 2 * widen
	out := make([]contribution, m)
	for i := range out {
		center := (float64(i)+0.5)*ratio - 0.5
		lo := max(0, int(math.Ceil(center-support)))
		hi := min(n-1, int(math.Floor(center+support)))
		ws := make([]float32, 0, hi-lo+1)
		var sum float64
		for j := lo; j <= hi; j++ {
			v := catmullRom((float64(j) - center) / widen)
			ws = append(ws, float32(v))
			sum += v
		}
		if sum != 0 {
			for k := range ws {
				ws[k] = float32(float64(ws[k]) / sum)
			}
		}
		out[i] = contribution{start: lo, weights: ws}
	}
	return out
}

// catmullRom is the Catmull-Rom cubic (B=0, C=½).
func catmullRom(x float64) float64 {
	x = math.Abs(x)
	switch {
	case x < 1:
		return (1.5*x-2.5)*x*x + 1
	case x < 2:
		return ((-0.5*x+2.5)*x-4)*x + 2
	}
	return 0
}
