package handlers

import (
	"context"
	"regexp"
	"strings"
	"testing"
)

func TestArticleTimesCarryTheSiteTimeZone(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	ctx := context.Background()
	st, _ := ts.H.Settings.Get(ctx)
	st.TimeZone = "Asia/Seoul"
	if err := ts.H.Settings.Save(ctx, st); err != nil {
		t.Fatal(err)
	}
	_, body := ts.get(t, seedURL)
	// The seed article went out at 9:30 UTC: 6:30 PM in Seoul.
	wantBody(t, section(t, body, `class="byline"`, `</p>`), `June 23, 2024 at 6:30 PM KST</time>`)
}

func TestArticleShareLinksAndJumpToComments(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	_, body := ts.get(t, seedURL)
	abs := "https%3A%2F%2Fnews.example.com%2Fworld-news%2Fkim-jong-un-to-visit-russia-in-coming-days-confirms-kremlin"
	share := section(t, body, `<ul class="share"`, `</ul>`)
	wantBody(t, share,
		`href="mailto:?subject=Kim%20Jong%20Un%20to%20Visit%20Russia`,
		`href="https://x.com/intent/post?text=Kim&#43;Jong&#43;Un`, `url=`+abs,
		`href="https://www.facebook.com/sharer/sharer.php?u=`+abs+`"`,
		`href="https://www.linkedin.com/sharing/share-offsite/?url=`+abs+`"`,
		`href="https://wa.me/?text=Kim&#43;Jong`,
		`<button type="button" class="share-copy" data-url="https://news.example.com/world-news/kim-jong-un-to-visit-russia-in-coming-days-confirms-kremlin" hidden>Copy link</button>`)
	wantBody(t, body, `<a class="jump-comments" href="#comments">3 comments ↓</a>`, `<section id="comments"`)
	// Nothing of anyone else's loads with the page: share links are links.
	for _, bad := range []string{`<script src="http`, `<iframe`, `<img src="http`} {
		if strings.Contains(body, bad) {
			t.Errorf("article page loads a third-party resource: %s", bad)
		}
	}
}

func TestReplyFormSitsUnderTheCommentAnswered(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	_, body := ts.get(t, seedURL)
	m := regexp.MustCompile(`<li class="comment depth-1" id="comment-(\d+)">`).FindAllStringSubmatch(body, -1)
	if len(m) < 2 {
		t.Fatalf("the seed article shows %d comments, want several", len(m))
	}
	id := m[1][1] // the second comment, so the form is not simply where it always was
	wantBody(t, body, `href="`+seedURL+`?reply=`+id+`#comment-`+id+`" rel="nofollow">Reply`)
	_, body = ts.get(t, seedURL+"?reply="+id)
	li := section(t, body, `id="comment-`+id+`">`, `</li>`)
	if !strings.Contains(li, `<form class="comment-form"`) || !strings.Contains(li, `<input type="hidden" name="parent" value="`+id+`">`) {
		t.Fatalf("the reply form is not under comment %s", id)
	}
	if strings.Index(li, `class="comment-body"`) > strings.Index(li, `<form class="comment-form"`) {
		t.Error("the form comes before the comment it answers")
	}
	if n := strings.Count(body, `<form class="comment-form"`); n != 1 {
		t.Errorf("%d comment forms on the page, want the reply form only", n)
	}
	wantBody(t, body, `Write a new comment instead of a reply`)
}
