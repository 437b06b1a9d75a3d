package models

import (
	"strconv"

	"github.com/newsroom/news/db"
)

// CacheTag names one thing a reader page shows, so that a write can drop
// exactly the cached pages (in memory and at the edge) that show what it
// changed. The vocabulary:
//
//	a<ID>     an article's own content: title, summary, body, picture, byline,
//	          on its page and wherever it appears as a card or a link
//	ac<ID>    an article's approved comments and comment count
//	le<ID>    a live article's entries: its page and its feed item
//	s<ID>     a section's list pages (and the front page's block of it)
//	t<ID>     a tag's list pages
//	u<ID>     an author's list pages
//	chrome    what every page shares: settings, navigation, Latest posts
//	front     the stories editors placed on the front page
//	feeds     the RSS and Atom feeds
//	sitemaps  the sitemaps and robots.txt
type CacheTag string

// The tags that name no single row.
const (
	TagChrome   CacheTag = "chrome"
	TagFront    CacheTag = "front"
	TagFeeds    CacheTag = "feeds"
	TagSitemaps CacheTag = "sitemaps"
)

// ArticleTag names an article's own content.
func ArticleTag(id int64) CacheTag { return "a" + CacheTag(strconv.FormatInt(id, 10)) }

// ArticleCommentsTag names an article's approved comments and their count.
func ArticleCommentsTag(id int64) CacheTag { return "ac" + CacheTag(strconv.FormatInt(id, 10)) }

// SectionTag names a section's list pages.
func SectionTag(id int64) CacheTag { return "s" + CacheTag(strconv.FormatInt(id, 10)) }

// TagTag names a tag's list pages.
func TagTag(id int64) CacheTag { return "t" + CacheTag(strconv.FormatInt(id, 10)) }

// AuthorTag names an author's list pages.
func AuthorTag(id int64) CacheTag { return "u" + CacheTag(strconv.FormatInt(id, 10)) }

// Change is what a committed write changed, as the store publishes it.
type Change = db.Change

// Changes is where committed changes are published (see db.Changes).
type Changes = db.Changes

// changed names tags on the transaction tx, which drops the pages showing
// them once it commits.
func changed(tx *db.Tx, tags ...CacheTag) {
	for _, t := range tags {
		tx.Changed(string(t))
	}
}
