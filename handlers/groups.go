package handlers

import (
	"errors"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/handlers/kit"
	"github.com/newsroom/news/handlers/newsroom"
	"github.com/newsroom/news/handlers/pagecache"
)

// Group is a set of routes that share middleware. Every route the site
// answers is added through a group (routes.go; tests add theirs the same
// way), and is named after it, so a route in no group stands out in
// e.Routes().
type Group struct {
	name   string
	e      *echo.Echo
	prefix string
	mw     []echo.MiddlewareFunc
}

// Name is the group's name, the Name of each of its routes (newsroom
// routes add ":" and the action they need).
func (g *Group) Name() string { return g.name }

// Add adds a route: the group's middleware, then mw, then h.
func (g *Group) Add(method, path string, h echo.HandlerFunc, mw ...echo.MiddlewareFunc) *echo.Route {
	return g.add(g.name, method, path, h, mw)
}

func (g *Group) add(name, method, path string, h echo.HandlerFunc, mw []echo.MiddlewareFunc) *echo.Route {
	r := g.e.Add(method, g.prefix+path, h, append(slices.Clone(g.mw), mw...)...)
	r.Name = name
	return r
}

// GET adds a GET route.
func (g *Group) GET(path string, h echo.HandlerFunc, mw ...echo.MiddlewareFunc) *echo.Route {
	return g.Add(http.MethodGet, path, h, mw...)
}

// POST adds a POST route.
func (g *Group) POST(path string, h echo.HandlerFunc, mw ...echo.MiddlewareFunc) *echo.Route {
	return g.Add(http.MethodPost, path, h, mw...)
}

// Read adds path for GET and HEAD.
func (g *Group) Read(path string, h echo.HandlerFunc, mw ...echo.MiddlewareFunc) {
	g.GET(path, h, mw...)
	g.Add(http.MethodHead, path, h, mw...)
}

// NotFound answers 404 for unknown paths under path, through the group's
// middleware (so an unknown /admin address still asks for a session).
func (g *Group) NotFound(path string) {
	r := g.e.RouteNotFound(g.prefix+path, echo.NotFoundHandler, g.mw...)
	r.Name = g.name
}

// NewsroomGroup is a group whose every route names the action it needs
// (newsroom.Permissions says which roles have it).
type NewsroomGroup struct{ Group }

// GET adds a GET route that needs a.
func (g *NewsroomGroup) GET(path string, a newsroom.Action, h echo.HandlerFunc, mw ...echo.MiddlewareFunc) *echo.Route {
	return g.add(g.name+":"+string(a), http.MethodGet, path, h, append([]echo.MiddlewareFunc{newsroom.Require(a)}, mw...))
}

// POST adds a POST route that needs a; its body is limited to limit bytes
// (0: the route limits its body itself, as uploads do).
func (g *NewsroomGroup) POST(path string, a newsroom.Action, limit int64, h echo.HandlerFunc, mw ...echo.MiddlewareFunc) *echo.Route {
	first := []echo.MiddlewareFunc{newsroom.Require(a)}
	if limit > 0 {
		first = append(first, kit.LimitBody(limit))
	}
	mw = append(first, mw...)
	return g.add(g.name+":"+string(a), http.MethodPost, path, h, mw)
}

// RouteAction returns the action a newsroom route's name says it needs.
func RouteAction(r *echo.Route) (newsroom.Action, bool) {
	group, a, ok := strings.Cut(r.Name, ":")
	return newsroom.Action(a), ok && group == GroupNewsroom
}

// Group names.
const (
	GroupReader    = "reader"
	GroupFresh     = "fresh"
	GroupMachine   = "machine"
	GroupComments  = "comments"
	GroupMedia     = "media"
	GroupSignIn    = "sign-in"
	GroupNewsroom  = "newsroom"
	GroupStreaming = "streaming"
)

// Groups are the site's route groups.
type Groups struct {
	// Reader are the reader pages, the same for every visitor: cached.
	Reader *Group
	// Fresh are reader pages made for each request: search (its queries
	// are too many to keep) and the corrections list.
	Fresh *Group
	// Machine are what feed readers and crawlers read: feeds, sitemaps,
	// robots.txt; cached.
	Machine *Group
	// Comments is posting comments, behind the cross-site guard.
	Comments *Group
	// Media are image copies and static files, cached a year by address.
	Media *Group
	// SignIn are the newsroom pages for signing in and first setup.
	SignIn *Group
	// Newsroom is the rest of /admin: signed in, each route by action.
	Newsroom *NewsroomGroup
	// Streaming is for long-lived responses such as Server-Sent Events:
	// no page cache, no buffering, and a write deadline of its own in
	// place of the server's WriteTimeout.
	Streaming *Group
}

// All returns every group.
func (gs *Groups) All() []*Group {
	return []*Group{gs.Reader, gs.Fresh, gs.Machine, gs.Comments, gs.Media, gs.SignIn, &gs.Newsroom.Group, gs.Streaming}
}

func newGroups(e *echo.Echo, s *Server, d Deps) *Groups {
	nr := s.Newsroom
	g := func(name, prefix string, mw ...echo.MiddlewareFunc) *Group {
		return &Group{name: name, e: e, prefix: prefix, mw: mw}
	}
	return &Groups{
		Reader:  g(GroupReader, "", s.Cache.Pages),
		Fresh:   g(GroupFresh, "", pagecache.Compress, cacheControl(freshCacheControl)),
		Machine: g(GroupMachine, "", s.Cache.Pages),
		Comments: g(GroupComments, "", kit.RefuseCrossSite(d.Logger, "This form can only be sent from this site's own pages. "+
			"Please open the article and send your comment from there.")),
		Media:     g(GroupMedia, ""),
		SignIn:    g(GroupSignIn, "/admin", newsroom.NoStore, nr.SameOrigin),
		Newsroom:  &NewsroomGroup{*g(GroupNewsroom, "/admin", newsroom.NoStore, nr.SameOrigin, nr.RequireSession)},
		Streaming: g(GroupStreaming, "", streaming(d.StreamTimeout)),
	}
}

// freshCacheControl lets browsers and shared caches keep a page made for
// each request (search, the corrections list) a minute: nothing purges
// it, so it must not be kept longer.
const freshCacheControl = "public, max-age=60"

// cacheControl sets the Cache-Control of the group's answers; an error
// page sets its own (reader.Handler.HTTPError).
func cacheControl(v string) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			c.Response().Header().Set("Cache-Control", v)
			return next(c)
		}
	}
}

// streaming lets a response outlive the server's WriteTimeout: it sets
// the connection's write deadline to timeout from now, and keeps the
// answer out of caches and proxy buffers.
func streaming(timeout time.Duration) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			rc := http.NewResponseController(c.Response())
			if err := rc.SetWriteDeadline(time.Now().Add(timeout)); err != nil && !errors.Is(err, http.ErrNotSupported) {
				return err
			}
			h := c.Response().Header()
			h.Set("Cache-Control", "no-store")
			h.Set("X-Accel-Buffering", "no")
			return next(c)
		}
	}
}
