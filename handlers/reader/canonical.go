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
	// Only where the site answers: an address that never was stays a
	// plain 404, not a redirect to one.
	if !answers(c, "/"+strings.Trim(p, "/")) {
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

// answers reports whether the site answers path (asked with HEAD, as a
// visitor without cookies) with a page or a redirect rather than an error.
// It runs only for an address with a trailing slash that gave a 404.
func answers(c echo.Context, path string) bool {
	req, err := http.NewRequestWithContext(c.Request().Context(), http.MethodHead, path, nil)
	if err != nil {
		return false
	}
	req.RemoteAddr = c.Request().RemoteAddr
	w := &statusOnly{header: http.Header{}}
	c.Echo().ServeHTTP(w, req)
	return w.status < 400
}

// statusOnly is a ResponseWriter that keeps only the status.
type statusOnly struct {
	header http.Header
	status int
}

func (w *statusOnly) Header() http.Header { return w.header }
func (w *statusOnly) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return len(b), nil
}
func (w *statusOnly) WriteHeader(status int) {
	if w.status == 0 {
		w.status = status
	}
}
