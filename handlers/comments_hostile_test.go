package handlers

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/newsroom/news/models"
	"golang.org/x/net/html"
)

// hostileComments are what attackers type into a comment. Each is posted
// after a short lead-in, so that none is empty once cleaned; want are
// strings the stored HTML must hold, and every stored comment must pass
// checkCommentHTML.
var hostileComments = []struct {
	in   string
	want []string
}{
	{`<script>alert(1)</script>`, nil},
	{`<SCRIPT>alert(1)</SCRIPT>`, nil},
	{`<ScRiPt src=//evil.example/x.js></ScRiPt>`, nil},
	{`<script/xss src="http://evil.example/x.js"></script>`, nil},
	{`<scr<script>ipt>alert(1)</script>`, nil},
	{`&lt;script&gt;alert(1)&lt;/script&gt;`, []string{`&lt;script&gt;alert(1)&lt;/script&gt;`}},
	{`%3Cscript%3Ealert(1)%3C/script%3E`, []string{`%3Cscript%3Ealert(1)%3C/script%3E`}},
	{"<scr\x00ipt>alert(1)</scr\x00ipt>", nil},
	{`<img src=x onerror=alert(1)>`, nil},
	{`<body onload=alert(1)>body`, []string{"body"}},
	{`<svg onload=alert(1)>`, nil},
	{`<b onmouseover=alert(1)>bold</b>`, []string{`<b>bold</b>`}},
	{`<a href="https://ok.example/" onclick="alert(1)">x</a>`, []string{`<a href="https://ok.example/" rel="nofollow ugc noopener">x</a>`}},
	{`<div onfocus=alert(1) autofocus tabindex=1>focus</div>`, []string{"focus"}},
	{`<details open ontoggle=alert(1)>toggle</details>`, []string{"toggle"}},
	{`<input autofocus onfocus=alert(1)>`, nil},
	{`<video><source onerror=alert(1)></video>`, nil},
	{`<i onclick=alert(1) ONCLICK=alert(2) OnClIcK=alert(3)>i</i>`, []string{`<i>i</i>`}},
	{`<iframe src="javascript:alert(1)"></iframe>`, nil},
	{`<object data="javascript:alert(1)"></object>`, nil},
	{`<embed src="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">`, nil},
	{`<form action="https://evil.example/"><button>go</button></form>`, nil},
	{`<base href="https://evil.example/">`, nil},
	{`<meta http-equiv="refresh" content="0;url=https://evil.example/">`, nil},
	{`<a href="javascript:alert(1)">j1</a>`, []string{"j1"}},
	{`<a href="JaVaScRiPt:alert(1)">j2</a>`, []string{"j2"}},
	{`<a href="&#106;avascript:alert(1)">j3</a>`, []string{"j3"}},
	{`<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">j4</a>`, []string{"j4"}},
	{`<a href="java&#x09;script:alert(1)">j5</a>`, []string{"j5"}},
	{`<a href=" &#14; javascript:alert(1)">j6</a>`, []string{"j6"}},
	{"<a href=\"java\nscript:alert(1)\">j7</a>", []string{"j7"}},
	{`<a href="javascript&colon;alert(1)">j8</a>`, []string{"j8"}},
	{`<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)">j9</a>`, []string{"j9"}},
	{`<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">d1</a>`, []string{"d1"}},
	{`<a href="DATA:text/html,<script>alert(1)</script>">d2</a>`, []string{"d2"}},
	{`<a href="vbscript:msgbox(1)">v</a>`, nil},
	{`<a href="//evil.example/x">protocol-relative</a>`, []string{"protocol-relative"}},
	{`<p style="background:url(javascript:alert(1))">styled</p>`, []string{"<p>styled</p>"}},
	{`<style>body{display:none}</style>after style`, []string{"after style"}},
	{`<span style="position:fixed;top:0;left:0;width:100%;height:100%">overlay</span>`, []string{"overlay"}},
	{`<b style="width:expression(alert(1))">x</b>`, []string{"<b>x</b>"}},
	{`<link rel=stylesheet href="https://evil.example/x.css">`, nil},
	{`<svg><a xlink:href="javascript:alert(1)"><text>svg text</text></a></svg>`, nil},
	{`<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>`, nil},
	{`<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">`, nil},
	{`<noscript><p title="</noscript><img src=x onerror=alert(1)>">`, nil},
	{`<math href="javascript:alert(1)">CLICK</math>`, []string{"CLICK"}},
	{`<b><i>never closed`, []string{`<b><i>never closed</i></b>`}},
	{`</b></b></div>closing only`, []string{"closing only"}},
	{`<blockquote><blockquote><blockquote>deep`, []string{"<blockquote><blockquote><blockquote>deep"}},
	{`<q>quoted</q> <del>gone</del> <code>x &lt; y</code> <strong>s</strong> <em>e</em>`,
		[]string{"<q>quoted</q>", "<del>gone</del>", "<code>x &lt; y</code>", "<strong>s</strong>", "<em>e</em>"}},
	{`{{.Site.SiteName}} {{template "layout" .}} {{define "x"}}`, []string{`{{.Site.SiteName}} {{template &#34;layout&#34; .}}`}},
	{`${alert(1)} <%= 1 %> #{7*7}`, []string{`${alert(1)}`}},
	{`<a href="https://ok.example/?q=&quot;onmouseover=alert(1)">quote</a>`, []string{`href="https://ok.example/?q=&#34;onmouseover=alert(1)" rel=`}},
	{`see https://example.com/path?x=1&y=<script>alert(1)</script>`, []string{`<a href="https://example.com/path?x=1&amp;y=" rel="nofollow ugc noopener">`}},
	{`<!-- a comment --><![CDATA[cdata]]>`, nil},
	{`</textarea><script>alert(1)</script>`, nil},
	{`<a href="https://ok.example/" rel="opener" target="_blank">t</a>`, []string{`<a href="https://ok.example/" rel="nofollow ugc noopener">t</a>`}},
	{`<xmp><script>alert(1)</script></xmp>`, nil},
	{"bidi \u202Eevil\u202C and zero\x07bell", []string{"bidi evil and zerobell"}},
	{`<a href="mailto:desk@example.com">mail us</a>`, []string{`<a href="mailto:desk@example.com" rel="nofollow ugc noopener">mail us</a>`}},
}

