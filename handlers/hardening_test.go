package handlers

import (
	"bufio"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/handlers/reader"
)

// A handler that panics gives the reader the 500 page with a reference,
// the same reference is in the X-Request-ID header and in the log, and the
// server goes on serving.
func TestPanicGivesErrorPageWithRequestID(t *testing.T) {
	t.Parallel()
	ts, logs := newTestServerWith(t, serverOptions{demo: true, routes: func(g *Groups) {
		g.Fresh.GET("/test-panic", func(echo.Context) error { panic("test panic: nil map write") })
	}})
	res, body := ts.get(t, "/test-panic")
	if res.StatusCode != http.StatusInternalServerError {
		t.Fatalf("status %d, want 500", res.StatusCode)
	}
	id := res.Header.Get("X-Request-ID")
	if len(id) < 8 {
		t.Fatalf("X-Request-ID %q", id)
	}
	if !strings.Contains(body, "Something went wrong") || !strings.Contains(body, "<code>"+id+"</code>") {
		t.Errorf("500 page does not show the request id %s:\n%s", id, body)
	}
	if strings.Contains(body, "nil map write") || strings.Contains(body, "goroutine") {
		t.Errorf("500 page leaks the panic:\n%s", body)
	}
	log := logs.String()
	for _, want := range []string{"msg=panic id=" + id, "test panic: nil map write", "status=500"} {
		if !strings.Contains(log, want) {
			t.Errorf("log lacks %q:\n%s", want, log)
		}
	}
	for range 3 {
		if res, _ := ts.get(t, "/"); res.StatusCode != http.StatusOK {
			t.Fatalf("front page after a panic: %d", res.StatusCode)
		}
	}
	res2, _ := ts.get(t, "/test-panic")
	if res2.Header.Get("X-Request-ID") == id {
		t.Error("two requests got the same id")
	}
}

// checkSecurityHeaders reports what a response lacks of the headers every
// answer must carry.
func checkSecurityHeaders(t *testing.T, what string, h http.Header) {
	t.Helper()
	csp := h.Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "object-src 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("%s: CSP %q lacks %q", what, csp, want)
		}
	}
	if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") || strings.Contains(csp, "*") {
		t.Errorf("%s: CSP %q allows too much", what, csp)
	}
	want := map[string]string{
		"X-Content-Type-Options": "nosniff",
		"Referrer-Policy":        "strict-origin-when-cross-origin",
	}
	for k, v := range want {
		if got := h.Get(k); got != v {
			t.Errorf("%s: %s = %q, want %q", what, k, got, v)
		}
	}
	if pp := h.Get("Permissions-Policy"); !strings.Contains(pp, "camera=()") || !strings.Contains(pp, "geolocation=()") {
		t.Errorf("%s: Permissions-Policy %q", what, pp)
	}
	if h.Get("X-Request-ID") == "" {
		t.Errorf("%s: no X-Request-ID", what)
	}
}

// Every kind of answer carries the security headers: pages, static files,
// redirects, errors of every kind, admin pages, the panic page.
func TestEveryResponseHasSecurityHeaders(t *testing.T) {
	t.Parallel()
	ts, _ := newTestServerWith(t, serverOptions{demo: true, routes: func(g *Groups) {
		g.Fresh.GET("/test-panic", func(echo.Context) error { panic("boom") })
	}})
	article := firstArticlePath(t, ts)
	_, home := ts.get(t, "/")
	css := between(home, `href="/static/`, `"`)
	if css == "" {
		t.Fatal("no stylesheet on the front page")
	}
	big := url.Values{"comment": {strings.Repeat("x", reader.MaxCommentBody)}, "name": {"A"}}
	cases := []struct {
		name   string
		method string
		path   string
		form   url.Values
		status int
	}{
		{"front page", "GET", "/", nil, 200},
		{"article", "GET", article, nil, 200},
		{"section", "GET", "/category/world-news", nil, 200},
		{"static", "GET", "/static/" + css, nil, 200},
		{"HEAD", "HEAD", "/", nil, 200},
		{"not found", "GET", "/no/such-article", nil, 404},
		{"unknown tag", "GET", "/tag/no-such-tag", nil, 404},
		{"method not allowed", "DELETE", "/", nil, 405},
		{"panic", "GET", "/test-panic", nil, 500},
		{"comment refused", "POST", article + "/comments", url.Values{"comment": {""}, "name": {""}}, 422},
		{"comment too large", "POST", article + "/comments", big, 413},
		{"comment redirect", "GET", article + "/comments", nil, 303},
		{"sign-in page", "GET", "/admin/login", nil, 200},
		{"admin signed out", "GET", "/admin/settings", nil, 303},
		{"cross-site post", "POST", "/admin/login", url.Values{}, 403},
	}
	for _, tc := range cases {
		var res *http.Response
		if tc.method == "POST" {
			req, _ := http.NewRequest("POST", ts.URL+tc.path, strings.NewReader(tc.form.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			if tc.status == 403 {
				req.Header.Set("Sec-Fetch-Site", "cross-site")
				req.Header.Set("Origin", "https://evil.example")
			}
			res, _ = ts.do(t, req)
		} else {
			req, _ := http.NewRequest(tc.method, ts.URL+tc.path, nil)
			res, _ = ts.do(t, req)
		}
		if res.StatusCode != tc.status {
			t.Errorf("%s: %s %s = %d, want %d", tc.name, tc.method, tc.path, res.StatusCode, tc.status)
		}
		checkSecurityHeaders(t, tc.name, res.Header)
		if res.Header.Get("Strict-Transport-Security") != "" {
			t.Errorf("%s: HSTS over plain HTTP", tc.name)
		}
	}
	ts.signIn(t, "admin")
	for _, p := range []string{"/admin", "/admin/settings", "/admin/people", "/admin/audit", "/admin/profile"} {
		res, _ := ts.get(t, p)
		if res.StatusCode != 200 {
			t.Errorf("GET %s as admin = %d", p, res.StatusCode)
		}
		checkSecurityHeaders(t, p, res.Header)
	}
}

// Over TLS, answers also carry Strict-Transport-Security.
func TestHSTSOverTLS(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	tlsSrv := newTLSServerFor(t, ts)
	res, err := tlsSrv.Client().Get(tlsSrv.URL + "/no/such-page")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if got := res.Header.Get("Strict-Transport-Security"); !strings.Contains(got, "max-age=") {
		t.Errorf("HSTS over TLS = %q", got)
	}
	checkSecurityHeaders(t, "TLS 404", res.Header)
}

// between returns the text after the first start and before the next end.
func between(s, start, end string) string {
	i := strings.Index(s, start)
	if i < 0 {
		return ""
	}
	s = s[i+len(start):]
	j := strings.Index(s, end)
	if j < 0 {
		return ""
	}
	return s[:j]
}

// rawRequest sends head (request line and headers, no blank line) with a
// Content-Length of declared but no body, and returns the status the server
// answers with before reading the body.
func rawRequest(t *testing.T, ts *testServer, head string, declared int64) (int, string) {
	t.Helper()
	conn, err := net.Dial("tcp", ts.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	// A route that waits for the announced body instead of refusing it
	// fails here rather than hanging the test.
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	fmt.Fprintf(conn, "%s\r\nHost: %s\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\n\r\n",
		head, ts.Listener.Addr().String(), declared)
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		return 0, "no answer: " + err.Error()
	}
	defer res.Body.Close()
	var b strings.Builder
	bufio.NewReader(res.Body).WriteTo(&b)
	return res.StatusCode, b.String()
}
