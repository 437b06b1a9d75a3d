package models

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"html/template"
	"time"

	"github.com/newsroom/news/db"
)

// Article statuses as stored.
const (
	StatusDraft     = "draft"
	StatusReview    = "review"
	StatusPublished = "published"
	StatusTrash     = "trash"
)

// Article is one story with what a page needs to show it.
type Article struct {
	ID           int64
	Slug         string
	Title        string
	Summary      string
	BodyMD       string
	BodyHTML     template.HTML
	Source       string
	Status       string
	Featured     bool
	CommentsOpen bool
	PublishedAt  time.Time // zero when never published
	UpdatedAt    time.Time
	CreatedAt    time.Time
	Version      int
	Category     Category
	Author       User   // the lead author
	Authors      []User // every byline in order, the lead first, when loaded
	CommentCount int    // approved comments
	// Lead is the article's lead image, when it has one and it was loaded.
	Lead *Media
	// Coverage is the article's live coverage, if it was ever live.
	Coverage Coverage
}

// URL is the article's readable, stable address.
func (a Article) URL() string { return "/" + a.Category.Slug + "/" + a.Slug }

// WasUpdated reports whether the article changed after it was published.
func (a Article) WasUpdated() bool {
	return !a.PublishedAt.IsZero() && a.UpdatedAt.Sub(a.PublishedAt) > time.Minute
}

// ArticleStore loads and saves articles. Reader queries only ever return
// published articles whose time has come.
type ArticleStore struct {
	db  *db.DB
	now func() time.Time
}

// NewArticleStore returns a store over d; now is the clock that decides
// which scheduled articles are live (time.Now outside tests).
func NewArticleStore(d *db.DB, now func() time.Time) *ArticleStore {
	return &ArticleStore{db: d, now: now}
}

// listCols leaves out the bodies, which lists never show. The comment count
// is kept in article_stats by triggers on comments (migration 0007).
const listCols = `a.id, a.slug, a.title, a.summary, '', '', a.source, a.status, a.featured,
	a.comments_open, a.published_at, a.updated_at, a.created_at, a.version,
	c.id, c.slug, c.name, u.id, u.name, u.slug,
COALESCE(st.comment_count, 0), a.live_start, a.live_end`

const fullCols = `a.id, a.slug, a.title, a.summary, a.body_md, a.body_html, a.source, a.status, a.featured,
	a.comments_open, a.published_at, a.updated_at, a.created_at, a.version,
	c.id, c.slug, c.name, u.id, u.name, u.slug,
COALESCE(st.comment_count, 0), a.live_start, a.live_end`

const articleJoins = ` FROM articles a JOIN categories c ON c.id = a.category_id JOIN users u ON u.id = a.author_id
	LEFT JOIN article_stats st ON st.article_id = a.id `

// visible is the condition every reader query carries.
const visible = ` a.status = 'published' AND a.published_at <= ? `

// scanArticle reads listCols or fullCols, then any extra columns a query
// selects after them into extra.
func scanArticle(row interface{ Scan(...any) error }, extra ...any) (Article, error) {
	var a Article
	var body string
	var published, liveStart, liveEnd sql.NullInt64
	var updated, created int64
	dest := []any{&a.ID, &a.Slug, &a.Title, &a.Summary, &a.BodyMD, &body, &a.Source, &a.Status,
		&a.Featured, &a.CommentsOpen, &published, &updated, &created, &a.Version,
		&a.Category.ID, &a.Category.Slug, &a.Category.Name, &a.Author.ID, &a.Author.Name, &a.Author.Slug,
		&a.CommentCount, &liveStart, &liveEnd}
	err := row.Scan(append(dest, extra...)...)
	if err != nil {
		return a, err
	}
	a.BodyHTML = trustedHTML(body)
	if published.Valid {
		a.PublishedAt = time.Unix(published.Int64, 0).UTC()
	}
	a.UpdatedAt = time.Unix(updated, 0).UTC()
	a.CreatedAt = time.Unix(created, 0).UTC()
	a.Coverage = coverageOf(liveStart, liveEnd)
	return a, nil
}

func (s *ArticleStore) query(ctx context.Context, q string, args ...any) ([]Article, error) {
	rows, err := s.db.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("models: query articles: %w", err)
	}
	defer rows.Close()
	var out []Article
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, fmt.Errorf("models: scan article: %w", err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, withAuthors(ctx, s.db, out)
}

