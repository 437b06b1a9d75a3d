package models

import (
	"context"
	"fmt"
	"html"
	"strings"
	"time"

	"github.com/newsroom/news/db"
)

// Empty reports whether the site has no sections and no articles yet, as
// on a database just created (perhaps with an account already added).
func Empty(ctx context.Context, d *db.DB) (bool, error) {
	var n int
	err := d.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM categories) OR EXISTS (SELECT 1 FROM articles)`).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("models: check empty: %w", err)
	}
	return n == 0, nil
}

// SeedDemo fills an empty site with the demo content, dated relative to now.
func SeedDemo(ctx context.Context, d *db.DB, demo db.Demo, now time.Time) error {
	cats := NewCategoryStore(d)
	users := NewUserStore(d)
	articles := NewArticleStore(d, func() time.Time { return now })
	catID, catName := map[string]int64{}, map[string]string{}
	for i, s := range demo.Sections {
		c, err := cats.Create(ctx, CategoryInput{Name: s.Name, Slug: s.Slug, Description: s.Description, Position: i + 1})
		if err != nil {
			return fmt.Errorf("models: demo section %s: %w", s.Slug, err)
		}
		catID[s.Slug], catName[s.Slug] = c.ID, s.Name
	}
	userID := map[string]int64{}
	for _, a := range demo.Authors {
		u, err := users.Create(ctx, UserInput{Email: a.Slug + "@example.com", Name: a.Name, Slug: a.Slug, Bio: a.Bio, Role: RoleAuthor})
		if err != nil {
			return fmt.Errorf("models: demo author %s: %w", a.Slug, err)
		}
		userID[a.Slug] = u.ID
	}
	var pics []demoPicture
	byTitle := map[string]int64{}
	for _, a := range demo.Articles {
		var co []int64
		for _, slug := range a.CoAuthors {
			co = append(co, userID[slug])
		}
		id, err := seedArticle(ctx, d, articles, a, catID[a.Section], userID[a.Author], co, now)
		if err != nil {
			return err
		}
		byTitle[a.Title] = id
		pics = append(pics, demoPicture{ArticleID: id, Section: a.Section, SectionName: catName[a.Section], Title: a.Title})
	}
	for _, a := range demo.Articles {
		if a.Live != nil {
			if err := seedLive(ctx, d, byTitle[a.Title], byTitle[a.Live.Follows], userID[a.Author], *a.Live, now); err != nil {
				return fmt.Errorf("models: demo live %q: %w", a.Title, err)
			}
		}
	}
	if err := illustrateDemo(ctx, NewMediaStore(d, func() time.Time { return now }), pics); err != nil {
		return err
	}
	if err := seedDemoPages(ctx, NewPageStore(d, func() time.Time { return now })); err != nil {
		return err
	}
	st := DefaultSettings()
	for _, n := range SocialNetworks {
		st.Social[n.Key] = "https://" + n.Key + ".example.com/dailyledger"
	}
	st.Social["rss"] = "/feed"
	return NewSettingsStore(d).Save(ctx, st)
}

func seedArticle(ctx context.Context, d *db.DB, store *ArticleStore, a db.DemoArticle, catID, userID int64, co []int64, now time.Time) (int64, error) {
	if catID == 0 || userID == 0 {
		return 0, fmt.Errorf("models: demo article %q: unknown section %q or author %q", a.Title, a.Section, a.Author)
	}
	published := now.Add(-time.Duration(a.HoursAgo) * time.Hour)
	if a.PublishedAt != nil {
		published = *a.PublishedAt
	}
	updated := published
	if a.UpdatedHoursAgo != nil {
		updated = now.Add(-time.Duration(*a.UpdatedHoursAgo) * time.Hour)
	}
	art, err := store.Create(ctx, ArticleInput{
		Title: a.Title, Summary: a.Summary, BodyMD: a.Body, Source: a.Source,
		CategoryID: catID, AuthorID: userID, CoAuthorIDs: co, Status: StatusPublished, Featured: a.Featured,
		CommentsOpen: true, PublishedAt: published, UpdatedAt: updated, Tags: a.Tags,
	})
	if err != nil {
		return 0, fmt.Errorf("models: demo article %q: %w", a.Title, err)
	}
	return art.ID, d.WithTx(ctx, func(tx *db.Tx) error {
		for _, c := range a.Comments {
			at := now.Add(-time.Duration(c.HoursAgo) * time.Hour)
			if c.CreatedAt != nil {
				at = *c.CreatedAt
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO comments (article_id, name, body_html, status, created_at)
				VALUES (?, ?, ?, 'approved', ?)`, art.ID, c.Name, plainCommentHTML(c.Body), at.Unix())
			if err != nil {
				return fmt.Errorf("models: demo comment: %w", err)
			}
		}
		return nil
	})
}

// plainCommentHTML turns plain text into escaped paragraphs.
func plainCommentHTML(text string) string {
	var b strings.Builder
	for _, p := range strings.Split(strings.TrimSpace(text), "\n\n") {
		b.WriteString("<p>" + strings.ReplaceAll(html.EscapeString(strings.TrimSpace(p)), "\n", "<br>") + "</p>")
	}
	return b.String()
}

// seedLive starts the live coverage of article id, continuing follows, and
// posts its entries at their times before now.
func seedLive(ctx context.Context, d *db.DB, id, follows, authorID int64, l db.DemoLive, now time.Time) error {
	at := now.Add(-time.Duration(l.StartedHoursAgo) * time.Hour)
	clock := func() time.Time { return at }
	live := NewLiveStore(d, clock)
	if err := live.StartCoverage(ctx, id, follows); err != nil {
		return err
	}
	for _, e := range l.Entries {
		at = now.Add(-time.Duration(e.MinutesAgo) * time.Minute)
		posted, err := live.Post(ctx, EntryInput{ArticleID: id, UserID: authorID, BodyMD: e.Body})
		if err != nil {
			return err
		}
		if e.Pinned {
			if err := live.SetPinned(ctx, posted.ID, authorID, true); err != nil {
				return err
			}
		}
	}
	return nil
}
