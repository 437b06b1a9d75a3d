package handlers

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"net/http"
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsroom/news/models"
	"github.com/newsroom/news/models/imaging"
)

// flatPNG writes a w×h PNG of one colour, row by row, so a picture that
// decodes to hundreds of megabytes costs the test only its few hundred
// compressed kilobytes. colorType 2 is RGB, 6 RGBA; depth 8 or 16.
func flatPNG(t testing.TB, w, h int, depth, colorType byte) []byte {
	t.Helper()
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(name string, data []byte) {
		binary.Write(&b, binary.BigEndian, uint32(len(data)))
		b.WriteString(name)
		b.Write(data)
		binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(append([]byte(name), data...)))
	}
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9] = depth, colorType
	chunk("IHDR", ihdr)
	channels := 3
	if colorType == 6 {
		channels = 4
	}
	row := make([]byte, 1+w*channels*int(depth)/8)
	for i := 1; i < len(row); i++ {
		row[i] = 0x7f
	}
	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, zlib.BestSpeed)
	for y := 0; y < h; y++ {
		zw.Write(row)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	chunk("IDAT", z.Bytes())
	chunk("IEND", nil)
	return b.Bytes()
}

func TestSixteenBitPictureRefusedAtUploadBeforeDecoding(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, false)
	ts.signIn(t, models.RoleAuthor)
	data := flatPNG(t, 6300, 6300, 16, 2)
	if len(data) > 1<<20 {
		t.Fatalf("test picture is %d bytes, want a small file", len(data))
	}
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	res, body := ts.upload(t, uploadFile{"scan.png", "image/png", data})
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	mustStatus(t, res, body, http.StatusUnprocessableEntity)
	wantBody(t, body, "<strong>scan.png</strong>: not stored, the image needs too much memory to process: "+
		"6300 × 6300 pixels at 16 bits per channel need",
		"save it at 8 bits per channel, or with fewer pixels")
	if n := mediaCount(t, ts); n != 0 {
		t.Errorf("%d images stored, want none", n)
	}
	// Decoding it would have allocated 6300×6300×8 bytes (318 MB).
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 100<<20 {
		t.Errorf("refusing it allocated %d MB: it was decoded", grew>>20)
	}
}

// TestConcurrentFirstRequestsStayWithinTheImageBudget asks for copies of
// eight large pictures at once, none made yet (as after a restart), and
// samples the heap while the server makes them: it must stay within the one
// memory budget of the process. Not parallel: other tests' allocations
// would be counted.
func TestConcurrentFirstRequestsStayWithinTheImageBudget(t *testing.T) {
	data := flatPNG(t, 2400, 2400, 8, 2)
	cost, err := imaging.CostOf(data)
	if err != nil {
		t.Fatal(err)
	}
	// Room for one picture's job but not two: the requests must take turns.
	budget := cost.Resize * 5 / 4
	ts, _ := newTestServerWith(t, serverOptions{imageMemory: budget})
	var pics []models.Media
	for range 8 {
		pics = append(pics, ts.addPublicImage(t, data, "A flat grey field"))
	}

	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	var peak atomic.Uint64
	stop := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapAlloc > peak.Load() {
				peak.Store(ms.HeapAlloc)
			}
			select {
			case <-stop:
				return
			case <-time.After(2 * time.Millisecond):
			}
		}
	}()
	// The jobs take turns, so the last waits for all the others: on a busy
	// machine that is longer than the usual client timeout.
	client := *ts.Client
	client.Timeout = 5 * time.Minute
	var wg sync.WaitGroup
	codes := make([]int, len(pics))
	for i, m := range pics {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, err := client.Get(ts.URL + m.URL(1920))
			if err != nil {
				return
			}
			res.Body.Close()
			codes[i] = res.StatusCode
		}()
	}
	wg.Wait()
	close(stop)
	<-sampled
	debug.FreeOSMemory()
	for i, code := range codes {
		if code != http.StatusOK {
			t.Errorf("picture %d: %d", i, code)
		}
	}
	used := int64(peak.Load()) - int64(base)
	t.Logf("budget %d MB, heap peak %d MB above the start", budget>>20, used>>20)
	if used > budget {
		t.Errorf("heap rose %d MB while making copies, over the %d MB budget", used>>20, budget>>20)
	}
}
