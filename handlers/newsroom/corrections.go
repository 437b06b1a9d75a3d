package newsroom

import (
	"fmt"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/handlers/kit"
	"github.com/newsroom/news/models"
)

// CorrectionForm is a correction note as typed.
type CorrectionForm struct {
	Note        string `form:"note"`
	FieldErrors map[string]string
}

// CorrectionCreate adds a correction to a published article.
func (h *Handler) CorrectionCreate(c echo.Context) error {
	a, err := h.articleToEdit(c)
	if err != nil {
		return err
	}
	var f CorrectionForm
	if err := kit.BindForm(c, &f); err != nil {
		return err
	}
	f.Note = strings.TrimSpace(f.Note)
	f.FieldErrors = map[string]string{}
	switch {
	case a.Status != models.StatusPublished:
		f.FieldErrors["note"] = "Corrections can be added only to a published article."
	case f.Note == "":
		f.FieldErrors["note"] = "Please write the correction."
	case utf8.RuneCountInString(f.Note) > models.MaxCorrectionLen:
		f.FieldErrors["note"] = fmt.Sprintf("The correction is too long: %d characters at most.", models.MaxCorrectionLen)
	}
	if len(f.FieldErrors) == 0 {
		err = h.Articles.AddCorrection(c.Request().Context(), a.ID, f.Note, editor(c, "correction"))
		if err == nil {
			h.audit(c, "article.correction", "added a correction to "+quoted(a.Title)+": "+f.Note)
			h.addFlash(c, "Added the correction. It is shown at the end of the article.")
			return c.Redirect(http.StatusSeeOther, articlePath(a.ID)+"#corrections")
		}
		if err != models.ErrNotFound {
			return err
		}
		f.FieldErrors["note"] = "Corrections can be added only to a published article."
	}
	tags, err := h.Tags.ForArticle(c.Request().Context(), a.ID)
	if err != nil {
		return err
	}
	p, err := h.editorPage(c, a, ArticleForm{})
	if err != nil {
		return err
	}
	p.Form = NewArticleForm(a, tags, h.Now(), p.Site.Location())
	p.Correction = f
	return h.render(c, http.StatusUnprocessableEntity, p)
}
