// Package newsroom serves everything under /admin: signing in and setup,
// articles and their revisions, comments, sections, tags, the media
// library, settings, people, the audit log and backups. Who may do what is
// in permissions.go.
package newsroom

import (
	"context"
	"log/slog"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/handlers/kit"
	"github.com/newsroom/news/handlers/live"
	"github.com/newsroom/news/models"
	"github.com/newsroom/news/views"
)

// Deps is what the newsroom uses, built once in main.
type Deps struct {
	Articles   *models.ArticleStore
	Categories *models.CategoryStore
	Tags       *models.TagStore
	Users      *models.UserStore
	Comments   *models.CommentStore
	Settings   *models.SettingsStore
	Audit      *models.AuditStore
	Setup      *models.SetupStore
	Sessions   *models.SessionStore
	Media      *models.MediaStore
	Renditions *models.Renditions
	// Pages are the site's pages that are not news (About, Contact ...).
	Pages *models.PageStore
	// Preview shows an article as the reader's article page would, for
	// the editor's Preview button.
	Preview func(echo.Context, kit.Preview) error
	Views   *views.Renderer
	Logger  *slog.Logger
	// Now is the clock; time.Now outside tests.
	Now func() time.Time
	// SessionKeys sign (and, in pairs, encrypt) session cookies: from
	// NEWS_SESSION_KEYS or the database. Empty: random keys for this
	// process only, as in tests.
	SessionKeys [][]byte
	// SecureCookies marks the session cookie Secure even without TLS here
	// (behind a proxy that terminates HTTPS).
	SecureCookies bool
	// Live is live coverage and its entries, Banners the breaking-news
	// banner; Entries sends new and changed entries to open pages, and
	// LiveHub ends the streams of coverage that ends.
	Live    *models.LiveStore
	Banners *models.BannerStore
	Entries *live.Entries
	LiveHub *live.Hub
	// Backup writes a consistent copy of the database to a new file
	// (models.Stores.Backup), for the admin's "Download a backup" button.
	Backup func(ctx context.Context, path string) error
}

// Handler serves the newsroom.
type Handler struct {
	Deps
	auth authState
	// Reserved are the first path segments the route table uses, which no
	// page slug may take; set once by the server after the routes.
	Reserved []string
	// SameOrigin refuses cross-site state changes to the newsroom.
	SameOrigin echo.MiddlewareFunc
}

// New returns a Handler over deps.
func New(deps Deps) *Handler {
	if deps.Now == nil {
		deps.Now = time.Now
	}
	if deps.Logger == nil {
		deps.Logger = slog.Default()
	}
	return &Handler{Deps: deps, auth: newAuthState(deps),
		SameOrigin: kit.RefuseCrossSite(deps.Logger, "This form was sent from another site, so it was refused. "+
			"Open the page on this site and try again.")}
}

// render executes p's template and writes it with status.
func (h *Handler) render(c echo.Context, status int, p kit.Page) error {
	return kit.Render(c, h.Views, status, p)
}

// LayoutTemplate frames every page that embeds Layout in the newsroom's
// own chrome (layouts/admin.html).
func (Layout) LayoutTemplate() string { return "admin-layout" }
