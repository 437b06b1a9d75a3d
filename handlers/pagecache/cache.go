// Package pagecache keeps whole reader pages in memory and serves them with
// HTTP caching headers, validators and gzip.
package pagecache

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/models"
)

// ReaderCacheControl lets browsers, a CDN or a reverse proxy keep a reader
// page for a minute and serve it stale while they fetch it again.
const ReaderCacheControl = "public, max-age=60, stale-while-revalidate=600"

// VisitorCacheControl is for reader pages fetched with cookies: the page
// may be revalidated by its ETag but not shared.
const VisitorCacheControl = "private, no-cache"

// cacheUntilKey holds a time a handler sets with Until.
const cacheUntilKey = "cache_until"

// Until tells the page cache that the page being rendered changes by
// time alone at t (for example when an article's comments close by age).
func Until(c echo.Context, t time.Time) {
	if old, ok := c.Get(cacheUntilKey).(time.Time); ok && old.Before(t) {
		return
	}
	c.Set(cacheUntilKey, t)
}

// cacheableQuery reports whether a reader page's query names one of a few
// known variants (?page=N, the notice after posting a comment), so that
// keying the cache by it cannot be used to fill the cache with junk.
func cacheableQuery(raw string) bool {
	if raw == "" {
		return true
	}
	if len(raw) > 40 {
		return false
	}
	q, err := url.ParseQuery(raw)
	if err != nil {
		return false
	}
	for k, vs := range q {
		if (k != "page" && k != "comment") || len(vs) != 1 || !plainWord(vs[0]) {
			return false
		}
	}
	return true
}

func plainWord(s string) bool {
	if s == "" || len(s) > 16 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// perVisitor reports whether a request carries credentials, so what it is
// answered must not be shared with other visitors.
func perVisitor(r *http.Request) bool {
	return r.Header.Get("Cookie") != "" || r.Header.Get("Authorization") != ""
}

// Middleware serves the pages of the routes it is applied to from the
// page cache and gives them HTTP caching headers, an ETag and gzip. The
// route table applies it to the reader pages and the machine endpoints:
// pages the same for every visitor.
type Middleware struct {
	// PageCache keeps the rendered pages; nil turns caching off (the
	// headers, ETag and gzip stay).
	PageCache *PageCache
	Settings  *models.SettingsStore
	Articles  *models.ArticleStore
	// Banners holds the breaking-news banner, whose end is a moment pages
	// change by time alone; nil: no banner.
	Banners *models.BannerStore
	// Generation counts committed writes (models.Stores.Generation);
	// cached pages are valid for one generation only.
	Generation func() uint64
	Now        func() time.Time
	Logger     *slog.Logger
}

// Pages is the middleware.
func (h *Middleware) Pages(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		req := c.Request()
		if req.Method != http.MethodGet && req.Method != http.MethodHead {
			return next(c)
		}
		pc, shared := h.PageCache, !perVisitor(req)
		if pc == nil || !shared || !cacheableQuery(req.URL.RawQuery) {
			return h.renderAndKeep(c, next, "", 0, time.Time{}, time.Time{}, false, shared, nil)
		}
		key := req.URL.Path + "?" + req.URL.RawQuery
		now, gen := h.Now(), h.generation()
		if p := pc.get(key, gen, now); p != nil {
			return servePage(c, c.Response().Writer, p, ReaderCacheControl, "hit")
		}
		// When a popular page has just been invalidated, many readers miss
		// at once: one renders it, the others wait for that page.
		f, leader := pc.join(key)
		if !leader {
			select {
			case <-f.done:
			case <-req.Context().Done():
				return req.Context().Err()
			}
			if p := f.page; p != nil && p.valid(h.generation(), h.Now()) {
				return servePage(c, c.Response().Writer, p, ReaderCacheControl, "hit")
			}
		}
		landed := !leader
		land := func(p *cachedPage) {
			if !landed {
				landed = true
				pc.land(key, f, p)
			}
		}
		defer land(nil) // whatever happens, nobody waits for ever
		until, err := h.cacheHorizon(req.Context(), gen, now)
		if err != nil {
			h.Logger.Warn("page cache horizon", "err", err)
			return h.renderAndKeep(c, next, key, gen, now, until, false, shared, land)
		}
		return h.renderAndKeep(c, next, key, gen, now, until, true, shared, land)
	}
}

