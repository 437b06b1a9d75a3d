package handlers

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/models"
	"github.com/newsroom/news/views"
)

// adminBodyLimit bounds what a newsroom form may send; an article body is
// limited to maxBodyLen well inside it.
const adminBodyLimit = 2 << 20

// bindForm binds a posted form into f; a body too large or malformed is
// answered as such.
func bindForm(c echo.Context, f any) error {
	if err := c.Bind(f); err != nil {
		if _, err := c.FormParams(); err != nil && strings.Contains(err.Error(), "too large") {
			return echo.NewHTTPError(http.StatusRequestEntityTooLarge)
		}
		return echo.NewHTTPError(http.StatusBadRequest, "That form could not be read.")
	}
	return nil
}

// newsroomRoutes adds the articles, comments, sections and tags pages of
// the newsroom to admin, and the public corrections page to e.
func (h *Handler) newsroomRoutes(e *echo.Echo, admin *echo.Group) {
	e.Match([]string{http.MethodGet, http.MethodHead}, "/corrections", h.correctionsShow)

	editors := requireRole(models.RoleAdmin, models.RoleEditor)
	big := limitBody(adminBodyLimit)
	post := func(path string, fn echo.HandlerFunc, m ...echo.MiddlewareFunc) {
		admin.POST(path, fn, append(m, big)...)
	}

	admin.GET("/articles", h.adminArticleList)
	post("/articles/bulk", h.adminArticleBulk)
	admin.GET("/articles/new", h.adminArticleNew)
	post("/articles", h.adminArticleCreate)
	admin.GET("/articles/empty-trash", h.adminTrashEmptyConfirm, editors)
	post("/articles/empty-trash", h.adminTrashEmpty, editors)
	admin.GET("/articles/:id", h.adminArticleEdit)
	post("/articles/:id", h.adminArticleUpdate)
	admin.GET("/articles/:id/trash", h.adminArticleTrashConfirm)
	post("/articles/:id/trash", h.adminArticleTrash)
	post("/articles/:id/restore", h.adminArticleUntrash)
	admin.GET("/articles/:id/delete", h.adminArticleDeleteConfirm, editors)
	post("/articles/:id/delete", h.adminArticleDelete, editors)
	admin.GET("/articles/:id/revisions", h.adminRevisionList)
	admin.GET("/articles/:id/revisions/compare", h.adminRevisionCompare)
	post("/articles/:id/revisions/:rev/restore", h.adminRevisionRestore)
	post("/articles/:id/corrections", h.adminCorrectionCreate, editors)

	admin.GET("/comments", h.adminCommentList, editors)
	post("/comments/bulk", h.adminCommentBulk, editors)
	admin.GET("/comments/empty-trash", h.adminCommentTrashConfirm, editors)
	post("/comments/empty-trash", h.adminCommentTrashEmpty, editors)
	post("/comments/:id/status", h.adminCommentStatus, editors)
	admin.GET("/comments/:id/edit", h.adminCommentEdit, editors)
	post("/comments/:id/edit", h.adminCommentUpdate, editors)

	admin.GET("/front", h.adminFrontShow, editors)
	post("/front", h.adminFrontUpdate, editors)

	admin.GET("/sections", h.adminSectionList, editors)
	post("/sections", h.adminSectionCreate, editors)
	post("/sections/:id", h.adminSectionUpdate, editors)
	post("/sections/:id/move", h.adminSectionMove, editors)
	post("/sections/:id/nav", h.adminSectionNav, editors)
	admin.GET("/sections/:id/delete", h.adminSectionDeleteConfirm, editors)
	post("/sections/:id/delete", h.adminSectionDelete, editors)

	admin.GET("/tags", h.adminTagList, editors)
	admin.GET("/tags/:id", h.adminTagEdit, editors)
	post("/tags/:id", h.adminTagUpdate, editors)
	post("/tags/:id/merge", h.adminTagMerge, editors)
	admin.GET("/tags/:id/delete", h.adminTagDeleteConfirm, editors)
	post("/tags/:id/delete", h.adminTagDelete, editors)
}

// isEditor reports whether u may change anyone's work: admins and editors.
func isEditor(u models.User) bool {
	return u.Role == models.RoleAdmin || u.Role == models.RoleEditor
}

// forbidden is the 403 answer, with what the user may not do.
func forbidden(msg string) error {
	return echo.NewHTTPError(http.StatusForbidden, msg)
}

// idParam reads a numeric path parameter; anything else is a 404.
func idParam(c echo.Context, name string) (int64, error) {
	id, err := strconv.ParseInt(c.Param(name), 10, 64)
	if err != nil || id < 1 {
		return 0, echo.NewHTTPError(http.StatusNotFound)
	}
	return id, nil
}

// maxBulk bounds how many items one bulk action may name.
const maxBulk = 500

// formIDs reads the ids ticked in a list (repeated "id" fields); ids that
// are not numbers are ignored.
func formIDs(c echo.Context) []int64 {
	form, err := c.FormParams()
	if err != nil {
		return nil
	}
	var out []int64
	seen := map[int64]bool{}
	for _, v := range form["id"] {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id < 1 || seen[id] {
			continue
		}
		seen[id] = true
		out = append(out, id)
		if len(out) == maxBulk {
			break
		}
	}
	return out
}

// editor is who is making a change, for revisions.
func editor(c echo.Context, note string) models.Editor {
	return models.Editor{ID: currentUser(c).ID, Note: note}
}

// HiddenField is a name and value a confirmation form posts again.
type HiddenField struct{ Name, Value string }

// AdminConfirmPage asks before something is deleted or moved to the trash.
type AdminConfirmPage struct {
	AdminLayout
	Heading string
	Message string
	Items   []string // what will be affected
	Action  string   // where the confirming form posts
	Hidden  []HiddenField
	Button  string
	Cancel  string // where "Cancel" goes
}

// confirm renders a confirmation page.
func (h *Handler) confirm(c echo.Context, nav string, p AdminConfirmPage) error {
	l, err := h.adminLayout(c, p.Heading, nav)
	if err != nil {
		return err
	}
	p.AdminLayout = l
	return h.render(c, http.StatusOK, p)
}

func (AdminConfirmPage) template() string { return views.PageAdminConfirm }
