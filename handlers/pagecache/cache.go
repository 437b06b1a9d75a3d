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
	"github.com/newsroom/news/handlers/edge"
	"github.com/newsroom/news/models"
)

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

// cacheableQuery reports whether a reader page's query is one of its few
// variants: ?page=N as a canonical number past 1 (a page past the end is a
// 404, never kept), or a known notice after posting a comment (notice
// says which). Any other query is answered but not kept, so that the
// cache cannot be filled with junk.
func (h *Middleware) cacheableQuery(raw string) bool {
	if raw == "" {
		return true
	}
	if len(raw) > 40 {
		return false
	}
	q, err := url.ParseQuery(raw)
	if err != nil || len(q) != 1 {
		return false
	}
	for k, vs := range q {
		if len(vs) != 1 || url.Values(q).Encode() != raw {
			return false
		}
		switch k {
		case "page":
			return canonicalPage(vs[0])
		case "comment":
			return h.KnownNotice != nil && h.KnownNotice(vs[0])
		}
	}
	return false
}

// canonicalPage reports whether s is a page number as the site writes it
// in links: 2 or more, no sign, no leading zero.
func canonicalPage(s string) bool {
	if len(s) == 0 || len(s) > 6 || s[0] < '1' || s[0] > '9' || s == "1" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
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
// page cache and gives them HTTP caching headers, their cache tags,
// validators and gzip. The route table applies it to the reader pages and
// the machine endpoints: pages the same for every visitor.
type Middleware struct {
	// PageCache keeps the rendered pages; nil turns caching off (the
	// headers, validators and gzip stay).
	PageCache *PageCache
	Settings  *models.SettingsStore
	Articles  *models.ArticleStore
	// Banners holds the breaking-news banner, whose end is a moment pages
	// change by time alone; nil: no banner.
	Banners *models.BannerStore
	Now     func() time.Time
	Logger  *slog.Logger
	// KnownNotice reports whether a ?comment= value names a notice the
	// article page shows; only those variants are kept.
	KnownNotice func(string) bool
	// PurgeStyle names the header reader pages carry their tags in;
	// EdgeLongLived lets the edge keep pages a day, as it is purged.
	PurgeStyle    edge.Style
	EdgeLongLived bool
}

// Pages is the middleware.
func (h *Middleware) Pages(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		req := c.Request()
		if req.Method != http.MethodGet && req.Method != http.MethodHead {
			return next(c)
		}
		pc, shared := h.PageCache, !perVisitor(req)
		now := h.Now()
		if pc == nil || !shared {
			return h.renderAndKeep(c, next, keep{now: now, shared: shared})
		}
		began := pc.dropCount()
		until, err := h.cacheHorizon(req.Context(), now, began)
		if err != nil {
			h.Logger.Warn("page cache horizon", "err", err)
			return h.renderAndKeep(c, next, keep{now: now, shared: shared})
		}
		if !h.cacheableQuery(req.URL.RawQuery) {
			return h.renderAndKeep(c, next, keep{now: now, until: until, shared: shared})
		}
		key := req.URL.Path + "?" + req.URL.RawQuery
		if p := pc.get(key, now, until); p != nil {
			return h.servePage(c, c.Response().Writer, p, now, "hit", true)
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
			if p := f.page; p != nil && h.Now().Before(p.until) {
				return h.servePage(c, c.Response().Writer, p, h.Now(), "hit", true)
			}
		}
		k := keep{key: key, now: now, until: until, began: began, store: true, shared: true}
		if leader {
			landed := false
			k.landed = func(p *cachedPage) {
				if !landed {
					landed = true
					pc.land(key, f, p)
				}
			}
			defer k.landed(nil) // whatever happens, nobody waits for ever
		}
		return h.renderAndKeep(c, next, k)
	}
}

// keep says what renderAndKeep does with a page: key, until and began
// for one it stores (store), shared for one the same for every visitor,
// landed (when set) is handed the page stored, or nil, before it is
// written, so that readers waiting for it do not wait on this reader's
// connection.
type keep struct {
	key           string
	now, until    time.Time
	began         uint64
	store, shared bool
	landed        func(*cachedPage)
}

// renderAndKeep runs the handler into a buffer, then sends what it made:
// a page the same for every visitor with validators (and stores it when
// k.store is set), anything else as it was.
func (h *Middleware) renderAndKeep(c echo.Context, next echo.HandlerFunc, k keep) error {
	landed := k.landed
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
		if werr := writeCompressed(c, orig, cw); err == nil {
			err = werr
		}
		return err
	}
	tags := pageTags(c)
	p := newCachedPage(k.key, tags, hd, cw.buf.Bytes())
	p.until = k.until
	if t, ok := c.Get(cacheUntilKey).(time.Time); ok && (p.until.IsZero() || t.Before(p.until)) {
		p.until = t
	}
	p.lastMod = k.now
	if pc := h.PageCache; pc != nil {
		p.lastMod = pc.lastChanged(tags)
	}
	if k.store && p.until.After(k.now) {
		p.gz = gzipBytes(p.body, true)
		if h.PageCache.put(p, k.began) {
			landed(p)
		}
	}
	landed(nil)
	if serr := h.servePage(c, orig, p, k.now, "miss", k.shared); err == nil {
		err = serr
	}
	return err
}

// newCachedPage wraps a freshly rendered body. header is the response's
// header as the handler left it; its content headers are kept.
func newCachedPage(key string, tags []string, header http.Header, body []byte) *cachedPage {
	sum := sha256.Sum256(body)
	kept := http.Header{}
	for _, k := range []string{"Content-Type", "Content-Language", "Link", "X-Robots-Tag"} {
		if v, ok := header[k]; ok {
			kept[k] = v
		}
	}
	return &cachedPage{
		key: key, tags: tags, header: kept,
		body: bytes.Clone(body),
		etag: `"` + hex.EncodeToString(sum[:12]) + `"`,
	}
}

// cacheHorizon is the next moment reader pages change by time alone: the
// day change in the site's time zone (the date bar), the next scheduled
// article going live or the banner's end, whichever comes first. began is the cache's drop
// count when the request began.
func (h *Middleware) cacheHorizon(ctx context.Context, now time.Time, began uint64) (time.Time, error) {
	if t, ok := h.PageCache.knownHorizon(now); ok {
		return t, nil
	}
	h.PageCache.hzMu.Lock()
	defer h.PageCache.hzMu.Unlock()
	if t, ok := h.PageCache.knownHorizon(now); ok {
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
	h.PageCache.setHorizon(until, began, now)
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