// generation is the database's write count, 0 without a database.
func (h *Middleware) generation() uint64 {
	if h.Generation == nil {
		return 0
	}
	return h.Generation()
}

// renderAndKeep runs the handler into a buffer, then sends what it made:
// a page the same for every visitor with validators (and stores it when
// store is set), anything else as it was. landed, when set, is handed the
// page stored (or nil) before the response is written, so that readers
// waiting for it do not wait on this reader's connection.
func (h *Middleware) renderAndKeep(c echo.Context, next echo.HandlerFunc, key string, gen uint64, now, until time.Time, store, shared bool, landed func(*cachedPage)) error {
	if landed == nil {
		landed = func(*cachedPage) {}
	}
	res := c.Response()
	orig := res.Writer
	cw := &captureWriter{header: orig.Header()}
	res.Writer = cw
	defer func() { res.Writer = orig }() // also when the handler panics
	err := next(c)
	res.Writer = orig
	if !res.Committed {
		landed(nil)
		return err
	}
	hd := orig.Header()
	if cw.status != http.StatusOK || hd.Get("Set-Cookie") != "" || strings.Contains(hd.Get("Cache-Control"), "no-store") {
		landed(nil)
		orig.WriteHeader(cw.status)
		_, werr := orig.Write(cw.buf.Bytes())
		res.Size = int64(cw.buf.Len())
		if err == nil {
			err = werr
		}
		return err
	}
	p := newCachedPage(key, gen, now, until, hd, cw.buf.Bytes())
	if t, ok := c.Get(cacheUntilKey).(time.Time); ok && t.Before(p.until) {
		p.until = t
	}
	if store && p.until.After(now) {
		p.gz = gzipBytes(p.body, true)
		h.PageCache.put(p)
		landed(p)
	}
	landed(nil)
	cc := ReaderCacheControl
	if !shared {
		cc = VisitorCacheControl
	}
	if serr := servePage(c, orig, p, cc, "miss"); err == nil {
		err = serr
	}
	return err
}

// newCachedPage wraps a freshly rendered body. header is the response's
// header as the handler left it; its content headers are kept.
func newCachedPage(key string, gen uint64, now, until time.Time, header http.Header, body []byte) *cachedPage {
	sum := sha256.Sum256(body)
	kept := http.Header{}
	for _, k := range []string{"Content-Type", "Content-Language", "Link", "X-Robots-Tag"} {
		if v, ok := header[k]; ok {
			kept[k] = v
		}
	}
	return &cachedPage{
		key: key, gen: gen, from: now, until: until, header: kept,
		body:    bytes.Clone(body),
		etag:    `"` + hex.EncodeToString(sum[:12]) + `"`,
		lastMod: now.UTC().Format(http.TimeFormat),
	}
}

// cacheHorizon is the next moment reader pages change by time alone: the
// day change in the site's time zone (the date bar), the next scheduled
// article going live or the banner's end, whichever comes first.
func (h *Middleware) cacheHorizon(ctx context.Context, gen uint64, now time.Time) (time.Time, error) {
	if t, ok := h.PageCache.knownHorizon(gen, now); ok {
		return t, nil
	}
	st, err := h.Settings.Get(ctx)
	if err != nil {
		return time.Time{}, err
	}
	local := now.In(st.Location())
	y, m, d := local.Date()
	until := time.Date(y, m, d+1, 0, 0, 0, 0, local.Location())
	next, ok, err := h.Articles.NextScheduled(ctx, now)
	if err != nil {
		return time.Time{}, err
	}
	if ok && next.Before(until) {
		until = next
	}
	// The banner sits on every page and goes down by itself at its end.
	if h.Banners != nil {
		b, err := h.Banners.Current(ctx)
		switch {
		case err == nil && b.EndsAt.Before(until):
			until = b.EndsAt
		case err != nil && !errors.Is(err, models.ErrNotFound):
			return time.Time{}, err
		}
	}
	h.PageCache.setHorizon(horizon{gen: gen, from: now, until: until})
	return until, nil
}

// captureWriter holds a response in memory. Its header is the real
// response's, so handlers set headers where they always do.
type captureWriter struct {
	header http.Header
	status int
	buf    bytes.Buffer
}

func (w *captureWriter) Header() http.Header { return w.header }

func (w *captureWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
}

func (w *captureWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.buf.Write(b)
}

// Flush does nothing: the response is sent whole once the handler is done.
func (w *captureWriter) Flush() {}
