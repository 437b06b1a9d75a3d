package pagecache

import (
	"net/http"
	"strconv"
	"time"

	"github.com/newsroom/news/handlers/edge"
)

// ReaderCacheControl lets browsers, a CDN or a reverse proxy keep a reader
// page for a minute, serve it stale while they fetch it again, and keep
// serving it for a day when the site cannot answer.
const ReaderCacheControl = "public, max-age=60, stale-while-revalidate=600, stale-if-error=86400"

// VisitorCacheControl is for reader pages fetched with cookies: the page
// may be revalidated by its ETag but not shared.
const VisitorCacheControl = "private, no-cache"

// edgeMaxAge is how long a CDN or Varnish may keep a reader page when the
// site purges it on change: a day, cut short by the page's next moment of
// change by time alone.
const edgeMaxAge = 24 * time.Hour

// cacheHeaders sets the caching headers of a reader page: Cache-Control
// for browsers, the page's tags in the purge style's header, and with a
// purge target a long edge lifetime (Surrogate-Control for Fastly and
// Varnish, CDN-Cache-Control for Cloudflare and others; never s-maxage,
// which browsers' shared caches would read too).
func (h *Middleware) cacheHeaders(hd http.Header, p *cachedPage, now time.Time, shared bool) {
	set := func(k, v string) { hd[k] = []string{v} }
	if !shared {
		set("Cache-Control", VisitorCacheControl)
		return
	}
	set("Cache-Control", ReaderCacheControl)
	style := h.PurgeStyle
	if style == "" {
		style = edge.Fastly
	}
	set(http.CanonicalHeaderKey(style.TagHeader()), style.JoinTags(headerTags(p.tags)))
	if !h.EdgeLongLived || p.until.IsZero() {
		return
	}
	age := min(edgeMaxAge, p.until.Sub(now))
	v := "max-age=" + strconv.Itoa(max(int(age/time.Second), 0)) + ", stale-if-error=86400"
	set("Surrogate-Control", v)
	set("Cdn-Cache-Control", v)
}
