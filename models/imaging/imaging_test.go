package imaging

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/jpeg"
	"testing"
)

func TestInspectAcceptsEachType(t *testing.T) {
	t.Parallel()
	transparent := image.NewNRGBA(image.Rect(0, 0, 40, 30))
	transparent.SetNRGBA(1, 1, color.NRGBA{255, 0, 0, 255})
	cases := []struct {
		name   string
		data   []byte
		typ    string
		format string
		w, h   int
	}{
		{"jpeg", encodeJPEG(t, halves(64, 48)), "image/jpeg", "jpeg", 64, 48},
		{"opaque png", encodePNG(t, halves(64, 48)), "image/png", "jpeg", 64, 48},
		{"png with transparency", encodePNG(t, transparent), "image/png", "png", 40, 30},
		{"gif", encodeGIF(t, halves(64, 48)), "image/gif", "jpeg", 64, 48},
		{"lossy webp", readTestdata(t, "blue-purple-pink.lossy.webp"), "image/webp", "jpeg", 150, 100},
		{"webp with alpha", readTestdata(t, "gopher-doc.with-alpha.lossless.webp"), "image/webp", "png", 0, 0},
	}
	for _, c := range cases {
		info, err := InspectImage(c.data)
		if err != nil {
			t.Errorf("%s: refused: %v", c.name, err)
			continue
		}
		if info.Type != c.typ || info.Format != c.format {
			t.Errorf("%s: type %s format %s, want %s %s", c.name, info.Type, info.Format, c.typ, c.format)
		}
		if c.w != 0 && (info.Width != c.w || info.Height != c.h) {
			t.Errorf("%s: %d×%d, want %d×%d", c.name, info.Width, info.Height, c.w, c.h)
		}
	}
}

