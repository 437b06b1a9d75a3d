package models

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// ErrConflict means the article changed since the editor loaded it: the
// version they started from is no longer the stored one.
var ErrConflict = errors.New("models: edit conflict")

// StatusScheduled is how the newsroom shows a published article whose time
// has not come yet; it is stored as StatusPublished.
const StatusScheduled = "scheduled"

// AdminPageSize is how many articles a newsroom list page shows.
const AdminPageSize = 20

// AdminFilter narrows the newsroom's article list; zero fields do not.
type AdminFilter struct {
	Status     string // draft, review, scheduled, published, trash; "" is everything but trash
	CategoryID int64
	AuthorID   int64
	Query      string // text in the title
}

// State is the article's status as the newsroom shows it at now: a
// published article whose time has not come is scheduled.
func (a Article) State(now time.Time) string {
	if a.Status == StatusPublished && a.PublishedAt.After(now) {
		return StatusScheduled
	}
	return a.Status
}

// Live reports whether readers can see the article at now.
func (a Article) Live(now time.Time) bool {
	return a.Status == StatusPublished && !a.PublishedAt.IsZero() && !a.PublishedAt.After(now)
}

// likeEscaper escapes LIKE wildcards so a search for "50%" means 50%.
var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

// ListAdmin returns one page of articles of any status, last changed first.
func (s *ArticleStore) ListAdmin(ctx context.Context, f AdminFilter, page int) ([]Article, Pager, error) {
	p := Pager{Page: page, Size: AdminPageSize}
	now := s.now().Unix()
	var where []string
	var args []any
	switch f.Status {
	case "":
		where = append(where, `a.status != 'trash'`)
	case StatusScheduled:
		where, args = append(where, `a.status = 'published' AND a.published_at > ?`), append(args, now)
	case StatusPublished:
		where, args = append(where, `a.status = 'published' AND a.published_at <= ?`), append(args, now)
	default:
		where, args = append(where, `a.status = ?`), append(args, f.Status)
	}
	if f.CategoryID != 0 {
		where, args = append(where, `a.category_id = ?`), append(args, f.CategoryID)
	}
	if f.AuthorID != 0 {
		where, args = append(where, `a.id IN (SELECT article_id FROM article_authors WHERE user_id = ?)`), append(args, f.AuthorID)
	}
	if q := strings.TrimSpace(f.Query); q != "" {
		where, args = append(where, `a.title LIKE ? ESCAPE '\'`), append(args, "%"+likeEscaper.Replace(q)+"%")
	}
	args = append(args, p.Size+1, p.Offset())
	list, err := s.query(ctx, `SELECT `+listCols+articleJoins+`WHERE `+strings.Join(where, " AND ")+
		` ORDER BY a.updated_at DESC, a.id DESC LIMIT ? OFFSET ?`, args...)
	if err != nil {
		return nil, p, err
	}
	if len(list) > p.Size {
		p.HasNext = true
		list = list[:p.Size]
	}
	return list, p, nil
}

// ByID returns the article with that id whatever its status, or ErrNotFound.
func (s *ArticleStore) ByID(ctx context.Context, id int64) (Article, error) {
	a, err := scanArticle(s.db.QueryRow(ctx, `SELECT `+fullCols+articleJoins+`WHERE a.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return a, ErrNotFound
	}
	if err != nil {
		return a, fmt.Errorf("models: article %d: %w", id, err)
	}
	return s.withBylines(ctx, a)
}

// PublishedByID returns the live article with that id, or ErrNotFound.
func (s *ArticleStore) PublishedByID(ctx context.Context, id int64) (Article, error) {
	a, err := s.ByID(ctx, id)
	if err == nil && !a.Live(s.now()) {
		return Article{}, ErrNotFound
	}
	return a, err
}

// ByIDs returns the articles with those ids (any status), for confirmation
// pages; unknown ids are left out.
func (s *ArticleStore) ByIDs(ctx context.Context, ids []int64) ([]Article, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	q, args := inList(ids)
	return s.query(ctx, `SELECT `+listCols+articleJoins+`WHERE a.id IN (`+q+`) ORDER BY a.updated_at DESC, a.id DESC`, args...)
}

// inList returns "?, ?, ?" and the ids as arguments.
func inList(ids []int64) (string, []any) {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return strings.TrimSuffix(strings.Repeat("?, ", len(ids)), ", "), args
}

// IDsByAuthor keeps, of ids, those written or co-written by authorID.
func (s *ArticleStore) IDsByAuthor(ctx context.Context, ids []int64, authorID int64) ([]int64, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	q, args := inList(ids)
	return s.ids(ctx, "own articles", `SELECT article_id FROM article_authors WHERE user_id = ? AND article_id IN (`+q+`)`,
		append([]any{authorID}, args...)...)
}
