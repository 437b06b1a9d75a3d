package models

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"

	"github.com/newsroom/news/db"
)

// articleSeen is what of an article decides on which reader pages it
// appears: lists are chosen by these, the rest of its content is a<ID>.
type articleSeen struct {
	live            bool
	published       int64
	slug            string
	section, author int64
	featured        bool
	tags            []int64
}

// seeArticle loads how article id stands for readers at now (Unix time);
// an article that does not exist is not live.
func seeArticle(ctx context.Context, tx *db.Tx, id, now int64) (articleSeen, error) {
	var a articleSeen
	var status string
	var published sql.NullInt64
	err := tx.QueryRowContext(ctx, `SELECT status, published_at, slug, category_id, author_id, featured
		FROM articles WHERE id = ?`, id).Scan(&status, &published, &a.slug, &a.section, &a.author, &a.featured)
	if errors.Is(err, sql.ErrNoRows) {
		return articleSeen{}, nil
	}
	if err != nil {
		return a, fmt.Errorf("models: article %d as readers see it: %w", id, err)
	}
	a.published = published.Int64
	a.live = status == StatusPublished && published.Valid && published.Int64 <= now
	rows, err := tx.QueryContext(ctx, `SELECT tag_id FROM article_tags WHERE article_id = ? ORDER BY tag_id`, id)
	if err != nil {
		return a, fmt.Errorf("models: tags of article %d: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var t int64
		if err := rows.Scan(&t); err != nil {
			return a, fmt.Errorf("models: scan tag: %w", err)
		}
		a.tags = append(a.tags, t)
	}
	return a, rows.Err()
}

// articleChanged names on tx the pages a change to article id shows on,
// from how it stood before the write to how it stands now. An article
// that was and stays unseen (a draft, a scheduled one, the trash) drops
// nothing; an edit that keeps it in the same lists drops only the pages
// showing it (a<ID>); one that moves it in or out of lists also drops
// those lists, the feeds and sitemaps, and Latest posts when it goes live
// or leaves.
func articleChanged(ctx context.Context, tx *db.Tx, id int64, before articleSeen, now int64) error {
	after, err := seeArticle(ctx, tx, id, now)
	if err != nil {
		return err
	}
	if !before.live && !after.live {
		return nil
	}
	changed(tx, ArticleTag(id))
	moved := before.live != after.live || before.published != after.published
	if moved {
		changed(tx, TagChrome, TagFeeds, TagSitemaps)
	}
	if before.slug != after.slug || before.section != after.section {
		changed(tx, TagFeeds, TagSitemaps)
	}
	sides := []articleSeen{before, after}
	for _, s := range sides {
		if !s.live {
			continue
		}
		if moved || before.section != after.section || before.featured != after.featured {
			changed(tx, SectionTag(s.section))
		}
		if moved || before.author != after.author {
			changed(tx, AuthorTag(s.author))
		}
		for _, t := range s.tags {
			if moved || !slices.Contains(before.tags, t) || !slices.Contains(after.tags, t) {
				changed(tx, TagTag(t))
			}
		}
	}
	return nil
}

// articleWrite runs write on tx between two looks at article id, naming
// the tags of what it changed for readers.
func articleWrite(ctx context.Context, tx *db.Tx, id, now int64, write func() error) error {
	before, err := seeArticle(ctx, tx, id, now)
	if err != nil {
		return err
	}
	if err := write(); err != nil {
		return err
	}
	return articleChanged(ctx, tx, id, before, now)
}
