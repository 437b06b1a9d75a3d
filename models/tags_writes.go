package models

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/newsroom/news/db"
)

// execChanged runs one statement in a transaction that names tags.
func execChanged(ctx context.Context, d *db.DB, tags []CacheTag, query string, args ...any) (sql.Result, error) {
	var res sql.Result
	err := d.WithTx(ctx, func(tx *db.Tx) error {
		var err error
		if res, err = tx.ExecContext(ctx, query, args...); err != nil {
			return err
		}
		changed(tx, tags...)
		return nil
	})
	return res, err
}

// articlesChanged names a<ID> for every article the query (with args)
// selects the ids of.
func articlesChanged(ctx context.Context, tx *db.Tx, query string, args ...any) error {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("models: articles changed: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return fmt.Errorf("models: scan article: %w", err)
		}
		changed(tx, ArticleTag(id))
	}
	return rows.Err()
}

// imageUsersChanged names the articles that show image id, as their lead
// or in their body.
func imageUsersChanged(ctx context.Context, tx *db.Tx, id int64) error {
	return articlesChanged(ctx, tx, `SELECT id FROM articles WHERE lead_media_id = ? OR body_md LIKE ?`, id, bodyRef(id))
}

// commentsChanged names ac<ID> for the articles of the comments ids whose
// being shown changes when they are given status: only approving one or
// taking an approved one away shows on a reader page.
func commentsChanged(ctx context.Context, tx *db.Tx, ids []int64, status string) error {
	q, args := inList(ids)
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT article_id FROM comments
		WHERE status != ? AND (status = 'approved' OR ? = 'approved') AND id IN (`+q+`)`,
		append([]any{status, status}, args...)...)
	if err != nil {
		return fmt.Errorf("models: comments changed: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return fmt.Errorf("models: scan article: %w", err)
		}
		changed(tx, ArticleCommentsTag(id))
	}
	return rows.Err()
}

// articlesOfApproved names ac<ID> for the article of comment id when the
// comment is approved.
func articlesOfApproved(ctx context.Context, tx *db.Tx, id int64) error {
	var article int64
	err := tx.QueryRowContext(ctx, `SELECT article_id FROM comments WHERE id = ? AND status = 'approved'`, id).Scan(&article)
	if err == sql.ErrNoRows {
		return nil
	}
	if err != nil {
		return fmt.Errorf("models: comment %d: %w", id, err)
	}
	changed(tx, ArticleCommentsTag(article))
	return nil
}

// sectionsChanged names what a change to the sections ids (or to their
// order) shows on: the navigation on every page, the sections' lists,
// feeds and sitemaps.
func sectionsChanged(tx *db.Tx, ids ...int64) {
	changed(tx, TagChrome, TagFeeds, TagSitemaps)
	for _, id := range ids {
		changed(tx, SectionTag(id))
	}
}

// tagChanged names a tag's list and the articles that show it.
func tagChanged(ctx context.Context, tx *db.Tx, id int64) error {
	changed(tx, TagTag(id), TagFeeds)
	return articlesChanged(ctx, tx, `SELECT article_id FROM article_tags WHERE tag_id = ?`, id)
}
