package models

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// NextScheduled returns the publish time of the first scheduled article
// after the moment after: the next moment reader pages change by time
// alone. ok is false when nothing is scheduled. It reads one row off the
// articles_published index.
func (s *ArticleStore) NextScheduled(ctx context.Context, after time.Time) (t time.Time, ok bool, err error) {
	var at sql.NullInt64
	err = s.db.QueryRow(ctx, `SELECT MIN(published_at) FROM articles
		WHERE status = 'published' AND published_at > ?`, after.Unix()).Scan(&at)
	if err != nil {
		return time.Time{}, false, fmt.Errorf("models: next scheduled: %w", err)
	}
	if !at.Valid {
		return time.Time{}, false, nil
	}
	return time.Unix(at.Int64, 0).UTC(), true, nil
}
