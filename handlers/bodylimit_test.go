package handlers

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/newsroom/news/handlers/newsroom"
	"github.com/newsroom/news/handlers/reader"
)

// fillParams puts real-looking values into a route's parameters: the
// article's section and slug, and id 1 for every other.
func fillParams(path, article string) string {
	parts := strings.Split(article, "/") // "", section, slug
	var out []string
	for _, seg := range strings.Split(path, "/") {
		switch {
		case seg == ":section":
			seg = parts[1]
		case seg == ":slug":
			seg = parts[2]
		case strings.HasPrefix(seg, ":"):
			seg = "1"
		case seg == "*":
			seg = "x"
		}
		out = append(out, seg)
	}
	return strings.Join(out, "/")
}

// Every route that takes a body refuses one larger than it accepts with
// 413, before reading it: a client that announces a gigabyte gets the
// answer at once. New routes are covered as they are added.
func TestEveryPostRouteLimitsItsBody(t *testing.T) {
	t.Parallel()
	ts, _ := newTestServerWith(t, serverOptions{demo: true})
	ts.signIn(t, "admin")
	article := firstArticlePath(t, ts)
	base, _ := url.Parse(ts.URL + "/admin")
	var cookies []string
	for _, c := range ts.Client.Jar.Cookies(base) {
		cookies = append(cookies, c.Name+"="+c.Value)
	}
	posts := 0
	for _, r := range echoOf(ts).Routes() {
		if r.Method != http.MethodPost && r.Method != http.MethodPut && r.Method != http.MethodPatch {
			continue
		}
		posts++
		path := fillParams(r.Path, article)
		status, body := rawRequest(t, ts, r.Method+" "+path+" HTTP/1.1\r\nCookie: "+strings.Join(cookies, "; "), 1<<30)
		if status != http.StatusRequestEntityTooLarge {
			t.Errorf("%s %s with a 1 GB body: %d, want 413", r.Method, r.Path, status)
			continue
		}
		if !strings.Contains(body, "Too large") || !strings.Contains(body, "413") {
			t.Errorf("%s %s: the 413 page does not say why:\n%s", r.Method, r.Path, body)
		}
	}
	if posts < 5 {
		t.Fatalf("only %d POST routes found", posts)
	}
}

// A body sent without a length (chunked) and past the limit gets the same
// 413 page as one that announces its size; a comment keeps its own,
// clearer message.
func TestChunkedBodyPastLimit(t *testing.T) {
	t.Parallel()
	ts, _ := newTestServerWith(t, serverOptions{demo: true})
	article := firstArticlePath(t, ts)
	cases := []struct {
		path string
		size int
		want string
	}{
		{"/admin/login", 65<<10 + 1, "larger than this form accepts"},
		{"/admin/setup", 65<<10 + 1, "larger than this form accepts"},
		{article + "/comments", reader.MaxCommentBody + 1, "a comment has at most"},
	}
	for _, tc := range cases {
		form := "name=A&email=a%40b.example&password=x&comment=" + strings.Repeat("y", tc.size)
		// A reader of unknown length makes the client send it chunked.
		req, _ := http.NewRequest("POST", ts.URL+tc.path, struct{ *strings.Reader }{strings.NewReader(form)})
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		res, body := ts.do(t, req)
		if res.StatusCode != http.StatusRequestEntityTooLarge {
			t.Errorf("POST %s chunked, %d bytes: %d, want 413", tc.path, len(form), res.StatusCode)
		}
		if !strings.Contains(body, tc.want) {
			t.Errorf("POST %s: 413 page lacks %q", tc.path, tc.want)
		}
	}
	// Under the limit, chunked forms are read as usual.
	req, _ := http.NewRequest("POST", ts.URL+"/admin/login", struct{ *strings.Reader }{strings.NewReader("email=nobody%40example.org&password=wrong")})
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if res, body := ts.do(t, req); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, newsroom.MsgBadLogin[:20]) {
		t.Errorf("small chunked sign-in: %d", res.StatusCode)
	}
}
