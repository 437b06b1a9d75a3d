package reader

import (
	"html/template"
	"strconv"
	"time"

	"github.com/newsroom/news/models"
	"github.com/newsroom/news/views"
)

// CommentView is one approved comment as the article page shows it, with
// its values ready (the template calls no method and walks no embedded
// struct), and its replies under it.
type CommentView struct {
	ID       string // the comment's id, for its anchor and Reply link
	Depth    int    // 1 for a top-level comment
	Name     string
	DateISO  string // the datetime attribute
	Date     string // "January 2, 2006 at 3:04 PM" in the site's time zone
	BodyHTML template.HTML
	Staff    bool // written by the newsroom from the comment queue
	Replies  []CommentView
	// ArticleURL is where its Reply link goes.
	ArticleURL string
	// Pending marks the commenter's own comment, awaiting moderation, on
	// their private confirmation page.
	Pending bool
	// ReplyForm is the page, set on the comment the form answers, so the
	// form is shown right under it.
	ReplyForm *ArticlePage
}

// thread is what the article page asks of its comments: the article's
// address, the commenter's own held comment (0 for none), and the
// comment the form answers with the page that holds the form.
type thread struct {
	articleURL string
	own        int64
	replyTo    int64
	form       *ArticlePage
}

// commentViews turns threads of comments into what the page shows.
func commentViews(nodes []*models.CommentNode, loc *time.Location, th thread) []CommentView {
	if len(nodes) == 0 {
		return nil
	}
	out := make([]CommentView, len(nodes))
	for i, n := range nodes {
		t := n.CreatedAt.In(loc)
		out[i] = CommentView{
			ID: strconv.FormatInt(n.ID, 10), Depth: n.Depth, Name: n.Name,
			DateISO: isoTime(t), Date: views.When(t),
			BodyHTML: n.BodyHTML, Staff: n.Staff, Replies: commentViews(n.Replies, loc, th),
			ArticleURL: th.articleURL, Pending: th.own != 0 && n.ID == th.own,
		}
		if th.replyTo != 0 && n.ID == th.replyTo {
			out[i].ReplyForm = th.form
		}
	}
	return out
}
