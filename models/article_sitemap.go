package models

import (
	"context"
	"fmt"
	"time"
)

// SitemapSize is the most addresses one sitemap file may list.
const SitemapSize = 50000

// SitemapEntry is one live article's address and when it last changed.
type SitemapEntry struct {
	Section string
	Slug    string
	LastMod time.Time
}

// URL is the article's address.
func (e SitemapEntry) URL() string { return "/" + e.Section + "/" + e.Slug }

// SitemapPages splits the live articles, oldest first, into pages of size
// and returns when each page last changed; its length is the page count.
func (s *ArticleStore) SitemapPages(ctx context.Context, size int) ([]time.Time, error) {
	rows, err := s.db.Query(ctx, `SELECT MAX(m) FROM (
			SELECT (ROW_NUMBER() OVER (ORDER BY a.id) - 1) / ? AS page, MAX(a.published_at, a.updated_at) AS m
			FROM articles a INDEXED BY articles_sitemap
			WHERE a.status = 'published' AND a.published_at <= ?)
		GROUP BY page ORDER BY page`, size, s.now().Unix())
	if err != nil {
		return nil, fmt.Errorf("models: sitemap pages: %w", err)
	}
	defer rows.Close()
	var out []time.Time
	for rows.Next() {
		var m int64
		if err := rows.Scan(&m); err != nil {
			return nil, fmt.Errorf("models: scan sitemap page: %w", err)
		}
		out = append(out, time.Unix(m, 0).UTC())
	}
	return out, rows.Err()
}

// SitemapEntries returns page n (from 1) of the live articles split as by
// SitemapPages.
func (s *ArticleStore) SitemapEntries(ctx context.Context, n, size int) ([]SitemapEntry, error) {
	rows, err := s.db.Query(ctx, `SELECT c.slug, a.slug, MAX(a.published_at, a.updated_at)
		FROM articles a INDEXED BY articles_sitemap JOIN categories c ON c.id = a.category_id
		WHERE a.status = 'published' AND a.published_at <= ?
		ORDER BY a.id LIMIT ? OFFSET ?`, s.now().Unix(), size, (n-1)*size)
	if err != nil {
		return nil, fmt.Errorf("models: sitemap: %w", err)
	}
	defer rows.Close()
	var out []SitemapEntry
	for rows.Next() {
		var e SitemapEntry
		var m int64
		if err := rows.Scan(&e.Section, &e.Slug, &m); err != nil {
			return nil, fmt.Errorf("models: scan sitemap entry: %w", err)
		}
		e.LastMod = time.Unix(m, 0).UTC()
		out = append(out, e)
	}
	return out, rows.Err()
}

// SectionsLastMod returns when each section's newest live article last
// changed, by section id; sections with none are left out.
func (s *ArticleStore) SectionsLastMod(ctx context.Context) (map[int64]time.Time, error) {
	rows, err := s.db.Query(ctx, `SELECT a.category_id, MAX(MAX(a.published_at, a.updated_at))
		FROM articles a INDEXED BY articles_sitemap
		WHERE a.status = 'published' AND a.published_at <= ? GROUP BY a.category_id`, s.now().Unix())
	if err != nil {
		return nil, fmt.Errorf("models: sections last changed: %w", err)
	}
	defer rows.Close()
	out := map[int64]time.Time{}
	for rows.Next() {
		var id, m int64
		if err := rows.Scan(&id, &m); err != nil {
			return nil, fmt.Errorf("models: scan section change: %w", err)
		}
		out[id] = time.Unix(m, 0).UTC()
	}
	return out, rows.Err()
}

// AuthorsLastMod returns the address of every author page with at least one
// live article (co-written ones included) and when their newest went live,
// by name.
func (s *ArticleStore) AuthorsLastMod(ctx context.Context) ([]SitemapEntry, error) {
	rows, err := s.db.Query(ctx, `SELECT slug, m FROM (SELECT u.slug, u.name,
			(SELECT MAX(aa.published_at) FROM article_authors aa WHERE aa.user_id = u.id AND aa.published_at <= ?) AS m
			FROM users u) WHERE m IS NOT NULL ORDER BY name COLLATE NOCASE, slug`, s.now().Unix())
	if err != nil {
		return nil, fmt.Errorf("models: author sitemap: %w", err)
	}
	defer rows.Close()
	var out []SitemapEntry
	for rows.Next() {
		e := SitemapEntry{Section: "author"}
		var m int64
		if err := rows.Scan(&e.Slug, &m); err != nil {
			return nil, fmt.Errorf("models: scan author sitemap: %w", err)
		}
		e.LastMod = time.Unix(m, 0).UTC()
		out = append(out, e)
	}
	return out, rows.Err()
}
