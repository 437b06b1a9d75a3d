package models

import (
	"context"
	"strings"
	"testing"
	"time"
)

// TestBodyFigures: a library picture alone in a paragraph becomes a figure
// with srcset, sizes, width, height, lazy loading, caption and credit.
func TestBodyFigures(t *testing.T) {
	t.Parallel()
	d := newTestDB(t)
	ctx := context.Background()
	media := NewMediaStore(d, time.Now)
	m, err := media.Create(ctx, MediaInput{Filename: "tall.jpg", Data: uploadJPEG(t, 600, 900)})
	if err != nil {
		t.Fatal(err)
	}
	md := "Intro.\n\n![Harbour at dawn](" + m.URL(1280) + ` "Boats at rest · Photo: Ana Ruiz")` + "\n\nAfter."
	got, err := renderBody(ctx, d, md)
	if err != nil {
		t.Fatal(err)
	}
	h := string(got)
	for _, want := range []string{`<figure class="body-figure portrait">`, `srcset="/media/`, `sizes="`, `width="600"`, `height="900"`,
		`loading="lazy"`, `alt="Harbour at dawn"`, `<figcaption>Boats at rest <span class="credit">Photo: Ana Ruiz</span></figcaption>`} {
		if !strings.Contains(h, want) {
			t.Errorf("rendered text lacks %s:\n%s", want, h)
		}
	}
	// An image inside a sentence, or one not in the library, stays an image.
	got, _ = renderBody(ctx, d, "See ![x]("+m.URL(320)+") here.\n\n![y](/media/999/320.jpg)")
	if strings.Contains(string(got), "<figure") {
		t.Errorf("made a figure of an inline or unknown image: %s", got)
	}
}

// TestRerenderBodies: stored articles showing a library picture get the
// figure markup once; a second run changes nothing.
func TestRerenderBodies(t *testing.T) {
	t.Parallel()
	media, articles, cat, u := mediaFixture(t)
	ctx := context.Background()
	m, err := media.Create(ctx, MediaInput{Filename: "wide.jpg", Data: uploadJPEG(t, 800, 400)})
	if err != nil {
		t.Fatal(err)
	}
	a, err := articles.Create(ctx, ArticleInput{Title: "Old story", BodyMD: "![A quay](" + m.URL(1280) + ")", CategoryID: cat.ID,
		AuthorID: u.ID, Status: StatusPublished})
	if err != nil {
		t.Fatal(err)
	}
	// As an article stored before figures existed.
	if _, err := articles.db.Exec(ctx, `UPDATE articles SET body_html = '<p><img src="x"></p>' WHERE id = ?`, a.ID); err != nil {
		t.Fatal(err)
	}
	n, err := RerenderBodies(ctx, articles.db)
	if err != nil || n != 1 {
		t.Fatalf("re-rendered %d, %v; want 1", n, err)
	}
	got, _ := articles.ByID(ctx, a.ID)
	if !strings.Contains(string(got.BodyHTML), `<figure class="body-figure">`) {
		t.Errorf("stored text after re-rendering: %s", got.BodyHTML)
	}
	if n, _ := RerenderBodies(ctx, articles.db); n != 0 {
		t.Errorf("second run changed %d", n)
	}
}
