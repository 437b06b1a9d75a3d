package models

import (
	"context"
	"fmt"
	"strings"
)

// relatedPerTag bounds how many of each tag's newest articles are
// candidates, so a tag on 20 000 stories costs no more than a rare one.
const relatedPerTag = 12

// Related returns up to n other live articles, ranked by how many tags they
// share with a, then by being in a's section, then by recency. Candidates
// are each of a's tags' newest articles plus the newest of the section and
// of the site, so the query never ranks the whole table.
func (s *ArticleStore) Related(ctx context.Context, a Article, n int) ([]Article, error) {
	tags, err := s.tagIDs(ctx, a.ID)
	if err != nil {
		return nil, err
	}
	return s.RelatedByTags(ctx, a, tags, n)
}

// RelatedByTags is Related for a caller that has loaded a's tags already
// (their ids), one query fewer.
func (s *ArticleStore) RelatedByTags(ctx context.Context, a Article, tags []int64, n int) ([]Article, error) {
	// One bounded subquery per tag: newest first by id, which follows
	// publication closely and is what article_tags_tag is ordered by.
	parts := []string{`SELECT NULL AS id WHERE 0`}
	args := []any{a.ID, a.Category.ID, s.now().Unix(), n}
	for _, t := range tags {
		args = append(args, t)
		parts = append(parts, fmt.Sprintf(`SELECT id FROM (SELECT article_id AS id FROM article_tags
			WHERE tag_id = ?%d AND article_id != ?1 ORDER BY article_id DESC LIMIT %d)`, len(args), relatedPerTag))
	}
	// CROSS JOIN keeps the few candidates as the outer loop.
	return s.query(ctx, `WITH shared AS (
			SELECT id, COUNT(*) AS n FROM (`+strings.Join(parts, " UNION ALL ")+`) GROUP BY id),
		cand AS (
			SELECT id FROM shared
			UNION SELECT id FROM (SELECT a.id FROM articles a WHERE a.category_id = ?2 AND a.status = 'published'
				AND a.published_at <= ?3 AND a.id != ?1 ORDER BY a.published_at DESC LIMIT ?4)
			UNION SELECT id FROM (SELECT a.id FROM articles a WHERE a.status = 'published'
				AND a.published_at <= ?3 AND a.id != ?1 ORDER BY a.published_at DESC LIMIT ?4))
		SELECT `+listCols+` FROM cand CROSS JOIN articles a ON a.id = cand.id
			JOIN categories c ON c.id = a.category_id JOIN users u ON u.id = a.author_id
			LEFT JOIN article_stats st ON st.article_id = a.id
			LEFT JOIN shared ON shared.id = a.id
		WHERE a.status = 'published' AND a.published_at <= ?3
		ORDER BY COALESCE(shared.n, 0) DESC, a.category_id = ?2 DESC, a.published_at DESC, a.id DESC
		LIMIT ?4`, args...)
}

// tagIDs returns the ids of an article's tags.
func (s *ArticleStore) tagIDs(ctx context.Context, articleID int64) ([]int64, error) {
	return s.ids(ctx, "article tag ids", `SELECT tag_id FROM article_tags WHERE article_id = ?`, articleID)
}
