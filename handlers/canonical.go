package handlers

import (
	"context"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
)

// OldAddressFunc finds where an address the site had before now lives
// (the WordPress import's redirect table): the new address and true, or
// false when path was never one of the old addresses.
type OldAddressFunc func(ctx context.Context, path string) (to string, ok bool, err error)

// canonicalAddress is where a reader who asked for an address that does
// not exist should go instead, if anywhere: a trailing-slash address
// (/category/world-news/, as WordPress wrote them) is sent with one 301 to
// where it lives, the old-address table first when the site has one
// (Deps.OldAddress), so an imported address is one hop, then the same
// address without its slash. Only addresses no route answers come here,
// so /admin/ and the like are left alone.
func (h *Handler) canonicalAddress(c echo.Context) (string, bool, error) {
	r := c.Request()
	p := r.URL.Path
	if (r.Method != http.MethodGet && r.Method != http.MethodHead) || len(p) < 2 || !strings.HasSuffix(p, "/") {
		return "", false, nil
	}
	if h.OldAddress != nil {
		if to, ok, err := h.OldAddress(r.Context(), p); err != nil || ok {
			return to, ok, err
		}
	}
	// The escaped path keeps a backslash as %5C, and one leading slash is
	// kept, so the answer always stays on this site.
	to := "/" + strings.Trim(r.URL.EscapedPath(), "/")
	if q := r.URL.RawQuery; q != "" {
		to += "?" + q
	}
	return to, true, nil
}

// movedError answers a request with a 301 to another address of the same
// page (a malformed ?page= to the first page), through httpError.
type movedError struct{ to string }

func (e movedError) Error() string { return "handlers: moved to " + e.to }

// firstPage is the address of the request without its ?page=.
func firstPage(c echo.Context) string {
	u := *c.Request().URL
	q := u.Query()
	q.Del("page")
	u.RawQuery = q.Encode()
	return u.RequestURI()
}
