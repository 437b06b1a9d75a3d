package handlers

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsroom/news/handlers/reader"
	"github.com/newsroom/news/models"
)

func TestRepliesNestAtMostThreeDeep(t *testing.T) {
	t.Parallel()
	ts := commentTestServer(t, models.ModerateNone)
	post := func(text string, parent int64) (*http.Response, string) {
		t.Helper()
		f := commentForm(text, "Eve")
		if parent != 0 {
			f.Set("parent", strconv.FormatInt(parent, 10))
		}
		return ts.postForm(t, commentsURL, f)
	}
	var ids []int64
	for i := range 4 {
		var parent int64
		if i > 0 {
			parent = ids[i-1]
		}
		if res, body := post(fmt.Sprintf("Level %d", i+1), parent); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("level %d: %d %s", i+1, res.StatusCode, body)
		}
		ids = append(ids, ts.lastComment(t).ID)
	}
	if got := ts.lastComment(t).Parent; got != ids[1] {
		t.Errorf("a reply to a third-level comment has parent %d, want %d (beside its parent)", got, ids[1])
	}
	_, page := ts.get(t, seedURL)
	for i, depth := range []int{1, 2, 3, 3} {
		if !strings.Contains(page, fmt.Sprintf(`<li class="comment depth-%d" id="comment-%d">`, depth, ids[i])) {
			t.Errorf("level %d comment is not shown at depth %d", i+1, depth)
		}
	}
	if strings.Contains(page, "depth-4") {
		t.Error("a comment is nested four deep")
	}
	if n := strings.Count(page, `class="comment-reply" href="`+seedURL+`?reply=`); n < 4+3 {
		t.Errorf("%d Reply links, want one for each approved comment", n)
	}

	// The Reply link opens the form set to answer that comment.
	_, page = ts.get(t, seedURL+"?reply="+strconv.FormatInt(ids[0], 10))
	if !strings.Contains(page, `<input type="hidden" name="parent" value="`+strconv.FormatInt(ids[0], 10)+`">`) ||
		!strings.Contains(page, "Reply to Eve") {
		t.Error("?reply= does not set the form to reply")
	}
	_, page = ts.get(t, seedURL+"?reply=999999")
	if strings.Contains(page, `name="parent"`) {
		t.Error("?reply= to an unknown comment sets the form to reply")
	}

	// Refused: replies to a pending comment, to another article's comment,
	// to no comment, and to junk; each keeps the text.
	if res, _ := ts.postForm(t, otherArticle(t, ts)+"/comments", commentForm("Elsewhere", "Fay")); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("post under another article: %d", res.StatusCode)
	}
	elsewhere := ts.lastComment(t).ID
	ts.setSettings(t, func(s *models.Settings) { s.ModerationMode = models.ModerateAll })
	if res, _ := post("Pending one", 0); res.StatusCode != http.StatusSeeOther {
		t.Fatal(res.StatusCode)
	}
	pending := ts.lastComment(t).ID
	before := len(ts.comments(t))
	for name, parent := range map[string]string{
		"pending": strconv.FormatInt(pending, 10), "other article": strconv.FormatInt(elsewhere, 10),
		"unknown": "987654", "junk": "12abc", "negative": "-3",
	} {
		f := commentForm("My reply to "+name, "Gus")
		f.Set("parent", parent)
		res, body := ts.postForm(t, commentsURL, f)
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("reply to %s: %d, want 422", name, res.StatusCode)
			continue
		}
		if !strings.Contains(body, "The comment you replied to can no longer be answered.") ||
			!strings.Contains(body, "My reply to "+name+"</textarea>") {
			t.Errorf("reply to %s: no message or text lost", name)
		}
	}
	if after := len(ts.comments(t)); after != before {
		t.Errorf("%d refused replies were stored", after-before)
	}
}

