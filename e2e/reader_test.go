package e2e

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/newsroom/news/db"
	"github.com/newsroom/news/models"
)

// extraScience is how many older articles the reader journey adds to the
// Science section, so that its list runs past one page.
const extraScience = 8

// addScienceArchive adds extraScience published Science articles, older
// than all the demo content, so they fill the section's second page.
func addScienceArchive(ctx context.Context, d *db.DB) error {
	science, err := models.NewCategoryStore(d).BySlug(ctx, "science")
	if err != nil {
		return err
	}
	author, err := models.NewUserStore(d).BySlug(ctx, "hannah-lindqvist")
	if err != nil {
		return err
	}
	articles := models.NewArticleStore(d, time.Now)
	for i := 1; i <= extraScience; i++ {
		_, err := articles.Create(ctx, models.ArticleInput{
			Title:        fmt.Sprintf("Field notes from the archive, part %d", i),
			Summary:      "An older dispatch from the science desk.",
			BodyMD:       "The survey team returned with new samples.\n\nResults follow next month.",
			CategoryID:   science.ID,
			AuthorID:     author.ID,
			Status:       models.StatusPublished,
			CommentsOpen: true,
			PublishedAt:  time.Now().AddDate(0, -6, -i),
			Tags:         []string{"research"},
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// readerJourney: a reader opens the front page, follows a section link,
// pages through the section, opens an article, follows a related article
// and a breadcrumb back; no page logs an error or fails a request.
func readerJourney(t *testing.T, s *suite) {
	st := startSite(t, s, addScienceArchive)
	tb := newTab(t, s, st)

	tb.open("/", http.StatusOK)
	if n := tb.count("main .lead, main .tile, main .block-lead"); n < 5 {
		t.Errorf("front page shows %d stories, want the lead and the section blocks", n)
	}
	tb.clean("front page")

	tb.follow(`nav.sections a[href="/category/science"]`, http.StatusOK)
	if got := tb.path(); got != "/category/science" {
		t.Errorf("section link led to %s", got)
	}
	if got := tb.text("h1"); got != "Science" {
		t.Errorf("section page heading = %q, want Science", got)
	}
	if got := tb.attr(`nav.sections a[href="/category/science"]`, "aria-current"); got != "page" {
		t.Errorf("section navigation does not mark Science as the current page (aria-current=%q)", got)
	}
	if n := tb.count("main .card"); n != models.PageSize {
		t.Errorf("first section page lists %d articles, want %d", n, models.PageSize)
	}
	tb.clean("section page 1")

	tb.follow(`.pager a[rel="next"]`, http.StatusOK)
	if got := tb.path(); got != "/category/science?page=2" {
		t.Errorf("next page link led to %s", got)
	}
	want := 4 + extraScience - models.PageSize // demo Science stories plus the archive
	if n := tb.count("main .card"); n != want {
		t.Errorf("second section page lists %d articles, want %d", n, want)
	}
	if got := tb.text(".pager-page"); got != "Page 2" {
		t.Errorf("pager says %q on page 2", got)
	}
	if tb.count(`.pager a[rel="next"]`) != 0 {
		t.Errorf("last page still offers an older page")
	}
	if !strings.HasPrefix(tb.text("main .card-title"), "Field notes from the archive") {
		t.Errorf("second page does not hold the oldest articles: first is %q", tb.text("main .card-title"))
	}
	tb.clean("section page 2")

	tb.follow(`.pager a[rel="prev"]`, http.StatusOK)
	if got := tb.path(); got != "/category/science" {
		t.Errorf("previous page link led to %s", got)
	}
	tb.clean("section page 1 again")

	title := tb.text("main .card-title a")
	tb.follow("main .card-title a", http.StatusOK)
	if got := tb.text("h1"); got != title {
		t.Errorf("article page heading = %q, want the title of the card followed, %q", got, title)
	}
	if tb.count(".story-body p") == 0 {
		t.Errorf("article page %s shows no body", tb.path())
	}
	tb.clean("article " + tb.path())

	related := tb.text(".related .tile-title a")
	tb.follow(".related .tile-title a", http.StatusOK)
	if got := tb.text("h1"); got != related {
		t.Errorf("related link led to %q, want %q", got, related)
	}
	tb.clean("related article " + tb.path())

	section := tb.text(`.breadcrumb a[href^="/category/"]`)
	crumbHref := tb.attr(`.breadcrumb a[href^="/category/"]`, "href")
	tb.follow(`.breadcrumb a[href^="/category/"]`, http.StatusOK)
	if got := tb.path(); got != crumbHref {
		t.Errorf("breadcrumb led to %s, want %s", got, crumbHref)
	}
	if got := tb.text("h1"); got != section {
		t.Errorf("breadcrumb section page heading = %q, want %q", got, section)
	}
	tb.clean("section page from the breadcrumb")

	tb.follow(`.masthead a.brand`, http.StatusOK)
	if got := tb.path(); got != "/" {
		t.Errorf("the site name led to %s, want the front page", got)
	}
	tb.clean("front page again")
}
