package handlers

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/newsroom/news/models"
)

func TestSectionsCreateRenameReorderDelete(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	ts.signIn(t, models.RoleEditor)
	ctx := context.Background()

	res, body := ts.postForm(t, "/admin/sections", url.Values{"name": {"Opinion"}, "description": {"Views"}})
	mustStatus(t, res, body, http.StatusSeeOther)
	res, body = ts.postForm(t, "/admin/sections", url.Values{"name": {"Opinion"}, "description": {"Kept text"}})
	mustStatus(t, res, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "Another section already uses this address") || !strings.Contains(body, "Kept text") {
		t.Error("duplicate section: no message or input lost")
	}
	res, body = ts.postForm(t, "/admin/sections", url.Values{"name": {""}})
	mustStatus(t, res, body, http.StatusUnprocessableEntity)
	res, body = ts.postForm(t, "/admin/sections", url.Values{"name": {"Tag"}})
	mustStatus(t, res, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "used by the site itself") {
		t.Error("no message for a section slug the site uses")
	}

	op, err := ts.H.Categories.BySlug(ctx, "opinion")
	if err != nil {
		t.Fatal(err)
	}
	// Move it up one place: it swaps with the section before it.
	all, _ := ts.H.Categories.All(ctx)
	before := all[len(all)-2]
	res, body = ts.postForm(t, "/admin/sections/"+itoa(op.ID)+"/move", url.Values{"dir": {"up"}})
	mustStatus(t, res, body, http.StatusSeeOther)
	all, _ = ts.H.Categories.All(ctx)
	if all[len(all)-2].ID != op.ID || all[len(all)-1].ID != before.ID {
		t.Error("moving up did not swap the two sections")
	}

	// Renaming keeps the old address working.
	world := firstSection(t, ts)
	res, body = ts.postForm(t, "/admin/sections/"+itoa(world.ID), url.Values{"name": {"World"}, "slug": {"world"}})
	mustStatus(t, res, body, http.StatusSeeOther)
	res, _ = ts.get(t, "/category/"+world.Slug)
	if res.StatusCode != http.StatusMovedPermanently || res.Header.Get("Location") != "/category/world" {
		t.Errorf("old section address: %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	if _, body := ts.get(t, "/"); !strings.Contains(body, `href="/category/world"`) {
		t.Error("navigation does not show the renamed section")
	}
	a := storedArticle(t, ts, 1)
	if a.Category.ID == world.ID {
		res, _ = ts.get(t, "/"+world.Slug+"/"+a.Slug)
		if res.StatusCode != http.StatusMovedPermanently || res.Header.Get("Location") != "/world/"+a.Slug {
			t.Errorf("article under the old section slug: %d to %q", res.StatusCode, res.Header.Get("Location"))
		}
	}

	// Deleting asks where the articles go.
	res, body = ts.get(t, "/admin/sections/"+itoa(world.ID)+"/delete")
	mustStatus(t, res, body, http.StatusOK)
	res, body = ts.postForm(t, "/admin/sections/"+itoa(world.ID)+"/delete", url.Values{"move_to": {""}})
	mustStatus(t, res, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "Choose the section its articles should move to.") {
		t.Error("no message when no section is chosen")
	}
	res, body = ts.postForm(t, "/admin/sections/"+itoa(world.ID)+"/delete", url.Values{"move_to": {itoa(op.ID)}})
	mustStatus(t, res, body, http.StatusSeeOther)
	if _, err := ts.H.Categories.ByID(ctx, world.ID); err != models.ErrNotFound {
		t.Errorf("deleted section: %v", err)
	}
	if a.Category.ID == world.ID {
		if got := storedArticle(t, ts, a.ID); got.Category.ID != op.ID {
			t.Errorf("article moved to section %d, want %d", got.Category.ID, op.ID)
		}
	}
	res, _ = ts.get(t, "/category/world")
	if res.StatusCode != http.StatusMovedPermanently || res.Header.Get("Location") != "/category/opinion" {
		t.Errorf("deleted section's address: %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
}

func TestTagsRenameMergeDelete(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	ed := ts.signIn(t, models.RoleEditor)
	ctx := context.Background()
	sec := firstSection(t, ts)
	f := newArticleForm("Tagged one", "published", sec, ed)
	f.Set("tags", "Elections, Voting")
	one := createArticle(t, ts, f)
	f = newArticleForm("Tagged two", "published", sec, ed)
	f.Set("tags", "Election")
	two := createArticle(t, ts, f)

	elections, _ := ts.H.Tags.BySlug(ctx, "elections")
	election, _ := ts.H.Tags.BySlug(ctx, "election")
	voting, _ := ts.H.Tags.BySlug(ctx, "voting")

	// Renaming to a slug another tag has is refused with a hint to merge.
	res, body := ts.postForm(t, "/admin/tags/"+itoa(election.ID), url.Values{"name": {"Elections"}})
	mustStatus(t, res, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "merge this tag into it") {
		t.Error("no merge hint for a taken tag slug")
	}
	res, body = ts.postForm(t, "/admin/tags/"+itoa(election.ID)+"/merge", url.Values{"into": {itoa(elections.ID)}})
	mustStatus(t, res, body, http.StatusSeeOther)
	tags, _ := ts.H.Tags.ForArticle(ctx, two.ID)
	if len(tags) != 1 || tags[0].ID != elections.ID {
		t.Errorf("after merge, article two has tags %v", tags)
	}
	if res, _ := ts.get(t, "/tag/election"); res.StatusCode != http.StatusNotFound {
		t.Errorf("merged tag page: %d", res.StatusCode)
	}
	if _, body := ts.get(t, "/tag/elections"); !strings.Contains(body, "Tagged two") || !strings.Contains(body, "Tagged one") {
		t.Error("merged tag page lacks an article")
	}

	res, body = ts.postForm(t, "/admin/tags/"+itoa(voting.ID), url.Values{"name": {"Ballots"}})
	mustStatus(t, res, body, http.StatusSeeOther)
	if _, err := ts.H.Tags.BySlug(ctx, "ballots"); err != nil {
		t.Errorf("renamed tag: %v", err)
	}
	res, body = ts.get(t, "/admin/tags/"+itoa(voting.ID)+"/delete")
	mustStatus(t, res, body, http.StatusOK)
	res, body = ts.postForm(t, "/admin/tags/"+itoa(voting.ID)+"/delete", nil)
	mustStatus(t, res, body, http.StatusSeeOther)
	tags, _ = ts.H.Tags.ForArticle(ctx, one.ID)
	if len(tags) != 1 || tags[0].Slug != "elections" {
		t.Errorf("after delete, article one has tags %v", tags)
	}
}
