package models

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"html/template"
	"strings"
	"time"

	"github.com/newsroom/news/db"
)

// Revision is an article as it stood after one save.
type Revision struct {
	ID        int64
	ArticleID int64
	// Number counts the article's own revisions: 1 is its first save.
	Number       int
	Version      int
	UserName     string // who saved; empty when their account is gone
	Note         string // what they did
	Title        string
	Slug         string
	Summary      string
	BodyMD       string
	Source       string
	Status       string
	CategoryID   int64
	CategoryName string
	AuthorID     int64
	AuthorName   string
	Authors      string // every byline, in order, comma-separated; empty in revisions older than co-authors
	Featured     bool
	CommentsOpen bool
	PublishedAt  time.Time
	LeadMediaID  int64  // the lead picture; 0 for none
	Tags         string // names, comma-separated
	CreatedAt    time.Time
}

// maxRevisions bounds the revision list of one article.
const maxRevisions = 200

const revisionCols = `r.id, r.article_id,
	(SELECT COUNT(*) FROM revisions r2 WHERE r2.article_id = r.article_id AND r2.id <= r.id), r.version, COALESCE(u.name, ''), r.note, r.title, r.slug, r.summary,
	r.body_md, r.source, r.status, r.category_id, COALESCE(c.name, ''), r.author_id, COALESCE(au.name, ''),
	r.featured, r.comments_open, r.published_at, COALESCE(r.lead_media_id, 0), r.tags, r.authors, r.created_at
	FROM revisions r LEFT JOIN users u ON u.id = r.user_id LEFT JOIN categories c ON c.id = r.category_id
	LEFT JOIN users au ON au.id = r.author_id `

func scanRevision(row interface{ Scan(...any) error }) (Revision, error) {
	var r Revision
	var published sql.NullInt64
	var created int64
	err := row.Scan(&r.ID, &r.ArticleID, &r.Number, &r.Version, &r.UserName, &r.Note, &r.Title, &r.Slug, &r.Summary,
		&r.BodyMD, &r.Source, &r.Status, &r.CategoryID, &r.CategoryName, &r.AuthorID, &r.AuthorName,
		&r.Featured, &r.CommentsOpen, &published, &r.LeadMediaID, &r.Tags, &r.Authors, &created)
	if published.Valid {
		r.PublishedAt = time.Unix(published.Int64, 0).UTC()
	}
	r.CreatedAt = time.Unix(created, 0).UTC()
	return r, err
}

// Revisions returns an article's revisions, newest first.
func (s *ArticleStore) Revisions(ctx context.Context, articleID int64) ([]Revision, error) {
	rows, err := s.db.Query(ctx, `SELECT `+revisionCols+`WHERE r.article_id = ? ORDER BY r.id DESC LIMIT ?`,
		articleID, maxRevisions)
	if err != nil {
		return nil, fmt.Errorf("models: list revisions: %w", err)
	}
	defer rows.Close()
	var out []Revision
	for rows.Next() {
		r, err := scanRevision(rows)
		if err != nil {
			return nil, fmt.Errorf("models: scan revision: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Revision returns one revision of an article, or ErrNotFound.
func (s *ArticleStore) Revision(ctx context.Context, articleID, revID int64) (Revision, error) {
	r, err := scanRevision(s.db.QueryRow(ctx, `SELECT `+revisionCols+`WHERE r.article_id = ? AND r.id = ?`,
		articleID, revID))
	if errors.Is(err, sql.ErrNoRows) {
		return r, ErrNotFound
	}
	if err != nil {
		return r, fmt.Errorf("models: revision %d: %w", revID, err)
	}
	return r, nil
}

// RestoreRevision puts a revision's words back into the article: title,
// summary, body, source, section, tags, flags and lead picture (if it is
// still in the library). Its address, status, author and publish time stay
// as they are, so restoring never publishes or moves anything. The article as it was is already a revision, so nothing is lost.
func (s *ArticleStore) RestoreRevision(ctx context.Context, articleID, revID int64, by Editor) error {
	r, err := s.Revision(ctx, articleID, revID)
	if err != nil {
		return err
	}
	body, err := renderBody(ctx, s.db, r.BodyMD)
	if err != nil {
		return fmt.Errorf("models: render article: %w", err)
	}
	now := s.now().Unix()
	return s.db.WithTx(ctx, func(tx *db.Tx) error {
		return articleWrite(ctx, tx, articleID, now, func() error {
			return restore(ctx, tx, articleID, r, body, by, now)
		})
	})
}

// restore writes revision r (body rendered) over the article.
func restore(ctx context.Context, tx *db.Tx, articleID int64, r Revision, body template.HTML, by Editor, now int64) error {
	res, err := tx.ExecContext(ctx, `UPDATE articles SET title = ?, summary = ?, body_md = ?, body_html = ?,
			source = ?, featured = ?, comments_open = ?,
			category_id = COALESCE((SELECT id FROM categories WHERE id = ?), category_id),
			lead_media_id = (SELECT id FROM media WHERE id = ?),
			updated_at = ?, version = version + 1 WHERE id = ? AND status != 'trash'`,
		r.Title, r.Summary, r.BodyMD, string(body), r.Source, r.Featured, r.CommentsOpen, r.CategoryID,
		r.LeadMediaID, now, articleID)
	if err != nil {
		return fmt.Errorf("models: restore revision: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	if err := setArticleTags(ctx, tx, articleID, SplitTags(r.Tags)); err != nil {
		return err
	}
	return snapshot(ctx, tx, articleID, by, now)
}

// Bylines is the revision's authors as a byline reads.
func (r Revision) Bylines() string {
	if r.Authors == "" {
		return r.AuthorName
	}
	return JoinNames(SplitTags(r.Authors))
}

// SplitTags reads a comma-separated list of tag names.
func SplitTags(s string) []string {
	var out []string
	for _, t := range strings.Split(s, ",") {
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}
