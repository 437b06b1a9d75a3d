package handlers

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/jpeg"
	"io"
	"math/rand/v2"
	"net/http"
	"runtime"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/newsroom/news/models"
)

// photoJPEG encodes a w×h image with gradients and grain, so it compresses
// about as a photograph does.
func photoJPEG(b testing.TB, w, h int) []byte {
	b.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	rng := rand.New(rand.NewPCG(1, 2))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			n := uint8(rng.IntN(24))
			img.SetRGBA(x, y, color.RGBA{uint8(x*200/w) + n, uint8(y*200/h) + n, uint8((x+y)*100/(w+h)) + n, 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 85}); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

// peakHeap samples the heap in use until stop is closed and returns the
// highest value seen above the starting point.
func peakHeap(stop <-chan struct{}) <-chan uint64 {
	out := make(chan uint64, 1)
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapInuse
	go func() {
		var peak uint64
		t := time.NewTicker(2 * time.Millisecond)
		defer t.Stop()
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > base && ms.HeapInuse-base > peak {
				peak = ms.HeapInuse - base
			}
			select {
			case <-stop:
				out <- peak
				return
			case <-t.C:
			}
		}
	}()
	return out
}

// BenchmarkFirstResize4000x3000 makes the 1280-wide copy of a 4000×3000
// JPEG from scratch each time: the original is read from the database,
// decoded, scaled with Catmull-Rom and encoded.
func BenchmarkFirstResize4000x3000(b *testing.B) {
	store := newTestDB(b, time.Now).Media
	m, err := store.Create(context.Background(), models.MediaInput{Data: photoJPEG(b, 4000, 3000), Alt: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("original: %d bytes", m.Size)
	var peak atomic.Uint64
	var cpu time.Duration
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		r := models.NewRenditions(store, 64<<20, models.NewMemoryBudget(models.ImageMemoryBudget, models.ImageJobsWaiting)) // empty cache: every Get resizes
		runtime.GC()
		stop := make(chan struct{})
		got := peakHeap(stop)
		c0 := processCPU()
		b.StartTimer()
		if _, err := r.Get(context.Background(), m, 1280); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		cpu += processCPU() - c0
		close(stop)
		if p := <-got; p > peak.Load() {
			peak.Store(p)
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MB")
	// On a shared machine the wall time depends on the neighbours; the CPU
	// time the process spent is the steadier figure.
	b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
}

// processCPU is the CPU time (user and system) this process has used.
func processCPU() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkServeCachedImage serves an image copy already in the cache,
// through the whole server over HTTP, with two clients at once.
func BenchmarkServeCachedImage(b *testing.B) {
	ts := newTestServer(b, false)
	m := ts.addImage(b, photoJPEG(b, 4000, 3000), "bench")
	url := ts.URL + m.URL(960)
	if res, _ := ts.get(b, m.URL(960)); res.StatusCode != http.StatusOK {
		b.Fatal(res.Status)
	}
	var once sync.Once
	b.ReportAllocs()
	c0 := processCPU()
	b.ResetTimer()
	b.SetParallelism(1)
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			res, err := ts.Client.Get(url)
			if err != nil {
				b.Fatal(err)
			}
			n, _ := io.Copy(io.Discard, res.Body)
			res.Body.Close()
			once.Do(func() { b.SetBytes(n) })
		}
	})
	b.StopTimer()
	// Client and server run in this process: this is the CPU of both.
	b.ReportMetric(float64((processCPU()-c0).Microseconds())/float64(b.N), "cpu-µs/op")
}
