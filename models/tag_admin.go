package models

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/newsroom/news/db"
)

// TagRow is a tag with how many articles carry it.
type TagRow struct {
	Tag
	Articles int
}

// WithCounts returns the tags whose name contains q (all when q is
// empty), by name, with their article counts.
func (s *TagStore) WithCounts(ctx context.Context, q string) ([]TagRow, error) {
	rows, err := s.db.Query(ctx, `SELECT t.id, t.slug, t.name,
		(SELECT COUNT(*) FROM article_tags at WHERE at.tag_id = t.id) FROM tags t
		WHERE ? = '' OR t.name LIKE ? ESCAPE '\' ORDER BY t.name COLLATE NOCASE`,
		strings.TrimSpace(q), "%"+likeEscaper.Replace(strings.TrimSpace(q))+"%")
	if err != nil {
		return nil, fmt.Errorf("models: list tags: %w", err)
	}
	defer rows.Close()
	var out []TagRow
	for rows.Next() {
		var r TagRow
		if err := rows.Scan(&r.ID, &r.Slug, &r.Name, &r.Articles); err != nil {
			return nil, fmt.Errorf("models: scan tag: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// ByID returns the tag with that id, or ErrNotFound.
func (s *TagStore) ByID(ctx context.Context, id int64) (Tag, error) {
	var t Tag
	err := s.db.QueryRow(ctx, `SELECT id, slug, name FROM tags WHERE id = ?`, id).Scan(&t.ID, &t.Slug, &t.Name)
	if errors.Is(err, sql.ErrNoRows) {
		return t, ErrNotFound
	}
	if err != nil {
		return t, fmt.Errorf("models: tag %d: %w", id, err)
	}
	return t, nil
}

// Rename gives a tag a new name and slug; a slug another tag has is
// ErrDuplicate (merge the two instead).
func (s *TagStore) Rename(ctx context.Context, id int64, name, slug string) error {
	var res sql.Result
	err := s.db.WithTx(ctx, func(tx *db.Tx) error {
		if err := tagChanged(ctx, tx, id); err != nil {
			return err
		}
		var err error
		res, err = tx.ExecContext(ctx, `UPDATE tags SET name = ?, slug = ? WHERE id = ?`, name, slug, id)
		return err
	})
	if isUnique(err) {
		return ErrDuplicate
	}
	if err != nil {
		return fmt.Errorf("models: rename tag: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// Merge gives every article tagged from the tag into, then deletes from.
func (s *TagStore) Merge(ctx context.Context, from, into int64) error {
	if from == into {
		return fmt.Errorf("models: merge a tag into itself")
	}
	return s.db.WithTx(ctx, func(tx *db.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM tags WHERE id IN (?, ?)`, from, into).Scan(&n); err != nil {
			return fmt.Errorf("models: check tags: %w", err)
		}
		if n != 2 {
			return ErrNotFound
		}
		changed(tx, TagTag(into))
		if err := tagChanged(ctx, tx, from); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO article_tags (article_id, tag_id)
			SELECT article_id, ? FROM article_tags WHERE tag_id = ?`, into, from); err != nil {
			return fmt.Errorf("models: merge tags: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM tags WHERE id = ?`, from); err != nil {
			return fmt.Errorf("models: delete merged tag: %w", err)
		}
		return nil
	})
}

// Delete removes a tag from every article and deletes it.
func (s *TagStore) Delete(ctx context.Context, id int64) error {
	var res sql.Result
	err := s.db.WithTx(ctx, func(tx *db.Tx) error {
		if err := tagChanged(ctx, tx, id); err != nil {
			return err
		}
		var err error
		res, err = tx.ExecContext(ctx, `DELETE FROM tags WHERE id = ?`, id)
		return err
	})
	if err != nil {
		return fmt.Errorf("models: delete tag: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}
