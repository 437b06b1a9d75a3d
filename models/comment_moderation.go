package models

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"html/template"
	"regexp"
	"strings"
	"time"

	"github.com/newsroom/news/db"
)

// QueuedComment is a comment in the moderation queue, with its article.
type QueuedComment struct {
	Comment
	ArticleTitle string
	ArticleURL   string
	// ParentName and ParentHTML are the comment a reply answers; empty
	// for a comment that starts a thread.
	ParentName string
	ParentHTML template.HTML
}

// ValidCommentStatus reports whether s is a status a comment can be given.
func ValidCommentStatus(s string) bool {
	switch s {
	case CommentPending, CommentApproved, CommentSpam, CommentTrash:
		return true
	}
	return false
}

// CountByStatus returns how many comments have each status.
func (s *CommentStore) CountByStatus(ctx context.Context) (map[string]int, error) {
	rows, err := s.db.Query(ctx, `SELECT status, COUNT(*) FROM comments GROUP BY status`)
	if err != nil {
		return nil, fmt.Errorf("models: count comments: %w", err)
	}
	return scanCounts(rows)
}

const queueQuery = `SELECT m.id, m.article_id, COALESCE(m.parent_id, 0), m.name, m.email, m.body_html, m.status,
	m.created_at, a.title, '/' || c.slug || '/' || a.slug, m.staff_user_id IS NOT NULL, COALESCE(p.name, ''), COALESCE(p.body_html, '')
	FROM comments m JOIN articles a ON a.id = m.article_id JOIN categories c ON c.id = a.category_id
	LEFT JOIN comments p ON p.id = m.parent_id `

func scanQueued(row interface{ Scan(...any) error }) (QueuedComment, error) {
	var q QueuedComment
	var body, parent string
	var created int64
	err := row.Scan(&q.ID, &q.ArticleID, &q.ParentID, &q.Name, &q.Email, &body, &q.Status, &created,
		&q.ArticleTitle, &q.ArticleURL, &q.Staff, &q.ParentName, &parent)
	q.BodyHTML, q.ParentHTML = trustedHTML(body), trustedHTML(parent)
	q.CreatedAt = time.Unix(created, 0).UTC()
	return q, err
}

// Queue returns one page of comments with status (all but the trash when
// empty), pending ones first, then newest first.
func (s *CommentStore) Queue(ctx context.Context, status string, page int) ([]QueuedComment, Pager, error) {
	p := Pager{Page: page, Size: AdminPageSize}
	where, args := `WHERE m.status != 'trash' `, []any{}
	if status != "" {
		where, args = `WHERE m.status = ? `, append(args, status)
	}
	rows, err := s.db.Query(ctx, queueQuery+where+`ORDER BY m.status = 'pending' DESC, m.created_at DESC, m.id DESC
		LIMIT ? OFFSET ?`, append(args, p.Size+1, p.Offset())...)
	if err != nil {
		return nil, p, fmt.Errorf("models: comment queue: %w", err)
	}
	defer rows.Close()
	var out []QueuedComment
	for rows.Next() {
		q, err := scanQueued(rows)
		if err != nil {
			return nil, p, fmt.Errorf("models: scan comment: %w", err)
		}
		out = append(out, q)
	}
	if len(out) > p.Size {
		p.HasNext = true
		out = out[:p.Size]
	}
	return out, p, rows.Err()
}

// QueuedByID returns one comment with its article, or ErrNotFound.
func (s *CommentStore) QueuedByID(ctx context.Context, id int64) (QueuedComment, error) {
	q, err := scanQueued(s.db.QueryRow(ctx, queueQuery+`WHERE m.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return q, ErrNotFound
	}
	if err != nil {
		return q, fmt.Errorf("models: comment %d: %w", id, err)
	}
	return q, nil
}

// SetStatus gives the comments status and returns how many changed.
func (s *CommentStore) SetStatus(ctx context.Context, ids []int64, status string) (int, error) {
	if !ValidCommentStatus(status) {
		return 0, fmt.Errorf("models: comment status %q", status)
	}
	if len(ids) == 0 {
		return 0, nil
	}
	q, args := inList(ids)
	var n int64
	err := s.db.WithTx(ctx, func(tx *db.Tx) error {
		if err := commentsChanged(ctx, tx, ids, status); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE comments SET status = ? WHERE status != ? AND id IN (`+q+`)`,
			append([]any{status, status}, args...)...)
		if err != nil {
			return fmt.Errorf("models: set comment status: %w", err)
		}
		n, _ = res.RowsAffected()
		return nil
	})
	return int(n), err
}

// EditText replaces a comment's text with text, sanitized the way a new
// comment is.
func (s *CommentStore) EditText(ctx context.Context, id int64, text string) error {
	body, _ := SanitizeComment(text)
	return s.db.WithTx(ctx, func(tx *db.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE comments SET body_html = ?, body_hash = ? WHERE id = ?`,
			string(body), commentBodyHash(body), id)
		if err != nil {
			return fmt.Errorf("models: edit comment: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		// Only an approved comment's new text shows to readers.
		return articlesOfApproved(ctx, tx, id)
	})
}

// EmptyCommentTrash deletes every comment in the trash.
func (s *CommentStore) EmptyCommentTrash(ctx context.Context) (int, error) {
	res, err := s.db.Exec(ctx, `DELETE FROM comments WHERE status = 'trash'`)
	if err != nil {
		return 0, fmt.Errorf("models: empty comment trash: %w", err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}

var (
	paraRe  = regexp.MustCompile(`(?i)</p>\s*<p>`)
	breakRe = regexp.MustCompile(`(?i)<br\s*/?>\n?`)
	relRe   = regexp.MustCompile(` rel="` + commentLinkRel + `"`)
)

// CommentText turns a stored comment back into the text a moderator edits,
// in the form a commenter types it: paragraphs as blank lines, line breaks
// as new lines, the few allowed tags as they are. Saving it through
// SanitizeComment gives the same comment back.
func CommentText(c Comment) string {
	s := strings.TrimSpace(string(c.BodyHTML))
	s = paraRe.ReplaceAllString(s, "\n\n")
	s = strings.TrimSuffix(strings.TrimPrefix(s, "<p>"), "</p>")
	s = breakRe.ReplaceAllString(s, "\n")
	return strings.TrimSpace(relRe.ReplaceAllString(s, ""))
}
