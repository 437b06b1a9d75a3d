package reader

import (
	"html/template"
	"slices"
	"strconv"
	"time"

	"github.com/newsroom/news/models"
	"github.com/newsroom/news/views"
)

// CommentView is one approved comment as the article page shows it: its
// ready HTML (the "comment-card" partial, rendered once and kept, see
// commentCards) and its replies under it. The article template writes
// Card as it is and only walks the thread.
type CommentView struct {
	Card    template.HTML
	Replies []CommentView
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
}

// commentKey is everything a comment's card shows, so a kept card is used
// only while all of it is unchanged: an edited body or name, a moved
// reply or another time zone render it again, with no edit time needed.
type commentKey struct {
	depth   int
	name    string
	body    template.HTML
	created int64
	loc     *time.Location
}

// maxKeptComments bounds the kept comment cards (about 1 KB each with
// the body), maxKeptThreads the kept threads (all of an article's comment
// cards together).
const (
	maxKeptComments = 10000
	maxKeptThreads  = 500
)

// commentCards keeps the rendered cards of comments by id, and each
// article's whole thread by article id. Most comments never change once
// approved, so an article's page renders its thread only when a comment
// was added, edited or removed, and then only the cards it does not keep.
type commentCards struct {
	kept    keptFragments[int64, commentKey]
	threads keptFragments[int64, threadKey]
}

func newCommentCards() *commentCards {
	return &commentCards{
		kept:    keptFragments[int64, commentKey]{max: maxKeptComments},
		threads: keptFragments[int64, threadKey]{max: maxKeptThreads},
	}
}

func sameComment(a, b commentKey) bool { return a == b }

// threadKey is everything an article's thread shows: each approved
// comment, oldest first, with what it answers.
type threadKey struct {
	loc      *time.Location
	comments []threadComment
}

type threadComment struct {
	id, parent int64
	name       string
	body       template.HTML
	created    int64
}

func sameThread(a, b threadKey) bool { return a.loc == b.loc && slices.Equal(a.comments, b.comments) }

// thread returns the HTML of an article's approved comments (list, oldest
// first) in threads, as the "comment-thread" partial shows them.
func (cc *commentCards) threadHTML(r *views.Renderer, articleID int64, list []models.Comment, loc *time.Location) (template.HTML, error) {
	if len(list) == 0 {
		return "", nil
	}
	key := threadKey{loc: loc, comments: make([]threadComment, len(list))}
	for i, c := range list {
		key.comments[i] = threadComment{id: c.ID, parent: c.ParentID, name: c.Name, body: c.BodyHTML, created: c.CreatedAt.Unix()}
	}
	if html, ok := cc.threads.get(articleID, key, sameThread); ok {
		return html, nil
	}
	views, err := cc.views(r, models.Thread(list), loc)
	if err != nil {
		return "", err
	}
	html, err := r.Fragment("comment-thread", views)
	if err != nil {
		return "", err
	}
	cc.threads.put(articleID, key, html)
	return html, nil
}

// views turns threads of comments into what the page shows, rendering the
// cards it does not keep yet.
func (cc *commentCards) views(r *views.Renderer, nodes []*models.CommentNode, loc *time.Location) ([]CommentView, error) {
	return cc.thread(r, nodes, loc)
}

func (cc *commentCards) thread(r *views.Renderer, nodes []*models.CommentNode, loc *time.Location) ([]CommentView, error) {
	if len(nodes) == 0 {
		return nil, nil
	}
	out := make([]CommentView, len(nodes))
	for i, n := range nodes {
		card, err := cc.card(r, n, loc)
		if err != nil {
			return nil, err
		}
		replies, err := cc.thread(r, n.Replies, loc)
		if err != nil {
			return nil, err
		}
		out[i] = CommentView{Card: card, Replies: replies}
	}
	return out, nil
}

// card returns n's kept card, rendering it when n changed or is new.
func (cc *commentCards) card(r *views.Renderer, n *models.CommentNode, loc *time.Location) (template.HTML, error) {
	key := commentKey{depth: n.Depth, name: n.Name, body: n.BodyHTML, created: n.CreatedAt.Unix(), loc: loc}
	if html, ok := cc.kept.get(n.ID, key, sameComment); ok {
		return html, nil
	}
	t := n.CreatedAt.In(loc)
	html, err := r.Fragment("comment-card", commentCard{
		ID: strconv.FormatInt(n.ID, 10), Depth: n.Depth, Name: n.Name,
		DateISO: isoTime(t), Date: t.Format("January 2, 2006 at 3:04 PM"), BodyHTML: n.BodyHTML,
	})
	if err != nil {
		return "", err
	}
	cc.kept.put(n.ID, key, html)
	return html, nil
}
