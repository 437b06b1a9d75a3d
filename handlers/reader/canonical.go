package reader

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
)

// canonicalAddress is where a reader who asked for an address that does
// not exist should go instead, if anywhere: a trailing-slash address
// (/category/world-news/, as WordPress wrote them) goes with one 301 to the
// same address without its slash. The old-address table of an import
// (oldAddresses) has been consulted before the 404 reaches here, so an
// imported address is one hop. Only addresses no route answers come here,
// so /admin/ and the like are left alone.
func (h *Handler) canonicalAddress(c echo.Context) (string, bool) {
	r := c.Request()
	p := r.URL.Path
	if (r.Method != http.MethodGet && r.Method != http.MethodHead) || len(p) < 2 || !strings.HasSuffix(p, "/") {
		return "", false
	}
	// Only where a route could answer: an address that never was stays a
	// plain 404.
	if !routeExists(c.Echo(), r.Method, "/"+strings.Trim(p, "/")) {
		return "", false
	}
	// The escaped path keeps a backslash as %5C, and one leading slash is
	// kept, so the answer always stays on this site.
	to := "/" + strings.Trim(r.URL.EscapedPath(), "/")
	if q := r.URL.RawQuery; q != "" {
		to += "?" + q
	}
	return to, true
}

// routeExists reports whether one of the site's routes matches path.
func routeExists(e *echo.Echo, method, path string) bool {
	c := e.NewContext(nil, nil)
	e.Router().Find(method, path, c)
	return c.Path() != "" && c.Path() != "/*"
}
