package models

import (
	"context"
	"fmt"
	"html/template"
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
}

// CommentStore loads and saves comments.
type CommentStore struct{ db *db.DB }

// NewCommentStore returns a store over d.
func NewCommentStore(d *db.DB) *CommentStore { return &CommentStore{db: d} }

// Approved returns an article's approved comments, oldest first.
func (s *CommentStore) Approved(ctx context.Context, articleID int64) ([]Comment, error) {
	rows, err := s.db.Query(ctx, `SELECT id, article_id, COALESCE(parent_id, 0), name, body_html, status, created_at
		FROM comments WHERE article_id = ? AND status = 'approved' ORDER BY created_at, id`, articleID)
	if err != nil {
		return nil, fmt.Errorf("models: list comments: %w", err)
	}
	defer rows.Close()
	var out []Comment
	for rows.Next() {
		var c Comment
		var body string
		var created int64
		if err := rows.Scan(&c.ID, &c.ArticleID, &c.ParentID, &c.Name, &body, &c.Status, &created); err != nil {
			return nil, fmt.Errorf("models: scan comment: %w", err)
		}
		c.BodyHTML = trustedHTML(body)
		c.CreatedAt = time.Unix(created, 0).UTC()
		out = append(out, c)
	}
	return out, rows.Err()
}
