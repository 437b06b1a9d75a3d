package handlers

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/newsroom/news/models"
)

// testJPEG encodes a w×h photograph-like gradient.
func testJPEG(t testing.TB, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.SetRGBA(x, y, color.RGBA{uint8(x * 255 / w), uint8(y * 255 / h), 90, 255})
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 85}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// addImage stores an image in the library directly.
func (ts *testServer) addImage(t testing.TB, data []byte, alt string) models.Media {
	t.Helper()
	m, err := ts.H.Media.Create(context.Background(), models.MediaInput{Data: data, Alt: alt, Filename: "x.jpg"})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// addPublicImage stores an image and makes it public, as a published
// article's picture is.
func (ts *testServer) addPublicImage(t testing.TB, data []byte, alt string) models.Media {
	t.Helper()
	m := ts.addImage(t, data, alt)
	if err := ts.H.Media.MarkPublic(context.Background(), m.ID); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestResizedImagesServedWithCacheHeaders(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, false)
	m := ts.addPublicImage(t, testJPEG(t, 1000, 600), "A gradient")
	for _, c := range []struct{ width, w, h int }{{320, 320, 192}, {640, 640, 384}, {960, 960, 576}, {1280, 1000, 600}, {1920, 1000, 600}} {
		res, body := ts.get(t, m.URL(c.width))
		if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "image/jpeg" {
			t.Fatalf("%s: %d %s", m.URL(c.width), res.StatusCode, res.Header.Get("Content-Type"))
		}
		if cc := res.Header.Get("Cache-Control"); cc != "public, max-age=31536000, immutable" {
			t.Errorf("Cache-Control %q", cc)
		}
		etag := res.Header.Get("ETag")
		if !strings.HasPrefix(etag, `"`) || !strings.HasSuffix(etag, "-"+strconv.Itoa(c.width)+`"`) {
			t.Errorf("ETag %q", etag)
		}
		cfg, err := jpeg.DecodeConfig(strings.NewReader(body))
		if err != nil || cfg.Width != c.w || cfg.Height != c.h {
			t.Errorf("width %d served %d×%d (%v), want %d×%d", c.width, cfg.Width, cfg.Height, err, c.w, c.h)
		}
		req, _ := http.NewRequest(http.MethodGet, ts.URL+m.URL(c.width), nil)
		req.Header.Set("If-None-Match", etag)
		res, body = ts.do(t, req)
		if res.StatusCode != http.StatusNotModified || body != "" || res.Header.Get("ETag") != etag {
			t.Errorf("revalidation: %d, %d bytes, ETag %q", res.StatusCode, len(body), res.Header.Get("ETag"))
		}
	}
	made := ts.H.Renditions.Made()
	ts.get(t, m.URL(640))
	if ts.H.Renditions.Made() != made {
		t.Error("a cached size was resized again")
	}
}

func TestImageAddressesThatDoNotExist(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, false)
	m := ts.addPublicImage(t, testJPEG(t, 100, 60), "Small")
	id := strconv.FormatInt(m.ID, 10)
	for _, path := range []string{
		"/media/" + id + "/500.jpg",  // not a served width
		"/media/" + id + "/640.png",  // wrong format
		"/media/" + id + "/640",      // no extension
		"/media/" + id + "/0640.jpg", // not the canonical name
		"/media/999/640.jpg",
		"/media/-1/640.jpg",
		"/media/abc/640.jpg",
		"/media/99999999999999999999/640.jpg",
	} {
		if res, _ := ts.get(t, path); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %d, want 404", path, res.StatusCode)
		}
	}
}

func TestTransparentImagesServedAsPNG(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, false)
	img := image.NewNRGBA(image.Rect(0, 0, 400, 200))
	img.SetNRGBA(10, 10, color.NRGBA{255, 0, 0, 255})
	var b bytes.Buffer
	png.Encode(&b, img)
	m := ts.addPublicImage(t, b.Bytes(), "A mostly transparent logo")
	if !strings.HasSuffix(m.URL(320), ".png") {
		t.Fatalf("transparent image at %s", m.URL(320))
	}
	res, body := ts.get(t, m.URL(320))
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "image/png" {
		t.Fatalf("%d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	got, err := png.Decode(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, _, a := got.At(300, 150).RGBA(); a != 0 {
		t.Error("transparency lost")
	}
}

func TestConcurrentFirstRequestsResizeOnce(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, false)
	m := ts.addPublicImage(t, testJPEG(t, 1600, 1200), "Large")
	var wg sync.WaitGroup
	sizes := make([]int, 8)
	for i := range sizes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, body := ts.get(t, m.URL(960))
			if res.StatusCode == http.StatusOK {
				sizes[i] = len(body)
			}
		}()
	}
	wg.Wait()
	for i, n := range sizes {
		if n == 0 || n != sizes[0] {
			t.Errorf("request %d got %d bytes, first got %d", i, n, sizes[0])
		}
	}
	if made := ts.H.Renditions.Made(); made != 1 {
		t.Errorf("8 simultaneous first requests made %d resizes, want 1", made)
	}
}

var imgTagRe = regexp.MustCompile(`<img [^>]*>`)

func TestLeadImagesOnReaderPages(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	_, body := ts.get(t, seedURL)
	lead := section(t, body, `<figure class="story-lead">`, `</figure>`)
	tag := imgTagRe.FindString(lead)
	for _, want := range []string{`srcset="/media/`, ` 320w`, ` sizes="`, ` width="960"`, ` height="540"`,
		`fetchpriority="high"`, `alt="Abstract illustration for World News`} {
		if !strings.Contains(tag, want) {
			t.Errorf("lead image %s lacks %q", tag, want)
		}
	}
	if strings.Contains(tag, "lazy") {
		t.Error("the lead image is lazy")
	}
	if !strings.Contains(lead, `<span class="credit">Illustration: The Daily Ledger</span>`) {
		t.Errorf("lead has no credit: %s", lead)
	}
	src := regexp.MustCompile(`src="([^"]+)"`).FindStringSubmatch(tag)[1]
	if res, _ := ts.get(t, src); res.StatusCode != http.StatusOK {
		t.Errorf("lead image %s: %d", src, res.StatusCode)
	}
	related := section(t, body, `id="related-title"`, `</section>`)
	for _, tag := range imgTagRe.FindAllString(related, -1) {
		if !strings.Contains(tag, `loading="lazy"`) || !strings.Contains(tag, `width="`) {
			t.Errorf("related card image %s is not lazy or has no size", tag)
		}
	}

	_, home := ts.get(t, "/")
	front := section(t, home, `<article class="lead">`, `</article>`)
	if tag := imgTagRe.FindString(front); !strings.Contains(tag, `fetchpriority="high"`) || strings.Contains(tag, "lazy") {
		t.Errorf("front page lead image %q", tag)
	}
	if n := strings.Count(home, `loading="lazy"`); n < 4 {
		t.Errorf("front page has %d lazy card images", n)
	}
	_, list := ts.get(t, "/category/world-news")
	if !strings.Contains(list, `class="card has-img"`) {
		t.Error("section list shows no images")
	}
}
