package models

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"github.com/newsroom/news/db"
)

// SetLeadBy makes image mediaID the lead picture of an article (0 removes
// it) as a revision by editor: the article's version moves on, the change
// is in its history with who made it, and restoring an earlier revision
// puts the earlier picture back. An image without alt text is refused with
// ErrAltRequired; an unknown or trashed article is ErrNotFound.
func (s *MediaStore) SetLeadBy(ctx context.Context, articleID, mediaID int64, by Editor) error {
	lead, err := s.leadValue(ctx, mediaID)
	if err != nil {
		return err
	}
	by.Note = "removed the lead picture"
	if mediaID != 0 {
		by.Note = "set the lead picture to image " + strconv.FormatInt(mediaID, 10)
	}
	now := s.now().UTC().Unix()
	return s.db.WithTx(ctx, func(tx *db.Tx) error {
		var current sql.NullInt64
		err := tx.QueryRowContext(ctx, `SELECT lead_media_id FROM articles WHERE id = ? AND status != 'trash'`, articleID).Scan(&current)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return fmt.Errorf("models: article %d lead: %w", articleID, err)
		}
		if current.Int64 == mediaID {
			return nil // nothing changes, so no revision
		}
		if err := baseline(ctx, tx, articleID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE articles SET lead_media_id = ?, updated_at = ?, version = version + 1
			WHERE id = ?`, lead, now, articleID); err != nil {
			return fmt.Errorf("models: set lead picture of article %d: %w", articleID, err)
		}
		changed(tx, ArticleTag(articleID)) // its page and every card of it show the picture
		return snapshot(ctx, tx, articleID, by, now)
	})
}
