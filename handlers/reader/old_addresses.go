package reader

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/models"
)

// RedirectOldAddresses answers the addresses of the site this one replaced (kept
// by an import, see models.OldAddressStore) with one 301 to where they lead
// now. The front page's query forms (/?p=123) are looked up before the
// front page answers; any other address only once the site has nothing
// there, before the 404, so the site's own pages are never shadowed and a
// page costs no lookup.
func (h *Handler) RedirectOldAddresses(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		req := c.Request()
		if h.OldAddresses == nil || (req.Method != http.MethodGet && req.Method != http.MethodHead) {
			return next(c)
		}
		if req.URL.Path == "/" && req.URL.RawQuery != "" {
			if to, ok := h.oldAddress(c); ok {
				return c.Redirect(http.StatusMovedPermanently, to)
			}
		}
		err := next(c)
		var he *echo.HTTPError
		if err == nil || !errors.As(err, &he) || he.Code != http.StatusNotFound || c.Response().Committed {
			return err
		}
		if to, ok := h.oldAddress(c); ok {
			return c.Redirect(http.StatusMovedPermanently, to)
		}
		return err
	}
}

// oldAddress is where the request's address now leads, if it is an old one.
func (h *Handler) oldAddress(c echo.Context) (string, bool) {
	req := c.Request()
	to, err := h.OldAddresses.Resolve(req.Context(), models.OldAddressKey(req.URL.Path, req.URL.Query()))
	if err != nil || to == "" || to == req.URL.Path {
		if err != nil && !errors.Is(err, models.ErrNotFound) {
			h.Logger.Error("old address", "path", req.URL.Path, "err", err)
		}
		return "", false
	}
	return to, true
}
