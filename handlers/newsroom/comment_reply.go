package newsroom

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/models"
)

// CommentReply posts a moderator's reply to a comment from the queue, as
// staff: published at once with a staff badge, and the comment it answers
// approved.
func (h *Handler) CommentReply(c echo.Context) error {
	q, err := h.queuedComment(c)
	if err != nil {
		return err
	}
	ctx, id := c.Request().Context(), q.ID
	u := currentUser(c)
	_, err = h.Comments.StaffReply(ctx, id, u, c.FormValue("reply"), h.Now())
	var invalid *models.CommentInvalidError
	switch {
	case errors.As(err, &invalid):
		h.addFlash(c, "The reply to "+q.Name+" was not posted: "+invalid.Fields["reply"])
		return c.Redirect(http.StatusSeeOther, commentBack(c)+"#c"+strconv.FormatInt(id, 10))
	case errors.Is(err, models.ErrBadParent):
		h.addFlash(c, "The comment by "+q.Name+" is in the spam or the trash; approve it before replying.")
		return c.Redirect(http.StatusSeeOther, commentBack(c))
	case err != nil:
		return err
	}
	h.audit(c, "comment.reply", "replied as staff to "+q.Name+" on "+quoted(q.ArticleTitle))
	h.addFlash(c, "Your reply to "+q.Name+" is published with a staff badge, under “"+q.ArticleTitle+"”.")
	return c.Redirect(http.StatusSeeOther, commentBack(c))
}
