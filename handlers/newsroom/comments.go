package newsroom

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/handlers/kit"
	"github.com/newsroom/news/models"
	"github.com/newsroom/news/views"
)

// AdminCommentsPage is the moderation queue.
type AdminCommentsPage struct {
	Layout
	Status   string // the tab shown; "" is all but the trash
	Comments []models.QueuedComment
	Pager    models.Pager
	Tabs     []StatusTab
	// SelectAll ticks every comment on the page (?select=all), for
	// browsers without the script that does it in place.
	SelectAll bool
}

// SelectAllURL ticks, or with SelectAll clears, every comment on the page.
func (p AdminCommentsPage) SelectAllURL() string {
	u := p.PageURL(p.Pager.Page)
	if p.SelectAll {
		return u
	}
	return u + "&select=all"
}

func (AdminCommentsPage) Template() string { return "admin_comments" }

// PageURL is the queue's page n.
func (p AdminCommentsPage) PageURL(n int) string {
	v := url.Values{}
	if p.Status != "" {
		v.Set("status", p.Status)
	}
	if n > 1 {
		v.Set("page", strconv.Itoa(n))
	}
	if len(v) == 0 {
		return "/admin/comments?status="
	}
	return "/admin/comments?" + v.Encode()
}

// Back is where actions on this page return to.
func (p AdminCommentsPage) Back() string { return p.PageURL(p.Pager.Page) }

// AdminCommentEditPage edits a comment's text.
type AdminCommentEditPage struct {
	Layout
	Comment models.QueuedComment
	Form    CommentEditForm
}

// CommentEditForm is a moderator's edit of a comment.
type CommentEditForm struct {
	Text        string `form:"text"`
	FieldErrors map[string]string
}

func (AdminCommentEditPage) Template() string { return "admin_comment_edit" }

var commentTabs = []struct{ status, label string }{
	{models.CommentPending, "Pending"}, {models.CommentApproved, "Approved"}, {models.CommentSpam, "Spam"},
	{models.CommentTrash, "Trash"}, {"", "All"},
}

// CommentList shows the moderation queue; pending comments by default.
func (h *Handler) CommentList(c echo.Context) error {
	ctx := c.Request().Context()
	n, err := kit.PageParam(c)
	if err != nil {
		return err
	}
	status, ok := c.QueryParams()["status"]
	st := models.CommentPending
	if ok {
		st = status[0]
	}
	if st != "" && !models.ValidCommentStatus(st) {
		return echo.NewHTTPError(http.StatusBadRequest, "That status is not one the queue knows.")
	}
	list, pager, err := h.Comments.Queue(ctx, st, n)
	if err != nil {
		return err
	}
	counts, err := h.Comments.CountByStatus(ctx)
	if err != nil {
		return err
	}
	l, err := h.layout(c, "Comments", "comments")
	if err != nil {
		return err
	}
	for i := range list {
		list[i].CreatedAt = list[i].CreatedAt.In(l.Site.Location())
	}
	p := AdminCommentsPage{Layout: l, Status: st, Comments: list, Pager: pager, SelectAll: c.QueryParam("select") == "all"}
	for _, t := range commentTabs {
		k := counts[t.status]
		if t.status == "" {
			k = counts[models.CommentPending] + counts[models.CommentApproved] + counts[models.CommentSpam]
		}
		p.Tabs = append(p.Tabs, StatusTab{Status: t.status, Label: t.label, Count: k, Current: t.status == st})
	}
	return h.render(c, http.StatusOK, p)
}

// commentBack is the queue address a form asked to return to.
func commentBack(c echo.Context) string {
	if b := c.FormValue("back"); strings.HasPrefix(b, "/admin/comments") {
		return b
	}
	return "/admin/comments"
}

// CommentStatus approves, marks as spam, trashes or re-queues one comment.
func (h *Handler) CommentStatus(c echo.Context) error {
	if err := mayChangeComments(c); err != nil {
		return err
	}
	id, err := kit.IDParam(c, "id")
	if err != nil {
		return err
	}
	return h.setCommentStatus(c, []int64{id}, c.FormValue("status"))
}

// CommentBulk does the same to every ticked comment.
func (h *Handler) CommentBulk(c echo.Context) error {
	if err := mayChangeComments(c); err != nil {
		return err
	}
	ids := kit.FormIDs(c)
	if len(ids) == 0 {
		h.addFlash(c, "Tick at least one comment first.")
		return c.Redirect(http.StatusSeeOther, commentBack(c))
	}
	return h.setCommentStatus(c, ids, c.FormValue("bulk_status"))
}

