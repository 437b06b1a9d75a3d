package e2e

import (
	"net/http"
	"strings"
	"testing"
)

// accessibilityJourney runs axe-core on each kind of public page a reader
// meets, and on the comment form.
func accessibilityJourney(t *testing.T, s *suite) {
	st := startSite(t, s, nil)
	tb := newTab(t, s, st)

	tb.open("/", http.StatusOK)
	tb.checkAccessible(s, "front page")
	article := tb.attr(".lead-title a", "href")

	tb.open(article, http.StatusOK)
	tb.checkAccessible(s, "article page "+article)
	if tb.count("form.comment-form") != 1 {
		t.Errorf("article page %s has no comment form", article)
	}

	tb.open("/category/world-news", http.StatusOK)
	tb.checkAccessible(s, "section page")

	tb.open("/tag/climate", http.StatusOK)
	tb.checkAccessible(s, "tag page")

	tb.open("/author/maria-okafor", http.StatusOK)
	tb.checkAccessible(s, "author page")

	tb.open("/search?q=climate", http.StatusOK)
	tb.checkAccessible(s, "search page")

	tb.open("/about", http.StatusOK)
	tb.checkAccessible(s, "the About page")

	tb.open("/corrections", http.StatusOK)
	tb.checkAccessible(s, "corrections page")

	tb.open(article, http.StatusOK)
	tb.open(article+"?reply="+strings.TrimPrefix(tb.attr(".comment", "id"), "comment-"), http.StatusOK)
	tb.checkAccessible(s, "article with the reply form open")

	tb.open("/world-news/no-such-story", http.StatusNotFound)
	tb.checkAccessible(s, "not-found page")
	tb.clean("pages checked for accessibility")
}
