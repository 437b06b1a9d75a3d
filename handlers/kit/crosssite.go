package kit

import (
	"log/slog"
	"net/http"

	"github.com/labstack/echo/v4"
)

// RefuseCrossSite refuses a state-changing request that a browser says was
// sent from another site, using Go's CrossOriginProtection (Sec-Fetch-Site,
// else Origin against Host). Requests without either header come from
// non-browser clients, which hold no visitor's cookies, and pass: reader
// pages carry no per-visitor token to check instead. The refusal is logged
// and answered with message on the 403 page.
func RefuseCrossSite(logger *slog.Logger, message string) echo.MiddlewareFunc {
	origins := http.NewCrossOriginProtection()
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			req := c.Request()
			if err := origins.Check(req); err != nil {
				MarkPrivate(c)
				logger.Warn("cross-site request refused", "id", RequestID(c), "path", req.URL.Path,
					"origin", req.Header.Get("Origin"), "ip", c.RealIP())
				return echo.NewHTTPError(http.StatusForbidden, message)
			}
			return next(c)
		}
	}
}

// MarkPrivate keeps an answer meant for one visitor out of every cache.
func MarkPrivate(c echo.Context) {
	c.Response().Header().Set("Cache-Control", "no-store")
}