func TestClosedCommentsShowNoFormAndRefusePosts(t *testing.T) {
	t.Parallel()
	ts := commentTestServer(t, models.ModerateNone)
	check := func(label string, wantOpen bool) {
		t.Helper()
		_, page := ts.get(t, seedURL)
		open := strings.Contains(page, `<form class="comment-form"`)
		closed := strings.Contains(page, "Comments are closed.")
		if open != wantOpen || closed == wantOpen {
			t.Errorf("%s: form shown %v, closed notice %v; want open %v", label, open, closed, wantOpen)
		}
		res, body := ts.postForm(t, commentsURL, commentForm("Posting to "+label, "Hal"))
		if wantOpen && res.StatusCode != http.StatusSeeOther {
			t.Errorf("%s: post %d, want 303", label, res.StatusCode)
		}
		if !wantOpen && (res.StatusCode != http.StatusForbidden || !strings.Contains(body, "Comments are closed on this article") ||
			!strings.Contains(body, ">\nPosting to "+label+"</textarea>") || res.Header.Get("Cache-Control") != "no-store") {
			t.Errorf("%s: post %d, want 403 with a message and the text kept", label, res.StatusCode)
		}
	}
	check("open", true)
	// The seed article came out in 2024; a 30-day limit has closed it.
	ts.setSettings(t, func(s *models.Settings) { s.AutoCloseDays = 30 })
	check("auto-closed", false)
	ts.setSettings(t, func(s *models.Settings) { s.AutoCloseDays = 0 })
	check("auto-close off", true)
	if _, err := ts.H.DB.Exec(context.Background(), `UPDATE articles SET comments_open = 0 WHERE id = ?`, ts.articleID(t, seedURL)); err != nil {
		t.Fatal(err)
	}
	check("closed by the newsroom", false)
	if n := len(ts.comments(t)); n != 2 {
		t.Errorf("%d comments stored, want the 2 posted while open", n)
	}
}

func TestRateLimitKeepsTheText(t *testing.T) {
	t.Parallel()
	ts := commentTestServer(t, models.ModerateAll)
	ts.H.Site.Reader.CommentLimit.SetRates(reader.CommentRates()...)
	post := func(i int) (*http.Response, string) {
		return ts.postForm(t, commentsURL, commentForm(fmt.Sprintf("Comment number %d", i), "Ivy"))
	}
	i := 0
	for ; i < 5; i++ {
		if res, _ := post(i); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("post %d: %d", i, res.StatusCode)
		}
	}
	res, body := post(i)
	if res.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("sixth post in a minute: %d, want 429", res.StatusCode)
	}
	if res.Header.Get("Retry-After") == "" || res.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("429 headers: %v", res.Header)
	}
	if !strings.Contains(body, "Please wait a minute and send this one again") || !strings.Contains(body, ">\nComment number 5</textarea>") {
		t.Error("429 page lacks its message or the kept text")
	}
	// A minute later five more are allowed, until thirty in the hour.
	for minute := 1; ; minute++ {
		ts.Clock.Set(testNow.Add(time.Duration(minute)*time.Minute + time.Second))
		for range 5 {
			res, _ := post(i)
			if res.StatusCode == http.StatusTooManyRequests {
				if i != 30 {
					t.Fatalf("refused after %d posts, want 30", i)
				}
				if n := len(ts.comments(t)); n != 30 {
					t.Errorf("%d stored, want 30", n)
				}
				return
			}
			i++
		}
		if minute > 10 {
			t.Fatal("never limited by the hourly rate")
		}
	}
}

