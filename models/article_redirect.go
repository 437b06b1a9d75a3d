package models

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/newsroom/news/db"
)

// moveSlug keeps oldSlug as a redirect to the article when a live article
// changes slug; whatever slug the article takes stops redirecting elsewhere.
func moveSlug(ctx context.Context, tx *db.Tx, id int64, oldSlug, newSlug string, wasLive bool, at int64) error {
	if err := dropRedirect(ctx, tx, newSlug); err != nil {
		return err
	}
	if oldSlug == newSlug || !wasLive {
		return nil
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO article_redirects (old_slug, article_id, created_at) VALUES (?, ?, ?)
		ON CONFLICT (old_slug) DO UPDATE SET article_id = excluded.article_id, created_at = excluded.created_at`,
		oldSlug, id, at)
	if err != nil {
		return fmt.Errorf("models: keep old slug: %w", err)
	}
	return nil
}

// dropRedirect forgets slug as an old address, because an article now has it.
func dropRedirect(ctx context.Context, tx *db.Tx, slug string) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM article_redirects WHERE old_slug = ?`, slug); err != nil {
		return fmt.Errorf("models: drop redirect: %w", err)
	}
	return nil
}

// Redirected returns the live article that used to have slug, or ErrNotFound.
func (s *ArticleStore) Redirected(ctx context.Context, slug string) (Article, error) {
	var id int64
	err := s.db.QueryRow(ctx, `SELECT article_id FROM article_redirects WHERE old_slug = ?`, slug).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return Article{}, ErrNotFound
	}
	if err != nil {
		return Article{}, fmt.Errorf("models: redirect %q: %w", slug, err)
	}
	return s.PublishedByID(ctx, id)
}

// Redirected returns the section that used to have slug, or ErrNotFound.
func (s *CategoryStore) Redirected(ctx context.Context, slug string) (Category, error) {
	c, err := scanCategory(s.db.QueryRow(ctx, `SELECT `+categoryCols+` FROM categories
		WHERE id = (SELECT category_id FROM category_redirects WHERE old_slug = ?)`, slug))
	if errors.Is(err, sql.ErrNoRows) {
		return c, ErrNotFound
	}
	if err != nil {
		return c, fmt.Errorf("models: section redirect %q: %w", slug, err)
	}
	return c, nil
}
