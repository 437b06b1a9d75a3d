package models

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/newsroom/news/db"
)

// Tag labels articles on one subject across sections.
type Tag struct {
	ID   int64
	Slug string
	Name string
}

// URL is the tag's page.
func (t Tag) URL() string { return "/tag/" + t.Slug }

// TagStore loads tags.
type TagStore struct{ db *db.DB }

// NewTagStore returns a store over d.
func NewTagStore(d *db.DB) *TagStore { return &TagStore{db: d} }

// BySlug returns the tag with that slug, or ErrNotFound.
func (s *TagStore) BySlug(ctx context.Context, slug string) (Tag, error) {
	var t Tag
	err := s.db.QueryRow(ctx, `SELECT id, slug, name FROM tags WHERE slug = ?`, slug).Scan(&t.ID, &t.Slug, &t.Name)
	if errors.Is(err, sql.ErrNoRows) {
		return t, ErrNotFound
	}
	if err != nil {
		return t, fmt.Errorf("models: tag %q: %w", slug, err)
	}
	return t, nil
}

// ForArticle returns an article's tags by name.
func (s *TagStore) ForArticle(ctx context.Context, articleID int64) ([]Tag, error) {
	rows, err := s.db.Query(ctx, `SELECT t.id, t.slug, t.name FROM article_tags at
		JOIN tags t ON t.id = at.tag_id WHERE at.article_id = ? ORDER BY t.name`, articleID)
	if err != nil {
		return nil, fmt.Errorf("models: article tags: %w", err)
	}
	defer rows.Close()
	var out []Tag
	for rows.Next() {
		var t Tag
		if err := rows.Scan(&t.ID, &t.Slug, &t.Name); err != nil {
			return nil, fmt.Errorf("models: scan tag: %w", err)
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// setArticleTags replaces an article's tags with names, creating tags that
// do not exist yet. Names that slug to the same tag count once.
func setArticleTags(ctx context.Context, tx *db.Tx, articleID int64, names []string) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM article_tags WHERE article_id = ?`, articleID); err != nil {
		return fmt.Errorf("models: clear tags: %w", err)
	}
	for _, name := range names {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		slug := Slugify(name)
		var id int64
		err := tx.QueryRowContext(ctx, `INSERT INTO tags (slug, name) VALUES (?, ?)
			ON CONFLICT (slug) DO UPDATE SET slug = excluded.slug RETURNING id`, slug, name).Scan(&id)
		if err != nil {
			return fmt.Errorf("models: tag %q: %w", name, err)
		}
		_, err = tx.ExecContext(ctx, `INSERT OR IGNORE INTO article_tags (article_id, tag_id) VALUES (?, ?)`, articleID, id)
		if err != nil {
			return fmt.Errorf("models: tag article: %w", err)
		}
	}
	return nil
}
