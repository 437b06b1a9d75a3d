package models

import (
	"bytes"
	"context"
	"fmt"
	"hash/fnv"
	"image"
	"image/color"
	"image/jpeg"
	"math"
	"math/rand/v2"
	"sync"

	"github.com/newsroom/news/models/imaging"
)

// Size of the demo illustrations. Every test that seeds the demo draws all
// of them, so they are kept small enough to draw and encode in about ten
// milliseconds each; they still exercise the 320, 640 and 960 copies.
const (
	demoImageW = 960
	demoImageH = 540
)

// demoPalettes are each section's colours: a gradient from the first to the
// second, shapes in the third and fourth.
var demoPalettes = map[string][4]color.RGBA{
	"world-news": {{0x1d, 0x2b, 0x4f, 255}, {0x3c, 0x5a, 0x99, 255}, {0xb3, 0x12, 0x1f, 255}, {0xf2, 0xe8, 0xd5, 255}},
	"politics":   {{0x3b, 0x1f, 0x4f, 255}, {0x7a, 0x3f, 0x8f, 255}, {0xd0, 0x6a, 0x3a, 255}, {0xf4, 0xd6, 0xa0, 255}},
	"business":   {{0x0f, 0x3b, 0x33, 255}, {0x1f, 0x7a, 0x63, 255}, {0xc9, 0xa2, 0x27, 255}, {0xe8, 0xf1, 0xe4, 255}},
	"technology": {{0x10, 0x23, 0x3d, 255}, {0x1f, 0x5f, 0x99, 255}, {0x33, 0xb3, 0xc7, 255}, {0xd8, 0xf3, 0xf7, 255}},
	"science":    {{0x14, 0x2f, 0x1a, 255}, {0x2f, 0x7a, 0x44, 255}, {0x8f, 0xc7, 0x4a, 255}, {0xee, 0xf6, 0xd8, 255}},
	"sports":     {{0x3d, 0x10, 0x10, 255}, {0xa8, 0x26, 0x1d, 255}, {0xf0, 0x8a, 0x24, 255}, {0xfb, 0xe3, 0xc4, 255}},
	"culture":    {{0x2c, 0x1a, 0x3d, 255}, {0x6b, 0x3f, 0xa0, 255}, {0xe0, 0x56, 0x9b, 255}, {0xf7, 0xdc, 0xec, 255}},
}

// demoPalette returns a section's colours, or a neutral set.
func demoPalette(section string) [4]color.RGBA {
	if p, ok := demoPalettes[section]; ok {
		return p
	}
	return [4]color.RGBA{{0x22, 0x22, 0x2a, 255}, {0x55, 0x5b, 0x6e, 255}, {0xb3, 0x12, 0x1f, 255}, {0xee, 0xee, 0xee, 255}}
}

// DemoIllustration draws an abstract picture for a demo article: the
// section's colour gradient with circles and bands placed by a generator
// seeded from the title, so the same article always gets the same picture.
// It returns the picture encoded as JPEG.
func DemoIllustration(section, title string) ([]byte, error) {
	h := fnv.New64a()
	h.Write([]byte(title))
	rng := rand.New(rand.NewPCG(h.Sum64(), 0x5eed))
	pal := demoPalette(section)
	img := image.NewYCbCr(image.Rect(0, 0, demoImageW, demoImageH), image.YCbCrSubsampleRatio420)
	row := make([]uint8, demoImageW*4)
	angle := rng.Float64() * math.Pi
	dx, dy := math.Cos(angle), math.Sin(angle)
	span := math.Abs(dx)*demoImageW + math.Abs(dy)*demoImageH
	type circle struct {
		x, y, r float64
		c       color.RGBA
		a       float64
	}
	var circles []circle
	for i := 0; i < 4+rng.IntN(4); i++ {
		circles = append(circles, circle{
			x: rng.Float64() * demoImageW, y: rng.Float64() * demoImageH,
			r: 60 + rng.Float64()*320, c: pal[2+i%2], a: 0.25 + rng.Float64()*0.5,
		})
	}
	bandY, bandH, bandA := demoImageH*(0.45+0.4*rng.Float64()), 40+rng.Float64()*160, 0.2+0.3*rng.Float64()
	// Shapes are filled row by row as spans, so each pixel costs a few
	// additions rather than a test against every shape.
	for y := 0; y < demoImageH; y++ {
		// dy >= 0 for angles in [0, π); shifting by the smallest corner
		// value keeps t within [0, 1] across the whole picture.
		t0 := (float64(y)*dy - math.Min(0, demoImageW*dx)) / span
		step := dx / span
		for x := 0; x < demoImageW; x++ {
			t := t0 + float64(x)*step
			row[x*4] = uint8(lerp(pal[0].R, pal[1].R, t))
			row[x*4+1] = uint8(lerp(pal[0].G, pal[1].G, t))
			row[x*4+2] = uint8(lerp(pal[0].B, pal[1].B, t))
			row[x*4+3] = 255
		}
		if math.Abs(float64(y)-bandY) < bandH/2 {
			blendSpan(row, 0, demoImageW, pal[3], bandA)
		}
		for _, c := range circles {
			ddy := float64(y) - c.y
			if ddy*ddy >= c.r*c.r {
				continue
			}
			half := math.Sqrt(c.r*c.r - ddy*ddy)
			blendSpan(row, int(c.x-half), int(c.x+half), c.c, c.a)
		}
		toYCbCr(img, row, y)
	}
	var buf bytes.Buffer
	// Encoding a YCbCr image skips the encoder's own colour conversion.
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 80}); err != nil {
		return nil, fmt.Errorf("models: encode demo illustration: %w", err)
	}
	return buf.Bytes(), nil
}

