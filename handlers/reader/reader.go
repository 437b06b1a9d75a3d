// Package reader serves the public site: the front page, sections, tags,
// authors, articles and their comments, search, corrections, feeds,
// sitemaps, images and static files, and the HTML error page.
package reader

import (
	"log/slog"
	"time"

	"github.com/newsroom/news/models"
	"github.com/newsroom/news/static"
	"github.com/newsroom/news/views"
)

// Deps is what the reader site uses, built once in main.
type Deps struct {
	Articles   *models.ArticleStore
	Categories *models.CategoryStore
	Tags       *models.TagStore
	Users      *models.UserStore
	Comments   *models.CommentStore
	Settings   *models.SettingsStore
	Media      *models.MediaStore
	Renditions *models.Renditions
	// OldAddresses are the addresses of an imported site, which redirect.
	OldAddresses *models.OldAddressStore
	// Pages are the site's pages that are not news (About, Contact ...).
	Pages *models.PageStore
	// Live is live coverage; Banners the breaking-news banner.
	Live    *models.LiveStore
	Banners *models.BannerStore
	Views   *views.Renderer
	Assets  *static.Assets
	Logger  *slog.Logger
	// Now is the clock; time.Now outside tests.
	Now func() time.Time
	// BaseURL is the site's public address without a trailing slash, such
	// as https://news.example.com: the start of every absolute URL (feeds,
	// sitemaps, canonical links, social cards).
	BaseURL string
	// Changes publishes what each committed write changed, as cache
	// tags (models.Stores.Changes): the chrome every page shares is rebuilt
	// when a change names it (chrome.go). Nil in a reader that never sees
	// writes.
	Changes models.Changes
	// LinkKey signs the links to commenters' confirmation pages (LinkKey).
	LinkKey []byte
}

// Handler serves the reader site.
type Handler struct {
	Deps
	// CommentLimit counts comment posts per client address.
	CommentLimit *RateLimiter
	// reads counts article reads until CountReads writes them.
	reads *readCounter
	// mostReadLists are the sidebar's Most read, worked out now and then.
	mostReadLists mostReadCache
	// chromes keeps the chrome reader pages share (chrome.go).
	chromes *chromeCache
	// commentCards keeps the rendered cards of approved comments
	// (comment_view.go), articleCards those of articles (card.go).
	commentCards *commentCards
	articleCards *articleCards
}

// New returns a Handler over deps.
func New(deps Deps) *Handler {
	if deps.Now == nil {
		deps.Now = time.Now
	}
	if deps.Logger == nil {
		deps.Logger = slog.Default()
	}
	if deps.LinkKey == nil {
		deps.LinkKey = LinkKey(nil, "comment confirmation")
	}
	h := &Handler{Deps: deps, CommentLimit: NewRateLimiter(deps.Now, CommentRates()...), reads: newReadCounter(deps.Now),
		chromes: &chromeCache{}, commentCards: newCommentCards(), articleCards: newArticleCards()}
	if deps.Changes != nil {
		deps.Changes.Subscribe(h.chromes.changed)
	}
	return h
}
