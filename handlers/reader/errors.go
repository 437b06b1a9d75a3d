package reader

import (
	"errors"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/handlers/kit"
	"github.com/newsroom/news/handlers/pagecache"
	"github.com/newsroom/news/models"
)

// errorText is the heading and explanation shown for a status.
func errorText(status int) (heading, message string) {
	switch status {
	case http.StatusNotFound:
		return "Page not found", "We couldn't find that page. It may have been moved, or the address may be mistyped."
	case http.StatusBadRequest:
		return "Bad request", "We couldn't understand that request."
	case http.StatusMethodNotAllowed:
		return "Not allowed", "That kind of request isn't accepted at this address."
	case http.StatusRequestEntityTooLarge:
		return "Too large", "What you sent is larger than this form accepts."
	case http.StatusTooManyRequests:
		return "Slow down", "Too many requests in a short time. Please wait a little and try again."
	case http.StatusForbidden:
		return "Not allowed", "You don't have permission to do that."
	case http.StatusServiceUnavailable:
		return "Saving is paused", kit.MsgCannotWrite
	}
	if status >= 500 {
		return "Something went wrong", "The problem is ours, not yours. Please try again in a moment."
	}
	return http.StatusText(status), ""
}

// errorCacheControl is the Cache-Control of an error page: a page that is
// not there (404, 410) may be kept a minute, as the same address answers
// the same until something is published there; any other error is the
// answer to one request only.
func errorCacheControl(status int) string {
	if status == http.StatusNotFound || status == http.StatusGone {
		return "public, max-age=60"
	}
	return "no-store"
}

// HTTPError renders every error as an HTML page with the site's chrome.
// Echo v4 would answer with JSON; readers get a page with a way home.
func (h *Handler) HTTPError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	var moved kit.Moved
	if errors.As(err, &moved) {
		// A mistyped address is no page to keep: no cache holds its
		// redirect, whatever group it came through.
		c.Response().Header().Set("Cache-Control", "no-store")
		c.Redirect(http.StatusMovedPermanently, moved.To)
		return
	}
	status := http.StatusInternalServerError
	var he *echo.HTTPError
	if errors.As(err, &he) {
		status = he.Code
	} else if errors.Is(err, models.ErrCannotWrite) {
		status = http.StatusServiceUnavailable
		c.Response().Header().Set("Retry-After", "120")
	}
	if status == http.StatusNotFound {
		if to, ok := h.canonicalAddress(c); ok {
			c.Redirect(http.StatusMovedPermanently, to)
			return
		}
	}
	heading, message := errorText(status)
	if he != nil {
		if m, ok := he.Message.(string); ok && m != http.StatusText(status) && status < 500 {
			message = m
		}
	}
	id := kit.RequestID(c)
	if status >= 500 {
		h.Logger.Error("request failed", "id", id, "method", c.Request().Method, "path", c.Request().URL.Path, "err", err)
	}
	p := ErrorPage{Status: status, Heading: heading, Message: message}
	if status >= 500 {
		p.RequestID = id
	}
	l, lerr := h.layout(c, heading)
	if lerr != nil {
		// The store is failing too: show the page without its lists.
		ch := &siteChrome{base: Layout{Title: heading, Site: models.DefaultSettings()}}
		if cerr := h.renderChrome(ch); cerr != nil {
			h.Logger.Error("render error page chrome", "id", id, "err", cerr)
		}
		l = ch.base
	}
	p.Layout = l
	if hd := c.Response().Header(); !strings.Contains(hd.Get("Cache-Control"), "no-store") {
		hd.Set("Cache-Control", errorCacheControl(status))
	}
	if c.Request().Method == http.MethodHead {
		c.NoContent(status)
		return
	}
	render := func(c echo.Context) error { return h.render(c, status, p) }
	if rerr := pagecache.Compressed(c, render); rerr != nil {
		h.Logger.Error("render error page", "id", id, "err", rerr)
		c.String(status, heading+". "+message)
	}
}
