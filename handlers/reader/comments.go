package reader

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/handlers/kit"
	"github.com/newsroom/news/models"
)

// MaxCommentBody bounds a comment post. It leaves room for a comment
// somewhat over MaxCommentLen in any script, so that one gets the "too
// long" message with its text kept instead of this limit's page.
const MaxCommentBody = 128 << 10

// commentNotice is the notice shown above an article's comments after
// posting one. The redirect names it in ?comment=, so the article page stays
// one of a few fixed variants that any visitor may be served from a cache.
func commentNotice(name string) string {
	switch name {
	case "published":
		return "Thank you! Your comment is published."
	case "pending":
		return "Thank you! Your comment is awaiting moderation and will appear here once it is approved."
	}
	return ""
}

// KnownNotice reports whether a ?comment= value names a notice the
// article page shows: the page cache keeps only those variants.
func KnownNotice(name string) bool { return commentNotice(name) != "" }

// CommentsRedirect sends a reader who opens the form's address (by
// reloading after an error, say) to the article's comments.
func (h *Handler) CommentsRedirect(c echo.Context) error {
	section, err := kit.SlugParam(c, "section")
	if err != nil {
		return err
	}
	slug, err := kit.SlugParam(c, "slug")
	if err != nil {
		return err
	}
	if id, err := strconv.ParseInt(c.QueryParam("reply"), 10, 64); err == nil && id > 0 {
		return c.Redirect(http.StatusSeeOther, "/"+section+"/"+slug+"?reply="+strconv.FormatInt(id, 10)+"#comment-"+strconv.FormatInt(id, 10))
	}
	return c.Redirect(http.StatusSeeOther, "/"+section+"/"+slug+"#comments")
}

// CommentCreate takes a comment posted under an article: refused with the
// form kept and a message, or stored and answered with a redirect to the
// article's comments.
func (h *Handler) CommentCreate(c echo.Context) error {
	a, err := h.commentArticle(c)
	if err != nil {
		return err
	}
	form, err := readCommentForm(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	st, err := h.Settings.Get(ctx)
	if err != nil {
		return err
	}
	now := h.Now()
	if !models.CommentsAllowed(a, st.AutoCloseDays, now) {
		return h.commentsClosed(c, a, form)
	}
	if form.Website != "" {
		// Only a bot fills in the field people never see; it is told what
		// a held comment would be told, and nothing is stored.
		return c.Redirect(http.StatusSeeOther, a.URL()+"?comment=pending#comments")
	}
	in := models.CommentInput{ArticleID: a.ID, ParentID: form.ParentID, Name: form.Name, Email: form.Email,
		Body: form.Comment, IP: c.RealIP(), Now: now}
	if form.FieldErrors = in.Validate(); form.FieldErrors != nil {
		return h.commentFormAgain(c, a, form, http.StatusUnprocessableEntity)
	}
	if ok, wait := h.CommentLimit.allow(kit.LimitKey(c.RealIP())); !ok {
		c.Response().Header().Set("Retry-After", strconv.Itoa(int(wait.Round(time.Second)/time.Second)+1))
		form.FieldErrors = map[string]string{"form": "You have posted several comments in a short time. " +
			"Please wait " + waitText(wait) + " and send this one again; it is kept below."}
		return h.commentFormAgain(c, a, form, http.StatusTooManyRequests)
	}
	saved, err := h.Comments.Create(ctx, in, st)
	if err != nil {
		return h.commentRefused(c, a, form, err)
	}
	if saved.Status == models.CommentApproved {
		return c.Redirect(http.StatusSeeOther, a.URL()+"?comment=published#comment-"+strconv.FormatInt(saved.ID, 10))
	}
	return c.Redirect(http.StatusSeeOther, h.confirmURL(a, saved))
}

// commentArticle loads the live article a comment is posted to.
func (h *Handler) commentArticle(c echo.Context) (models.Article, error) {
	section, err := kit.SlugParam(c, "section")
	if err != nil {
		return models.Article{}, err
	}
	slug, err := kit.SlugParam(c, "slug")
	if err != nil {
		return models.Article{}, err
	}
	a, err := h.Articles.PublishedBySlug(c.Request().Context(), slug)
	if err != nil {
		return a, kit.NotFoundIf(err)
	}
	if a.Category.Slug != section {
		return a, echo.NewHTTPError(http.StatusNotFound)
	}
	return a, nil
}

// commentRefused answers a comment the store would not take.
func (h *Handler) commentRefused(c echo.Context, a models.Article, form CommentForm, err error) error {
	var invalid *models.CommentInvalidError
	switch {
	case errors.As(err, &invalid):
		form.FieldErrors = invalid.Fields
		return h.commentFormAgain(c, a, form, http.StatusUnprocessableEntity)
	case errors.Is(err, models.ErrBadParent):
		form.ParentID = 0
		form.FieldErrors = map[string]string{"form": "The comment you replied to can no longer be answered. " +
			"Your text is kept below: send it again to post it as a new comment."}
		return h.commentFormAgain(c, a, form, http.StatusUnprocessableEntity)
	case errors.Is(err, models.ErrDuplicate):
		form.FieldErrors = map[string]string{"form": "You have already posted this comment here. " +
			"It is shown once it is approved; there is no need to send it again."}
		return h.commentFormAgain(c, a, form, http.StatusConflict)
	case errors.Is(err, models.ErrCommentsClosed):
		return h.commentsClosed(c, a, form)
	case errors.Is(err, models.ErrNotFound):
		return echo.NewHTTPError(http.StatusNotFound)
	case kit.CannotWrite(err):
		h.Logger.Error("comment not saved", "id", kit.RequestID(c), "err", err)
		form.FieldErrors = map[string]string{"form": kit.KeptInputMessage}
		c.Response().Header().Set("Retry-After", "120")
		return h.commentFormAgain(c, a, form, http.StatusServiceUnavailable)
	}
	return err
}

// commentFormAgain shows the article again with the form as it was sent
// and the reasons it was refused. This page is for one visitor only.
func (h *Handler) commentFormAgain(c echo.Context, a models.Article, form CommentForm, status int) error {
	p, err := h.articlePage(c, a)
	if err != nil {
		return err
	}
	// Invalid UTF-8 is shown as U+FFFD, so the page itself stays valid.
	for _, f := range []*string{&form.Comment, &form.Name, &form.Email} {
		*f = strings.ToValidUTF8(*f, "\uFFFD")
	}
	p.Form = form
	if err := h.resolveReply(&p); err != nil {
		return err
	}
	kit.MarkPrivate(c)
	return h.render(c, status, p)
}

// commentsClosed refuses a comment to an article closed to them, showing
// the article with the text that was sent, so the commenter can keep it.
func (h *Handler) commentsClosed(c echo.Context, a models.Article, form CommentForm) error {
	form.FieldErrors = map[string]string{"form": "Comments are closed on this article, so yours was not posted. " +
		"Its text is below, should you want to keep it."}
	return h.commentFormAgain(c, a, form, http.StatusForbidden)
}

// waitText says a wait in words: "a minute", "12 minutes".
func waitText(d time.Duration) string {
	m := int((d + time.Minute - 1) / time.Minute)
	if m <= 1 {
		return "a minute"
	}
	return strconv.Itoa(m) + " minutes"
}
