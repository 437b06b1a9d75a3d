package reader

import (
	"html/template"
	"strconv"
	"time"

	"github.com/newsroom/news/models"
	"github.com/newsroom/news/views"
)

// CommentView is one approved comment as the article page shows it: its
// card as ready HTML (the "comment-card" partial, rendered once and kept,
// see commentCards), the reply form when it is the comment answered, and
// its replies under it. The template writes Card as it is.
type CommentView struct {
	Card    template.HTML
	Replies []CommentView
	// ReplyForm is the page, set on the comment the form answers, so the
	// form is shown right under it.
	ReplyForm *ArticlePage
}

// commentCard is what the "comment-card" partial shows of one comment, with
// its values ready (the template calls no method).
type commentCard struct {
	ID       string // the comment's id, for its anchor and Reply link
	Depth    int    // 1 for a top-level comment
	Name     string
	DateISO  string // the datetime attribute
	Date     string // "January 2, 2006 at 3:04 PM" in the site's time zone
	BodyHTML template.HTML
	Staff    bool // written by the newsroom from the comment queue
	// ArticleURL is where its Reply link goes.
	ArticleURL string
	// Pending marks the commenter's own comment, awaiting moderation, on
	// their private confirmation page.
	Pending bool
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

// commentKey is everything a comment's card shows, so a kept card is used
// only while all of it is unchanged: an edited body or name, a moved
// reply, a Staff badge, the pending marker, another article address or
// time zone render it again, with no edit time needed.
type commentKey struct {
	depth      int
	name       string
	body       template.HTML
	created    int64
	staff      bool
	pending    bool
	articleURL string
	loc        *time.Location
}

// maxKeptComments bounds the kept comment cards (about 1 KB each with
// the body).
const maxKeptComments = 10000

// commentCards keeps the rendered cards of comments by id. Most comments
// never change once approved, so an article's page renders only the cards
// of comments added or edited since it was last shown.
type commentCards struct {
	kept keptFragments[int64, commentKey]
}

func newCommentCards() *commentCards {
	return &commentCards{kept: keptFragments[int64, commentKey]{max: maxKeptComments}}
}

func sameComment(a, b commentKey) bool { return a == b }

// views turns threads of comments into what the page shows, rendering the
// cards it does not keep yet.
func (cc *commentCards) views(r *views.Renderer, nodes []*models.CommentNode, loc *time.Location, th thread) ([]CommentView, error) {
	if len(nodes) == 0 {
		return nil, nil
	}
	out := make([]CommentView, len(nodes))
	for i, n := range nodes {
		card, err := cc.card(r, n, loc, th)
		if err != nil {
			return nil, err
		}
		replies, err := cc.views(r, n.Replies, loc, th)
		if err != nil {
			return nil, err
		}
		out[i] = CommentView{Card: card, Replies: replies}
		if th.replyTo != 0 && n.ID == th.replyTo {
			out[i].ReplyForm = th.form
		}
	}
	return out, nil
}

// card returns n's kept card, rendering it when n changed or is new.
func (cc *commentCards) card(r *views.Renderer, n *models.CommentNode, loc *time.Location, th thread) (template.HTML, error) {
	pending := th.own != 0 && n.ID == th.own
	key := commentKey{depth: n.Depth, name: n.Name, body: n.BodyHTML, created: n.CreatedAt.Unix(),
		staff: n.Staff, pending: pending, articleURL: th.articleURL, loc: loc}
	if html, ok := cc.kept.get(n.ID, key, sameComment); ok {
		return html, nil
	}
	t := n.CreatedAt.In(loc)
	html, err := r.Fragment("comment-card", commentCard{
		ID: strconv.FormatInt(n.ID, 10), Depth: n.Depth, Name: n.Name,
		DateISO: isoTime(t), Date: views.When(t), BodyHTML: n.BodyHTML,
		Staff: n.Staff, ArticleURL: th.articleURL, Pending: pending,
	})
	if err != nil {
		return "", err
	}
	cc.kept.put(n.ID, key, html)
	return html, nil
}
