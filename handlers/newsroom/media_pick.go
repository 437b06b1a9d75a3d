package newsroom

import (
	"mime/multipart"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/handlers/kit"
	"github.com/newsroom/news/models"
)

// The picker chooses, or uploads, a picture for one article and goes back
// to the editor with it: as the lead picture, or placed in the text.

// MediaPick shows the library to choose an article's lead picture or a
// picture for its text, with an upload form.
func (h *Handler) MediaPick(c echo.Context) error {
	a, err := h.pickArticle(c, c.QueryParam("article"))
	if err != nil {
		return err
	}
	p, err := h.pickPage(c, a)
	if err != nil {
		return err
	}
	return h.render(c, http.StatusOK, p)
}

// pickArticle loads the article the picker works for, when the user may change it.
func (h *Handler) pickArticle(c echo.Context, v string) (models.Article, error) {
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		return models.Article{}, echo.NewHTTPError(http.StatusBadRequest, "Open the picture picker from an article.")
	}
	a, err := h.Articles.ByID(c.Request().Context(), id)
	if err != nil {
		return a, kit.NotFoundIf(err)
	}
	return a, mayChangeArticle(c, a)
}

func (h *Handler) pickPage(c echo.Context, a models.Article) (AdminMediaPickPage, error) {
	id := strconv.FormatInt(a.ID, 10)
	lib, err := h.mediaLibraryPage(c, "/admin/media/pick", id)
	if err != nil {
		return AdminMediaPickPage{}, err
	}
	lib.Title = "Choose a picture"
	p := AdminMediaPickPage{AdminMediaPage: lib, ArticleID: a.ID, ArticleTitle: a.Title, Back: articlePath(a.ID)}
	p.Current, err = kit.LeadOf(c.Request().Context(), h.Media, a.ID)
	return p, err
}

// MediaPickUpload stores a picture uploaded in the picker, with its alt
// text, caption and credit, and goes back to the editor with it as the
// lead picture or placed in the text.
func (h *Handler) MediaPickUpload(c echo.Context) error {
	req := c.Request()
	_ = http.NewResponseController(c.Response().Writer).SetReadDeadline(time.Now().Add(uploadTimeout))
	req.Body = http.MaxBytesReader(c.Response(), req.Body, maxEditorUpload)
	// FormValue reads the multipart form (or a plain one, which has no picture).
	a, err := h.pickArticle(c, c.FormValue("article"))
	if req.MultipartForm != nil {
		defer req.MultipartForm.RemoveAll()
	}
	if err != nil {
		return err
	}
	var pf PictureForm
	if err := kit.BindForm(c, &pf); err != nil {
		return err
	}
	ctx := req.Context()
	var files []*multipart.FileHeader
	if req.MultipartForm != nil {
		files = req.MultipartForm.File["picture"]
	}
	msg := ""
	var m models.Media
	switch {
	case len(files) == 0:
		msg = "Choose a picture to upload first."
	case strings.TrimSpace(pf.Alt) == "":
		msg = "Describe the picture (alt text) for readers who cannot see it, then choose the file again."
	default:
		if m, err = h.storeUpload(c, files[0]); err == nil {
			m, err = h.Media.UpdateMeta(ctx, m.ID, models.MediaMeta{Alt: pf.Alt, Caption: pf.Caption, Credit: pf.Credit})
		}
		if err != nil {
			msg = "The picture was not stored: " + h.userMessage(c, err) + "."
		}
	}
	if msg != "" {
		p, err := h.pickPage(c, a)
		if err != nil {
			return err
		}
		p.UploadError, p.Upload = msg, pf
		return h.render(c, http.StatusUnprocessableEntity, p)
	}
	h.audit(c, "media.upload", "uploaded the picture "+quoted(m.Alt)+" for "+quoted(a.Title))
	if pf.Use != "lead" {
		return c.Redirect(http.StatusSeeOther, articlePath(a.ID)+"?insert="+strconv.FormatInt(m.ID, 10))
	}
	if err := h.Media.SetLeadBy(ctx, a.ID, m.ID, editor(c, "")); err != nil {
		return kit.NotFoundIf(err)
	}
	h.audit(c, "article.lead_image", "made "+quoted(m.Alt)+" the lead picture of "+quoted(a.Title))
	h.addFlash(c, "Lead picture saved.")
	return c.Redirect(http.StatusSeeOther, articlePath(a.ID))
}

// insertPicked puts the picture ?insert= names (chosen or uploaded in the
// picker) at the end of the editor's text, to be kept when saved.
func (h *Handler) insertPicked(c echo.Context, p *AdminArticleEditPage) {
	id, err := strconv.ParseInt(c.QueryParam("insert"), 10, 64)
	if err != nil || id <= 0 {
		return
	}
	m, err := h.Media.Get(c.Request().Context(), id)
	if err != nil || strings.TrimSpace(m.Alt) == "" {
		p.PictureError = "That picture cannot be placed: it is gone or has no alt text."
		return
	}
	p.Form.Body = insertAt(p.Form.Body, "", "\n\n"+m.BodyMarkdown()+"\n")
	p.Flashes = append(p.Flashes, "The picture “"+m.Alt+"” is at the end of the text; move it where you want it, then "+
		map[bool]string{true: "press Update", false: "save"}[p.State == models.StatusPublished || p.State == models.StatusScheduled]+" to keep it.")
}
