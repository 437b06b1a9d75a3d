package models

import (
	"context"
	"fmt"

	"github.com/newsroom/news/db"
)

// MaxFrontPage is how many stories editors may place on the front page:
// the lead and up to eight top stories.
const MaxFrontPage = 9

// FrontPage returns the live stories editors placed on the front page, in
// their order: the first is the lead. Stories placed but not live (taken
// back to draft, scheduled for later) are left out until they are.
func (s *ArticleStore) FrontPage(ctx context.Context) ([]Article, error) {
	return s.query(ctx, `SELECT `+listCols+` FROM front_page fp CROSS JOIN articles a ON a.id = fp.article_id
		JOIN categories c ON c.id = a.category_id JOIN users u ON u.id = a.author_id
		LEFT JOIN article_stats st ON st.article_id = a.id
		WHERE`+visible+`ORDER BY fp.position`, s.now().Unix())
}

// FrontPageIDs returns the ids of every story placed on the front page,
// live or not, in order: what the newsroom's front-page screen edits.
func (s *ArticleStore) FrontPageIDs(ctx context.Context) ([]int64, error) {
	return s.ids(ctx, "front page", `SELECT article_id FROM front_page ORDER BY position`)
}

// ids runs a query that selects one column of ids; what names them in
// an error.
func (s *ArticleStore) ids(ctx context.Context, what, q string, args ...any) ([]int64, error) {
	rows, err := s.db.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("models: %s: %w", what, err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("models: scan %s: %w", what, err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// SetFrontPage replaces the stories on the front page with ids, in that
// order (the first is the lead), in one transaction. Repeated ids count
// once; past MaxFrontPage the rest are dropped.
func (s *ArticleStore) SetFrontPage(ctx context.Context, ids []int64) error {
	ids = uniqueIDs(ids, MaxFrontPage)
	return s.db.WithTx(ctx, func(tx *db.Tx) error {
		changed(tx, TagFront)
		if _, err := tx.ExecContext(ctx, `DELETE FROM front_page`); err != nil {
			return fmt.Errorf("models: clear front page: %w", err)
		}
		for i, id := range ids {
			_, err := tx.ExecContext(ctx, `INSERT INTO front_page (position, article_id) VALUES (?, ?)`, i, id)
			if isForeignKey(err) {
				return ErrNotFound
			}
			if err != nil {
				return fmt.Errorf("models: place on front page: %w", err)
			}
		}
		return nil
	})
}

// Featured returns up to n of the newest live featured articles, leaving
// out those in except; when fewer are featured, the newest of the rest
// fill in.
func (s *ArticleStore) Featured(ctx context.Context, n int, except []int64) ([]Article, error) {
	if n <= 0 {
		return nil, nil
	}
	not, args := notIn(except)
	list, err := s.query(ctx, `SELECT `+listCols+articleJoins+`WHERE a.featured = 1 AND`+visible+not+
		`ORDER BY a.published_at DESC, a.id DESC LIMIT ?`, append(append([]any{s.now().Unix()}, args...), n)...)
	if err != nil || len(list) == n {
		return list, err
	}
	for _, a := range list {
		except = append(except, a.ID)
	}
	not, args = notIn(except)
	more, err := s.query(ctx, `SELECT `+listCols+articleJoins+`WHERE`+visible+not+
		`ORDER BY a.published_at DESC, a.id DESC LIMIT ?`, append(append([]any{s.now().Unix()}, args...), n-len(list))...)
	return append(list, more...), err
}

// LatestInCategoryExcept is LatestInCategory leaving out the articles in
// except (those already shown higher up the front page).
func (s *ArticleStore) LatestInCategoryExcept(ctx context.Context, categoryID int64, n int, except []int64) ([]Article, error) {
	not, args := notIn(except)
	return s.query(ctx, `SELECT `+listCols+articleJoins+`WHERE a.category_id = ? AND`+visible+not+
		`ORDER BY a.published_at DESC, a.id DESC LIMIT ?`, append(append([]any{categoryID, s.now().Unix()}, args...), n)...)
}

// notIn is an "AND a.id NOT IN (...)" condition over ids, empty for none.
func notIn(ids []int64) (string, []any) {
	if len(ids) == 0 {
		return "", nil
	}
	q, args := inList(ids)
	return ` AND a.id NOT IN (` + q + `) `, args
}

// uniqueIDs keeps the first of each id, at most max of them.
func uniqueIDs(ids []int64, max int) []int64 {
	seen := map[int64]bool{}
	var out []int64
	for _, id := range ids {
		if id < 1 || seen[id] || len(out) == max {
			continue
		}
		seen[id] = true
		out = append(out, id)
	}
	return out
}
