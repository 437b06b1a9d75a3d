package newsroom

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/handlers/kit"
	"github.com/newsroom/news/models"
)

// MediaFileShow serves a picture's copy to the newsroom at
// /admin/media/:id/:file, public or not yet, for the library, the picker
// and previews: private and never stored by a cache. An author sees only
// the pictures they may see (models.MediaStore.VisibleTo).
func (h *Handler) MediaFileShow(c echo.Context) error {
	id, width, ext, ok := kit.MediaFile(c)
	if !ok {
		return echo.NewHTTPError(http.StatusNotFound)
	}
	m, err := h.Media.Get(c.Request().Context(), id)
	if err != nil {
		return kit.NotFoundIf(err)
	}
	if ext != m.Ext() {
		return echo.NewHTTPError(http.StatusNotFound)
	}
	if err := h.mayViewPicture(c, m); err != nil {
		return err
	}
	return kit.ServeRendition(c, h.Renditions, m, width, "private, no-store")
}

// mayViewPicture answers 404 for a picture the signed-in user may not see,
// as if it did not exist.
func (h *Handler) mayViewPicture(c echo.Context, m models.Media) error {
	viewer := pictureViewer(currentUser(c))
	if viewer == 0 {
		return nil
	}
	ok, err := h.Media.VisibleTo(c.Request().Context(), m.ID, viewer)
	if err != nil {
		return err
	}
	if !ok {
		return echo.NewHTTPError(http.StatusNotFound)
	}
	return nil
}

// MediaMarkPublic makes a picture public before anything published uses
// it, as an editor may (a picture for the site's own pages, say). It stays
// public: its address may be cached for a year.
func (h *Handler) MediaMarkPublic(c echo.Context) error {
	m, err := h.mediaParam(c)
	if err != nil {
		return err
	}
	if err := h.Media.MarkPublic(c.Request().Context(), m.ID); err != nil {
		return err
	}
	h.audit(c, "media.public", "image "+strconv.FormatInt(m.ID, 10))
	h.addFlash(c, "The picture is public: anyone can see it at its address from now on.")
	return c.Redirect(http.StatusSeeOther, "/admin/media/"+strconv.FormatInt(m.ID, 10))
}
