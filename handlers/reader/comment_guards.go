package reader

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/handlers/kit"
)

// readCommentForm reads the comment form from a body of at most
// MaxCommentBody bytes; a larger one is answered 413.
func readCommentForm(c echo.Context) (CommentForm, error) {
	req := c.Request()
	tooLarge := func() error {
		kit.MarkPrivate(c)
		return echo.NewHTTPError(http.StatusRequestEntityTooLarge, "What you sent is larger than a comment can be "+
			"(a comment has at most 5,000 characters). Please go back, shorten it and send it again.")
	}
	if req.ContentLength > MaxCommentBody {
		return CommentForm{}, tooLarge()
	}
	req.Body = http.MaxBytesReader(c.Response(), req.Body, MaxCommentBody)
	if err := req.ParseForm(); err != nil {
		if mbe := (*http.MaxBytesError)(nil); errors.As(err, &mbe) {
			return CommentForm{}, tooLarge()
		}
		return CommentForm{}, echo.NewHTTPError(http.StatusBadRequest, "We couldn't read the comment form. Please go back and send it again.")
	}
	f := req.PostForm
	form := CommentForm{Comment: f.Get("comment"), Name: f.Get("name"), Email: f.Get("email"), Website: f.Get("website")}
	if p := f.Get("parent"); p != "" {
		id, err := strconv.ParseInt(p, 10, 64)
		if err != nil || id <= 0 {
			id = -1 // answers no comment, so the reply is refused with a message
		}
		form.ParentID = id
	}
	return form, nil
}
