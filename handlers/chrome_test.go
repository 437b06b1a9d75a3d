package handlers

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/newsroom/news/models"
)

// The chrome is built once and kept, so these check that what it shows
// still follows the day, the settings and what is published, on every
// reader page, with the page cache on and off.
func TestChromeFollowsTheDayAndWrites(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	article := firstArticlePath(t, ts)
	pages := []string{"/", article, "/search?q=harbour", "/no-such/page"}
	for _, p := range pages {
		_, body := ts.get(t, p)
		wantBody(t, body, "Sunday, March 15, 2026", "The Daily Ledger")
	}

	// Midnight in the site's time zone (UTC by default) turns the date bar.
	ts.Clock.Set(time.Date(2026, 3, 16, 0, 0, 1, 0, time.UTC))
	for _, p := range pages {
		_, body := ts.get(t, p)
		wantBody(t, body, "Monday, March 16, 2026")
	}

	// A settings change reaches the masthead and footer of every page.
	ts.setSettings(t, func(st *models.Settings) { st.SiteName = "The Evening Ledger" })
	for _, p := range pages {
		_, body := ts.get(t, p)
		wantBody(t, body, `<a class="brand" href="/">The Evening Ledger</a>`, `© 2026 The Evening Ledger`)
	}

	// An article published now heads Latest posts everywhere.
	sec := firstSection(t, ts)
	ed := ts.addUser(t, models.RoleEditor)
	_, err := ts.H.Articles.Create(context.Background(), models.ArticleInput{
		Title: "Night ferry returns to the harbour", BodyMD: "It sails again.", Status: models.StatusPublished,
		CategoryID: sec.ID, AuthorID: ed.ID, PublishedAt: ts.Clock.Now(),
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pages {
		_, body := ts.get(t, p)
		latest := section(t, body, `id="latest-posts"`, `</ol>`)
		if !strings.Contains(latest, ">Night ferry returns to the harbour<") {
			t.Errorf("GET %s: Latest posts misses the new article", p)
		}
	}
}

// A scheduled article joins Latest posts when its time comes, with no write.
func TestChromeShowsAScheduledArticleWhenItsTimeComes(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	sec := firstSection(t, ts)
	ed := ts.addUser(t, models.RoleEditor)
	at := ts.Clock.Now().Add(2 * time.Hour)
	_, err := ts.H.Articles.Create(context.Background(), models.ArticleInput{
		Title: "Scheduled harbour report", BodyMD: "Later.", Status: models.StatusPublished,
		CategoryID: sec.ID, AuthorID: ed.ID, PublishedAt: at,
	})
	if err != nil {
		t.Fatal(err)
	}
	_, body := ts.get(t, "/corrections")
	if strings.Contains(body, "Scheduled harbour report") {
		t.Fatal("a scheduled article shows before its time")
	}
	ts.Clock.Set(at.Add(time.Second))
	_, body = ts.get(t, "/corrections")
	if !strings.Contains(section(t, body, `id="latest-posts"`, `</ol>`), ">Scheduled harbour report<") {
		t.Error("the scheduled article is not in Latest posts once its time has come")
	}
}
