// Package handlers builds the site's HTTP server: routes.go is the one
// route table, groups.go the route groups that apply middleware. The
// pages live in the packages below: reader (the public site), newsroom
// (everything under /admin), pagecache (whole reader pages kept in memory)
// and kit (what they share).
package handlers

import (
	"fmt"
	"log/slog"
	"net"
	"slices"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/handlers/edge"
	"github.com/newsroom/news/handlers/kit"
	"github.com/newsroom/news/handlers/live"
	"github.com/newsroom/news/handlers/newsroom"
	"github.com/newsroom/news/handlers/pagecache"
	"github.com/newsroom/news/handlers/reader"
	"github.com/newsroom/news/models"
	"github.com/newsroom/news/static"
	"github.com/newsroom/news/views"
)

// Deps is everything the server needs, built once in main (and the same
// way by the tests).
type Deps struct {
	// Stores are the site's stores over its database (models.Open).
	Stores *models.Stores
	Views  *views.Renderer
	Assets *static.Assets
	Logger *slog.Logger
	// AccessLog, when set, writes the request lines off the request path;
	// nil writes them through Logger as each request ends.
	AccessLog *kit.AccessLog
	// Now is the clock; time.Now outside tests.
	Now func() time.Time
	// TrustedProxies are the proxies whose X-Forwarded-For is believed.
	TrustedProxies []*net.IPNet
	// SessionKeys sign (and, in pairs, encrypt) session cookies; empty:
	// random keys for this process only.
	SessionKeys [][]byte
	// SecureCookies marks the session cookie Secure even without TLS here.
	SecureCookies bool
	// PageCache keeps rendered reader pages; nil turns it off.
	PageCache *pagecache.PageCache
	// PurgeStyle names the header reader pages carry their tags in;
	// Purger, when set, sends the purges (started by whoever built it);
	// EdgeLongLived lets the edge keep pages a day, as it is purged.
	PurgeStyle    edge.Style
	Purger        *edge.Purger
	EdgeLongLived bool
	// BaseURL is the site's public address without a trailing slash: the
	// start of every absolute URL.
	BaseURL string
	// LiveHub carries new live entries to open pages: one per process,
	// closed at shutdown so that open streams end. NewServer makes one
	// when nil. LiveHeartbeat is how often an idle stream sends a comment
	// line (live.Heartbeat when 0).
	LiveHub       *live.Hub
	LiveHeartbeat time.Duration
	// StreamTimeout is the write deadline of a long-lived response (the
	// streaming group) in place of the server's WriteTimeout; 1 hour when 0.
	StreamTimeout time.Duration
}

// Server is the site's Echo server with its parts.
type Server struct {
	*echo.Echo
	Reader   *reader.Handler
	Newsroom *newsroom.Handler
	// Cache is the page cache middleware of the cached groups.
	Cache *pagecache.Middleware
	// Groups are the route groups; tests add their routes through them.
	Groups *Groups
	// Live serves the live articles' event streams.
	Live   *live.Stream
	purger *edge.Purger
}

// NewServer builds the whole Echo server: middleware, error handler and
// the route table. main and the tests both call it. It fails when a page
// type has no template.
func NewServer(d Deps) (*Server, error) {
	if d.Now == nil {
		d.Now = time.Now
	}
	if d.Logger == nil {
		d.Logger = slog.Default()
	}
	if d.StreamTimeout == 0 {
		d.StreamTimeout = time.Hour
	}
	for _, p := range Pages() {
		if !d.Views.Has(p.Template()) {
			return nil, fmt.Errorf("handlers: page %T has no template %q", p, p.Template())
		}
	}
	if d.LiveHub == nil {
		d.LiveHub = live.NewHub()
	}
	st := d.Stores
	s := &Server{Echo: echo.New()}
	entries := &live.Entries{Hub: d.LiveHub, Live: st.Live, Articles: st.Articles, Settings: st.Settings,
		Views: d.Views, Logger: d.Logger}
	s.Live = live.NewStream(d.LiveHub, entries)
	if d.LiveHeartbeat > 0 {
		s.Live.Heartbeat = d.LiveHeartbeat
	}
	s.Reader = reader.New(reader.Deps{
		Articles: st.Articles, Categories: st.Categories, Tags: st.Tags, Users: st.Users,
		Comments: st.Comments, Settings: st.Settings, Media: st.Media, Renditions: st.Renditions,
		OldAddresses: st.OldAddresses, Pages: st.Pages, Live: st.Live, Banners: st.Banners, Views: d.Views, Assets: d.Assets, Logger: d.Logger, Now: d.Now, BaseURL: d.BaseURL,
		LinkKey: reader.LinkKey(d.SessionKeys, "comment confirmation"),
		Changes: st.Changes(),
	})
	s.Newsroom = newsroom.New(newsroom.Deps{
		Articles: st.Articles, Categories: st.Categories, Tags: st.Tags, Users: st.Users,
		Comments: st.Comments, Settings: st.Settings, Audit: st.Audit, Setup: st.Setup, Sessions: st.Sessions,
		Media: st.Media, Renditions: st.Renditions, Pages: st.Pages, Views: d.Views, Logger: d.Logger, Now: d.Now,
		Preview: s.Reader.Preview, SessionKeys: d.SessionKeys, SecureCookies: d.SecureCookies, Backup: st.Backup,
		Live: st.Live, Banners: st.Banners, Entries: entries, LiveHub: d.LiveHub,
	})
	s.Cache = &pagecache.Middleware{
		PageCache: d.PageCache, Settings: st.Settings, Articles: st.Articles, Banners: st.Banners, Now: d.Now, Logger: d.Logger,
		KnownNotice: reader.KnownNotice, PurgeStyle: d.PurgeStyle, EdgeLongLived: d.EdgeLongLived,
	}
	s.purger = d.Purger
	st.Changes().Subscribe(s.dropChanged)
	e := s.Echo
	e.HideBanner = true
	e.HidePort = true
	e.IPExtractor = kit.IPExtractor(d.TrustedProxies)
	e.HTTPErrorHandler = s.Reader.HTTPError
	// Old addresses are looked up before a 404 of any address, so this one
	// middleware is the site's, not a group's.
	logRequests := kit.LogRequests(d.Logger)
	if d.AccessLog != nil {
		logRequests = d.AccessLog.Middleware()
	}
	e.Use(kit.AssignRequestID, logRequests, kit.RecoverPanics(d.Logger), kit.SecurityHeaders,
		s.Reader.RedirectOldAddresses)
	s.Groups = newGroups(e, s, d)
	routes(s.Groups, s.Reader, s.Newsroom, s.Live)
	s.Newsroom.Reserved = reservedSegments(e.Routes())
	return s, nil
}

// dropChanged is told each committed change: the cached pages it names
// are dropped, here and (through the
// purger) at the edge.
func (s *Server) dropChanged(ch models.Change) {
	tags := slices.Clone(ch.Tags)
	if pc := s.Cache.PageCache; pc != nil {
		tags = append(tags, pc.Drop(ch, s.Cache.Now())...)
	}
	if s.purger != nil {
		if ch.All {
			tags = []string{string(models.TagChrome), string(models.TagFeeds), string(models.TagSitemaps)}
		}
		s.purger.Purge(tags)
	}
}

// Pages are every page type of the site, reader and newsroom, each
// rendered from its zero value by a test.
func Pages() []kit.Page {
	return append(reader.Pages(), newsroom.Pages()...)
}
