package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// NewServer builds the whole Echo server: middleware, error handler, static
// files and the route table. main and the tests both call it.
func NewServer(h *Handler) *echo.Echo {
	e := echo.New()
	e.HideBanner = true
	e.HidePort = true
	e.IPExtractor = ipExtractor(h.TrustedProxies)
	e.HTTPErrorHandler = h.httpError
	e.Use(assignRequestID, h.logRequests, h.recoverPanics, securityHeaders, h.oldAddresses, h.cachePages)

	read := []string{http.MethodGet, http.MethodHead}
	e.Match(read, "/static/*", h.staticFile)
	e.Match(read, "/", h.home)
	e.Match(read, "/category/:slug", h.sectionShow)
	e.Match(read, "/tag/:slug", h.tagShow)
	e.Match(read, "/author/:slug", h.authorShow)
	e.Match(read, "/media/:id/:file", h.mediaShow)
	e.Match(read, "/:section/:slug", h.articleShow)
	h.commentRoutes(e)
	// The live stream: never cached, never buffered, open for as long as
	// the reader stays.
	e.GET("/live/:id/events", h.liveStream.Serve)

	admin := h.adminGroup(e)
	h.authRoutes(e, admin)
	h.newsroomRoutes(e, admin)
	h.liveAdminRoutes(admin)
	h.mediaAdminRoutes(admin)
	h.backupRoutes(admin)

	h.discoveryRoutes(e, read)
	return e
}