// PublishedBySlug returns the live article with that slug, or ErrNotFound
// for drafts, scheduled articles and unknown slugs alike.
func (s *ArticleStore) PublishedBySlug(ctx context.Context, slug string) (Article, error) {
	a, err := scanArticle(s.db.QueryRow(ctx, `SELECT `+fullCols+articleJoins+
		`WHERE a.slug = ? AND`+visible, slug, s.now().Unix()))
	if errors.Is(err, sql.ErrNoRows) {
		return a, ErrNotFound
	}
	if err != nil {
		return a, fmt.Errorf("models: article %q: %w", slug, err)
	}
	return s.withBylines(ctx, a)
}

// ListFilter narrows a list of published articles; zero fields do not.
type ListFilter struct {
	CategoryID int64
	TagID      int64
	AuthorID   int64
}

// ListPublished returns one page of live articles, newest first.
func (s *ArticleStore) ListPublished(ctx context.Context, f ListFilter, page int) ([]Article, Pager, error) {
	p := Pager{Page: page, Size: PageSize}
	now := s.now().Unix()
	from, where, args := articleJoins, `WHERE`+visible, []any{now}
	order := `ORDER BY a.published_at DESC, a.id DESC `
	switch {
	case f.TagID != 0:
		// article_tags.published_at mirrors the article's publish time while
		// it is published (triggers in migration 0007), so a tag's page
		// comes off the article_tags_listing index alone.
		from = ` FROM article_tags t CROSS JOIN articles a ON a.id = t.article_id
			JOIN categories c ON c.id = a.category_id JOIN users u ON u.id = a.author_id
			LEFT JOIN article_stats st ON st.article_id = a.id `
		where, args = `WHERE t.tag_id = ? AND t.published_at <= ? `, []any{f.TagID, now}
		order = `ORDER BY t.published_at DESC, t.article_id DESC `
	case f.CategoryID != 0:
		where += `AND a.category_id = ? `
		args = append(args, f.CategoryID)
	case f.AuthorID != 0:
		// Every article the author wrote or co-wrote, newest first, off
		// the article_authors_listing index (migration 0009).
		from = ` FROM article_authors aa CROSS JOIN articles a ON a.id = aa.article_id
			JOIN categories c ON c.id = a.category_id JOIN users u ON u.id = a.author_id
			LEFT JOIN article_stats st ON st.article_id = a.id `
		where, args = `WHERE aa.user_id = ? AND aa.published_at <= ? `, []any{f.AuthorID, now}
		order = `ORDER BY aa.published_at DESC, aa.article_id DESC `
	}
	args = append(args, p.Size+1, p.Offset())
	list, err := s.query(ctx, `SELECT `+listCols+from+where+order+`LIMIT ? OFFSET ?`, args...)
	if err != nil {
		return nil, p, err
	}
	if len(list) > p.Size {
		p.HasNext = true
		list = list[:p.Size]
	}
	return list, p, nil
}

// Latest returns the n newest live articles.
func (s *ArticleStore) Latest(ctx context.Context, n int) ([]Article, error) {
	return s.query(ctx, `SELECT `+listCols+articleJoins+`WHERE`+visible+
		`ORDER BY a.published_at DESC, a.id DESC LIMIT ?`, s.now().Unix(), n)
}

// LatestInCategory returns the n newest live articles of one section.
func (s *ArticleStore) LatestInCategory(ctx context.Context, categoryID int64, n int) ([]Article, error) {
	return s.query(ctx, `SELECT `+listCols+articleJoins+`WHERE a.category_id = ? AND`+visible+
		`ORDER BY a.published_at DESC, a.id DESC LIMIT ?`, categoryID, s.now().Unix(), n)
}

// Lead returns the front page's lead story: the newest featured article, or
// the newest of all when none is featured. ErrNotFound on an empty site.
func (s *ArticleStore) Lead(ctx context.Context) (Article, error) {
	now := s.now().Unix()
	list, err := s.query(ctx, `SELECT `+listCols+articleJoins+`WHERE a.featured = 1 AND`+visible+
		`ORDER BY a.published_at DESC, a.id DESC LIMIT 1`, now)
	if err == nil && len(list) == 0 {
		list, err = s.query(ctx, `SELECT `+listCols+articleJoins+`WHERE`+visible+
			`ORDER BY a.published_at DESC, a.id DESC LIMIT 1`, now)
	}
	if err != nil {
		return Article{}, err
	}
	if len(list) == 0 {
		return Article{}, ErrNotFound
	}
	return list[0], nil
}

// withBylines fills one article's Authors.
func (s *ArticleStore) withBylines(ctx context.Context, a Article) (Article, error) {
	list := []Article{a}
	if err := withAuthors(ctx, s.db, list); err != nil {
		return a, err
	}
	return list[0], nil
}
