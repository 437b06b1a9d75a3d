// Package handlers turns HTTP requests into calls on the models and renders
// the answers with the views. routes.go builds the whole Echo server.
package handlers

import (
	"context"
	"log/slog"
	"net"
	"time"

	"github.com/newsroom/news/db"
	"github.com/newsroom/news/handlers/live"
	"github.com/newsroom/news/models"
	"github.com/newsroom/news/static"
	"github.com/newsroom/news/views"
)

// Deps is everything the handlers need, built once in main.
type Deps struct {
	Articles   *models.ArticleStore
	Categories *models.CategoryStore
	Tags       *models.TagStore
	Users      *models.UserStore
	Comments   *models.CommentStore
	Settings   *models.SettingsStore
	Views      *views.Renderer
	Assets     *static.Assets
	Logger     *slog.Logger
	// Now is the clock; time.Now outside tests.
	Now func() time.Time
	// TrustedProxies are the proxies whose X-Forwarded-For is believed.
	TrustedProxies []*net.IPNet

	// Newsroom sign-in (handlers/auth.go).
	Audit *models.AuditStore
	Setup *models.SetupStore
	// SessionKeys sign (and, in pairs, encrypt) session cookies: from
	// NEWS_SESSION_KEYS or the database. Empty: random keys for this
	// process only, as in tests.
	SessionKeys [][]byte
	// SecureCookies marks the session cookie Secure even without TLS here
	// (behind a proxy that terminates HTTPS).
	SecureCookies bool
	// PageCache keeps rendered reader pages; nil turns it off.
	PageCache *PageCache
	// Generation counts committed writes (db.DB.Generation); cached pages
	// are valid for one generation only.
	Generation func() uint64

	// Media is the image library; Renditions makes and caches its resized copies.
	Media      *models.MediaStore
	Renditions *models.Renditions
	// OldAddresses are the addresses of an imported site, which redirect.
	OldAddresses *models.OldAddressStore

	// BaseURL is the site's public address without a trailing slash, such
	// as https://news.example.com: the start of every absolute URL (feeds,
	// sitemaps, canonical links, social cards).
	BaseURL string

	// Live is live coverage and its entries; Banners the breaking-news
	// banner; LiveHub carries new entries to open pages (one per process,
	// closed at shutdown so open streams end).
	Live    *models.LiveStore
	Banners *models.BannerStore
	LiveHub *live.Hub
	// LiveHeartbeat is how often an idle stream sends a comment line;
	// live.Heartbeat when zero.
	LiveHeartbeat time.Duration

	// Backup writes a consistent copy of the database to a new file
	// (db.DB.Backup), for the admin's "Download a backup" button.
	Backup func(ctx context.Context, path string) error
}

// WithStores fills deps with the stores over d, the same way for main and
// the tests; now is the clock the stores use.
func WithStores(deps Deps, d *db.DB, now func() time.Time) Deps {
	deps.Now = now
	deps.Articles = models.NewArticleStore(d, now)
	deps.Categories = models.NewCategoryStore(d)
	deps.Tags = models.NewTagStore(d)
	deps.Users = models.NewUserStore(d)
	deps.Comments = models.NewCommentStore(d)
	deps.Settings = models.NewSettingsStore(d)
	deps.Audit = models.NewAuditStore(d, now)
	deps.Setup = models.NewSetupStore(d, now)
	deps.Generation = d.Generation
	deps.Media = models.NewMediaStore(d, now)
	deps.Renditions = models.NewRenditions(deps.Media, renditionCacheBytes, resizeParallel)
	deps.Backup = d.Backup
	deps.Live = models.NewLiveStore(d, now)
	deps.Banners = models.NewBannerStore(d, now)
	if deps.LiveHub == nil {
		deps.LiveHub = live.NewHub()
	}
	deps.OldAddresses = models.NewOldAddressStore(d, deps.Articles)
	return deps
}

// Handler serves the site's pages.
type Handler struct {
	Deps
	auth authState
	// commentLimit counts comment posts per client address.
	commentLimit *rateLimiter
	// liveStream serves the live articles' event streams.
	liveStream *live.Stream
}

// New returns a Handler over deps.
func New(deps Deps) *Handler {
	if deps.Now == nil {
		deps.Now = time.Now
	}
	if deps.Logger == nil {
		deps.Logger = slog.Default()
	}
	h := &Handler{Deps: deps, auth: newAuthState(deps), commentLimit: newRateLimiter(deps.Now, commentRates()...)}
	h.liveStream = live.NewStream(deps.LiveHub, liveSource{h})
	if deps.LiveHeartbeat > 0 {
		h.liveStream.Heartbeat = deps.LiveHeartbeat
	}
	return h
}
