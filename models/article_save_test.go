package models

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"
)

// TestConcurrentSavesOneWins saves the same version of an article from
// several editors at once: exactly one save goes through, the others are
// told of the conflict, and every save that went through has a revision.
func TestConcurrentSavesOneWins(t *testing.T) {
	t.Parallel()
	d := newTestDB(t)
	ctx := context.Background()
	now := time.Date(2026, 3, 15, 12, 0, 0, 0, time.UTC)
	cat, err := NewCategoryStore(d).Create(ctx, CategoryInput{Name: "World"})
	if err != nil {
		t.Fatal(err)
	}
	u, err := NewUserStore(d).Create(ctx, UserInput{Email: "e@example.com", Name: "Ed", Role: RoleEditor})
	if err != nil {
		t.Fatal(err)
	}
	s := NewArticleStore(d, func() time.Time { return now })
	in := ArticleInput{Title: "Shared story", BodyMD: "v1", CategoryID: cat.ID, AuthorID: u.ID, Status: StatusDraft}
	a, err := s.CreateEdited(ctx, in, Editor{ID: u.ID, Note: "created"})
	if err != nil {
		t.Fatal(err)
	}
	const editors = 8
	var wg sync.WaitGroup
	errs := make([]error, editors)
	for i := range editors {
		wg.Go(func() {
			in := in
			in.Slug = a.Slug
			in.BodyMD = fmt.Sprintf("version by editor %d", i)
			_, errs[i] = s.UpdateEdited(ctx, a.ID, a.Version, in, Editor{ID: u.ID, Note: "edited"})
		})
	}
	wg.Wait()
	won := 0
	for _, err := range errs {
		switch {
		case err == nil:
			won++
		case !errors.Is(err, ErrConflict):
			t.Errorf("save failed with %v, want ErrConflict", err)
		}
	}
	if won != 1 {
		t.Fatalf("%d saves of the same version went through, want 1", won)
	}
	revs, err := s.Revisions(ctx, a.ID)
	if err != nil || len(revs) != 2 {
		t.Fatalf("revisions: %v, %d, want 2", err, len(revs))
	}
	got, err := s.ByID(ctx, a.ID)
	if err != nil || got.Version != a.Version+1 || got.BodyMD != revs[0].BodyMD {
		t.Errorf("stored version %d %q, newest revision %q", got.Version, got.BodyMD, revs[0].BodyMD)
	}
}
