package models

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzSanitizeComment feeds the comment sanitizer whatever a commenter
// could type. Whatever goes in, what comes out, parsed as a browser parses
// it, holds no script, no event handler and no javascript: (or any other
// non-web) URL, and is valid UTF-8.
func FuzzSanitizeComment(f *testing.F) {
	for _, s := range []string{
		"Plain words.\n\nA second paragraph\nwith a line break.",
		"<script>alert(1)</script>after",
		"<img src=x onerror=alert(1)>",
		`<a href="javascript:alert(1)">click</a>`,
		`<a href="&#106;avascript:alert(1)">x</a>`,
		`<a href="jav&#x09;ascript:alert(1)">x</a>`,
		`<a href=" javascript:alert(1)">x</a>`,
		`<a href="https://example.org/" onclick="x()">ok</a>`,
		"see https://example.org/a?b=c&d=<e> and www.example.com",
		"javascript:alert(1) as plain text",
		`<p style="color:red" onmouseover=x>hi</p>`,
		"<svg><script>alert(1)</script></svg>",
		"<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
		"<<script>script>alert(1)<</script>/script>",
		"<b><i>unclosed <q>tags",
		"<!--<script>-->alert(1)",
		"<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
		"<iframe src=//evil.example></iframe><form action=//evil><input></form>",
		`<a href="mailto:editor@example.org">mail</a> <a href="data:text/html,<script>">d</a>`,
		"\u202Eevil\u202C \x00 nul",
		strings.Repeat("<b>", 200),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out, _ := SanitizeComment(in)
		if bad := unsafeHTML(string(out)); bad != "" {
			t.Fatalf("comment %q sanitized to %q, which holds %s", in, out, bad)
		}
		if !utf8.ValidString(string(out)) {
			t.Fatalf("comment %q sanitized to invalid UTF-8 %q", in, out)
		}
	})
}
