package models

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"testing"
	"time"

	"github.com/newsroom/news/models/imaging"
)

// mediaFixture is a database with one section, one author and an image.
func mediaFixture(t *testing.T) (*MediaStore, *ArticleStore, Category, User) {
	t.Helper()
	d := newTestDB(t)
	ctx := context.Background()
	cat, err := NewCategoryStore(d).Create(ctx, CategoryInput{Name: "World News"})
	if err != nil {
		t.Fatal(err)
	}
	u, err := NewUserStore(d).Create(ctx, UserInput{Email: "e@example.com", Name: "Ed Itor", Role: RoleEditor})
	if err != nil {
		t.Fatal(err)
	}
	return NewMediaStore(d, time.Now), NewArticleStore(d, time.Now), cat, u
}

// uploadJPEG is a JPEG photo of w×h pixels, as an editor would upload.
func uploadJPEG(t testing.TB, w, h int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, image.NewRGBA(image.Rect(0, 0, w, h)), nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestMediaStoredWithWhatDescribesIt(t *testing.T) {
	t.Parallel()
	media, _, _, u := mediaFixture(t)
	ctx := context.Background()
	m, err := media.Create(ctx, MediaInput{Filename: `C:\photos\harbour.jpg`, Data: uploadJPEG(t, 300, 200),
		Alt: "  Boats in the harbour  ", Caption: "Dawn at the port.", Credit: "Photo: A. Person", UploaderID: u.ID})
	if err != nil {
		t.Fatal(err)
	}
	got, err := media.Get(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Alt != "Boats in the harbour" || got.Caption != "Dawn at the port." || got.Credit != "Photo: A. Person" ||
		got.Width != 300 || got.Height != 200 || got.Type != "image/jpeg" || got.Filename != "harbour.jpg" ||
		got.UploaderName != "Ed Itor" || got.Size == 0 || got.CreatedAt.IsZero() {
		t.Errorf("stored %+v", got)
	}
	if _, err := media.Create(ctx, MediaInput{Data: []byte("not an image")}); !errors.Is(err, imaging.ErrImageType) {
		t.Errorf("a text file was %v, want ErrImageType", err)
	}
}

func TestLeadImageNeedsAltText(t *testing.T) {
	t.Parallel()
	media, articles, cat, u := mediaFixture(t)
	ctx := context.Background()
	m, _ := media.Create(ctx, MediaInput{Data: uploadJPEG(t, 100, 50)})
	a, _ := articles.Create(ctx, ArticleInput{Title: "Port reopens", CategoryID: cat.ID, AuthorID: u.ID, Status: StatusPublished})
	if err := media.SetLead(ctx, a.ID, m.ID); !errors.Is(err, ErrAltRequired) {
		t.Fatalf("lead without alt text: %v, want ErrAltRequired", err)
	}
	if _, err := media.UpdateMeta(ctx, m.ID, MediaMeta{Alt: "Cranes over the port"}); err != nil {
		t.Fatal(err)
	}
	if err := media.SetLead(ctx, a.ID, m.ID); err != nil {
		t.Fatal(err)
	}
	lead, err := media.LeadFor(ctx, a.ID)
	if err != nil || lead.ID != m.ID {
		t.Errorf("lead is %v %v, want image %d", lead.ID, err, m.ID)
	}
}

func TestDeletingAnImageInUseAsksFirst(t *testing.T) {
	t.Parallel()
	media, articles, cat, u := mediaFixture(t)
	ctx := context.Background()
	lead, _ := media.Create(ctx, MediaInput{Data: uploadJPEG(t, 100, 50), Alt: "Lead"})
	inBody, _ := media.Create(ctx, MediaInput{Data: uploadJPEG(t, 100, 50), Alt: "Body"})
	unused, _ := media.Create(ctx, MediaInput{Data: uploadJPEG(t, 100, 50), Alt: "Spare"})
	a, _ := articles.Create(ctx, ArticleInput{Title: "Floods", CategoryID: cat.ID, AuthorID: u.ID, Status: StatusDraft,
		BodyMD: "Text.\n\n" + inBody.BodyMarkdown()})
	if err := media.SetLead(ctx, a.ID, lead.ID); err != nil {
		t.Fatal(err)
	}
	for _, m := range []Media{lead, inBody} {
		uses, err := media.Usage(ctx, m.ID)
		if err != nil || len(uses) != 1 || uses[0].ArticleID != a.ID || uses[0].Lead != (m.ID == lead.ID) {
			t.Errorf("usage of image %d: %+v %v", m.ID, uses, err)
		}
		if err := media.Delete(ctx, m.ID, false); !errors.Is(err, ErrMediaInUse) {
			t.Errorf("deleting image %d in use without asking: %v, want ErrMediaInUse", m.ID, err)
		}
	}
	if err := media.Delete(ctx, unused.ID, false); err != nil {
		t.Errorf("deleting an unused image: %v", err)
	}
	if err := media.Delete(ctx, lead.ID, true); err != nil {
		t.Fatalf("confirmed delete: %v", err)
	}
	if _, err := media.LeadFor(ctx, a.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("article still leads with a deleted image: %v", err)
	}
	if _, err := media.Get(ctx, lead.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleted image still there: %v", err)
	}
}

func TestUsageDoesNotConfuseIDs(t *testing.T) {
	t.Parallel()
	media, articles, cat, u := mediaFixture(t)
	ctx := context.Background()
	_, _ = articles.Create(ctx, ArticleInput{Title: "Other", CategoryID: cat.ID, AuthorID: u.ID,
		BodyMD: "![x](/media/12/640.jpg)"})
	uses, err := media.Usage(ctx, 1)
	if err != nil || len(uses) != 0 {
		t.Errorf("image 1 is used by %+v (%v); only image 12 is", uses, err)
	}
}

func TestMediaListSearchesAndPages(t *testing.T) {
	t.Parallel()
	media, _, _, _ := mediaFixture(t)
	ctx := context.Background()
	data := uploadJPEG(t, 40, 20)
	for i := 0; i < MediaPageSize+3; i++ {
		alt := fmt.Sprintf("Picture %d", i)
		if i == 5 {
			alt = "Harbour cranes at 100% height"
		}
		if _, err := media.Create(ctx, MediaInput{Data: data, Alt: alt, Caption: fmt.Sprintf("caption %d", i)}); err != nil {
			t.Fatal(err)
		}
	}
	first, p, err := media.List(ctx, "", 1, 0)
	if err != nil || len(first) != MediaPageSize || !p.HasNext || first[0].Alt != fmt.Sprintf("Picture %d", MediaPageSize+2) {
		t.Fatalf("page 1: %d images, next %v, first %q, %v", len(first), p.HasNext, first[0].Alt, err)
	}
	second, p, _ := media.List(ctx, "", 2, 0)
	if len(second) != 3 || p.HasNext {
		t.Errorf("page 2: %d images, next %v", len(second), p.HasNext)
	}
	found, _, _ := media.List(ctx, "harbour", 1, 0)
	if len(found) != 1 || found[0].Alt != "Harbour cranes at 100% height" {
		t.Errorf("search by alt found %d", len(found))
	}
	found, _, _ = media.List(ctx, "caption 7", 1, 0)
	if len(found) != 1 {
		t.Errorf("search by caption found %d", len(found))
	}
	found, _, _ = media.List(ctx, "0%", 1, 0)
	if len(found) != 1 {
		t.Errorf("a %% in the search is literal: found %d", len(found))
	}
}

func TestBodyImagesNeedAltText(t *testing.T) {
	t.Parallel()
	media, _, _, _ := mediaFixture(t)
	ctx := context.Background()
	with, _ := media.Create(ctx, MediaInput{Data: uploadJPEG(t, 100, 50), Alt: "Described"})
	without, _ := media.Create(ctx, MediaInput{Data: uploadJPEG(t, 100, 50)})
	if err := media.CheckBody(ctx, "Text\n\n"+with.BodyMarkdown()); err != nil {
		t.Errorf("described image refused: %v", err)
	}
	if err := media.CheckBody(ctx, "![](/media/"+fmt.Sprint(without.ID)+"/640.jpg)"); !errors.Is(err, ErrAltRequired) {
		t.Errorf("image without alt text: %v, want ErrAltRequired", err)
	}
	if err := media.CheckBody(ctx, "![x](/media/999/640.jpg)"); !errors.Is(err, ErrMediaMissing) {
		t.Errorf("missing image: %v, want ErrMediaMissing", err)
	}
}
