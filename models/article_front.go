package models

import (
	"context"
	"fmt"
)

// FrontPage is what the front page lists: its lead story and each
// section's newest articles.
type FrontPage struct {
	Lead   *Article // nil on an empty site
	Blocks []Article
}

// frontLead is the lead story's id: the newest featured live article, or
// the newest of all when none is featured.
const frontLead = `COALESCE(
	(SELECT f.id FROM articles f WHERE f.featured = 1 AND f.status = 'published' AND f.published_at <= ?1
		ORDER BY f.published_at DESC, f.id DESC LIMIT 1),
	(SELECT f.id FROM articles f WHERE f.status = 'published' AND f.published_at <= ?1
		ORDER BY f.published_at DESC, f.id DESC LIMIT 1))`

// frontBlocks lists the ids of each section's n newest live articles. A
// window function (ROW_NUMBER() OVER (PARTITION BY category_id ...)) would
// number every live article first, a scan of the whole table (about 0.5 s
// of CPU on 100 000 articles); a LIMIT per section reads n rows of the
// articles_category index each.
const frontBlocks = `SELECT x.id, k.position AS kpos, k.name AS kname FROM categories k
	JOIN articles x ON x.id IN (SELECT y.id FROM articles y
		WHERE y.category_id = k.id AND y.status = 'published' AND y.published_at <= ?1
		ORDER BY y.published_at DESC, y.id DESC LIMIT ?2)`

// Front returns the front page's lead story and each section's perBlock
// newest articles, sections in their order (as CategoryStore.All), newest
// first within each, in one query (and one for the bylines).
func (s *ArticleStore) Front(ctx context.Context, perBlock int) (FrontPage, error) {
	rows, err := s.db.Query(ctx, `SELECT `+listCols+`, ids.part`+
		` FROM (SELECT `+frontLead+` AS id, 0 AS part, 0 AS kpos, '' AS kname
			UNION ALL SELECT b.id, 1, b.kpos, b.kname FROM (`+frontBlocks+`) b) ids
		JOIN articles a ON a.id = ids.id
		JOIN categories c ON c.id = a.category_id JOIN users u ON u.id = a.author_id
		LEFT JOIN article_stats st ON st.article_id = a.id
		ORDER BY ids.part, ids.kpos, ids.kname, a.published_at DESC, a.id DESC`, s.now().Unix(), perBlock)
	if err != nil {
		return FrontPage{}, fmt.Errorf("models: front page: %w", err)
	}
	defer rows.Close()
	var all []Article
	hasLead := false
	for rows.Next() {
		var part int
		a, err := scanArticle(rows, &part)
		if err != nil {
			return FrontPage{}, fmt.Errorf("models: scan front page: %w", err)
		}
		hasLead = hasLead || part == 0
		all = append(all, a)
	}
	if err := rows.Err(); err != nil {
		return FrontPage{}, fmt.Errorf("models: front page: %w", err)
	}
	if err := withAuthors(ctx, s.db, all); err != nil {
		return FrontPage{}, err
	}
	var p FrontPage
	if hasLead {
		p.Lead, all = &all[0], all[1:]
	}
	p.Blocks = all
	return p, nil
}
