// Package kit is what the reader site and the newsroom share: rendering,
// forms and parameters, body limits, the client address, the cross-site
// guard and the request logger.
package kit

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"time"

	"github.com/labstack/echo/v4"
)

const requestIDKey = "request_id"

// RequestID returns the id given to this request.
func RequestID(c echo.Context) string {
	id, _ := c.Get(requestIDKey).(string)
	return id
}

// AssignRequestID gives each request an id, shown in its log line, its
// X-Request-ID header and any 500 page, so a reader's report can be found.
func AssignRequestID(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		var b [8]byte
		rand.Read(b[:])
		id := hex.EncodeToString(b[:])
		c.Set(requestIDKey, id)
		c.Response().Header().Set("X-Request-ID", id)
		return next(c)
	}
}

// LogRequests writes one log line per request. It hands errors to the error
// handler itself so that the line carries the status actually sent.
func LogRequests(logger *slog.Logger) echo.MiddlewareFunc {
	return logRequestsTo(func(e accessEntry) { e.log(logger) })
}

// logRequestsTo hands each request's entry to put once it is answered.
func logRequestsTo(put func(accessEntry)) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			start := time.Now()
			if err := next(c); err != nil {
				c.Error(err)
			}
			req, res := c.Request(), c.Response()
			put(accessEntry{id: RequestID(c), method: req.Method, path: req.URL.Path, ip: c.RealIP(),
				status: res.Status, bytes: res.Size, dur: time.Since(start).Round(time.Microsecond)})
			return nil
		}
	}
}

// RecoverPanics turns a panic in a handler into an error, so the reader
// gets the 500 page and the server goes on serving.
func RecoverPanics(logger *slog.Logger) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) (err error) {
			defer func() {
				if r := recover(); r != nil {
					if r == http.ErrAbortHandler {
						panic(r)
					}
					logger.Error("panic", "id", RequestID(c), "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
					err = fmt.Errorf("handlers: panic: %v", r)
				}
			}()
			return next(c)
		}
	}
}

// The headers every response carries, as header values made once: each
// is a full slice (len == cap), so a handler that adds to one gets a copy.
var (
	cspHeader = []string{"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; " +
		"object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"}
	nosniffHeader     = []string{"nosniff"}
	referrerHeader    = []string{"strict-origin-when-cross-origin"}
	permissionsHeader = []string{"camera=(), microphone=(), geolocation=(), payment=(), usb=()"}
	hstsHeader        = []string{"max-age=31536000; includeSubDomains"}
)

// SecurityHeaders sets the headers every response carries.
func SecurityHeaders(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Response().Header()
		h["Content-Security-Policy"] = cspHeader
		h["X-Content-Type-Options"] = nosniffHeader
		h["Referrer-Policy"] = referrerHeader
		h["Permissions-Policy"] = permissionsHeader
		if c.Request().TLS != nil {
			h["Strict-Transport-Security"] = hstsHeader
		}
		return next(c)
	}
}
