package kit

import (
	"bytes"
	"io"
	"net/http"

	"github.com/labstack/echo/v4"
)

// AnnouncedLimit refuses a request whose Content-Length passes n with 413
// and msg, before reading any of it, so a client announcing a gigabyte
// gets its answer at once. It is for uploads, whose handler reads the body
// through its own http.MaxBytesReader: unlike LimitBody it never reads a
// body ahead into memory.
func AnnouncedLimit(n int64, msg string) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			if c.Request().ContentLength > n {
				return echo.NewHTTPError(http.StatusRequestEntityTooLarge, msg)
			}
			return next(c)
		}
	}
}

// LimitBody refuses request bodies over n bytes with 413 and the "too
// large" page. A body sent without a length (chunked) is read here, up to
// n, so that one past the limit gets the same answer instead of failing
// to parse later.
func LimitBody(n int64) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			req := c.Request()
			if req.ContentLength > n {
				return echo.NewHTTPError(http.StatusRequestEntityTooLarge)
			}
			if req.ContentLength < 0 {
				b, err := io.ReadAll(io.LimitReader(req.Body, n+1))
				if err != nil {
					return echo.NewHTTPError(http.StatusBadRequest)
				}
				if int64(len(b)) > n {
					return echo.NewHTTPError(http.StatusRequestEntityTooLarge)
				}
				req.Body, req.ContentLength = io.NopCloser(bytes.NewReader(b)), int64(len(b))
			}
			req.Body = http.MaxBytesReader(c.Response(), req.Body, n)
			return next(c)
		}
	}
}
