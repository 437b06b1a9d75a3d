package models

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/newsroom/news/db"
)

// Publish makes the articles live now (a scheduled one at once; one
// published before keeps its date) and returns how many changed.
func (s *ArticleStore) Publish(ctx context.Context, ids []int64, by Editor) (int, error) {
	now := s.now().Unix()
	return s.changeStatus(ctx, ids, by, `status = 'published',
		published_at = CASE WHEN published_at IS NULL OR published_at > ?1 THEN ?1 ELSE published_at END`,
		`status IN ('draft', 'review') OR (status = 'published' AND published_at > ?1)`, now)
}

// Unpublish takes live or scheduled articles back to drafts.
func (s *ArticleStore) Unpublish(ctx context.Context, ids []int64, by Editor) (int, error) {
	return s.changeStatus(ctx, ids, by, `status = 'draft'`, `status = 'published'`, s.now().Unix())
}

// Trash moves articles to the trash, from which they can be restored until
// it is emptied.
func (s *ArticleStore) Trash(ctx context.Context, ids []int64, by Editor) (int, error) {
	return s.changeStatus(ctx, ids, by, `status = 'trash', trashed_at = ?1`, `status != 'trash'`, s.now().Unix())
}

// Untrash brings an article back from the trash as a draft.
func (s *ArticleStore) Untrash(ctx context.Context, id int64, by Editor) (int, error) {
	return s.changeStatus(ctx, []int64{id}, by, `status = 'draft', trashed_at = NULL`, `status = 'trash'`, s.now().Unix())
}

// changeStatus applies set to each article matching cond, bumping its
// version and last change and keeping a revision. ?1 in set and cond is now.
func (s *ArticleStore) changeStatus(ctx context.Context, ids []int64, by Editor, set, cond string, now int64) (int, error) {
	n := 0
	err := s.db.WithTx(ctx, func(tx *db.Tx) error {
		for _, id := range ids {
			if err := baseline(ctx, tx, id); err != nil {
				return err
			}
			var k int64
			err := articleWrite(ctx, tx, id, now, func() error {
				res, err := tx.ExecContext(ctx, `UPDATE articles SET `+set+`, updated_at = ?1, version = version + 1
					WHERE id = ?2 AND (`+cond+`)`, now, id)
				if err != nil {
					return fmt.Errorf("models: change status of %d: %w", id, err)
				}
				k, _ = res.RowsAffected()
				return nil
			})
			if err != nil {
				return err
			}
			if k == 0 {
				continue
			}
			n++
			if err := snapshot(ctx, tx, id, by, now); err != nil {
				return err
			}
		}
		return nil
	})
	return n, err
}

// DeleteForever deletes articles that are in the trash, with their
// comments, revisions and corrections. Articles not in the trash are left.
func (s *ArticleStore) DeleteForever(ctx context.Context, ids []int64) (int, error) {
	if len(ids) == 0 {
		return 0, nil
	}
	q, args := inList(ids)
	res, err := s.db.Exec(ctx, `DELETE FROM articles WHERE status = 'trash' AND id IN (`+q+`)`, args...)
	if err != nil {
		return 0, fmt.Errorf("models: delete articles: %w", err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}

// EmptyTrash deletes every article in the trash.
func (s *ArticleStore) EmptyTrash(ctx context.Context) (int, error) {
	res, err := s.db.Exec(ctx, `DELETE FROM articles WHERE status = 'trash'`)
	if err != nil {
		return 0, fmt.Errorf("models: empty trash: %w", err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}

// StatusCounts returns how many articles have each newsroom state
// (scheduled counted apart from published), optionally of one author's
// articles, co-written ones included.
func (s *ArticleStore) StatusCounts(ctx context.Context, authorID int64) (map[string]int, error) {
	rows, err := s.db.Query(ctx, `SELECT CASE WHEN status = 'published' AND published_at > ?1
			THEN 'scheduled' ELSE status END AS st, COUNT(*) FROM articles
		WHERE ?2 = 0 OR id IN (SELECT article_id FROM article_authors WHERE user_id = ?2) GROUP BY st`, s.now().Unix(), authorID)
	if err != nil {
		return nil, fmt.Errorf("models: count articles: %w", err)
	}
	return scanCounts(rows)
}

// scanCounts reads (key, count) rows into a map and closes rows.
func scanCounts(rows *sql.Rows) (map[string]int, error) {
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var k string
		var n int
		if err := rows.Scan(&k, &n); err != nil {
			return nil, fmt.Errorf("models: scan count: %w", err)
		}
		out[k] = n
	}
	return out, rows.Err()
}