func TestCrossSiteCommentPostsAreRefused(t *testing.T) {
	t.Parallel()
	ts := commentTestServer(t, models.ModerateAll)
	for i, tc := range []struct {
		headers map[string]string
		want    int
	}{
		{map[string]string{}, http.StatusSeeOther},
		{map[string]string{"Sec-Fetch-Site": "same-origin", "Origin": ts.URL}, http.StatusSeeOther},
		{map[string]string{"Origin": ts.URL}, http.StatusSeeOther},
		{map[string]string{"Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"}, http.StatusForbidden},
		{map[string]string{"Sec-Fetch-Site": "same-site", "Origin": "https://sub.example"}, http.StatusForbidden},
		{map[string]string{"Origin": "https://evil.example"}, http.StatusForbidden},
	} {
		req, _ := http.NewRequest(http.MethodPost, ts.URL+commentsURL,
			strings.NewReader(commentForm(fmt.Sprintf("Cross-site try %d", i), "Jo").Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		for k, v := range tc.headers {
			req.Header.Set(k, v)
		}
		res, body := ts.do(t, req)
		if res.StatusCode != tc.want {
			t.Errorf("%v: %d, want %d", tc.headers, res.StatusCode, tc.want)
		}
		if tc.want == http.StatusForbidden && !strings.Contains(body, "can only be sent from this site") {
			t.Errorf("%v: refusal page lacks its message", tc.headers)
		}
	}
	if n := len(ts.comments(t)); n != 3 {
		t.Errorf("%d stored, want the 3 same-origin posts", n)
	}
}

func TestOversizedBodyGets413(t *testing.T) {
	t.Parallel()
	ts := commentTestServer(t, models.ModerateNone)
	big := commentForm(strings.Repeat("<script>alert(1)</script>", 1<<20/25), "Kim").Encode()
	res, body := ts.postForm(t, commentsURL, commentForm(strings.Repeat("x", 1<<20), "Kim"))
	if res.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(body, "larger than a comment can be") {
		t.Errorf("1 MB form: %d", res.StatusCode)
	}
	// Without a Content-Length the limit is met while reading.
	req, _ := http.NewRequest(http.MethodPost, ts.URL+commentsURL, io.MultiReader(bytes.NewReader([]byte(big))))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	res, _ = ts.do(t, req)
	if res.StatusCode != http.StatusRequestEntityTooLarge || res.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("1 MB streamed form: %d %q", res.StatusCode, res.Header.Get("Cache-Control"))
	}
	if n := len(ts.comments(t)); n != 0 {
		t.Errorf("%d oversized comments stored", n)
	}
	// A comment a little over the limit in characters is not cut off by
	// the body limit: it gets its own message, with the text kept.
	res, _ = ts.postForm(t, commentsURL, commentForm(strings.Repeat("日本", 3000), "Kim"))
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("6000-character comment: %d, want 422", res.StatusCode)
	}
}

func TestReaderPagesAreTheSameForEveryVisitor(t *testing.T) {
	t.Parallel()
	ts := commentTestServer(t, models.ModerateNone)
	if res, _ := ts.postForm(t, commentsURL, commentForm("Shown to all.", "Lou")); res.StatusCode != http.StatusSeeOther {
		t.Fatal(res.StatusCode)
	}
	for _, path := range []string{seedURL, seedURL + "?comment=published", seedURL + "?comment=pending"} {
		res1, a := ts.get(t, path)
		other := &http.Client{}
		res2, err := other.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res2.Body)
		res2.Body.Close()
		// The request id header differs; the pages must not.
		if a != string(b) {
			t.Errorf("%s differs between visitors", path)
		}
		if res1.Header.Get("Set-Cookie") != "" || res2.Header.Get("Set-Cookie") != "" {
			t.Errorf("%s sets a cookie", path)
		}
	}
	// The article page counts approved comments; list cards show none.
	if _, page := ts.get(t, seedURL); !strings.Contains(page, "4 Comments") {
		t.Error("the article page does not count the new approved comment (3 demo + 1)")
	}
	if _, list := ts.get(t, "/category/world-news"); strings.Contains(list, "4 comments") {
		t.Error("a section list's card shows a comment count")
	}
}

func TestRateLimitIgnoresForwardedFor(t *testing.T) {
	t.Parallel()
	ts := commentTestServer(t, models.ModerateAll)
	ts.H.Site.Reader.CommentLimit.SetRates(reader.CommentRates()...)
	var last int
	for i := range 6 {
		req, _ := http.NewRequest(http.MethodPost, ts.URL+commentsURL,
			strings.NewReader(commentForm(fmt.Sprintf("Forwarded %d", i), "Max").Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("X-Forwarded-For", fmt.Sprintf("198.51.100.%d", i))
		req.Header.Set("X-Real-IP", fmt.Sprintf("198.51.100.%d", i))
		res, _ := ts.do(t, req)
		last = res.StatusCode
	}
	if last != http.StatusTooManyRequests {
		t.Errorf("sixth post with a new X-Forwarded-For: %d, want 429", last)
	}
}
