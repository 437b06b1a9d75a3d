package models

import (
	"context"
	"fmt"
)

// DashboardCounts are the figures on the newsroom's front page.
type DashboardCounts struct {
	Drafts, InReview, Scheduled, Published, PendingComments int
}

// Dashboard counts articles by status and comments waiting for moderation.
func (s *ArticleStore) Dashboard(ctx context.Context) (DashboardCounts, error) {
	var d DashboardCounts
	now := s.now().Unix()
	err := s.db.QueryRow(ctx, `SELECT
		(SELECT COUNT(*) FROM articles WHERE status = 'draft'),
		(SELECT COUNT(*) FROM articles WHERE status = 'review'),
		(SELECT COUNT(*) FROM articles WHERE status = 'published' AND published_at > ?),
		(SELECT COUNT(*) FROM articles WHERE status = 'published' AND published_at <= ?),
		(SELECT COUNT(*) FROM comments WHERE status = 'pending')`, now, now).Scan(
		&d.Drafts, &d.InReview, &d.Scheduled, &d.Published, &d.PendingComments)
	if err != nil {
		return d, fmt.Errorf("models: dashboard counts: %w", err)
	}
	return d, nil
}
