package handlers

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsroom/news/models"
)

// Authors post to live articles they write or co-write, not to others'; editors post
// to any; two editors posting at once both get their entry; only editors
// pin; an author changes only their own entries; a stale edit is refused
// with the other version shown.
func TestLiveComposerPermissions(t *testing.T) {
	t.Parallel()
	ts, _ := newTestServerWith(t, serverOptions{demo: true})
	ctx := context.Background()
	a := liveArticle(t, ts)
	writer, err := ts.H.Users.ByID(ctx, a.Author.ID)
	if err != nil {
		t.Fatal(err)
	}
	count := func() int {
		list, err := ts.H.Live.Entries(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		return len(list)
	}
	before := count()
	post := func(c *testServer, text string) *http.Response {
		res, _ := c.postForm(t, composerOf(a)+"/entries", url.Values{"text": {text}})
		return res
	}
	other := ts.otherClient(t, "")
	other.signIn(t, models.RoleAuthor)
	if res := post(other, "Not my story"); res.StatusCode != http.StatusForbidden {
		t.Errorf("another author posting: %d, want 403", res.StatusCode)
	}
	if res, _ := other.get(t, composerOf(a)); res.StatusCode != http.StatusForbidden {
		t.Errorf("another author opening the composer: %d, want 403", res.StatusCode)
	}
	// A co-author posts like the writer.
	co := ts.otherClient(t, "")
	coAuthor := co.signIn(t, models.RoleAuthor)
	if _, err := ts.H.DB.Exec(ctx, `INSERT INTO article_authors (article_id, user_id, position, published_at)
		SELECT id, ?, 2, published_at FROM articles WHERE id = ?`, coAuthor.ID, a.ID); err != nil {
		t.Fatal(err)
	}
	if res := post(co, "From the co-author"); res.StatusCode != http.StatusSeeOther {
		t.Errorf("a co-author posting: %d, want 303", res.StatusCode)
	}
	before++
	own := ts.otherClient(t, "")
	own.useSessionOf(t, writer)
	if res := post(own, "From the writer"); res.StatusCode != http.StatusSeeOther {
		t.Errorf("the article's author posting: %d, want 303", res.StatusCode)
	}
	if res, body := own.postForm(t, composerOf(a)+"/entries", url.Values{"text": {"  "}}); res.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(body, "Write the update") {
		t.Errorf("empty entry: %d, want 422 with a message", res.StatusCode)
	}
	eds := []*testServer{ts.otherClient(t, ""), ts.otherClient(t, "")}
	var wg sync.WaitGroup
	codes := make([]int, len(eds))
	for i, ed := range eds {
		ed.signIn(t, models.RoleEditor)
		wg.Go(func() { codes[i] = post(ed, "Editor "+strconv.Itoa(i)+" reports").StatusCode })
	}
	wg.Wait()
	if codes[0] != http.StatusSeeOther || codes[1] != http.StatusSeeOther {
		t.Errorf("two editors posting at once: %v, want 303 for both", codes)
	}
	list, _ := ts.H.Live.Entries(ctx, a.ID)
	var texts []string
	for _, e := range list {
		texts = append(texts, e.BodyMD)
	}
	if len(list) != before+3 || !slices.Contains(texts, "Editor 0 reports") || !slices.Contains(texts, "Editor 1 reports") {
		t.Errorf("entries after the posts: %q, want the writer's and both editors'", texts)
	}
	mine, theirs := list[slices.Index(texts, "From the writer")], list[slices.Index(texts, "Editor 0 reports")]
	pin := func(c *testServer, e models.LiveEntry) int {
		res, _ := c.postForm(t, "/admin/live/entries/"+strconv.FormatInt(e.ID, 10)+"/pin", url.Values{"pinned": {"1"}})
		return res.StatusCode
	}
	if code := pin(own, mine); code != http.StatusForbidden {
		t.Errorf("author pinning: %d, want 403", code)
	}
	if code := pin(eds[0], mine); code != http.StatusSeeOther {
		t.Errorf("editor pinning: %d, want 303", code)
	}
	edit := func(c *testServer, e models.LiveEntry, text string, version int) (int, string) {
		res, body := c.postForm(t, "/admin/live/entries/"+strconv.FormatInt(e.ID, 10),
			url.Values{"text": {text}, "version": {strconv.Itoa(version)}})
		return res.StatusCode, body
	}
	if code, _ := edit(own, theirs, "hijacked", theirs.Version); code != http.StatusForbidden {
		t.Errorf("author editing an editor's entry: %d, want 403", code)
	}
	if code, _ := edit(eds[1], theirs, "Editor 0 reports, corrected", theirs.Version); code != http.StatusSeeOther {
		t.Errorf("editor editing: %d, want 303", code)
	}
	if code, body := edit(eds[0], theirs, "Editor 0 overwrites", theirs.Version); code != http.StatusConflict ||
		!strings.Contains(body, "Editor 0 reports, corrected") {
		t.Errorf("stale edit: %d, want 409 showing the other version", code)
	}
	if e, _ := ts.H.Live.Entry(ctx, theirs.ID); e.BodyMD != "Editor 0 reports, corrected" {
		t.Errorf("entry after the stale edit: %q", e.BodyMD)
	}
	if n, _ := ts.H.Live.EntryRevisions(ctx, theirs.ID); n != 1 {
		t.Errorf("revisions kept of the edited entry: %d, want 1", n)
	}
}

// The banner an editor raises is at the top of every reader page at once,
// goes by itself at its end time (the cached pages expire then) and when
// lowered; raising and lowering are audited; authors cannot raise it.
func TestBannerRaiseExpireLower(t *testing.T) {
	t.Parallel()
	ts, _ := newTestServerWith(t, serverOptions{demo: true, cacheBytes: 16 << 20})
	pages := []string{"/", "/category/world-news", liveArticle(t, ts).URL()}
	for _, p := range pages {
		ts.get(t, p) // cached before the banner
	}
	author := ts.otherClient(t, "")
	author.signIn(t, models.RoleAuthor)
	if res, _ := author.postForm(t, "/admin/banner", url.Values{"text": {"x"}, "hours": {"1"}}); res.StatusCode != http.StatusForbidden {
		t.Errorf("author raising the banner: %d, want 403", res.StatusCode)
	}
	ts.signIn(t, models.RoleEditor)
	if res, body := ts.postForm(t, "/admin/banner", url.Values{"text": {"Bad link"}, "link": {"javascript:alert(1)"}, "hours": {"1"}}); res.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(body, `value="javascript:alert(1)"`) {
		t.Errorf("banner with a script link: %d, want 422 with the input kept", res.StatusCode)
	}
	res, _ := ts.postForm(t, "/admin/banner", url.Values{"text": {"Summit talks begin in Vladivostok"}, "link": {"/world-news/x"}, "hours": {"1"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("raise: %d", res.StatusCode)
	}
	reader := ts.otherClient(t, "")
	shows := func(p string) bool {
		_, body := reader.get(t, p)
		return strings.Contains(body, "Summit talks begin in Vladivostok")
	}
	for _, p := range pages {
		if !shows(p) {
			t.Errorf("%s does not show the banner just raised", p)
		}
	}
	ts.Clock.Set(testNow.Add(59 * time.Minute))
	if !shows("/") {
		t.Error("the banner went before its end")
	}
	ts.Clock.Set(testNow.Add(61 * time.Minute))
	for _, p := range pages {
		if shows(p) {
			t.Errorf("%s still shows the banner after its end", p)
		}
	}
	ts.postForm(t, "/admin/banner", url.Values{"text": {"Second banner"}, "hours": {"2"}})
	if _, body := reader.get(t, "/"); !strings.Contains(body, "Second banner") {
		t.Error("the second banner is not shown")
	}
	ts.postForm(t, "/admin/banner/lower", nil)
	if _, body := reader.get(t, "/"); strings.Contains(body, "Second banner") {
		t.Error("the lowered banner is still shown")
	}
	acts := strings.Join(ts.auditActions(t), "\n")
	if !strings.Contains(acts, "banner.raise Test editor") || !strings.Contains(acts, "Summit talks begin in Vladivostok") ||
		!strings.Contains(acts, "banner.lower Test editor") {
		t.Errorf("audit log %v: want banner.raise with its text and banner.lower, by the editor", acts)
	}
}
