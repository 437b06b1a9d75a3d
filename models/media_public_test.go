package models

import (
	"context"
	"testing"
	"time"
)

func TestPicturesPublicOnlyOnceSomethingPublishedUsesThem(t *testing.T) {
	t.Parallel()
	media, articles, cat, u := mediaFixture(t)
	ctx := context.Background()
	add := func(alt string) Media {
		m, err := media.Create(ctx, MediaInput{Data: encodeJPEG(t, halves(100, 50)), Alt: alt})
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	lead, inBody, spare, scheduled, marked := add("Lead"), add("Body"), add("Spare"), add("Later"), add("Marked")
	draft, _ := articles.Create(ctx, ArticleInput{Title: "Embargoed", CategoryID: cat.ID, AuthorID: u.ID, Status: StatusDraft,
		BodyMD: "Text.\n\n" + inBody.BodyMarkdown()})
	if err := media.SetLead(ctx, draft.ID, lead.ID); err != nil {
		t.Fatal(err)
	}
	later, _ := articles.Create(ctx, ArticleInput{Title: "Tomorrow", CategoryID: cat.ID, AuthorID: u.ID, Status: StatusPublished,
		PublishedAt: time.Now().Add(24 * time.Hour)})
	media.SetLead(ctx, later.ID, scheduled.ID)
	if err := media.MarkPublic(ctx, marked.ID); err != nil {
		t.Fatal(err)
	}
	want := map[int64]bool{lead.ID: false, inBody.ID: false, spare.ID: false, scheduled.ID: false, marked.ID: true}
	check := func(when string) {
		t.Helper()
		for id, w := range want {
			if got, err := media.IsPublic(ctx, id); err != nil || got != w {
				t.Errorf("%s: image %d public %v (%v), want %v", when, id, got, err, w)
			}
		}
	}
	check("before publishing")
	if _, err := articles.Publish(ctx, []int64{draft.ID}, Editor{ID: u.ID}); err != nil {
		t.Fatal(err)
	}
	want[lead.ID], want[inBody.ID] = true, true
	check("after publishing")
	// Taking the article down again keeps its pictures' addresses working:
	// browsers and CDNs may keep them for a year.
	if _, err := media.db.Exec(ctx, `UPDATE articles SET status = 'draft' WHERE id = ?`, draft.ID); err != nil {
		t.Fatal(err)
	}
	check("after unpublishing")
	if _, err := media.IsPublic(ctx, 999); err != ErrNotFound {
		t.Errorf("unknown image: %v", err)
	}
}
