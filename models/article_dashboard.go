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

// dashboardListSize is how many articles each dashboard list shows.
const dashboardListSize = 8

// DashboardLists are the articles the newsroom's front page says need
// doing: waiting for review (oldest first), scheduled (soonest first) and
// the signed-in user's drafts (last changed first).
type DashboardLists struct {
	Review, Scheduled, MyDrafts []Article
}

// DashboardQueues loads the dashboard's lists for the user userID.
func (s *ArticleStore) DashboardQueues(ctx context.Context, userID int64) (DashboardLists, error) {
	var d DashboardLists
	var err error
	now := s.now().Unix()
	if d.Review, err = s.query(ctx, `SELECT `+listCols+articleJoins+`WHERE a.status = 'review'
		ORDER BY a.updated_at, a.id LIMIT ?`, dashboardListSize); err != nil {
		return d, err
	}
	if d.Scheduled, err = s.query(ctx, `SELECT `+listCols+articleJoins+`WHERE a.status = 'published' AND a.published_at > ?
		ORDER BY a.published_at, a.id LIMIT ?`, now, dashboardListSize); err != nil {
		return d, err
	}
	d.MyDrafts, err = s.query(ctx, `SELECT `+listCols+articleJoins+`WHERE a.status = 'draft'
		AND a.id IN (SELECT article_id FROM article_authors WHERE user_id = ?)
		ORDER BY a.updated_at DESC, a.id DESC LIMIT ?`, userID, dashboardListSize)
	return d, err
}
