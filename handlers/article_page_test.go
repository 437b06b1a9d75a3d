package handlers

import (
	"context"
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
