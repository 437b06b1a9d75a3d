package newsroom

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/handlers/kit"
	"github.com/newsroom/news/models"
)

// mediaParam reads the :id of a library image and loads it.
func (h *Handler) mediaParam(c echo.Context) (models.Media, error) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || id <= 0 {
		return models.Media{}, echo.NewHTTPError(http.StatusNotFound)
	}
	m, err := h.Media.Get(c.Request().Context(), id)
	return m, kit.NotFoundIf(err)
}

// mediaEditPage builds the page of one image with its usage.
func (h *Handler) mediaEditPage(c echo.Context, m models.Media, form MediaForm) (AdminMediaEditPage, error) {
	l, err := h.layout(c, "Image: "+m.Filename, "media")
	if err != nil {
		return AdminMediaEditPage{}, err
	}
	ctx := c.Request().Context()
	uses, err := h.Media.Usage(ctx, m.ID)
	if err != nil {
		return AdminMediaEditPage{}, err
	}
	public, err := h.Media.IsPublic(ctx, m.ID)
	return AdminMediaEditPage{Layout: l, Media: m, Uses: uses, Form: form,
		Public: public, MayMarkPublic: May(currentUser(c), Publish)}, err
}

// MediaEdit shows one image: preview, alt/caption/credit form, where
// it is used, the Markdown that inserts it, and deleting it.
func (h *Handler) MediaEdit(c echo.Context) error {
	m, err := h.mediaParam(c)
	if err != nil {
		return err
	}
	if err := h.mayViewPicture(c, m); err != nil {
		return err
	}
	p, err := h.mediaEditPage(c, m, MediaForm{Alt: m.Alt, Caption: m.Caption, Credit: m.Credit})
	if err != nil {
		return err
	}
	return h.render(c, http.StatusOK, p)
}

// MediaUpdate saves alt text, caption and credit.
func (h *Handler) MediaUpdate(c echo.Context) error {
	m, err := h.mediaParam(c)
	if err != nil {
		return err
	}
	if err := h.mayChangePicture(c, m); err != nil {
		return err
	}
	var form MediaForm
	if err := c.Bind(&form); err != nil {
		return echo.NewHTTPError(http.StatusBadRequest, "The form could not be read.")
	}
	if form.FieldErrors = form.validate(); len(form.FieldErrors) > 0 {
		p, err := h.mediaEditPage(c, m, form)
		if err != nil {
			return err
		}
		return h.render(c, http.StatusUnprocessableEntity, p)
	}
	if _, err := h.Media.UpdateMeta(c.Request().Context(), m.ID, models.MediaMeta{Alt: form.Alt, Caption: form.Caption, Credit: form.Credit}); err != nil {
		return kit.NotFoundIf(err)
	}
	h.audit(c, "media.update", "changed the details of the picture "+quoted(m.Alt))
	h.addFlash(c, "Image details saved.")
	return c.Redirect(http.StatusSeeOther, "/admin/media/"+strconv.FormatInt(m.ID, 10))
}

// MediaDelete deletes an image. When articles use it, the first
// request shows them and asks; only a confirmed request deletes.
func (h *Handler) MediaDelete(c echo.Context) error {
	m, err := h.mediaParam(c)
	if err != nil {
		return err
	}
	if err := h.mayChangePicture(c, m); err != nil {
		return err
	}
	err = h.Media.Delete(c.Request().Context(), m.ID, c.FormValue("confirm") == "yes")
	if errors.Is(err, models.ErrMediaInUse) {
		p, err := h.mediaEditPage(c, m, MediaForm{Alt: m.Alt, Caption: m.Caption, Credit: m.Credit})
		if err != nil {
			return err
		}
		p.ConfirmDelete = true
		return h.render(c, http.StatusConflict, p)
	}
	if err != nil {
		return kit.NotFoundIf(err)
	}
	h.audit(c, "media.delete", "deleted the picture "+quoted(m.Filename))
	h.addFlash(c, "Image deleted.")
	return c.Redirect(http.StatusSeeOther, "/admin/media")
}

// MediaSetLead makes an image (or none, media 0) an article's lead.
func (h *Handler) MediaSetLead(c echo.Context) error {
	articleID, err1 := strconv.ParseInt(c.FormValue("article"), 10, 64)
	mediaID, err2 := strconv.ParseInt(c.FormValue("media"), 10, 64)
	if err1 != nil || err2 != nil || articleID <= 0 || mediaID < 0 {
		return echo.NewHTTPError(http.StatusBadRequest, "Choose an article and an image.")
	}
	ctx := c.Request().Context()
	a, err := h.Articles.ByID(ctx, articleID)
	if err != nil {
		return kit.NotFoundIf(err)
	}
	if err := mayChangeArticle(c, a); err != nil {
		return err
	}
	if mediaID != 0 {
		m, err := h.Media.Get(ctx, mediaID)
		if err != nil {
			return kit.NotFoundIf(err)
		}
		if err := h.mayViewPicture(c, m); err != nil {
			return err
		}
	}
	// A revision of the article, like any other edit: in its history, and
	// undone by restoring the one before.
	err = h.Media.SetLeadBy(ctx, articleID, mediaID, models.Editor{ID: currentUser(c).ID})
	if errors.Is(err, models.ErrAltRequired) {
		return echo.NewHTTPError(http.StatusUnprocessableEntity,
			"That image has no alt text yet. Describe it for readers who cannot see it, then choose it again.")
	}
	if err != nil {
		return kit.NotFoundIf(err)
	}
	if mediaID == 0 {
		h.audit(c, "article.lead_image", "removed the lead picture of "+quoted(a.Title))
	} else if m, err := h.Media.Get(ctx, mediaID); err == nil {
		h.audit(c, "article.lead_image", "made "+quoted(m.Alt)+" the lead picture of "+quoted(a.Title))
	}
	h.addFlash(c, "Lead image saved.")
	back := localAdminPath(c.FormValue("back"))
	if back == "" {
		back = "/admin/media/pick?article=" + strconv.FormatInt(articleID, 10)
	}
	return c.Redirect(http.StatusSeeOther, back)
}

// localAdminPath keeps a return address only when it is a path inside
// /admin on this site, so the form cannot send anyone elsewhere.
func localAdminPath(p string) string {
	u, err := url.Parse(p)
	if err != nil || u.Scheme != "" || u.Host != "" || !strings.HasPrefix(u.Path, "/admin/") ||
		strings.HasPrefix(p, "//") || strings.ContainsAny(p, "\\\r\n") {
		return ""
	}
	return p
}

// checkBodyImages refuses, by the text field, an article text that shows a
// library image without alt text or one not in the library.
func (h *Handler) checkBodyImages(c echo.Context, f *ArticleForm) error {
	err := h.Media.CheckBody(c.Request().Context(), f.Body)
	var bad *models.BodyImageError
	if err == nil || !errors.As(err, &bad) {
		return err
	}
	id := strconv.FormatInt(bad.MediaID, 10)
	if errors.Is(err, models.ErrAltRequired) {
		f.setBodyError("Image " + id + " in the text has no alt text yet. Describe it in Media first, so readers who cannot see it know what it shows.")
	} else {
		f.setBodyError("The text shows image " + id + ", which is not in the media library.")
	}
	return nil
}
