package reader

import (
	"html/template"
	"strconv"
	"time"

	"github.com/newsroom/news/models"
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
	Replies  []CommentView
}

// commentViews turns threads of comments into what the page shows.
func commentViews(nodes []*models.CommentNode, loc *time.Location) []CommentView {
	if len(nodes) == 0 {
		return nil
	}
	out := make([]CommentView, len(nodes))
	for i, n := range nodes {
		t := n.CreatedAt.In(loc)
		out[i] = CommentView{
			ID: strconv.FormatInt(n.ID, 10), Depth: n.Depth, Name: n.Name,
			DateISO: isoTime(t), Date: t.Format("January 2, 2006 at 3:04 PM"),
			BodyHTML: n.BodyHTML, Replies: commentViews(n.Replies, loc),
		}
	}
	return out
}
