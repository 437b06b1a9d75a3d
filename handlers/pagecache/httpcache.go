package pagecache

import (
	"bytes"
	"compress/gzip"
	"net/http"
	"strconv"
	"strings"
	"sync"

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

// servePage sends p through w with its validators: 304 when the client's
// If-None-Match matches, else the body, gzip-compressed when the client
// accepts it. If-Modified-Since is not used: the ETag decides alone, since
// two versions of a page can share a second.
func servePage(c echo.Context, w http.ResponseWriter, p *cachedPage, cacheControl, xcache string) error {
	req, res := c.Request(), c.Response()
	hd := w.Header()
	for k, v := range p.header {
		hd[k] = v
	}
	hd.Set("Cache-Control", cacheControl)
	hd.Set("Vary", "Accept-Encoding")
	hd.Set("Last-Modified", p.lastMod)
	hd.Set("X-Cache", xcache)
	gz := acceptsGzip(req)
	etag := p.etag
	if gz {
		etag = gzipETag(etag)
	}
	hd.Set("ETag", etag)
	res.Committed = true
	if inm := req.Header.Get("If-None-Match"); inm != "" && ETagMatches(inm, p.etag) {
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
