package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// announcedLimit refuses a request whose Content-Length passes n with 413
// and msg, before reading any of it, so a client announcing a gigabyte
// gets its answer at once. It is for uploads, whose handler reads the body
// through its own http.MaxBytesReader: unlike limitBody it never reads a
// body ahead into memory.
func announcedLimit(n int64, msg string) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			if c.Request().ContentLength > n {
				return echo.NewHTTPError(http.StatusRequestEntityTooLarge, msg)
			}
			return next(c)
		}
	}
}
