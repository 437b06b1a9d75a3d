package pagecache

import (
	"bytes"
	"compress/gzip"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/labstack/echo/v4"
)

// gzipWriters reuses compressors, which are costly to allocate, for pages
// compressed per request when the cache is off or skipped.
var gzipWriters = sync.Pool{New: func() any {
	w, _ := gzip.NewWriterLevel(nil, gzip.BestSpeed)
	return w
}}

// gzipBytes compresses b: thoroughly for a page compressed once and kept,
// quickly for one compressed per request.
func gzipBytes(b []byte, thorough bool) []byte {
	var buf bytes.Buffer
	buf.Grow(len(b) / 3)
	if thorough {
		w, _ := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
		w.Write(b)
		w.Close()
		return buf.Bytes()
	}
	w := gzipWriters.Get().(*gzip.Writer)
	w.Reset(&buf)
	w.Write(b)
	w.Close()
	gzipWriters.Put(w)
	return buf.Bytes()
}

// acceptsGzip reports whether the request's Accept-Encoding allows gzip.
func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), "gzip") {
			continue
		}
		q, found := strings.CutPrefix(strings.TrimSpace(params), "q=")
		if !found {
			return true
		}
		v, err := strconv.ParseFloat(q, 64)
		return err == nil && v > 0
	}
	return false
}

// gzipETag is the ETag of the gzip form of a page whose ETag is etag: a
// strong ETag names one exact sequence of bytes.
func gzipETag(etag string) string { return strings.TrimSuffix(etag, `"`) + `-gz"` }

// ETagMatches applies If-None-Match (weak comparison, as RFC 9110 asks)
// against either form of the page.
func ETagMatches(header, etag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == "*" || t == etag || t == gzipETag(etag) {
			return true
		}
	}
	return false
}

// servePage sends p through w with its tags, caching headers and
// validators: 304 when the client's If-None-Match matches (or, without
// one, when If-Modified-Since is not before Last-Modified and the page did
// not change within the last second), else the body, gzip-compressed when
// the client accepts it.
func (h *Middleware) servePage(c echo.Context, w http.ResponseWriter, p *cachedPage, now time.Time, xcache string, shared bool) error {
	req, res := c.Request(), c.Response()
	hd := w.Header()
	for k, v := range p.header {
		hd[k] = v
	}
	h.cacheHeaders(hd, p, now, shared)
	hd.Set("Vary", "Accept-Encoding")
	hd.Set("Last-Modified", p.lastMod.UTC().Format(http.TimeFormat))
	hd.Set("X-Cache", xcache)
	gz := acceptsGzip(req)
	etag := p.etag
	if gz {
		etag = gzipETag(etag)
	}
	hd.Set("ETag", etag)
	res.Committed = true
	if notModified(req, p, now) {
		res.Status, res.Size = http.StatusNotModified, 0
		w.WriteHeader(http.StatusNotModified)
		return nil
	}
	body := p.body
	if gz {
		if body = p.gz; body == nil {
			body = gzipBytes(p.body, false)
		}
		hd.Set("Content-Encoding", "gzip")
	}
	hd.Set("Content-Length", strconv.Itoa(len(body)))
	res.Status, res.Size = http.StatusOK, int64(len(body))
	w.WriteHeader(http.StatusOK)
	if req.Method == http.MethodHead {
		return nil
	}
	_, err := w.Write(body)
	return err
}

// notModified applies the request's validators to p: If-None-Match when
// it has one, else If-Modified-Since, which cannot tell apart two versions
// within one second and so never answers 304 for a page changed in the
// last second.
func notModified(req *http.Request, p *cachedPage, now time.Time) bool {
	if inm := req.Header.Get("If-None-Match"); inm != "" {
		return ETagMatches(inm, p.etag)
	}
	ims := req.Header.Get("If-Modified-Since")
	if ims == "" || now.Sub(p.lastMod) < time.Second {
		return false
	}
	t, err := http.ParseTime(ims)
	return err == nil && !p.lastMod.Truncate(time.Second).After(t)
}

// Compress is middleware sending HTML and CSS answers gzip-compressed to
// clients that accept it, for routes outside the page cache.
func Compress(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error { return Compressed(c, next) }
}

// Compressed runs next and sends what it wrote gzip-compressed when it is
// HTML or CSS and the client accepts gzip (search, error pages, the style
// sheet), whatever its status. Anything else goes out as written.
func Compressed(c echo.Context, next echo.HandlerFunc) error {
	if !acceptsGzip(c.Request()) {
		return next(c)
	}
	res := c.Response()
	orig := res.Writer
	cw := &captureWriter{header: orig.Header()}
	res.Writer = cw
	defer func() { res.Writer = orig }()
	err := next(c)
	res.Writer = orig
	if !res.Committed {
		return err
	}
	if werr := writeCompressed(c, orig, cw); err == nil {
		err = werr
	}
	return err
}

// writeCompressed sends a captured response through w, gzipped when it
// is text the client accepts gzip for.
func writeCompressed(c echo.Context, w http.ResponseWriter, cw *captureWriter) error {
	hd, body := w.Header(), cw.buf.Bytes()
	hasBody := cw.status != http.StatusNotModified && cw.status != http.StatusNoContent
	if hasBody && compressible(hd) && acceptsGzip(c.Request()) && len(body) > 0 {
		body = gzipBytes(body, false)
		hd.Set("Content-Encoding", "gzip")
		hd.Add("Vary", "Accept-Encoding")
		hd.Set("Content-Length", strconv.Itoa(len(body)))
		if et := hd.Get("ETag"); strings.HasSuffix(et, `"`) {
			hd.Set("ETag", gzipETag(et))
		}
	}
	w.WriteHeader(cw.status)
	c.Response().Size = int64(len(body))
	if c.Request().Method == http.MethodHead {
		return nil
	}
	_, err := w.Write(body)
	return err
}

// compressible reports whether a response is text worth compressing that
// is not compressed already.
func compressible(hd http.Header) bool {
	if hd.Get("Content-Encoding") != "" {
		return false
	}
	ct := hd.Get("Content-Type")
	for _, t := range []string{"text/html", "text/css", "application/javascript", "text/javascript", "image/svg+xml"} {
		if strings.HasPrefix(ct, t) {
			return true
		}
	}
	return false
}
