package handlers

import (
	"fmt"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/models"
	"github.com/newsroom/news/views"
)

// CorrectionForm is a correction note as typed.
type CorrectionForm struct {
	Note        string `form:"note"`
	FieldErrors map[string]string
}

// CorrectionsPage lists every correction at /corrections.
type CorrectionsPage struct {
	Layout
	Corrections []models.Correction
	Pager       models.Pager
	BaseURL     string
}

func (CorrectionsPage) template() string { return views.PageCorrections }

// correctionsShow lists the corrections to live articles, newest first.
func (h *Handler) correctionsShow(c echo.Context) error {
	n, err := pageParam(c)
	if err != nil {
		return err
	}
	list, pager, err := h.Articles.AllCorrections(c.Request().Context(), n)
	if err != nil {
		return err
	}
	if len(list) == 0 && n > 1 {
		return echo.NewHTTPError(http.StatusNotFound)
	}
	l, err := h.layout(c, "Corrections")
	if err != nil {
		return err
	}
	l.Canonical = views.PageURL("/corrections", n)
	l.Description = "Corrections to articles published on " + l.Site.SiteName + "."
	for i := range list {
		list[i].CreatedAt = list[i].CreatedAt.In(l.zone())
	}
	return h.render(c, http.StatusOK, CorrectionsPage{Layout: l, Corrections: list, Pager: pager, BaseURL: "/corrections"})
}

// adminCorrectionCreate adds a correction to a published article.
func (h *Handler) adminCorrectionCreate(c echo.Context) error {
	a, err := h.articleToEdit(c)
	if err != nil {
		return err
	}
	var f CorrectionForm
	if err := bindForm(c, &f); err != nil {
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
			h.audit(c, "article.correction", fmt.Sprintf("article %d %q: %s", a.ID, a.Title, f.Note))
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
	p.Form = articleForm(a, tags, h.Now(), p.Site.Location())
	p.Correction = f
	return h.render(c, http.StatusUnprocessableEntity, p)
}