func (h *Handler) setCommentStatus(c echo.Context, ids []int64, status string) error {
	if !models.ValidCommentStatus(status) {
		h.addFlash(c, "Choose what to do with the comments.")
		return c.Redirect(http.StatusSeeOther, commentBack(c))
	}
	n, err := h.Comments.SetStatus(c.Request().Context(), ids, status)
	if err != nil {
		return err
	}
	if n > 0 {
		did := map[string]string{models.CommentApproved: "approved", models.CommentSpam: "marked as spam",
			models.CommentTrash: "moved to the trash", models.CommentPending: "sent back to the queue"}[status]
		h.audit(c, "comment."+status, did+" "+count(n, "comment", "comments")+" "+idList(ids))
	}
	verb := map[string]string{models.CommentApproved: "Approved", models.CommentSpam: "Marked as spam:",
		models.CommentTrash: "Moved to the trash:", models.CommentPending: "Sent back to the queue:"}[status]
	h.addFlash(c, verb+" "+views.Plural(n, "comment", "comments")+".")
	return c.Redirect(http.StatusSeeOther, commentBack(c))
}

// CommentEdit shows a comment's text for editing.
func (h *Handler) CommentEdit(c echo.Context) error {
	q, err := h.queuedComment(c)
	if err != nil {
		return err
	}
	return h.renderCommentEdit(c, http.StatusOK, q, CommentEditForm{Text: models.CommentText(q.Comment)})
}

func (h *Handler) renderCommentEdit(c echo.Context, status int, q models.QueuedComment, f CommentEditForm) error {
	l, err := h.layout(c, "Edit comment", "comments")
	if err != nil {
		return err
	}
	q.CreatedAt = q.CreatedAt.In(l.Site.Location())
	return h.render(c, status, AdminCommentEditPage{Layout: l, Comment: q, Form: f})
}

// queuedComment loads the comment :id for a moderator: 403 for those who
// may not moderate, 404 when there is none.
func (h *Handler) queuedComment(c echo.Context) (models.QueuedComment, error) {
	if err := mayChangeComments(c); err != nil {
		return models.QueuedComment{}, err
	}
	id, err := kit.IDParam(c, "id")
	if err != nil {
		return models.QueuedComment{}, err
	}
	q, err := h.Comments.QueuedByID(c.Request().Context(), id)
	return q, kit.NotFoundIf(err)
}

// CommentUpdate saves a moderator's edit of a comment.
func (h *Handler) CommentUpdate(c echo.Context) error {
	q, err := h.queuedComment(c)
	if err != nil {
		return err
	}
	ctx, id := c.Request().Context(), q.ID
	var f CommentEditForm
	if err := kit.BindForm(c, &f); err != nil {
		return err
	}
	f.FieldErrors = map[string]string{}
	switch text := strings.TrimSpace(f.Text); {
	case text == "":
		f.FieldErrors["text"] = "A comment cannot be empty. Move it to the trash instead."
	case utf8.RuneCountInString(text) > models.MaxCommentLen:
		f.FieldErrors["text"] = fmt.Sprintf("The comment is too long: %d characters at most.", models.MaxCommentLen)
	}
	if len(f.FieldErrors) > 0 {
		return h.renderCommentEdit(c, http.StatusUnprocessableEntity, q, f)
	}
	if err := h.Comments.EditText(ctx, id, f.Text); err != nil {
		return kit.NotFoundIf(err)
	}
	h.audit(c, "comment.edit", "edited the comment by "+q.Name+" on "+quoted(q.ArticleTitle))
	h.addFlash(c, "Saved the comment by "+q.Name+".")
	return c.Redirect(http.StatusSeeOther, "/admin/comments?status="+q.Status)
}

// CommentTrashConfirm asks before emptying the comment trash.
func (h *Handler) CommentTrashConfirm(c echo.Context) error {
	if err := mayChangeComments(c); err != nil {
		return err
	}
	counts, err := h.Comments.CountByStatus(c.Request().Context())
	if err != nil {
		return err
	}
	return h.confirm(c, "comments", AdminConfirmPage{Heading: "Empty the comment trash?",
		Message: views.Plural(counts[models.CommentTrash], "comment", "comments") + " in the trash will be deleted. This cannot be undone.",
		Action:  "/admin/comments/empty-trash", Button: "Empty the trash", Cancel: "/admin/comments?status=trash"})
}

// CommentTrashEmpty deletes every comment in the trash.
func (h *Handler) CommentTrashEmpty(c echo.Context) error {
	if err := mayChangeComments(c); err != nil {
		return err
	}
	n, err := h.Comments.EmptyCommentTrash(c.Request().Context())
	if err != nil {
		return err
	}
	if n > 0 {
		h.audit(c, "comment.delete", "emptied the comment trash: "+count(n, "comment", "comments")+" deleted for good")
	}
	h.addFlash(c, "Deleted "+views.Plural(n, "comment", "comments")+" for good.")
	return c.Redirect(http.StatusSeeOther, "/admin/comments?status=trash")
}
