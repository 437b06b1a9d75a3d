package models

import (
	"context"
	"strings"
	"testing"
)

func TestLeadPictureChangesAreRevisions(t *testing.T) {
	t.Parallel()
	media, articles, cat, u := mediaFixture(t)
	ctx := context.Background()
	first, _ := media.Create(ctx, MediaInput{Data: encodeJPEG(t, halves(100, 50)), Alt: "Cranes at dawn"})
	second, _ := media.Create(ctx, MediaInput{Data: encodeJPEG(t, halves(100, 50)), Alt: "An empty quay"})
	a, err := articles.Create(ctx, ArticleInput{Title: "Port reopens", CategoryID: cat.ID, AuthorID: u.ID, Status: StatusPublished})
	if err != nil {
		t.Fatal(err)
	}
	by := Editor{ID: u.ID}
	if err := media.SetLeadBy(ctx, a.ID, first.ID, by); err != nil {
		t.Fatal(err)
	}
	if err := media.SetLeadBy(ctx, a.ID, second.ID, by); err != nil {
		t.Fatal(err)
	}
	if err := media.SetLeadBy(ctx, a.ID, second.ID, by); err != nil {
		t.Fatal(err)
	}
	revs, err := articles.Revisions(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	// Newest first: the second picture, the first, the article before.
	if len(revs) != 3 || revs[0].LeadMediaID != second.ID || revs[1].LeadMediaID != first.ID || revs[2].LeadMediaID != 0 {
		t.Fatalf("revisions %+v", revs)
	}
	if !strings.Contains(revs[0].Note, "lead picture") || revs[0].UserName != "Ed Itor" {
		t.Errorf("newest revision: note %q by %q", revs[0].Note, revs[0].UserName)
	}
	if err := articles.RestoreRevision(ctx, a.ID, revs[1].ID, by); err != nil {
		t.Fatal(err)
	}
	if lead, err := media.LeadFor(ctx, a.ID); err != nil || lead.ID != first.ID {
		t.Errorf("after restoring: lead %d (%v), want image %d", lead.ID, err, first.ID)
	}
	if err := media.SetLeadBy(ctx, 999, first.ID, by); err != ErrNotFound {
		t.Errorf("unknown article: %v", err)
	}
}
