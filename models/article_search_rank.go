package models

import (
	"fmt"
	"regexp"
	"strings"
)

// How a search ranks: each of the query's terms found in an article's title
// adds most, in its summary, tags or author's name less (the body counts
// for every match alike), and the sum is boosted for recent articles.
//
// FTS5's bm25() is not used: to weigh terms by rarity it counts, on every
// search, every article holding each term, which on a 100 000-article
// archive read most of the index for a common word (about 13 ms of CPU a
// search). Looking terms up column by column within the recent matches
// only reads the part of the index those matches are in.
var rankColumns = []struct {
	name   string
	weight string
}{
	{"title", "10.0"}, {"summary", "4.0"}, {"tags", "5.0"}, {"author", "3.0"},
}

// recencyBoost multiplies an article's score by up to 1.3 for an article
// published now, fading to 1.15 after a month and towards 1 after that, so
// among equally good matches the newer comes first without burying an older
// article that matches much better.
const recencyBoost = `(1.0 + 0.3 / (1.0 + (?2 - published_at) / 2592000.0))`

// maxRanked bounds how many matching articles, the most recently added,
// one query ranks. A word found in much of the archive would otherwise make
// every search for it score the whole archive; past this many, older
// matches are left out, so a search shows at most 50 pages.
const maxRanked = 500

// queryTerms are the quoted terms of a query SearchQuery made.
var queryTerms = regexp.MustCompile(`"[^"]*"`)

// searchSQL ranks the maxRanked most recently added visible matches of q
// (a SearchQuery), then reads the columns and a snippet for one page of them
// only. Its parameters: ?1 the query, ?2 now, ?3 and ?4 the page's limit and
// offset, ?5 maxRanked, then one column-bound query per term and column.
func searchSQL(q string, now int64, p Pager) (string, []any) {
	args := []any{q, now, p.Size + 1, p.Offset(), maxRanked}
	credits := []string{`SELECT NULL AS id, 0.0 AS w WHERE 0`}
	for _, term := range queryTerms.FindAllString(q, maxQueryTerms) {
		for _, col := range rankColumns {
			args = append(args, col.name+" : "+term)
			credits = append(credits, fmt.Sprintf(`SELECT rowid, %s FROM articles_fts
				WHERE articles_fts MATCH ?%d AND rowid >= (SELECT lo FROM bounds)`, col.weight, len(args)))
		}
	}
	return `WITH hits AS MATERIALIZED (
		SELECT f.rowid AS id, d.published_at
		FROM articles_fts f JOIN search_dates d ON d.id = f.rowid
		WHERE articles_fts MATCH ?1 AND d.published_at <= ?2
		ORDER BY f.rowid DESC LIMIT ?5),
	bounds AS MATERIALIZED (SELECT MIN(id) AS lo FROM hits),
	credit AS MATERIALIZED (
		SELECT id, SUM(w) AS w FROM (` + strings.Join(credits, " UNION ALL ") + `) GROUP BY id),
	top AS MATERIALIZED (
		SELECT hits.id, hits.published_at, (1.0 + COALESCE(credit.w, 0)) * ` + recencyBoost + ` AS score
		FROM hits LEFT JOIN credit ON credit.id = hits.id
		ORDER BY score DESC, hits.published_at DESC, hits.id DESC LIMIT ?3 OFFSET ?4)
	SELECT ` + listCols + `, snippet(articles_fts, -1, char(2), char(3), '…', 32)
	FROM top JOIN articles_fts f ON f.rowid = top.id
		JOIN articles a ON a.id = top.id JOIN categories c ON c.id = a.category_id JOIN users u ON u.id = a.author_id
		LEFT JOIN article_stats st ON st.article_id = a.id
	WHERE articles_fts MATCH ?1 AND a.status = 'published' AND a.published_at <= ?2
	ORDER BY top.score DESC, top.published_at DESC, top.id DESC`, args
}
