package models

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// queryShape is what SearchQuery may produce: quoted phrases of words,
// one space apart, no quote or operator outside them.
var queryShape = regexp.MustCompile(`^("[^"]+"( "[^"]+")*)?$`)

// FuzzSearchQuery feeds the search box whatever a reader (or a scanner)
// could type. The translation is always a few quoted phrases within the
// limits, translating it again changes nothing, and SQLite's full-text
// index accepts it: no input becomes query syntax or a query error.
func FuzzSearchQuery(f *testing.F) {
	for _, s := range []string{
		"election results", `"prime minister" visit`, "covid-19 10:30 o'brien at&t www.example.com",
		"a*", "NEAR(a b)", "title:kim", "^start", "a OR b NOT c AND d", `"unclosed phrase`, `""`, `" "`,
		"(((", "-", "*", "the of and", "日本語 검색", "e\u0301cole", "\x00\x02\x03", "'; DROP TABLE articles; --",
		strings.Repeat("word ", 100), strings.Repeat("x", 300), "\"a\" \"the\" \"the cat\"",
	} {
		f.Add(s)
	}
	d := newTestDB(f)
	f.Fuzz(func(t *testing.T, in string) {
		q := SearchQuery(in)
		if !queryShape.MatchString(q) {
			t.Fatalf("SearchQuery(%q) = %q: not quoted phrases", in, q)
		}
		if n := strings.Count(q, `"`) / 2; n > maxQueryTerms {
			t.Fatalf("SearchQuery(%q) has %d phrases", in, n)
		}
		for _, w := range strings.FieldsFunc(q, func(r rune) bool { return r == ' ' || r == '"' }) {
			if utf8.RuneCountInString(w) > maxTermRunes {
				t.Fatalf("SearchQuery(%q): word %q is too long", in, w)
			}
		}
		if utf8.ValidString(in) && !utf8.ValidString(q) {
			t.Fatalf("SearchQuery(%q) = %q: invalid UTF-8", in, q)
		}
		if again := SearchQuery(q); again != q {
			t.Fatalf("SearchQuery is not stable: %q -> %q -> %q", in, q, again)
		}
		if q == "" {
			return
		}
		var n int
		if err := d.QueryRow(context.Background(),
			`SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?`, q).Scan(&n); err != nil {
			t.Fatalf("SearchQuery(%q) = %q: the index refuses it: %v", in, q, err)
		}
	})
}
