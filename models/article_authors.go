package models

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/newsroom/news/db"
)

// maxAuthors bounds the bylines of one article.
const maxAuthors = 10

// MaxAuthors is how many bylines one article may have.
const MaxAuthors = maxAuthors

// Bylines is everyone credited with the article, in order: the lead author
// first. It is never empty for a stored article.
func (a Article) Bylines() []User {
	if len(a.Authors) > 0 {
		return a.Authors
	}
	if a.Author.ID == 0 {
		return nil
	}
	return []User{a.Author}
}

// BylineProfiles reports whether any of the article's authors has a photo
// or a job title to show beside the byline.
func (a Article) BylineProfiles() bool {
	for _, u := range a.Bylines() {
		if u.PhotoID != 0 || u.JobTitle != "" {
			return true
		}
	}
	return false
}

// HasAuthor reports whether the user wrote or co-wrote the article: every
// co-author may open and change it as its author may.
func (a Article) HasAuthor(userID int64) bool {
	for _, u := range a.Bylines() {
		if u.ID == userID {
			return true
		}
	}
	return false
}

// BylineNames is "Maria Okafor", "Maria Okafor and Samuel Chen", or
// "A, B and C".
func (a Article) BylineNames() string {
	var names []string
	for _, u := range a.Bylines() {
		names = append(names, u.Name)
	}
	return JoinNames(names)
}

// JoinNames joins names the way a byline reads: "A", "A and B", "A, B and C".
func JoinNames(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// CoAuthorIDs are the ids of the bylines after the lead author.
func (a Article) CoAuthorIDs() []int64 {
	var out []int64
	for _, u := range a.Bylines() {
		if u.ID != a.Author.ID {
			out = append(out, u.ID)
		}
	}
	return out
}

// rowsQueryer is the many-rows read side of a pool or a transaction.
type rowsQueryer interface {
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
}

// withAuthors fills the Authors of each article, in byline order, with one
// query for the whole list.
func withAuthors(ctx context.Context, q rowsQueryer, list []Article) error {
	if len(list) == 0 {
		return nil
	}
	ids := make([]int64, len(list))
	at := make(map[int64][]int, len(list))
	for i, a := range list {
		ids[i] = a.ID
		at[a.ID] = append(at[a.ID], i)
	}
	in, args := inList(ids)
	rows, err := q.QueryContext(ctx, `SELECT aa.article_id, u.id, u.name, u.slug, u.bio, u.job_title, COALESCE(m.id, 0), COALESCE(m.format, '')
		FROM article_authors aa JOIN users u ON u.id = aa.user_id LEFT JOIN media m ON m.id = u.photo_media_id
		WHERE aa.article_id IN (`+in+`) ORDER BY aa.article_id, aa.position`, args...)
	if err != nil {
		return fmt.Errorf("models: load bylines: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var u User
		if err := rows.Scan(&id, &u.ID, &u.Name, &u.Slug, &u.Bio, &u.JobTitle, &u.PhotoID, &u.photoFormat); err != nil {
			return fmt.Errorf("models: scan byline: %w", err)
		}
		for _, i := range at[id] {
			list[i].Authors = append(list[i].Authors, u)
		}
	}
	return rows.Err()
}

// setCoAuthors replaces the bylines after the lead author (which the
// triggers of migration 0009 keep at position 0) with co, in order. Ids
// repeated or equal to the lead are dropped. The search index names them all.
func setCoAuthors(ctx context.Context, tx *db.Tx, articleID int64, co []int64) error {
	// The co-authors' lists change, those dropped and those added.
	if err := authorsChanged(ctx, tx, articleID); err != nil {
		return err
	}
	for _, uid := range co {
		changed(tx, AuthorTag(uid))
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM article_authors WHERE article_id = ? AND position > 0`, articleID); err != nil {
		return fmt.Errorf("models: clear co-authors: %w", err)
	}
	pos := 1
	for _, uid := range co {
		if pos >= maxAuthors {
			break
		}
		res, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO article_authors (article_id, user_id, position, published_at)
			SELECT a.id, ?, ?, CASE WHEN a.status = 'published' THEN a.published_at END FROM articles a WHERE a.id = ?`,
			uid, pos, articleID)
		if err != nil {
			return fmt.Errorf("models: add co-author: %w", err)
		}
		if n, _ := res.RowsAffected(); n > 0 {
			pos++
		}
	}
	_, err := tx.ExecContext(ctx, `UPDATE articles_fts SET author = (SELECT group_concat(name, ', ') FROM
		(SELECT u.name FROM article_authors aa JOIN users u ON u.id = aa.user_id WHERE aa.article_id = ?1 ORDER BY aa.position))
		WHERE rowid = ?1`, articleID)
	if err != nil {
		return fmt.Errorf("models: index co-authors: %w", err)
	}
	return nil
}

// authorsSQL is the article's bylines as "Name, Name" for a revision.
const authorsSQL = `COALESCE((SELECT group_concat(name, ', ') FROM (SELECT u.name FROM article_authors aa
	JOIN users u ON u.id = aa.user_id WHERE aa.article_id = a.id ORDER BY aa.position)), '')`

// authorsChanged names the list of every co-author article has now.
func authorsChanged(ctx context.Context, tx *db.Tx, articleID int64) error {
	rows, err := tx.QueryContext(ctx, `SELECT user_id FROM article_authors WHERE article_id = ? AND position > 0`, articleID)
	if err != nil {
		return fmt.Errorf("models: co-authors changed: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var uid int64
		if err := rows.Scan(&uid); err != nil {
			return fmt.Errorf("models: scan co-author: %w", err)
		}
		changed(tx, AuthorTag(uid))
	}
	return rows.Err()
}
