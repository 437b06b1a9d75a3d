package handlers

import (
	"html"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsroom/news/handlers/reader"
	"github.com/newsroom/news/models"
)

const commentsURL = seedURL + "/comments"

func TestCommentValidationKeepsWhatWasTyped(t *testing.T) {
	t.Parallel()
	ts := commentTestServer(t, models.ModerateNone)
	long := strings.Repeat("é", models.MaxCommentLen+1)
	cases := []struct {
		name  string
		form  url.Values
		field string
		want  string
	}{
		{"missing comment", commentForm("", "Ada Reader", "email", "ada@example.com"), "comment", "Please enter your comment!"},
		{"missing name", commentForm("A fair point about the summit.", ""), "name", "Please enter your name here"},
		{"blank comment", commentForm(" \r\n\t ", "Ada Reader"), "comment", "There is only blank space in your comment."},
		{"blank name", commentForm("Good piece.", "   "), "name", "There is only blank space in your name."},
		{"invisible comment", commentForm("\u200b\u200d \u2060\ufeff\n\ufdd0\U0010ffff\u00ad", "Ada Reader"), "comment",
			"There are only invisible characters in your comment. Please enter your comment!"},
		{"invisible name", commentForm("Good piece.", "\u200c\u200b\u3164\ufe0f"), "name",
			"There are only invisible characters in your name. Please enter your name here"},
		{"comment too long", commentForm(long, "Ada Reader"), "comment", "at most 5000 characters (it has 5001)"},
		{"name too long", commentForm("Good piece.", strings.Repeat("n", 81)), "name", "at most 80 characters (it has 81)"},
		{"comment not UTF-8", commentForm("caf\xe9 au lait", "Ada Reader"), "comment", "Some characters in your comment could not be read."},
		{"name not UTF-8", commentForm("Good piece.", "Ad\xffa"), "name", "Some characters in your name could not be read."},
		{"bad email", commentForm("Good piece.", "Ada Reader", "email", "ada at example"), "email", "Please enter an email address such as"},
	}
	for _, tc := range cases {
		res, body := ts.postForm(t, commentsURL, tc.form)
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("%s: status %d, want 422", tc.name, res.StatusCode)
			continue
		}
		if cc := res.Header.Get("Cache-Control"); cc != "no-store" {
			t.Errorf("%s: Cache-Control %q, want no-store", tc.name, cc)
		}
		errP := section(t, body, `id="`+tc.field+`-error">`, "</p>")
		if !strings.Contains(html.UnescapeString(errP), tc.want) {
			t.Errorf("%s: message by %s is %q, want %q", tc.name, tc.field, errP, tc.want)
		}
		for _, key := range []string{"comment", "name", "email"} {
			typed := strings.ToValidUTF8(tc.form.Get(key), "\uFFFD")
			if typed == "" {
				continue
			}
			var kept string
			if key == "comment" {
				_, kept, _ = strings.Cut(section(t, body, `id="comment"`, "</textarea>"), ">\n")
			} else {
				kept = section(t, body, `id="`+key+`"`, ">\n")
				kept = section(t, kept, `value="`, `"`)
			}
			if html.UnescapeString(kept) != typed {
				t.Errorf("%s: %s field shows %.80q, typed %.80q", tc.name, key, kept, typed)
			}
		}
	}
	if n := len(ts.comments(t)); n != 0 {
		t.Errorf("%d invalid comments were stored", n)
	}
}

