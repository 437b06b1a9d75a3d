package models

import (
	"context"
	"fmt"
	"time"

	"github.com/newsroom/news/db"
)

// readsKept is how long hourly read counts are kept: a week and a day, the
// longest "Most read" list and the hours of the day it began in.
const readsKept = 8 * 24 * time.Hour

// AddReads adds counts (reads by article id) to the hour of at, in one
// transaction, and forgets counts older than readsKept. Ids of articles
// that do not exist are ignored. The write drops no cached page: most-read
// lists change by time, so the transaction names no tag.
func (s *ArticleStore) AddReads(ctx context.Context, counts map[int64]int, at time.Time) error {
	if len(counts) == 0 {
		return nil
	}
	hour := at.Unix() / 3600
	return s.db.WithTx(ctx, func(tx *db.Tx) error {
		for id, n := range counts {
			_, err := tx.ExecContext(ctx, `INSERT INTO article_reads (article_id, hour, reads)
				SELECT id, ?, ? FROM articles WHERE id = ?
				ON CONFLICT (article_id, hour) DO UPDATE SET reads = reads + excluded.reads`, hour, n, id)
			if err != nil {
				return fmt.Errorf("models: add reads: %w", err)
			}
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM article_reads WHERE hour < ?`, at.Add(-readsKept).Unix()/3600)
		if err != nil {
			return fmt.Errorf("models: forget old reads: %w", err)
		}
		return nil
	})
}

// MostRead returns up to n live articles read most since since, most read
// first.
func (s *ArticleStore) MostRead(ctx context.Context, since time.Time, n int) ([]Article, error) {
	return s.query(ctx, `WITH top AS (
			SELECT article_id, SUM(reads) AS n FROM article_reads WHERE hour >= ?
			GROUP BY article_id ORDER BY n DESC LIMIT ?)
		SELECT `+listCols+` FROM top CROSS JOIN articles a ON a.id = top.article_id
			JOIN categories c ON c.id = a.category_id JOIN users u ON u.id = a.author_id
			LEFT JOIN article_stats st ON st.article_id = a.id
		WHERE`+visible+`ORDER BY top.n DESC, a.published_at DESC LIMIT ?`, since.Unix()/3600, n*2, s.now().Unix(), n)
}
