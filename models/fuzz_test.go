package models

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzSlugify(f *testing.F) {
	for _, s := range []string{"Kim Jong Un to Visit Russia", "Café ’quoted’", "", "---", "日本語のタイトル", "a\x00b", strings.Repeat("ab ", 100)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		s := Slugify(in)
		if !ValidSlug(s) {
			t.Fatalf("Slugify(%q) = %q, not a valid slug", in, s)
		}
		if Slugify(s) != s {
			t.Fatalf("Slugify is not stable on its output %q", s)
		}
	})
}

func FuzzParsePage(f *testing.F) {
	for _, s := range []string{"", "1", "2", "0", "-1", "abc", "99999999999999999999", "1e3", "+3", " 7"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		n, err := ParsePage(in)
		if err != nil {
			return
		}
		if n < 1 || n > MaxPage {
			t.Fatalf("ParsePage(%q) = %d, outside 1..%d", in, n, MaxPage)
		}
		if in != "" && !regexp.MustCompile(`^[0-9]+$`).MatchString(in) {
			t.Fatalf("ParsePage accepted %q", in)
		}
	})
}

func FuzzRenderMarkdown(f *testing.F) {
	for _, s := range []string{
		"# Heading\n\nA *paragraph* with [a link](https://example.org).",
		"<script>alert(1)</script>",
		"[x](javascript:alert(1))",
		"![img](data:image/png;base64,AAAA)",
		"<img src=x onerror=alert(1)>",
		"| a | b |\n|---|---|\n| 1 | 2 |",
		"<a href=\"&#106;avascript:alert(1)\">x</a>",
		"<iframe src=//evil></iframe>",
		"> quote\n\n- list\n- items",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		out, err := RenderMarkdown(src)
		if err != nil {
			return
		}
		if bad := unsafeHTML(string(out)); bad != "" {
			t.Fatalf("markdown %q rendered %q with %s", src, out, bad)
		}
		if utf8.ValidString(src) && !utf8.ValidString(string(out)) {
			t.Fatalf("valid input gave invalid UTF-8")
		}
	})
}
