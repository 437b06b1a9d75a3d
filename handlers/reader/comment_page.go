package reader

import (
	"strconv"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/handlers/pagecache"
	"github.com/newsroom/news/models"
)

// commentSection fills the comments part of an article page: the approved
// comments in threads, whether the form is shown, the notice named by
// ?comment= after posting, and the comment named by ?reply= when a reader
// follows a Reply link. Both parameters take a few fixed values or a
// comment's id, so the page is the same for every visitor.
func (h *Handler) commentSection(c echo.Context, p *ArticlePage) error {
	list, err := h.Comments.Approved(c.Request().Context(), p.Article.ID)
	if err != nil {
		return err
	}
	for i := range list {
		list[i].CreatedAt = list[i].CreatedAt.In(p.zone())
	}
	p.Comments = list
	p.Article.CommentsOpen = models.CommentsAllowed(p.Article, p.Site.AutoCloseDays, h.Now())
	if p.Article.CommentsOpen && p.Site.AutoCloseDays > 0 {
		// The form goes by time alone when comments close with age.
		pagecache.Until(c, p.Article.PublishedAt.Add(time.Duration(p.Site.AutoCloseDays)*24*time.Hour+time.Nanosecond))
	}
	p.CommentNotice = commentNotice(c.QueryParam("comment"))
	if id, err := strconv.ParseInt(c.QueryParam("reply"), 10, 64); err == nil {
		p.Form.ParentID = id
	}
	return h.resolveReply(p)
}

// arrangeThread builds Thread from Comments, putting the reply form under
// the comment it answers and marking the commenter's own held comment;
// the comments' cards come from those kept (comment_view.go).
func (h *Handler) arrangeThread(p *ArticlePage) (err error) {
	th := thread{articleURL: p.Article.URL(), own: p.Own}
	if p.ReplyTo != nil {
		th.replyTo, th.form = p.ReplyTo.ID, p
	}
	p.Thread, err = h.commentCards.views(h.Views, models.Thread(p.Comments), p.zone(), th)
	return err
}

// resolveReply points ReplyTo at the approved comment the form answers,
// clears a parent that is not one of them, and arranges the thread with
// the form in its place.
func (h *Handler) resolveReply(p *ArticlePage) error {
	p.ReplyTo = nil
	for i := range p.Comments {
		if p.Comments[i].ID == p.Form.ParentID && p.Comments[i].Status == models.CommentApproved {
			p.ReplyTo = &p.Comments[i]
			break
		}
	}
	if p.ReplyTo == nil {
		p.Form.ParentID = 0
	}
	return h.arrangeThread(p)
}
