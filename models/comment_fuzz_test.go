package models

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// FuzzSanitizeComment checks that whatever a commenter types, the stored
// HTML holds only the comment elements, safe links carrying the site's rel,
// balanced tags and no NUL.
func FuzzSanitizeComment(f *testing.F) {
	for _, s := range []string{
		"plain text\n\nsecond", `<b><i>open`, `<a href="jav&#x09;ascript:alert(1)">x</a>`, "see https://example.com/(x).",
		`<svg><a xlink:href="javascript:alert(1)">x</a></svg>`, `<noscript><p title="</noscript><img src=x onerror=alert(1)>">`,
		"<scr\x00ipt>alert(1)</script>", `<a href="https://ok.example/" rel=opener>t</a>`, "<blockquote>a\n\nb</blockquote>",
	} {
		f.Add(s)
	}
	allowed := map[string]bool{}
	for _, t := range commentTags {
		allowed[t] = true
	}
	f.Fuzz(func(t *testing.T, in string) {
		out, _ := SanitizeComment(in)
		s := string(out)
		if bad := unsafeHTML(s); bad != "" {
			t.Fatalf("SanitizeComment(%q) = %q: %s", in, s, bad)
		}
		if strings.ContainsRune(s, 0) {
			t.Fatalf("SanitizeComment(%q) keeps a NUL", in)
		}
		z := html.NewTokenizer(strings.NewReader(s))
		depth := 0
		for {
			tt := z.Next()
			if tt == html.ErrorToken {
				break
			}
			tok := z.Token()
			switch tt {
			case html.StartTagToken:
				if !allowed[tok.Data] {
					t.Fatalf("SanitizeComment(%q) = %q: element %s", in, s, tok.Data)
				}
				if tok.Data == "a" && (len(tok.Attr) != 2 || tok.Attr[1].Val != commentLinkRel) {
					t.Fatalf("SanitizeComment(%q) = %q: link without the site's rel", in, s)
				}
				if tok.Data != "br" {
					depth++
				}
			case html.EndTagToken:
				depth--
			case html.CommentToken, html.DoctypeToken:
				t.Fatalf("SanitizeComment(%q) = %q: comment or doctype", in, s)
			}
		}
		if depth != 0 {
			t.Fatalf("SanitizeComment(%q) = %q: unbalanced tags", in, s)
		}
	})
}
