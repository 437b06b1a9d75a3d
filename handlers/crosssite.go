package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// refuseCrossSite refuses a state-changing request that a browser says was
// sent from another site, using Go's CrossOriginProtection (Sec-Fetch-Site,
// else Origin against Host). Requests without either header come from
// non-browser clients, which hold no visitor's cookies, and pass: reader
// pages carry no per-visitor token to check instead. The refusal is logged
// and answered with message on the 403 page.
func (h *Handler) refuseCrossSite(message string) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			req := c.Request()
			if err := h.auth.origins.Check(req); err != nil {
				markPrivate(c)
				h.Logger.Warn("cross-site request refused", "id", requestID(c), "path", req.URL.Path,
					"origin", req.Header.Get("Origin"), "ip", c.RealIP())
				return echo.NewHTTPError(http.StatusForbidden, message)
			}
			return next(c)
		}
	}
}