func TestHostileCommentsAreStoredAndShownSafely(t *testing.T) {
	t.Parallel()
	ts := commentTestServer(t, models.ModerateNone)
	for i, tc := range hostileComments {
		res, body := ts.postForm(t, commentsURL, commentForm(fmt.Sprintf("Case %d: ", i)+tc.in, `<b onmouseover="x">Name</b>`))
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("case %d %q: status %d\n%s", i, tc.in, res.StatusCode, section(t, body, `id="respond"`, "</form>"))
		}
	}
	stored := ts.comments(t)
	if len(stored) != len(hostileComments) {
		t.Fatalf("%d stored of %d", len(stored), len(hostileComments))
	}
	_, page := ts.get(t, seedURL)
	for i, tc := range hostileComments {
		got := stored[i].Body
		if err := checkCommentHTML(got); err != nil {
			t.Errorf("case %d %q: stored %q: %v", i, tc.in, got, err)
		}
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("case %d %q: stored %q lacks %q", i, tc.in, got, w)
			}
		}
		if !strings.Contains(page, `<div class="comment-body">`+got+`</div>`) {
			t.Errorf("case %d: the page does not show the stored HTML as it is", i)
		}
	}
	if strings.Contains(page, `<b onmouseover`) || !strings.Contains(page, `&lt;b onmouseover=&#34;x&#34;&gt;Name&lt;/b&gt;`) {
		t.Error("a commenter's name is not shown as escaped text")
	}
}

// commentTags are the elements a stored comment may hold.
var commentTags = map[string]bool{"p": true, "br": true, "a": true, "b": true, "strong": true, "i": true,
	"em": true, "blockquote": true, "code": true, "q": true, "del": true}

// checkCommentHTML fails HTML that holds anything but the comment elements,
// any attribute but a link's href and the site's rel, a link that is not
// http, https or mailto, an unbalanced tag, a markup comment or a NUL.
func checkCommentHTML(s string) error {
	if strings.ContainsRune(s, 0) {
		return fmt.Errorf("NUL byte")
	}
	z := html.NewTokenizer(strings.NewReader(s))
	var open []string
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if len(open) > 0 {
				return fmt.Errorf("unclosed %v", open)
			}
			return nil
		case html.CommentToken, html.DoctypeToken:
			return fmt.Errorf("markup comment or doctype")
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			if !commentTags[tok.Data] {
				return fmt.Errorf("element %q", tok.Data)
			}
			for _, a := range tok.Attr {
				if err := checkAttr(tok.Data, a); err != nil {
					return err
				}
			}
			if tok.Data == "a" && (len(tok.Attr) != 2 || tok.Attr[0].Key != "href") {
				return fmt.Errorf("link attributes %v", tok.Attr)
			}
			if tok.Data != "br" && tt != html.SelfClosingTagToken {
				open = append(open, tok.Data)
			}
		case html.EndTagToken:
			tok := z.Token()
			if len(open) == 0 || open[len(open)-1] != tok.Data {
				return fmt.Errorf("end tag %q does not close %v", tok.Data, open)
			}
			open = open[:len(open)-1]
		}
	}
}

func checkAttr(tag string, a html.Attribute) error {
	switch {
	case tag == "a" && a.Key == "rel":
		if a.Val != "nofollow ugc noopener" {
			return fmt.Errorf("rel %q", a.Val)
		}
	case tag == "a" && a.Key == "href":
		u, err := url.Parse(a.Val)
		if err != nil {
			return fmt.Errorf("href %q: %v", a.Val, err)
		}
		if u.Scheme != "http" && u.Scheme != "https" && u.Scheme != "mailto" {
			return fmt.Errorf("href %q has scheme %q", a.Val, u.Scheme)
		}
		if strings.ContainsAny(a.Val, " \t\n\r") || strings.Contains(strings.ToLower(a.Val), "script:") {
			return fmt.Errorf("href %q", a.Val)
		}
	default:
		return fmt.Errorf("attribute %s on %s", a.Key, tag)
	}
	return nil
}

// TestCommentHTMLCheckerCatchesUnsafeHTML keeps the checker above honest:
// it must fail each of these.
func TestCommentHTMLCheckerCatchesUnsafeHTML(t *testing.T) {
	t.Parallel()
	for _, bad := range []string{
		`<script>x</script>`, `<b onclick="x">b</b>`, `<a href="javascript:alert(1)" rel="nofollow ugc noopener">a</a>`,
		`<a href="https://x.example/">no rel</a>`, `<a href="/relative" rel="nofollow ugc noopener">r</a>`,
		`<b>unclosed`, `<i></b>`, `<p style="x">p</p>`, `<!-- c -->`, "nul\x00", `<svg></svg>`,
	} {
		if checkCommentHTML(bad) == nil {
			t.Errorf("checker passed %q", bad)
		}
	}
	if err := checkCommentHTML(`<p>ok <a href="https://x.example/" rel="nofollow ugc noopener">x</a><br/></p>`); err != nil {
		t.Errorf("checker failed good HTML: %v", err)
	}
}
