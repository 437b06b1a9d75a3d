package models

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/newsroom/news/db"
)

// StaffReply stores a moderator's reply to comment parentID, written as
// staff member by: approved at once, under their name, marked as staff.
// The comment it answers is approved too, since the newsroom answers it in
// public. An empty reply is *CommentInvalidError; a comment that is gone or
// in the spam or trash, ErrBadParent.
func (s *CommentStore) StaffReply(ctx context.Context, parentID int64, by User, text string, now time.Time) (Comment, error) {
	if strings.TrimSpace(text) == "" {
		return Comment{}, &CommentInvalidError{Fields: map[string]string{"reply": "Write the reply first."}}
	}
	if len([]rune(text)) > MaxCommentLen {
		return Comment{}, &CommentInvalidError{Fields: map[string]string{"reply": fmt.Sprintf("The reply is too long: %d characters at most.", MaxCommentLen)}}
	}
	body, _ := SanitizeComment(text)
	c := Comment{ParentID: parentID, Name: by.Name, BodyHTML: body, Status: CommentApproved, CreatedAt: now.UTC(), Staff: true}
	err := s.db.WithTx(ctx, func(tx *db.Tx) error {
		var status string
		err := tx.QueryRowContext(ctx, `SELECT article_id, status FROM comments WHERE id = ?`, parentID).Scan(&c.ArticleID, &status)
		if errors.Is(err, sql.ErrNoRows) || status == CommentSpam || status == CommentTrash {
			return ErrBadParent
		}
		if err != nil {
			return fmt.Errorf("models: staff reply parent: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE comments SET status = 'approved' WHERE id = ? AND status = 'pending'`, parentID); err != nil {
			return fmt.Errorf("models: approve the comment answered: %w", err)
		}
		if err := checkParent(ctx, tx, &c); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO comments (article_id, parent_id, name, email, body_html, body_hash, status,
			ip_hash, created_at, staff_user_id) VALUES (?, ?, ?, '', ?, ?, 'approved', '', ?, ?)`,
			c.ArticleID, c.ParentID, c.Name, string(body), commentBodyHash(body), c.CreatedAt.Unix(), by.ID)
		if err != nil {
			return fmt.Errorf("models: insert staff reply: %w", err)
		}
		c.ID, err = res.LastInsertId()
		changed(tx, ArticleCommentsTag(c.ArticleID))
		return err
	})
	if err != nil {
		return Comment{}, err
	}
	return c, nil
}
