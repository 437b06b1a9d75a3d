package models

import (
	"context"
	"fmt"
	"time"

	"github.com/newsroom/news/db"
)

// MaxCorrectionLen bounds a correction note.
const MaxCorrectionLen = 2000

// Correction is a dated note an editor added to a published article.
type Correction struct {
	ID        int64
	Note      string // plain text
	CreatedAt time.Time
	Article   Article // title and address only
}

// AddCorrection adds a correction to a published article and marks the
// article updated. An article that is not published is ErrNotFound.
func (s *ArticleStore) AddCorrection(ctx context.Context, articleID int64, note string, by Editor) error {
	now := s.now().Unix()
	var user any
	if by.ID != 0 {
		user = by.ID
	}
	return s.db.WithTx(ctx, func(tx *db.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE articles SET updated_at = ? WHERE id = ? AND status = 'published'`, now, articleID)
		if err != nil {
			return fmt.Errorf("models: mark article updated: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO corrections (article_id, user_id, note, created_at) VALUES (?, ?, ?, ?)`,
			articleID, user, note, now)
		if err != nil {
			return fmt.Errorf("models: add correction: %w", err)
		}
		changed(tx, ArticleTag(articleID))
		return nil
	})
}

const correctionQuery = `SELECT k.id, k.note, k.created_at, a.id, a.slug, a.title, c.slug, c.name
	FROM corrections k JOIN articles a ON a.id = k.article_id JOIN categories c ON c.id = a.category_id `

func (s *ArticleStore) corrections(ctx context.Context, q string, args ...any) ([]Correction, error) {
	rows, err := s.db.Query(ctx, correctionQuery+q, args...)
	if err != nil {
		return nil, fmt.Errorf("models: list corrections: %w", err)
	}
	defer rows.Close()
	var out []Correction
	for rows.Next() {
		var k Correction
		var at int64
		a := &k.Article
		if err := rows.Scan(&k.ID, &k.Note, &at, &a.ID, &a.Slug, &a.Title, &a.Category.Slug, &a.Category.Name); err != nil {
			return nil, fmt.Errorf("models: scan correction: %w", err)
		}
		k.CreatedAt = time.Unix(at, 0).UTC()
		out = append(out, k)
	}
	return out, rows.Err()
}

// Corrections returns an article's corrections, oldest first.
func (s *ArticleStore) Corrections(ctx context.Context, articleID int64) ([]Correction, error) {
	return s.corrections(ctx, `WHERE k.article_id = ? ORDER BY k.created_at, k.id`, articleID)
}

// AllCorrections returns one page of the corrections to live articles,
// newest first.
func (s *ArticleStore) AllCorrections(ctx context.Context, page int) ([]Correction, Pager, error) {
	p := Pager{Page: page, Size: AdminPageSize}
	list, err := s.corrections(ctx, `WHERE a.status = 'published' AND a.published_at <= ?
		ORDER BY k.created_at DESC, k.id DESC LIMIT ? OFFSET ?`, s.now().Unix(), p.Size+1, p.Offset())
	if err != nil {
		return nil, p, err
	}
	if len(list) > p.Size {
		p.HasNext = true
		list = list[:p.Size]
	}
	return list, p, nil
}
