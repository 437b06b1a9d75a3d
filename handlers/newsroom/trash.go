package newsroom

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/models"
	"github.com/newsroom/news/views"
)

func articlePath(id int64) string { return "/admin/articles/" + strconv.FormatInt(id, 10) }

// ArticleTrashConfirm asks before moving one article to the trash.
func (h *Handler) ArticleTrashConfirm(c echo.Context) error {
	a, err := h.articleToEdit(c)
	if err != nil {
		return err
	}
	if _, err := h.trashable(c, []int64{a.ID}); err != nil {
		return err
	}
	return h.confirm(c, "articles", AdminConfirmPage{Heading: "Move to the trash?",
		Message: "“" + a.Title + "” will be taken off the site and kept in the trash until it is emptied.",
		Action:  articlePath(a.ID) + "/trash", Button: "Move to the trash", Cancel: articlePath(a.ID)})
}

// ArticleTrash moves one article to the trash.
func (h *Handler) ArticleTrash(c echo.Context) error {
	a, err := h.articleToEdit(c)
	if err != nil {
		return err
	}
	if _, err := h.trashable(c, []int64{a.ID}); err != nil {
		return err
	}
	n, err := h.Articles.Trash(c.Request().Context(), []int64{a.ID}, editor(c, "moved to the trash"))
	if err != nil {
		return err
	}
	if n > 0 {
		h.audit(c, "article.trash", "moved "+quoted(a.Title)+" to the trash")
	}
	h.addFlash(c, "Moved “"+a.Title+"” to the trash.")
	return c.Redirect(http.StatusSeeOther, "/admin/articles")
}

// ArticleUntrash brings an article back from the trash as a draft.
func (h *Handler) ArticleUntrash(c echo.Context) error {
	a, err := h.articleToEdit(c)
	if err != nil {
		return err
	}
	if _, err := h.Articles.Untrash(c.Request().Context(), a.ID, editor(c, "restored from the trash")); err != nil {
		return err
	}
	h.audit(c, "article.untrash", "restored "+quoted(a.Title)+" from the trash")
	h.addFlash(c, "Restored “"+a.Title+"” from the trash as a draft.")
	return c.Redirect(http.StatusSeeOther, articlePath(a.ID))
}

// ArticleDeleteConfirm asks before deleting one trashed article for good.
func (h *Handler) ArticleDeleteConfirm(c echo.Context) error {
	a, err := h.articleToEdit(c)
	if err != nil {
		return err
	}
	if a.Status != models.StatusTrash {
		return echo.NewHTTPError(http.StatusConflict, "Only an article in the trash can be deleted for good.")
	}
	return h.confirm(c, "articles", AdminConfirmPage{Heading: "Delete for good?",
		Message: "“" + a.Title + "” will be deleted with its comments, revisions and corrections. This cannot be undone.",
		Action:  articlePath(a.ID) + "/delete", Button: "Delete for good", Cancel: "/admin/articles?status=trash"})
}

// ArticleDelete deletes one trashed article for good.
func (h *Handler) ArticleDelete(c echo.Context) error {
	a, err := h.articleToEdit(c)
	if err != nil {
		return err
	}
	n, err := h.Articles.DeleteForever(c.Request().Context(), []int64{a.ID})
	if err != nil {
		return err
	}
	if n == 0 {
		return echo.NewHTTPError(http.StatusConflict, "Only an article in the trash can be deleted for good.")
	}
	h.audit(c, "article.delete", "deleted "+quoted(a.Title)+" for good")
	h.addFlash(c, "Deleted “"+a.Title+"” for good.")
	return c.Redirect(http.StatusSeeOther, "/admin/articles?status=trash")
}

// TrashEmptyConfirm asks before emptying the trash.
func (h *Handler) TrashEmptyConfirm(c echo.Context) error {
	list, _, err := h.Articles.ListAdmin(c.Request().Context(), models.AdminFilter{Status: models.StatusTrash}, 1)
	if err != nil {
		return err
	}
	p := AdminConfirmPage{Heading: "Empty the trash?", Action: "/admin/articles/empty-trash",
		Button: "Empty the trash", Cancel: "/admin/articles?status=trash",
		Message: "Every article in the trash will be deleted with its comments, revisions and corrections. This cannot be undone."}
	for _, a := range list {
		p.Items = append(p.Items, a.Title)
	}
	return h.confirm(c, "articles", p)
}

// TrashEmpty deletes every article in the trash.
func (h *Handler) TrashEmpty(c echo.Context) error {
	n, err := h.Articles.EmptyTrash(c.Request().Context())
	if err != nil {
		return err
	}
	if n > 0 {
		h.audit(c, "article.delete", "emptied the trash: "+count(n, "article", "articles")+" deleted for good")
	}
	h.addFlash(c, "Emptied the trash: deleted "+views.Plural(n, "article", "articles")+".")
	return c.Redirect(http.StatusSeeOther, "/admin/articles?status=trash")
}