func lerp(a, b uint8, t float64) float64 { return float64(a) + (float64(b)-float64(a))*t }

// toYCbCr writes one RGBA row into row y of a 4:2:0 image: luma for every
// pixel, chroma from the top-left pixel of each 2×2 block.
func toYCbCr(img *image.YCbCr, row []uint8, y int) {
	yrow := img.Y[y*img.YStride:]
	for x := 0; x < len(row)/4; x++ {
		r, g, b := int32(row[x*4]), int32(row[x*4+1]), int32(row[x*4+2])
		yrow[x] = uint8((19595*r + 38470*g + 7471*b + 1<<15) >> 16)
	}
	if y%2 != 0 {
		return
	}
	for x := 0; x < len(row)/4; x += 2 {
		_, cb, cr := color.RGBToYCbCr(row[x*4], row[x*4+1], row[x*4+2])
		i := img.COffset(x, y)
		img.Cb[i], img.Cr[i] = cb, cr
	}
}

// blendSpan mixes colour c with weight a into pixels [from, to) of an RGBA row.
func blendSpan(row []uint8, from, to int, c color.RGBA, a float64) {
	from, to = max(from, 0), min(to, len(row)/4)
	w := int(a * 256)
	for x := from; x < to; x++ {
		p := row[x*4 : x*4+3 : x*4+3]
		p[0] = uint8((int(p[0])*(256-w) + int(c.R)*w) >> 8)
		p[1] = uint8((int(p[1])*(256-w) + int(c.G)*w) >> 8)
		p[2] = uint8((int(p[2])*(256-w) + int(c.B)*w) >> 8)
	}
}

// demoPicture is one demo article to illustrate.
type demoPicture struct {
	ArticleID   int64
	Section     string // slug, which picks the colours
	SectionName string
	Title       string
}

// illustrateDemo draws, stores and sets a lead image for each article,
// drawing on two goroutines since each picture takes tens of milliseconds.
func illustrateDemo(ctx context.Context, media *MediaStore, pics []demoPicture) error {
	datas := make([][]byte, len(pics))
	errs := make([]error, len(pics))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				datas[i], errs[i] = DemoIllustration(pics[i].Section, pics[i].Title)
			}
		}()
	}
	for i := range pics {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, p := range pics {
		if errs[i] != nil {
			return errs[i]
		}
		// Drawn here, so known to be a valid opaque JPEG: no need to decode
		// it again as an upload would be.
		info := imaging.ImageInfo{Type: "image/jpeg", Format: "jpeg", Width: demoImageW, Height: demoImageH, Orientation: 1}
		m, err := media.insert(ctx, MediaInput{
			Filename: Slugify(p.Title) + ".jpg", Data: datas[i],
			Alt:     "Abstract illustration for " + p.SectionName + ": overlapping circles on a colour gradient",
			Caption: p.Title, Credit: "Illustration: The Daily Ledger",
		}, info)
		if err != nil {
			return fmt.Errorf("models: demo image for %q: %w", p.Title, err)
		}
		if err := media.SetLead(ctx, p.ArticleID, m.ID); err != nil {
			return err
		}
	}
	return nil
}
