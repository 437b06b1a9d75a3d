package models

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"html/template"
	"sync/atomic"
	"time"

	"github.com/newsroom/news/db"
)

// Comment statuses as stored.
const (
	CommentPending  = "pending"
	CommentApproved = "approved"
	CommentSpam     = "spam"
	CommentTrash    = "trash"
)

// Limits on what a commenter sends, in characters.
const (
	MaxCommentLen      = 5000
	MaxCommentNameLen  = 80
	MaxCommentEmailLen = 254
	// MaxCommentDepth is how deep replies nest: a reply to a comment this
	// deep is shown beside it instead of under it.
	MaxCommentDepth = 3
	// MaxCommentLinks is how many links a comment may hold before it is
	// held for moderation whatever the mode.
	MaxCommentLinks = 3
	// DuplicateWindow is how long the same text cannot be posted again to
	// the same article.
	DuplicateWindow = 10 * time.Minute
)

var (
	// ErrCommentsClosed means the article takes no more comments.
	ErrCommentsClosed = errors.New("models: comments are closed")
	// ErrBadParent means a reply names a comment that is not an approved
	// comment of the same article.
	ErrBadParent = errors.New("models: reply to a comment that cannot be answered")
)

// Comment is a reader's comment under an article.
type Comment struct {
	ID        int64
	ArticleID int64
	ParentID  int64 // 0 for a top-level comment
	Name      string
	Email     string
	BodyHTML  template.HTML
	Status    string
	CreatedAt time.Time
	// Staff marks a reply the newsroom wrote from the comment queue.
	Staff bool
}

// CommentStore loads and saves comments.
type CommentStore struct {
	db *db.DB
	// salt caches the site's address salt once read; it never changes.
	salt atomic.Pointer[string]
}

// NewCommentStore returns a store over d.
func NewCommentStore(d *db.DB) *CommentStore { return &CommentStore{db: d} }

// Approved returns an article's approved comments, oldest first.
func (s *CommentStore) Approved(ctx context.Context, articleID int64) ([]Comment, error) {
	rows, err := s.db.Query(ctx, `SELECT id, article_id, COALESCE(parent_id, 0), name, body_html, status, created_at,
		staff_user_id IS NOT NULL FROM comments WHERE article_id = ? AND status = 'approved' ORDER BY created_at, id`, articleID)
	if err != nil {
		return nil, fmt.Errorf("models: list comments: %w", err)
	}
	defer rows.Close()
	var out []Comment
	for rows.Next() {
		var c Comment
		var body string
		var created int64
		if err := rows.Scan(&c.ID, &c.ArticleID, &c.ParentID, &c.Name, &body, &c.Status, &created, &c.Staff); err != nil {
			return nil, fmt.Errorf("models: scan comment: %w", err)
		}
		c.BodyHTML = trustedHTML(body)
		c.CreatedAt = time.Unix(created, 0).UTC()
		out = append(out, c)
	}
	return out, rows.Err()
}

// CommentsAllowed reports whether article a takes comments at now: it must
// be open to them and, when autoCloseDays is set, published less than that
// many days ago.
func CommentsAllowed(a Article, autoCloseDays int, now time.Time) bool {
	return commentsAllowed(a.CommentsOpen, a.PublishedAt, autoCloseDays, now)
}

func commentsAllowed(open bool, published time.Time, autoCloseDays int, now time.Time) bool {
	if !open {
		return false
	}
	if autoCloseDays > 0 && !published.IsZero() &&
		now.Sub(published) > time.Duration(autoCloseDays)*24*time.Hour {
		return false
	}
	return true
}

// CommentNode is a comment in its thread, with its replies.
type CommentNode struct {
	Comment
	Depth   int // 1 for a top-level comment
	Replies []*CommentNode
}

// CanReply reports whether a reply to this comment nests under it.
func (n *CommentNode) CanReply() bool { return n.Depth < MaxCommentDepth }

// Thread arranges comments (oldest first) into threads. A reply whose
// parent is not in the list is shown at the top level; a reply deeper than
// MaxCommentDepth is shown beside its parent.
func Thread(list []Comment) []*CommentNode {
	nodes := make(map[int64]*CommentNode, len(list))
	var top []*CommentNode
	for _, c := range list {
		n := &CommentNode{Comment: c, Depth: 1}
		nodes[c.ID] = n
		p := nodes[c.ParentID]
		for p != nil && p.Depth >= MaxCommentDepth {
			p = nodes[p.ParentID]
		}
		if p == nil {
			top = append(top, n)
			continue
		}
		n.Depth = p.Depth + 1
		p.Replies = append(p.Replies, n)
	}
	return top
}

// scanOne reads one row, mapping no row to ErrNotFound.
func scanOne(row *sql.Row, dest ...any) error {
	err := row.Scan(dest...)
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	return err
}