func TestInspectRefusesHostileFiles(t *testing.T) {
	t.Parallel()
	jpg := encodeJPEG(t, halves(200, 100))
	png := encodePNG(t, halves(200, 100))
	gifData := encodeGIF(t, halves(200, 100))
	big := append(append([]byte{}, jpg...), make([]byte, MaxImageBytes)...)
	cases := []struct {
		name string
		data []byte
		want error
	}{
		{"empty", nil, ErrImageEmpty},
		{"text file", []byte("hello, this is not a picture at all"), ErrImageType},
		{"html pretending", []byte("<html><script>alert(1)</script></html>"), ErrImageType},
		{"svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`), ErrImageType},
		{"bmp", append([]byte("BM"), make([]byte, 100)...), ErrImageType},
		{"truncated jpeg", jpg[:len(jpg)/2], ErrImageCorrupt},
		{"truncated png", png[:len(png)/2], ErrImageCorrupt},
		{"truncated gif", gifData[:len(gifData)/2], ErrImageCorrupt},
		{"gif magic then junk", append([]byte("GIF89a"), bytes.Repeat([]byte{0xff}, 64)...), ErrImageCorrupt},
		{"png bomb 100000×100000", pngHeaderOnly(100000, 100000), ErrImageDimensions},
		{"png of 48 megapixels", pngHeaderOnly(8000, 6000), ErrImagePixels},
		{"png 1×30000 strip", pngHeaderOnly(1, 30000), ErrImageDimensions},
		{"png header lies about its data", pngHeaderOnly(100, 100), ErrImageCorrupt},
		{"over 10 MB", big, ErrImageTooLarge},
	}
	for _, c := range cases {
		_, err := InspectImage(c.data)
		if !errors.Is(err, c.want) {
			t.Errorf("%s: got %v, want %v", c.name, err, c.want)
		}
	}
}

func TestResizedDimensionsNeverUpscale(t *testing.T) {
	t.Parallel()
	src := encodeJPEG(t, halves(1000, 500))
	for _, c := range []struct{ width, w, h int }{
		{320, 320, 160}, {640, 640, 320}, {960, 960, 480}, {1280, 1000, 500}, {1920, 1000, 500},
	} {
		r, err := resizeImage(src, c.width, "jpeg")
		if err != nil {
			t.Fatal(err)
		}
		got, err := jpeg.Decode(bytes.NewReader(r.Data))
		if err != nil {
			t.Fatal(err)
		}
		if b := got.Bounds(); b.Dx() != c.w || b.Dy() != c.h || r.Width != c.w || r.Height != c.h {
			t.Errorf("width %d: got %v (%d×%d), want %d×%d", c.width, b, r.Width, r.Height, c.w, c.h)
		}
	}
}

func TestEXIFOrientationHonouredAndLocationNotServed(t *testing.T) {
	t.Parallel()
	const gps = "GPS 51.5007N 0.1246W secret-location"
	// Stored 200×100, left red, right blue; orientation 6 means the camera
	// was turned: shown 100×200 with the red half on top.
	data := withEXIF(encodeJPEG(t, halves(200, 100)), 6, gps)
	info, err := InspectImage(data)
	if err != nil {
		t.Fatal(err)
	}
	if info.Width != 100 || info.Height != 200 || info.Orientation != 6 {
		t.Fatalf("inspected %+v, want 100×200 orientation 6", info)
	}
	r, err := resizeImage(data, 320, "jpeg")
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(r.Data, []byte("secret-location")) || bytes.Contains(r.Data, []byte("Exif")) {
		t.Error("the served copy still carries the original's EXIF")
	}
	img, err := jpeg.Decode(bytes.NewReader(r.Data))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 100 || b.Dy() != 200 {
		t.Fatalf("served %v, want 100×200", b)
	}
	top, bottom := img.At(50, 20), img.At(50, 180)
	if r, _, b, _ := top.RGBA(); r < b {
		t.Errorf("top of the turned image is %v, want red", top)
	}
	if r, _, b, _ := bottom.RGBA(); b < r {
		t.Errorf("bottom of the turned image is %v, want blue", bottom)
	}
}

func TestEveryOrientationGivesTheRightShape(t *testing.T) {
	t.Parallel()
	src := encodeJPEG(t, halves(80, 40))
	for o := 1; o <= 8; o++ {
		r, err := resizeImage(withEXIF(src, uint16(o), ""), 320, "jpeg")
		if err != nil {
			t.Fatal(err)
		}
		w, h := 80, 40
		if o >= 5 {
			w, h = 40, 80
		}
		if r.Width != w || r.Height != h {
			t.Errorf("orientation %d: %d×%d, want %d×%d", o, r.Width, r.Height, w, h)
		}
	}
}

func TestOrientationParserSurvivesJunk(t *testing.T) {
	t.Parallel()
	jpg := encodeJPEG(t, halves(20, 20))
	for _, data := range [][]byte{
		nil, {0xFF, 0xD8}, {0xFF, 0xD8, 0xFF, 0xE1, 0xFF, 0xFF},
		withEXIF(jpg, 99, ""), withEXIF(jpg, 0, ""), withEXIF(jpg, 6, "")[:30],
	} {
		if o := jpegOrientation(data); o < 1 || o > 8 {
			t.Errorf("orientation %d from junk", o)
		}
	}
}

func TestShrunkCopiesKeepTheirColours(t *testing.T) {
	t.Parallel()
	for name, src := range map[string][]byte{
		"jpeg": encodeJPEG(t, halves(1001, 501)),
		"png":  encodePNG(t, halves(1001, 501)),
	} {
		r, err := resizeImage(src, 320, "jpeg")
		if err != nil {
			t.Fatal(err)
		}
		img, err := jpeg.Decode(bytes.NewReader(r.Data))
		if err != nil {
			t.Fatal(err)
		}
		if b := img.Bounds(); b.Dx() != 320 || b.Dy() != 160 {
			t.Errorf("%s: %v, want 320×160", name, b)
		}
		for _, p := range []struct {
			x   int
			red bool
		}{{20, true}, {140, true}, {180, false}, {300, false}} {
			r, g, b, _ := img.At(p.x, 80).RGBA()
			if (r > b) != p.red || g > 0x3000 {
				t.Errorf("%s: pixel %d is %d,%d,%d; want red=%v", name, p.x, r>>8, g>>8, b>>8, p.red)
			}
		}
	}
}

func TestSixteenBitAndGreyPicturesResizeTrue(t *testing.T) {
	t.Parallel()
	wide := image.NewRGBA64(image.Rect(0, 0, 1400, 700))
	grey := image.NewGray16(image.Rect(0, 0, 1400, 700))
	for y := 0; y < 700; y++ {
		for x := 0; x < 1400; x++ {
			c := color.RGBA64{0xdc00, 0x1400, 0x1400, 0xffff}
			g := color.Gray16{0x2000}
			if x >= 700 {
				c, g = color.RGBA64{0x1400, 0x1400, 0xdc00, 0xffff}, color.Gray16{0xe000}
			}
			wide.SetRGBA64(x, y, c)
			grey.SetGray16(x, y, g)
		}
	}
	for name, img := range map[string]image.Image{"16-bit RGB": wide, "16-bit grey": grey} {
		r, err := resizeImage(encodePNG(t, img), 320, "jpeg")
		if err != nil {
			t.Fatal(err)
		}
		got, err := jpeg.Decode(bytes.NewReader(r.Data))
		if err != nil || got.Bounds().Dx() != 320 || got.Bounds().Dy() != 160 {
			t.Fatalf("%s: %v %v", name, got.Bounds(), err)
		}
		lr, lg, lb, _ := got.At(40, 80).RGBA()
		rr, rg, rb, _ := got.At(280, 80).RGBA()
		if name == "16-bit RGB" && (lr>>8 < 200 || lb>>8 > 40 || rb>>8 < 200 || rr>>8 > 40) {
			t.Errorf("%s: left %d,%d,%d right %d,%d,%d", name, lr>>8, lg>>8, lb>>8, rr>>8, rg>>8, rb>>8)
		}
		if name == "16-bit grey" && (lg>>8 < 0x18 || lg>>8 > 0x28 || rg>>8 < 0xd8 || rg>>8 > 0xe8) {
			t.Errorf("%s: left %d right %d, want about 32 and 224", name, lg>>8, rg>>8)
		}
	}
}