func TestCommentPostRedirectsWithNotice(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		mode, status, notice string
		published            bool
	}{
		{models.ModerateAll, models.CommentPending, "awaiting moderation", false},
		{models.ModerateNone, models.CommentApproved, "Your comment is published.", true},
	} {
		ts := commentTestServer(t, tc.mode)
		res, _ := ts.postForm(t, commentsURL, commentForm("The talks matter more than the visit.", "Ada <Reader>",
			"email", "Ada@Example.com"))
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("%s: status %d, want 303", tc.mode, res.StatusCode)
		}
		loc := res.Header.Get("Location")
		c := ts.lastComment(t)
		anchor := "#comment-" + strconv.FormatInt(c.ID, 10)
		if tc.published && loc != seedURL+"?comment=published"+anchor {
			t.Errorf("%s: Location %q, want the article at the comment", tc.mode, loc)
		}
		if !tc.published && (!strings.HasPrefix(loc, seedURL+"/comments/"+strconv.FormatInt(c.ID, 10)+"/") || !strings.HasSuffix(loc, anchor)) {
			t.Errorf("%s: Location %q, want the comment's confirmation page", tc.mode, loc)
		}
		if c.Status != tc.status || c.Name != "Ada <Reader>" || c.Email != "ada@example.com" ||
			c.Body != "<p>The talks matter more than the visit.</p>" || c.Article != ts.articleID(t, seedURL) {
			t.Errorf("%s: stored %+v", tc.mode, c)
		}
		if c.IPHash == "" || strings.Contains(c.IPHash, "127.0.0.1") {
			t.Errorf("%s: ip_hash %q is not a hash of the address", tc.mode, c.IPHash)
		}
		res, page := ts.get(t, strings.TrimSuffix(loc, anchor))
		comments := section(t, page, `id="comments"`, "</section>")
		if !strings.Contains(comments, tc.notice) {
			t.Errorf("%s: notice %q not shown after the redirect", tc.mode, tc.notice)
		}
		// Either way the commenter sees their comment, escaped.
		if !strings.Contains(comments, "The talks matter more than the visit.") || !strings.Contains(comments, ">Ada &lt;Reader&gt;</span>") {
			t.Errorf("%s: the commenter does not see their comment", tc.mode)
		}
		if strings.Contains(page, "ada@example.com") {
			t.Errorf("%s: the email address is shown on the page", tc.mode)
		}
		if tc.published {
			continue
		}
		if !strings.Contains(comments, `Awaiting moderation`) || res.Header.Get("Cache-Control") != "no-store" {
			t.Errorf("pending: confirmation page has no mark or is cacheable (Cache-Control %q)", res.Header.Get("Cache-Control"))
		}
		// Everyone else sees the article without it, from the cache.
		_, public := ts.get(t, seedURL)
		if strings.Contains(public, "The talks matter more than the visit.") {
			t.Error("pending: the held comment is shown on the public article page")
		}
		// A link with another id or a changed signature shows nothing.
		forged := strings.Replace(strings.TrimSuffix(loc, anchor), "/comments/"+strconv.FormatInt(c.ID, 10)+"/", "/comments/1/", 1)
		tampered := strings.TrimSuffix(loc, anchor)
		tampered = tampered[:len(tampered)-2] + "xx"
		for _, bad := range []string{forged, tampered, seedURL + "/comments/abc/def"} {
			res, _ := ts.get(t, bad)
			if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != seedURL+"#comments" {
				t.Errorf("pending: %s: %d to %q, want 303 to the article", bad, res.StatusCode, res.Header.Get("Location"))
			}
		}
		// The link stops working after a day.
		ts.Clock.Set(testNow.Add(reader.ConfirmLinkLife + time.Minute))
		if res, _ := ts.get(t, strings.TrimSuffix(loc, anchor)); res.StatusCode != http.StatusSeeOther {
			t.Errorf("pending: an expired link answers %d, want 303", res.StatusCode)
		}
	}
}

func TestModerationModeUnknownTrustsKnownCommenters(t *testing.T) {
	t.Parallel()
	ts := commentTestServer(t, models.ModerateUnknown)
	post := func(text, name, email string) string {
		t.Helper()
		res, body := ts.postForm(t, commentsURL, commentForm(text, name, "email", email))
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("status %d: %s", res.StatusCode, body)
		}
		return ts.lastComment(t).Status
	}
	if s := post("First time here.", "Ben", "ben@example.com"); s != models.CommentPending {
		t.Fatalf("a new commenter's comment is %s, want pending", s)
	}
	ts.setCommentStatus(t, ts.lastComment(t).ID, models.CommentApproved)
	if s := post("Back again.", "Ben", "BEN@example.com"); s != models.CommentApproved {
		t.Errorf("a known commenter's comment is %s, want approved", s)
	}
	if s := post("Pretending to be Ben.", "Ben", "other@example.com"); s != models.CommentPending {
		t.Errorf("the same name with another email is %s, want pending", s)
	}
	if s := post("No email given.", "Ben", ""); s != models.CommentPending {
		t.Errorf("a comment without email is %s, want pending", s)
	}
	if s := post("Known, but many links: http://a.example http://b.example http://c.example http://d.example",
		"Ben", "ben@example.com"); s != models.CommentPending {
		t.Errorf("a known commenter's comment with 4 links is %s, want pending", s)
	}
}

