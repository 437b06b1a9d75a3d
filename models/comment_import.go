package models

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/newsroom/news/db"
)

// ImportedComment is a comment as another site had it. ParentID is the
// old site's id of the comment it answers (0 for none).
type ImportedComment struct {
	ID        int64
	ParentID  int64
	Name      string
	Email     string
	Text      string // as the old site stored it: text with a little HTML
	IP        string // only its salted hash is stored
	Status    string // CommentApproved, CommentPending or CommentSpam
	CreatedAt time.Time
}

// ImportComments adds an article's comments from the old site, in one
// transaction. Each is sanitized with the same policy as a new comment, its
// address kept only as the site's salted hash. Comments imported before
// (by the import map) are left as they are. A reply keeps its thread; past
// MaxCommentDepth it answers the deepest comment allowed instead. It
// returns how many it added and the ids of those left out because nothing
// remained of their text.
func (s *ImportStore) ImportComments(ctx context.Context, source string, articleID int64, list []ImportedComment) (int, []int64, error) {
	added := 0
	var empty []int64
	err := s.db.WithTx(ctx, func(tx *db.Tx) error {
		added, empty = 0, nil
		salt, err := s.comments.ipSalt(ctx, tx)
		if err != nil {
			return err
		}
		for _, in := range list {
			key := ImportKey{Source: source, Kind: ImportComment, ID: in.ID}
			if _, err := lookupImport(ctx, tx.QueryRowContext, key); err == nil {
				continue
			} else if !errors.Is(err, ErrNotFound) {
				return err
			}
			body, _ := SanitizeComment(in.Text)
			if PlainText(body) == "" && !strings.Contains(string(body), "<a ") {
				empty = append(empty, in.ID)
				continue
			}
			parent, err := importedParent(ctx, tx, source, in.ParentID)
			if err != nil {
				return err
			}
			res, err := tx.ExecContext(ctx, `INSERT INTO comments (article_id, parent_id, name, email, body_html, body_hash, status, ip_hash, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, articleID, nullID(parent), importedName(in.Name),
				strings.ToLower(strings.TrimSpace(in.Email)), string(body), commentBodyHash(body), in.Status,
				hashIP(salt, in.IP), in.CreatedAt.Unix())
			if err != nil {
				return fmt.Errorf("models: import comment: %w", err)
			}
			id, _ := res.LastInsertId()
			if err := putImport(ctx, tx, key, ImportEntry{LocalID: id}); err != nil {
				return err
			}
			if in.Status == CommentApproved {
				changed(tx, ArticleCommentsTag(articleID))
			}
			added++
		}
		return nil
	})
	return added, empty, err
}

// importedParent is the local comment a reply attaches to: the one it
// answered, or, when that one is already MaxCommentDepth deep, its
// ancestor one level up, so the reply sits at the deepest allowed level.
func importedParent(ctx context.Context, tx *db.Tx, source string, parentID int64) (int64, error) {
	if parentID == 0 {
		return 0, nil
	}
	e, err := lookupImport(ctx, tx.QueryRowContext, ImportKey{Source: source, Kind: ImportComment, ID: parentID})
	if errors.Is(err, ErrNotFound) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	chain := []int64{e.LocalID}
	for len(chain) < MaxCommentDepth {
		var up sql.NullInt64
		err := tx.QueryRowContext(ctx, `SELECT parent_id FROM comments WHERE id = ?`, chain[len(chain)-1]).Scan(&up)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return 0, fmt.Errorf("models: comment thread: %w", err)
		}
		if !up.Valid {
			break
		}
		chain = append(chain, up.Int64)
	}
	if len(chain) >= MaxCommentDepth {
		return chain[1], nil
	}
	return chain[0], nil
}

// importedName is a commenter's name cleaned like a new one, within the
// length a new one may have.
func importedName(s string) string {
	s = CleanName(s)
	if utf8.RuneCountInString(s) > MaxCommentNameLen {
		s = string([]rune(s)[:MaxCommentNameLen])
	}
	if s == "" {
		return "Anonymous"
	}
	return s
}
