package models

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/newsroom/news/db"
)

// SectionRow is a section with how many articles (of any status) it holds.
type SectionRow struct {
	Category
	Articles int
}

// WithCounts returns every section in navigation order with its article count.
func (s *CategoryStore) WithCounts(ctx context.Context) ([]SectionRow, error) {
	rows, err := s.db.Query(ctx, `SELECT c.id, c.slug, c.name, c.description, c.position, c.in_nav,
		(SELECT COUNT(*) FROM articles a WHERE a.category_id = c.id) FROM categories c ORDER BY c.position, c.name`)
	if err != nil {
		return nil, fmt.Errorf("models: list sections: %w", err)
	}
	defer rows.Close()
	var out []SectionRow
	for rows.Next() {
		var r SectionRow
		if err := rows.Scan(&r.ID, &r.Slug, &r.Name, &r.Description, &r.Position, &r.InNav, &r.Articles); err != nil {
			return nil, fmt.Errorf("models: scan section: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// ByID returns the section with that id, or ErrNotFound.
func (s *CategoryStore) ByID(ctx context.Context, id int64) (Category, error) {
	c, err := scanCategory(s.db.QueryRow(ctx, `SELECT `+categoryCols+` FROM categories WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return c, ErrNotFound
	}
	if err != nil {
		return c, fmt.Errorf("models: section %d: %w", id, err)
	}
	return c, nil
}

// Update renames a section. When its slug changes, the old one keeps
// redirecting to it; a slug another section has is ErrDuplicate.
func (s *CategoryStore) Update(ctx context.Context, id int64, in CategoryInput) error {
	return s.db.WithTx(ctx, func(tx *db.Tx) error {
		var old string
		err := tx.QueryRowContext(ctx, `SELECT slug FROM categories WHERE id = ?`, id).Scan(&old)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return fmt.Errorf("models: load section: %w", err)
		}
		_, err = tx.ExecContext(ctx, `UPDATE categories SET name = ?, slug = ?, description = ? WHERE id = ?`,
			in.Name, in.Slug, in.Description, id)
		if isUnique(err) {
			return ErrDuplicate
		}
		if err != nil {
			return fmt.Errorf("models: update section: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM category_redirects WHERE old_slug = ?`, in.Slug); err != nil {
			return fmt.Errorf("models: drop section redirect: %w", err)
		}
		sectionsChanged(tx, id)
		if old == in.Slug {
			return nil
		}
		return keepSectionSlug(ctx, tx, old, id)
	})
}

func keepSectionSlug(ctx context.Context, tx *db.Tx, old string, id int64) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO category_redirects (old_slug, category_id) VALUES (?, ?)
		ON CONFLICT (old_slug) DO UPDATE SET category_id = excluded.category_id`, old, id)
	if err != nil {
		return fmt.Errorf("models: keep section slug: %w", err)
	}
	return nil
}

// SetInNav puts a section in the navigation or keeps it out. Every page
// shows the navigation, so it names the chrome.
func (s *CategoryStore) SetInNav(ctx context.Context, id int64, in bool) error {
	return s.db.WithTx(ctx, func(tx *db.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE categories SET in_nav = ? WHERE id = ?`, in, id)
		if err != nil {
			return fmt.Errorf("models: section navigation: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		changed(tx, TagChrome, SectionTag(id))
		return nil
	})
}

// Move moves a section one place up (by < 0) or down in the navigation.
func (s *CategoryStore) Move(ctx context.Context, id int64, by int) error {
	all, err := s.All(ctx)
	if err != nil {
		return err
	}
	i := -1
	for k, c := range all {
		if c.ID == id {
			i = k
		}
	}
	if i < 0 {
		return ErrNotFound
	}
	j := i + 1
	if by < 0 {
		j = i - 1
	}
	if j < 0 || j >= len(all) {
		return nil
	}
	all[i], all[j] = all[j], all[i]
	return s.db.WithTx(ctx, func(tx *db.Tx) error {
		for k, c := range all {
			if _, err := tx.ExecContext(ctx, `UPDATE categories SET position = ? WHERE id = ?`, k+1, c.ID); err != nil {
				return fmt.Errorf("models: reorder sections: %w", err)
			}
		}
		sectionsChanged(tx)
		return nil
	})
}

// Delete removes a section, first moving its articles (and its old
// addresses) to the section moveTo. It returns how many articles moved.
func (s *CategoryStore) Delete(ctx context.Context, id, moveTo int64) (int, error) {
	if id == moveTo {
		return 0, fmt.Errorf("models: move articles to the section being deleted")
	}
	n := 0
	err := s.db.WithTx(ctx, func(tx *db.Tx) error {
		var slug string
		err := tx.QueryRowContext(ctx, `SELECT slug FROM categories WHERE id = ?`, id).Scan(&slug)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return fmt.Errorf("models: load section: %w", err)
		}
		res, err := tx.ExecContext(ctx, `UPDATE articles SET category_id = ? WHERE category_id = ?`, moveTo, id)
		if err != nil {
			return fmt.Errorf("models: move articles: %w", err)
		}
		k, _ := res.RowsAffected()
		n = int(k)
		if _, err := tx.ExecContext(ctx, `UPDATE category_redirects SET category_id = ? WHERE category_id = ?`, moveTo, id); err != nil {
			return fmt.Errorf("models: move section redirects: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM categories WHERE id = ?`, id); err != nil {
			return fmt.Errorf("models: delete section: %w", err)
		}
		sectionsChanged(tx, id, moveTo)
		return keepSectionSlug(ctx, tx, slug, moveTo)
	})
	return n, err
}