func TestCommentsWithLinksOrHeldWordsAreHeld(t *testing.T) {
	t.Parallel()
	ts := commentTestServer(t, models.ModerateNone)
	ts.setSettings(t, func(s *models.Settings) { s.HeldWords = "casino\ncheap pills\n" })
	for _, tc := range []struct {
		text, name, want string
	}{
		{"Three links are fine: https://a.example https://b.example <a href=\"https://c.example\">c</a>", "Cy", models.CommentApproved},
		{"Four are not: https://a.example https://b.example https://c.example <a href=\"mailto:x@d.example\">d</a>", "Cy", models.CommentPending},
		{"Visit our CASINO tonight", "Cy", models.CommentPending},
		{"Buy Cheap   Pills here", "Cy", models.CommentPending},
		{"Buy cheap pills here", "Cy", models.CommentPending},
		{"A casinos review", "Cy", models.CommentApproved}, // a held word inside another word is not held
		{"An honest note", "casino king", models.CommentPending},
	} {
		res, _ := ts.postForm(t, commentsURL, commentForm(tc.text, tc.name))
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("%q: status %d", tc.text, res.StatusCode)
		}
		if got := ts.lastComment(t).Status; got != tc.want {
			t.Errorf("%q by %q: %s, want %s", tc.text, tc.name, got, tc.want)
		}
	}
}

func TestHoneypotStoresNothing(t *testing.T) {
	t.Parallel()
	ts := commentTestServer(t, models.ModerateNone)
	res, _ := ts.postForm(t, commentsURL, commentForm("Great article, visit my site", "Bot", "website", "http://spam.example"))
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("status %d, want 303 like any post", res.StatusCode)
	}
	if n := len(ts.comments(t)); n != 0 {
		t.Errorf("honeypot comment stored (%d)", n)
	}
}

func TestDuplicateCommentRefused(t *testing.T) {
	t.Parallel()
	ts := commentTestServer(t, models.ModerateAll)
	form := commentForm("Same words twice.", "Dee")
	if res, _ := ts.postForm(t, commentsURL, form); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("first post: %d", res.StatusCode)
	}
	res, body := ts.postForm(t, commentsURL, form)
	if res.StatusCode != http.StatusConflict {
		t.Fatalf("second post: %d, want 409", res.StatusCode)
	}
	if !strings.Contains(body, "You have already posted this comment here.") || !strings.Contains(body, ">\nSame words twice.</textarea>") {
		t.Error("duplicate answer lacks its message or the kept text")
	}
	if res, _ := ts.postForm(t, "/business/"+lastSegment(otherArticle(t, ts))+"/comments", form); res.StatusCode == http.StatusConflict {
		t.Error("the same text under another article was refused as a duplicate")
	}
	ts.Clock.Set(testNow.Add(models.DuplicateWindow + time.Minute))
	if res, _ := ts.postForm(t, commentsURL, form); res.StatusCode != http.StatusSeeOther {
		t.Errorf("after the window: %d, want 303", res.StatusCode)
	}
	if n := len(ts.comments(t)); n != 2 && n != 3 {
		t.Errorf("%d comments stored", n)
	}
}

// otherArticle returns the path of a live article other than the seed's.
func otherArticle(t testing.TB, ts *testServer) string {
	t.Helper()
	list, err := ts.H.Articles.Latest(t.Context(), 10)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range list {
		if a.URL() != seedURL {
			return a.URL()
		}
	}
	t.Fatal("demo has one article")
	return ""
}
