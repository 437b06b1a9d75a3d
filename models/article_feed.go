package models

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// LatestFull returns the n newest live articles with their bodies, of one
// section, tag or author (as f says) or, with f zero, of the whole site:
// what a feed carries.
func (s *ArticleStore) LatestFull(ctx context.Context, f ListFilter, n int) ([]Article, error) {
	where, args := `WHERE`+visible, []any{s.now().Unix()}
	switch {
	case f.CategoryID != 0:
		where += `AND a.category_id = ? `
		args = append(args, f.CategoryID)
	case f.TagID != 0:
		where += `AND a.id IN (SELECT article_id FROM article_tags WHERE tag_id = ?) `
		args = append(args, f.TagID)
	case f.AuthorID != 0:
		where += `AND a.author_id = ? `
		args = append(args, f.AuthorID)
	}
	return s.query(ctx, `SELECT `+fullCols+articleJoins+where+
		`ORDER BY a.published_at DESC, a.id DESC LIMIT ?`, append(args, n)...)
}

// PublishedSince returns up to n live articles published at or after
// since, newest first.
func (s *ArticleStore) PublishedSince(ctx context.Context, since time.Time, n int) ([]Article, error) {
	return s.query(ctx, `SELECT `+listCols+articleJoins+`WHERE`+visible+`AND a.published_at >= ?
		ORDER BY a.published_at DESC, a.id DESC LIMIT ?`, s.now().Unix(), since.Unix(), n)
}

// ForArticles returns the tags of each of the articles, by article id.
func (s *TagStore) ForArticles(ctx context.Context, ids []int64) (map[int64][]Tag, error) {
	out := map[int64][]Tag{}
	if len(ids) == 0 {
		return out, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	marks := strings.TrimSuffix(strings.Repeat("?,", len(ids)), ",")
	rows, err := s.db.Query(ctx, `SELECT at.article_id, t.id, t.slug, t.name FROM article_tags at
		JOIN tags t ON t.id = at.tag_id WHERE at.article_id IN (`+marks+`) ORDER BY t.name`, args...)
	if err != nil {
		return nil, fmt.Errorf("models: tags of articles: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var t Tag
		if err := rows.Scan(&id, &t.ID, &t.Slug, &t.Name); err != nil {
			return nil, fmt.Errorf("models: scan tag: %w", err)
		}
		out[id] = append(out[id], t)
	}
	return out, rows.Err()
}

// wordsPerMinute is a typical adult reading speed for news copy.
const wordsPerMinute = 230

// ReadingMinutes estimates how long the article takes to read, at least
// one minute.
func (a Article) ReadingMinutes() int {
	words := len(strings.Fields(PlainText(a.BodyHTML)))
	return max(1, (words+wordsPerMinute-1)/wordsPerMinute)
}
