package models

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/newsroom/news/db"
)

// Coverage is an article's live coverage: when it started and, once it is
// over, when it ended. The zero value is an article never covered live.
type Coverage struct {
	Start time.Time
	End   time.Time // zero while the coverage runs
}

// Live reports whether the coverage runs now.
func (c Coverage) Live() bool { return !c.Start.IsZero() && c.End.IsZero() }

// Ever reports whether the article was ever covered live.
func (c Coverage) Ever() bool { return !c.Start.IsZero() }

// IsLive reports whether the article is covered live now.
func (a Article) IsLive() bool { return a.Coverage.Live() }

func coverageOf(start, end sql.NullInt64) Coverage {
	var c Coverage
	if start.Valid {
		c.Start = time.Unix(start.Int64, 0).UTC()
	}
	if end.Valid {
		c.End = time.Unix(end.Int64, 0).UTC()
	}
	return c
}

var (
	// ErrNotLive means posting to an article whose coverage is not running.
	ErrNotLive = errors.New("models: the article is not live")
	// ErrEntryText means an entry's text is empty or too long.
	ErrEntryText = errors.New("models: an entry needs text, at most 5000 characters")
)

// LiveStore loads and saves live coverage and its entries.
type LiveStore struct {
	db  *db.DB
	now func() time.Time
}

// NewLiveStore returns a store over d; now stamps entries and coverage.
func NewLiveStore(d *db.DB, now func() time.Time) *LiveStore {
	return &LiveStore{db: d, now: now}
}

// StartCoverage switches an article to live. follows, when not 0, is the
// article the coverage continues, whose page then links to it. Starting
// coverage that ended runs it again from its first start.
func (s *LiveStore) StartCoverage(ctx context.Context, articleID, follows int64) error {
	var f any
	if follows != 0 && follows != articleID {
		f = follows
	}
	return s.coverageChange(ctx, articleID, "start coverage", `UPDATE articles SET live_start = COALESCE(live_start, ?), live_end = NULL,
		follows_id = COALESCE(?, follows_id) WHERE id = ?`, s.now().Unix(), f, articleID)
}

// EndCoverage ends an article's live coverage; its entries stay.
func (s *LiveStore) EndCoverage(ctx context.Context, articleID int64) error {
	return s.coverageChange(ctx, articleID, "end coverage", `UPDATE articles SET live_end = ? WHERE id = ? AND live_start IS NOT NULL AND live_end IS NULL`,
		s.now().Unix(), articleID)
}

// LiveEntriesTag names a live article's entries: its page and its feed
// item, which change with every entry while lists do not.
func LiveEntriesTag(id int64) CacheTag { return "le" + CacheTag(strconv.FormatInt(id, 10)) }

// coverageChange runs q, a change of an article's coverage: the LIVE label
// shows wherever the article is (its tag), the followed article's page
// links to it, the news sitemap lists it.
func (s *LiveStore) coverageChange(ctx context.Context, articleID int64, what, q string, args ...any) error {
	return s.db.WithTx(ctx, func(tx *db.Tx) error {
		res, err := tx.ExecContext(ctx, q, args...)
		if err := oneRow(res, err, what); err != nil {
			return err
		}
		var follows sql.NullInt64
		if err := tx.QueryRowContext(ctx, `SELECT follows_id FROM articles WHERE id = ?`, articleID).Scan(&follows); err != nil {
			return err
		}
		changed(tx, ArticleTag(articleID), LiveEntriesTag(articleID), TagSitemaps, TagFeeds)
		if follows.Valid {
			changed(tx, ArticleTag(follows.Int64))
		}
		return nil
	})
}

func oneRow(res sql.Result, err error, what string) error {
	if err != nil {
		return fmt.Errorf("models: %s: %w", what, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// Follower returns the published article whose live coverage continues
// articleID, or ErrNotFound.
func (s *LiveStore) Follower(ctx context.Context, articleID int64) (Article, error) {
	// The unary + keeps the planner off articles_published (every
	// published article, about 140 ms on 100 000), so it reads the few
	// rows of articles_follows.
	a, err := scanArticle(s.db.QueryRow(ctx, `SELECT `+listCols+articleJoins+`WHERE a.follows_id = ? AND `+
		`+a.status = 'published' AND +a.published_at <= ? AND a.live_start IS NOT NULL ORDER BY a.live_start DESC LIMIT 1`,
		articleID, s.now().Unix()))
	if errors.Is(err, sql.ErrNoRows) {
		return a, ErrNotFound
	}
	if err != nil {
		return a, fmt.Errorf("models: follower of %d: %w", articleID, err)
	}
	return a, nil
}

// LiveNow returns the published articles covered live now, newest first.
func (s *LiveStore) LiveNow(ctx context.Context, n int) ([]Article, error) {
	st := &ArticleStore{db: s.db, now: s.now}
	return st.query(ctx, `SELECT `+listCols+articleJoins+`WHERE`+visible+
		`AND a.live_start IS NOT NULL AND a.live_end IS NULL ORDER BY a.live_start DESC LIMIT ?`, s.now().Unix(), n)
}
